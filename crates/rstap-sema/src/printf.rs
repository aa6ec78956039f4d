//! The printf format language as far as pass 2 needs it: which arguments a format
//! consumes and of which kind. The grammar itself lives in `rstap-format`, the engine
//! that later renders the same format.

/// What one format argument must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    Long,
    String,
}

/// The arguments a format consumes, in order, or SystemTap's error text.
pub fn format_args(format: &[u8]) -> Result<Vec<ArgKind>, &'static str> {
    let parsed = rstap_format::parse_format(format).map_err(|e| e.message)?;
    Ok(parsed
        .args()
        .into_iter()
        .map(|k| match k {
            rstap_format::ArgKind::Long => ArgKind::Long,
            rstap_format::ArgKind::Str => ArgKind::String,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ArgKind::*;

    #[test]
    fn argument_kinds() {
        let table: &[(&str, Result<Vec<ArgKind>, &str>)] = &[
            ("plain", Ok(vec![])),
            ("%d %s\n", Ok(vec![Long, String])),
            ("100%%", Ok(vec![])),
            ("%-*s|%.*d", Ok(vec![Long, String, Long, Long])),
            ("%-08ld %#x %p %c %b %3m %.*M", Ok(vec![Long; 8])),
            ("%5.2s", Ok(vec![String])),
            ("%", Err("trailing incomplete print format conversion")),
            ("%-5", Err("trailing incomplete print format conversion")),
            ("%+-5d", Err("invalid or missing conversion specifier")),
            ("%lld", Err("invalid or missing conversion specifier")),
            ("%q", Err("invalid or missing conversion specifier")),
        ];
        for (fmt, want) in table {
            assert_eq!(&format_args(fmt.as_bytes()), want, "{fmt}");
        }
    }
}
