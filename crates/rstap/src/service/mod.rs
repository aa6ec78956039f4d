//! `rstap service COMMAND [OPTIONS] [SCRIPT...]` (also run as `rstap-service`): scripts
//! as managed services, with SystemTap's `systemtap-service` commands, options and
//! configuration. The decisions come from `rstap_service`; this module runs the
//! compiler and the sessions and talks to the user.

mod compile;
mod onboot;
mod sessions;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;
use rstap_service::cache::Identity;
use rstap_service::{Settings, deps};

/// The environment variable naming the configuration file when `-c` does not.
pub const CONFIG_ENV: &str = "RSTAP_SERVICE_CONFIG";

const HELP: &str = "\
Commands:
  start      Start the scripts (default: DEFAULT_START, or every script), each after the
             scripts it requires (NAME_REQ). With -R or RECURSIVE=yes, or when no script
             is named, required scripts are started too; otherwise they must be running.
             A script whose requirement fails is not started. Each script is compiled
             first unless the cache holds a valid session for it.
  stop       Stop the scripts (default: every running one), in reverse dependency order.
  restart    stop, then start.
  status     Show whether each script (default: every one with a pid file) runs, and
             the state of the scripts it requires.
  compile    Compile the scripts (default: all) into the cache, for this kernel or the
             one of -r.
  onboot     Start the scripts at boot: install the systemd units rstap@.service (for
             the named scripts, one enabled instance each) or rstap.service (no script
             named: the DEFAULT_START scripts) and enable them. rstap needs no initramfs
             (dracut) module: a session is BPF programs that rstap loads itself, so the
             scripts start from their compiled sessions when systemd starts the units.
  cleanup    Delete compiled sessions from the cache (asks first, unless -y).
  condrestart, try-restart   Restart the named scripts that are running.
  reload, force-reload       Same as restart.

Options:
  -c CONFIG_FILE    Configuration file (default $RSTAP_SERVICE_CONFIG, else
                    /etc/rstap/config).
  -R                Start (or stop) the required scripts too.
  -r KREL           Compile for kernel release KREL (compile, onboot, cleanup). rstap
                    needs that kernel's vmlinux BTF: --kernel-btf FILE, else
                    BTF_PATH/KREL (a copy of /sys/kernel/btf/vmlinux of that kernel).
  --kernel-btf FILE The vmlinux BTF of the kernel of -r.
  -y                Answer yes to questions (cleanup).
  -o PATH           onboot: write the units into the directory PATH instead of
                    /etc/systemd/system, and enable nothing.
  -b                Refused: it backs up the initramfs in SystemTap, and rstap writes none.

Configuration (shell assignments NAME=value, NAME=\"value\", # comments; other shell is
refused with its line):
  SCRIPT_PATH=/etc/rstap/script.d   the scripts, NAME.stp (NAME: [a-zA-Z_][a-zA-Z0-9_]*)
  CONFIG_PATH=/etc/rstap/conf.d     *.conf files, read after the configuration file,
                                    setting NAME_OPT (rstap options of NAME) and
                                    NAME_REQ (scripts NAME requires)
  CACHE_PATH=/var/cache/rstap       compiled sessions: CACHE_PATH/KREL/NAME.rstap and
                                    NAME.opts (kernel identity and options)
  STAT_PATH=/var/run/rstap/service  pid files: STAT_PATH/NAME
  OUTPUT_PATH=/var/log/rstap        output of scripts without -o: OUTPUT_PATH/NAME.out
  TEMP_PATH=/tmp                    compile directories
  LOG_FILE=/var/log/rstap.log       one line per step, dated like date \"+%b %e %T\"
  BTF_PATH=/etc/rstap/btf           kernel BTF files for -r: BTF_PATH/KREL
  PASSALL=yes        fail when one script fails (no: warn and go on)
  RECURSIVE=no       as -R
  AUTOCOMPILE=yes    compile when the cache is out of date (no: fail instead)
  DEFAULT_START=     scripts that start without names (empty: all)
  ALLOW_CACHEONLY=no start scripts that exist only as compiled sessions in the cache
  LOG_BOOT_ERR=no    accepted; boot-time errors go to LOG_FILE and the journal
Booleans take y, Y, yes, 1 or n, N, no, 0.

NAME_OPT: the compile ignores -p -m -r -c -x -e -o -S (with their arguments) and
-h -V -k -F; the run takes -c, -x, -o, -S and --metrics. The cache is recompiled when the
script is newer, the compile options changed, or the kernel (release or BTF) or rstap
changed.

Exit status: 0 success; 1 failure (status: a script is dead but its pid file exists);
2 bad options; 3 unknown command (status: a script is stopped).";

#[derive(Parser, Debug)]
#[command(
    name = "rstap service",
    disable_version_flag = true,
    about = "Run rstap scripts as services (SystemTap's systemtap-service)",
    override_usage = "rstap service COMMAND [OPTIONS] [SCRIPT...]\n       rstap-service COMMAND [OPTIONS] [SCRIPT...]",
    after_long_help = HELP,
    after_help = "Commands: start stop restart status compile onboot cleanup condrestart try-restart reload force-reload.\n'rstap service --help' describes them and the configuration."
)]
struct ServiceArgs {
    /// Configuration file.
    #[arg(short = 'c', value_name = "CONFIG_FILE")]
    config: Option<PathBuf>,
    /// Start or stop the required scripts too.
    #[arg(short = 'R')]
    recursive: bool,
    /// Kernel release to compile for.
    #[arg(short = 'r', value_name = "KREL")]
    release: Option<String>,
    /// The vmlinux BTF of the kernel of -r.
    #[arg(long = "kernel-btf", value_name = "FILE")]
    kernel_btf: Option<PathBuf>,
    /// Assume yes.
    #[arg(short = 'y')]
    yes: bool,
    /// onboot: write the units into this directory.
    #[arg(short = 'o', value_name = "PATH")]
    output: Option<PathBuf>,
    /// Back up the initramfs (refused: rstap writes none).
    #[arg(short = 'b')]
    backup: bool,
    /// The command.
    #[arg(value_name = "COMMAND")]
    command: Option<String>,
    /// Scripts (names in SCRIPT_PATH).
    #[arg(value_name = "SCRIPT")]
    scripts: Vec<String>,
}

const COMMANDS: &[&str] = &[
    "start",
    "stop",
    "restart",
    "status",
    "compile",
    "onboot",
    "cleanup",
    "condrestart",
    "try-restart",
    "reload",
    "force-reload",
];

fn usage_line() -> String {
    format!(
        "Usage: rstap service {{{}}} [OPTIONS] [SCRIPT...]\nTry 'rstap service --help' for more information.",
        COMMANDS.join("|")
    )
}

/// Runs `rstap service` with the arguments after `service` (`argv0` names the command).
pub fn main(argv0: &str, args: &[String]) -> ExitCode {
    let parsed = match ServiceArgs::try_parse_from(
        std::iter::once(argv0).chain(args.iter().map(String::as_str)),
    ) {
        Ok(a) => a,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(2);
        }
    };
    let Some(command) = parsed.command.clone() else {
        eprintln!("{}", usage_line());
        return ExitCode::from(3);
    };
    if !COMMANDS.contains(&command.as_str()) {
        eprintln!("error: unknown command '{command}'");
        eprintln!("{}", usage_line());
        return ExitCode::from(3);
    }
    if parsed.backup {
        eprintln!(
            "error: -b backs up the initramfs before SystemTap rebuilds it; rstap's onboot installs systemd units and writes no initramfs, so there is nothing to back up"
        );
        eprintln!("  = help: leave out -b");
        return ExitCode::from(2);
    }
    if parsed.output.is_some() && command != "onboot" {
        eprintln!("error: -o PATH is for onboot (where to write the systemd units)");
        return ExitCode::from(2);
    }
    let explicit = parsed
        .config
        .clone()
        .or_else(|| std::env::var_os(CONFIG_ENV).map(PathBuf::from));
    let config_file = explicit
        .clone()
        .unwrap_or_else(|| PathBuf::from(rstap_service::settings::DEFAULT_CONFIG));
    let settings = match Settings::load(&config_file, explicit.is_some()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let (release, btf) = rstap_runtime::session_file::kernel_identity();
    let rstap = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("rstap"));
    let svc = Service {
        identity: Identity {
            rstap_version: env!("CARGO_PKG_VERSION").to_string(),
            kernel_release: release,
            kernel_btf: btf,
        },
        settings,
        explicit_config: explicit,
        rstap,
        args: parsed,
    };
    let code = match command.as_str() {
        "start" => svc.start(&svc.args.scripts),
        "stop" => svc.stop(&svc.args.scripts),
        "restart" | "reload" | "force-reload" => svc.restart(&svc.args.scripts),
        "condrestart" | "try-restart" => svc.condrestart(&svc.args.scripts),
        "status" => svc.status(&svc.args.scripts),
        "compile" => svc.compile(&svc.args.scripts),
        "onboot" => svc.onboot(&svc.args.scripts),
        "cleanup" => svc.cleanup(&svc.args.scripts),
        _ => unreachable!("checked against COMMANDS"),
    };
    ExitCode::from(code)
}

/// One `rstap service` command's context.
struct Service {
    settings: Settings,
    /// The configuration named by -c or the environment (passed on to the units).
    explicit_config: Option<PathBuf>,
    /// This kernel and rstap.
    identity: Identity,
    /// This binary, which compiles and runs the sessions.
    rstap: PathBuf,
    args: ServiceArgs,
}

impl Service {
    /// Prints a step and logs it.
    fn note(&self, message: &str) {
        println!("{message}");
        self.log(message);
    }

    /// Prints a failure on stderr and logs it.
    fn problem(&self, message: &str) {
        eprintln!("error: {message}");
        self.log(&format!("error: {message}"));
    }

    fn warn(&self, message: &str) {
        eprintln!("warning: {message}");
        self.log(&format!("warning: {message}"));
    }

    fn log(&self, message: &str) {
        let (month, day, hour, minute, second) = rstap_sys::service_os::local_time_now();
        let t = rstap_service::log::LocalTime {
            month,
            day,
            hour,
            minute,
            second,
        };
        if let Err(e) = rstap_service::log::append(&self.settings.log_file, t, message) {
            eprintln!(
                "warning: cannot write the log file {}: {e}",
                self.settings.log_file.display()
            );
        }
    }

    /// `SCRIPT_PATH/NAME.stp`, if it exists.
    fn script_file(&self, name: &str) -> Option<PathBuf> {
        let p = self.settings.script_path.join(format!("{name}.stp"));
        p.is_file().then_some(p)
    }

    /// The scripts of SCRIPT_PATH, plus (with ALLOW_CACHEONLY) those only in the cache.
    fn all_scripts(&self) -> Vec<String> {
        let found = rstap_service::scripts::find(&self.settings.script_path, "stp");
        for bad in &found.ignored {
            self.warn(&format!(
                "{} is not a service script: names are letters, digits and _, not starting with a digit",
                bad.display()
            ));
        }
        let mut names = found.names;
        if self.settings.allow_cacheonly {
            let cached = rstap_service::scripts::find(
                &self.settings.cache_dir(&self.identity.kernel_release),
                rstap_service::cache::SESSION_EXT,
            );
            for n in cached.names {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            names.sort();
        }
        names
    }

    /// Whether `name` can be started: its script exists (or, with ALLOW_CACHEONLY, its
    /// compiled session).
    fn known(&self, name: &str) -> Result<(), String> {
        if !rstap_service::scripts::valid_name(name) {
            return Err(format!(
                "'{name}' is not a valid script name: letters, digits and _, not starting with a digit"
            ));
        }
        if self.script_file(name).is_some() {
            return Ok(());
        }
        let cached = rstap_service::cache::Entry::new(
            &self.settings.cache_dir(&self.identity.kernel_release),
            name,
        );
        if self.settings.allow_cacheonly && cached.session.is_file() {
            return Ok(());
        }
        Err(format!(
            "there is no script {name}.stp in {}{}",
            self.settings.script_path.display(),
            if self.settings.allow_cacheonly {
                format!(
                    ", nor a compiled session in {}",
                    cached.session.parent().unwrap_or(Path::new("")).display()
                )
            } else {
                String::new()
            }
        ))
    }

    /// Checks names given on the command line; reports each bad one.
    fn check_names(&self, names: &[String]) -> bool {
        let mut ok = true;
        for n in names {
            if let Err(e) = self.known(n) {
                self.problem(&e);
                ok = false;
            }
        }
        ok
    }

    fn recursive(&self) -> bool {
        self.args.recursive || self.settings.recursive
    }

    fn requires(&self) -> impl Fn(&str) -> Vec<String> + '_ {
        |name| self.settings.script_requires(name)
    }

    /// The order of `names` with dependencies (reported on a loop).
    fn order(&self, names: &[String], recursive: bool) -> Option<Vec<String>> {
        match deps::start_order(names, &self.requires(), recursive) {
            Ok(o) => Some(o),
            Err(e) => {
                self.problem(&e.to_string());
                None
            }
        }
    }

    /// -r on a command that runs scripts must name this kernel.
    fn this_kernel_only(&self, command: &str) -> bool {
        match &self.args.release {
            Some(r) if *r != self.identity.kernel_release => {
                self.problem(&format!(
                    "{command} runs scripts on this kernel ({}); -r {r} is for compile, onboot and cleanup",
                    self.identity.kernel_release
                ));
                false
            }
            _ => true,
        }
    }

    /// The exit status of a command over several scripts: with PASSALL any failure
    /// fails it; without, failures are warnings.
    fn outcome(&self, what: &str, failures: &BTreeMap<String, String>, total: usize) -> u8 {
        if failures.is_empty() {
            return 0;
        }
        if self.settings.passall {
            1
        } else {
            self.warn(&format!(
                "{} of {total} scripts failed to {what} (PASSALL=no: not an error)",
                failures.len()
            ));
            0
        }
    }

    fn restart(&self, names: &[String]) -> u8 {
        let stopped = self.stop(names);
        let started = self.start(names);
        if started != 0 { started } else { stopped }
    }

    /// Restarts those of `names` (default: all with pid files) that are running.
    fn condrestart(&self, names: &[String]) -> u8 {
        let candidates = if names.is_empty() {
            self.scripts_with_pid_files()
        } else {
            names.to_vec()
        };
        let running: Vec<String> = candidates
            .into_iter()
            .filter(|n| matches!(self.state(n), sessions::State::Running(_)))
            .collect();
        if running.is_empty() {
            return 0;
        }
        self.restart(&running)
    }
}
