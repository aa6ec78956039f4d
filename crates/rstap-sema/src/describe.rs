//! SystemTap's token descriptions (`identifier 'x'`, `operator '='`, `number '1'`,
//! `string 's'`, `keyword`) recovered from the source text under a span.

use rstap_diag::{SourceMap, Span};

const KEYWORDS: &[&str] = &[
    "probe", "global", "private", "function", "if", "else", "for", "foreach", "in", "limit",
    "return", "delete", "while", "break", "continue", "next", "string", "long", "try", "catch",
];

/// The description of the token a span covers; empty for synthetic spans.
pub fn describe(sm: &SourceMap, span: Span) -> String {
    let text = sm.snippet(span);
    let Some(first) = text.chars().next() else {
        return String::new();
    };
    if KEYWORDS.contains(&text) {
        return "keyword".to_string();
    }
    if text.starts_with("%{") {
        return "embedded-code".to_string();
    }
    if first == '"' {
        let inner = text.trim_start_matches('"').trim_end_matches('"');
        return format!("string '{inner}'");
    }
    if first.is_ascii_digit() {
        return format!("number '{text}'");
    }
    if first.is_alphabetic() || first == '_' || first == '$' {
        return format!("identifier '{text}'");
    }
    format!("operator '{text}'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_kinds() {
        let mut sm = SourceMap::new();
        let src = "probe begin { x = 12 . \"s\" $v @count }";
        let f = sm.add("<input>", src);
        let at = |needle: &str| {
            let s = src.find(needle).unwrap();
            Span::new(f, s, s + needle.len())
        };
        assert_eq!(describe(&sm, at("probe")), "keyword");
        assert_eq!(describe(&sm, at("x")), "identifier 'x'");
        assert_eq!(describe(&sm, at("=")), "operator '='");
        assert_eq!(describe(&sm, at("12")), "number '12'");
        assert_eq!(describe(&sm, at("\"s\"")), "string 's'");
        assert_eq!(describe(&sm, at("$v")), "identifier '$v'");
        assert_eq!(describe(&sm, at("@count")), "operator '@count'");
        assert_eq!(describe(&sm, Span::DUMMY), "");
    }
}
