//! Kernel interface of rstap: the only crate allowed to use `unsafe`.
//!
//! Invariant: every kernel object is owned by an RAII value that releases it on
//! drop. So far this crate holds the discovery helpers (CPU lists, PMUs).
#![allow(unsafe_code)]

pub mod attach;
pub mod bpf;
pub mod discovery;
pub mod fake;
pub mod maps;
pub mod prog;
pub mod tracefs;
