//! The typed IR: what semantic analysis produces and both executors consume.
//!
//! Architecture invariant: the IR is target-neutral and fully resolved. Every name is an
//! index (`GlobalId`, `FuncId`, `LocalId`), every expression has its type, aliases and
//! wildcards are expanded into one [`Probe`] per concrete probe point, and nothing here
//! refers to the AST. The userspace interpreter (`rstap-interp`) executes it directly and
//! is the reference semantics; the BPF backend (`rstap-bpf`) lowers the same IR.
//! Spans point at the principal token of the source construct, so runtime errors can say
//! `near operator '/' at file:line:col`.
//!
//! [`visit`] walks the IR (passes renumber ids with it); [`print`] renders a program as
//! stable, readable text (`-p3` and test snapshots); [`placement`] decides where each
//! probe runs; [`stacks`] follows kernel stack values through a program.

pub mod placement;
pub mod print;
mod program;
pub mod stacks;
pub mod visit;

pub use program::*;
