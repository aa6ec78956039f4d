//! The kernel's probe-able functions for `kernel.function(...)`: functions with BTF (for
//! typed parameters) that ftrace can trace, read lazily on the first such probe point.
//!
//! The traceable set comes from tracefs `available_filter_functions` where readable, and
//! from the text symbols of `/proc/kallsyms` otherwise (kernels locked down against
//! ftrace still list their symbols).

use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use rstap_btf::{Btf, TypeKind};
use rstap_ir::FuncParam;
use rstap_sema::{FunctionSignature, FunctionSource};

#[derive(Default)]
pub struct KernelFunctionSource {
    vmlinux: OnceCell<Option<Arc<Btf>>>,
    modules: std::cell::RefCell<HashMap<String, Option<Arc<Btf>>>>,
    /// Traceable function names by module ("" for the kernel itself).
    traceable: OnceCell<HashMap<String, BTreeSet<String>>>,
}

impl KernelFunctionSource {
    fn vmlinux(&self) -> Option<&Arc<Btf>> {
        self.vmlinux
            .get_or_init(|| Btf::load_vmlinux().ok().map(Arc::new))
            .as_ref()
    }

    fn btf(&self, module: Option<&str>) -> Option<Arc<Btf>> {
        let vmlinux = self.vmlinux()?.clone();
        let Some(m) = module else {
            return Some(vmlinux);
        };
        self.modules
            .borrow_mut()
            .entry(m.to_string())
            .or_insert_with(|| Btf::load_module(m, vmlinux).ok().map(Arc::new))
            .clone()
    }

    fn traceable(&self) -> &HashMap<String, BTreeSet<String>> {
        self.traceable.get_or_init(|| {
            let filter = crate::tracefs::Tracefs::open()
                .root()
                .and_then(|r| std::fs::read_to_string(r.join("available_filter_functions")).ok());
            match filter {
                // `name [module]` per line.
                Some(text) => by_module(text.lines().filter_map(|l| {
                    let mut words = l.split_whitespace();
                    Some((words.next()?, words.next()))
                })),
                // `address kind name [module]`: the text symbols.
                None => {
                    let syms = std::fs::read_to_string("/proc/kallsyms").unwrap_or_default();
                    by_module(syms.lines().filter_map(|l| {
                        let mut words = l.split_whitespace();
                        let (_, kind, name) = (words.next()?, words.next()?, words.next()?);
                        (matches!(kind, "t" | "T") && !name.starts_with("__pfx_"))
                            .then_some((name, words.next()))
                    }))
                }
            }
        })
    }
}

/// Function names grouped by module (`""` for the kernel itself; `[ext4]` is `ext4`).
fn by_module<'a>(
    names: impl Iterator<Item = (&'a str, Option<&'a str>)>,
) -> HashMap<String, BTreeSet<String>> {
    let mut out: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (name, module) in names {
        let module = module.map_or("", |m| m.trim_matches(['[', ']']));
        out.entry(module.to_string())
            .or_default()
            .insert(name.to_string());
    }
    out
}

impl FunctionSource for KernelFunctionSource {
    fn functions(&self, module: Option<&str>) -> Vec<String> {
        let Some(traceable) = self.traceable().get(module.unwrap_or("")) else {
            return Vec::new();
        };
        match self.btf(module) {
            // Functions with BTF, which can be probed with typed parameters.
            Some(btf) => {
                let with_btf: BTreeSet<&str> = btf.func_names().collect();
                traceable
                    .iter()
                    .filter(|n| with_btf.contains(n.as_str()))
                    .cloned()
                    .collect()
            }
            // Without BTF, the symbols that look like functions a script names.
            None => traceable
                .iter()
                .filter(|n| !n.contains('.'))
                .cloned()
                .collect(),
        }
    }

    fn traceable(&self, module: Option<&str>, name: &str) -> bool {
        self.traceable()
            .get(module.unwrap_or(""))
            .is_some_and(|names| names.contains(name))
    }

    fn signature(&self, module: Option<&str>, name: &str) -> Option<FunctionSignature> {
        let btf = self.btf(module)?;
        let sig = btf.function(name).ok()??;
        let params = sig
            .params
            .iter()
            .map(|p| {
                let (size, signed) = match btf.resolved(p.ty).map(|t| t.kind) {
                    Ok(TypeKind::Int { size, encoding, .. }) => (size, encoding.signed),
                    Ok(TypeKind::Enum { size, signed, .. }) => (size, signed),
                    Ok(TypeKind::Ptr(_)) => (8, false),
                    _ => (btf.size_of(p.ty).unwrap_or(8).min(8) as u32, false),
                };
                FuncParam {
                    name: p.name.clone(),
                    c_type: btf.type_name(p.ty).unwrap_or_else(|_| "?".into()),
                    size,
                    signed,
                    btf_type: if module.is_none() { p.ty } else { 0 },
                }
            })
            .collect();
        let returns = !matches!(btf.resolved(sig.ret).map(|t| t.kind), Ok(TypeKind::Void));
        Some(FunctionSignature {
            btf_id: sig.func,
            params,
            returns,
        })
    }

    fn unavailable(&self) -> Option<String> {
        if self.traceable().is_empty() {
            return Some(
                "the kernel's functions cannot be listed: neither tracefs available_filter_functions nor /proc/kallsyms is readable (run rstap as root)"
                    .into(),
            );
        }
        None
    }
}

/// Tracepoints (and syscall aliases) that observe roughly what `function` does, for
/// the error shown when the kernel cannot probe functions: names sharing the function's
/// words (`vfs_read` → the `read` system call's tracepoints), shortest first.
pub fn alternatives(function: &str, events: &[String]) -> Vec<String> {
    const NOISE: &[&str] = &[
        "", "do", "vfs", "sys", "x64", "ksys", "kernel", "generic", "common", "internal",
    ];
    // Functions whose tracepoint has another name.
    const KNOWN: &[(&str, &str)] = &[
        ("schedule", "sched:sched_switch"),
        ("finish_task_switch", "sched:sched_switch"),
        ("__schedule", "sched:sched_switch"),
        ("do_exit", "sched:sched_process_exit"),
        ("try_to_wake_up", "sched:sched_wakeup"),
        ("wake_up_new_task", "sched:sched_wakeup_new"),
        ("submit_bio", "block:block_bio_queue"),
        ("blk_mq_start_request", "block:block_rq_issue"),
        ("handle_mm_fault", "exceptions:page_fault_user"),
        ("__kmalloc", "kmem:kmalloc"),
        ("kmem_cache_alloc", "kmem:kmem_cache_alloc"),
        ("kfree", "kmem:kfree"),
        ("dev_queue_xmit", "net:net_dev_queue"),
        ("netif_receive_skb", "net:netif_receive_skb"),
    ];
    // A compiler-made clone (`f.isra.0`) stands for its function.
    let function = function.split('.').next().unwrap_or(function);
    let mut out: Vec<String> = KNOWN
        .iter()
        .filter(|(f, e)| *f == function && events.iter().any(|x| x == e))
        .map(|(_, e)| format!("kernel.trace(\"{e}\")"))
        .collect();
    let words: Vec<&str> = function
        .split('_')
        .filter(|w| !NOISE.contains(w) && w.len() > 1)
        .collect();
    for w in &words {
        if rstap_interp::syscall_number(w).is_some() {
            out.push(format!("syscall.{w}"));
        }
    }
    // Shared words count most; a name ending in the function's last word (the verb:
    // `read`) and the system-call tracepoints, which sit where the work enters the
    // kernel, rank next.
    let last = words.last().copied().unwrap_or("");
    let mut scored: Vec<(usize, &String)> = events
        .iter()
        .filter_map(|e| {
            let (system, name) = e.split_once(':').unwrap_or(("", e));
            let hits = words
                .iter()
                .filter(|w| name.split('_').any(|part| part == **w))
                .count();
            let ends = name.rsplit('_').next() == Some(last);
            let score = hits * 4 + usize::from(ends) * 2 + usize::from(system == "syscalls");
            (hits > 0).then_some((score, e))
        })
        .collect();
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(a.1.len().cmp(&b.1.len()))
            .then(a.1.cmp(b.1))
    });
    out.extend(
        scored
            .into_iter()
            .take(5)
            .map(|(_, e)| format!("kernel.trace(\"{e}\")")),
    );
    let mut seen = std::collections::HashSet::new();
    out.retain(|a| seen.insert(a.clone()));
    out.truncate(6);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives_share_the_function_words() {
        let events: Vec<String> = [
            "syscalls:sys_enter_read",
            "syscalls:sys_exit_read",
            "syscalls:sys_enter_readv",
            "sched:sched_switch",
            "block:block_rq_issue",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            alternatives("vfs_read", &events),
            [
                "syscall.read",
                "kernel.trace(\"syscalls:sys_exit_read\")",
                "kernel.trace(\"syscalls:sys_enter_read\")"
            ]
        );
        assert!(alternatives("xyzzy_frob", &events).is_empty());
    }
}
