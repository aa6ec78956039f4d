//! Live tests of kernel stacks and symbols: profiles of busy CPUs folded and drawn as
//! flame graphs, exact stack counts at a tracepoint, the stack functions checked against
//! each other, and lost stacks reported. They drive `tests/workload/workload.c` (built
//! here with `cc`) and need root; without it each test says so and passes.

use std::path::PathBuf;

mod support;
use support::{rstap, serial, text};

/// The workload command path, or `None` (test skipped) without root or a compiler.
fn setup() -> Option<String> {
    support::live_workload("workload")
}

fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

/// Splits folded lines into (stack, count), checking the format flame graph tools read:
/// `^[^ ]+( [0-9]+)$`.
fn folded_lines(folded: &str) -> Vec<(String, u64)> {
    folded
        .lines()
        .map(|line| {
            let (stack, count) = line
                .rsplit_once(' ')
                .unwrap_or_else(|| panic!("no count in {line:?}"));
            assert!(
                !stack.is_empty() && !stack.contains(' '),
                "bad stack in {line:?}"
            );
            assert!(
                !count.is_empty() && count.bytes().all(|b| b.is_ascii_digit()),
                "bad count in {line:?}"
            );
            (stack.to_string(), count.parse().unwrap())
        })
        .collect()
}

/// Both CPUs spin in user space while a third process makes system calls: the profile
/// has samples from every CPU, and the system calls' kernel stacks are symbolized in
/// the display of globals, in the folded file and in the flame graph.
#[test]
fn profile_of_busy_cpus_folds_into_symbolized_kernel_stacks() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let folded = scratch("profile.folded");
    let svg = scratch("profile.svg");
    let _ = std::fs::remove_file(&folded);
    let _ = std::fs::remove_file(&svg);
    let script = r#"global s, n
probe timer.profile { n <<< 1; s[cpu(), backtrace()] <<< 1 }
probe end { printf("samples %d\n", @count(n)) }"#;
    let o = rstap(&[
        "--folded",
        folded.to_str().unwrap(),
        "--flamegraph",
        svg.to_str().unwrap(),
        "-e",
        script,
        "-c",
        &format!("sh -c '{w} spin 1500 2 & {w} getppid 3000000; wait'"),
    ]);
    let out = text(&o.stdout);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let samples: u64 = out
        .lines()
        .find_map(|l| l.strip_prefix("samples "))
        .unwrap_or_else(|| panic!("no sample count in {out}"))
        .parse()
        .unwrap();
    // Two CPUs at the profiling tick rate for well over a second.
    assert!(samples > 100, "{samples} samples");

    // The display of `s` shows kernel stacks as SystemTap's frame lines.
    assert!(
        out.lines().any(|l| l.starts_with(" 0xffffffff")
            && l.contains(" : do_syscall_64+0x")
            && l.ends_with(" [kernel]")),
        "{out}"
    );

    let folded = std::fs::read_to_string(&folded).unwrap();
    let lines = folded_lines(&folded);
    assert_eq!(
        lines.iter().map(|(_, c)| c).sum::<u64>(),
        samples,
        "{folded}"
    );
    // The cpu() key is the root frame: samples come from both CPUs.
    for cpu in ["0;", "1;"] {
        assert!(lines.iter().any(|(s, _)| s.starts_with(cpu)), "{folded}");
    }
    // getppid() enters the kernel through do_syscall_64, which calls the system
    // call: the caller is nearer the root.
    assert!(
        lines.iter().any(|(s, _)| s.contains(";do_syscall_64;")),
        "{folded}"
    );
    // Samples of user space have no kernel frames.
    assert!(
        lines.iter().any(|(s, _)| s.ends_with(";[no-kernel-stack]")),
        "{folded}"
    );

    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(svg.starts_with("<?xml"), "{}", &svg[..svg.len().min(200)]);
    assert!(svg.contains("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("do_syscall_64"));
    assert!(svg.contains("rstap: kernel stacks"));
}

/// Every getppid() of the workload passes the same kernel path: its stacks, counted at
/// the tracepoint and folded on standard output, add up to the number of calls.
#[test]
fn tracepoint_stacks_count_every_event_exactly() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"global s
probe kernel.trace("syscalls:sys_enter_getppid") { if (pid() == target()) s[backtrace()] <<< 1 }"#;
    let o = rstap(&[
        "-q",
        "--no-global-var-display",
        "--folded",
        "-e",
        script,
        "-c",
        &format!("{w} getppid 2000"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let lines = folded_lines(&out);
    assert_eq!(lines.iter().map(|(_, c)| c).sum::<u64>(), 2000, "{out}");
    assert!(lines.len() <= 2, "one kernel path expected: {out}");
    for (stack, _) in &lines {
        assert!(stack.contains("do_syscall_64;"), "{stack}");
        assert!(!stack.contains("0x"), "unresolved frames in {stack}");
    }
}

/// The stack functions describe one stack the same way: `callers`, `stack`, `caller`,
/// `print_backtrace`, `sprint_backtrace` and `print_stack` against `backtrace()`.
#[test]
fn stack_functions_agree_with_each_other() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"probe kernel.trace("syscalls:sys_enter_getppid") {
  if (pid() != target()) next
  bt = backtrace()
  printf("bt|%s\ncallers0|%s\ncallers1|%s\nall|%s\n", bt, callers(0), callers(1), callers(-1))
  printf("stack1|0x%x\ncaller|%s\nsymname1|%s\nsymdata1|%s\n", stack(1), caller(), symname(stack(1)), symdata(stack(1)))
  printf("addr|%d %d %s\n", addr(), user_mode(), probefunc())
  println("--print_backtrace")
  print_backtrace()
  println("--print_stack")
  print_stack(bt)
  println("--sprint_backtrace")
  println(sprint_backtrace())
  try { println(callers(100)) } catch (e) { println("error|", e) }
  exit()
}"#;
    let o = rstap(&["-q", "-e", script, "-c", &format!("{w} getppid 3")]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let field = |name: &str| -> String {
        out.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}|")))
            .unwrap_or_else(|| panic!("no {name} in {out}"))
            .to_string()
    };
    let bt = field("bt");
    let frames: Vec<&str> = bt.split(' ').collect();
    assert!(frames.len() >= 3, "{bt}");
    for f in &frames {
        assert!(
            f.starts_with("0xffffffff") && u64::from_str_radix(&f[2..], 16).is_ok(),
            "{bt}"
        );
    }
    assert_eq!(field("callers0"), frames[0]);
    assert_eq!(field("callers1"), frames[..2].join(" "));
    assert_eq!(field("all"), bt);
    assert_eq!(field("stack1"), frames[1]);
    let name = field("symname1");
    assert_eq!(field("caller"), format!("{name} {}", frames[1]));
    let data = field("symdata1");
    assert!(data.starts_with(&format!("{name}+0x")) && data.ends_with(" [kernel]"));
    // A tracepoint has no registers: addr() is 0 and probefunc() symname(0).
    assert_eq!(field("addr"), "0 0 0x0");
    assert_eq!(
        field("error"),
        "cannot unwind the kernel stack to level 100"
    );

    let section = |from: &str, to: &str| -> Vec<String> {
        let start = out.find(from).unwrap() + from.len() + 1;
        let end = start + out[start..].find(to).unwrap();
        out[start..end].lines().map(str::to_string).collect()
    };
    let printed = section("--print_backtrace", "--print_stack");
    assert_eq!(printed.len(), frames.len(), "{out}");
    for (line, f) in printed.iter().zip(&frames) {
        // ` 0xADDR : sym+0xOFF/0xSIZE [kernel]`
        let rest = line
            .strip_prefix(&format!(" {f} : "))
            .unwrap_or_else(|| panic!("{line:?} is not frame {f}"));
        let (sym, module) = rest.split_once(' ').unwrap();
        assert_eq!(module, "[kernel]");
        let (_, size) = sym.split_once('/').unwrap();
        assert!(size.starts_with("0x"), "{line}");
    }
    assert_eq!(printed[1], format!(" {} : {data}", frames[1]));
    assert_eq!(section("--print_stack", "--sprint_backtrace"), printed);
    let simple = section("--sprint_backtrace", "error|");
    assert_eq!(simple.len(), frames.len(), "{out}");
    assert_eq!(
        simple[1],
        data.split('/').next().unwrap().to_string() + " [kernel]"
    );
}

/// With room for one stack only, the other stacks cannot be recorded: they read as
/// empty and the session says how many there were.
#[test]
fn lost_stacks_are_counted_and_reported() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    // The workload's parent waits in wait4 while its child is preempted: two paths
    // into the scheduler at least.
    let script = r#"global s
probe kernel.trace("sched:sched_switch") { s[backtrace()] <<< 1 }"#;
    let o = rstap(&[
        "-q",
        "-D",
        "MAXSTACKS=1",
        "-e",
        script,
        "-c",
        &format!("{w} spin 300 2"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("kernel backtraces could not be recorded")
            && err.contains("MAXSTACKS (now 1)"),
        "{err}"
    );
    // The one recorded stack is symbolized; the others are the empty string.
    let out = text(&o.stdout);
    assert!(out.contains("s[\"\"] @count="), "{out}");
    assert!(out.contains(" : __schedule+0x"), "{out}");
}
