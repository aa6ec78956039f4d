//! Kernel symbols read once, on first use, and shared by everything in a
//! session (the userspace interpreter and the live runtime).
//!
//! Reading `/proc/kallsyms` takes a noticeable fraction of a second, so a
//! session that never prints a symbol never reads it. When it cannot be
//! read, addresses print as hex (as SystemTap prints unknown addresses) and
//! [`SharedKernelSymbols::take_warning`] hands out the reason once.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use crate::kallsyms::KernelSymbols;
use crate::process::ProcessSymbolCache;
use crate::resolved::{ResolvedAddress, Resolver};

#[derive(Default)]
struct Inner {
    table: OnceLock<Result<KernelSymbols, String>>,
    warned: AtomicBool,
}

/// A handle on the session's kernel symbol table; clones share one table.
#[derive(Clone, Default)]
pub struct SharedKernelSymbols {
    inner: Arc<Inner>,
}

impl SharedKernelSymbols {
    /// Symbols of the running kernel, read on first use.
    pub fn new() -> Self {
        Self::default()
    }

    /// A handle on a table already at hand (tests, other kernels).
    pub fn from_table(table: KernelSymbols) -> Self {
        let shared = Self::default();
        let _ = shared.inner.table.set(Ok(table));
        shared
    }

    /// The table, reading `/proc/kallsyms` the first time.
    pub fn get(&self) -> Result<&KernelSymbols, &str> {
        self.inner
            .table
            .get_or_init(|| KernelSymbols::load().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(String::as_str)
    }

    /// Why the table could not be read, the first time this is asked after
    /// a failed read; `None` afterwards and when the table is fine.
    pub fn take_warning(&self) -> Option<String> {
        let error = self.inner.table.get()?.as_ref().err()?;
        if self.inner.warned.swap(true, Ordering::Relaxed) {
            return None;
        }
        Some(format!(
            "cannot read kernel symbols, addresses print as hex: {error}"
        ))
    }
}

impl fmt::Debug for SharedKernelSymbols {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.inner.table.get() {
            None => "not read yet".to_string(),
            Some(Ok(t)) => format!("{} symbols", t.len()),
            Some(Err(e)) => format!("unavailable: {e}"),
        };
        f.debug_struct("SharedKernelSymbols")
            .field("table", &state)
            .finish()
    }
}

impl Resolver for SharedKernelSymbols {
    fn resolve(&self, address: u64) -> ResolvedAddress {
        match self.get() {
            Ok(table) => table.resolve(address),
            Err(_) => ResolvedAddress::unknown(address),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_one_table() {
        let table = KernelSymbols::parse(
            "ffffffff81000000 T _stext\nffffffff81000100 T vfs_read\nffffffff81000200 T vfs_write\n",
        )
        .unwrap();
        let shared = SharedKernelSymbols::from_table(table);
        let clone = shared.clone();
        let r = clone.resolve(0xffffffff81000110);
        let sym = r.symbol.unwrap();
        assert_eq!(
            (sym.name.as_str(), sym.offset, sym.size),
            ("vfs_read", 0x10, 0x100)
        );
        assert_eq!(shared.get().unwrap().len(), 3);
        assert_eq!(shared.take_warning(), None);
        assert_eq!(clone.resolve(0x10), ResolvedAddress::unknown(0x10));
    }
}

/// A handle on the session's recorded processes (see [`ProcessSymbolCache`]); clones
/// share one cache. The live runtime records processes as the kernel reports them; the
/// userspace interpreter resolves user addresses against them after they exit.
#[derive(Clone, Default)]
pub struct SharedProcessSymbols {
    inner: Arc<Mutex<ProcessSymbolCache>>,
}

impl fmt::Debug for SharedProcessSymbols {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SharedProcessSymbols")
    }
}

impl SharedProcessSymbols {
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `f` on the cache.
    pub fn with<R>(&self, f: impl FnOnce(&mut ProcessSymbolCache) -> R) -> R {
        let mut cache = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut cache)
    }

    /// Records (or records again) the memory map of `pid`; a process already gone
    /// keeps what was recorded before.
    pub fn record(&self, pid: u32) {
        self.with(|c| {
            let _ = c.snapshot(pid);
        });
    }

    /// Records `pid` unless it was recorded before.
    pub fn ensure(&self, pid: u32) {
        self.with(|c| {
            let _ = c.ensure_snapshot(pid);
        });
    }

    /// A [`Resolver`] over every recorded process: an address resolves in a process
    /// that has code mapped there (for code that runs in no traced process, such as an
    /// `end` probe printing stacks collected earlier).
    pub fn any_process(&self) -> AnyProcess<'_> {
        AnyProcess { shared: self }
    }
}

/// See [`SharedProcessSymbols::any_process`].
pub struct AnyProcess<'a> {
    shared: &'a SharedProcessSymbols,
}

impl AnyProcess<'_> {
    /// `umodname`: the short name of the module at `address`, if any process maps one.
    pub fn module_short_name(&self, address: u64) -> Option<String> {
        self.shared.with(|c| match c.process_with_code_at(address) {
            Some(pid) => c.module_short_name(pid, address),
            None => {
                let module = c.resolved_before(address)?.module.as_ref()?;
                Some(crate::format::module_basename(&module.name).to_string())
            }
        })
    }
}

impl Resolver for AnyProcess<'_> {
    fn resolve(&self, address: u64) -> ResolvedAddress {
        self.shared.with(|c| match c.process_with_code_at(address) {
            Some(pid) => c.resolve(pid, address),
            None => c
                .resolved_before(address)
                .cloned()
                .unwrap_or_else(|| ResolvedAddress::unknown(address)),
        })
    }
}
