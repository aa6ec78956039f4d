//! Live tracing tests: real BPF programs on this kernel, driven by a workload whose
//! system calls are known exactly (`tests/workload/workload.c`, built here with `cc`).
//! They need root and a C compiler; without them each test says so and passes.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

mod support;
use std::time::{Duration, Instant};
use support::{rstap, serial, text};

/// The workload command path, or `None` (test skipped) without root or a compiler.
fn setup() -> Option<String> {
    support::live_workload("workload")
}

#[test]
fn counts_every_getppid_of_the_target_exactly() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"global c
probe kernel.trace("syscalls:sys_enter_getppid") { if (pid() == target()) c[execname()] <<< 1 }
probe end { foreach (k in c) printf("%s %d\n", k, @count(c[k])) }"#;
    let o = rstap(&["-e", script, "-c", &format!("{w} getppid 12345")]);
    assert_eq!(text(&o.stdout), "workload 12345\n", "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));
    assert!(
        text(&o.stderr).contains("Tracing 2 probes... Hit Ctrl-C to end."),
        "{}",
        text(&o.stderr)
    );
}

/// The one-liner of the README: a timer ends the session, the workload runs meanwhile,
/// and the unread global is printed at exit.
#[test]
fn one_liner_with_timer_exit_counts_a_concurrent_workload() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let mut child = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args([
            "-e",
            r#"global c; probe kernel.trace("syscalls:sys_enter_getppid") { c[execname()] <<< 1 } probe timer.s(1) { exit() }"#,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    assert!(
        line.starts_with("Tracing 2 probes... Hit Ctrl-C to end."),
        "{line}"
    );
    // A copy under its own name: its execname is then unique on this machine.
    let unique = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rstap-oneline");
    std::fs::copy(&w, &unique).unwrap();
    let status = Command::new(&unique)
        .args(["getppid", "5000"])
        .status()
        .unwrap();
    assert!(status.success());
    let o = child.wait_with_output().unwrap();
    let out = text(&o.stdout);
    let row = out
        .lines()
        .find(|l| l.starts_with("c[\"rstap-oneline\"]"))
        .unwrap_or_else(|| panic!("no workload row in {out:?}"));
    assert!(row.contains("@count=5000 "), "{row}");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn sums_and_histograms_of_bytes_written() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"global s
probe kernel.trace("syscalls:sys_enter_write") { if (pid() == target()) s <<< $count }
probe end { printf("%d %d %d %d\n", @count(s), @sum(s), @min(s), @max(s)) print(@hist_log(s)) }"#;
    let o = rstap(&["-e", script, "-c", &format!("{w} write 300 100")]);
    let out = text(&o.stdout);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("300 30000 100 100"),
        "{}",
        text(&o.stderr)
    );
    // 100 falls in the [64, 128) bucket.
    let row = out
        .lines()
        .find(|l| l.trim_start().starts_with("64 |"))
        .unwrap_or_else(|| panic!("no 64 row in {out}"));
    assert!(row.trim_end().ends_with(" 300"), "{row}");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn kernel_printf_strings_and_exit_from_the_kernel() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"global n
probe kernel.trace("syscalls:sys_enter_getppid") {
  if (pid() == target()) {
    n++
    if (n <= 3) printf("%s pid=%d nr=%d %s\n", execname(), pid() - target(), $__syscall_nr, "x" . execname())
    if (n == 100) exit()
  }
}
probe end { printf("n>=100: %d\n", n >= 100) }"#;
    let o = rstap(&["-e", script, "-c", &format!("{w} getppid 100000")]);
    let want = "workload pid=0 nr=110 xworkload\n".repeat(3) + "n>=100: 1\n";
    assert_eq!(text(&o.stdout), want, "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));
}

/// The run ended on exactly one runtime error, reported with `line`, as SystemTap does
/// by default (MAXERRORS 0): the first error stops every handler.
fn assert_single_error(o: &Output, line: &str) {
    let err = text(&o.stderr);
    assert!(err.contains(line), "{err}");
    assert_eq!(
        err.matches("ERROR:").count(),
        1,
        "one error stops the session: {err}"
    );
    assert!(
        err.contains("WARNING: Number of errors: 1, skipped probes: 0"),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn division_by_zero_in_a_kernel_probe_is_located() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = "global x\nprobe kernel.trace(\"syscalls:sys_enter_getppid\") {\n  if (pid() == target()) x = 1 / (pid() - target())\n}";
    let o = rstap(&["-e", script, "-c", &format!("{w} getppid 10")]);
    assert_single_error(&o, "ERROR: division by 0 near operator '/' at <input>:3:32");
}

#[test]
fn array_overflow_in_a_kernel_probe_is_located() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = "global a[10], i\nprobe kernel.trace(\"syscalls:sys_enter_getppid\") {\n  if (pid() == target()) a[i++] = 1\n}";
    let o = rstap(&["-e", script, "-c", &format!("{w} getppid 50")]);
    assert_single_error(
        &o,
        "ERROR: Array overflow, check size limit (10) near operator '=' at <input>:3:33",
    );
}

#[test]
fn maxaction_in_a_kernel_probe_is_located() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = "probe kernel.trace(\"syscalls:sys_enter_getppid\") {\n  if (pid() == target()) { i = 0; while (1) i++ }\n}";
    let o = rstap(&["-e", script, "-c", &format!("{w} getppid 5")]);
    assert_single_error(
        &o,
        "ERROR: MAXACTION exceeded near keyword 'while' at <input>:2:35",
    );
}

#[test]
fn profile_samples_every_cpu_at_the_requested_rate() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let ncpus = std::fs::read_to_string("/sys/devices/system/cpu/online")
        .map(|s| {
            s.trim()
                .split(',')
                .map(|r| match r.split_once('-') {
                    Some((a, b)) => b.parse::<u64>().unwrap() - a.parse::<u64>().unwrap() + 1,
                    None => 1,
                })
                .sum::<u64>()
        })
        .unwrap();
    let script =
        "global n\nprobe timer.profile.freq.hz(997) { n++ }\nprobe end { printf(\"%d\\n\", n) }";
    let start = Instant::now();
    let o = rstap(&["-e", script, "-c", &format!("{w} spin 2000 {ncpus}")]);
    let elapsed = start.elapsed();
    let n: u64 = text(&o.stdout)
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("{} {}", text(&o.stdout), text(&o.stderr)));
    let want = 997.0 * 2.0 * ncpus as f64;
    let ratio = n as f64 / want;
    // A virtual CPU the host deschedules misses ticks (a late timer fires once), so
    // the floor leaves some room; a missing CPU or a wrong rate is far below it.
    assert!(
        (0.9..=1.01 + elapsed.saturating_sub(Duration::from_secs(2)).as_secs_f64() / 2.0)
            .contains(&ratio),
        "{n} samples, {ratio:.3} of {want} (session {elapsed:?})"
    );
}

#[test]
fn read_faults_in_a_kernel_probe_are_located() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = "probe kernel.trace(\"syscalls:sys_enter_getppid\") {\n  if (pid() == target()) println(kernel_string(0))\n}";
    let o = rstap(&["-e", script, "-c", &format!("{w} getppid 3")]);
    let err = text(&o.stderr);
    assert!(
        err.contains("ERROR: kernel string copy fault at 0x0 [man error::fault] near identifier 'kernel_string' at <input>:2:34"),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(1));
    // Caught, the message is the catch variable's value; the default form returns it.
    let script = "probe kernel.trace(\"syscalls:sys_enter_getppid\") {\n  if (pid() == target()) {\n    try { println(kernel_long(8)) } catch (m) { println(m) }\n    println(user_string(0, \"<none>\"))\n    exit()\n  }\n}";
    let o = rstap(&["-e", script, "-c", &format!("{w} getppid 3")]);
    assert_eq!(
        text(&o.stdout),
        "kernel long copy fault at 0x8 [man error::fault]\n<none>\n",
        "{}",
        text(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(0));
}

/// Entry/exit latency through the raw sys_exit path, with a log histogram whose
/// total is the number of calls.
#[test]
fn syscall_latency_histogram_counts_every_call() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"global t, lat
probe kernel.trace("syscalls:sys_enter_getppid") { if (pid() == target()) t[tid()] = ktime_get_ns() }
probe kernel.trace("syscalls:sys_exit_getppid") {
  if (tid() in t) { lat <<< ktime_get_ns() - t[tid()]; delete t[tid()] }
}
probe end { printf("%d %d\n", @count(lat), @min(lat) > 0) print(@hist_log(lat)) }"#;
    let o = rstap(&["-e", script, "-c", &format!("{w} getppid 2000")]);
    let out = text(&o.stdout);
    assert!(out.starts_with("2000 1\n"), "{out}{}", text(&o.stderr));
    let total: i64 = out
        .lines()
        .skip(2)
        .filter_map(|l| l.split('|').nth(1))
        .filter_map(|r| r.split_whitespace().last()?.parse::<i64>().ok())
        .sum();
    assert_eq!(total, 2000, "{out}");
}

/// `-p4` writes a session file; `rstap run FILE` runs it.
#[test]
fn compiled_session_files_run_later() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("p4");
    std::fs::create_dir_all(&dir).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .current_dir(&dir)
        .args([
            "-p4",
            "-e",
            r#"global n; probe kernel.trace("syscalls:sys_enter_getppid") { if (execname() == "rstap-p4" && ++n == 77) exit() } probe timer.s(20) { exit() } probe end { printf("n=%d\n", n) }"#,
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let name = text(&o.stdout).trim().to_string();
    assert!(
        name.starts_with("stap_") && name.ends_with(".rstap"),
        "{name}"
    );
    let unique = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rstap-p4");
    std::fs::copy(&w, &unique).unwrap();
    let child = support::start_tracing(&["run", dir.join(&name).to_str().unwrap()]);
    assert!(
        Command::new(&unique)
            .args(["getppid", "77"])
            .status()
            .unwrap()
            .success()
    );
    let o = child.wait_with_output().unwrap();
    assert_eq!(text(&o.stdout), "n=77\n");
    // A file compiled for another kernel is refused, not run.
    let json = std::fs::read_to_string(dir.join(&name)).unwrap();
    let at = json.find("\"kernel_btf\":\"").unwrap() + "\"kernel_btf\":\"".len();
    let other = format!("{}{}{}", &json[..at], "0000000000000000", &json[at + 16..]);
    std::fs::write(dir.join("other.rstap"), other).unwrap();
    let o = rstap(&["run", dir.join("other.rstap").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("compile the script again on this machine"),
        "{}",
        text(&o.stderr)
    );
    // A damaged file is refused clearly.
    std::fs::write(dir.join("bad.rstap"), "{").unwrap();
    let o = rstap(&["run", dir.join("bad.rstap").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("not an rstap session file"),
        "{}",
        text(&o.stderr)
    );
}

/// Two sessions of the same script run side by side, each with its own maps.
#[test]
fn sessions_of_the_same_script_run_side_by_side() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"global c
probe kernel.trace("syscalls:sys_enter_getppid") { if (pid() == target()) c <<< 1 }
probe end { printf("%d\n", @count(c)) }"#;
    let spawn = |n: u32| {
        Command::new(env!("CARGO_BIN_EXE_rstap"))
            .args(["-q", "-e", script, "-c", &format!("{w} getppid {n}")])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn(3000);
    let b = spawn(7000);
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert_eq!(text(&a.stdout), "3000\n", "{}", text(&a.stderr));
    assert_eq!(text(&b.stdout), "7000\n", "{}", text(&b.stderr));
}

/// With --suppress-handler-errors a failing handler is skipped and the session goes on;
/// without it the first error stops every handler.
#[test]
fn suppressed_handler_errors_keep_the_session_running() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = "global n, x\nprobe kernel.trace(\"syscalls:sys_enter_getppid\") {\n  if (pid() == target()) { n++; x = 1 / (n - n) }\n}\nprobe end { println(n) }";
    let cmd = format!("{w} getppid 500");
    let o = rstap(&["-e", script, "-c", &cmd]);
    assert_eq!(text(&o.stdout), "", "end probes are skipped after an error");
    assert_eq!(o.status.code(), Some(1));
    let o = rstap(&["--suppress-handler-errors", "-e", script, "-c", &cmd]);
    // (x, written but never read, is displayed at the end.)
    assert_eq!(text(&o.stdout), "500\nx=0\n", "{}", text(&o.stderr));
    assert!(!text(&o.stderr).contains("ERROR"), "{}", text(&o.stderr));
}

/// `-G` values reach kernel probes: a tracepoint probe compares its count against a
/// numeric global and prints a string global, both set on the command line.
#[test]
fn globals_set_with_g_are_seen_by_kernel_probes() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"global threshold = 1, tag, n
probe kernel.trace("syscalls:sys_enter_getppid") {
  if (pid() == target()) { n++; if (n == threshold) printf("%s %d\n", tag, n) }
}
probe end { printf("total %d\n", n) }"#;
    let o = rstap(&[
        "-G",
        "threshold=100",
        "-G",
        "tag=reached",
        "-e",
        script,
        "-c",
        &format!("{w} getppid 250"),
    ]);
    assert_eq!(
        text(&o.stdout),
        "reached 100\ntotal 250\n",
        "{}",
        text(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(0));
}

/// `-T` ends a session whose kernel probes would otherwise run until Ctrl-C; the end
/// probe runs and the status is 0.
#[test]
fn timeout_ends_a_session_with_kernel_probes() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"global n
probe kernel.trace("syscalls:sys_enter_getppid") { if (execname() == "rstap-timeout") n++ }
probe end { printf("ended %d\n", n) }"#;
    let unique = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rstap-timeout");
    std::fs::copy(&w, &unique).unwrap();
    let child = support::start_tracing(&["-T", "1.5", "-e", script]);
    let status = Command::new(&unique)
        .args(["getppid", "77"])
        .status()
        .unwrap();
    assert!(status.success());
    let o = child.wait_with_output().unwrap();
    assert_eq!(text(&o.stdout), "ended 77\n");
    assert_eq!(o.status.code(), Some(0));
}
