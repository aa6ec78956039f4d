//! User stacks and user symbols in kernel probes (`ubacktrace()`, `usymname()`...).
//!
//! A user stack is recorded in the session's stack map with `BPF_F_USER_STACK` and
//! travels as a token naming the process as well as the stack id, since user
//! addresses only mean something within one process's memory map. The first time a
//! session sees a process use one of these functions, the program sends a record
//! naming it (once per process, through the `rstap_useen` map), so that userspace
//! snapshots the process's mappings while it still lives: its stacks stay
//! symbolized after it exits.

use rstap_diag::Span;
use rstap_ir::{Expr, ProbeKind, Type};

use super::{G, Gen, SiteKind, Str};
use crate::ctx::{X86_64_IP, X86_64_SP};
use crate::helpers as h;
use crate::insn::*;
use crate::stack_token::{self, kind};

/// `BPF_NOEXIST`: the update succeeds only for a new key.
const BPF_NOEXIST: i32 = 1;

impl Gen<'_> {
    /// User stacks and symbols; `None` when `name` is none of them.
    pub(super) fn user_stack_intrinsic(
        &mut self,
        name: &str,
        args: &[Expr],
        span: Span,
    ) -> Option<G<Option<Str>>> {
        Some(match name {
            "ubacktrace" => self.user_backtrace(kind::UBACKTRACE, name, span).map(Some),
            "sprint_ubacktrace" => self
                .user_backtrace(kind::SPRINT_UBACKTRACE, name, span)
                .map(Some),
            "print_ubacktrace" | "print_ubacktrace_brief" => {
                let brief = name == "print_ubacktrace_brief";
                self.print_ubacktrace(name, brief, span).map(|()| None)
            }
            "ucallers" => self.ucallers(args, span).map(Some),
            "usymname" | "usymdata" | "umodname" => {
                let k = match name {
                    "usymname" => kind::USYMNAME,
                    "usymdata" => kind::USYMDATA,
                    _ => kind::UMODNAME,
                };
                self.long_slot(&args[0])
                    .and_then(|addr| self.user_address_token(k, addr, name, span))
                    .map(Some)
            }
            "print_usyms" => self.print_usyms(args, span).map(|()| None),
            "sprint_usyms" => self.sprint_usyms(args, span).map(Some),
            "uaddr" => self.user_instruction_pointer().map(|()| None),
            _ => return None,
        })
    }

    /// A slot holding the current process id, which the session is told about the
    /// first time it is seen.
    fn current_process(&mut self, span: Span) -> G<u32> {
        let pid = self.temp(8)?;
        self.asm.call(h::GET_CURRENT_PID_TGID);
        self.asm.alu64_imm(Alu::Rsh, R0, 32);
        self.spill(pid, R0);
        let Some(map) = self.layout.process_map else {
            return Ok(pid);
        };
        // The map's key is the u32 at the start of the slot (little-endian), and any
        // value will do: the slot itself.
        let seen = self.asm.label();
        self.asm.ld_map(R1, map);
        self.scratch_ptr(R2, pid);
        self.scratch_ptr(R3, pid);
        self.asm.mov_imm(R4, BPF_NOEXIST);
        self.asm.call(h::MAP_UPDATE_ELEM);
        self.asm.jmp_imm(Cond::Ne, R0, 0, seen);
        self.record_values(SiteKind::ProcessSeen, &[(Type::Long, pid, 8)], span)?;
        self.asm.bind(seen);
        Ok(pid)
    }

    /// Writes a whole token at `t`: `START kind`, the letters of each (slot, letters)
    /// field, `END` and a NUL.
    fn write_token(&mut self, t: u32, kind_byte: u8, fields: &[(u32, usize)]) {
        self.asm
            .store_imm(Size::U8, R7, Self::off(t), stack_token::START as i32);
        self.asm
            .store_imm(Size::U8, R7, Self::off(t + 1), kind_byte as i32);
        let mut at = t + 2;
        for &(slot, n) in fields {
            self.put_letters(at, slot, n);
            at += n as u32;
        }
        self.asm
            .store_imm(Size::U8, R7, Self::off(at), stack_token::END as i32);
        self.asm.store_imm(Size::U8, R7, Self::off(at + 1), 0);
    }

    /// Writes `START kind PID...` at `t` (the letters of the process in `pid`); returns
    /// the offset after them.
    fn user_token_head(&mut self, t: u32, kind_byte: u8, pid: u32) -> u32 {
        self.asm
            .store_imm(Size::U8, R7, Self::off(t), stack_token::START as i32);
        self.asm
            .store_imm(Size::U8, R7, Self::off(t + 1), kind_byte as i32);
        self.put_letters(t + 2, pid, stack_token::PID_LETTERS);
        t + 2 + stack_token::PID_LETTERS as u32
    }

    /// The current user stack: slots of the process, the address stack's id, the
    /// build-id stack's id ([`stack_token::NO_STACK`] when it was not recorded) and the
    /// caller at a function entry (0 elsewhere).
    fn user_stack(&mut self, name: &str, span: Span) -> G<[u32; 4]> {
        let id = self.stack_id_of(name, span, true)?;
        let map = self.layout.build_id_map;
        let build_ids = self.stack_id_in(map, name, span, true)?;
        let pid = self.current_process(span)?;
        let caller = self.temp(8)?;
        self.asm.store_imm(Size::U64, R7, Self::off(caller), 0);
        if let ProbeKind::Uprobe {
            ret: false,
            mark: None,
            ..
        } = &self.probe.kind
        {
            // At the first instruction the return address is on top of the user stack.
            self.ctx_word(R3, X86_64_SP)?;
            self.scratch_ptr(R1, caller);
            self.asm.mov_imm(R2, 8);
            self.asm.call(h::PROBE_READ_USER);
        }
        Ok([pid, id, build_ids, caller])
    }

    /// A user stack token of `kind` (with the `ucallers` count in `count`), or "" when
    /// the address stack is empty.
    fn user_stack_token(&mut self, kind_byte: u8, stack: [u32; 4], count: Option<u32>) -> G<Str> {
        let [pid, id, build_ids, caller] = stack;
        let letters =
            stack_token::USER_STACK_LETTERS + count.map_or(0, |_| stack_token::COUNT_LETTERS);
        let len = 3 + letters as u32 + 1;
        let t = self.temp(len)?;
        let done = self.asm.label();
        let present = self.asm.label();
        self.fill(R1, id);
        self.asm.jmp_imm(Cond::Sge, R1, 0, present);
        self.asm.store_imm(Size::U8, R7, Self::off(t), 0);
        self.asm.ja(done);
        self.asm.bind(present);
        let mut fields = Vec::new();
        if let Some(count) = count {
            fields.push((count, stack_token::COUNT_LETTERS));
        }
        fields.extend(user_stack_fields([pid, id, build_ids, caller]));
        self.write_token(t, kind_byte, &fields);
        self.asm.bind(done);
        Ok(Str {
            slot: t,
            bound: len,
            padded: false,
        })
    }

    fn user_backtrace(&mut self, kind_byte: u8, name: &str, span: Span) -> G<Str> {
        let stack = self.user_stack(name, span)?;
        self.user_stack_token(kind_byte, stack, None)
    }

    fn print_ubacktrace(&mut self, name: &str, brief: bool, span: Span) -> G<()> {
        let [pid, id, build_ids, caller] = self.user_stack(name, span)?;
        self.record_values(
            SiteKind::PrintUbacktrace { brief },
            &[
                (Type::Long, pid, 8),
                (Type::Long, id, 8),
                (Type::Long, build_ids, 8),
                (Type::Long, caller, 8),
            ],
            span,
        )
    }

    /// `ucallers(n)`: levels 0..=n of the user stack (all for -1, none below -1), an
    /// error when the stack has fewer.
    fn ucallers(&mut self, args: &[Expr], span: Span) -> G<Str> {
        let n = self.long_slot(&args[0])?;
        let (buf, depth) = self.stack_frames_of("ucallers", span, true)?;
        let stack = self.user_stack("ucallers", span)?;
        let [_, id, _, caller] = stack;
        // The caller found at a function entry is one more level, unless the kernel
        // put it in the stack itself (as level 1).
        let no_caller = self.asm.label();
        let add = self.asm.label();
        self.fill(R2, depth);
        self.fill(R3, caller);
        self.asm.jmp_imm(Cond::Eq, R3, 0, no_caller);
        self.asm.jmp_imm(Cond::Lt, R2, 2, add);
        self.scratch_ptr(R4, buf);
        self.asm.load(Size::U64, R4, R4, 8);
        self.asm.jmp_reg(Cond::Eq, R4, R3, no_caller);
        self.asm.bind(add);
        self.asm.alu64_imm(Alu::Add, R2, 1);
        self.asm.bind(no_caller);
        self.spill(depth, R2);
        let count = self.callers_count(n, depth, id, span, true)?;
        self.user_stack_token(kind::UCALLERS, stack, Some(count))
    }

    /// A token of `kind` for the user address in slot `addr`, with the current user
    /// stack.
    fn user_address_token(&mut self, kind_byte: u8, addr: u32, name: &str, span: Span) -> G<Str> {
        let stack = self.user_stack(name, span)?;
        let len = 3 + (stack_token::USER_STACK_LETTERS + stack_token::ADDR_LETTERS) as u32 + 1;
        let t = self.temp(len)?;
        let mut fields = user_stack_fields(stack).to_vec();
        fields.push((addr, stack_token::ADDR_LETTERS));
        self.write_token(t, kind_byte, &fields);
        Ok(Str {
            slot: t,
            bound: len,
            padded: false,
        })
    }

    fn print_usyms(&mut self, args: &[Expr], span: Span) -> G<()> {
        let s = self.string(&args[0])?;
        let pid = self.current_process(span)?;
        self.record_values(
            SiteKind::PrintUsyms,
            &[(Type::Long, pid, 8), (Type::String, s.slot, s.bound)],
            span,
        )
    }

    /// `sprint_usyms(text)`: the text wrapped in a token naming the process.
    fn sprint_usyms(&mut self, args: &[Expr], span: Span) -> G<Str> {
        let s = self.string(&args[0])?;
        let pid = self.current_process(span)?;
        let len = 2 + stack_token::PID_LETTERS as u32 + 1;
        let head = self.temp(len)?;
        let at = self.user_token_head(head, kind::SPRINT_USYMS, pid);
        self.asm.store_imm(Size::U8, R7, Self::off(at), 0);
        let head = Str {
            slot: head,
            bound: len,
            padded: false,
        };
        let wrapped = self.concat_slots(head, s)?;
        let tail = self.literal(&[stack_token::END])?;
        self.concat_slots(wrapped, tail)
    }

    /// `r0 = uaddr()`: where the current task was in user space. A user probe's
    /// registers are the user's; elsewhere they are the task's saved user registers
    /// (zero in kernel threads).
    fn user_instruction_pointer(&mut self) -> G<()> {
        if matches!(self.probe.kind, ProbeKind::Uprobe { .. }) {
            return self.ctx_word(R0, X86_64_IP);
        }
        let t = self.temp(8)?;
        self.asm.store_imm(Size::U64, R7, Self::off(t), 0);
        self.asm.call(h::GET_CURRENT_TASK_BTF);
        self.asm.mov(R1, R0);
        self.asm.call(h::TASK_PT_REGS);
        self.read_kernel(t, 8, R0, X86_64_IP as i32);
        self.fill(R0, t);
        Ok(())
    }
}

/// The fields of a [`stack_token::UserStack`] in a token, from the slots of
/// `user_stack` (process, stack id, build-id stack id, caller).
fn user_stack_fields([pid, id, build_ids, caller]: [u32; 4]) -> [(u32, usize); 4] {
    [
        (pid, stack_token::PID_LETTERS),
        (id, stack_token::ID_LETTERS),
        (build_ids, stack_token::ID_LETTERS),
        (caller, stack_token::ADDR_LETTERS),
    ]
}
