//! Production safety on this kernel: the `-t` report and overload protection, against
//! the workload whose system calls are known (`tests/workload/workload.c`).
//! Without root or a C compiler each test says so and passes.

mod support;

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, OnceLock};
use support::{c_workload, is_root, rstap, text};

fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

fn setup() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return None;
    }
    let bin = BIN.get_or_init(|| c_workload("workload")).as_ref();
    if bin.is_none() {
        eprintln!("skipped: no C compiler to build the workload");
    }
    bin
}

/// The report's row for a probe point: its columns after the probe text.
fn row<'a>(report: &'a str, probe: &str) -> Vec<&'a str> {
    let line = report
        .lines()
        .find(|l| l.starts_with(probe))
        .unwrap_or_else(|| panic!("no row for {probe} in:\n{report}"));
    line[probe.len()..].split_whitespace().collect()
}

#[test]
fn timing_report_counts_every_probe_run() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"global n
probe kernel.trace("syscalls:sys_enter_getppid") { if (pid() == target()) n++ }
probe begin { n = 0 }
probe end { printf("n=%d\n", n) }"#;
    let o = rstap(&[
        "-t",
        "-e",
        script,
        "-c",
        &format!("{} getppid 5000", w.display()),
    ]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        out.starts_with("n=5000\n----- probe hit report:\n"),
        "{out}"
    );
    // location, runs in, hits, total ns, avg ns, errors
    let k = row(&out, "kernel.trace(\"syscalls:sys_enter_getppid\")");
    assert_eq!(k[0], "<input>:2:1", "{out}");
    assert_eq!(k[1], "kernel");
    let hits: u64 = k[2].parse().unwrap();
    assert!(hits >= 5000, "{out}");
    let (total, avg): (u64, u64) = (k[3].parse().unwrap(), k[4].parse().unwrap());
    assert!(avg > 0 && total >= avg * 5000 / 2, "{out}");
    assert_eq!(k[5], "0");
    let b = row(&out, "begin ");
    assert_eq!((b[1], b[2]), ("userspace", "1"), "{out}");
    // The same as JSON.
    let o = rstap(&[
        "-t",
        "--json",
        "-e",
        script,
        "-c",
        &format!("{} getppid 100", w.display()),
    ]);
    let out = text(&o.stdout);
    let json = out.lines().nth(1).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {out}"));
    let probes = v["probes"].as_array().unwrap();
    let k = probes
        .iter()
        .find(|p| p["runs_in"] == "kernel")
        .unwrap_or_else(|| panic!("{out}"));
    assert!(k["hits"].as_u64().unwrap() >= 100, "{out}");
    assert_eq!(k["location"], "<input>:2:1");
}

const HEAVY: &str = r#"global x
probe kernel.trace("syscalls:sys_enter_getppid") { for (i = 0; i < 300; i++) x += i }
probe error { println("error probe ran") }
probe end { println("end probe ran") }"#;

#[test]
fn overload_stops_the_session_and_names_the_probe() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let o = rstap(&[
        "-e",
        HEAVY,
        "-c",
        &format!("{} getppid 5000000", w.display()),
    ]);
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(
        err.contains("ERROR: probe overhead exceeded threshold: handlers ran ")
            && err.contains("(limit 50%); costliest kernel.trace(\"syscalls:sys_enter_getppid\")"),
        "{err}"
    );
    assert_eq!(out, "error probe ran\n", "{err}");
    assert!(
        err.contains("WARNING: Number of errors: 1, skipped probes: 0"),
        "{err}"
    );
    // --suppress-handler-errors does not turn it off.
    let o = rstap(&[
        "--suppress-handler-errors",
        "-e",
        HEAVY,
        "-c",
        &format!("{} getppid 5000000", w.display()),
    ]);
    assert!(
        text(&o.stderr).contains("probe overhead exceeded threshold"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn overload_limits_follow_the_defines() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let o = rstap(&[
        "-DSTP_NO_OVERLOAD",
        "-e",
        HEAVY,
        "-c",
        &format!("{} getppid 200000", w.display()),
    ]);
    assert_eq!(text(&o.stdout), "end probe ran\n", "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));
    // A threshold of 1 µs per 100 ms trips on any busy handler.
    let o = rstap(&[
        "-DSTP_OVERLOAD_THRESHOLD=1000",
        "-DSTP_OVERLOAD_INTERVAL=100000000",
        "-e",
        r#"probe kernel.trace("syscalls:sys_enter_getppid") { } probe kernel.trace("syscalls:sys_enter_getppid") { if (pid() == 0) println("x") }"#,
        "-c",
        &format!("{} getppid 2000000", w.display()),
    ]);
    assert!(
        text(&o.stderr).contains("(limit 0%)"),
        "{}",
        text(&o.stderr)
    );
    let o = rstap(&["-DSTP_OVERLOAD_INTERVAL=0", "-e", HEAVY]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("STP_OVERLOAD_INTERVAL=0"),
        "{}",
        text(&o.stderr)
    );
}
