//! Background sessions (`-F`), `rstap ps`, `rstap kill`, and `-o` rotation with `-S`
//! and `switch_file()`. Each test has its own run directory (`RSTAP_RUN_DIR`). The
//! live tests need root and a C compiler for the workload
//! (`tests/workload/workload.c`); without them each says so and passes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod support;
use support::{is_root, serial, text};

/// A fresh directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bg-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// rstap with `RSTAP_RUN_DIR=run`.
fn rstap_in(run: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args(args)
        .env("RSTAP_RUN_DIR", run)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// The workload under a name of its own (probes filter on it).
fn workload(name: &str) -> Option<PathBuf> {
    let w = support::live_workload("workload")?;
    let copy = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::copy(w, &copy).unwrap();
    Some(copy)
}

fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            s[s.rfind(')')? + 1..]
                .split_whitespace()
                .next()
                .map(|st| st != "Z" && st != "X")
        })
        .unwrap_or(false)
}

/// Field `n` (1-based, as proc(5) counts) of `/proc/PID/stat`.
fn stat_field(pid: u32, n: usize) -> String {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    s[s.rfind(')').unwrap() + 2..]
        .split_whitespace()
        .nth(n - 3)
        .unwrap()
        .to_string()
}

/// Waits up to 10 s for `cond`.
fn eventually(mut cond: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + Duration::from_secs(10);
    while Instant::now() < end {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// Starts `rstap -F ARGS` from a shell that exits right after; returns the pid rstap
/// printed.
fn start_from_shell(run: &Path, args: &[&str], stdin: Option<&Path>) -> u32 {
    let quoted: Vec<String> = args
        .iter()
        .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
        .collect();
    let redirect = stdin.map_or(String::new(), |p| format!(" < '{}'", p.display()));
    let line = format!(
        "'{}' -F {}{redirect}; exit",
        env!("CARGO_BIN_EXE_rstap"),
        quoted.join(" ")
    );
    let o = Command::new("sh")
        .args(["-c", &line])
        .env("RSTAP_RUN_DIR", run)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert_eq!(out.lines().count(), 1, "one line, the pid: {out:?}");
    out.trim().parse().expect("a pid")
}

fn kill_session(run: &Path, pid: u32) {
    let o = rstap_in(run, &["kill", &pid.to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).starts_with(&format!("session {pid} stopped")));
    assert!(!alive(pid));
    assert!(!run.join(format!("{pid}.json")).exists());
}

#[test]
fn background_session_outlives_its_shell_and_stops_with_its_end_probe() {
    let _guard = serial();
    let Some(w) = workload("rstap-bgwl") else {
        return;
    };
    let dir = temp_dir("lifecycle");
    let run = dir.join("run");
    let out = dir.join("out.txt");
    let script = dir.join("count.stp");
    std::fs::write(
        &script,
        r#"global n
probe kernel.trace("syscalls:sys_enter_getppid") { if (execname() == "rstap-bgwl") n++ }
probe timer.ms(50) { printf("tick %d\n", n) }
probe end { printf("end %d\n", n) }
"#,
    )
    .unwrap();
    let pid = start_from_shell(
        &run,
        &["-o", out.to_str().unwrap(), script.to_str().unwrap()],
        None,
    );
    // The shell and the foreground rstap are gone; the session runs on, in a session
    // of its own, with no terminal or pipe for standard streams.
    assert!(alive(pid));
    assert_eq!(stat_field(pid, 6), pid.to_string(), "session leader");
    for fd in 0..3 {
        let target = std::fs::read_link(format!("/proc/{pid}/fd/{fd}")).unwrap();
        assert_eq!(target, Path::new("/dev/null"));
    }

    // `rstap ps` lists it.
    let ps = rstap_in(&run, &["ps"]);
    assert_eq!(ps.status.code(), Some(0));
    let listing = text(&ps.stdout);
    let mut lines = listing.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["ID", "SCRIPT", "PROBES", "UPTIME", "OUTPUT"]);
    let row: Vec<&str> = lines.next().expect("a row").split_whitespace().collect();
    assert_eq!(row[0], pid.to_string());
    assert_eq!(row[1], script.to_str().unwrap());
    assert_eq!(row[2], "3");
    assert_eq!(row[4], out.to_str().unwrap());

    // A workload started after the shell exited is traced, and output keeps coming.
    assert!(
        Command::new(&w)
            .args(["getppid", "1234"])
            .status()
            .unwrap()
            .success()
    );
    assert!(
        eventually(|| std::fs::read_to_string(&out).is_ok_and(|t| t.contains("tick 1234\n"))),
        "{:?}",
        std::fs::read_to_string(&out)
    );
    let size = std::fs::metadata(&out).unwrap().len();
    assert!(eventually(|| std::fs::metadata(&out).unwrap().len() > size));

    // SIGHUP is ignored.
    assert!(
        Command::new("kill")
            .args(["-HUP", &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
    std::thread::sleep(Duration::from_millis(200));
    assert!(alive(pid));
    assert!(
        Command::new(&w)
            .args(["getppid", "66"])
            .status()
            .unwrap()
            .success()
    );

    // `rstap kill` runs the end probe with the exact count.
    kill_session(&run, pid);
    let t = std::fs::read_to_string(&out).unwrap();
    assert_eq!(t.lines().last(), Some("end 1300"), "{t}");
    assert_eq!(text(&rstap_in(&run, &["ps"]).stdout).lines().count(), 1);
}

#[test]
fn a_lost_or_failing_output_file_does_not_stop_tracing() {
    let _guard = serial();
    let Some(w) = workload("rstap-bgwl2") else {
        return;
    };
    let dir = temp_dir("lost-output");
    let run = dir.join("run");
    let out = dir.join("out.txt");
    let script = dir.join("script.stp");
    std::fs::write(
        &script,
        r#"global n
probe kernel.trace("syscalls:sys_enter_getppid") { if (execname() == "rstap-bgwl2") { n++; printf("n %d\n", n) } }
"#,
    )
    .unwrap();
    // The script comes from standard input, handed to the background session.
    let pid = start_from_shell(&run, &["-o", out.to_str().unwrap(), "-"], Some(&script));
    let ps = text(&rstap_in(&run, &["ps"]).stdout);
    assert!(ps.contains(&format!("{pid}  -  ")), "{ps}");
    std::fs::remove_file(&out).unwrap();
    assert!(
        Command::new(&w)
            .args(["getppid", "40"])
            .status()
            .unwrap()
            .success()
    );
    // Still tracing into the deleted file, which the session keeps open.
    let fd = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .flatten()
        .find(|e| {
            std::fs::read_link(e.path())
                .is_ok_and(|t| t.to_string_lossy().ends_with("out.txt (deleted)"))
        })
        .expect("the deleted output is still open")
        .path();
    assert!(eventually(
        || std::fs::read_to_string(&fd).is_ok_and(|t| t.ends_with("n 40\n"))
    ));
    assert!(alive(pid));
    kill_session(&run, pid);

    // Writes that fail (a full disk) are noted once in the state file, tracing goes on.
    let pid = start_from_shell(&run, &["-o", "/dev/full", script.to_str().unwrap()], None);
    assert!(
        Command::new(&w)
            .args(["getppid", "5000"])
            .status()
            .unwrap()
            .success()
    );
    let state = run.join(format!("{pid}.json"));
    assert!(
        eventually(
            || std::fs::read_to_string(&state).is_ok_and(|t| t.contains("No space left on device"))
        ),
        "{:?}",
        std::fs::read_to_string(&state)
    );
    assert!(alive(pid));
    kill_session(&run, pid);
}

#[test]
fn compile_errors_with_f_leave_nothing_running() {
    let dir = temp_dir("compile-error");
    let run = dir.join("run");
    let marker = dir.join("never-written.out");
    let o = rstap_in(
        &run,
        &[
            "-F",
            "-o",
            marker.to_str().unwrap(),
            "-e",
            "probe begin { x = }",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "");
    let err = text(&o.stderr);
    // The same diagnostics as a foreground run.
    let fg = rstap_in(
        &run,
        &["-o", marker.to_str().unwrap(), "-e", "probe begin { x = }"],
    );
    assert_eq!(err, text(&fg.stderr));
    assert!(err.contains("Pass 1: parse failed."), "{err}");
    let records = std::fs::read_dir(&run).map_or(0, |d| d.count());
    assert_eq!(records, 0, "no state file");
    // No process still mentions this test's output file.
    let marker = marker.to_string_lossy().into_owned();
    let left = std::fs::read_dir("/proc").unwrap().flatten().any(|e| {
        std::fs::read(e.path().join("cmdline"))
            .is_ok_and(|c| String::from_utf8_lossy(&c).contains(&marker))
    });
    assert!(!left);

    // An error in a begin probe also ends the start: reported here, status 1.
    let o = rstap_in(
        &run,
        &[
            "-F",
            "-o",
            &marker,
            "-e",
            r#"probe begin { error("boom") } probe timer.s(100) { exit() }"#,
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "");
    assert!(
        text(&o.stderr).starts_with("ERROR: boom near identifier 'error' at <input>:1:15\n"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(std::fs::read_dir(&run).map_or(0, |d| d.count()), 0);
}

#[test]
fn ps_cleans_up_stale_records_and_kill_refuses_unknown_ids() {
    let dir = temp_dir("stale");
    let run = dir.join("run");
    std::fs::create_dir_all(&run).unwrap();
    // A record of a process that has exited.
    let gone = Command::new("true").spawn().unwrap();
    let pid = gone.id();
    let mut gone = gone;
    gone.wait().unwrap();
    std::fs::write(
        run.join(format!("{pid}.json")),
        format!(
            r#"{{"pid":{pid},"state":"running","script":"x.stp","probes":1,"started":0,"proc_start":1,"output":"o","metrics":null,"output_error":null}}"#
        ),
    )
    .unwrap();
    let ps = rstap_in(&run, &["ps"]);
    assert_eq!(text(&ps.stdout).lines().count(), 1, "{}", text(&ps.stdout));
    assert!(!run.join(format!("{pid}.json")).exists());

    let o = rstap_in(&run, &["kill", &pid.to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains(&format!("no background rstap session has ID '{pid}'")),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(rstap_in(&run, &["kill", "abc"]).status.code(), Some(1));
}

#[test]
fn rotation_keeps_the_newest_files_of_size() {
    let dir = temp_dir("rotate");
    let out = dir.join("out");
    // 2500 lines of exactly 1024 bytes: 1024 lines fill each 1 MiB file.
    let o = rstap_in(
        &dir,
        &[
            "-o",
            out.to_str().unwrap(),
            "-S",
            "1,2",
            "-DMAXACTION=100000",
            "-e",
            r#"probe begin { for (i = 0; i < 2500; i++) printf("%01023d\n", i); exit() }"#,
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["out.1", "out.2"]);
    let one = std::fs::read_to_string(dir.join("out.1")).unwrap();
    assert_eq!(one.len(), 1 << 20);
    assert_eq!(
        one.lines().next().map(|l| l.trim_start_matches('0')),
        Some("1024")
    );
    let two = std::fs::read_to_string(dir.join("out.2")).unwrap();
    assert_eq!(two.lines().count(), 2500 - 2048);

    // -S needs -o.
    let o = rstap_in(&dir, &["-S", "1", "-e", "probe begin { exit() }"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("You have to specify output FILE with '-S' option"));
}

#[test]
fn switch_file_from_a_kernel_probe() {
    let _guard = serial();
    let Some(w) = workload("rstap-bgwl3") else {
        return;
    };
    let dir = temp_dir("switch");
    let out = dir.join("out");
    let o = rstap_in(
        &dir,
        &[
            "-o",
            out.to_str().unwrap(),
            "-S",
            "1",
            "-e",
            r#"global n
probe kernel.trace("syscalls:sys_enter_getppid") {
    if (pid() == target()) { n++; printf("%d\n", n); if (n % 4 == 0) switch_file() }
}"#,
            "-c",
            &format!("{} getppid 10", w.display()),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let read = |i: u32| std::fs::read_to_string(dir.join(format!("out.{i}"))).unwrap();
    assert_eq!(read(0), "1\n2\n3\n4\n");
    assert_eq!(read(1), "5\n6\n7\n8\n");
    assert_eq!(read(2), "9\n10\n");
}

#[test]
fn a_background_session_s_command_runs_on_dev_null() {
    let _guard = serial();
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return;
    }
    let dir = temp_dir("command");
    let run = dir.join("run");
    let out = dir.join("out.txt");
    let done = dir.join("done");
    // The command writes after the foreground rstap has gone: on /dev/null, not on the
    // foreground's pipes (which would kill it with SIGPIPE).
    let cmd = format!(
        "sh -c 'sleep 0.3; echo out; echo err >&2; touch {}'",
        done.display()
    );
    let pid = start_from_shell(
        &run,
        &[
            "-o",
            out.to_str().unwrap(),
            "-c",
            &cmd,
            "-e",
            r#"probe end { println("end") }"#,
        ],
        None,
    );
    // The session ends with its command.
    assert!(eventually(|| !alive(pid)), "the session did not end");
    assert!(done.exists(), "the command did not finish");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "end\n");
}

/// `-m NAME` names a background session: `rstap ps` and `rstap kill` show the name.
#[test]
fn a_named_session_is_listed_by_its_name() {
    let dir = temp_dir("named");
    let run = dir.join("run");
    let out = dir.join("out.txt");
    let pid = start_from_shell(
        &run,
        &[
            "-m",
            "nightly_io",
            "-o",
            out.to_str().unwrap(),
            "-e",
            r#"probe timer.ms(20) {} probe end { println("end") }"#,
        ],
        None,
    );
    let listing = text(&rstap_in(&run, &["ps"]).stdout);
    let row: Vec<&str> = listing
        .lines()
        .nth(1)
        .expect("a row")
        .split_whitespace()
        .collect();
    assert_eq!(
        &row[..2],
        [pid.to_string().as_str(), "nightly_io"],
        "{listing}"
    );
    let o = rstap_in(&run, &["kill", &pid.to_string()]);
    assert_eq!(
        text(&o.stdout),
        format!("session {pid} stopped (nightly_io)\n"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "end\n");
}
