//! `rstap doctor`: what this machine lets rstap do, checked for real (a map created, a
//! program loaded, a perf event opened), each line with what it means for scripts.

use rstap_sema::FunctionSource;

/// One finding.
struct Check {
    ok: bool,
    what: String,
    /// What it means for scripts (shown for failures, and for successes worth knowing).
    consequence: String,
}

fn check(ok: bool, what: impl Into<String>, consequence: impl Into<String>) -> Check {
    Check {
        ok,
        what: what.into(),
        consequence: consequence.into(),
    }
}

fn read(path: &str) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()
        .map(|s| s.trim().to_string())
}

/// Effective capability bits of this process.
fn capabilities() -> u64 {
    read("/proc/self/status")
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("CapEff:"))
                .and_then(|v| u64::from_str_radix(v.trim(), 16).ok())
        })
        .unwrap_or(0)
}

fn kernel_version(release: &str) -> (u32, u32) {
    let mut parts = release.split(|c: char| !c.is_ascii_digit());
    let major = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let minor = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    (major, minor)
}

fn checks() -> Vec<Check> {
    let mut out = Vec::new();
    let release = read("/proc/sys/kernel/osrelease").unwrap_or_else(|| "unknown".into());
    out.push(check(
        true,
        format!("kernel {release} ({})", std::env::consts::ARCH),
        "",
    ));

    // Privileges.
    let caps = capabilities();
    let has = |bit: u32| caps & (1u64 << bit) != 0;
    let (sys_admin, perfmon, bpf) = (has(21), has(38), has(39));
    out.push(check(
        sys_admin || (bpf && perfmon),
        format!(
            "capabilities: CAP_BPF {}, CAP_PERFMON {}, CAP_SYS_ADMIN {}",
            yes(bpf),
            yes(perfmon),
            yes(sys_admin)
        ),
        if sys_admin || (bpf && perfmon) {
            String::new()
        } else {
            "kernel probes need CAP_BPF and CAP_PERFMON (or root); only begin/end/timer scripts run"
                .into()
        },
    ));
    let paranoid = read("/proc/sys/kernel/perf_event_paranoid");
    out.push(check(
        true,
        format!(
            "perf_event_paranoid = {}",
            paranoid.as_deref().unwrap_or("unknown")
        ),
        "matters only without CAP_PERFMON: above 1 unprivileged users cannot open kernel perf events",
    ));

    // BTF.
    let btf = std::path::Path::new("/sys/kernel/btf/vmlinux").exists();
    out.push(check(
        btf,
        "kernel BTF at /sys/kernel/btf/vmlinux",
        if btf {
            "typed $var->field, kernel.function parameters and task functions work"
        } else {
            "no BTF: kernel.function parameters, $var->field and ppid()/pexecname() are unavailable"
        },
    ));

    // BPF maps and the ring buffer.
    let ringbuf = rstap_sys::bpf::Map::create(
        rstap_sys::bpf::MapType::Ringbuf,
        "rstap_doctor",
        0,
        0,
        4096,
        0,
    );
    out.push(check(
        ringbuf.is_ok(),
        "BPF ring buffer",
        match &ringbuf {
            Ok(_) => String::new(),
            Err(e) => format!(
                "cannot create BPF maps ({}): no kernel probe can run; run as root",
                std::io::Error::from_raw_os_error(e.errno)
            ),
        },
    ));
    let (major, minor) = kernel_version(&release);
    let has_loop = (major, minor) >= (5, 17);
    out.push(check(
        has_loop,
        "bpf_loop (kernel 5.17 and later)",
        if has_loop {
            ""
        } else {
            "user_string_quoted() and the argstr of syscall.* probes need bpf_loop"
        },
    ));

    // Tracepoints.
    let tracefs = crate::tracefs::Tracefs::open();
    let root = tracefs.root().map(|r| r.display().to_string());
    out.push(check(
        root.is_some(),
        format!(
            "tracefs{}",
            root.as_ref().map(|r| format!(" at {r}")).unwrap_or_default()
        ),
        if root.is_some() {
            "kernel.trace(...) and the tapsets built on tracepoints (syscall.*, scheduler.*, ioblock.*...)".to_string()
        } else {
            "not mounted and not mountable here: kernel.trace(...) and the syscall.* tapsets are unavailable; mount it with 'mount -t tracefs nodev /sys/kernel/tracing'".to_string()
        },
    ));

    // Kernel functions.
    let kprobes = rstap_sys::discovery::pmu_type("kprobe").is_some();
    out.push(check(
        kprobes,
        "kprobes (kprobe PMU)",
        if kprobes {
            "kprobe.function(...) and kernel.function(...) without BTF"
        } else {
            "no kprobes: kprobe.function and module(...).function probes are unavailable; use kernel.trace(...)"
        },
    ));
    let source = crate::kfuncs::KernelFunctionSource::default();
    let target = ["vfs_read", "schedule", "do_sys_openat2"]
        .iter()
        .find_map(|f| source.signature(None, f));
    let fentry = match target {
        Some(sig) => rstap_runtime::kernel_function_mechanism(Some(sig.btf_id))
            .map(|m| m == rstap_bpf::KernelFunctions::Fentry),
        None => Err("no kernel function with BTF to try".into()),
    };
    out.push(check(
        matches!(fentry, Ok(true)),
        "fentry/fexit (BPF trampolines)",
        match &fentry {
            Ok(true) => "kernel.function(...) probes use fentry/fexit with typed parameters".to_string(),
            Ok(false) => "refused: kernel.function(...) probes fall back to kprobes".to_string(),
            Err(why) => format!(
                "{why}: kernel.function(...) probes are unavailable; use kernel.trace(...) and the tapsets over tracepoints"
            ),
        },
    ));

    // User space.
    let uprobes = rstap_sys::discovery::pmu_type("uprobe").is_some();
    out.push(check(
        uprobes,
        "uprobes (uprobe PMU)",
        if uprobes {
            "process(...).function/.mark probes can attach"
        } else {
            "no uprobes: process(...).function and .mark probes are unavailable"
        },
    ));

    // Perf events.
    use rstap_sys::perf::{PerfEvent, Sample};
    let sw = PerfEvent::raw(1, 0, Sample::Frequency(1), 0);
    out.push(check(
        sw.is_ok(),
        "perf software events (cpu-clock)",
        if sw.is_ok() {
            "timer.profile and perf.sw.* probes".to_string()
        } else {
            "no software perf events: timer.profile and perf.sw.* are unavailable".to_string()
        },
    ));
    drop(sw);
    let hw = PerfEvent::raw(0, 0, Sample::Frequency(1), 0);
    out.push(check(
        hw.is_ok(),
        "perf hardware events (cpu-cycles)",
        if hw.is_ok() {
            "perf.hw.* probes".to_string()
        } else {
            "no hardware counters (common in virtual machines): perf.hw.* probes are unavailable; sample with timer.profile or perf.sw.cpu_clock".to_string()
        },
    ));
    drop(hw);

    // Lockdown.
    let lockdown = read("/sys/kernel/security/lockdown");
    let mode = lockdown
        .as_deref()
        .and_then(|l| l.split_whitespace().find(|w| w.starts_with('[')))
        .map(|w| w.trim_matches(['[', ']']).to_string());
    let confidential = mode.as_deref() == Some("confidentiality");
    out.push(check(
        !confidential,
        format!(
            "kernel lockdown: {}",
            mode.as_deref().unwrap_or("not reported")
        ),
        if confidential {
            "confidentiality mode refuses BPF reads of kernel memory: kernel_string(), kernel_long() and friends, $var->field, backtrace() and bpf_snprintf-based sprintf() fail; tracepoint fields still work"
        } else {
            ""
        },
    ));
    out
}

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// Prints the report; the exit status is 0 (the report is the result).
pub fn run() -> std::process::ExitCode {
    println!("rstap doctor: what this machine lets rstap do");
    for c in checks() {
        let mark = if c.ok { "✓" } else { "✗" };
        if c.consequence.is_empty() {
            println!("{mark} {}", c.what);
        } else {
            println!("{mark} {}: {}", c.what, c.consequence);
        }
    }
    std::process::ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_versions_compare() {
        assert_eq!(kernel_version("6.18.44-fc-v669"), (6, 18));
        assert!(kernel_version("5.17.0") >= (5, 17));
        assert!(kernel_version("5.4.0-100-generic") < (5, 17));
    }
}
