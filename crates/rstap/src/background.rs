//! Background (`-F`) sessions, `rstap ps` and `rstap kill`.
//!
//! `rstap -F ...` re-executes this rstap with the same options plus
//! `--background-child`, in a new session (setsid) with its standard streams on pipes
//! to the foreground rstap. The child compiles, loads and attaches exactly as a
//! foreground run would; the foreground copies its diagnostics to stderr. Once every
//! probe is live (the begin probes have run) the child records itself in the run
//! directory, says `ready` on its stdout and puts its standard streams on /dev/null;
//! the foreground then prints the child's pid alone on a line and exits 0. If the child
//! ends before that, the foreground exits with its status (1 after a compile or attach
//! error, with the same diagnostics a foreground run prints) and nothing keeps running.
//!
//! The run directory is `$RSTAP_RUN_DIR`, else `/run/rstap`. Each background session
//! keeps `PID.json` there (see [`SessionState`]) from its start until it ends.

use std::io::{Read, Write};
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The environment variable naming the run directory.
pub const RUN_DIR_ENV: &str = "RSTAP_RUN_DIR";
pub const DEFAULT_RUN_DIR: &str = "/run/rstap";
/// The hidden option that marks the detached process.
pub const CHILD_FLAG: &str = "--background-child";
/// What the detached process writes on its stdout once every probe is live.
const READY: &[u8] = b"ready\n";
/// How long `rstap kill` waits for a session to end.
const KILL_WAIT: Duration = Duration::from_secs(10);

pub fn run_dir() -> PathBuf {
    match std::env::var_os(RUN_DIR_ENV) {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(DEFAULT_RUN_DIR),
    }
}

/// `RUN_DIR/PID.json`: what `rstap ps` shows of a background session.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SessionState {
    pub pid: i32,
    /// `starting` until every probe is live, then `running`.
    pub state: String,
    /// The script file (absolute), `-e '...'`, `-` (standard input) or the session file.
    pub script: String,
    /// Probe points of the session.
    pub probes: usize,
    /// Start time, in seconds since the epoch.
    pub started: u64,
    /// The process's start time in clock ticks after boot (`/proc/PID/stat` field 22):
    /// tells the session from an unrelated process that got the same pid later.
    pub proc_start: u64,
    /// The output file (the first one with -S).
    pub output: String,
    /// `--metrics` address, if any.
    pub metrics: Option<String>,
    /// The first failure to write the output (tracing goes on regardless).
    pub output_error: Option<String>,
}

/// Field 22 of `/proc/PID/stat`, and whether the process is a zombie.
fn proc_start(pid: &str) -> Option<(u64, bool)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let zombie = matches!(fields.first(), Some(&"Z") | Some(&"X"));
    Some((fields.get(19)?.parse().ok()?, zombie))
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn state_path(dir: &Path, pid: i32) -> PathBuf {
    dir.join(format!("{pid}.json"))
}

/// Writes `state` atomically (a reader never sees half a file).
fn write_state(dir: &Path, state: &SessionState) -> std::io::Result<()> {
    let path = state_path(dir, state.pid);
    let tmp = dir.join(format!(".{}.json.tmp", state.pid));
    let text = serde_json::to_string_pretty(state).map_err(std::io::Error::other)?;
    std::fs::write(&tmp, text + "\n")?;
    std::fs::rename(&tmp, &path)
}

/// The `-e` text or file name as `rstap ps` shows it.
pub fn describe_script(source: &crate::config::ScriptSource) -> String {
    use crate::config::ScriptSource;
    match source {
        ScriptSource::File(p) => absolute(p).display().to_string(),
        ScriptSource::Stdin => "-".to_string(),
        ScriptSource::Text(t) => {
            let one_line: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
            let short: String = one_line.chars().take(40).collect();
            if short.len() < one_line.len() {
                format!("-e '{short}...'")
            } else {
                format!("-e '{short}'")
            }
        }
    }
}

/// `p` from the current directory (without resolving links).
pub fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The default output of a background session started without `-o`.
pub fn default_output() -> PathBuf {
    absolute(&run_dir().join(format!("{}.out", std::process::id())))
}

/// The detached process's record in the run directory, from its setup until it ends
/// (the file is removed when this is dropped).
pub struct Detached {
    dir: PathBuf,
    state: Mutex<SessionState>,
    /// Set once the standard streams are gone (see [`Detached::running`]).
    detached: Arc<AtomicBool>,
}

impl Detached {
    /// Creates the run directory and records the session as starting.
    pub fn register(
        script: String,
        probes: usize,
        output: &Path,
        metrics: Option<std::net::SocketAddr>,
    ) -> Result<Detached, String> {
        let dir = absolute(&run_dir());
        std::fs::create_dir_all(&dir).map_err(|e| {
            format!(
                "cannot create the run directory '{}': {e} (set {RUN_DIR_ENV} to a writable directory)",
                dir.display()
            )
        })?;
        let pid = std::process::id() as i32;
        let state = SessionState {
            pid,
            state: "starting".into(),
            script,
            probes,
            started: now_secs(),
            proc_start: proc_start("self").map_or(0, |p| p.0),
            output: output.display().to_string(),
            metrics: metrics.map(|m| m.to_string()),
            output_error: None,
        };
        write_state(&dir, &state).map_err(|e| {
            format!(
                "cannot write '{}': {e} (set {RUN_DIR_ENV} to a writable directory)",
                state_path(&dir, pid).display()
            )
        })?;
        Ok(Detached {
            dir,
            state: Mutex::new(state),
            detached: Arc::new(AtomicBool::new(false)),
        })
    }

    /// Set once the session has let go of its standard streams: from then on its
    /// warnings and errors belong in the output file.
    pub fn detached_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.detached)
    }

    fn update(&self, change: impl FnOnce(&mut SessionState)) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        change(&mut s);
        // The session goes on even if its record cannot be updated.
        let _ = write_state(&self.dir, &s);
    }

    /// Notes the first output failure in the state file.
    pub fn note_output_error(&self, e: &std::io::Error) {
        let text = e.to_string();
        self.update(|s| s.output_error = Some(text));
    }

    /// Every probe is live: record it, tell the foreground rstap, and let go of its
    /// pipes and of the current directory.
    pub fn running(&self) {
        use std::os::fd::AsFd;
        self.update(|s| s.state = "running".into());
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        // The standard streams go to /dev/null before the foreground hears `ready` (on
        // a copy of the pipe), so once it has, nothing of this process holds them.
        let pipe = std::io::stdout().as_fd().try_clone_to_owned();
        self.detached.store(true, Ordering::Relaxed);
        let _ = rstap_sys::daemon::stdio_to_null();
        let _ = std::env::set_current_dir("/");
        if let Ok(pipe) = pipe {
            // The foreground may be gone (interrupted): the session runs on regardless.
            let _ = std::fs::File::from(pipe).write_all(READY);
        }
    }
}

impl Drop for Detached {
    fn drop(&mut self) {
        let pid = self.state.lock().map_or(0, |s| s.pid);
        let _ = std::fs::remove_file(state_path(&self.dir, pid));
    }
}

/// In the detached process, first thing: no descriptors but its standard streams, a
/// session of its own (no terminal, so no hangup from it) and SIGHUP ignored.
pub fn become_detached() {
    rstap_sys::daemon::close_inherited_fds();
    let _ = rstap_sys::daemon::setsid();
    // A handler that does nothing replaces SIGHUP's default action (exit).
    let _ =
        signal_hook::flag::register(rstap_sys::daemon::SIGHUP, Arc::new(AtomicBool::new(false)));
}

/// The foreground side of `-F`: starts the detached rstap with `args` (this rstap's
/// arguments without the program name) and waits for it to be ready or to fail.
/// `stdin_script`: the script or session file comes from standard input, which is
/// handed over to the child.
pub fn start(args: &[String], stdin_script: bool) -> u8 {
    use std::process::{Command, Stdio};
    let mut child_args = args.to_vec();
    let at = usize::from(child_args.first().map(String::as_str) == Some("run"));
    child_args.insert(at, CHILD_FLAG.to_string());
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!(
                "error[C0003]: cannot find the rstap executable to start in the background: {e}"
            );
            return 1;
        }
    };
    let mut stdin_text = Vec::new();
    if stdin_script && let Err(e) = std::io::stdin().read_to_end(&mut stdin_text) {
        eprintln!("error[C0003]: cannot read the script from standard input: {e}");
        return 1;
    }
    let spawned = Command::new(exe)
        .args(&child_args)
        .stdin(if stdin_script {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error[C0003]: cannot start the background session: {e}");
            return 1;
        }
    };
    if let Some(mut input) = child.stdin.take() {
        // A child that fails before reading it reports why on stderr.
        std::thread::spawn(move || {
            let _ = input.write_all(&stdin_text);
        });
    }
    let (Some(mut out), Some(mut err)) = (child.stdout.take(), child.stderr.take()) else {
        return 1;
    };
    // Ctrl-C (or SIGTERM) while the session starts cancels it.
    let cancel = Arc::new(AtomicBool::new(false));
    for sig in [rstap_sys::daemon::SIGINT, rstap_sys::daemon::SIGTERM] {
        let _ = signal_hook::flag::register(sig, Arc::clone(&cancel));
    }
    let mut said = Vec::new();
    let (mut out_open, mut err_open) = (true, true);
    let mut buf = [0u8; 8192];
    let mut stderr = std::io::stderr();
    let mut ready = false;
    while (out_open || err_open) && !ready {
        let mut fds = Vec::new();
        if out_open {
            fds.push(out.as_fd());
        }
        if err_open {
            fds.push(err.as_fd());
        }
        if cancel.load(Ordering::Relaxed) {
            // A session already running ends the way `rstap kill` ends it.
            let _ = rstap_sys::daemon::send_signal(child.id() as i32, rstap_sys::daemon::SIGTERM);
            let _ = child.wait();
            eprintln!("error[C0003]: interrupted: the background session was not started");
            return 1;
        }
        let Ok(readable) = rstap_sys::daemon::poll_readable(&fds, 100) else {
            break;
        };
        let mut i = 0;
        if out_open {
            if readable[i] {
                match out.read(&mut buf) {
                    Ok(0) | Err(_) => out_open = false,
                    Ok(n) => said.extend_from_slice(&buf[..n]),
                }
                ready = said.windows(READY.len()).any(|w| w == READY);
            }
            i += 1;
        }
        if err_open && readable[i] {
            match err.read(&mut buf) {
                Ok(0) | Err(_) => err_open = false,
                Ok(n) => {
                    let _ = stderr.write_all(&buf[..n]);
                }
            }
        }
    }
    if ready {
        // Whatever the child wrote on stderr before it was ready is in the pipe now.
        while err_open {
            match rstap_sys::daemon::poll_readable(&[err.as_fd()], 0) {
                Ok(r) if r[0] => match err.read(&mut buf) {
                    Ok(0) | Err(_) => err_open = false,
                    Ok(n) => {
                        let _ = stderr.write_all(&buf[..n]);
                    }
                },
                _ => break,
            }
        }
        println!("{}", child.id());
        return 0;
    }
    // The child ended before it was ready: its status is ours.
    match child.wait() {
        Ok(st) => st.code().map_or(1, |c| c.clamp(0, 255) as u8),
        Err(_) => 1,
    }
}

/// The background sessions recorded in the run directory, sorted by pid; records of
/// processes that are gone are removed.
pub fn live_sessions() -> Vec<SessionState> {
    let dir = run_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        let Some(pid) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".json"))
            .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .map(str::to_string)
        else {
            continue;
        };
        let state: Option<SessionState> = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok());
        let alive = match (&state, proc_start(&pid)) {
            (Some(s), Some((start, zombie))) => {
                !zombie && (s.proc_start == 0 || s.proc_start == start)
            }
            _ => false,
        };
        match state {
            Some(s) if alive => out.push(s),
            // Stale: the process is gone (or the pid belongs to another one now).
            _ => {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    out.sort_by_key(|s| s.pid);
    out
}

/// `[[D-]HH:]MM:SS`, as ps(1) shows elapsed time.
pub fn format_uptime(secs: u64) -> String {
    let (d, h, m, s) = (secs / 86400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    if d > 0 {
        format!("{d}-{h:02}:{m:02}:{s:02}")
    } else if h > 0 {
        format!("{h:02}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// `rstap ps`: the running background sessions.
pub fn ps(args: &[String]) -> u8 {
    if let Some(a) = args.first() {
        eprintln!("error[C0001]: 'rstap ps' takes no arguments (got '{a}')");
        return 1;
    }
    let sessions = live_sessions();
    let now = now_secs();
    let rows: Vec<[String; 5]> = sessions
        .iter()
        .map(|s| {
            [
                s.pid.to_string(),
                s.script.clone(),
                s.probes.to_string(),
                format_uptime(now.saturating_sub(s.started)),
                s.output.clone(),
            ]
        })
        .collect();
    let header = ["ID", "SCRIPT", "PROBES", "UPTIME", "OUTPUT"].map(str::to_string);
    let mut widths = [0usize; 5];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut text = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, (c, w)) in row.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(&format!("{c:<w$}"));
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    let _ = std::io::stdout().write_all(text.as_bytes());
    0
}

/// `rstap kill ID`: SIGTERM to a background session (its end probes run), then wait for
/// it to end.
pub fn kill(args: &[String]) -> u8 {
    let [id] = args else {
        eprintln!("error[C0001]: 'rstap kill' takes one session ID");
        eprintln!("  = help: 'rstap ps' lists the running sessions and their IDs");
        return 1;
    };
    let Some(session) = id
        .parse::<i32>()
        .ok()
        .and_then(|pid| live_sessions().into_iter().find(|s| s.pid == pid))
    else {
        eprintln!(
            "error[C0001]: no background rstap session has ID '{id}' (in {})",
            run_dir().display()
        );
        eprintln!("  = help: 'rstap ps' lists the running sessions and their IDs");
        return 1;
    };
    if let Err(e) = rstap_sys::daemon::send_signal(session.pid, rstap_sys::daemon::SIGTERM) {
        eprintln!("error[C0003]: cannot stop session {}: {e}", session.pid);
        return 1;
    }
    let deadline = std::time::Instant::now() + KILL_WAIT;
    let pid = session.pid.to_string();
    while std::time::Instant::now() < deadline {
        let same = proc_start(&pid).is_some_and(|(start, zombie)| {
            !zombie && (session.proc_start == 0 || start == session.proc_start)
        });
        if !same {
            let _ = std::fs::remove_file(state_path(&run_dir(), session.pid));
            println!("session {} stopped ({})", session.pid, session.script);
            return 0;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    eprintln!(
        "error[C0003]: session {} did not stop within {} seconds of SIGTERM",
        session.pid,
        KILL_WAIT.as_secs()
    );
    eprintln!(
        "  = help: its end probes may still be running; 'kill -KILL {}' ends it at once",
        session.pid
    );
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uptime_like_ps() {
        assert_eq!(format_uptime(5), "00:05");
        assert_eq!(format_uptime(3725), "01:02:05");
        assert_eq!(format_uptime(90061), "1-01:01:01");
    }

    #[test]
    fn this_process_has_a_start_time() {
        let (start, zombie) = proc_start("self").expect("readable");
        assert!(start > 0);
        assert!(!zombie);
        assert!(proc_start("0").is_none());
    }

    #[test]
    fn scripts_as_ps_shows_them() {
        use crate::config::ScriptSource;
        assert_eq!(
            describe_script(&ScriptSource::Text("probe begin {\n exit() }".into())),
            "-e 'probe begin { exit() }'"
        );
        let long = "x".repeat(50);
        assert_eq!(
            describe_script(&ScriptSource::Text(long)),
            format!("-e '{}...'", "x".repeat(40))
        );
        assert_eq!(describe_script(&ScriptSource::Stdin), "-");
        assert!(describe_script(&ScriptSource::File("a.stp".into())).ends_with("/a.stp"));
    }
}
