//! Production safety on this kernel: the `-t` report and overload protection, against
//! the workload whose system calls are known (`tests/workload/workload.c`).
//! Without root or a C compiler each test says so and passes.

mod support;

use std::path::PathBuf;
use std::sync::OnceLock;
use support::{c_workload, is_root, rstap, serial, text};

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
    // A tenth of each second in probes is the limit here, not SystemTap's half: on a
    // machine whose other work leaves the workload less than a whole CPU, the probe
    // still exceeds it.
    let threshold = "-DSTP_OVERLOAD_THRESHOLD=100000000";
    let o = rstap(&[
        threshold,
        "-e",
        HEAVY,
        "-c",
        &format!("{} getppid 5000000", w.display()),
    ]);
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    let line = err
        .lines()
        .find(|l| l.starts_with("ERROR: probe overhead ("))
        .unwrap_or_else(|| panic!("{err}"));
    // ERROR: probe overhead (N ns) exceeded threshold (M ns) in last T ns; costliest ...
    let words: Vec<&str> = line.split_whitespace().collect();
    let used: u64 = words[3].trim_start_matches('(').parse().unwrap();
    let allowed: u64 = words[7].trim_start_matches('(').parse().unwrap();
    let last: u64 = words[11].parse().unwrap();
    // (The threshold is stated for the interval actually measured.)
    assert!(
        used > allowed && (allowed * 10).abs_diff(last) <= last / 100,
        "{line}"
    );
    assert!((1_000_000_000..2_000_000_000).contains(&last), "{line}");
    assert!(
        line.contains("; costliest probe kernel.trace(\"syscalls:sys_enter_getppid\"): "),
        "{line}"
    );
    assert_eq!(out, "error probe ran\n", "{err}");
    assert!(
        err.contains("WARNING: Number of errors: 1, skipped probes: 0"),
        "{err}"
    );
    // --suppress-handler-errors does not turn it off.
    let o = rstap(&[
        "--suppress-handler-errors",
        threshold,
        "-e",
        HEAVY,
        "-c",
        &format!("{} getppid 5000000", w.display()),
    ]);
    assert!(
        text(&o.stderr).contains("ERROR: probe overhead ("),
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
        text(&o.stderr).contains("exceeded threshold ("),
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

/// BPF programs rstap has loaded on this machine (its programs' names start `rstap_`).
fn rstap_programs() -> usize {
    rstap_sys::prog::Program::all_loaded()
        .unwrap_or_default()
        .iter()
        .filter(|p| p.name().is_ok_and(|n| n.starts_with("rstap_")))
        .count()
}

/// Spawns rstap and waits until it says its probes are attached.
fn started(args: &[&str]) -> std::process::Child {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.starts_with("Tracing") {
        line.clear();
        if err.read_line(&mut line).unwrap() == 0 {
            panic!("rstap did not start");
        }
    }
    // Keep reading standard error so rstap never blocks on it.
    std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
    child
}

#[test]
fn sigkill_leaves_no_program_behind() {
    let _guard = serial();
    if setup().is_none() {
        return;
    }
    let before = rstap_programs();
    let mut child = started(&["-e", "global s; probe syscall.*.return { s[name] <<< 1 }"]);
    let during = rstap_programs();
    assert!(
        during >= before + 300,
        "{before} before, {during} while running"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    // The kernel frees programs once their last reference goes, shortly after.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while rstap_programs() > before && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    // (Other rstap sessions on the machine may end meanwhile: at most as many as before.)
    assert!(rstap_programs() <= before, "{before} before");
}

#[test]
fn ctrl_c_runs_end_probes_and_exits_cleanly() {
    let _guard = serial();
    if setup().is_none() {
        return;
    }
    let before = rstap_programs();
    let child = started(&[
        "-e",
        r#"global n; probe kernel.trace("sched:sched_switch") { n++ } probe end { println(n > 0 ? "switched" : "none") }"#,
    ]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "switched\n");
    // The kernel frees the programs once their last reference goes (after an RCU
    // grace period, which a loaded machine can stretch).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while rstap_programs() > before && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(rstap_programs() <= before, "{before} before");
}

#[test]
fn eight_sessions_of_one_script_count_their_own_targets() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"global n
probe kernel.trace("syscalls:sys_enter_getppid") { if (pid() == target()) n++ }
probe end { printf("%d\n", n) }"#;
    let children: Vec<(u32, std::process::Child)> = (1..=8u32)
        .map(|i| {
            let c = std::process::Command::new(env!("CARGO_BIN_EXE_rstap"))
                .args([
                    "-q",
                    "-e",
                    script,
                    "-c",
                    &format!("{} getppid {}", w.display(), i * 1000),
                ])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            (i * 1000, c)
        })
        .collect();
    for (n, c) in children {
        let o = c.wait_with_output().unwrap();
        assert_eq!(text(&o.stdout), format!("{n}\n"), "{}", text(&o.stderr));
    }
}

#[test]
fn a_failing_command_is_reported_with_its_status() {
    let _guard = serial();
    if setup().is_none() {
        return;
    }
    let o = rstap(&[
        "-e",
        r#"probe kernel.trace("syscalls:sys_enter_getppid") { println("never") }"#,
        "-c",
        "sh -c 'exit 7'",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("WARNING: command 'sh -c 'exit 7'' exited with status 7"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn map_memory_is_reported_and_bounded() {
    let _guard = serial();
    if setup().is_none() {
        return;
    }
    let script = r#"global a; probe kernel.trace("syscalls:sys_enter_getppid") { a[pid()]++ } probe timer.ms(10) { exit() }"#;
    let o = rstap(&["-v", "-e", script]);
    let err = text(&o.stderr);
    let line = err
        .lines()
        .find(|l| l.contains("BPF maps using"))
        .unwrap_or_else(|| panic!("{err}"));
    // Pass 5: N BPF maps using K KiB of kernel memory.
    let kib: u64 = line.split_whitespace().nth(6).unwrap().parse().unwrap();
    assert!(kib > 16, "{line}");
    let o = rstap(&[&format!("-DSTP_MAXMEMORY={}", kib / 2), "-e", script]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("more than STP_MAXMEMORY"),
        "{}",
        text(&o.stderr)
    );
    let o = rstap(&[&format!("-DSTP_MAXMEMORY={}", kib * 2), "-e", script]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}
