//! Tokens.

use rstap_diag::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Identifiers and keywords, `$name` target variables and `@word`s (the text says which).
    Ident,
    /// A number literal; values above `i64::MAX` have wrapped.
    Number(i64),
    /// A string literal with escapes decoded.
    Str(Vec<u8>),
    /// An operator or punctuation, including `%(`, `%?`, `%:`, `%)`.
    Op,
    /// `%{ ... %}`, the text between the markers.
    Embedded(String),
    /// A non-printable byte.
    Junk(u8),
    Eof,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokKind,
    /// The source text (for strings, the text between the quotes).
    pub text: String,
    pub span: Span,
    /// Whitespace or a comment came before it: probe-point components must be adjacent.
    pub space_before: bool,
}

pub const KEYWORDS: &[&str] = &[
    "probe", "global", "private", "function", "if", "else", "for", "foreach", "in", "limit",
    "return", "delete", "while", "break", "continue", "next", "string", "long", "try", "catch",
];

impl Token {
    pub fn is_op(&self, op: &str) -> bool {
        self.kind == TokKind::Op && self.text == op
    }

    pub fn is_keyword(&self, kw: &str) -> bool {
        self.kind == TokKind::Ident && self.text == kw
    }

    /// A plain identifier: not a keyword, not `$...`, not `@...`.
    pub fn is_plain_ident(&self) -> bool {
        self.kind == TokKind::Ident
            && !KEYWORDS.contains(&self.text.as_str())
            && !self.text.starts_with('$')
            && !self.text.starts_with('@')
    }

    /// SystemTap's token description: `identifier 'x'`, `operator '='`, `string "s"` ...
    pub fn describe(&self) -> String {
        match &self.kind {
            TokKind::Ident if KEYWORDS.contains(&self.text.as_str()) => {
                format!("keyword '{}'", self.text)
            }
            TokKind::Ident if self.text.starts_with('@') => format!("operator '{}'", self.text),
            TokKind::Ident => format!("identifier '{}'", self.text),
            TokKind::Number(_) => format!("number '{}'", self.text),
            TokKind::Str(_) => format!("string \"{}\"", self.text),
            TokKind::Op => format!("operator '{}'", self.text),
            TokKind::Embedded(_) => "embedded-code".to_string(),
            TokKind::Junk(b) => format!("junk '\\x{b:02x}'"),
            TokKind::Eof => "end of input".to_string(),
        }
    }
}
