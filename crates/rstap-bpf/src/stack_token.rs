//! Kernel stacks and symbols inside BPF strings.
//!
//! SystemTap's `backtrace()` is a string of up to MAXBACKTRACE hex addresses (about 380
//! bytes for 20 frames) and `sprint_backtrace()` one symbol line per frame, but a BPF
//! string is a fixed-width buffer (128 bytes by default) in per-CPU scratch memory, and a
//! BPF program cannot read `/proc/kallsyms`. So kernel probes hold such values as short
//! *tokens*: a stack-map id (from `bpf_get_stackid`) or an address, tagged with what the
//! script asked for. Userspace expands tokens into SystemTap's exact text wherever a
//! kernel string reaches it: output records, map keys and values read back, the display
//! of globals at exit.
//!
//! The trade-off: inside a kernel probe, string operations see the token, not the text.
//! Equality is exact (one stack, one id, one token) and so are map keys, concatenation
//! and `printf`, which only move bytes; `strlen` and friends are not available in kernel
//! probes at all. What would see the difference is refused when the script is compiled
//! (see `rstap_ir::stacks`): a `sprintf` width or precision on such a value, ordering
//! comparisons, and equality with a non-empty string literal. A token cut by
//! concatenation at the string width expands to nothing.
//!
//! A kernel stack that is empty (the event interrupted user space) is the empty string,
//! not a token, so `backtrace() == ""` holds exactly when SystemTap's would.
//!
//! Layout: `0xFF`, a kind byte, the payload, `0xFE`. Numbers are written as letters
//! `a`..`p` (one per 4 bits, most significant first), so a token never contains a NUL
//! and never occurs in valid UTF-8 text.

/// First byte of every token.
pub const START: u8 = 0xFF;
/// Last byte of every token.
pub const END: u8 = 0xFE;

/// Letters of a stack-map id.
pub const ID_LETTERS: usize = 8;
/// Letters of an address.
pub const ADDR_LETTERS: usize = 16;
/// Letters of the frame count of `callers(n)` (`n + 1`, 0 for the whole stack).
pub const COUNT_LETTERS: usize = 2;

/// Kind bytes.
pub mod kind {
    /// `backtrace()`: the stack as hex.
    pub const BACKTRACE: u8 = b'b';
    /// `sprint_backtrace()`: one `sym+0xOFF [module]` line per frame.
    pub const SPRINT_BACKTRACE: u8 = b's';
    /// `callers(n)`: hex of levels 0..=n.
    pub const CALLERS: u8 = b'c';
    /// `symname(addr)`.
    pub const SYMNAME: u8 = b'n';
    /// `symdata(addr)`.
    pub const SYMDATA: u8 = b'd';
    /// `caller()`: `sym 0xADDR`.
    pub const CALLER: u8 = b'k';
    /// `sprint_syms(text)`/`sprint_stack(text)`: the payload is the text, tokens
    /// included.
    pub const SPRINT_SYMS: u8 = b'S';
}

/// One decoded token. (`print_backtrace()` and `print_syms()` print rather than return a
/// value: they are output records of their own, see `SiteKind`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    Backtrace(u32),
    SprintBacktrace(u32),
    /// `callers(n)`; `n` is -1 for the whole stack.
    Callers {
        stack: u32,
        n: i64,
    },
    Symname(u64),
    Symdata(u64),
    Caller(u64),
    /// The raw text (which may hold tokens itself) to list the symbols of.
    SprintSyms(&'a [u8]),
}

/// A piece of a kernel string: plain bytes or a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a [u8]),
    Token(Token<'a>),
}

/// Whether a kernel string holds any token (the common case is none: one scan).
pub fn has_tokens(raw: &[u8]) -> bool {
    raw.contains(&START)
}

fn letters(out: &mut Vec<u8>, value: u64, n: usize) {
    for i in (0..n).rev() {
        out.push(b'a' + ((value >> (4 * i)) & 0xf) as u8);
    }
}

fn read_letters(payload: &[u8]) -> Option<u64> {
    if payload.is_empty() || payload.len() > 16 {
        return None;
    }
    payload.iter().try_fold(0u64, |v, &c| {
        (b'a'..=b'p')
            .contains(&c)
            .then(|| (v << 4) | u64::from(c - b'a'))
    })
}

/// The bytes of a token, as the code generator writes them.
pub fn encode(token: &Token<'_>) -> Vec<u8> {
    let mut out = vec![START];
    match *token {
        Token::Backtrace(id) | Token::SprintBacktrace(id) => {
            out.push(if matches!(token, Token::Backtrace(_)) {
                kind::BACKTRACE
            } else {
                kind::SPRINT_BACKTRACE
            });
            letters(&mut out, u64::from(id), ID_LETTERS);
        }
        Token::Callers { stack, n } => {
            out.push(kind::CALLERS);
            letters(
                &mut out,
                n.saturating_add(1).clamp(0, 255) as u64,
                COUNT_LETTERS,
            );
            letters(&mut out, u64::from(stack), ID_LETTERS);
        }
        Token::Symname(a) | Token::Symdata(a) | Token::Caller(a) => {
            out.push(match token {
                Token::Symname(_) => kind::SYMNAME,
                Token::Symdata(_) => kind::SYMDATA,
                _ => kind::CALLER,
            });
            letters(&mut out, a, ADDR_LETTERS);
        }
        Token::SprintSyms(text) => {
            out.push(kind::SPRINT_SYMS);
            out.extend_from_slice(text);
        }
    }
    out.push(END);
    out
}

fn decode(kind_byte: u8, payload: &[u8]) -> Option<Token<'_>> {
    let id = || {
        (payload.len() == ID_LETTERS)
            .then(|| read_letters(payload))
            .flatten()
            .map(|v| v as u32)
    };
    let addr = || {
        (payload.len() == ADDR_LETTERS)
            .then(|| read_letters(payload))
            .flatten()
    };
    Some(match kind_byte {
        kind::BACKTRACE => Token::Backtrace(id()?),
        kind::SPRINT_BACKTRACE => Token::SprintBacktrace(id()?),
        kind::CALLERS => {
            if payload.len() != COUNT_LETTERS + ID_LETTERS {
                return None;
            }
            let count = read_letters(&payload[..COUNT_LETTERS])?;
            let stack = read_letters(&payload[COUNT_LETTERS..])? as u32;
            Token::Callers {
                stack,
                n: count as i64 - 1,
            }
        }
        kind::SYMNAME => Token::Symname(addr()?),
        kind::SYMDATA => Token::Symdata(addr()?),
        kind::CALLER => Token::Caller(addr()?),
        kind::SPRINT_SYMS => Token::SprintSyms(payload),
        _ => return None,
    })
}

/// Splits a kernel string into text and tokens. A token with a payload that does not
/// decode, or cut by the string width before its end, is dropped: it has no text
/// SystemTap could have shown in its place. The exception is `sprint_syms`, whose
/// payload is text: cut, it keeps the text that fit.
pub fn scan(raw: &[u8]) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = raw;
    while !rest.is_empty() {
        let Some(start) = rest.iter().position(|&b| b == START) else {
            pieces.push(Piece::Text(rest));
            break;
        };
        if start > 0 {
            pieces.push(Piece::Text(&rest[..start]));
        }
        // The matching end, counting tokens nested in a print_syms payload.
        let mut depth = 0usize;
        let mut end = None;
        for (i, &b) in rest.iter().enumerate().skip(start) {
            if b == START {
                depth += 1;
            } else if b == END {
                depth -= 1;
                if depth == 0 {
                    end = Some(i);
                    break;
                }
            }
        }
        let Some(end) = end else {
            if rest.get(start + 1) == Some(&kind::SPRINT_SYMS) {
                pieces.push(Piece::Token(Token::SprintSyms(&rest[start + 2..])));
            }
            break;
        };
        if end >= start + 2
            && let Some(t) = decode(rest[start + 1], &rest[start + 2..end])
        {
            pieces.push(Piece::Token(t));
        }
        rest = &rest[end + 1..];
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_round_trips() {
        let tokens = [
            Token::Backtrace(0),
            Token::Backtrace(0x1234_abcd),
            Token::SprintBacktrace(7),
            Token::Backtrace(u32::MAX),
            Token::Callers { stack: 3, n: -1 },
            Token::Callers { stack: 3, n: 0 },
            Token::Callers { stack: 9, n: 19 },
            Token::Symname(0xffff_ffff_8100_0010),
            Token::Symdata(0),
            Token::Caller(0x401136),
            Token::SprintSyms(b"0x10 0x20"),
            Token::SprintSyms(b""),
        ];
        for t in tokens {
            let bytes = encode(&t);
            assert!(!bytes.contains(&0), "{t:?}");
            assert_eq!(scan(&bytes), vec![Piece::Token(t)], "{t:?}");
        }
        assert_eq!(
            encode(&Token::Backtrace(0x1f)),
            b"\xffbaaaaaabp\xfe".to_vec()
        );
    }

    #[test]
    fn tokens_inside_text_and_nested_in_sprint_syms() {
        let bt = encode(&Token::Backtrace(5));
        let mut raw = b"at ".to_vec();
        raw.extend_from_slice(&bt);
        raw.extend_from_slice(b" end");
        assert_eq!(
            scan(&raw),
            vec![
                Piece::Text(b"at "),
                Piece::Token(Token::Backtrace(5)),
                Piece::Text(b" end")
            ]
        );
        let wrapped = encode(&Token::SprintSyms(&bt));
        assert_eq!(scan(&wrapped), vec![Piece::Token(Token::SprintSyms(&bt))]);
        assert!(has_tokens(&wrapped));
        // Cut at the string width, sprint_syms keeps the text that fit.
        let mut long = b"\xffS0x10 0x20 0x".to_vec();
        long.extend_from_slice(&bt);
        assert_eq!(
            scan(&long[..long.len() - 4]),
            vec![Piece::Token(Token::SprintSyms(b"0x10 0x20 0x\xffbaaaaa"))]
        );
        assert!(!has_tokens(b"plain"));
    }

    #[test]
    fn cut_or_garbled_tokens_are_dropped() {
        let bt = encode(&Token::Backtrace(5));
        assert_eq!(scan(&bt[..5]), vec![]);
        let mut cut = b"x".to_vec();
        cut.extend_from_slice(&bt[..bt.len() - 1]);
        assert_eq!(scan(&cut), vec![Piece::Text(b"x")]);
        assert_eq!(scan(b"\xffbzzzzzzzz\xfey"), vec![Piece::Text(b"y")]);
        assert_eq!(scan(b"\xffq\xfe"), vec![]);
        assert_eq!(scan(b"\xff\xfe"), vec![]);
        assert_eq!(scan(b"a\xfeb"), vec![Piece::Text(b"a\xfeb")]);
        assert_eq!(scan(b""), vec![]);
    }
}
