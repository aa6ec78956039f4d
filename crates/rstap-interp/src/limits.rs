//! Runtime limits (`-D NAME=VALUE`), with SystemTap's defaults.

/// The limits one session runs under. Defaults are SystemTap's for 64-bit hosts.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Limits {
    /// String buffer size including the NUL: strings hold at most `maxstringlen - 1` bytes.
    pub maxstringlen: usize,
    /// Statements per probe handler run.
    pub maxaction: u64,
    /// Statements per begin/end/error handler run; `None` means 10 × `maxaction`.
    pub maxaction_interruptible: Option<u64>,
    /// Nested function calls; `None` computes it from the call graph like SystemTap
    /// (the deepest call chain, plus 10 when a function is recursive).
    pub maxnesting: Option<u64>,
    /// Default entry limit of a global array.
    pub maxmapentries: u64,
    /// Uncaught errors tolerated before the session shuts down in error state.
    pub maxerrors: u64,
    /// Skipped probe runs tolerated before the session shuts down.
    pub maxskipped: u64,
    /// `HIST_ELISION`: empty histogram rows kept around data (0 none, negative all).
    pub hist_elision: i64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            maxstringlen: 512,
            maxaction: 1000,
            maxaction_interruptible: None,
            maxnesting: None,
            maxmapentries: 2048,
            maxerrors: 0,
            maxskipped: 100,
            hist_elision: rstap_format::hist::DEFAULT_ELISION,
        }
    }
}

/// Why a `-D` definition was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DefineError {
    /// The name is not a limit this executor knows; SystemTap passes such macros to the
    /// C compiler, so callers usually ignore this.
    UnknownName(String),
    /// The value is not a non-negative integer.
    BadValue { name: String, value: String },
}

impl std::fmt::Display for DefineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DefineError::UnknownName(n) => write!(f, "unknown limit '{n}'"),
            DefineError::BadValue { name, value } => {
                write!(f, "invalid value '{value}' for {name}: expected a number")
            }
        }
    }
}

impl Limits {
    /// Applies one `-D NAME=VALUE` (a bare `NAME` means 1).
    pub fn define(&mut self, definition: &str) -> Result<(), DefineError> {
        let (name, value) = definition.split_once('=').unwrap_or((definition, "1"));
        let bad = || DefineError::BadValue {
            name: name.to_string(),
            value: value.to_string(),
        };
        if name == "HIST_ELISION" {
            self.hist_elision = value.trim().parse().map_err(|_| bad())?;
            return Ok(());
        }
        let n: u64 = value.trim().parse().map_err(|_| bad())?;
        match name {
            "MAXSTRINGLEN" => {
                // A buffer needs room for at least the NUL.
                self.maxstringlen = usize::try_from(n).map_err(|_| bad())?.max(1)
            }
            "MAXACTION" => self.maxaction = n,
            "MAXACTION_INTERRUPTIBLE" => self.maxaction_interruptible = Some(n),
            "MAXNESTING" => self.maxnesting = Some(n),
            "MAXMAPENTRIES" => self.maxmapentries = n,
            "MAXERRORS" => self.maxerrors = n,
            "MAXSKIPPED" => self.maxskipped = n,
            _ => return Err(DefineError::UnknownName(name.to_string())),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defines() {
        let cases: &[(&str, Result<(), DefineError>)] = &[
            ("MAXSTRINGLEN=64", Ok(())),
            ("MAXACTION=5", Ok(())),
            ("MAXACTION_INTERRUPTIBLE=9", Ok(())),
            ("MAXNESTING=3", Ok(())),
            ("MAXMAPENTRIES=10", Ok(())),
            ("MAXERRORS=2", Ok(())),
            ("MAXSKIPPED=7", Ok(())),
            (
                "STP_NO_OVERLOAD",
                Err(DefineError::UnknownName("STP_NO_OVERLOAD".into())),
            ),
            (
                "MAXACTION=lots",
                Err(DefineError::BadValue {
                    name: "MAXACTION".into(),
                    value: "lots".into(),
                }),
            ),
        ];
        let mut l = Limits::default();
        assert_eq!(l.define("HIST_ELISION=-1"), Ok(()));
        for (d, want) in cases {
            assert_eq!(&l.define(d), want, "{d}");
        }
        assert_eq!(
            l,
            Limits {
                maxstringlen: 64,
                maxaction: 5,
                maxaction_interruptible: Some(9),
                maxnesting: Some(3),
                maxmapentries: 10,
                maxerrors: 2,
                maxskipped: 7,
                hist_elision: -1,
            }
        );
    }
}
