//! The lexer: bytes to tokens, SystemTap's rules (reference §1.1).
//!
//! Command-line arguments are substituted here, at token starts: `$N` pastes the argument
//! text raw (it is lexed in place), `@N` pastes it as a string, `$#`/`@#` give the count.

use rstap_diag::{Code, Diagnostic, FileId, Span, Stage};

use crate::token::{TokKind, Token};

pub const E_NUMBER: Code = Code("P0101");
pub const E_QUOTE: Code = Code("P0102");
pub const E_EMBEDDED_CLOSE: Code = Code("P0103");
pub const W_EMBEDDED_TYPO: Code = Code("P0104");
pub const E_ARG_RANGE: Code = Code("P0105");
pub const E_COMMENT: Code = Code("P0106");

const OPS3: &[&str] = &["<<<", ">>>", "<<=", ">>="];
const OPS2: &[&str] = &[
    "==", "!=", "<=", ">=", "=~", "!~", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", ".=", "&&",
    "||", "++", "--", "->", "<<", ">>", "%(", "%?", "%:", "%)",
];

pub struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    file: FileId,
    args: &'a [String],
    pub diags: Vec<Diagnostic>,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b'$' || b == b'@'
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// `strtoull(s, 0, 0)` over the whole token, as SystemTap converts numbers.
pub fn parse_number(text: &str) -> Option<i64> {
    let (digits, radix) =
        if let Some(h) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
            (h, 16)
        } else if text.len() > 1 && text.starts_with('0') {
            (&text[1..], 8)
        } else {
            (text, 10)
        };
    if digits.is_empty() {
        return None;
    }
    u64::from_str_radix(digits, radix).ok().map(|v| v as i64)
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str, file: FileId, args: &'a [String]) -> Lexer<'a> {
        Lexer {
            src: src.as_bytes(),
            pos: 0,
            file,
            args,
            diags: Vec::new(),
        }
    }

    fn span(&self, start: usize) -> Span {
        Span::new(self.file, start, self.pos)
    }

    fn err(&mut self, code: Code, msg: &str, span: Span, label: String) {
        self.diags
            .push(Diagnostic::error(Stage::Parse, code, msg).with_primary(span, label));
    }

    fn peek(&self, off: usize) -> u8 {
        self.src.get(self.pos + off).copied().unwrap_or(0)
    }

    /// Skips whitespace and comments; reports whether anything was skipped.
    fn skip_space(&mut self) -> bool {
        let start = self.pos;
        loop {
            let b = self.peek(0);
            if self.pos >= self.src.len() {
                break;
            }
            if b.is_ascii_whitespace() {
                self.pos += 1;
            } else if b == b'#' || (b == b'/' && self.peek(1) == b'/') {
                while self.pos < self.src.len() && self.src[self.pos] != b'\n' {
                    self.pos += 1;
                }
            } else if b == b'/' && self.peek(1) == b'*' {
                let open = self.pos;
                self.pos += 2;
                loop {
                    if self.pos >= self.src.len() {
                        let sp = Span::new(self.file, open, open + 2);
                        self.err(
                            E_COMMENT,
                            "unterminated comment",
                            sp,
                            "comment starts here".into(),
                        );
                        break;
                    }
                    if self.peek(0) == b'*' && self.peek(1) == b'/' {
                        self.pos += 2;
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
        self.pos > start
    }

    /// Lexes the whole input, ending with an `Eof` token.
    pub fn tokenize(mut self) -> (Vec<Token>, Vec<Diagnostic>) {
        let mut out = Vec::new();
        loop {
            let space = self.skip_space();
            if self.pos >= self.src.len() {
                let sp = Span::new(self.file, self.src.len(), self.src.len());
                out.push(Token {
                    kind: TokKind::Eof,
                    text: String::new(),
                    span: sp,
                    space_before: space,
                });
                break;
            }
            self.next_token(space, &mut out);
        }
        (out, self.diags)
    }

    fn text(&self, start: usize) -> String {
        String::from_utf8_lossy(&self.src[start..self.pos]).into_owned()
    }

    fn next_token(&mut self, space: bool, out: &mut Vec<Token>) {
        let start = self.pos;
        let b = self.peek(0);
        let push = |out: &mut Vec<Token>, kind, text, span| {
            out.push(Token {
                kind,
                text,
                span,
                space_before: space,
            })
        };
        // Command-line arguments.
        if (b == b'$' || b == b'@') && (self.peek(1) == b'#' || self.peek(1).is_ascii_digit()) {
            self.pos += 1;
            if self.peek(0) == b'#' {
                self.pos += 1;
                let n = self.args.len();
                let span = self.span(start);
                if b == b'$' {
                    push(out, TokKind::Number(n as i64), n.to_string(), span);
                } else {
                    push(
                        out,
                        TokKind::Str(n.to_string().into_bytes()),
                        n.to_string(),
                        span,
                    );
                }
                return;
            }
            while self.peek(0).is_ascii_digit() {
                self.pos += 1;
            }
            let span = self.span(start);
            let n: usize = self.text(start + 1).parse().unwrap_or(0);
            let Some(arg) = (n >= 1).then(|| self.args.get(n - 1)).flatten() else {
                let msg = format!("command line argument out of range [1-{}]", self.args.len());
                let label = format!("identifier '{}'", self.text(start));
                self.err(E_ARG_RANGE, &msg, span, label);
                push(out, TokKind::Number(0), "0".into(), span);
                return;
            };
            if b == b'@' {
                push(
                    out,
                    TokKind::Str(arg.as_bytes().to_vec()),
                    arg.clone(),
                    span,
                );
            } else {
                // Raw paste: lex the argument text, every token located at `$N`. An
                // argument may not itself refer to arguments.
                let refers = arg.as_bytes().windows(2).any(|w| {
                    (w[0] == b'$' || w[0] == b'@') && (w[1].is_ascii_digit() || w[1] == b'#')
                });
                if refers {
                    let label = format!("identifier '{}'", self.text(start));
                    self.err(
                        E_ARG_RANGE,
                        "invalid nested substitution of command line arguments",
                        span,
                        label,
                    );
                    return;
                }
                let args: &[String] = &[];
                let (toks, diags) = Lexer::new(arg, self.file, args).tokenize();
                for (i, mut t) in toks.into_iter().enumerate() {
                    if t.kind == TokKind::Eof {
                        break;
                    }
                    t.span = span;
                    t.space_before = if i == 0 { space } else { t.space_before };
                    out.push(t);
                }
                for d in diags {
                    let msg = d.message.clone();
                    self.err(d.code, &msg, span, format!("in argument ${n}"));
                }
            }
            return;
        }
        if is_ident_start(b) {
            self.pos += 1;
            while is_ident_char(self.peek(0)) {
                self.pos += 1;
            }
            let text = self.text(start);
            push(out, TokKind::Ident, text, self.span(start));
            return;
        }
        if b.is_ascii_digit() {
            while self.peek(0).is_ascii_alphanumeric() {
                self.pos += 1;
            }
            let text = self.text(start);
            let span = self.span(start);
            let value = match parse_number(&text) {
                Some(v) => v,
                None => {
                    self.err(
                        E_NUMBER,
                        "number invalid or out of range",
                        span,
                        format!("number '{text}'"),
                    );
                    0
                }
            };
            push(out, TokKind::Number(value), text, span);
            return;
        }
        if b == b'"' {
            self.string(start, space, out);
            return;
        }
        if b == b'%' && self.peek(1) == b'{' {
            self.embedded(start, space, out);
            return;
        }
        if !(b.is_ascii_graphic()) {
            self.pos += 1;
            push(out, TokKind::Junk(b), String::new(), self.span(start));
            return;
        }
        let rest = &self.src[self.pos..];
        let op = OPS3
            .iter()
            .chain(OPS2.iter())
            .find(|op| rest.starts_with(op.as_bytes()))
            .map(|s| s.to_string())
            .unwrap_or_else(|| (b as char).to_string());
        self.pos += op.len();
        push(out, TokKind::Op, op, self.span(start));
    }

    fn string(&mut self, start: usize, space: bool, out: &mut Vec<Token>) {
        self.pos += 1;
        let mut bytes = Vec::new();
        loop {
            let b = self.peek(0);
            if self.pos >= self.src.len() || b == b'\n' {
                let span = Span::new(self.file, start, start + 1);
                self.err(
                    E_QUOTE,
                    "Could not find matching closing quote",
                    span,
                    "string starts here".into(),
                );
                break;
            }
            self.pos += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let e = self.peek(0);
                    if self.pos >= self.src.len() {
                        continue;
                    }
                    self.pos += 1;
                    match e {
                        b'a' => bytes.push(7),
                        b'b' => bytes.push(8),
                        b't' => bytes.push(b'\t'),
                        b'n' => bytes.push(b'\n'),
                        b'v' => bytes.push(11),
                        b'f' => bytes.push(12),
                        b'r' => bytes.push(b'\r'),
                        b'0'..=b'7' => {
                            let mut v: u32 = (e - b'0') as u32;
                            for _ in 0..2 {
                                let d = self.peek(0);
                                if (b'0'..=b'7').contains(&d) {
                                    v = v * 8 + (d - b'0') as u32;
                                    self.pos += 1;
                                } else {
                                    break;
                                }
                            }
                            if v > 255 {
                                let span = self.span(start);
                                self.err(
                                    E_NUMBER,
                                    "octal escape sequence out of range",
                                    span,
                                    "in this string".into(),
                                );
                            }
                            bytes.push(v as u8);
                        }
                        b'x' => {
                            let mut v: u32 = 0;
                            let mut n = 0;
                            while n < 2 && self.peek(0).is_ascii_hexdigit() {
                                v = v * 16 + (self.peek(0) as char).to_digit(16).unwrap_or(0);
                                self.pos += 1;
                                n += 1;
                            }
                            if n == 0 {
                                bytes.push(b'x');
                            } else {
                                bytes.push(v as u8);
                            }
                        }
                        other => bytes.push(other),
                    }
                }
                other => bytes.push(other),
            }
        }
        let end = self.pos;
        let inner = self
            .src
            .get(start + 1..end.saturating_sub(1).max(start + 1))
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .unwrap_or_default();
        out.push(Token {
            kind: TokKind::Str(bytes),
            text: inner,
            span: self.span(start),
            space_before: space,
        });
    }

    fn embedded(&mut self, start: usize, space: bool, out: &mut Vec<Token>) {
        self.pos += 2;
        let body_start = self.pos;
        loop {
            if self.pos >= self.src.len() {
                let span = Span::new(self.file, start, start + 2);
                self.err(
                    E_EMBEDDED_CLOSE,
                    "Could not find matching '%}' to close embedded function block",
                    span,
                    "embedded code starts here".into(),
                );
                break;
            }
            if self.peek(0) == b'%' && self.peek(1) == b'}' {
                self.pos += 2;
                break;
            }
            if self.peek(0) == b'}' && self.peek(1) == b'%' {
                let span = Span::new(self.file, self.pos, self.pos + 2);
                self.diags.push(
                    Diagnostic::warning(
                        Stage::Parse,
                        W_EMBEDDED_TYPO,
                        "possible erroneous closing '}%', use '%}'?",
                    )
                    .with_primary(span, ""),
                );
            }
            self.pos += 1;
        }
        let body_end = if self.src[..self.pos].ends_with(b"%}") {
            self.pos - 2
        } else {
            self.pos
        };
        let code = String::from_utf8_lossy(&self.src[body_start..body_end]).into_owned();
        out.push(Token {
            kind: TokKind::Embedded(code),
            text: String::new(),
            span: self.span(start),
            space_before: space,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(s: &str) -> Vec<String> {
        let (t, d) = Lexer::new(s, FileId(0), &[]).tokenize();
        assert!(d.is_empty(), "{d:?}");
        t.into_iter()
            .filter(|t| t.kind != TokKind::Eof)
            .map(|t| match t.kind {
                TokKind::Number(n) => format!("n{n}"),
                TokKind::Str(b) => format!("s{}", String::from_utf8_lossy(&b)),
                TokKind::Embedded(c) => format!("e{c}"),
                _ => t.text,
            })
            .collect()
    }

    #[test]
    fn operators_longest_match() {
        assert_eq!(
            lex("a<<<b>>>=c.=d=~e!~f"),
            [
                "a", "<<<", "b", ">>>", "=", "c", ".=", "d", "=~", "e", "!~", "f"
            ]
        );
        assert_eq!(lex("%( %? %: %)"), ["%(", "%?", "%:", "%)"]);
    }

    #[test]
    fn comments_but_not_arg_counts() {
        assert_eq!(lex("a # x\nb // y\nc /* z */ d"), ["a", "b", "c", "d"]);
        let (t, _) = Lexer::new("$# @#", FileId(0), &["x".into(), "y".into()]).tokenize();
        assert_eq!(t[0].kind, TokKind::Number(2));
        assert_eq!(t[1].kind, TokKind::Str(b"2".to_vec()));
    }

    #[test]
    fn numbers() {
        assert_eq!(lex("10 0x1f 017 0"), ["n10", "n31", "n15", "n0"]);
        assert_eq!(lex("18446744073709551615"), ["n-1"]);
        let (_, d) = Lexer::new("12abc 099", FileId(0), &[]).tokenize();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].message, "number invalid or out of range");
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(lex(r#""a\tb\"c\qd\101\x41""#), ["sa\tb\"cqdAA"]);
        let (_, d) = Lexer::new("\"abc\n\"", FileId(0), &[]).tokenize();
        assert_eq!(d[0].message, "Could not find matching closing quote");
    }

    #[test]
    fn embedded_code() {
        assert_eq!(lex("%{ int x; %}"), ["e int x; "]);
        let (_, d) = Lexer::new("%{ x }%", FileId(0), &[]).tokenize();
        assert!(
            d.iter()
                .any(|d| d.message.contains("possible erroneous closing"))
        );
        assert!(
            d.iter()
                .any(|d| d.message.contains("Could not find matching '%}'"))
        );
    }

    #[test]
    fn argument_substitution() {
        let args = vec!["1 + 2".to_string(), "hi".to_string()];
        let (t, d) = Lexer::new("$1 @2 $3", FileId(0), &args).tokenize();
        let texts: Vec<_> = t.iter().map(|t| t.text.clone()).collect();
        assert_eq!(texts[..4], ["1", "+", "2", "hi"]);
        assert_eq!(d[0].message, "command line argument out of range [1-2]");
    }

    #[test]
    fn identifiers_and_targets() {
        assert_eq!(
            lex("$var->f @count(x) $$vars foo_1"),
            [
                "$var", "->", "f", "@count", "(", "x", ")", "$$vars", "foo_1"
            ]
        );
    }
}
