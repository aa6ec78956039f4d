//! Runtime values: SystemTap has only longs and strings (stats live in the store).

use std::fmt;

/// A long or a string. Strings are byte strings without a terminating NUL; their length
/// is kept below MAXSTRINGLEN by the operations that build them.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Value {
    Long(i64),
    Str(Vec<u8>),
}

impl Value {
    pub fn empty_str() -> Value {
        Value::Str(Vec::new())
    }

    /// The value a fresh local, a missing array element or a deleted scalar reads as.
    pub fn default_for(ty: rstap_ir::Type) -> Value {
        match ty {
            rstap_ir::Type::String => Value::empty_str(),
            _ => Value::Long(0),
        }
    }

    /// The long inside; a string reads as 0 (the IR is typed, so this is only a fallback).
    pub fn as_long(&self) -> i64 {
        match self {
            Value::Long(v) => *v,
            Value::Str(_) => 0,
        }
    }

    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Value::Str(s) => s,
            Value::Long(_) => b"",
        }
    }

    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Value::Str(s) => s,
            Value::Long(_) => Vec::new(),
        }
    }

    pub fn is_true(&self) -> bool {
        match self {
            Value::Long(v) => *v != 0,
            Value::Str(s) => !s.is_empty(),
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Long(v) => write!(f, "{v}"),
            Value::Str(s) => write!(f, "{:?}", String::from_utf8_lossy(s)),
        }
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Long(v)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(s.as_bytes().to_vec())
    }
}

impl From<Vec<u8>> for Value {
    fn from(s: Vec<u8>) -> Value {
        Value::Str(s)
    }
}

/// Cuts `s` so it fits a MAXSTRINGLEN buffer (which also holds the NUL).
pub fn truncate_to(s: &mut Vec<u8>, maxstringlen: usize) {
    let cap = maxstringlen.saturating_sub(1);
    if s.len() > cap {
        s.truncate(cap);
    }
}
