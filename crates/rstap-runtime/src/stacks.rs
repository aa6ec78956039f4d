//! Kernel stack and symbol tokens (see `rstap_bpf::stack_token`) expanded into
//! SystemTap's text, wherever a kernel string reaches userspace: output records, and map
//! keys and values the store reads.
//!
//! Expanded strings are values like any other: cut to MAXSTRINGLEN, as SystemTap's
//! tapset functions cut theirs. Frames come from the session's stack map (read once per
//! id: ids are never reused) and symbols from the session's kernel symbols.
//!
//! User stacks and addresses belong to a process: its memory map is recorded (with an
//! open handle on each mapped file) when the kernel first reports the process, so they
//! are symbolized even when printed after the process exited. A process that is gone
//! before its map could be recorded prints hex addresses, as SystemTap prints what it
//! cannot resolve. User stacks are walked by the kernel with frame pointers; a stack
//! ends before the first frame that is not code of the process (what a walk through
//! code built without frame pointers produces), rather than print garbage.

use std::cell::RefCell;
use std::collections::HashMap;

use rstap_bpf::stack_token::{self, Piece, Token, UserStack};
use rstap_symbolize::format::{self, FrameStyle};
use rstap_symbolize::stack::BuildIdFrame;
use rstap_symbolize::{
    ResolvedAddress, Resolver, SharedKernelSymbols, SharedProcessSymbols, stack,
};
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

/// Where the frames of a build-id stack come from.
pub trait BuildIdSource {
    fn build_id_frames(&self, id: u32) -> Option<Vec<BuildIdFrame>>;
}

impl BuildIdSource for Map {
    fn build_id_frames(&self, id: u32) -> Option<Vec<BuildIdFrame>> {
        let value = self.lookup(&id.to_le_bytes()).ok()??;
        Some(stack::build_id_frames_from_bytes(&value))
    }
}

impl BuildIdSource for HashMap<u32, Vec<BuildIdFrame>> {
    fn build_id_frames(&self, id: u32) -> Option<Vec<BuildIdFrame>> {
        self.get(&id).cloned()
    }
}

/// What is known of a user stack's frames.
enum UserFrames {
    /// Through the process's recorded memory map.
    Resolved(Vec<ResolvedAddress>),
    /// (address, build id of its file, offset in the file) of each frame.
    InFiles(Vec<(u64, [u8; 20], u64)>),
    /// Addresses only.
    Unknown(Vec<u64>),
}

/// Expands tokens for one session.
pub struct Expander<'m> {
    stacks: Option<&'m dyn StackSource>,
    build_ids: Option<&'m dyn BuildIdSource>,
    symbols: SharedKernelSymbols,
    maxstringlen: usize,
    frames: RefCell<HashMap<u32, Vec<u64>>>,
    processes: SharedProcessSymbols,
    /// (process, address) pairs that made a process be recorded again.
    rerecorded: RefCell<std::collections::HashSet<(u32, u64)>>,
}

impl<'m> Expander<'m> {
    pub fn new(
        stacks: Option<&'m dyn StackSource>,
        symbols: SharedKernelSymbols,
        maxstringlen: usize,
    ) -> Expander<'m> {
        Expander {
            stacks,
            build_ids: None,
            symbols,
            maxstringlen: maxstringlen.max(1),
            frames: RefCell::new(HashMap::new()),
            processes: SharedProcessSymbols::new(),
            rerecorded: RefCell::default(),
        }
    }

    /// Records the memory map of process `pid` (the kernel saw it use a user stack or
    /// symbol). A process already gone keeps whatever was recorded before.
    pub fn note_process(&self, pid: u32) {
        self.processes.record(pid);
    }

    /// Shares the session's recorded processes (with the interpreter, which prints
    /// user stacks after their processes exited).
    pub fn with_processes(mut self, processes: SharedProcessSymbols) -> Self {
        self.processes = processes;
        self
    }

    /// Where user stacks' frames were recorded by build id.
    pub fn with_build_ids(mut self, build_ids: Option<&'m dyn BuildIdSource>) -> Self {
        self.build_ids = build_ids;
        self
    }

    /// What is known of the frames of a user stack, cut where the stack stops being
    /// code of the process (see the module docs).
    fn user_frames(&self, u: UserStack) -> UserFrames {
        let mut addresses = self.frames(u.stack);
        // The caller found at a function's entry is the frame after the first.
        // Kernels that recognise a uprobe at a function's entry (a `push %rbp` or
        // `endbr64` there) put it in the stack themselves.
        let caller_at =
            (u.caller != 0 && !addresses.is_empty() && addresses.get(1) != Some(&u.caller))
                .then_some(1);
        if caller_at.is_some() {
            addresses.insert(1, u.caller);
        }
        self.processes.ensure(u.pid);
        // A process that ran another program since it was recorded (exec keeps the
        // pid) is recorded again while it lives, once per address that shows it.
        let stale = addresses.first().is_some_and(|&a| {
            self.processes
                .with(|c| c.get(u.pid).is_some_and(|s| !s.is_code_address(a)))
                && self.rerecorded.borrow_mut().insert((u.pid, a))
        });
        if stale {
            self.processes.record(u.pid);
        }
        if let Some(frames) = self.processes.with(|c| {
            let usable = c.get(u.pid)?.usable_stack(&addresses).to_vec();
            Some(c.resolve_addresses(u.pid, &usable))
        }) {
            return UserFrames::Resolved(frames);
        }
        // The process was gone before its map could be recorded: the kernel's record of
        // each frame's file and offset, where it has one.
        let recorded = (u.build_ids != stack_token::NO_STACK)
            .then(|| self.build_ids.and_then(|b| b.build_id_frames(u.build_ids)))
            .flatten()
            .unwrap_or_default();
        if recorded.is_empty() {
            return UserFrames::Unknown(addresses);
        }
        let mut files = Vec::new();
        for (i, &address) in addresses.iter().enumerate() {
            let file = match (caller_at, recorded.first()) {
                // The caller lies in the file of the first frame when its address is
                // that far from the first frame's.
                (Some(1), Some(&BuildIdFrame::File { build_id, offset })) if i == 1 => {
                    let delta = addresses[0].wrapping_sub(offset);
                    address.checked_sub(delta).map(|off| (build_id, off))
                }
                _ => {
                    let k = if caller_at.is_some() && i > 1 {
                        i - 1
                    } else {
                        i
                    };
                    match recorded.get(k) {
                        Some(&BuildIdFrame::File { build_id, offset }) => Some((build_id, offset)),
                        _ => None,
                    }
                }
            };
            // A frame in no file ends the stack (the frame-pointer policy).
            let Some((build_id, offset)) = file else {
                break;
            };
            files.push((address, build_id, offset));
        }
        UserFrames::InFiles(files)
    }

    /// The frames of a user stack, resolved (see [`Expander::user_frames`]).
    fn user_stack(&self, u: UserStack) -> Vec<ResolvedAddress> {
        match self.user_frames(u) {
            UserFrames::Resolved(frames) => frames,
            UserFrames::InFiles(files) => self.processes.with(|c| c.resolve_file_frames(&files)),
            UserFrames::Unknown(addresses) => addresses
                .into_iter()
                .map(ResolvedAddress::unknown)
                .collect(),
        }
    }

    /// A user address of the process of stack `u`: through its recorded memory map, or
    /// through the files the stack's frames lie in.
    fn user_address(&self, u: UserStack, address: u64) -> ResolvedAddress {
        self.processes.ensure(u.pid);
        if let Some(frame) = self
            .processes
            .with(|c| c.get(u.pid).is_some().then(|| c.resolve(u.pid, address)))
        {
            return frame;
        }
        match self.user_frames(u) {
            UserFrames::InFiles(files) => self
                .processes
                .with(|c| c.resolve_near_frames(address, &files)),
            _ => ResolvedAddress::unknown(address),
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
            Token::UBacktrace(u) => {
                let addresses: Vec<u64> = self.user_stack(u).iter().map(|f| f.address).collect();
                format::backtrace_text(&addresses, max).into_bytes()
            }
            Token::SprintUBacktrace(u) => format::sprint_backtrace_text(&self.user_stack(u), max),
            Token::UCallers { stack, n } => {
                let addresses: Vec<u64> =
                    self.user_stack(stack).iter().map(|f| f.address).collect();
                format::callers(&addresses, n, max)
                    .unwrap_or_default()
                    .into_bytes()
            }
            Token::USymname { stack, addr } => {
                format::symname(&self.user_address(stack, addr)).into_bytes()
            }
            Token::USymdata { stack, addr } => {
                format::symdata(&self.user_address(stack, addr)).into_bytes()
            }
            Token::UModname { stack, addr } => match self.user_address(stack, addr).module {
                Some(m) => format::module_basename(&m.name).as_bytes().to_vec(),
                None => b"<unknown>".to_vec(),
            },
            Token::SprintUSyms { pid, text } => {
                let text = self.expanded(text);
                self.processes.ensure(pid);
                self.processes
                    .with(|c| format::sprint_syms(&text, &c.process(pid), max))
            }
        }
    }

    /// What `print_ubacktrace()` (or `print_ubacktrace_brief()`) prints for a user
    /// stack (nothing when its id is negative: the stack was empty or lost).
    pub fn print_ubacktrace(&self, values: [i64; 4], brief: bool) -> Vec<u8> {
        let [pid, stack, build_ids, caller] = values;
        let (Ok(pid), Ok(stack)) = (u32::try_from(pid), u32::try_from(stack)) else {
            return Vec::new();
        };
        let u = UserStack {
            pid,
            stack,
            build_ids: u32::try_from(build_ids).unwrap_or(stack_token::NO_STACK),
            caller: caller as u64,
        };
        let style = if brief {
            FrameStyle::Brief
        } else {
            FrameStyle::Full
        };
        format::render_stack(&self.user_stack(u), style).into_bytes()
    }

    /// What `print_usyms(text)` prints in process `pid`.
    pub fn print_usyms(&self, pid: i64, raw: &[u8]) -> Vec<u8> {
        let text = self.expanded(raw);
        let Ok(pid) = u32::try_from(pid) else {
            return Vec::new();
        };
        self.processes.ensure(pid);
        self.processes
            .with(|c| format::print_syms(&text, &c.process(pid)))
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
