//! The IR interpreter: rstap's userspace executor and the reference semantics of the
//! language.
//!
//! Architecture invariant: this crate executes an `rstap_ir::Program` and nothing else. It
//! never parses scripts and never touches the kernel: globals live behind [`GlobalStore`]
//! (in memory here, BPF maps in the live runtime), output goes through [`Output`], and
//! all formatting is done by `rstap-format` so both executors print byte-identical text.
//! Library functions that the language cannot express are natively implemented in
//! [`intrinsics`], one small table entry each, so the BPF backend can mirror the table.
//!
//! [`Interp`] runs single probe handlers; [`session`] drives a whole userspace session
//! (begin, timers, end or error probes, the display of unread globals, the error summary).

use rstap_format::abi as abi_tables;
mod aggregates;
pub mod block_devices;
mod display;
pub mod error;
mod foreach;
mod interp;
pub mod intrinsics;
mod limits;
mod nesting;
mod output;
mod printing;
pub mod session;
pub mod snapshot;
mod stats;
mod store;
mod value;

pub use error::{EXPLANATIONS, RuntimeError, describe_token, render_error_line};
pub use interp::{Exec, Flow, Interp, InterpOptions, ProbeStats, RunState, Unwind, arith};
pub use limits::{DefineError, Limits};
pub use output::{CaptureOutput, Output, StdOutput};
pub use stats::Stat;
pub use store::{GlobalStore, MemoryStore, StoreError, StoreResult, key_matches};
pub use value::Value;

#[cfg(test)]
mod tests;

/// The number of system call `name` on this architecture (`getppid` → 110 on x86-64).
pub fn syscall_number(name: &str) -> Option<i64> {
    abi_tables::syscall_num(name)
}

/// The x86-64 number of the call traced by `syscalls:sys_enter_NAME` (the tracepoint
/// names of a few calls differ: `newfstat` is `fstat`).
pub fn syscall_number_of_tracepoint(name: &str) -> Option<i64> {
    abi_tables::syscall_num_of_tracepoint(name)
}
