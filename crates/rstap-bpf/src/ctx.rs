//! Reading a probe's context: function arguments, return values and the instruction
//! pointer, for each program type. Each accessor leaves the value in `r0` and reads
//! only through `r6`, the saved context pointer.
//!
//! x86-64 `struct pt_regs` offsets (kprobes, and the register block at the start of
//! `bpf_perf_event_data`): di 112, si 104, dx 96, cx 88, r8 72, r9 64, ax 80, ip 128,
//! cs 136, sp 152. fentry/fexit and raw tracepoints see their arguments as an array of u64,
//! fexit's return value right after the arguments.

use crate::insn::*;
use crate::lower::ProgKind;

/// The x86-64 calling convention's argument registers, as `pt_regs` offsets.
pub const X86_64_ARG_REGS: [i16; 6] = [112, 104, 96, 88, 72, 64];
pub const X86_64_AX: i16 = 80;
/// The system call number as the kernel saved it on entry.
pub const X86_64_ORIG_AX: i16 = 120;
/// System call arguments: di, si, dx, r10, r8, r9.
pub const X86_64_SYSCALL_ARG_REGS: [i16; 6] = [112, 104, 96, 56, 72, 64];
pub const X86_64_IP: i16 = 128;
/// The code segment: its low two bits are the privilege level (3 in user space).
pub const X86_64_CS: i16 = 136;
pub const X86_64_SP: i16 = 152;

/// The `pt_regs` offset of an x86-64 register by its `pt_regs` name (`di`, `r12`).
pub fn x86_64_register(name: &str) -> Option<i16> {
    const REGS: [(&str, i16); 18] = [
        ("r15", 0),
        ("r14", 8),
        ("r13", 16),
        ("r12", 24),
        ("bp", 32),
        ("bx", 40),
        ("r11", 48),
        ("r10", 56),
        ("r9", 64),
        ("r8", 72),
        ("ax", 80),
        ("cx", 88),
        ("dx", 96),
        ("si", 104),
        ("di", 112),
        ("ip", 128),
        ("flags", 144),
        ("sp", 152),
    ];
    REGS.iter().find(|(n, _)| *n == name).map(|(_, off)| *off)
}

/// Why a context value cannot be read in a program type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CtxError(pub String);

impl std::fmt::Display for CtxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where argument i (0-based) lies in the context of a program type.
pub fn arg_offset(kind: ProgKind, i: usize) -> Result<i16, CtxError> {
    let mut asm = Asm::new();
    arg(&mut asm, kind, i)?;
    Ok(asm.finish().map_err(|e| CtxError(e.to_string()))?.insns[0].off)
}

/// Where the return value lies in the context of a program type.
pub fn return_offset(kind: ProgKind, nargs: usize) -> Result<i16, CtxError> {
    let mut asm = Asm::new();
    return_value(&mut asm, kind, nargs)?;
    Ok(asm.finish().map_err(|e| CtxError(e.to_string()))?.insns[0].off)
}

/// `r0 = argument i` (0-based).
pub fn arg(asm: &mut Asm, kind: ProgKind, i: usize) -> Result<(), CtxError> {
    match kind {
        ProgKind::Kprobe | ProgKind::PerfEvent => {
            let Some(&off) = X86_64_ARG_REGS.get(i) else {
                return Err(CtxError(format!(
                    "argument {} is not passed in a register (x86-64 passes six)",
                    i + 1
                )));
            };
            asm.load(Size::U64, R0, R6, off);
        }
        ProgKind::Fentry | ProgKind::Fexit | ProgKind::RawTracepoint | ProgKind::TpBtf => {
            if i >= 12 {
                return Err(CtxError(format!(
                    "argument {} is beyond the 12 a BPF trampoline passes",
                    i + 1
                )));
            }
            asm.load(Size::U64, R0, R6, (i * 8) as i16);
        }
        ProgKind::Kretprobe => {
            return Err(CtxError(
                "function arguments are gone at return; read them in the entry probe and keep them in an array"
                    .into(),
            ));
        }
        ProgKind::Tracepoint => {
            return Err(CtxError(
                "a tracepoint's values are its fields ($name), not numbered arguments".into(),
            ));
        }
    }
    Ok(())
}

/// `r0 = the return value` (`$return`); `nargs` is the function's parameter count.
pub fn return_value(asm: &mut Asm, kind: ProgKind, nargs: usize) -> Result<(), CtxError> {
    match kind {
        ProgKind::Kretprobe => asm.load(Size::U64, R0, R6, X86_64_AX),
        ProgKind::Fexit => asm.load(Size::U64, R0, R6, (nargs * 8) as i16),
        _ => {
            return Err(CtxError(
                "$return is only available in .return probes".into(),
            ));
        }
    }
    Ok(())
}

/// `r0 = the probed instruction pointer` (`addr()`/`uaddr()`).
pub fn ip(asm: &mut Asm, kind: ProgKind) -> Result<(), CtxError> {
    match kind {
        ProgKind::Kprobe | ProgKind::Kretprobe | ProgKind::PerfEvent => {
            asm.load(Size::U64, R0, R6, X86_64_IP)
        }
        ProgKind::Fentry | ProgKind::Fexit => {
            asm.mov(R1, R6);
            asm.call(crate::helpers::GET_FUNC_IP);
        }
        _ => return Err(CtxError("no instruction pointer in this probe".into())),
    }
    Ok(())
}
