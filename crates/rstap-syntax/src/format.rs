//! Pass-1 validation of printf format strings (reference §6.1 grammar):
//! `%[flag][width|*][.prec|.*][l]conv`, at most one flag, `%%`, a single `l` ignored.

/// Checks a format string; the error is SystemTap's message and the byte offset of the
/// offending conversion. The grammar lives in `rstap-format`, the engine that renders it.
pub fn validate_format(fmt: &[u8]) -> Result<(), (String, usize)> {
    rstap_format::parse_format(fmt)
        .map(|_| ())
        .map_err(|e| (e.message.to_string(), e.offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_grammar() {
        for ok in [
            "%d",
            "%-5s",
            "%08x",
            "%#o",
            "%+d",
            "% d",
            "%*d",
            "%.*s",
            "%-08d",
            "%ld",
            "%%",
            "a%%b%5.2s",
            "%p %c %b %m %M %X %i %u",
        ] {
            assert_eq!(validate_format(ok.as_bytes()), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rejects_bad_conversions() {
        let e = |s: &str| validate_format(s.as_bytes()).unwrap_err();
        assert_eq!(e("%+-5d").0, "invalid or missing conversion specifier");
        assert_eq!(e("%lld").0, "invalid or missing conversion specifier");
        assert_eq!(e("%q").0, "invalid or missing conversion specifier");
        assert_eq!(e("abc %").0, "trailing incomplete print format conversion");
        assert_eq!(e("%5").0, "trailing incomplete print format conversion");
        assert_eq!(e("x%5.").1, 1);
    }
}
