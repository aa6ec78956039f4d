//! Tracepoints as tracefs lists them, for the `kernel.trace(...)` catalog.

use std::path::PathBuf;

use rstap_sema::{TracepointArg, TracepointSource, TypeSource};

use crate::kernel_btf::KernelBtf;

/// The tracefs mount, if any: the modern location first, then the debugfs one. A
/// directory this user may not search counts as mounted (reading it then says why).
fn mount_point() -> Option<PathBuf> {
    ["/sys/kernel/tracing", "/sys/kernel/debug/tracing"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.join("available_events").try_exists().unwrap_or(true) && p.is_dir())
}

pub struct Tracefs {
    root: Option<PathBuf>,
    /// The kernel's types, which describe the tracepoints' arguments.
    btf: KernelBtf,
}

impl Tracefs {
    /// Where tracefs is mounted, if it is.
    pub fn root(&self) -> Option<&std::path::Path> {
        self.root.as_deref()
    }

    /// Finds tracefs, mounting it first when it is absent and we may (as root).
    pub fn open() -> Tracefs {
        if mount_point().is_none() {
            rstap_sys::tracefs::mount_if_absent();
        }
        Tracefs {
            root: mount_point(),
            btf: KernelBtf::default(),
        }
    }
}

impl TracepointSource for Tracefs {
    fn events(&self) -> Vec<String> {
        let Some(root) = &self.root else {
            return Vec::new();
        };
        std::fs::read_to_string(root.join("available_events"))
            .map(|t| {
                t.lines()
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn format(&self, system: &str, name: &str) -> Option<String> {
        let root = self.root.as_ref()?;
        std::fs::read_to_string(root.join("events").join(system).join(name).join("format")).ok()
    }

    fn args(&self, _system: &str, name: &str) -> Option<Vec<TracepointArg>> {
        self.btf.tracepoint_args(name)
    }

    fn types(&self) -> Option<&dyn TypeSource> {
        Some(&self.btf)
    }

    fn unavailable(&self) -> Option<String> {
        match &self.root {
            None => Some(
                "tracefs is not mounted, so kernel tracepoints cannot be listed; mount it with \
                 'mount -t tracefs nodev /sys/kernel/tracing' (as root)"
                    .to_string(),
            ),
            Some(root) if std::fs::File::open(root.join("available_events")).is_err() => {
                Some(format!(
                    "cannot read {}/available_events: kernel tracepoints need root; run rstap as root (or with sudo)",
                    root.display()
                ))
            }
            Some(_) => None,
        }
    }
}
