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
    /// `ubacktrace()`: the user stack of process PID as hex.
    pub const UBACKTRACE: u8 = b'B';
    /// `sprint_ubacktrace()`.
    pub const SPRINT_UBACKTRACE: u8 = b'V';
    /// `ucallers(n)`.
    pub const UCALLERS: u8 = b'C';
    /// `usymname(addr)`.
    pub const USYMNAME: u8 = b'N';
    /// `usymdata(addr)`.
    pub const USYMDATA: u8 = b'D';
    /// `umodname(addr)`.
    pub const UMODNAME: u8 = b'M';
    /// `sprint_usyms(text)`/`sprint_ustack(text)`: the process, then the text.
    pub const SPRINT_USYMS: u8 = b'Y';
}

/// Letters of a process id (user-space tokens name the process whose stack or
/// address it is: user symbols depend on the process's memory map).
pub const PID_LETTERS: usize = 8;

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
    /// `ubacktrace()`.
    UBacktrace(UserStack),
    SprintUBacktrace(UserStack),
    /// `ucallers(n)`; `n` is -1 for the whole stack.
    UCallers {
        stack: UserStack,
        n: i64,
    },
    /// `usymname(addr)`, with the user stack of the event (whose frames locate the
    /// process's files when its memory map could not be recorded).
    USymname {
        stack: UserStack,
        addr: u64,
    },
    USymdata {
        stack: UserStack,
        addr: u64,
    },
    UModname {
        stack: UserStack,
        addr: u64,
    },
    /// `sprint_usyms(text)` in process `pid`.
    SprintUSyms {
        pid: u32,
        text: &'a [u8],
    },
}

/// A user stack as a kernel probe recorded it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UserStack {
    /// The process whose stack it is.
    pub pid: u32,
    /// Its id in the stack map (addresses).
    pub stack: u32,
    /// Its id in the build-id stack map (file and offset of each frame, recorded by
    /// the kernel at the event: they resolve after the process is gone);
    /// [`NO_STACK`] when it could not be recorded.
    pub build_ids: u32,
    /// At a function's entry, where the function was called from (the frame that a
    /// frame-pointer walk misses there: the function has not pushed its frame yet);
    /// 0 elsewhere.
    pub caller: u64,
}

/// A stack id that names no stack.
pub const NO_STACK: u32 = u32::MAX;

/// Letters of a [`UserStack`].
pub const USER_STACK_LETTERS: usize = PID_LETTERS + 2 * ID_LETTERS + ADDR_LETTERS;

fn user_stack_letters(out: &mut Vec<u8>, u: &UserStack) {
    letters(out, u64::from(u.pid), PID_LETTERS);
    letters(out, u64::from(u.stack), ID_LETTERS);
    letters(out, u64::from(u.build_ids), ID_LETTERS);
    letters(out, u.caller, ADDR_LETTERS);
}

fn read_user_stack(payload: &[u8]) -> Option<UserStack> {
    if payload.len() != USER_STACK_LETTERS {
        return None;
    }
    let (pid, rest) = payload.split_at(PID_LETTERS);
    let (stack, rest) = rest.split_at(ID_LETTERS);
    let (build_ids, caller) = rest.split_at(ID_LETTERS);
    Some(UserStack {
        pid: read_letters(pid)? as u32,
        stack: read_letters(stack)? as u32,
        build_ids: read_letters(build_ids)? as u32,
        caller: read_letters(caller)?,
    })
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
        Token::UBacktrace(u) | Token::SprintUBacktrace(u) => {
            out.push(if matches!(token, Token::UBacktrace(_)) {
                kind::UBACKTRACE
            } else {
                kind::SPRINT_UBACKTRACE
            });
            user_stack_letters(&mut out, &u);
        }
        Token::UCallers { stack, n } => {
            out.push(kind::UCALLERS);
            letters(
                &mut out,
                n.saturating_add(1).clamp(0, 255) as u64,
                COUNT_LETTERS,
            );
            user_stack_letters(&mut out, &stack);
        }
        Token::USymname { stack, addr }
        | Token::USymdata { stack, addr }
        | Token::UModname { stack, addr } => {
            out.push(match token {
                Token::USymname { .. } => kind::USYMNAME,
                Token::USymdata { .. } => kind::USYMDATA,
                _ => kind::UMODNAME,
            });
            user_stack_letters(&mut out, &stack);
            letters(&mut out, addr, ADDR_LETTERS);
        }
        Token::SprintUSyms { pid, text } => {
            out.push(kind::SPRINT_USYMS);
            letters(&mut out, u64::from(pid), PID_LETTERS);
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
        kind::UBACKTRACE => Token::UBacktrace(read_user_stack(payload)?),
        kind::SPRINT_UBACKTRACE => Token::SprintUBacktrace(read_user_stack(payload)?),
        kind::UCALLERS => {
            let count = payload.get(..COUNT_LETTERS)?;
            Token::UCallers {
                stack: read_user_stack(&payload[COUNT_LETTERS..])?,
                n: read_letters(count)? as i64 - 1,
            }
        }
        kind::USYMNAME | kind::USYMDATA | kind::UMODNAME => {
            if payload.len() != USER_STACK_LETTERS + ADDR_LETTERS {
                return None;
            }
            let stack = read_user_stack(&payload[..USER_STACK_LETTERS])?;
            let addr = read_letters(&payload[USER_STACK_LETTERS..])?;
            match kind_byte {
                kind::USYMNAME => Token::USymname { stack, addr },
                kind::USYMDATA => Token::USymdata { stack, addr },
                _ => Token::UModname { stack, addr },
            }
        }
        kind::SPRINT_USYMS => {
            let pid = read_letters(payload.get(..PID_LETTERS)?)? as u32;
            Token::SprintUSyms {
                pid,
                text: &payload[PID_LETTERS..],
            }
        }
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
            match rest.get(start + 1) {
                Some(&kind::SPRINT_SYMS) => {
                    pieces.push(Piece::Token(Token::SprintSyms(&rest[start + 2..])));
                }
                Some(&kind::SPRINT_USYMS) => {
                    if let Some(t) = decode(kind::SPRINT_USYMS, &rest[start + 2..]) {
                        pieces.push(Piece::Token(t));
                    }
                }
                _ => {}
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
            Token::UBacktrace(UserStack {
                pid: 4242,
                stack: 17,
                build_ids: 18,
                caller: 0x5555_5555_1200,
            }),
            Token::SprintUBacktrace(UserStack {
                pid: u32::MAX,
                stack: 0,
                build_ids: NO_STACK,
                caller: 0,
            }),
            Token::UCallers {
                stack: UserStack {
                    pid: 1,
                    stack: 2,
                    build_ids: 3,
                    caller: 0,
                },
                n: -1,
            },
            Token::UCallers {
                stack: UserStack {
                    pid: 1,
                    stack: 2,
                    build_ids: 3,
                    caller: 4,
                },
                n: 4,
            },
            Token::USymname {
                stack: UserStack {
                    pid: 77,
                    stack: 5,
                    build_ids: 6,
                    caller: 0x5555_5555_1000,
                },
                addr: 0x5555_5555_1139,
            },
            Token::USymdata {
                stack: UserStack {
                    pid: 77,
                    stack: NO_STACK,
                    build_ids: NO_STACK,
                    caller: 0,
                },
                addr: 0,
            },
            Token::UModname {
                stack: UserStack {
                    pid: 9,
                    stack: 1,
                    build_ids: 2,
                    caller: 0,
                },
                addr: 0x7fff_0000_1000,
            },
            Token::SprintUSyms {
                pid: 3,
                text: b"0x10 0x20",
            },
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
