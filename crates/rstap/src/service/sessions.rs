//! start, stop and status: background sessions (`rstap run -F`) and their pid files.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::Service;

/// Whether a script runs, from its pid file (`STAT_PATH/NAME`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Running(u32),
    /// No pid file.
    Stopped,
    /// A pid file whose process is gone (or is not rstap).
    Dead,
}

/// Whether `pid` is a live rstap process (not a zombie, not another program that got
/// the number after the session ended).
fn is_live_rstap(pid: u32) -> bool {
    let proc_dir = Path::new("/proc").join(pid.to_string());
    let Ok(stat) = std::fs::read_to_string(proc_dir.join("stat")) else {
        return false;
    };
    // The state follows the parenthesised command name.
    let state = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().next());
    if matches!(state, Some("Z" | "X")) {
        return false;
    }
    std::fs::read(proc_dir.join("cmdline"))
        .map(|c| {
            c.split(|&b| b == 0)
                .any(|arg| String::from_utf8_lossy(arg).contains("rstap"))
        })
        .unwrap_or(false)
}

/// Times SIGTERM is sent before a stop gives up, and how long each waits.
const STOP_TRIES: u32 = 10;
const STOP_WAIT: Duration = Duration::from_secs(1);

impl Service {
    pub(super) fn state(&self, name: &str) -> State {
        let Ok(text) = std::fs::read_to_string(self.settings.pid_file(name)) else {
            return State::Stopped;
        };
        match text.trim().parse::<u32>() {
            Ok(pid) if pid > 0 && is_live_rstap(pid) => State::Running(pid),
            _ => State::Dead,
        }
    }

    /// Scripts that have pid files.
    pub(super) fn scripts_with_pid_files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.settings.stat_path)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .filter(|e| e.path().is_file())
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| rstap_service::scripts::valid_name(n))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    pub(super) fn start(&self, names: &[String]) -> u8 {
        if !self.this_kernel_only("start") {
            return 1;
        }
        let (selection, recursive) = if names.is_empty() {
            let default = if self.settings.default_start.is_empty() {
                self.all_scripts()
            } else {
                self.settings.default_start.clone()
            };
            (default, true)
        } else {
            (names.to_vec(), self.recursive())
        };
        if selection.is_empty() {
            self.note(&format!(
                "no scripts to start in {}",
                self.settings.script_path.display()
            ));
            return 0;
        }
        let Some(order) = self.order(&selection, recursive) else {
            return 1;
        };
        let mut failures: BTreeMap<String, String> = BTreeMap::new();
        for name in &order {
            let blocked = self
                .settings
                .script_requires(name)
                .into_iter()
                .find_map(|dep| {
                    if let Some(why) = failures.get(&dep) {
                        return Some(format!("it requires {dep}, which failed: {why}"));
                    }
                    let covered = recursive || selection.contains(&dep);
                    if !covered && !matches!(self.state(&dep), State::Running(_)) {
                        return Some(format!(
                            "it requires {dep}, which is not running (start it first, or use -R)"
                        ));
                    }
                    None
                });
            let result = match blocked {
                Some(why) => Err(why),
                None => self.start_one(name),
            };
            if let Err(why) = result {
                self.problem(&format!("{name} not started: {why}"));
                failures.insert(name.clone(), why);
            }
        }
        self.outcome("start", &failures, order.len())
    }

    fn start_one(&self, name: &str) -> Result<(), String> {
        self.known(name)?;
        match self.state(name) {
            State::Running(pid) => {
                self.note(&format!("{name} is already running (pid {pid})"));
                return Ok(());
            }
            State::Dead => {
                let _ = std::fs::remove_file(self.settings.pid_file(name));
            }
            State::Stopped => {}
        }
        let options = rstap_service::options::split(&self.settings.script_options(name));
        let session = self.ensure_compiled(name, &options)?;
        let mut run_options = options.run.clone();
        let output = match &options.output {
            Some(o) => std::path::PathBuf::from(o),
            None => {
                let o = self.settings.default_output(name);
                run_options.splice(0..0, ["-o".to_string(), o.display().to_string()]);
                o
            }
        };
        if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                format!("cannot create the output directory {}: {e}", dir.display())
            })?;
        }
        std::fs::create_dir_all(&self.settings.stat_path).map_err(|e| {
            format!(
                "cannot create STAT_PATH {}: {e}",
                self.settings.stat_path.display()
            )
        })?;
        let run = Command::new(&self.rstap)
            .arg("run")
            .arg("-F")
            .args(&run_options)
            .arg(&session)
            .output()
            .map_err(|e| format!("cannot run {}: {e}", self.rstap.display()))?;
        let stdout = String::from_utf8_lossy(&run.stdout);
        let stderr = String::from_utf8_lossy(&run.stderr);
        let pid = stdout.trim().parse::<u32>().ok().filter(|&p| p > 0);
        let pid = match (run.status.success(), pid) {
            (true, Some(pid)) => pid,
            _ => {
                eprint!("{stderr}");
                let first = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                return Err(format!(
                    "its session did not start ({}){}",
                    run.status,
                    if first.is_empty() {
                        String::new()
                    } else {
                        format!(": {first}")
                    }
                ));
            }
        };
        std::fs::write(self.settings.pid_file(name), format!("{pid}\n")).map_err(|e| {
            let _ = rstap_sys::service_os::terminate(pid);
            format!(
                "cannot write its pid file {}: {e} (the session was stopped)",
                self.settings.pid_file(name).display()
            )
        })?;
        self.note(&format!(
            "started {name} (pid {pid}, output {})",
            output.display()
        ));
        Ok(())
    }

    pub(super) fn stop(&self, names: &[String]) -> u8 {
        let (selection, recursive) = if names.is_empty() {
            (self.scripts_with_pid_files(), false)
        } else {
            for n in names {
                if !rstap_service::scripts::valid_name(n) {
                    self.problem(&format!("'{n}' is not a valid script name"));
                    return 1;
                }
            }
            (names.to_vec(), self.recursive())
        };
        let Some(mut order) = self.order(&selection, recursive) else {
            return 1;
        };
        order.reverse();
        let mut failures = BTreeMap::new();
        for name in &order {
            if let Err(why) = self.stop_one(name) {
                self.problem(&format!("{name} not stopped: {why}"));
                failures.insert(name.clone(), why);
            }
        }
        self.outcome("stop", &failures, order.len())
    }

    fn stop_one(&self, name: &str) -> Result<(), String> {
        let pid_file = self.settings.pid_file(name);
        let pid = match self.state(name) {
            State::Stopped => {
                self.note(&format!("{name} is not running"));
                return Ok(());
            }
            State::Dead => {
                let _ = std::fs::remove_file(&pid_file);
                self.note(&format!(
                    "{name} was not running (removed its stale pid file)"
                ));
                return Ok(());
            }
            State::Running(pid) => pid,
        };
        for _ in 0..STOP_TRIES {
            if let Err(e) = rstap_sys::service_os::terminate(pid) {
                return Err(format!("cannot signal pid {pid}: {e}"));
            }
            let deadline = Instant::now() + STOP_WAIT;
            while Instant::now() < deadline {
                if !is_live_rstap(pid) {
                    let _ = std::fs::remove_file(&pid_file);
                    self.note(&format!("stopped {name} (pid {pid})"));
                    return Ok(());
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        Err(format!(
            "pid {pid} still runs after {STOP_TRIES} SIGTERMs over {} s",
            STOP_TRIES as u64 * STOP_WAIT.as_secs()
        ))
    }

    pub(super) fn status(&self, names: &[String]) -> u8 {
        let names = if names.is_empty() {
            self.scripts_with_pid_files()
        } else {
            names.to_vec()
        };
        if names.is_empty() {
            println!("No rstap scripts are running");
            return 3;
        }
        let describe = |state: State| match state {
            State::Running(_) => "running",
            State::Stopped => "stopped",
            State::Dead => "dead",
        };
        let mut code = 0;
        for name in &names {
            let state = self.state(name);
            let (line, rc) = match state {
                State::Running(pid) => (format!("{name}({pid}) is running..."), 0),
                State::Stopped => (format!("{name} is stopped"), 3),
                State::Dead => (
                    format!(
                        "{name} is dead, but its pid file {} remains",
                        self.settings.pid_file(name).display()
                    ),
                    1,
                ),
            };
            println!("{line}");
            if code == 0 {
                code = rc;
            }
            let requires = self.settings.script_requires(name);
            if !requires.is_empty() {
                let deps: Vec<String> = requires
                    .iter()
                    .map(|d| format!("{d} ({})", describe(self.state(d))))
                    .collect();
                println!("  requires {}", deps.join(", "));
            }
        }
        code
    }
}
