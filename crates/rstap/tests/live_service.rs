//! `rstap service` in a temporary prefix with its own configuration (named by
//! `RSTAP_SERVICE_CONFIG`): scripts with tracepoint probes started, stopped and
//! restarted with their dependencies, a failing dependency, the compile cache and the
//! log. The live tests need root and a C compiler (for the workload) and say so when
//! skipped; the others run anywhere.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use support::{c_workload_with, is_root, serial, text};

/// A service prefix: configuration, scripts, cache, pid files, output and log in one
/// temporary directory.
struct Prefix {
    dir: PathBuf,
    config: PathBuf,
}

impl Prefix {
    fn new(tag: &str, extra_config: &str) -> Prefix {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("service-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("script.d")).unwrap();
        std::fs::create_dir_all(dir.join("conf.d")).unwrap();
        let config = dir.join("config");
        let p = Prefix { dir, config };
        p.configure(extra_config);
        p
    }

    /// Rewrites the configuration file: the prefix's paths, then `extra`.
    fn configure(&self, extra: &str) {
        let d = self.dir.display();
        std::fs::write(
            &self.config,
            format!(
                "# rstap service test prefix\n\
                 SCRIPT_PATH={d}/script.d\n\
                 CONFIG_PATH={d}/conf.d\n\
                 CACHE_PATH=\"{d}/cache\"\n\
                 STAT_PATH={d}/stat\n\
                 OUTPUT_PATH={d}/out\n\
                 TEMP_PATH={d}\n\
                 LOG_FILE=$TEMP_PATH/rstap.log\n\
                 {extra}\n"
            ),
        )
        .unwrap();
    }

    fn script(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.join("script.d").join(format!("{name}.stp"));
        std::fs::write(&p, text).unwrap();
        p
    }

    fn conf(&self, name: &str, text: &str) {
        std::fs::write(self.dir.join("conf.d").join(format!("{name}.conf")), text).unwrap();
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_rstap"));
        c.arg("service")
            .args(args)
            .env("RSTAP_SERVICE_CONFIG", &self.config)
            .env("RSTAP_RUN_DIR", self.dir.join("run"))
            .env("NO_COLOR", "1");
        c
    }

    fn svc(&self, args: &[&str]) -> Output {
        self.command(args).stdin(Stdio::null()).output().unwrap()
    }

    /// Runs a command that must succeed; returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let o = self.svc(args);
        assert_eq!(
            o.status.code(),
            Some(0),
            "rstap service {args:?}\nstdout:\n{}\nstderr:\n{}\nlog:\n{}",
            text(&o.stdout),
            text(&o.stderr),
            self.log()
        );
        text(&o.stdout)
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("rstap.log")).unwrap_or_default()
    }

    /// Log lines without their date prefix, each checked to have one.
    fn log_steps(&self) -> Vec<String> {
        self.log()
            .lines()
            .map(|l| {
                // "Mar  5 14:03:07: message"
                let (date, msg) = l.split_at(15);
                let b = date.as_bytes();
                assert!(
                    b[..3].iter().all(u8::is_ascii_alphabetic)
                        && b[3] == b' '
                        && (b[4] == b' ' || b[4].is_ascii_digit())
                        && b[5].is_ascii_digit()
                        && &date[6..7] == " "
                        && date[7..].bytes().filter(|&c| c == b':').count() == 2,
                    "bad log date in {l:?}"
                );
                msg.strip_prefix(": ")
                    .expect("': ' after the date")
                    .to_string()
            })
            .collect()
    }

    fn count_steps(&self, prefix: &str) -> usize {
        self.log_steps()
            .iter()
            .filter(|s| s.starts_with(prefix))
            .count()
    }

    fn cached_sessions(&self) -> Vec<String> {
        let mut names = Vec::new();
        for rel in std::fs::read_dir(self.dir.join("cache"))
            .into_iter()
            .flatten()
        {
            for f in std::fs::read_dir(rel.unwrap().path()).into_iter().flatten() {
                names.push(f.unwrap().file_name().to_string_lossy().into_owned());
            }
        }
        names.sort();
        names
    }

    fn pid_files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.join("stat"))
            .into_iter()
            .flatten()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Prefix {
    fn drop(&mut self) {
        // Whatever a failed assertion left running.
        let _ = self.svc(&["stop"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The workload under a name of its own, so that its getppid() calls are told apart
/// from any other process's: (path, comm).
fn workload() -> Option<(PathBuf, &'static str)> {
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return None;
    }
    static BUILT: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let built = BUILT
        .get_or_init(|| c_workload_with("workload", "svcwork", &["-O1"]))
        .clone();
    if built.is_none() {
        eprintln!("skipped: no C compiler to build the workload");
    }
    built.map(|p| (p, "svcwork"))
}

fn run_workload(path: &Path, calls: u32) {
    let st = Command::new(path)
        .args(["getppid", &calls.to_string()])
        .status()
        .unwrap();
    assert!(st.success());
}

/// Counts the workload's getppid() calls; prints the count when the session ends.
fn counting_script(label: &str, comm: &str) -> String {
    format!(
        "global n\n\
         probe kernel.trace(\"syscalls:sys_enter_getppid\") {{ if (execname() == \"{comm}\") n++ }}\n\
         probe end {{ printf(\"{label} saw %d\\n\", n) }}\n"
    )
}

fn position(steps: &[String], step: &str) -> usize {
    steps
        .iter()
        .position(|s| s.starts_with(step))
        .unwrap_or_else(|| panic!("no step {step:?} in the log:\n{}", steps.join("\n")))
}

#[test]
fn start_follows_dependencies_status_shows_them_and_stop_reverses() {
    let _g = serial();
    let Some((work, comm)) = workload() else {
        return;
    };
    let p = Prefix::new("deps", "RECURSIVE=yes");
    p.script("a", &counting_script("a", comm));
    p.script("b", &counting_script("b", comm));
    p.conf("a", "# a needs b\na_REQ=b\n");

    let out = p.ok(&["start", "a"]);
    assert!(out.contains("started b (pid "), "{out}");
    assert!(out.contains("started a (pid "), "{out}");
    let steps = p.log_steps();
    assert!(position(&steps, "started b") < position(&steps, "started a"));
    assert_eq!(p.pid_files(), ["a", "b"]);

    let status = p.ok(&["status"]);
    let lines: Vec<&str> = status.lines().collect();
    assert_eq!(lines.len(), 3, "{status}");
    assert!(
        lines[0].starts_with("a(") && lines[0].ends_with(") is running..."),
        "{status}"
    );
    assert_eq!(lines[1], "  requires b (running)");
    assert!(
        lines[2].starts_with("b(") && lines[2].ends_with(") is running..."),
        "{status}"
    );

    run_workload(&work, 1234);
    let out = p.ok(&["stop"]);
    assert!(
        out.contains("stopped a (pid") && out.contains("stopped b (pid"),
        "{out}"
    );
    let steps = p.log_steps();
    assert!(position(&steps, "stopped a") < position(&steps, "stopped b"));
    assert!(p.pid_files().is_empty());
    // The end probes ran on SIGTERM and wrote each script's output file.
    let output = |n: &str| std::fs::read_to_string(p.dir.join(format!("out/{n}.out"))).unwrap();
    assert_eq!(output("a"), "a saw 1234\n");
    assert_eq!(output("b"), "b saw 1234\n");

    let o = p.svc(&["status"]);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(text(&o.stdout), "No rstap scripts are running\n");
    let o = p.svc(&["status", "a"]);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(text(&o.stdout), "a is stopped\n  requires b (stopped)\n");
}

#[test]
fn a_failing_dependency_keeps_its_dependents_stopped() {
    let _g = serial();
    let Some((_, comm)) = workload() else { return };
    let p = Prefix::new("broken", "RECURSIVE=yes");
    p.script("a", &counting_script("a", comm));
    p.script(
        "b",
        "probe kernel.trace(\"syscalls:sys_enter_getppid\") { n++ \n",
    );
    p.conf("a", "a_REQ=b\n");
    let o = p.svc(&["start", "a"]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: b not started: compile error: "),
        "{err}"
    );
    assert!(
        err.contains("error: a not started: it requires b, which failed: compile error: "),
        "{err}"
    );
    assert!(p.pid_files().is_empty());
    assert_eq!(p.count_steps("compiling a"), 0, "{}", p.log());
    assert_eq!(p.count_steps("error: a not started: it requires b"), 1);

    // Without recursion, a requirement that is not running stops the start too.
    p.configure("RECURSIVE=no");
    p.script("b", &counting_script("b", comm));
    let o = p.svc(&["start", "a"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains(
            "error: a not started: it requires b, which is not running (start it first, or use -R)"
        ),
        "{}",
        text(&o.stderr)
    );
    // With PASSALL=no the same failure is a warning.
    p.configure("RECURSIVE=no\nPASSALL=no");
    let o = p.svc(&["start", "a"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        text(&o.stderr).contains("warning: 1 of 1 scripts failed to start"),
        "{}",
        text(&o.stderr)
    );
    // -R starts it.
    p.ok(&["start", "-R", "a"]);
    assert_eq!(p.pid_files(), ["a", "b"]);
    p.ok(&["stop"]);
}

#[test]
fn the_compile_cache_is_reused_until_the_script_or_its_options_change() {
    let _g = serial();
    let Some((work, comm)) = workload() else {
        return;
    };
    let p = Prefix::new("cache", "");
    let script = p.script("a", &counting_script("a", comm));
    let compiles = || p.count_steps("compiling a for kernel");

    p.ok(&["compile", "a"]);
    assert_eq!(compiles(), 1);
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap();
    let opts =
        std::fs::read_to_string(p.dir.join(format!("cache/{}/a.opts", release.trim()))).unwrap();
    assert!(
        opts.starts_with(&format!(
            "rstap {} kernel {} btf ",
            env!("CARGO_PKG_VERSION"),
            release.trim()
        )),
        "{opts}"
    );

    // compile then start: no compilation.
    p.ok(&["start", "a"]);
    assert_eq!(compiles(), 1, "{}", p.log());
    assert_eq!(p.count_steps("using cached a"), 1);
    // restart: the session is replaced, still from the cache.
    let pid = std::fs::read_to_string(p.dir.join("stat/a")).unwrap();
    p.ok(&["restart", "a"]);
    let new_pid = std::fs::read_to_string(p.dir.join("stat/a")).unwrap();
    assert_ne!(pid, new_pid);
    assert_eq!(compiles(), 1);
    run_workload(&work, 321);
    p.ok(&["stop", "a"]);
    assert_eq!(
        std::fs::read_to_string(p.dir.join("out/a.out")).unwrap(),
        "a saw 321\n"
    );

    // A touched script: one compilation.
    std::fs::File::options()
        .write(true)
        .open(&script)
        .unwrap()
        .set_modified(std::time::SystemTime::now())
        .unwrap();
    p.ok(&["start", "a"]);
    assert_eq!(compiles(), 2, "{}", p.log());
    assert!(
        p.log().contains("compiling a for kernel")
            && p.log()
                .contains("(the script changed since it was compiled)")
    );
    p.ok(&["stop", "a"]);
    p.ok(&["start", "a"]);
    assert_eq!(compiles(), 2);
    p.ok(&["stop", "a"]);

    // Other compile options: one compilation; options of the run alone: none.
    p.conf("a", "a_OPT=\"-w -o $OUTPUT_PATH/other.out\"\n");
    p.ok(&["start", "a"]);
    assert_eq!(compiles(), 3, "{}", p.log());
    assert!(
        p.log().contains("(compiled with options ``, now `-w`)"),
        "{}",
        p.log()
    );
    run_workload(&work, 5);
    p.ok(&["stop", "a"]);
    assert_eq!(
        std::fs::read_to_string(p.dir.join("out/other.out")).unwrap(),
        "a saw 5\n"
    );
    p.conf("a", "a_OPT=\"-w\"\n");
    p.ok(&["start", "a"]);
    assert_eq!(compiles(), 3);
    p.ok(&["stop", "a"]);

    // Compiled for another kernel build (its BTF differs): one compilation.
    let opts_file = p.dir.join(format!("cache/{}/a.opts", release.trim()));
    let opts = std::fs::read_to_string(&opts_file).unwrap();
    let (identity, options) = opts.split_once('\n').unwrap();
    let (before_btf, _) = identity.rsplit_once(' ').unwrap();
    std::fs::write(
        &opts_file,
        format!("{before_btf} 0000000000000000\n{options}"),
    )
    .unwrap();
    p.ok(&["start", "a"]);
    assert_eq!(compiles(), 4, "{}", p.log());
    assert!(
        p.log()
            .contains("btf 0000000000000000`, but this is `rstap"),
        "{}",
        p.log()
    );
    p.ok(&["stop", "a"]);

    // AUTOCOMPILE=no with an out-of-date cache fails, saying what to do.
    p.configure("AUTOCOMPILE=no");
    p.conf("a", "a_OPT=\"-w -u\"\n");
    let o = p.svc(&["start", "a"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("AUTOCOMPILE is off: run 'rstap service compile a'"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(compiles(), 4);

    // cleanup asks first; "n" keeps the cache, -y empties it.
    assert_eq!(p.cached_sessions(), ["a.opts", "a.rstap"]);
    let mut child = p
        .command(&["cleanup"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"n\n").unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(
        text(&o.stdout).contains("Delete 1 compiled session(s)"),
        "{}",
        text(&o.stdout)
    );
    assert!(text(&o.stdout).contains("Nothing deleted."));
    assert_eq!(p.cached_sessions().len(), 2);
    p.ok(&["cleanup", "-y"]);
    assert!(p.cached_sessions().is_empty());
    assert!(p.log().contains("cleanup: deleted 1 compiled session(s)"));
}

// ---- Without root: commands that start nothing. ----

#[test]
fn unknown_commands_bad_options_and_configuration_errors() {
    let p = Prefix::new("errors", "");
    let o = p.svc(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        text(&o.stderr)
            .contains("Usage: rstap service {start|stop|restart|status|compile|onboot|cleanup|")
    );
    let o = p.svc(&[]);
    assert_eq!(o.status.code(), Some(3));
    let o = p.svc(&["start", "-Z"]);
    assert_eq!(o.status.code(), Some(2));
    let o = p.svc(&["onboot", "-b"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("writes no initramfs"),
        "{}",
        text(&o.stderr)
    );

    p.conf("x", "x_REQ=y\nif [ -e /x ]; then x_OPT=-w; fi\n");
    let o = p.svc(&["status"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        format!(
            "error: {}:2: cannot interpret `if [ -e /x ]; then x_OPT=-w; fi`: only assignments NAME=value (with optional quotes) and # comments are understood; rstap does not run configuration files as shell\n",
            p.dir.join("conf.d/x.conf").display()
        )
    );
    p.conf("x", "x_REQ=y\ny_REQ=\"z x\"\n");
    p.script("x", "probe begin {}");
    p.script("y", "probe begin {}");
    p.script("z", "probe begin {}");
    let o = p.svc(&["start", "x", "-R"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stderr), "error: Dependency loop detected on x\n");
    let o = p.svc(&["start", "no-such"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("'no-such' is not a valid script name"),
        "{}",
        text(&o.stderr)
    );

    // -c names the configuration instead of the environment; it must exist.
    let o = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args(["service", "status", "-c", "/nonexistent/config"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("/nonexistent/config: cannot read the configuration file"));
}

#[test]
fn onboot_writes_systemd_units_and_the_command_runs_as_rstap_service() {
    let p = Prefix::new("onboot", "");
    p.script("hello", "probe begin { println(\"hello\") }");
    let units = p.dir.join("units");
    let out = p.ok(&["onboot", "-o", units.to_str().unwrap(), "hello"]);
    assert!(
        out.contains("systemctl enable rstap@hello.service"),
        "{out}"
    );
    let unit = std::fs::read_to_string(units.join("rstap@.service")).unwrap();
    let rstap = env!("CARGO_BIN_EXE_rstap");
    let config = p.config.display();
    assert!(
        unit.contains(&format!("ExecStart={rstap} service start -c {config} %i\n")),
        "{unit}"
    );
    assert!(
        unit.contains(&format!("ExecStop={rstap} service stop -c {config} %i\n")),
        "{unit}"
    );
    // The session was compiled for boot.
    assert_eq!(p.cached_sessions(), ["hello.opts", "hello.rstap"]);
    p.ok(&["onboot", "-o", units.to_str().unwrap()]);
    let all = std::fs::read_to_string(units.join("rstap.service")).unwrap();
    assert!(
        all.contains(&format!("ExecStart={rstap} service start -c {config}\n")),
        "{all}"
    );

    // A link named rstap-service runs the service command.
    let link = p.dir.join("rstap-service");
    std::os::unix::fs::symlink(rstap, &link).unwrap();
    let o = Command::new(&link)
        .args(["status", "hello"])
        .env("RSTAP_SERVICE_CONFIG", &p.config)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(text(&o.stdout), "hello is stopped\n");
    let o = Command::new(&link).arg("--help").output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(
        text(&o.stdout).contains("needs no initramfs"),
        "{}",
        text(&o.stdout)
    );
}
