//! Scripts as managed services, as SystemTap's `systemtap-service` runs them: the
//! configuration files, the scripts and their names, the start order from `NAME_REQ`,
//! the split of `NAME_OPT` between compile and run, the compile cache's validity rules,
//! the log format and the systemd units.
//!
//! Architecture invariant: no processes are started and nothing is printed here. The
//! `rstap` binary runs the compiler and the sessions and talks to the user; this crate
//! decides what to do from the files it reads.

pub mod cache;
pub mod deps;
pub mod log;
pub mod options;
pub mod scripts;
pub mod settings;
pub mod shell;
pub mod units;

pub use settings::Settings;
pub use shell::ConfigError;
