//! rstap's BPF code generator. Pure: it never makes a system call.
//!
//! - [`insn`]: instruction encoding and an assembler with labels and fix-ups;
//! - [`disasm`]: listings in the kernel verifier's syntax (`-p3`);
//! - [`layout`]: how globals, scratch memory and output map onto BPF maps;
//! - [`lower`]: IR → BPF for kernel-placed probes;
//! - [`ctx`]: context access for each program type (arguments, return values);
//! - [`stack_token`]: kernel stacks and symbols inside BPF strings.

pub mod ctx;
pub mod disasm;
pub mod helpers;
pub mod insn;
pub mod layout;
pub mod lower;
pub mod stack_token;

pub use lower::{
    Attach, CompileOptions, Compiled, CompiledProbe, EXPLANATIONS, ExeOffsets, KernelFunctions,
    ProgKind, Site, SiteKind, TaskOffsets, compile, reads_tracepoint_args,
};
