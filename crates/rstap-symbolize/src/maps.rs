//! `/proc/PID/maps` parsing.

use std::path::{Path, PathBuf};

use crate::error::SymbolizeError;

/// What backs a mapping, from the last column of a maps line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MappingSource {
    /// No path: anonymous memory (heap growth, JIT code, thread stacks).
    Anonymous,
    /// A file. `deleted` is set when the kernel appended ` (deleted)`.
    File { path: PathBuf, deleted: bool },
    /// A kernel-named region such as `[vdso]`, `[stack]`, `[heap]`.
    Pseudo(String),
}

/// One line of a maps file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    pub start: u64,
    pub end: u64,
    pub readable: bool,
    pub writable: bool,
    pub executable: bool,
    /// Offset in the backing file of `start`.
    pub file_offset: u64,
    /// Device as `major:minor` in hex, as the kernel prints it.
    pub device: (u32, u32),
    pub inode: u64,
    pub source: MappingSource,
}

impl Mapping {
    pub fn contains(&self, address: u64) -> bool {
        self.start <= address && address < self.end
    }

    /// The file path, for file-backed mappings.
    pub fn path(&self) -> Option<&Path> {
        match &self.source {
            MappingSource::File { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The name SystemTap shows in brackets: the path, or `[vdso]`-style names.
    pub fn module_name(&self) -> Option<String> {
        match &self.source {
            MappingSource::File { path, .. } => Some(path.display().to_string()),
            MappingSource::Pseudo(name) => Some(name.clone()),
            MappingSource::Anonymous => None,
        }
    }
}

/// Reads `/proc/PID/maps`. A missing process is [`SymbolizeError::NoSuchProcess`].
pub fn read_process_maps(pid: u32) -> Result<Vec<Mapping>, SymbolizeError> {
    let path = PathBuf::from(format!("/proc/{pid}/maps"));
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SymbolizeError::NoSuchProcess { pid });
        }
        Err(source) => return Err(SymbolizeError::Io { path, source }),
    };
    // An exited-but-unreaped process has an empty maps file.
    if text.trim().is_empty() {
        return Err(SymbolizeError::NoSuchProcess { pid });
    }
    parse_maps(&text, &path)
}

/// Parses maps text; `origin` names the file in errors.
pub fn parse_maps(text: &str, origin: &Path) -> Result<Vec<Mapping>, SymbolizeError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            parse_line(line).map_err(|reason| SymbolizeError::Malformed {
                path: origin.to_path_buf(),
                line: index + 1,
                reason,
            })
        })
        .collect()
}

fn parse_line(line: &str) -> Result<Mapping, &'static str> {
    // Five space-separated fields, then the path padded with spaces. Paths
    // may contain spaces, so the path is "everything after the fifth field".
    let mut rest = line;
    let mut field = || -> Result<&str, &'static str> {
        let trimmed = rest.trim_start_matches(' ');
        let end = trimmed.find(' ').unwrap_or(trimmed.len());
        let (value, tail) = trimmed.split_at(end);
        rest = tail;
        if value.is_empty() {
            Err("expected `START-END PERMS OFFSET DEV INODE [PATH]`")
        } else {
            Ok(value)
        }
    };
    let range = field()?;
    let perms = field()?;
    let offset = field()?;
    let device = field()?;
    let inode = field()?;
    let path = rest.trim_start_matches(' ');

    let (start, end) = range.split_once('-').ok_or("address range without `-`")?;
    let hex = |s: &str, what| u64::from_str_radix(s, 16).map_err(|_| what);
    let start = hex(start, "start address is not hexadecimal")?;
    let end = hex(end, "end address is not hexadecimal")?;
    if end < start {
        return Err("end address below start address");
    }
    let perms = perms.as_bytes();
    if perms.len() != 4 {
        return Err("permissions are not four characters");
    }
    let (major, minor) = device.split_once(':').ok_or("device without `:`")?;
    let dev_part = |s: &str| u32::from_str_radix(s, 16).map_err(|_| "device is not hexadecimal");
    let source = if path.is_empty() {
        MappingSource::Anonymous
    } else if path.starts_with('[') && path.ends_with(']') {
        MappingSource::Pseudo(path.to_string())
    } else {
        match path.strip_suffix(" (deleted)") {
            Some(path) => MappingSource::File {
                path: PathBuf::from(path),
                deleted: true,
            },
            None => MappingSource::File {
                path: PathBuf::from(path),
                deleted: false,
            },
        }
    };
    Ok(Mapping {
        start,
        end,
        readable: perms[0] == b'r',
        writable: perms[1] == b'w',
        executable: perms[2] == b'x',
        file_offset: hex(offset, "offset is not hexadecimal")?,
        device: (dev_part(major)?, dev_part(minor)?),
        inode: inode.parse().map_err(|_| "inode is not decimal")?,
        source,
    })
}
