//! Kernel interface of rstap: the only crate allowed to use `unsafe`.
//!
//! Invariant: every kernel object is owned by an RAII value that releases it on
//! drop: maps, programs, BTF objects, perf events, attachments and ring buffer mappings.
#![allow(unsafe_code)]

pub mod attach;
pub mod bpf;
pub mod daemon;
pub mod discovery;
pub mod fake;
pub mod maps;
pub mod perf;
pub mod process;
pub mod prog;
pub mod ringbuf;
pub mod service_os;
pub mod stdio;
pub mod tracefs;

#[cfg(test)]
mod testutil;
