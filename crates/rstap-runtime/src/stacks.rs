//! Kernel stack and symbol tokens (see `rstap_bpf::stack_token`) expanded into
//! SystemTap's text, wherever a kernel string reaches userspace: output records, and map
//! keys and values the store reads.
//!
//! Expanded strings are values like any other: cut to MAXSTRINGLEN, as SystemTap's
//! tapset functions cut theirs. Frames come from the session's stack map (read once per
//! id: ids are never reused) and symbols from the session's kernel symbols.

use std::cell::RefCell;
use std::collections::HashMap;

use rstap_bpf::stack_token::{self, Piece, Token};
use rstap_symbolize::format::{self, FrameStyle};
use rstap_symbolize::{Resolver, SharedKernelSymbols, stack};
use rstap_sys::bpf::Map;
use rstap_sys::maps::MapOps;

/// Where the frames of a stack id come from.
pub trait StackSource {
    /// The frames of stack `id`, innermost first; `None` when there is no such stack.
    fn frames(&self, id: u32) -> Option<Vec<u64>>;
}

impl StackSource for Map {
    fn frames(&self, id: u32) -> Option<Vec<u64>> {
        let value = self.lookup(&id.to_le_bytes()).ok()??;
        Some(stack::frames_from_bytes(&value))
    }
}

impl StackSource for HashMap<u32, Vec<u64>> {
    fn frames(&self, id: u32) -> Option<Vec<u64>> {
        self.get(&id).cloned()
    }
}

/// Expands tokens for one session.
pub struct Expander<'m> {
    stacks: Option<&'m dyn StackSource>,
    symbols: SharedKernelSymbols,
    maxstringlen: usize,
    frames: RefCell<HashMap<u32, Vec<u64>>>,
}

impl<'m> Expander<'m> {
    pub fn new(
        stacks: Option<&'m dyn StackSource>,
        symbols: SharedKernelSymbols,
        maxstringlen: usize,
    ) -> Expander<'m> {
        Expander {
            stacks,
            symbols,
            maxstringlen: maxstringlen.max(1),
            frames: RefCell::new(HashMap::new()),
        }
    }

    /// The frames of stack `id` (none when the id is unknown).
    pub fn frames(&self, id: u32) -> Vec<u64> {
        if let Some(f) = self.frames.borrow().get(&id) {
            return f.clone();
        }
        let Some(found) = self.stacks.and_then(|s| s.frames(id)) else {
            return Vec::new();
        };
        self.frames.borrow_mut().insert(id, found.clone());
        found
    }

    /// A kernel string with its tokens expanded, cut to MAXSTRINGLEN; `None` when it
    /// holds no token (the common case, left as it is).
    pub fn expand(&self, raw: &[u8]) -> Option<Vec<u8>> {
        if !stack_token::has_tokens(raw) {
            return None;
        }
        let mut out = Vec::new();
        for piece in stack_token::scan(raw) {
            match piece {
                Piece::Text(t) => out.extend_from_slice(t),
                Piece::Token(t) => out.extend_from_slice(&self.token_text(t)),
            }
        }
        out.truncate(self.maxstringlen - 1);
        Some(out)
    }

    /// [`Expander::expand`], or the string itself.
    pub fn expanded(&self, raw: &[u8]) -> Vec<u8> {
        self.expand(raw).unwrap_or_else(|| raw.to_vec())
    }

    /// Whether `raw` is one `backtrace()` token.
    pub fn is_backtrace_token(raw: &[u8]) -> bool {
        matches!(
            stack_token::scan(raw).as_slice(),
            [Piece::Token(Token::Backtrace(_))]
        )
    }

    fn token_text(&self, token: Token<'_>) -> Vec<u8> {
        let max = self.maxstringlen;
        match token {
            Token::Backtrace(id) => format::backtrace_text(&self.frames(id), max).into_bytes(),
            Token::SprintBacktrace(id) => {
                let frames = self.symbols.resolve_all(&self.frames(id));
                format::sprint_backtrace_text(&frames, max)
            }
            Token::Callers { stack, n } => format::callers(&self.frames(stack), n, max)
                .unwrap_or_default()
                .into_bytes(),
            Token::Symname(a) => format::symname(&self.symbols.resolve(a)).into_bytes(),
            Token::Symdata(a) => format::symdata(&self.symbols.resolve(a)).into_bytes(),
            Token::Caller(a) => format::caller(&self.symbols.resolve(a)).into_bytes(),
            Token::SprintSyms(inner) => {
                let text = self.expanded(inner);
                format::sprint_syms(&text, &self.symbols, max)
            }
        }
    }

    /// What `print_backtrace()` prints for stack `id` (nothing for a negative id: the
    /// stack was empty or could not be recorded).
    pub fn print_backtrace(&self, id: i64) -> Vec<u8> {
        let Ok(id) = u32::try_from(id) else {
            return Vec::new();
        };
        let frames = self.symbols.resolve_all(&self.frames(id));
        format::render_stack(&frames, FrameStyle::Full).into_bytes()
    }

    /// What `print_syms(text)` prints.
    pub fn print_syms(&self, raw: &[u8]) -> Vec<u8> {
        format::print_syms(&self.expanded(raw), &self.symbols)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstap_bpf::stack_token::encode;
    use rstap_symbolize::KernelSymbols;

    const KALLSYMS: &str = "\
ffffffff81000000 T _stext
ffffffff81000100 T vfs_read
ffffffff81000200 t ksys_read
ffffffff81000300 T do_syscall_64
ffffffff81000400 T _etext
";

    fn stacks() -> HashMap<u32, Vec<u64>> {
        HashMap::from([
            (
                7,
                vec![0xffffffff81000110, 0xffffffff81000208, 0xffffffff81000333],
            ),
            (8, vec![0xffffffff81000110, 0x20]),
        ])
    }

    fn with<R>(maxstringlen: usize, f: impl FnOnce(&Expander<'_>) -> R) -> R {
        let map = stacks();
        let symbols = SharedKernelSymbols::from_table(KernelSymbols::parse(KALLSYMS).unwrap());
        f(&Expander::new(Some(&map), symbols, maxstringlen))
    }

    fn text(e: &Expander<'_>, t: Token<'_>) -> String {
        String::from_utf8(e.expanded(&encode(&t))).unwrap()
    }

    #[test]
    fn every_token_expands_to_systemtap_text() {
        with(512, |e| {
            assert_eq!(
                text(e, Token::Backtrace(7)),
                "0xffffffff81000110 0xffffffff81000208 0xffffffff81000333"
            );
            assert_eq!(
                text(e, Token::SprintBacktrace(8)),
                "vfs_read+0x10 [kernel]\n0x20"
            );
            assert_eq!(
                text(e, Token::Callers { stack: 7, n: 1 }),
                "0xffffffff81000110 0xffffffff81000208"
            );
            assert_eq!(text(e, Token::Callers { stack: 8, n: 5 }), "");
            assert_eq!(text(e, Token::Symname(0xffffffff81000208)), "ksys_read");
            assert_eq!(
                text(e, Token::Symdata(0xffffffff81000208)),
                "ksys_read+0x8/0x100 [kernel]"
            );
            assert_eq!(text(e, Token::Symname(0x20)), "0x20");
            assert_eq!(
                text(e, Token::Caller(0xffffffff81000333)),
                "do_syscall_64 0xffffffff81000333"
            );
            // An unknown stack id reads as an empty stack.
            assert_eq!(text(e, Token::Backtrace(99)), "");
            let bt = encode(&Token::Backtrace(8));
            assert_eq!(
                text(e, Token::SprintSyms(&bt)),
                " 0xffffffff81000110 : vfs_read+0x10/0x100 [kernel]\n 0x20 : 0x20\n"
            );
            assert_eq!(
                String::from_utf8(e.print_backtrace(8)).unwrap(),
                " 0xffffffff81000110 : vfs_read+0x10/0x100 [kernel]\n 0x20\n"
            );
            assert_eq!(e.print_backtrace(-1), b"");
            assert_eq!(
                String::from_utf8(e.print_syms(&bt)).unwrap(),
                " 0xffffffff81000110 : vfs_read+0x10/0x100 [kernel]\n 0x20 : 0x20\n"
            );
        });
    }

    #[test]
    fn tokens_inside_strings_and_the_string_limit() {
        with(512, |e| {
            let mut raw = b"at ".to_vec();
            raw.extend_from_slice(&encode(&Token::Symname(0xffffffff81000110)));
            raw.extend_from_slice(b"!");
            assert_eq!(e.expand(&raw).unwrap(), b"at vfs_read!");
            assert_eq!(e.expand(b"plain"), None);
            assert_eq!(e.expanded(b"plain"), b"plain");
            assert!(Expander::is_backtrace_token(&encode(&Token::Backtrace(7))));
            assert!(!Expander::is_backtrace_token(&raw));
        });
        // The expanded value is cut like any string of MAXSTRINGLEN 16.
        with(16, |e| {
            assert_eq!(text(e, Token::Backtrace(7)), "0xffffffff81000");
        });
    }
}
