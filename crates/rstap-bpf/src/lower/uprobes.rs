//! User-space probes: `$return` of a user function, USDT `$argN` from the site's
//! argument specification, and arguments by calling-convention position
//! (`uint_arg(n)` and its kin). Uprobes run as kprobe-type programs, so all of these
//! read the user registers the kernel saved in `pt_regs`.

use rstap_diag::Span;
use rstap_ir::{Expr, ExprKind, ProbeKind, ProcessFilter, UsdtArg, UsdtLocation};

use super::{G, Gen, ProgKind, Str};
use crate::ctx::{X86_64_AX, X86_64_SP, x86_64_register};
use crate::helpers as h;
use crate::insn::*;

/// `(name, bits, signed)` of the functions reading an argument by position.
const ARG_BY_POSITION: [(&str, i32, bool); 15] = [
    ("int_arg", 32, true),
    ("uint_arg", 32, false),
    ("long_arg", 64, true),
    ("ulong_arg", 64, false),
    ("longlong_arg", 64, true),
    ("ulonglong_arg", 64, false),
    ("pointer_arg", 64, false),
    ("short_arg", 16, true),
    ("ushort_arg", 16, false),
    ("char_arg", 8, true),
    ("uchar_arg", 8, false),
    ("s32_arg", 32, true),
    ("u32_arg", 32, false),
    ("s64_arg", 64, true),
    ("u64_arg", 64, false),
];

impl Gen<'_> {
    /// User-probe context reads; `None` when `name` is none of them.
    pub(super) fn uprobe_intrinsic(
        &mut self,
        name: &str,
        args: &[Expr],
        span: Span,
    ) -> Option<G<Option<Str>>> {
        if let Some(&(_, bits, signed)) = ARG_BY_POSITION.iter().find(|(n, ..)| *n == name) {
            return Some(
                self.arg_by_position(name, bits, signed, args, span)
                    .map(|()| None),
            );
        }
        if let Some(loc) = name
            .strip_prefix("__uprobe_param_at_")
            .or_else(|| name.strip_prefix("__uprobe_local_"))
            .or_else(|| name.strip_prefix("__uprobe_global_"))
        {
            return Some(self.statement_var(loc, span).map(|()| None));
        }
        if let Some(p) = name.strip_prefix("__uprobe_param_") {
            return Some(self.dwarf_param(p, span).map(|()| None));
        }
        let ProbeKind::Uprobe { function, mark, .. } = &self.probe.kind else {
            return None;
        };
        let (function, mark) = (function.clone(), mark.clone());
        Some(match name {
            // A PLT probe's function is the symbol its stub calls.
            "probefunc" | "__plt_name" => self.literal(function.as_bytes()).map(Some),
            "__uprobe_return" => self.ctx_word(R0, X86_64_AX).map(|()| None),
            "__uprobe_frame" => {
                let ret = matches!(self.probe.kind, ProbeKind::Uprobe { ret: true, .. });
                self.ctx_word(R0, X86_64_SP).map(|()| {
                    // The return popped the return address the entry saw on top.
                    if ret {
                        self.asm.alu64_imm(Alu::Sub, R0, 8);
                    }
                    None
                })
            }
            n if n.starts_with("__uprobe_return_") => {
                // The result's C type is narrower than the register: extend its bits.
                let spec = &n["__uprobe_return_".len()..];
                let signed = spec.starts_with('s');
                let bits: i32 = spec[1..].parse().unwrap_or(64);
                self.ctx_word(R0, X86_64_AX).map(|()| {
                    if (1..64).contains(&bits) {
                        self.asm.alu64_imm(Alu::Lsh, R0, 64 - bits);
                        self.asm.alu64_imm(
                            if signed { Alu::Arsh } else { Alu::Rsh },
                            R0,
                            64 - bits,
                        );
                    }
                    None
                })
            }
            "__usdt_name" | "__usdt_provider" => {
                let site = mark.unwrap_or_else(|| rstap_ir::UsdtSite {
                    provider: String::new(),
                    name: String::new(),
                    semaphore: None,
                    args: Vec::new(),
                });
                let text = if name == "__usdt_name" {
                    site.name
                } else {
                    site.provider
                };
                self.literal(text.as_bytes()).map(Some)
            }
            n if n.starts_with("__usdt_arg_") => {
                let index = n["__usdt_arg_".len()..].parse::<usize>().unwrap_or(0);
                let var = format!("arg{index}");
                let arg = index
                    .checked_sub(1)
                    .and_then(|i| mark.as_ref()?.args.get(i).cloned());
                match arg {
                    Some(a) => self.usdt_arg(&var, &a, span).map(|()| None),
                    None => self.unsupported(format!("`${var}`"), span).map(|()| None),
                }
            }
            _ => return None,
        })
    }

    /// A user probe restricted to some processes leaves (jumps to `bail`) in any other:
    /// `process(PID)` compares the thread group id, a `.library` probe of a program the
    /// inode number of the task's executable (`task->mm->exe_file->f_inode->i_ino`).
    pub(super) fn process_filter(&mut self, bail: Label) -> G<()> {
        let ProbeKind::Uprobe {
            only: Some(filter), ..
        } = &self.probe.kind
        else {
            return Ok(());
        };
        match filter.clone() {
            ProcessFilter::Pid(pid) => {
                self.asm.call(h::GET_CURRENT_PID_TGID);
                self.asm.alu64_imm(Alu::Rsh, R0, 32);
                self.asm.jmp_imm(Cond::Ne, R0, pid as i32, bail);
            }
            ProcessFilter::Executable { path, inode } => {
                let Some(exe) = self.opts.exe else {
                    let span = self.probe.span;
                    return self.unsupported(
                        format!("restricting a library probe to the processes of '{path}' without the kernel's BTF type information"),
                        span,
                    );
                };
                let t = self.temp(8)?;
                self.asm.call(h::GET_CURRENT_TASK);
                let steps = [exe.task_mm, exe.mm_exe_file, exe.file_inode, exe.inode_ino];
                for (i, off) in steps.into_iter().enumerate() {
                    let base = if i == 0 { R0 } else { R4 };
                    if i > 0 {
                        // A task without a memory map or executable is not the program.
                        self.fill(base, t);
                        self.asm.jmp_imm(Cond::Eq, base, 0, bail);
                    }
                    self.asm.store_imm(Size::U64, R7, Self::off(t), 0);
                    self.read_kernel(t, 8, base, off as i32);
                    self.asm.jmp_imm(Cond::Ne, R0, 0, bail);
                }
                self.fill(R1, t);
                self.asm.ld_imm64(R2, 0, inode as i64);
                self.asm.jmp_reg(Cond::Ne, R1, R2, bail);
            }
        }
        Ok(())
    }

    /// `r0 = argument n` (a literal, 1-based) of the probed function, from its register.
    fn arg_by_position(
        &mut self,
        name: &str,
        bits: i32,
        signed: bool,
        args: &[Expr],
        span: Span,
    ) -> G<()> {
        let n = match args.first().map(|a| &a.kind) {
            Some(ExprKind::Long(n)) if (1..=6).contains(n) => *n as usize,
            _ => {
                return self.unsupported(
                    format!("`{name}(n)` with n other than a literal from 1 to 6"),
                    span,
                );
            }
        };
        if !matches!(self.kind, ProgKind::Kprobe | ProgKind::PerfEvent) {
            let why = match crate::ctx::arg_offset(self.kind, n - 1) {
                Err(e) => e.to_string(),
                Ok(_) => "only function-entry probes see their arguments in registers".into(),
            };
            return self.unsupported(format!("`{name}({n})` here ({why})"), span);
        }
        let off = crate::ctx::X86_64_ARG_REGS[n - 1];
        self.ctx_word(R0, off)?;
        self.extend(bits, signed);
        Ok(())
    }

    /// `r0 = a parameter named by DWARF`: `R_Ns`/`R_Nu` (register R, N bytes, signed or
    /// not) or `none_NAME` for one not passed in an integer register.
    fn dwarf_param(&mut self, spec: &str, span: Span) -> G<()> {
        if let Some(name) = spec.strip_prefix("none_") {
            return self.unsupported(
                format!("`${name}` (passed in a vector register, or as a small struct split over registers, which rstap does not read)"),
                span,
            );
        }
        if let Some(slot) = spec.strip_prefix("stack_") {
            return self.stack_param(slot, span);
        }
        let parsed = spec.split_once('_').and_then(|(r, n)| {
            let reg: usize = r.parse().ok()?;
            let signed = n.ends_with('s');
            let size: i32 = n.get(..n.len().checked_sub(1)?)?.parse().ok()?;
            Some((*crate::ctx::X86_64_ARG_REGS.get(reg)?, 8 * size, signed))
        });
        let Some((off, bits, signed)) = parsed else {
            return self.unsupported(format!("context read `{spec}`"), span);
        };
        if self.kind != ProgKind::Kprobe {
            return self.unsupported(
                "a parameter outside a function's entry (arguments are gone at return)",
                span,
            );
        }
        self.ctx_word(R0, off)?;
        self.extend(bits.clamp(8, 64), signed);
        Ok(())
    }

    /// `r0 = a parameter passed on the stack`: `O_Ns`/`O_Nu` reads the N-byte value O
    /// bytes above the stack pointer at entry (past the return address), `O_addr` gives
    /// that address (a struct passed whole).
    fn stack_param(&mut self, slot: &str, span: Span) -> G<()> {
        let parsed = slot.split_once('_').and_then(|(o, n)| {
            let offset: i32 = o.parse().ok()?;
            if n == "addr" {
                return Some((offset, None));
            }
            let signed = n.ends_with('s');
            let size: u32 = n.get(..n.len().checked_sub(1)?)?.parse().ok()?;
            matches!(size, 1 | 2 | 4 | 8).then_some((offset, Some((size, signed))))
        });
        let Some((offset, value)) = parsed else {
            return self.unsupported(format!("context read `stack_{slot}`"), span);
        };
        if self.kind != ProgKind::Kprobe {
            return self.unsupported(
                "a parameter outside a function's entry (arguments are gone at return)",
                span,
            );
        }
        self.ctx_word(R0, X86_64_SP)?;
        self.asm.alu64_imm(Alu::Add, R0, offset);
        match value {
            None => Ok(()),
            Some((size, signed)) => self.read_user_value(size, signed, "user stack", span),
        }
    }

    /// `r0 = a variable at a statement`, as DWARF locates it there: `reg_R_Ns`/`_Nu`
    /// (N bytes of register R), `mem_R_O_Ns`/`_Nu` (N bytes at register R plus O, `mO`
    /// for a negative O), `mem_R_O_addr` (that address), `val_R_O_Ns`/`_Nu` (register R
    /// plus O), `const_V_Ns`/`_Nu` (the constant V), or `none_NAME:WHY`.
    fn statement_var(&mut self, loc: &str, span: Span) -> G<()> {
        if let Some(rest) = loc.strip_prefix("none_") {
            let (name, why) = rest.split_once(':').unwrap_or((rest, "not located"));
            return self.unsupported(format!("`${name}` at this statement ({why})"), span);
        }
        let Some(var) = VarRead::parse(loc) else {
            return self.unsupported(format!("context read `{loc}`"), span);
        };
        match var {
            VarRead::Constant(v, (size, signed)) => {
                self.asm.load_const(R0, v);
                self.extend(8 * size as i32, signed);
            }
            VarRead::Register(reg, (size, signed)) => {
                self.ctx_word(R0, reg)?;
                self.extend(8 * size as i32, signed);
            }
            VarRead::Value(reg, offset, (size, signed)) => {
                self.ctx_word(R0, reg)?;
                self.asm.alu64_imm(Alu::Add, R0, offset);
                self.extend(8 * size as i32, signed);
            }
            VarRead::Memory(reg, offset, value) => {
                self.ctx_word(R0, reg)?;
                self.asm.alu64_imm(Alu::Add, R0, offset);
                if let Some((size, signed)) = value {
                    self.read_user_value(size, signed, "user stack", span)?;
                }
            }
        }
        Ok(())
    }

    /// `r0 = the N-byte value at the user address in r0`, extended to 64 bits; a fault
    /// is a located error naming `what`.
    fn read_user_value(&mut self, size: u32, signed: bool, what: &str, span: Span) -> G<()> {
        let addr = self.temp(8)?;
        self.spill(addr, R0);
        let t = self.temp(8)?;
        self.asm.store_imm(Size::U64, R7, Self::off(t), 0);
        self.scratch_ptr(R1, t);
        self.asm.mov_imm(R2, size as i32);
        self.fill(R3, addr);
        self.asm.call(h::PROBE_READ_USER);
        let ok = self.asm.label();
        self.asm.jmp_imm(Cond::Sge, R0, 0, ok);
        self.raise_fault(what, addr, span)?;
        self.asm.bind(ok);
        self.fill(R0, t);
        self.extend(8 * size as i32, signed);
        Ok(())
    }

    /// `r0 <<= 64 - bits; r0 >>= 64 - bits` (arithmetically when `signed`).
    fn extend(&mut self, bits: i32, signed: bool) {
        if bits < 64 {
            let shift = 64 - bits;
            self.asm.alu64_imm(Alu::Lsh, R0, shift);
            self.asm
                .alu64_imm(if signed { Alu::Arsh } else { Alu::Rsh }, R0, shift);
        }
    }

    /// `r0 = $argN` of a USDT site, as its specification locates it.
    fn usdt_arg(&mut self, var: &str, arg: &UsdtArg, span: Span) -> G<()> {
        let bits = 8 * arg.size as i32;
        match &arg.location {
            UsdtLocation::Constant(v) => {
                self.asm.load_const(R0, *v);
            }
            UsdtLocation::Register(r) => {
                let Some(off) = x86_64_register(r) else {
                    return self.unsupported(format!("`${var}` in register %{r}"), span);
                };
                self.ctx_word(R0, off)?;
            }
            UsdtLocation::Memory { base, offset } => {
                let Some(off) = x86_64_register(base) else {
                    return self.unsupported(format!("`${var}` addressed by %{base}"), span);
                };
                self.ctx_word(R0, off)?;
                if *offset == *offset as i32 as i64 {
                    self.asm.alu64_imm(Alu::Add, R0, *offset as i32);
                } else {
                    self.asm.ld_imm64(R1, 0, *offset);
                    self.asm.alu64_reg(Alu::Add, R0, R1);
                }
                let addr = self.temp(8)?;
                self.spill(addr, R0);
                let t = self.temp(8)?;
                self.asm.store_imm(Size::U64, R7, Self::off(t), 0);
                self.scratch_ptr(R1, t);
                self.asm.mov_imm(R2, arg.size as i32);
                self.fill(R3, addr);
                self.asm.call(h::PROBE_READ_USER);
                let ok = self.asm.label();
                self.asm.jmp_imm(Cond::Sge, R0, 0, ok);
                self.raise_fault(&format!("user ${var}"), addr, span)?;
                self.asm.bind(ok);
                self.fill(R0, t);
            }
            UsdtLocation::Unsupported(text) => {
                return self.unsupported(
                    format!(
                        "`${var}` (the binary locates it as `{text}`, which rstap cannot read)"
                    ),
                    span,
                );
            }
        }
        self.extend(bits, arg.signed);
        Ok(())
    }
}

/// A statement variable's read, parsed from its intrinsic's name (see
/// [`Gen::statement_var`]): registers as `pt_regs` offsets, values as `(bytes, signed)`.
enum VarRead {
    Constant(i64, (u32, bool)),
    Register(i16, (u32, bool)),
    /// The register plus an offset.
    Value(i16, i32, (u32, bool)),
    /// At the register plus an offset: the value there, or (`None`) the address.
    Memory(i16, i32, Option<(u32, bool)>),
}

impl VarRead {
    fn parse(loc: &str) -> Option<VarRead> {
        // `Ns`/`Nu`: N bytes, signed or not; `addr`: no value, the address.
        let value = |spec: &str| -> Option<Option<(u32, bool)>> {
            if spec == "addr" {
                return Some(None);
            }
            let signed = spec.ends_with('s');
            let size: u32 = spec.get(..spec.len().checked_sub(1)?)?.parse().ok()?;
            matches!(size, 1 | 2 | 4 | 8).then_some(Some((size, signed)))
        };
        // `mN` is -N.
        let number = |s: &str| -> Option<i64> {
            match s.strip_prefix('m') {
                Some(neg) => neg.parse::<i64>().ok().map(|n| -n),
                None => s.parse().ok(),
            }
        };
        let (kind, rest) = loc.split_once('_')?;
        let fields: Vec<&str> = rest.split('_').collect();
        let offset = |s: &str| i32::try_from(number(s)?).ok();
        Some(match (kind, fields.as_slice()) {
            ("const", [v, n]) => VarRead::Constant(number(v)?, value(n)??),
            ("reg", [r, n]) => VarRead::Register(x86_64_register(r)?, value(n)??),
            ("val", [r, o, n]) => VarRead::Value(x86_64_register(r)?, offset(o)?, value(n)??),
            ("mem", [r, o, n]) => VarRead::Memory(x86_64_register(r)?, offset(o)?, value(n)?),
            _ => return None,
        })
    }
}
