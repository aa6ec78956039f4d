//! The syscall tapset on this kernel: exact counts, `argstr`/`retstr` as SystemTap
//! prints them, entry arguments in return probes. Workloads: `tests/workload/syscalls.c`
//! (calls with arguments known in advance) and `workload.c` (N identical calls).
//! Without root or a C compiler each test says so and passes.

mod support;

use std::path::PathBuf;
use std::sync::OnceLock;
use support::{c_workload, is_root, rstap, serial, text};

/// The two workload binaries, or `None` (test skipped) without root or a compiler.
fn setup() -> Option<(&'static PathBuf, &'static PathBuf)> {
    static BINS: OnceLock<Option<(PathBuf, PathBuf)>> = OnceLock::new();
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return None;
    }
    let bins = BINS.get_or_init(|| Some((c_workload("syscalls")?, c_workload("workload")?)));
    match bins {
        Some((s, w)) => Some((s, w)),
        None => {
            eprintln!("skipped: no C compiler to build the workloads");
            None
        }
    }
}

const STRACE: &str = r#"probe syscall.* { if (pid() == target()) printf("%s(%s)", name, argstr) }
probe syscall.*.return { if (pid() == target()) printf(" = %s\n", retstr) }"#;

#[test]
fn argstr_and_retstr_are_formatted_as_systemtap_prints_them() {
    let _guard = serial();
    let Some((calls, _)) = setup() else { return };
    let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rstap-syscalls-golden");
    let file = file.display().to_string();
    let o = rstap(&[
        "-q",
        "-e",
        STRACE,
        "-c",
        &format!("{} {file}", calls.display()),
    ]);
    let out = text(&o.stdout);
    let want = [
        r#"openat(AT_FDCWD, "/nonexistent-rstap/x", O_RDONLY|O_CLOEXEC) = -2 (ENOENT)"#.to_string(),
        format!(r#"openat(AT_FDCWD, "{file}", O_WRONLY|O_CREAT|O_TRUNC, 0640) = 3"#),
        "write(3, 0x0, 0) = 0".into(),
        "lseek(3, 7, SEEK_SET) = 7".into(),
        "read(-1, 0x0, 0) = -9 (EBADF)".into(),
        "dup2(3, 9) = 9".into(),
        "fcntl(9, F_SETFD, 0x1) = 0".into(),
        "close(9) = 0".into(),
        "close(3) = 0".into(),
        r#"access("/", R_OK|X_OK) = 0"#.into(),
        "mmap(0x200000000, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = 0x200000000".into(),
        "mprotect(0x200000000, 4096, PROT_READ) = 0".into(),
        "munmap(0x200000000, 8192) = 0".into(),
        "kill(-999999, SIGUSR1) = -3 (ESRCH)".into(),
        "umask(022) = 027".into(),
        format!(r#"unlinkat(AT_FDCWD, "{file}", 0x0) = 0"#),
    ];
    // The calls appear in this order after the dynamic loader's.
    let lines: Vec<&str> = out.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains("nonexistent-rstap"))
        .unwrap_or_else(|| panic!("workload calls missing:\n{out}\n{}", text(&o.stderr)));
    let mut at = start;
    for w in &want {
        let found = lines[at..].iter().position(|l| l == w);
        at +=
            found.unwrap_or_else(|| panic!("missing {w:?} in:\n{}", lines[start..].join("\n"))) + 1;
    }
    // exit_group never returns: its entry is the last thing printed.
    assert!(out.trim_end().ends_with("exit_group(7)"), "{out}");
}

#[test]
fn every_return_of_the_target_is_counted_by_name() {
    let _guard = serial();
    let Some((_, w)) = setup() else { return };
    let script = r#"global s
probe syscall.*.return { if (pid() == target()) s[name] <<< 1 }
probe end { foreach (n in s- limit 3) printf("%s %d\n", n, @count(s[n])) }"#;
    let o = rstap(&[
        "-q",
        "-e",
        script,
        "-c",
        &format!("{} getppid 4321", w.display()),
    ]);
    let out = text(&o.stdout);
    assert_eq!(
        out.lines().next(),
        Some("getppid 4321"),
        "{out}{}",
        text(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn opens_of_a_named_file_are_seen_with_their_exact_argstr() {
    let _guard = serial();
    let Some((calls, _)) = setup() else { return };
    let script = r#"global opens
probe nd_syscall.openat { if (pid() == target() && filename_unquoted == "/etc/hostname") opens[argstr]++ }
probe end { foreach (a in opens) printf("%d %s\n", opens[a], a) }"#;
    let o = rstap(&[
        "-q",
        "-e",
        script,
        "-c",
        &format!("{} open 37 /etc/hostname", calls.display()),
    ]);
    assert_eq!(
        text(&o.stdout),
        "37 AT_FDCWD, \"/etc/hostname\", O_RDONLY\n",
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn return_probes_see_the_arguments_of_their_call() {
    let _guard = serial();
    let Some((_, w)) = setup() else { return };
    // `count` in the return probe is the entry argument saved for this thread.
    let script = r#"global asked, written, calls
probe tp_syscall.write.return { if (pid() == target()) { asked += count; written += retval; calls++ } }
probe end { printf("%d %d %d\n", calls, asked, written) }"#;
    let o = rstap(&[
        "-q",
        "-e",
        script,
        "-c",
        &format!("{} write 300 1000", w.display()),
    ]);
    assert_eq!(
        text(&o.stdout),
        "300 300000 300000\n",
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn a_missing_call_name_is_reported_with_suggestions() {
    let o = rstap(&["-p2", "-e", "probe syscall.opnat { }"]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("similar: openat"), "{err}");
}

#[test]
fn listing_shows_each_alias_with_its_variables() {
    if !is_root() {
        eprintln!("skipped: listing tracepoints needs root");
        return;
    }
    let o = rstap(&["-L", "syscall.openat*"]);
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    // The alias's variables by name, then the tracepoint's own fields.
    assert!(
        lines[0].starts_with(
            "syscall.openat argstr:string dfd:long dfd_str:string filename:string \
             filename_uaddr:long filename_unquoted:string flags:long flags_str:string mode:long \
             name:string $"
        ),
        "{out}"
    );
    assert!(lines[0].contains(" $filename:long"), "{out}");
    assert!(
        lines[1].starts_with("syscall.openat2 argstr:string "),
        "{out}"
    );
    let o = rstap(&["-l", "syscall.*.return"]);
    let n = text(&o.stdout).lines().count();
    assert!(n > 300, "{n} return probes");
    assert!(text(&o.stdout).contains("syscall.getppid.return\n"));
}

#[test]
fn entry_values_of_arguments_in_return_probes() {
    let _guard = serial();
    let Some((_, w)) = setup() else { return };
    let script = r#"global sum
probe syscall.write.return { if (pid() == target()) sum += @entry($count) * 2 + retval }
probe end { printf("%d\n", sum) }"#;
    let o = rstap(&[
        "-q",
        "-e",
        script,
        "-c",
        &format!("{} write 10 100", w.display()),
    ]);
    assert_eq!(text(&o.stdout), "3000\n", "{}", text(&o.stderr));
    // Anything else would need the value saved at entry.
    let o = rstap(&[
        "-p2",
        "-e",
        "probe syscall.write.return { println(@entry(gettimeofday_ns())) }",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("@entry of anything but the probe's arguments"));
}
