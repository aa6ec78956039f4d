//! Helpers shared by the black-box test files.
#![allow(dead_code)]

use std::process::{Command, Output};

/// Runs the `rstap` binary without colours.
pub fn rstap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run rstap")
}

/// Runs the `rstap` binary without colours in `dir` (where scripts name their workload
/// `./NAME`).
pub fn rstap_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run rstap")
}

/// Starts rstap with `args` and waits for its start notice (every probe is live); its
/// standard output stays piped for `wait_with_output`.
pub fn start_tracing(args: &[&str]) -> std::process::Child {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run rstap");
    let mut err = std::io::BufReader::new(child.stderr.take().expect("stderr piped"));
    let mut line = String::new();
    err.read_line(&mut line).expect("read the start notice");
    assert!(line.starts_with("Tracing "), "no start notice: {line:?}");
    child
}

/// The standard output of a run that must have succeeded.
pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "rstap failed\nstdout:\n{}\nstderr:\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Whether this process runs as root (tests that load BPF programs skip otherwise).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(2) == Some("0"))
        })
        .unwrap_or(false)
}

/// Compiles `tests/workload/NAME.c` (`-O1`) into `NAME` in the target's temporary
/// directory; `None` when there is no C compiler.
pub fn c_workload(name: &str) -> Option<std::path::PathBuf> {
    c_workload_with(name, name, &["-O1"])
}

/// Compiles `tests/workload/NAME.c` with extra `cc` flags into `OUT` in the target's
/// temporary directory; `None` when it cannot be built (no compiler or header).
pub fn c_workload_with(name: &str, out: &str, flags: &[&str]) -> Option<std::path::PathBuf> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/workload")
        .join(format!("{name}.c"));
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(out);
    if let Some(dir) = out.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let ok = Command::new("cc")
        .args(flags)
        .arg("-o")
        .arg(&out)
        .arg(&src)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    ok.then_some(out)
}

/// Live tests of one test binary run one at a time: many count events system-wide.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// The workload `tests/workload/NAME.c`, built once per test binary, as a command
/// path; `None` (the test is skipped, saying why) without root or a C compiler.
pub fn live_workload(name: &str) -> Option<String> {
    static BUILT: std::sync::Mutex<Vec<(String, Option<std::path::PathBuf>)>> =
        std::sync::Mutex::new(Vec::new());
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return None;
    }
    let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
    let path = match built.iter().find(|(n, _)| n == name) {
        Some((_, p)) => p.clone(),
        None => {
            let p = c_workload(name);
            built.push((name.to_string(), p.clone()));
            p
        }
    };
    match path {
        Some(p) => Some(p.display().to_string()),
        None => {
            eprintln!("skipped: no C compiler to build the workload");
            None
        }
    }
}
