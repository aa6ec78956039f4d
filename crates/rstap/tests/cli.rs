//! Black-box tests: run the `rstap` binary exactly as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

mod support;
use support::{is_root, rstap, text};

fn rstap_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rstap");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn hello_world_from_e() {
    let o = rstap(&["-e", r#"probe begin { println("hello") exit() }"#]);
    assert_eq!(text(&o.stdout), "hello\n");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

#[test]
fn script_from_stdin_and_file_with_arguments() {
    let o = rstap_stdin(&["-", "world"], "probe begin { println(@1) exit() }");
    assert_eq!(text(&o.stdout), "world\n");
    let dir = std::env::temp_dir().join(format!("rstap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("args.stp");
    std::fs::write(&path, "probe begin { println($1 + $2, \" \", $#) exit() }").unwrap();
    let o = rstap(&[path.to_str().unwrap(), "40", "2"]);
    assert_eq!(text(&o.stdout), "42 2\n", "{}", text(&o.stderr));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn missing_script_file_is_a_clear_error() {
    let o = rstap(&["/nonexistent/x.stp"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("cannot read script file '/nonexistent/x.stp'"),
        "{err}"
    );
}

#[test]
fn pass1_prints_the_parse_tree() {
    let o = rstap(&["-p1", "-e", "probe begin { x = 1 + 2 * 3 }"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        text(&o.stdout),
        "# file <input>\nprobe begin\n{\n  (x) = ((1) + ((2) * (3)));\n}\n"
    );
}

#[test]
fn parse_error_has_caret_summary_and_status_1() {
    let o = rstap(&["-e", "probe begin { x = }"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("parse error[P0001]: expected literal string or number"),
        "{err}"
    );
    assert!(
        err.contains("1 | probe begin { x = }\n  |                   ^ saw operator '}'"),
        "{err}"
    );
    assert!(
        err.contains("1 parse error.\nPass 1: parse failed."),
        "{err}"
    );
    assert!(!err.contains("--vp"), "never ask for --vp: {err}");
}

#[test]
fn never_assigned_local_is_reported_with_a_caret() {
    let o = rstap(&[
        "-p2",
        "-e",
        r#"probe begin { x = 1; printf("%d %s\n", x, y) }"#,
    ]);
    let err = text(&o.stderr);
    assert!(err.contains("never-assigned local variable 'y'"), "{err}");
    assert!(err.contains("^ identifier 'y'"), "{err}");
}

#[test]
fn type_mismatch_names_both_places() {
    let o = rstap(&["-e", r#"probe begin { x = 1 x = "s" }"#]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("semantic error[S0201]: type mismatch (string)\n --> <input>:1:21"),
        "{err}"
    );
    assert!(
        err.contains("note: type was first inferred here (long)\n --> <input>:1:15"),
        "{err}"
    );
    assert!(err.contains("Pass 2: analysis failed."), "{err}");
}

#[test]
fn option_validation_uses_stap_messages() {
    let o = rstap(&["-p", "9", "-e", "probe begin {}"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("Invalid pass number (should be 1-5)."));
    let o = rstap(&["--runtime=kernel", "-e", "probe begin {}"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("runtime 'kernel' is not supported") && err.contains("only runtime is bpf"),
        "{err}"
    );
    let o = rstap(&["-B", "X=1", "-e", "probe begin {}"]);
    assert!(text(&o.stderr).contains("option -B is not supported by rstap"));
    let o = rstap(&["--bogus"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn version_help_and_explain() {
    let o = rstap(&["-V"]);
    assert!(text(&o.stdout).starts_with("rstap translator/driver (version "));
    let o = rstap(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains("-e <SCRIPT>"));
    let o = rstap(&["explain", "p0003"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).starts_with("P0003: embedded code in a script"));
    let o = rstap(&["explain", "P9999"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("no diagnostic code 'P9999'"));
}

#[test]
fn embedded_c_is_refused_with_and_without_guru() {
    let o = rstap(&["-e", "%{ int x; %} probe begin {}"]);
    assert!(text(&o.stderr).contains("embedded code in unprivileged script; need stap -g"));
    let o = rstap(&["-g", "-e", "%{ int x; %} probe begin {}"]);
    let err = text(&o.stderr);
    assert!(
        err.contains("embedded C code cannot run under rstap"),
        "{err}"
    );
    assert!(err.contains("BPF"), "{err}");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn timers_run_in_userspace_and_end_probes_follow_exit() {
    let o = rstap(&[
        "-q",
        "-e",
        "global c; probe timer.ms(5) { c++; if (c == 3) exit() } probe end { println(c) }",
    ]);
    assert_eq!(text(&o.stdout), "3\n", "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn verbose_prints_pass_lines() {
    let o = rstap(&["-v", "-e", "probe begin { exit() }"]);
    let err = text(&o.stderr);
    assert!(err.contains("Pass 1: parsed user script and "), "{err}");
    assert!(err.contains("Pass 2: analyzed script: 1 probe"), "{err}");
    assert!(err.contains("Pass 5: starting run."), "{err}");
    assert!(err.contains("Pass 5: run completed in "), "{err}");
}

#[test]
fn division_by_zero_is_located_and_catchable() {
    let o = rstap(&["-e", "probe begin { x = 1/0 }"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("ERROR: division by 0 near operator '/' at <input>:1:20\n"),
        "{err}"
    );
    assert!(
        err.contains("WARNING: Number of errors: 1, skipped probes: 0"),
        "{err}"
    );
    let o = rstap(&[
        "-e",
        "probe begin { try { x = 1/0 } catch (msg) { println(\"caught: \", msg) } exit() }",
    ]);
    assert_eq!(text(&o.stdout), "caught: division by 0\n");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn histogram_of_squares() {
    let o = rstap(&[
        "-e",
        "global s; probe begin { for (i=0;i<1000;i++) s <<< i*i; print(@hist_log(s)); \
         printf(\"%d %d %d\\n\", @count(s), @min(s), @max(s)); exit() }",
    ]);
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], format!("  value |{} count", "-".repeat(50)));
    assert_eq!(lines[1], format!("      0 |{}1", " ".repeat(53)));
    assert!(
        lines.contains(&format!(" 524288 |{}{:>9}", "@".repeat(45), 275).as_str()),
        "{out}"
    );
    assert_eq!(*lines.last().unwrap(), "1000 0 998001");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn unread_globals_are_displayed_at_exit() {
    let o = rstap(&[
        "-e",
        "global a, s, n; probe begin { a[1,\"x\"] = 5; s <<< 3; s <<< 4; n = 7; exit() }",
    ]);
    assert_eq!(
        text(&o.stdout),
        "a[1,\"x\"]=5\ns @count=2 @min=3 @max=4 @sum=7 @avg=3\nn=7\n"
    );
    let o = rstap(&[
        "--no-global-var-display",
        "-e",
        "global n; probe begin { n = 7; exit() }",
    ]);
    assert_eq!(text(&o.stdout), "");
}

#[test]
fn library_listings() {
    let o = rstap(&["--dump-functions"]);
    assert_eq!(o.status.code(), Some(0));
    let out = text(&o.stdout);
    assert!(out.lines().any(|l| l == "strlen:long (s:string)"), "{out}");
    assert!(out.lines().any(|l| l == "exit:unknown ()"), "{out}");
    let o = rstap(&["--dump-probe-aliases"]);
    let out = text(&o.stdout);
    assert!(out.lines().any(|l| l == "oneshot += begin"), "{out}");
    assert!(
        out.lines()
            .any(|l| l == "timer.profile = timer.profile.tick!, perf.sw.cpu_clock.sample(1000000)"),
        "{out}"
    );
    let o = rstap(&["--dump-probe-types"]);
    assert!(
        text(&o.stdout)
            .lines()
            .any(|l| l == "timer.ms(number).randomize(number)")
    );
}

#[test]
fn listing_probe_points() {
    let o = rstap(&["-l", "timer.*"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "timer.profile\n");
    let o = rstap(&["-l", "nosuch.*"]);
    assert_eq!(o.status.code(), Some(1));
}

fn tracefs_readable() -> bool {
    let ok = std::fs::read_to_string("/sys/kernel/tracing/available_events").is_ok();
    if !ok {
        eprintln!(
            "skipped: /sys/kernel/tracing/available_events is not readable (needs root and tracefs)"
        );
    }
    ok
}

#[test]
fn kernel_tracepoints_are_listed_with_their_fields() {
    if !tracefs_readable() {
        return;
    }
    let o = rstap(&["-L", "kernel.trace(\"sched_switch\")"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.starts_with("kernel.trace(\"sched:sched_switch\") "),
        "{out}"
    );
    assert!(
        out.contains(" $prev_comm:string") && out.contains(" $next_pid:long"),
        "{out}"
    );
    let o = rstap(&["-l", "kernel.trace(\"sched:sched_wak*\")"]);
    let out = text(&o.stdout);
    assert!(
        out.lines()
            .any(|l| l == "kernel.trace(\"sched:sched_wakeup\")"),
        "{out}"
    );
    assert!(
        out.lines()
            .all(|l| l.starts_with("kernel.trace(\"sched:sched_wak")),
        "{out}"
    );
}

#[test]
fn tracepoint_probes_elaborate_and_say_what_is_missing() {
    if !tracefs_readable() {
        return;
    }
    let o = rstap(&[
        "-p2",
        "-e",
        "probe kernel.trace(\"sched_switch\") { printf(\"%s %d\\n\", $prev_comm, $next_pid) }",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("kernel.trace(\"sched:sched_switch\")"));
    let o = rstap(&["-e", "probe kernel.trace(\"sched_swich\") {}"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("no match (similar tracepoint(s): sched_switch)"));
    if !is_root() {
        return;
    }
    // As root it runs: the first context switch prints and ends the session (another
    // CPU may switch at the same moment, so only the first line is certain).
    let o = rstap(&[
        "-q",
        "-e",
        "probe kernel.trace(\"sched_switch\") { println($next_pid >= 0); exit() }",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).lines().next(), Some("1"));
}

#[test]
fn timers_that_read_event_context_run_in_the_kernel() {
    // In userspace execname() would describe rstap itself, not the interrupted task, so
    // such a timer runs as a perf event on one CPU.
    let script =
        "function who() { return execname() } probe timer.ms(10) { println(who()) exit() }";
    let o = rstap(&["-p3", "-e", script]);
    assert!(
        text(&o.stdout).contains("# probe 'timer.ms(10)': PerfEvent program"),
        "{}",
        text(&o.stdout)
    );
    if is_root() {
        let o = rstap(&["-q", "-e", script]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let first = text(&o.stdout).lines().next().unwrap_or("").to_string();
        assert!(!first.is_empty() && first.len() < 16, "{first:?}");
    }
    let o = rstap(&[
        "-q",
        "-e",
        "probe timer.ms(10) { println(gettimeofday_s() > 0) exit() }",
    ]);
    assert_eq!(text(&o.stdout), "1\n");
}

#[test]
fn stack_profiles_need_a_stack_aggregation_and_a_kernel_probe() {
    let o = rstap(&[
        "--folded",
        "-e",
        r#"global c; probe begin { c["x"] <<< 1 exit() }"#,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = text(&o.stderr);
    assert!(
        err.contains("cannot draw a stack profile: no global array is keyed by a kernel stack")
            && err.contains("s[backtrace()] <<< 1"),
        "{err}"
    );
    let o = rstap(&[
        "--flamegraph",
        "x.svg",
        "-e",
        r#"global s; probe timer.s(1) { s[sprint_stack("0x1")] <<< 1 } probe begin { s[backtrace()] <<< 1 }"#,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("only filled by kernel probes"),
        "{}",
        text(&o.stderr)
    );
    let o = rstap(&[
        "-D",
        "MAXBACKTRACE=500",
        "-p3",
        "-e",
        "probe timer.profile { print_backtrace() }",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("-D MAXBACKTRACE=500: expected a number from 1 to 127"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn symbols_in_userspace_probes() {
    // No kernel stack outside kernel probes; symbol lookups work anywhere.
    let o = rstap(&[
        "-e",
        r#"probe begin { printf("[%s] [%s] %d [%s]\n", backtrace(), callers(-1), addr(), symname(0)) exit() }"#,
    ]);
    assert_eq!(text(&o.stdout), "[] [] 0 [0x0]\n", "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));
}

/// What `--remote` starts on each host, without ssh: the script arrives framed on
/// standard input, and closing standard input stops the session like Ctrl-C, so the
/// end probe still runs.
#[test]
fn remote_control_reads_the_payload_and_stops_when_its_input_closes() {
    let script = r#"probe begin { println("started") } probe timer.s(600) { println("late") } probe end { println("ended") }"#;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args(["-q", "--remote-control", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    write!(stdin, "rstap-payload script {}\n{script}", script.len()).unwrap();
    stdin.flush().unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
    assert_eq!(first, "started\n");
    // Still running: only the closing of its input ends it.
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(child.try_wait().unwrap().is_none());
    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert_eq!(rest, "ended\n");
    assert_eq!(child.wait().unwrap().code(), Some(0));

    let o = rstap_stdin(&["--remote-control", "-"], "probe begin { exit() }");
    assert!(
        text(&o.stderr).contains("does not start with an rstap payload"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(1));
}

/// The handshake line a `--remote` host answers with.
#[test]
fn remote_hello_names_version_and_kernel() {
    let o = rstap(&["remote-hello"]);
    let out = text(&o.stdout);
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    assert!(
        out.starts_with(&format!(
            "rstap-hello protocol=1 version={} kernel={} btf=",
            env!("CARGO_PKG_VERSION"),
            release.trim()
        )),
        "{out}"
    );
    assert_eq!(o.status.code(), Some(0));
}

/// `rstap run -` reads a session file from standard input, with the run-time options.
#[test]
fn run_reads_a_session_file_from_stdin() {
    let dir = std::env::temp_dir().join(format!("rstap-run-stdin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .current_dir(&dir)
        .args([
            "-p4",
            "-e",
            "global g probe begin { g = 7 println(\"hi\") exit() }",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let name = text(&o.stdout).trim().to_string();
    let session = std::fs::read_to_string(dir.join(&name)).unwrap();
    let o = rstap_stdin(&["run", "-"], &session);
    assert_eq!(text(&o.stdout), "hi\ng=7\n", "{}", text(&o.stderr));
    let o = rstap_stdin(&["run", "--no-global-var-display", "-"], &session);
    assert_eq!(text(&o.stdout), "hi\n", "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `-r KREL --kernel-btf FILE -p4` writes a session for that kernel: its release in the
/// preprocessor and in the session file, which this kernel then refuses to run; naming
/// this kernel's release with a copy of its BTF gives a session that runs here.
#[test]
fn compiling_for_another_kernel_with_its_btf() {
    let Ok(btf) = std::fs::read("/sys/kernel/btf/vmlinux") else {
        eprintln!("skipped: no kernel BTF");
        return;
    };
    let dir = std::env::temp_dir().join(format!("rstap-kernel-btf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("vmlinux-copy"), &btf).unwrap();
    let script = r#"probe begin { println(%( kernel_vr == "9.9.9-other" %? "for other" %: "for this" %)) exit() }"#;
    let compile = |release: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_rstap"))
            .current_dir(&dir)
            .args([
                "-p4",
                "-r",
                release,
                "--kernel-btf",
                "vmlinux-copy",
                "-e",
                script,
            ])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        dir.join(text(&o.stdout).trim())
    };
    let other = compile("9.9.9-other");
    let session: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&other).unwrap()).unwrap();
    assert_eq!(session["kernel_release"], "9.9.9-other");
    let o = rstap(&["run", other.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("compiled for kernel 9.9.9-other, but this is kernel"),
        "{}",
        text(&o.stderr)
    );
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap();
    let this = compile(release.trim());
    let o = rstap(&["run", this.to_str().unwrap()]);
    assert_eq!(text(&o.stdout), "for this\n", "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));

    // Another kernel without its BTF, a session for it run here, BTF without a release,
    // and a file that is not BTF: each refused, saying what to give.
    let fails = |args: &[&str], expect: &str| {
        let o = rstap(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(
            text(&o.stderr).contains(expect),
            "{args:?}: {}",
            text(&o.stderr)
        );
    };
    let copy = dir.join("vmlinux-copy");
    let copy = copy.to_str().unwrap();
    fails(
        &["-p4", "-r", "9.9.9-other", "-e", script],
        "give it with --kernel-btf FILE",
    );
    fails(
        &["-r", "9.9.9-other", "--kernel-btf", copy, "-e", script],
        "add -p4 to write the session file",
    );
    fails(
        &["-p4", "--kernel-btf", copy, "-e", script],
        "--kernel-btf needs -r KREL",
    );
    fails(
        &[
            "-p4",
            "-r",
            "9",
            "--kernel-btf",
            "/etc/passwd",
            "-e",
            script,
        ],
        "cannot read the BTF of kernel 9 from '/etc/passwd': not BTF data",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn process_events_of_a_missing_process_or_program_are_refused() {
    for (point, says) in [
        (
            "process(999999999).end",
            "cannot probe process(999999999): no such process",
        ),
        ("process(-3).syscall", "invalid process id -3"),
        ("process(\"/nonexistent/prog\").begin", "/nonexistent/prog"),
    ] {
        let o = rstap(&["-p2", "-e", &format!("probe {point} {{ }}")]);
        assert_eq!(o.status.code(), Some(1), "{point}");
        let err = text(&o.stderr);
        assert!(err.contains(says), "{point}: {err}");
    }
}

/// `-T SECONDS` ends a session that would otherwise wait for Ctrl-C: the end probes run
/// as on exit() and the exit status is 0. `rstap run -T` does the same for a session file.
#[test]
fn timeout_ends_the_session_like_exit() {
    let script =
        r#"global n probe begin { n = 41 println("begin") } probe end { println("end ", n + 1) }"#;
    let o = rstap(&["-T", "0.3", "-e", script]);
    assert_eq!(text(&o.stdout), "begin\nend 42\n", "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));

    let dir = std::env::temp_dir().join(format!("rstap-timeout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .current_dir(&dir)
        .args(["-p4", "-e", script])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let session = dir.join(text(&o.stdout).trim());
    let o = rstap(&["run", "-T", "0.2", session.to_str().unwrap()]);
    assert_eq!(text(&o.stdout), "begin\nend 42\n", "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));
    let o = rstap(&["run", "-T", "0", session.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("Invalid timeout interval."));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `-m NAME -p4` writes `NAME.rstap` (a `.ko`, `.so` or `.rstap` suffix is dropped, as
/// stap drops `.ko`), which `rstap run` runs; names stap refuses are refused.
#[test]
fn module_name_names_the_session_file() {
    let dir = std::env::temp_dir().join(format!("rstap-module-name-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let in_dir = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_rstap"))
            .current_dir(&dir)
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .unwrap()
    };
    let script = r#"probe begin { println("named") exit() }"#;
    let o = in_dir(&["-m", "my_trace1", "-p4", "-e", script]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "my_trace1.rstap\n");
    assert_eq!(text(&o.stderr), "");
    let o = in_dir(&["run", "my_trace1.rstap"]);
    assert_eq!(text(&o.stdout), "named\n", "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));

    let o = in_dir(&["-m", "Other_2.ko", "-p4", "-e", script]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "Other_2.rstap\n");
    assert_eq!(text(&o.stderr), "Truncating module name to 'Other_2'\n");
    assert!(dir.join("Other_2.rstap").is_file());

    // Too long: cut to 55 characters, as stap cuts a module name.
    let long = "a".repeat(60);
    let o = in_dir(&["-m", &long, "-p4", "-e", script]);
    assert_eq!(text(&o.stdout), format!("{}.rstap\n", "a".repeat(55)));
    assert!(text(&o.stderr).starts_with("Truncating module name to 'aaaa"));

    for (bad, message) in [
        (
            "my-trace",
            "Safety pattern mismatch for -m parameter (my-trace)",
        ),
        ("../x", "Safety pattern mismatch for -m parameter (../x)"),
        ("", "Module name cannot be empty."),
        (".ko", "Module name cannot be empty."),
    ] {
        let o = in_dir(&["-m", bad, "-p4", "-e", script]);
        assert_eq!(o.status.code(), Some(1), "{bad}");
        assert!(
            text(&o.stderr).contains(message),
            "{bad}: {}",
            text(&o.stderr)
        );
        assert_eq!(text(&o.stdout), "");
    }

    // Without -p4 the name changes nothing of the output.
    let o = rstap(&["-m", "my_trace1", "-e", script]);
    assert_eq!(text(&o.stdout), "named\n", "{}", text(&o.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `-G NAME=VALUE` sets scalar globals before the begin probes run, over their
/// initialisers; a number for a numeric global, the text for a string global.
#[test]
fn globals_set_on_the_command_line() {
    let script = r#"global x, s, n = 1, digits
probe begin { printf("%d %s %d %s\n", x, s, n, digits . "!") exit() }"#;
    let o = rstap(&[
        "-G",
        "x=5",
        "-G",
        "s=hello",
        "-G",
        "n=0x10",
        "-G",
        "digits=42",
        "-e",
        script,
    ]);
    assert_eq!(text(&o.stdout), "5 hello 16 42!\n", "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));
    // Read but never assigned is what a -G global is for: no warning.
    assert_eq!(text(&o.stderr), "");

    let fails = |args: &[&str], expect: &[&str]| {
        let o = rstap(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = text(&o.stderr);
        for e in expect {
            assert!(err.contains(e), "{args:?}: {err}");
        }
        assert_eq!(text(&o.stdout), "", "{args:?}");
    };
    fails(
        &[
            "-G",
            "count=3",
            "-e",
            "global counts probe begin { counts = 1 println(counts) exit() }",
        ],
        &[
            "error[C0004]: -G count=3: the script declares no global 'count' (similar: counts)",
            "help: declare it in the script (global count) or correct the name",
        ],
    );
    fails(
        &[
            "-G",
            "a=3",
            "-e",
            "global a probe begin { a[1] = 1 println(a[1]) exit() }",
        ],
        &[
            "-G a=3: 'a' is an array; -G sets scalar globals only",
            "declared here",
        ],
    );
    fails(
        &[
            "-G",
            "x=abc",
            "-e",
            "global x probe begin { println(x + 1) exit() }",
        ],
        &["-G x=abc: 'x' holds numbers, and 'abc' is not a number"],
    );
    fails(
        &["-G", "1x=2", "-e", "probe begin { exit() }"],
        &["Safety pattern mismatch for -G parameter (1x=2)"],
    );
    // Globals of the tapsets are not the script's to set.
    fails(
        &["-G", "_stp_x=1", "-e", "probe begin { exit() }"],
        &["the script declares no global '_stp_x'"],
    );

    // A compiled session takes -G when it runs.
    let dir = std::env::temp_dir().join(format!("rstap-set-globals-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .current_dir(&dir)
        .args(["-m", "preset", "-p4", "-e", script])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let session = dir.join("preset.rstap");
    let session = session.to_str().unwrap();
    let o = rstap(&["run", "-G", "s=from run", "-G", "x=-3", session]);
    assert_eq!(text(&o.stdout), "-3 from run 1 !\n", "{}", text(&o.stderr));
    let o = rstap(&["run", "-G", "x=many", session]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("'x' holds numbers"),
        "{}",
        text(&o.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `-d OBJ` and `--ldd` are accepted: a program or library by its path, `kernel` or a
/// module name (nothing to add: kernel symbols come from /proc/kallsyms); a path that
/// does not exist is refused. A session file keeps the files for `rstap run`.
#[test]
fn symbol_objects_are_accepted_and_missing_files_refused() {
    let script = r#"probe begin { println("ok") exit() }"#;
    let sh = std::fs::canonicalize("/bin/sh").unwrap();
    let o = rstap(&[
        "-d", "/bin/sh", "-d", "kernel", "-d", "ext4", "--ldd", "-e", script,
    ]);
    assert_eq!(text(&o.stdout), "ok\n", "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));

    let o = rstap(&["-d", "/nonexistent/libfoo.so", "-e", script]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains(
            "cannot add symbol data for '/nonexistent/libfoo.so' (-d): No such file or directory"
        ),
        "{err}"
    );
    let o = rstap(&["-d", "/tmp", "-e", script]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("(-d): not a file"),
        "{}",
        text(&o.stderr)
    );

    // -p4 records the file and, with --ldd, the libraries it loads.
    let dir = std::env::temp_dir().join(format!("rstap-symbol-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .current_dir(&dir)
        .args([
            "-m",
            "with_syms",
            "-p4",
            "-d",
            "/bin/sh",
            "--ldd",
            "-e",
            script,
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let session: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("with_syms.rstap")).unwrap()).unwrap();
    let files: Vec<&str> = session["symbol_files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(files[0], sh.to_str().unwrap());
    assert!(
        files[1..].iter().any(|f| f.contains("libc.so")),
        "{files:?}"
    );
    let o = rstap(&["run", dir.join("with_syms.rstap").to_str().unwrap()]);
    assert_eq!(text(&o.stdout), "ok\n", "{}", text(&o.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}
