//! Typed errors. Every malformed input maps to one of these; nothing in the crate panics on
//! bad bytes.

use std::fmt;
use std::path::PathBuf;

use crate::types::TypeId;

/// Why a BTF blob could not be read or a query could not be answered.
#[derive(Debug)]
pub enum BtfError {
    /// Reading a BTF file failed.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The blob ends before the structure that was being read.
    Truncated { what: &'static str, offset: usize },
    /// The first two bytes are not the BTF magic in either byte order.
    BadMagic(u16),
    /// Only version 1 of the format exists.
    UnsupportedVersion(u8),
    /// A header field points outside the blob or sections are misplaced.
    BadHeader(&'static str),
    /// A string offset is past the string section or not NUL terminated.
    BadStringOffset(u32),
    /// A string is not valid UTF-8 (kernel names are ASCII).
    BadUtf8(u32),
    /// A type record carries a kind number this reader does not know.
    UnknownKind { id: TypeId, kind: u8 },
    /// A type id is out of range for this BTF.
    InvalidTypeId(TypeId),
    /// A type had a different kind than the query needs.
    UnexpectedKind {
        id: TypeId,
        expected: &'static str,
        found: &'static str,
    },
    /// Following type references went around in a loop or nested absurdly deep.
    TooDeep(TypeId),
    /// The type has no size (void, function, forward declaration).
    NoSize(TypeId),
    /// A func_info or line_info array is not a whole number of records.
    BadRecordArray {
        what: &'static str,
        len: usize,
        rec_size: usize,
    },
    /// Program func/line info breaks a rule the kernel enforces at load time.
    InvalidProgramInfo(String),
}

impl fmt::Display for BtfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BtfError::Io { path, source } => {
                write!(f, "cannot read BTF {}: {source}", path.display())
            }
            BtfError::Truncated { what, offset } => {
                write!(
                    f,
                    "BTF truncated: {what} at byte {offset} runs past the end"
                )
            }
            BtfError::BadMagic(m) => write!(f, "not BTF data (magic {m:#06x})"),
            BtfError::UnsupportedVersion(v) => write!(f, "unsupported BTF version {v}"),
            BtfError::BadHeader(why) => write!(f, "malformed BTF header: {why}"),
            BtfError::BadStringOffset(off) => write!(f, "invalid BTF string offset {off}"),
            BtfError::BadUtf8(off) => write!(f, "BTF string at offset {off} is not UTF-8"),
            BtfError::UnknownKind { id, kind } => {
                write!(f, "BTF type [{id}] has unknown kind {kind}")
            }
            BtfError::InvalidTypeId(id) => write!(f, "BTF type id {id} is out of range"),
            BtfError::UnexpectedKind {
                id,
                expected,
                found,
            } => {
                write!(f, "BTF type [{id}] is {found}, expected {expected}")
            }
            BtfError::TooDeep(id) => write!(f, "BTF type [{id}] nests too deeply or loops"),
            BtfError::NoSize(id) => write!(f, "BTF type [{id}] has no size"),
            BtfError::BadRecordArray {
                what,
                len,
                rec_size,
            } => {
                write!(
                    f,
                    "{what}: {len} bytes is not a multiple of the {rec_size}-byte record"
                )
            }
            BtfError::InvalidProgramInfo(why) => write!(f, "invalid program BTF info: {why}"),
        }
    }
}

impl std::error::Error for BtfError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BtfError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, BtfError>;
