//! Live tests of user-space probes: `process(...).function(...)`, `.return`, USDT
//! `.mark(...)` with their arguments and semaphores, on `tests/workload/uprobes.c` built
//! here with `cc` (PIE and non-PIE). Probes run as root; the resolution errors and
//! listings need no privileges. Tests run one at a time (`serial()`): a probe on the
//! workload fires in every process running it, another test's too.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

mod support;
use support::{c_workload_with, is_root, ok, rstap, rstap_in, text};

/// The workload, built once, as `workload` in a directory of its own (the scripts name
/// it `./workload`); `None` without a compiler or <sys/sdt.h>.
fn workload() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| {
        c_workload_with("uprobes", "uprobes-pie/workload", &["-O1", "-fPIE", "-pie"])
    })
    .as_ref()
}

fn non_pie_workload() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| {
        c_workload_with(
            "uprobes",
            "uprobes-nopie/uprobes-nopie",
            &["-O1", "-fno-PIE", "-no-pie"],
        )
    })
    .as_ref()
}

fn dwarf_workload() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| c_workload_with("uprobes", "uprobes-dwarf/workload", &["-g", "-O1"]))
        .as_ref()
}

fn built(bin: Option<&'static PathBuf>) -> Option<&'static PathBuf> {
    if bin.is_none() {
        eprintln!("skipped: cc with <sys/sdt.h> (systemtap-sdt-dev) cannot build the workload");
    }
    bin
}

/// The workload, when this test can trace it (root).
fn live() -> Option<&'static PathBuf> {
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return None;
    }
    built(workload())
}

#[test]
fn return_probe_prints_each_sum() {
    let _guard = support::serial();
    let Some(bin) = live() else { return };
    let out = rstap_in(
        bin.parent().unwrap(),
        &[
            "-e",
            r#"probe process("./workload").function("add").return { printf("%d\n", $return) }"#,
            "-c",
            "./workload 5",
        ],
    );
    assert_eq!(ok(&out), "11\n22\n33\n44\n55\n");
    assert!(
        text(&out.stderr).contains("total 165"),
        "{}",
        text(&out.stderr)
    );
}

/// In a return probe, a parameter named by DWARF is its value at entry, as in
/// SystemTap (the issue's example, on a `-g` build).
#[test]
fn return_probe_reads_parameters_as_they_were_at_entry() {
    let _guard = support::serial();
    if live().is_none() {
        return;
    }
    let Some(bin) = built(dwarf_workload()) else {
        return;
    };
    let out = rstap_in(
        bin.parent().unwrap(),
        &[
            "-e",
            r#"probe process("./workload").function("add").return { printf("%d+%d=%d\n", $a, $b, $return) }"#,
            "-c",
            "./workload 5",
        ],
    );
    assert_eq!(ok(&out), "1+10=11\n2+20=22\n3+30=33\n4+40=44\n5+50=55\n");
    // Without DWARF the names are unknown, and the message says what to use instead.
    let plain = live().unwrap();
    let out = rstap_in(
        plain.parent().unwrap(),
        &[
            "-p2",
            "-e",
            r#"probe process("./workload").function("add").return { printf("%d\n", $a) }"#,
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("@entry(int_arg(n))"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn entry_probe_counts_calls_and_reads_arguments_by_position() {
    let _guard = support::serial();
    let Some(bin) = live() else { return };
    let script = r#"
global calls
probe process("./workload").function("add") {
  calls++
  printf("%s %d+%d %s\n", probefunc(), uint_arg(1), uint_arg(2), pp())
}
probe end { printf("calls %d\n", calls) }
"#;
    let out = rstap_in(bin.parent().unwrap(), &["-e", script, "-c", "./workload 4"]);
    let pp = format!("process(\"{}\").function(\"add\")", bin.display());
    let want: String = (1..=4)
        .map(|i| format!("add {i}+{} {pp}\n", 10 * i))
        .chain(["calls 4\n".to_string()])
        .collect();
    assert_eq!(ok(&out), want);
}

#[test]
fn process_without_path_probes_the_target_and_signed_arguments_extend() {
    let _guard = support::serial();
    let Some(bin) = live() else { return };
    // negate(total) returns -total: long_arg at entry, $return as a long at return.
    let script = r#"
probe process.function("negate") { printf("in %d %d\n", long_arg(1), int_arg(1)) }
probe process.function("negate").return { printf("out %d\n", $return) }
"#;
    let out = rstap_in(bin.parent().unwrap(), &["-e", script, "-c", "./workload 3"]);
    assert_eq!(ok(&out), "in 66 66\nout -66\n");
}

#[test]
fn usdt_marks_print_their_arguments() {
    let _guard = support::serial();
    let Some(bin) = live() else { return };
    let script = r#"
probe process("./workload").mark("step") { printf("%s:%s %d %d\n", $$provider, $$name, $arg1, $arg2) }
probe process("./workload").provider("workload").mark("done") { printf("done %d\n", $arg1) }
"#;
    let out = rstap_in(bin.parent().unwrap(), &["-e", script, "-c", "./workload 3"]);
    assert_eq!(
        ok(&out),
        "workload:step 1 11\nworkload:step 2 33\nworkload:step 3 66\ndone -66\n"
    );
}

#[test]
fn usdt_semaphores_are_set_while_attached() {
    let _guard = support::serial();
    let Some(bin) = live() else { return };
    // Untraced, the program sees its semaphore at 0 and skips the probe.
    let plain = Command::new(bin).arg("1").output().unwrap();
    assert!(
        text(&plain.stderr).contains("gated 0"),
        "{}",
        text(&plain.stderr)
    );
    let out = rstap_in(
        bin.parent().unwrap(),
        &[
            "-e",
            r#"probe process("./workload").mark("gated") { printf("gated %d\n", $arg1) }"#,
            "-c",
            "./workload 1",
        ],
    );
    assert_eq!(ok(&out), "gated 0\ngated 7\ngated 14\n");
    assert!(
        text(&out.stderr).contains("gated 3"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn non_pie_binaries_found_through_path() {
    let _guard = support::serial();
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return;
    }
    let Some(bin) = built(non_pie_workload()) else {
        return;
    };
    let dir = bin.parent().unwrap();
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args([
            "-e",
            r#"probe process("uprobes-nopie").function("add").return { printf("%d ", $return) }
               probe process("uprobes-nopie").mark("step") { printf("[%d] ", $arg2) }"#,
            "-c",
            "uprobes-nopie 3",
        ])
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(ok(&out), "11 [11] 22 [33] 33 [66] ");
}

#[test]
fn missing_functions_suggest_the_binary_s_symbols() {
    let _guard = support::serial();
    let Some(bin) = built(workload()) else { return };
    let script = format!(r#"probe process("{}").function("ad") {{}}"#, bin.display());
    let out = rstap(&["-p2", "-e", &script]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("no function 'ad'"), "{err}");
    assert!(err.contains("did you mean: add"), "{err}");
    let script = format!(r#"probe process("{}").mark("stpe") {{}}"#, bin.display());
    let err = text(&rstap(&["-p2", "-e", &script]).stderr);
    assert!(err.contains("did you mean: step"), "{err}");
}

#[test]
fn missing_and_stripped_binaries_are_explained() {
    let _guard = support::serial();
    let out = rstap(&[
        "-p2",
        "-e",
        r#"probe process("/nonexistent/prog").function("main") {}"#,
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no such file"),
        "{}",
        text(&out.stderr)
    );
    let out = rstap(&[
        "-p2",
        "-e",
        r#"probe process("no-such-program-anywhere").function("main") {}"#,
    ]);
    assert!(
        text(&out.stderr).contains("no program of that name in $PATH"),
        "{}",
        text(&out.stderr)
    );
    let Some(bin) = built(workload()) else { return };
    let stripped = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("uprobes-stripped");
    std::fs::copy(bin, &stripped).unwrap();
    assert!(
        Command::new("strip")
            .arg(&stripped)
            .status()
            .unwrap()
            .success()
    );
    let script = format!(
        r#"probe process("{}").function("add") {{}}"#,
        stripped.display()
    );
    let err = text(&rstap(&["-p2", "-e", &script]).stderr);
    assert!(err.contains("is stripped"), "{err}");
    // Its USDT notes survive stripping.
    let script = format!(
        r#"probe process("{}").mark("step") {{}}"#,
        stripped.display()
    );
    assert!(rstap(&["-p2", "-e", &script]).status.success());
}

#[test]
fn named_parameters_point_to_the_positional_functions() {
    let _guard = support::serial();
    let Some(bin) = built(workload()) else { return };
    let script = format!(
        r#"probe process("{}").function("add") {{ println($a) }}"#,
        bin.display()
    );
    let out = rstap(&["-p2", "-e", &script]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("uint_arg(n)"), "{err}");
}

#[test]
fn listing_functions_and_marks() {
    let _guard = support::serial();
    let Some(bin) = built(workload()) else { return };
    let p = bin.display();
    let out = rstap(&["-l", &format!(r#"process("{p}").function("*")"#)]);
    let listed = ok(&out);
    for f in ["add", "negate", "main"] {
        assert!(
            listed
                .lines()
                .any(|l| l == format!(r#"process("{p}").function("{f}")"#)),
            "{listed}"
        );
    }
    let out = rstap(&["-L", &format!(r#"process("{p}").mark("*")"#)]);
    assert_eq!(
        ok(&out),
        format!(
            "process(\"{p}\").mark(\"done\") $arg1:long\n\
             process(\"{p}\").mark(\"gated\") $arg1:long\n\
             process(\"{p}\").mark(\"step\") $arg1:long $arg2:long\n"
        )
    );
    let out = rstap(&["-L", &format!(r#"process("{p}").function("add").return"#)]);
    assert_eq!(
        ok(&out),
        format!("process(\"{p}\").function(\"add\").return $return:long\n")
    );
}

#[test]
fn dwarf_parameters_by_name() {
    let _guard = support::serial();
    let Some(bin) = built(dwarf_workload()) else {
        return;
    };
    let p = bin.display();
    let out = rstap(&["-L", &format!(r#"process("{p}").function("*")"#)]);
    let listed = ok(&out);
    for want in [
        format!("process(\"{p}\").function(\"add\") $a:int $b:int"),
        format!("process(\"{p}\").function(\"negate\") $v:long int"),
    ] {
        assert!(listed.lines().any(|l| l == want), "{want}\n{listed}");
    }
    let out = rstap(&["-L", &format!(r#"process("{p}").function("main")"#)]);
    assert_eq!(
        ok(&out),
        format!("process(\"{p}\").function(\"main\") $argc:int $argv:char**\n")
    );
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return;
    }
    let script = r#"
probe process("./workload").function("add") { printf("%d+%d\n", $a, $b) }
probe process("./workload").function("negate") { printf("v=%d\n", $v) }
"#;
    let out = rstap_in(bin.parent().unwrap(), &["-e", script, "-c", "./workload 3"]);
    assert_eq!(ok(&out), "1+10\n2+20\n3+30\nv=66\n");
}

#[test]
fn return_values_take_their_c_type_from_dwarf() {
    let _guard = support::serial();
    let Some(dwarf) = built(dwarf_workload()) else {
        return;
    };
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return;
    }
    // sub(3, 10) returns the int -7: DWARF says 32 signed bits; without DWARF $return is
    // the whole register, where the int sits zero-extended.
    let script =
        r#"probe process("./workload").function("sub").return { printf("%d\n", $return) }"#;
    let out = rstap_in(
        dwarf.parent().unwrap(),
        &["-e", script, "-c", "./workload 1"],
    );
    assert_eq!(ok(&out), "-7\n");
    let Some(plain) = live() else { return };
    let out = rstap_in(
        plain.parent().unwrap(),
        &["-e", script, "-c", "./workload 1"],
    );
    assert_eq!(ok(&out), format!("{}\n", (-7i32) as u32));
}

fn entry_workload() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| c_workload_with("entry", "entry-dwarf/entry", &["-g", "-O1"]))
        .as_ref()
}

#[test]
fn entry_values_give_latency_arguments_and_survive_recursion() {
    let _guard = support::serial();
    if live().is_none() {
        return;
    }
    let Some(bin) = built(entry_workload()) else {
        return;
    };
    let dir = bin.parent().unwrap();
    // nap(ms) sleeps ms milliseconds: the latency measured from @entry is at least that,
    // and (on an idle machine) not much more; the parameter read at entry by name.
    let out = rstap_in(
        dir,
        &[
            "-e",
            r#"probe process("./entry").function("nap").return {
                   printf("%d %d %d\n", @entry($ms), $return, gettimeofday_us() - @entry(gettimeofday_us()))
               }"#,
            "-c",
            "./entry 3",
        ],
    );
    let stdout = ok(&out);
    let rows: Vec<Vec<i64>> = stdout
        .lines()
        .map(|l| l.split(' ').map(|v| v.parse().unwrap()).collect())
        .collect();
    assert_eq!(rows.len(), 3, "{stdout}");
    for (i, row) in rows.iter().enumerate() {
        let ms = 20 * (i as i64 + 1);
        assert_eq!(row[..2], [ms, ms], "{stdout}");
        assert!(
            (ms * 1000..ms * 1000 + 200_000).contains(&row[2]),
            "latency of nap({ms}): {} us",
            row[2]
        );
    }
    // fact(5) recurses: each return pairs with its own call (keyed by stack frame).
    let out = rstap_in(
        dir,
        &[
            "-e",
            r#"probe process("./entry").function("fact").return { printf("fact(%d)=%d\n", @entry(int_arg(1)), $return) }"#,
            "-c",
            "./entry 0",
        ],
    );
    assert_eq!(
        ok(&out),
        "fact(1)=1\nfact(2)=2\nfact(3)=6\nfact(4)=24\nfact(5)=120\n"
    );
}

/// Two marks of two arguments each (`DTRACE_PROBE2`), traced with `.mark()`: both
/// arguments of both, as the workload passed them.
#[test]
fn two_usdt_marks_of_two_arguments() {
    let _guard = support::serial();
    if live().is_none() {
        return;
    }
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    let Some(bin) = built(
        BIN.get_or_init(|| c_workload_with("usdt2", "usdt2/usdt2", &["-O2"]))
            .as_ref(),
    ) else {
        return;
    };
    let script = r#"
probe process("./usdt2").mark("request") { printf("request %d %d\n", $arg1, $arg2) }
probe process("./usdt2").mark("reply") { printf("reply %d %d\n", $arg1, $arg2) }
"#;
    let out = rstap_in(bin.parent().unwrap(), &["-e", script, "-c", "./usdt2 3"]);
    assert_eq!(
        ok(&out),
        "request 1 100\nreply 1 -1\nrequest 2 200\nreply 2 -2\nrequest 3 300\nreply 3 -3\n"
    );
}
