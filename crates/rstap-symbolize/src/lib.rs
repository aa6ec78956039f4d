//! Turns kernel and user stack addresses into SystemTap's text.
//!
//! Invariant: this crate only reads (`/proc/kallsyms`, `/proc/PID/maps`,
//! ELF files) and never changes kernel state; an address it cannot resolve
//! is never an error, it prints as hex the way SystemTap prints it.
//!
//! - [`KernelSymbols`]: `/proc/kallsyms` parsed and sorted, sizes inferred;
//!   [`SharedKernelSymbols`] reads it once per session, on first use.
//! - [`ProcessSymbolCache`]: user symbols through snapshots that outlive
//!   the process, resolved from the ELF files (blazesym).
//! - [`format`]: `print_backtrace`, `sprint_backtrace`, `backtrace`,
//!   `symname`, `symdata`, `callers`, and their user-space twins.
//! - [`FoldedProfile`]: folded stacks and SVG flame graphs (inferno).
//! - [`stack`]: decoding stack-map values.

pub mod elf;
pub mod error;
pub mod format;
pub mod kallsyms;
pub mod maps;
pub mod process;
pub mod profile;
pub mod resolved;
pub mod shared;
pub mod stack;

pub use elf::{ElfAddressKind, ElfSymbolLocation, ElfSymbolizer};
pub use error::SymbolizeError;
pub use format::{FrameStyle, MAXBACKTRACE};
pub use kallsyms::{KernelSymbol, KernelSymbols, SymbolKind};
pub use maps::{Mapping, MappingSource};
pub use process::{ProcessResolver, ProcessSnapshot, ProcessSymbolCache};
pub use profile::FoldedProfile;
pub use resolved::{ModulePart, ResolvedAddress, Resolver, SymbolPart};
pub use shared::{AnyProcess, SharedKernelSymbols, SharedProcessSymbols};
