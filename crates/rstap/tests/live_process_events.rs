//! Live tests of the process events of one program or one process:
//! `process("PATH").begin/.end/.syscall/.syscall.return` and `process(PID)...`, on
//! `tests/workload/ustack.c`, which makes exactly one write(2): its 8-byte report
//! ("total 4\n" for `ustack 1`) on stderr.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

mod support;
use support::{c_workload_with, is_root, ok, rstap_in, text};

fn workload() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| c_workload_with("ustack", "process-events/ustack", &["-O1"]))
        .as_ref()
}

fn live() -> Option<&'static PathBuf> {
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return None;
    }
    let bin = workload();
    if bin.is_none() {
        eprintln!("skipped: cc cannot build the workload");
    }
    bin
}

#[test]
fn program_events_fire_only_in_processes_running_the_program() {
    let _guard = support::serial();
    let Some(bin) = live() else { return };
    let dir = bin.parent().unwrap();
    // The shell and echo write too; only the workload's write is the program's.
    let script = r#"global writes
        probe process("./ustack").begin { printf("begin %d\n", pid() != target()) }
        probe process("./ustack").syscall {
            if ($syscall == 1) { writes++; printf("write(%d, %d)\n", $arg1, $arg3) }
        }
        probe process("./ustack").syscall.return { if ($syscall == 1) printf("-> %d\n", $return) }
        probe process("./ustack").end { printf("end, %d write\n", writes) }"#;
    let out = rstap_in(
        dir,
        &[
            "-e",
            script,
            "-c",
            "/bin/sh -c './ustack 1; /bin/echo done >&2'",
        ],
    );
    // The workload is a child of the shell (pid() != target()); it became the program
    // by exec, which is when its begin fires.
    assert_eq!(
        ok(&out),
        "begin 1\nwrite(2, 8)\n-> 8\nend, 1 write\n",
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn process_pid_events_follow_that_process_through_exec() {
    let _guard = support::serial();
    let Some(bin) = live() else { return };
    let dir = bin.parent().unwrap();
    // A shell that waits, then becomes the workload: the same pid throughout.
    let mut child = Command::new("/bin/sh")
        .arg("-c")
        .arg("sleep 0.5; exec ./ustack 1")
        .current_dir(dir)
        .stderr(Stdio::null())
        .spawn()
        .expect("start the workload");
    let pid = child.id().to_string();
    let script = format!(
        r#"global n
        probe process({pid}).syscall {{ if ($syscall == 1) n++ }}
        probe process({pid}).end {{ printf("%s wrote %d time(s)\n", execname(), n); exit() }}"#
    );
    let out = rstap_in(dir, &["-e", &script, "-x", &pid]);
    let _ = child.wait();
    assert_eq!(ok(&out), "ustack wrote 1 time(s)\n");
}

#[test]
fn listing_names_the_context_systemtap_gives() {
    if live().is_none() {
        return;
    }
    let listed = |args: &[&str]| ok(&support::rstap(args));
    assert_eq!(
        listed(&["-L", "process.syscall"]),
        "process.syscall $syscall:long $arg1:long $arg2:long $arg3:long $arg4:long $arg5:long $arg6:long\n"
    );
    assert_eq!(
        listed(&["-L", "process.syscall.return"]),
        "process.syscall.return $syscall:long $return:long\n"
    );
    // A wildcard over several families lists the ones that resolve (without -c there is
    // no program for process.function and the like).
    let all = listed(&["-l", "process.*"]);
    assert!(all.lines().any(|l| l == "process.begin"), "{all}");
    assert!(all.lines().any(|l| l == "process.end"), "{all}");
}
