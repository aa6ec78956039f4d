//! Live tests of user stacks and user symbols (`print_ubacktrace()`, `ubacktrace()`,
//! `ucallers()`, `usymname()`...), on `tests/workload/ustack.c` built here with and
//! without frame pointers: `main` calls `outer`, which calls `middle`, which calls
//! `leaf`. Tests run one at a time: a probe on the workload fires in every process
//! running it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

mod support;
use support::{c_workload_with, is_root, ok, rstap_in, text};

fn with_frame_pointers() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| {
        c_workload_with(
            "ustack",
            "ustack-fp/ustack",
            &["-O1", "-fno-omit-frame-pointer", "-fPIE", "-pie"],
        )
    })
    .as_ref()
}

fn without_frame_pointers() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| {
        c_workload_with(
            "ustack",
            "ustack-nofp/ustack",
            &["-O1", "-fomit-frame-pointer"],
        )
    })
    .as_ref()
}

/// The workload, when this test can trace it (root and a C compiler).
fn live(bin: Option<&'static PathBuf>) -> Option<&'static PathBuf> {
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return None;
    }
    if bin.is_none() {
        eprintln!("skipped: cc cannot build the workload");
    }
    bin
}

/// The function names of `print_ubacktrace()` lines (` 0xADDR : NAME+0xOFF/0xSIZE
/// [PATH]`), checking each line's shape and that it names `path` or the C library.
fn frame_names(block: &str, path: &Path) -> Vec<String> {
    block
        .lines()
        .map(|line| {
            let (address, rest) = line
                .strip_prefix(" 0x")
                .and_then(|l| l.split_once(" : "))
                .unwrap_or_else(|| panic!("not a frame line: {line:?}"));
            assert!(u64::from_str_radix(address, 16).is_ok(), "{line:?}");
            let (symbol, module) = rest.split_once(" [").expect("a module");
            let module = module.strip_suffix(']').expect("closing bracket");
            assert!(
                module == path.to_str().unwrap() || module.contains("libc.so"),
                "frame in an unexpected module: {line:?}"
            );
            let (name, sizes) = symbol.split_once('+').expect("an offset");
            assert!(sizes.starts_with("0x") && sizes.contains("/0x"), "{line:?}");
            name.to_string()
        })
        .collect()
}

#[test]
fn print_ubacktrace_names_each_caller_of_the_probed_function() {
    let _guard = support::serial();
    let Some(bin) = live(with_frame_pointers()) else {
        return;
    };
    let out = rstap_in(
        bin.parent().unwrap(),
        &[
            "-e",
            r#"probe process("./ustack").function("leaf") { print_ubacktrace(); println("--") }"#,
            "-c",
            "./ustack 3",
        ],
    );
    let stdout = ok(&out);
    let blocks: Vec<&str> = stdout.split("--\n").filter(|b| !b.is_empty()).collect();
    assert_eq!(blocks.len(), 3, "one stack per call:\n{stdout}");
    for block in blocks {
        let names = frame_names(block, bin);
        // The caller at the function's entry (`middle`) comes from the top of the
        // stack, the rest from the frame-pointer chain.
        assert_eq!(names[..4], ["leaf", "middle", "outer", "main"], "{stdout}");
        assert!(
            block.lines().next().unwrap().contains(" : leaf+0x0/"),
            "{stdout}"
        );
    }
}

#[test]
fn stacks_collected_in_probes_print_after_the_process_exited() {
    let _guard = support::serial();
    let Some(bin) = live(with_frame_pointers()) else {
        return;
    };
    // The workload exits long before the end probe prints; it calls leaf right before
    // exiting, so its memory map may be gone before rstap reads the first event, and
    // the frames resolve through the build ids the kernel recorded.
    let script = r#"global s
        probe process("./ustack").function("leaf") { s[ubacktrace()] <<< 1 }
        probe end {
            foreach (k in s) {
                print_ustack(k)
                printf("calls %d\n%s\n", @count(s[k]), sprint_ustack(k))
            }
        }"#;
    for _ in 0..3 {
        let out = rstap_in(bin.parent().unwrap(), &["-e", script, "-c", "./ustack 1"]);
        let stdout = ok(&out);
        let (stack, rest) = stdout.split_once("calls ").expect("one stack");
        assert_eq!(
            frame_names(stack, bin)[..4],
            ["leaf", "middle", "outer", "main"]
        );
        assert!(rest.starts_with("1\n"), "{stdout}");
        // sprint_ustack gives the same lines.
        assert!(rest.ends_with(&format!("\n{stack}\n")), "{stdout}");
    }
}

#[test]
fn stacks_without_frame_pointers_stop_at_the_first_frame_that_is_not_code() {
    let _guard = support::serial();
    let Some(bin) = live(without_frame_pointers()) else {
        return;
    };
    let out = rstap_in(
        bin.parent().unwrap(),
        &[
            "-e",
            r#"probe process("./ustack").function("leaf") { print_ubacktrace(); println("--") }"#,
            "-c",
            "./ustack 2",
        ],
    );
    let stdout = ok(&out);
    let blocks: Vec<&str> = stdout.split("--\n").filter(|b| !b.is_empty()).collect();
    assert_eq!(blocks.len(), 2, "{stdout}");
    for block in blocks {
        // The probed function and its caller are certain; after them the walk follows
        // whatever the stack holds, and only frames inside the program's code are
        // printed (each line checked by frame_names).
        let names = frame_names(block, bin);
        assert_eq!(names[..2], ["leaf", "middle"], "{stdout}");
    }
}

#[test]
fn user_symbols_callers_and_hex_stacks_agree() {
    let _guard = support::serial();
    let Some(bin) = live(with_frame_pointers()) else {
        return;
    };
    let script = r#"probe process("./ustack").function("leaf") {
            printf("%s|%s|%s\n", usymname(uaddr()), umodname(uaddr()), usymdata(uaddr()))
            printf("%s\n%s\n", ubacktrace(), ucallers(1))
            printf("[%s]\n", sprint_ubacktrace())
            print_ubacktrace_brief()
        }
        probe begin { printf("begin [%s] [%s] %d\n", ubacktrace(), sprint_ubacktrace(), uaddr()) }"#;
    let out = rstap_in(bin.parent().unwrap(), &["-e", script, "-c", "./ustack 1"]);
    let stdout = ok(&out);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "begin [] [] 0");
    let path = bin.to_str().unwrap();
    let [name, module, data]: [&str; 3] =
        lines[1].split('|').collect::<Vec<_>>().try_into().unwrap();
    assert_eq!((name, module), ("leaf", "ustack"));
    assert!(
        data.starts_with("leaf+0x0/0x") && data.ends_with(&format!(" [{path}]")),
        "{data}"
    );
    let hex: Vec<&str> = lines[2].split(' ').collect();
    assert!(
        hex.len() >= 4 && hex.iter().all(|a| a.starts_with("0x")),
        "{stdout}"
    );
    assert_eq!(
        lines[3],
        hex[..2].join(" "),
        "ucallers(1) is the first two levels"
    );
    assert_eq!(lines[4], "[leaf+0x0 [ustack]");
    assert!(
        lines[5].starts_with("middle+0x") && lines[5].ends_with(" [ustack]"),
        "{stdout}"
    );
    assert!(lines[6].starts_with("outer+0x"), "{stdout}");
    // print_ubacktrace_brief: names and offsets only.
    assert!(stdout.contains("]\nleaf+0x0\nmiddle+0x"), "{stdout}");
}

#[test]
fn ucallers_beyond_the_stack_is_an_error_and_syscall_probes_see_the_c_library() {
    let _guard = support::serial();
    let Some(bin) = live(with_frame_pointers()) else {
        return;
    };
    let out = rstap_in(
        bin.parent().unwrap(),
        &[
            "-e",
            r#"probe process("./ustack").function("leaf") { printf("%s\n", ucallers(30)) }"#,
            "-c",
            "./ustack 1",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("ERROR: cannot unwind the user stack to level 30"),
        "{}",
        text(&out.stderr)
    );
    // The workload's one write(2) is its report on stderr, from the C library.
    let out = rstap_in(
        bin.parent().unwrap(),
        &[
            "-e",
            r#"probe syscall.write { if (pid() == target()) { print_ubacktrace(); printf("at %s\n", umodname(uaddr())) } }"#,
            "-c",
            "./ustack 1",
        ],
    );
    let stdout = ok(&out);
    let first = stdout.lines().next().unwrap_or_default();
    assert!(
        first.contains("write") && first.contains("libc.so"),
        "{stdout}"
    );
    assert!(stdout.contains("\nat libc.so"), "{stdout}");
}

/// `tests/workload/rwork.rs`, built with frame pointers by the rustc on PATH.
fn rust_workload() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/workload/rwork.rs");
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ustack-rust/rwork");
        std::fs::create_dir_all(out.parent().unwrap()).ok()?;
        let ok = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
            .args(["-O", "-C", "force-frame-pointers=yes", "-o"])
            .arg(&out)
            .arg(&src)
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(out)
    })
    .as_ref()
}

#[test]
fn rust_stacks_are_demangled_and_the_entry_caller_appears_once() {
    let _guard = support::serial();
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return;
    }
    let Some(bin) = rust_workload() else {
        eprintln!("skipped: rustc cannot build the workload");
        return;
    };
    let out = rstap_in(
        bin.parent().unwrap(),
        &[
            "-e",
            r#"probe process("./rwork").function("*5rwork4leaf*") { print_ubacktrace(); printf("%s\n", ucallers(1)) }"#,
            "-c",
            "./rwork 1",
        ],
    );
    let stdout = ok(&out);
    let lines: Vec<&str> = stdout.lines().collect();
    let names: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.split_once(" : ")?.1.split_once('+').map(|(n, _)| n))
        .collect();
    // The compiler's own frames follow main; the caller of the probed function is
    // listed once, whether the kernel or rstap found it.
    assert_eq!(
        names[..3],
        ["rwork::leaf", "rwork::middle", "rwork::main"],
        "{stdout}"
    );
    let first_two: Vec<&str> = lines
        .iter()
        .take(2)
        .filter_map(|l| l.trim_start().split(' ').next())
        .collect();
    assert_eq!(lines.last().copied(), Some(first_two.join(" ").as_str()));
}

/// `-d FILE`: frames of a program that is neither probed nor still running resolve in
/// FILE by build id. rstap is stopped while the workload runs and exits, so no memory
/// map of it can be read when its events arrive: without -d its frames stay addresses.
#[test]
fn d_resolves_frames_of_programs_that_exited_unseen() {
    let _guard = support::serial();
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    let bin = BIN.get_or_init(|| {
        c_workload_with(
            "dsym",
            "dsym/rstap-dsym",
            // -O0: every function, leaf included, keeps its frame pointer.
            &["-O0", "-fno-omit-frame-pointer"],
        )
    });
    let Some(bin) = live(bin.as_ref()) else {
        return;
    };
    let script = r#"global s
        probe kernel.trace("syscalls:sys_enter_getppid") {
            if (execname() == "rstap-dsym") s[ubacktrace()] <<< 1
        }
        probe end { foreach (k in s) { print_ustack(k) printf("calls %d\n", @count(s[k])) } }"#;
    let run = |extra: &[&str]| -> String {
        let mut args = vec!["-T", "1"];
        args.extend_from_slice(extra);
        args.extend(["-e", script]);
        let child = support::start_tracing(&args);
        let pid = child.id().to_string();
        let signal = |sig: &str| {
            assert!(
                Command::new("kill")
                    .args([sig, &pid])
                    .status()
                    .unwrap()
                    .success()
            );
        };
        signal("-STOP");
        // SIGSTOP wakes one thread (here the main thread, which only waits for the
        // session's thread), and that one stops the others once it runs: until then
        // the session's thread may still read the workload's memory map.
        wait_until_stopped(child.id());
        for _ in 0..2 {
            assert!(Command::new(bin).status().unwrap().success());
        }
        signal("-CONT");
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0));
        text(&o.stdout)
    };
    let file = bin.to_str().unwrap();
    let resolved = run(&["-d", file]);
    let stacks: Vec<&str> = resolved.split_terminator("calls 1\n").collect();
    assert_eq!(stacks.len(), 2, "one stack per run:\n{resolved}");
    for stack in stacks {
        assert_eq!(
            frame_names(stack, bin)[..3],
            ["leaf", "middle", "main"],
            "{resolved}"
        );
    }
    // The same without -d: the program's own frames cannot be named.
    let unresolved = run(&[]);
    assert_eq!(unresolved.matches("calls 1\n").count(), 2, "{unresolved}");
    assert!(!unresolved.contains("leaf+"), "{unresolved}");
}

/// Waits until every thread of `pid` is stopped (`T`, or `t` under a tracer, in its
/// stat line).
fn wait_until_stopped(pid: u32) {
    let all_stopped = || {
        let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).unwrap();
        tasks.flatten().all(|t| {
            let stat = std::fs::read_to_string(t.path().join("stat")).unwrap_or_default();
            // The state follows the command name, which is in parentheses.
            stat.rsplit_once(") ")
                .is_some_and(|(_, rest)| rest.starts_with(['T', 't']))
        })
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !all_stopped() {
        assert!(
            std::time::Instant::now() < deadline,
            "rstap {pid} did not stop"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}
