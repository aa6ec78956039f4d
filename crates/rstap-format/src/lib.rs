//! The one formatting engine of rstap: `printf`, `<<<` statistics, `@hist_log` /
//! `@hist_linear` drawing and the display of unread globals at exit.
//!
//! Architecture invariant: pure functions over values, no I/O. The interpreter formats
//! with it directly; the BPF runtime ships raw arguments and per-CPU statistics to
//! userspace and formats them here, so output is byte-identical either way.

pub mod abi;
pub mod display;
pub mod hist;
pub mod metrics;
pub mod printf;
pub mod stats;

pub use printf::{
    ArgKind, FmtArg, Format, FormatError, MemoryReader, NoMemory, RenderError, parse_format,
};
pub use stats::{HistSpec, Stat, StatError};
