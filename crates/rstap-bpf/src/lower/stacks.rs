//! Kernel stacks, registers and symbols in kernel probes.
//!
//! Stacks come from the session's stack map (`bpf_get_stackid`) and travel as the
//! tokens of [`crate::stack_token`]; levels of the stack (`stack(n)`, `callers(n)`,
//! `caller_addr()`) are read with `bpf_get_stack` into scratch memory. The stack map
//! is created without `BPF_F_REUSE_STACKID`, so an id always names the stack it was
//! returned for: a stack that cannot be recorded (the map is full, or another stack
//! hashes to its slot) reads as empty and is counted, and the session reports the
//! count at exit.
//!
//! The kernel stack of an event that interrupted user space is empty: `backtrace()` is
//! then the empty string, as a kernel-only unwind gives in SystemTap.

use rstap_diag::{Diagnostic, Span, Stage};
use rstap_ir::stacks::{Scope, TokenFlow};
use rstap_ir::{CompareOp, Expr, ExprKind, Type};

use super::{G, Gen, ProgKind, SiteKind, Str, rstap_code};
use crate::ctx::{X86_64_CS, X86_64_IP};
use crate::helpers as h;
use crate::insn::*;
use crate::layout::{STATS_MAP, STATS_STACKS_LOST};
use crate::stack_token::{self, kind};

/// `-EFAULT` from `bpf_get_stackid`: the stack has no frames (no kernel frames, or no
/// user context).
const EFAULT: i32 = 14;

/// `bpf_get_stack*` flag: the user stack of the current task.
const BPF_F_USER_STACK: i32 = 0x100;

impl Gen<'_> {
    /// Kernel stacks, registers and symbols; `None` when `name` is none of them.
    pub(super) fn stack_intrinsic(
        &mut self,
        name: &str,
        args: &[Expr],
        span: Span,
    ) -> Option<G<Option<Str>>> {
        Some(match name {
            "backtrace" => self.stack_id_token(kind::BACKTRACE, name, span).map(Some),
            "sprint_backtrace" => self
                .stack_id_token(kind::SPRINT_BACKTRACE, name, span)
                .map(Some),
            "print_backtrace" => self.print_backtrace(span).map(|()| None),
            "stack" => self.stack_level(args, span).map(|()| None),
            "caller_addr" => self.caller_addr(name, span).map(|()| None),
            "caller" => self.caller(span).map(Some),
            "callers" => self.callers(args, span).map(Some),
            "symname" | "symdata" => {
                let k = if name == "symname" {
                    kind::SYMNAME
                } else {
                    kind::SYMDATA
                };
                self.long_slot(&args[0])
                    .and_then(|v| self.address_token(k, v))
                    .map(Some)
            }
            "print_syms" => self.print_syms(args, span).map(|()| None),
            "sprint_syms" => self.sprint_syms(args).map(Some),
            "addr" => self.instruction_pointer().map(|()| None),
            "user_mode" => self.user_mode().map(|()| None),
            "probefunc" => self.probefunc().map(Some),
            _ => return None,
        })
    }

    /// The scope locals of the code being generated belong to.
    fn scope(&self) -> Option<(&TokenFlow, Scope)> {
        let (flow, probe) = self.flow?;
        let scope = match self.frames.last().and_then(|f| f.func) {
            Some(f) => Scope::Function(f),
            None => Scope::Probe(probe),
        };
        Some((flow, scope))
    }

    /// Whether `e` may hold a stack token here.
    pub(super) fn may_carry_token(&self, e: &Expr) -> bool {
        self.scope()
            .is_some_and(|(flow, scope)| flow.may_carry(self.program, scope, e))
    }

    /// Refuses a comparison that would see a stack token instead of SystemTap's text:
    /// any ordering, and equality with a non-empty literal.
    pub(super) fn refuse_token_comparison(
        &mut self,
        op: CompareOp,
        lhs: &Expr,
        rhs: &Expr,
        span: Span,
    ) -> G<()> {
        if lhs.ty != Type::String {
            return Ok(());
        }
        let nonempty_literal = |e: &Expr| matches!(&e.kind, ExprKind::String(s) if !s.is_empty());
        let (l, r) = (self.may_carry_token(lhs), self.may_carry_token(rhs));
        let refused = match op {
            CompareOp::Eq | CompareOp::Ne => {
                (l && nonempty_literal(rhs)) || (r && nonempty_literal(lhs))
            }
            _ => l || r,
        };
        if refused {
            return self.refuse_token_use(
                "this comparison of a kernel stack or symbol value",
                "only `==` and `!=` between two such values, or with \"\", compare exactly",
                span,
            );
        }
        Ok(())
    }

    /// Refuses a `%s` with a width or flag in a kernel `sprintf` when its argument may
    /// hold a stack token: the kernel would pad the token, not the text.
    pub(super) fn refuse_token_padding(
        &mut self,
        format: &[u8],
        args: &[Expr],
        span: Span,
    ) -> G<()> {
        use rstap_format::printf::{Conv, Count, Piece};
        let Ok(f) = rstap_format::parse_format(format) else {
            return Ok(());
        };
        let convs = f.pieces.iter().filter_map(|p| match p {
            Piece::Conv(c) => Some(c),
            Piece::Text(_) => None,
        });
        for (spec, arg) in convs.zip(args) {
            let padded = spec.width != Count::None || spec.flag.is_some();
            if spec.conv == Conv::Str && padded && self.may_carry_token(arg) {
                return self.refuse_token_use(
                    "a width or flag on `%s` of a kernel stack or symbol value in a kernel \
                     `sprintf`",
                    "`printf` formats in userspace, where the text is known: print with it",
                    span,
                );
            }
        }
        Ok(())
    }

    /// Refuses an operation that would see a stack token where SystemTap sees text.
    fn refuse_token_use(&mut self, what: &str, help: &str, span: Span) -> G<()> {
        self.diags.push(
            Diagnostic::error(
                Stage::Translate,
                super::UNSUPPORTED,
                format!("{what} is not supported in kernel probes"),
            )
            .with_primary(span, "needed here")
            .with_note(
                "in kernel probes, backtraces and symbols are held as short tokens that are \
                 expanded into text in userspace; the kernel cannot see that text",
            )
            .with_help(help),
        );
        Err(())
    }

    /// Stacks need the context pointer, which a `foreach` callback does not have.
    fn needs_context(&mut self, name: &str, span: Span) -> G<()> {
        if self.cb.is_some() {
            self.unsupported(format!("`{name}()` inside a `foreach` body"), span)?;
        }
        Ok(())
    }

    /// The frames to skip at the top of the stack: programs run from a trampoline or a
    /// raw tracepoint unwind from the helper's caller, this program's own code, whose
    /// address differs at each call (an event's registers start at the event).
    fn own_frames(&self) -> i32 {
        match self.kind {
            ProgKind::RawTracepoint | ProgKind::TpBtf | ProgKind::Fentry | ProgKind::Fexit => 1,
            _ => 0,
        }
    }

    /// A slot holding `bpf_get_stackid(ctx, stacks, skip)`, or -1 when the stack is empty
    /// or could not be recorded (counted in `STATS_STACKS_LOST`).
    fn stack_id(&mut self, name: &str, span: Span) -> G<u32> {
        self.stack_id_of(name, span, false)
    }

    /// [`Gen::stack_id`] of the kernel stack, or of the user stack of the current task
    /// when `user` is set (empty in a kernel thread).
    pub(super) fn stack_id_of(&mut self, name: &str, span: Span, user: bool) -> G<u32> {
        let map = self.layout.stack_map;
        self.stack_id_in(map, name, span, user)
    }

    /// [`Gen::stack_id_of`] in stack map `map`.
    pub(super) fn stack_id_in(
        &mut self,
        map: Option<usize>,
        name: &str,
        span: Span,
        user: bool,
    ) -> G<u32> {
        self.needs_context(name, span)?;
        let Some(map) = map else {
            self.unsupported(format!("`{name}()` without a stack map"), span)?;
            unreachable!()
        };
        let slot = self.temp(8)?;
        let recorded = self.asm.label();
        let empty = self.asm.label();
        self.asm.mov(R1, R6);
        self.asm.ld_map(R2, map);
        self.asm.mov_imm(R3, self.stack_flags(user));
        self.asm.call(h::GET_STACKID);
        self.asm.jmp_imm(Cond::Sge, R0, 0, recorded);
        self.asm.jmp_imm(Cond::Eq, R0, -EFAULT, empty);
        self.asm.ld_map_value(R1, STATS_MAP, 0);
        self.asm.mov_imm(R2, 1);
        self.asm.atomic_add(R1, STATS_STACKS_LOST as i16, R2);
        self.asm.bind(empty);
        self.asm.mov_imm(R0, -1);
        self.asm.bind(recorded);
        self.spill(slot, R0);
        Ok(slot)
    }

    /// Writes `n` letters of the value in `value` at `dst` (see [`stack_token`]).
    pub(super) fn put_letters(&mut self, dst: u32, value: u32, n: usize) {
        self.fill(R2, value);
        for i in 0..n {
            let shift = 4 * (n - 1 - i) as i32;
            self.asm.mov(R1, R2);
            if shift > 0 {
                self.asm.alu64_imm(Alu::Rsh, R1, shift);
            }
            self.asm.alu64_imm(Alu::And, R1, 0xf);
            self.asm.alu64_imm(Alu::Add, R1, b'a' as i32);
            self.asm.store(Size::U8, R7, Self::off(dst + i as u32), R1);
        }
    }

    /// A token of `kind` for the stack id in `id` (and the `callers` count in `count`),
    /// or "" when the id is negative.
    fn id_token(&mut self, kind_byte: u8, id: u32, count: Option<u32>) -> G<Str> {
        let letters = stack_token::ID_LETTERS + count.map_or(0, |_| stack_token::COUNT_LETTERS);
        let len = 3 + letters as u32 + 1;
        let t = self.temp(len)?;
        let done = self.asm.label();
        let present = self.asm.label();
        self.fill(R1, id);
        self.asm.jmp_imm(Cond::Sge, R1, 0, present);
        self.asm.store_imm(Size::U8, R7, Self::off(t), 0);
        self.asm.ja(done);
        self.asm.bind(present);
        self.asm
            .store_imm(Size::U8, R7, Self::off(t), stack_token::START as i32);
        self.asm
            .store_imm(Size::U8, R7, Self::off(t + 1), kind_byte as i32);
        let mut at = t + 2;
        if let Some(count) = count {
            self.put_letters(at, count, stack_token::COUNT_LETTERS);
            at += stack_token::COUNT_LETTERS as u32;
        }
        self.put_letters(at, id, stack_token::ID_LETTERS);
        at += stack_token::ID_LETTERS as u32;
        self.asm
            .store_imm(Size::U8, R7, Self::off(at), stack_token::END as i32);
        self.asm.store_imm(Size::U8, R7, Self::off(at + 1), 0);
        self.asm.bind(done);
        Ok(Str {
            slot: t,
            bound: len,
            padded: false,
        })
    }

    /// A token of `kind` for the address in slot `value`.
    fn address_token(&mut self, kind_byte: u8, value: u32) -> G<Str> {
        let len = 3 + stack_token::ADDR_LETTERS as u32 + 1;
        let t = self.temp(len)?;
        self.asm
            .store_imm(Size::U8, R7, Self::off(t), stack_token::START as i32);
        self.asm
            .store_imm(Size::U8, R7, Self::off(t + 1), kind_byte as i32);
        self.put_letters(t + 2, value, stack_token::ADDR_LETTERS);
        let end = t + 2 + stack_token::ADDR_LETTERS as u32;
        self.asm
            .store_imm(Size::U8, R7, Self::off(end), stack_token::END as i32);
        self.asm.store_imm(Size::U8, R7, Self::off(end + 1), 0);
        Ok(Str {
            slot: t,
            bound: len,
            padded: false,
        })
    }

    fn stack_id_token(&mut self, kind_byte: u8, name: &str, span: Span) -> G<Str> {
        let id = self.stack_id(name, span)?;
        self.id_token(kind_byte, id, None)
    }

    fn print_backtrace(&mut self, span: Span) -> G<()> {
        let id = self.stack_id("print_backtrace", span)?;
        self.record_values(SiteKind::PrintBacktrace, &[(Type::Long, id, 8)], span)
    }

    fn print_syms(&mut self, args: &[Expr], span: Span) -> G<()> {
        let s = self.string(&args[0])?;
        self.record_values(
            SiteKind::PrintSyms,
            &[(Type::String, s.slot, s.bound)],
            span,
        )
    }

    /// `sprint_syms(text)`: the text wrapped in a token, listed in userspace.
    fn sprint_syms(&mut self, args: &[Expr]) -> G<Str> {
        let s = self.string(&args[0])?;
        let head = self.literal(&[stack_token::START, kind::SPRINT_SYMS])?;
        let wrapped = self.concat_slots(head, s)?;
        let tail = self.literal(&[stack_token::END])?;
        self.concat_slots(wrapped, tail)
    }

    /// The flags of a stack helper: the frames to skip, or the user stack (whose
    /// frames are all the program's to report).
    fn stack_flags(&self, user: bool) -> i32 {
        if user {
            BPF_F_USER_STACK
        } else {
            self.own_frames()
        }
    }

    /// `bpf_get_stack` into a fresh buffer: returns (buffer, slot with the number of
    /// frames).
    fn stack_frames(&mut self, name: &str, span: Span) -> G<(u32, u32)> {
        self.stack_frames_of(name, span, false)
    }

    /// [`Gen::stack_frames`] of the kernel or the user stack.
    pub(super) fn stack_frames_of(&mut self, name: &str, span: Span, user: bool) -> G<(u32, u32)> {
        self.needs_context(name, span)?;
        let bytes = 8 * self.opts.maxbacktrace.max(1);
        let buf = self.temp(bytes)?;
        let depth = self.temp(8)?;
        let got = self.asm.label();
        self.asm.mov(R1, R6);
        self.scratch_ptr(R2, buf);
        self.asm.mov_imm(R3, bytes as i32);
        self.asm.mov_imm(R4, self.stack_flags(user));
        self.asm.call(h::GET_STACK);
        self.asm.jmp_imm(Cond::Sge, R0, 0, got);
        self.asm.mov_imm(R0, 0);
        self.asm.bind(got);
        self.asm.alu64_imm(Alu::Rsh, R0, 3);
        self.spill(depth, R0);
        Ok((buf, depth))
    }

    /// Raises SystemTap's error for a missing stack level (the level is in `level`).
    fn raise_no_frame(&mut self, level: u32, span: Span) -> G<()> {
        let kind = SiteKind::NoStackFrame {
            code: rstap_code("R0013"),
            user: false,
        };
        self.raise_with_value(kind, level, span)
    }

    /// `r0 =` level `level` of the stack in `buf` (`depth` frames), or the error.
    fn frame_at(&mut self, buf: u32, depth: u32, level: u32, span: Span) -> G<()> {
        let missing = self.asm.label();
        let done = self.asm.label();
        let max = self.opts.maxbacktrace.max(1) as i32;
        self.fill(R1, level);
        self.fill(R2, depth);
        self.asm.jmp_imm(Cond::Slt, R1, 0, missing);
        self.asm.jmp_reg(Cond::Ge, R1, R2, missing);
        // The verifier's bound on the index, which the depth does not give it.
        self.asm.jmp_imm(Cond::Gt, R1, max - 1, missing);
        self.asm.alu64_imm(Alu::Lsh, R1, 3);
        self.scratch_ptr(R2, buf);
        self.asm.alu64_reg(Alu::Add, R2, R1);
        self.asm.load(Size::U64, R0, R2, 0);
        self.asm.ja(done);
        self.asm.bind(missing);
        self.raise_no_frame(level, span)?;
        self.asm.bind(done);
        Ok(())
    }

    /// `stack(n)`.
    fn stack_level(&mut self, args: &[Expr], span: Span) -> G<()> {
        let level = self.long_slot(&args[0])?;
        let (buf, depth) = self.stack_frames("stack", span)?;
        self.frame_at(buf, depth, level, span)
    }

    /// `caller_addr()`: level 1.
    fn caller_addr(&mut self, name: &str, span: Span) -> G<()> {
        let level = self.temp(8)?;
        self.asm.store_imm(Size::U64, R7, Self::off(level), 1);
        let (buf, depth) = self.stack_frames(name, span)?;
        self.frame_at(buf, depth, level, span)
    }

    /// `caller()`: `"sym 0xADDR"` of `caller_addr()`.
    fn caller(&mut self, span: Span) -> G<Str> {
        self.caller_addr("caller", span)?;
        let addr = self.temp(8)?;
        self.spill(addr, R0);
        self.address_token(kind::CALLER, addr)
    }

    /// `callers(n)`: levels 0..=n (all for -1, none below -1), an error when the stack
    /// has fewer.
    fn callers(&mut self, args: &[Expr], span: Span) -> G<Str> {
        let n = self.long_slot(&args[0])?;
        let (_, depth) = self.stack_frames("callers", span)?;
        let id = self.stack_id("callers", span)?;
        let count = self.callers_count(n, depth, id, span, false)?;
        self.id_token(kind::CALLERS, id, Some(count))
    }

    /// The count a `callers(n)`/`ucallers(n)` token holds, in a new slot: `n + 1`, or 0
    /// for the whole stack (`n` = -1). Below -1 no level is asked for: the stack id in
    /// `id` becomes -1, the token of the empty string. A level at or beyond the `depth`
    /// the stack has raises SystemTap's error.
    pub(super) fn callers_count(
        &mut self,
        n: u32,
        depth: u32,
        id: u32,
        span: Span,
        user: bool,
    ) -> G<u32> {
        let count = self.temp(8)?;
        let max = self.opts.maxbacktrace.max(1) as i32;
        let all = self.asm.label();
        let none = self.asm.label();
        let missing = self.asm.label();
        let counted = self.asm.label();
        self.fill(R1, n);
        self.asm.jmp_imm(Cond::Eq, R1, -1, all);
        self.asm.jmp_imm(Cond::Slt, R1, -1, none);
        self.fill(R2, depth);
        self.asm.jmp_reg(Cond::Ge, R1, R2, missing);
        self.asm.jmp_imm(Cond::Gt, R1, max - 1, missing);
        self.asm.alu64_imm(Alu::Add, R1, 1);
        self.spill(count, R1);
        self.asm.ja(counted);
        self.asm.bind(missing);
        let kind = SiteKind::NoStackFrame {
            code: rstap_code("R0013"),
            user,
        };
        self.raise_with_value(kind, n, span)?;
        self.asm.bind(none);
        self.asm.mov_imm(R1, -1);
        self.spill(id, R1);
        self.asm.bind(all);
        self.asm.store_imm(Size::U64, R7, Self::off(count), 0);
        self.asm.bind(counted);
        Ok(count)
    }

    /// `r0 =` the interrupted instruction pointer (`addr()`): probes on events with
    /// registers have one; tracepoints have none, and read 0 as in SystemTap.
    fn instruction_pointer(&mut self) -> G<()> {
        match self.kind {
            ProgKind::PerfEvent | ProgKind::Kprobe | ProgKind::Kretprobe => {
                self.ctx_word(R0, X86_64_IP)?
            }
            ProgKind::Fentry | ProgKind::Fexit if self.cb.is_none() => {
                crate::ctx::ip(&mut self.asm, self.kind).map_err(|_| ())?
            }
            _ => self.asm.mov_imm(R0, 0),
        }
        Ok(())
    }

    /// `r0 = user_mode()`: the privilege level of the interrupted code segment.
    fn user_mode(&mut self) -> G<()> {
        match self.kind {
            ProgKind::PerfEvent | ProgKind::Kprobe | ProgKind::Kretprobe => {
                let kernel = self.asm.label();
                self.ctx_word(R0, X86_64_CS)?;
                self.asm.alu64_imm(Alu::And, R0, 3);
                self.asm.jmp_imm(Cond::Eq, R0, 0, kernel);
                self.asm.mov_imm(R0, 1);
                self.asm.bind(kernel);
            }
            _ => self.asm.mov_imm(R0, 0),
        }
        Ok(())
    }

    /// `probefunc()`: `symname(addr())`.
    fn probefunc(&mut self) -> G<Str> {
        self.instruction_pointer()?;
        let ip = self.temp(8)?;
        self.spill(ip, R0);
        self.address_token(kind::SYMNAME, ip)
    }
}
