//! The one error type of the crate.

use std::fmt;
use std::path::PathBuf;

/// Why symbolization could not start or a source could not be read.
///
/// An address that simply has no symbol is not an error: lookups return
/// `None` and the formatters fall back to hex, as SystemTap does.
#[derive(Debug)]
pub enum SymbolizeError {
    /// Reading a file (kallsyms, a maps file, an ELF file) failed.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `/proc/kallsyms` lists symbols but every address is zero: the kernel
    /// hides addresses from this user (`kernel.kptr_restrict`, not root).
    KernelAddressesHidden { path: PathBuf },
    /// A line of a kallsyms or maps file does not have the expected shape.
    Malformed {
        path: PathBuf,
        line: usize,
        reason: &'static str,
    },
    /// The process has exited (or never existed) when its mappings were read.
    NoSuchProcess { pid: u32 },
    /// The ELF symbolizer reported an error.
    Elf { path: PathBuf, message: String },
    /// Writing the flame graph failed.
    FlameGraph { message: String },
}

impl fmt::Display for SymbolizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Self::KernelAddressesHidden { path } => write!(
                f,
                "{} shows only zero addresses: kernel symbol addresses are hidden \
                 (run as root, or lower kernel.kptr_restrict)",
                path.display()
            ),
            Self::Malformed { path, line, reason } => {
                write!(f, "{}:{line}: {reason}", path.display())
            }
            Self::NoSuchProcess { pid } => write!(f, "process {pid} does not exist"),
            Self::Elf { path, message } => {
                write!(f, "cannot symbolize with {}: {message}", path.display())
            }
            Self::FlameGraph { message } => write!(f, "cannot draw the flame graph: {message}"),
        }
    }
}

impl std::error::Error for SymbolizeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
