//! `kernel.function(...)` on this machine: listing from BTF, instruction-level code in
//! `-p3`, and — on a kernel without fentry and kprobes, like the CI machines — a clear
//! refusal that names tracepoints to use instead.

mod support;

use support::{is_root, rstap, text};

/// Whether the kernel has BTF (the tests that need it say they skip otherwise).
fn btf_here() -> bool {
    let here = std::path::Path::new("/sys/kernel/btf/vmlinux").exists();
    if !here {
        eprintln!("skipped: no kernel BTF");
    }
    here
}

fn kprobes_here() -> bool {
    std::path::Path::new("/sys/bus/event_source/devices/kprobe").exists()
}

#[test]
fn functions_are_listed_from_btf() {
    if !btf_here() {
        return;
    }
    let o = rstap(&["-l", "kernel.function(\"vfs_read*\")"]);
    let out = text(&o.stdout);
    assert!(
        out.lines().any(|l| l == "kernel.function(\"vfs_read\")"),
        "{out}{}",
        text(&o.stderr)
    );
    assert!(
        out.lines()
            .all(|l| l.starts_with("kernel.function(\"vfs_read")),
        "{out}"
    );
}

#[test]
fn parameters_compile_to_fentry_code() {
    if !btf_here() {
        return;
    }
    let o = rstap(&[
        "-p3",
        "-e",
        r#"global n; probe kernel.function("vfs_read").return { n <<< $count + $return }"#,
    ]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // vfs_read(file, buf, count, pos): count is the third u64 of the trampoline's
    // context, the return value follows the four arguments.
    assert!(out.contains("Fexit program"), "{out}");
    assert!(out.contains("r0 = *(u64 *)(r6 +16)"), "{out}");
    assert!(out.contains("r0 = *(u64 *)(r6 +32)"), "{out}");
}

#[test]
fn a_kernel_without_fentry_or_kprobes_refuses_with_alternatives() {
    if !is_root() {
        eprintln!("skipped: needs root");
        return;
    }
    if kprobes_here() {
        eprintln!("skipped: this kernel has kprobes");
        return;
    }
    let o = rstap(&["-e", r#"probe kernel.function("vfs_read") {}"#]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[L0005]: cannot probe kernel function 'vfs_read': "),
        "{err}"
    );
    assert!(err.contains("and has no kprobes"), "{err}");
    assert!(
        err.contains(
            "help: tracepoint alternatives: syscall.read, kernel.trace(\"syscalls:sys_exit_read\")"
        ),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let o = rstap(&[
        "-e",
        r#"probe kprobe.function("schedule") { printf("x\n") }"#,
    ]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("this kernel has no kprobes"), "{err}");
    assert!(
        err.contains("kernel.trace(\"sched:sched_switch\")"),
        "{err}"
    );
}

#[test]
fn an_unknown_function_suggests_near_names() {
    if !btf_here() {
        return;
    }
    let o = rstap(&["-p2", "-e", r#"probe kernel.function("vfs_raed") {}"#]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("vfs_read"), "{err}");
}

#[test]
fn doctor_reports_what_this_machine_supports() {
    let o = rstap(&["doctor"]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let lines: Vec<&str> = out.lines().skip(1).collect();
    assert!(lines.len() >= 12, "{out}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("✓ ") || l.starts_with("✗ ")),
        "{out}"
    );
    for what in [
        "kernel BTF",
        "tracefs",
        "kprobes",
        "fentry/fexit",
        "uprobes",
        "perf software events",
    ] {
        assert!(
            lines.iter().any(|l| l.contains(what)),
            "{what} missing:\n{out}"
        );
    }
    // The kprobe line agrees with the kernel's PMU list.
    let kprobe_line = lines
        .iter()
        .find(|l| l.contains("kprobes (kprobe PMU)"))
        .unwrap();
    assert_eq!(
        kprobe_line.starts_with("✓"),
        kprobes_here(),
        "{kprobe_line}"
    );
}

#[test]
fn members_of_parameters_are_typed_from_btf() {
    if !btf_here() {
        return;
    }
    let o = rstap(&[
        "-p3",
        "-e",
        r#"probe kernel.function("vfs_read") { printf("%d\n", $file->f_pos) }"#,
    ]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // f_pos is a loff_t member of struct file: an 8-byte read at its offset from $file.
    let line = out
        .lines()
        .find(|l| l.contains("printf"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("kernel_long(__kfunc_arg_0() + "), "{line}");
    let o = rstap(&[
        "-p2",
        "-e",
        r#"probe kernel.function("vfs_read") { println($file->no_such_member) }"#,
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
}

#[test]
fn vfs_probes_reach_the_kernel_functions() {
    if !btf_here() {
        return;
    }
    let o = rstap(&[
        "-p3",
        "-e",
        r#"probe vfs.read.return { printf("%d %d %d\n", ino, bytes_read, bytes_to_read) }"#,
    ]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        out.contains("kernel.function(\"vfs_read\").return"),
        "{out}"
    );
    assert!(out.contains("Fexit program"), "{out}");
    if is_root() && !kprobes_here() {
        let o = rstap(&[
            "-e",
            r#"probe vfs.write { printf("%d\n", bytes_to_write) }"#,
        ]);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(
            err.contains("cannot probe kernel function 'vfs_write' (for vfs.write)"),
            "{err}"
        );
        assert!(err.contains("syscall.write"), "{err}");
    }
}
