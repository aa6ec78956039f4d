//! Validation of the command line into a [`Config`], with SystemTap's messages.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::options::StapArgs;
use crate::remote::destination::Destination;

/// Where the script text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScriptSource {
    Text(String),
    File(PathBuf),
    Stdin,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum ColorChoice {
    Always,
    Never,
    #[default]
    Auto,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Run(ScriptSource),
    List {
        pattern: String,
        with_vars: bool,
    },
    DumpProbeTypes,
    DumpProbeAliases,
    DumpFunctions,
    Version,
    /// `rstap --remote HOST doctor`.
    Doctor,
}

/// `--remote`: the hosts, and what each remote rstap is told.
#[derive(Clone, Debug)]
pub struct RemotePlan {
    pub hosts: Vec<Destination>,
    /// `--remote-prefix`.
    pub prefix: bool,
    /// `--remote-rstap COMMAND`.
    pub rstap: Option<String>,
    /// The options of a remote `rstap [OPTIONS] -` (see `remote::forward`).
    pub options: Vec<String>,
    /// The options of a remote `rstap run [OPTIONS] -` of a session compiled here.
    pub run_options: Vec<String>,
}

/// Everything the passes need, validated.
#[derive(Clone, Debug)]
pub struct Config {
    pub mode: Mode,
    pub extra_scripts: Vec<String>,
    pub args: Vec<String>,
    pub last_pass: u8,
    /// Verbosity per pass (index 0 = pass 1).
    pub verbose: [u8; 5],
    pub quiet: bool,
    pub no_warnings: bool,
    pub warnings_as_errors: bool,
    pub guru: bool,
    pub unoptimized: bool,
    pub defines: BTreeMap<String, String>,
    pub include_dirs: Vec<PathBuf>,
    pub output: Option<PathBuf>,
    pub command: Option<String>,
    pub target_pid: Option<i32>,
    pub suppress_handler_errors: bool,
    pub skip_badvars: bool,
    pub suppress_time_limits: bool,
    /// `-t` (and `--json`).
    pub timing: Option<rstap_interp::session::TimingFormat>,
    /// `-s N`: the output ring buffer in MiB.
    pub buffer_mb: Option<u32>,
    pub no_global_var_display: bool,
    /// `--folded`: where the folded stacks go.
    pub folded: Option<ProfileOutput>,
    /// `--flamegraph FILE`.
    pub flamegraph: Option<PathBuf>,
    pub compatible: String,
    pub privilege: String,
    pub color: ColorChoice,
    /// `--remote`: run on these hosts instead of here.
    pub remote: Option<RemotePlan>,
    /// `--remote-control`: this rstap was started by another one's `--remote`.
    pub remote_control: bool,
    /// `-F`: run the session in the background (see `crate::background`).
    pub flight_recorder: bool,
    /// This is the detached process of a `-F` session.
    pub background_child: bool,
    /// `-S SIZE[,N]`.
    pub rotate: Option<Rotation>,
    /// `--metrics ADDR:PORT`.
    pub metrics: Option<std::net::SocketAddr>,
    /// `-r KREL --kernel-btf FILE`: compile for that kernel instead of this one.
    pub target_kernel: Option<TargetKernel>,
    /// `-T SECONDS`: end the session after this long.
    pub timeout: Option<std::time::Duration>,
    /// `-m NAME`: the session's name (`-p4` writes `NAME.rstap`).
    pub module_name: Option<String>,
    /// `-G NAME=VALUE`, in command-line order.
    pub set_globals: Vec<crate::set_globals::GlobalSetting>,
    /// `-d OBJ`: the programs and libraries named (canonical paths), whose symbols
    /// resolve user frames by build id (kernel and module names need nothing).
    pub symbol_files: Vec<PathBuf>,
    /// `--ldd`: the shared libraries of those files and of the probed programs too.
    pub ldd: bool,
    /// What the command line changed, to tell the user (stap's `Truncating module name`).
    pub notices: Vec<String>,
}

/// Another kernel to compile for (`-r KREL --kernel-btf FILE`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetKernel {
    pub release: String,
    /// Its vmlinux BTF.
    pub btf: PathBuf,
}

/// The running kernel's release.
fn running_release() -> String {
    std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

/// `-r KREL` and `--kernel-btf FILE`: `-r` naming this kernel changes nothing; another
/// kernel needs its BTF, and its session can only be written (`-p4`), not run here.
fn target_kernel(a: &StapArgs, last_pass: u8) -> Result<Option<TargetKernel>, UsageError> {
    let release = match &a.kernel_release {
        Some(r) if r.starts_with('/') => {
            return Err(unsupported(
                "-r with a kernel build tree",
                "rstap reads kernel types from BTF, not from a build tree: give the release with -r KREL and that kernel's vmlinux BTF with --kernel-btf FILE",
            ));
        }
        Some(r) if r.is_empty() => return Err(usage("-r needs a kernel release")),
        Some(r) => r.clone(),
        None if a.kernel_btf.is_some() => {
            return Err(UsageError {
                message: "--kernel-btf needs -r KREL, the release of the kernel it describes"
                    .into(),
                help: Some(
                    "e.g. rstap -p4 -r 6.1.0-18-amd64 --kernel-btf vmlinux-6.1.0-18 script.stp"
                        .into(),
                ),
            });
        }
        None => return Ok(None),
    };
    let Some(btf) = &a.kernel_btf else {
        if release == running_release() {
            return Ok(None);
        }
        return Err(UsageError {
            message: format!(
                "compiling for kernel {release} (-r) needs that kernel's type information"
            ),
            help: Some(format!(
                "copy /sys/kernel/btf/vmlinux from a machine running {release} and give it with --kernel-btf FILE"
            )),
        });
    };
    if last_pass > 4 {
        return Err(UsageError {
            message: format!("a session compiled for kernel {release} (-r) cannot run on this one"),
            help: Some(
                "add -p4 to write the session file, and run it there with `rstap run FILE`".into(),
            ),
        });
    }
    Ok(Some(TargetKernel {
        release,
        btf: PathBuf::from(btf),
    }))
}

/// `-S SIZE[,N]`: switch output files after `size_bytes`, keeping at most `keep`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rotation {
    pub size_bytes: u64,
    pub keep: Option<u32>,
}

/// Parses `-S SIZE[,N]` (SIZE in MiB, N files, both positive).
pub fn parse_rotation(s: &str) -> Result<Rotation, UsageError> {
    let bad = || UsageError {
        message: format!("Invalid -S argument '{s}'"),
        help: Some(
            "write SIZE[,N]: switch files every SIZE MiB and keep the newest N, e.g. -S 10,5"
                .into(),
        ),
    };
    let (size, keep) = match s.split_once(',') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let size: u64 = match size.trim().parse() {
        Ok(n) if (1..=1 << 20).contains(&n) => n,
        _ => return Err(bad()),
    };
    let keep = match keep {
        Some(k) => match k.trim().parse::<u32>() {
            Ok(n) if n > 0 => Some(n),
            _ => return Err(bad()),
        },
        None => None,
    };
    Ok(Rotation {
        size_bytes: size << 20,
        keep,
    })
}

/// Parses `--metrics ADDR:PORT`; a bare `PORT` or `:PORT` means 127.0.0.1.
pub fn parse_metrics_address(s: &str) -> Result<std::net::SocketAddr, UsageError> {
    use std::net::ToSocketAddrs;
    let bad = |why: &str| UsageError {
        message: format!("Invalid --metrics argument '{s}': {why}"),
        help: Some(
            "write ADDR:PORT or PORT, e.g. --metrics 9100 (loopback) or --metrics 0.0.0.0:9100"
                .into(),
        ),
    };
    let port_only = s.strip_prefix(':').unwrap_or(s);
    if !port_only.is_empty() && port_only.bytes().all(|b| b.is_ascii_digit()) {
        return match port_only.parse::<u16>() {
            Ok(p) => Ok(std::net::SocketAddr::from(([127, 0, 0, 1], p))),
            Err(_) => Err(bad("the port must be 0-65535")),
        };
    }
    match s.to_socket_addrs() {
        Ok(mut addrs) => addrs.next().ok_or_else(|| bad("the name has no address")),
        Err(e) => Err(bad(&e.to_string())),
    }
}

/// The longest `-m` name: what fits the kernel's module name field (56 bytes on 64-bit
/// machines) with its NUL and one spare byte, as stap keeps it.
pub const MAX_MODULE_NAME: usize = 55;

/// Checks `-m NAME` as stap does: a `.ko` or `.so` suffix (or rstap's own `.rstap`) is
/// dropped, the name is letters, digits and `_`, and a name too long is cut. Returns the
/// name and the notice to print when it was changed.
pub fn parse_module_name(raw: &str) -> Result<(String, Option<String>), UsageError> {
    let mut name = raw.to_string();
    let mut changed = false;
    for suffix in [".ko", ".so", ".rstap"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            name = stem.to_string();
            changed = true;
            break;
        }
    }
    if name.is_empty() {
        return Err(usage("Module name cannot be empty."));
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(UsageError {
            message: format!("Safety pattern mismatch for -m parameter ({raw})"),
            help: Some(
                "a session name is made of letters, digits and '_', e.g. -m io_trace".into(),
            ),
        });
    }
    if name.len() > MAX_MODULE_NAME {
        name.truncate(MAX_MODULE_NAME);
        changed = true;
    }
    let notice = changed.then(|| format!("Truncating module name to '{name}'"));
    Ok((name, notice))
}

/// `-d OBJ`s as stap reads them: an existing file is a user program or library (by its
/// canonical path); any other name without a `/` is `kernel` or a kernel module, whose
/// symbols come from /proc/kallsyms anyway; a path that does not exist is an error.
fn symbol_files(objects: &[String]) -> Result<Vec<PathBuf>, UsageError> {
    let mut files = Vec::new();
    for obj in objects {
        match std::fs::canonicalize(obj) {
            Ok(p) if p.is_file() => {
                if !files.contains(&p) {
                    files.push(p);
                }
            }
            Ok(_) => {
                return Err(UsageError {
                    message: format!("cannot add symbol data for '{obj}' (-d): not a file"),
                    help: Some("give the path of a program or shared library".into()),
                });
            }
            Err(_) if !obj.contains('/') && !obj.is_empty() => {}
            Err(e) => {
                return Err(UsageError {
                    message: format!("cannot add symbol data for '{obj}' (-d): {e}"),
                    help: Some(
                        "give the path of a program or shared library, `kernel`, or a kernel module's name"
                            .into(),
                    ),
                });
            }
        }
    }
    Ok(files)
}

/// Parses `-T SECONDS` (a positive number, fractions allowed).
pub fn parse_timeout(s: &str) -> Result<std::time::Duration, UsageError> {
    match s.trim().parse::<f64>() {
        Ok(t) if t > 0.0 && t.is_finite() => std::time::Duration::try_from_secs_f64(t)
            .map_err(|_| usage("Invalid timeout interval.")),
        _ => Err(usage("Invalid timeout interval.")),
    }
}

/// Where `--folded` writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileOutput {
    Stdout,
    File(PathBuf),
}

/// A command-line problem: the message (stap's text where it has one) and an optional fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError {
    pub message: String,
    pub help: Option<String>,
}

fn usage(message: impl Into<String>) -> UsageError {
    UsageError {
        message: message.into(),
        help: None,
    }
}

fn unsupported(option: &str, why: &str) -> UsageError {
    UsageError {
        message: format!("option {option} is not supported by rstap"),
        help: Some(why.to_string()),
    }
}

/// `-D` safety pattern: `^[a-z_][a-z_0-9]*(=-?[a-z_0-9]+)?$`, case-insensitive.
fn valid_define(s: &str) -> bool {
    let (name, value) = match s.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (s, None),
    };
    let word = |w: &str| w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let name_ok = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && word(name);
    let value_ok = match value {
        None => true,
        Some(v) => {
            let v = v.strip_prefix('-').unwrap_or(v);
            !v.is_empty() && word(v)
        }
    };
    name_ok && value_ok
}

fn parse_pass(s: &str) -> Result<u8, UsageError> {
    match s.parse::<u8>() {
        Ok(n @ 1..=5) => Ok(n),
        _ => Err(usage("Invalid pass number (should be 1-5).")),
    }
}

impl Config {
    pub fn from_args(a: StapArgs) -> Result<Config, UsageError> {
        // Options rstap refuses, each with the reason and the alternative.
        if a.interactive {
            return Err(unsupported(
                "-i",
                "interactive mode is not available; write the script to a file or use -e",
            ));
        }
        if !a.kbuild.is_empty() {
            return Err(unsupported(
                "-B",
                "rstap builds no kernel modules, so there are no kbuild options",
            ));
        }
        if a.runtime_dir.is_some() {
            return Err(unsupported(
                "-R",
                "rstap has no separate runtime directory; everything is built in",
            ));
        }
        if a.dyninst {
            return Err(unsupported("--dyninst", "rstap's only runtime is bpf"));
        }
        if let Some(rt) = &a.runtime
            && rt != "bpf"
        {
            return Err(UsageError {
                message: format!("runtime '{rt}' is not supported"),
                help: Some(
                    "rstap's only runtime is bpf: use --runtime=bpf or leave the option out".into(),
                ),
            });
        }
        if let Some(arch) = &a.arch
            && arch != std::env::consts::ARCH
        {
            return Err(unsupported(
                "-a",
                "cross-architecture compilation is not supported",
            ));
        }
        if a.bulk {
            return Err(unsupported(
                "-b",
                "bulk per-CPU output files are not implemented; rstap merges all CPUs into one ordered stream",
            ));
        }
        if a.json && !a.timing {
            return Err(unsupported(
                "--json",
                "--json formats the -t report: give -t too",
            ));
        }
        let rotate = match &a.rotate {
            Some(s) => Some(parse_rotation(s)?),
            None => None,
        };
        if rotate.is_some() && a.output.is_none() {
            return Err(UsageError {
                message: "You have to specify output FILE with '-S' option".into(),
                help: Some("add -o FILE: the rotated files are FILE.0, FILE.1, ...".into()),
            });
        }
        let metrics = match &a.metrics {
            Some(s) => Some(parse_metrics_address(s)?),
            None => None,
        };

        let mut notices = Vec::new();
        let module_name = match &a.module_name {
            Some(m) => {
                let (name, notice) = parse_module_name(m)?;
                notices.extend(notice);
                Some(name)
            }
            None => None,
        };
        let set_globals = a
            .set_globals
            .iter()
            .map(|g| crate::set_globals::parse(g))
            .collect::<Result<Vec<_>, _>>()?;
        let symbol_files = symbol_files(&a.symbol_objects)?;
        // -P and --prologue-searching change nothing: parameters are read where the
        // calling convention puts them at the function's entry.
        if let Some(when) = &a.prologue_searching_when
            && !matches!(when.as_str(), "never" | "always" | "auto")
        {
            return Err(usage(format!(
                "Invalid argument '{when}' for --prologue-searching (expected never, always or auto)."
            )));
        }
        if a.suppress_time_limits && !a.guru {
            return Err(usage("--suppress-time-limits requires guru mode (-g)"));
        }

        let last_pass = match &a.pass {
            Some(p) => parse_pass(p)?,
            None => 5,
        };
        let remote = remote_plan(&a, last_pass)?;
        let target_kernel = target_kernel(&a, last_pass)?;
        let mut verbose = [a.verbose; 5];
        if let Some(vp) = &a.verbose_passes {
            if vp.is_empty() || vp.len() > 5 || !vp.bytes().all(|b| b.is_ascii_digit()) {
                return Err(usage("Invalid --vp argument: it takes 1 to 5 digits."));
            }
            for (i, b) in vp.bytes().enumerate() {
                verbose[i] = verbose[i].saturating_add(b - b'0');
            }
        }

        let mut defines = BTreeMap::new();
        for d in &a.defines {
            if !valid_define(d) {
                return Err(usage(format!(
                    "Safety pattern mismatch for -D parameter ({d})"
                )));
            }
            let (name, value) = d.split_once('=').unwrap_or((d.as_str(), ""));
            defines.insert(name.to_string(), value.to_string());
        }

        let target_pid = match &a.target_pid {
            Some(s) => match s.parse::<i32>() {
                Ok(p) if p > 0 => Some(p),
                _ => return Err(usage("Invalid target process ID number.")),
            },
            None => None,
        };
        if let Some(c) = &a.command
            && c.trim().is_empty()
        {
            return Err(usage("Empty CMD string invalid."));
        }
        if a.command.is_some() && target_pid.is_some() {
            return Err(usage(
                "You can't specify the '-c' and '-x' options together.",
            ));
        }
        if let Some(s) = &a.buffer_mb
            && !matches!(s.parse::<u32>(), Ok(1..=4095))
        {
            return Err(usage("Invalid buffer size (should be 1-4095)."));
        }
        let timeout = match &a.timeout {
            Some(s) => Some(parse_timeout(s)?),
            None => None,
        };
        let privilege = if a.unprivileged {
            "stapusr".to_string()
        } else {
            match a.privilege.as_deref() {
                None => "stapdev".to_string(),
                Some(p @ ("stapusr" | "stapsys" | "stapdev")) => p.to_string(),
                Some(p) => {
                    return Err(usage(format!(
                        "Invalid argument '{p}' for --privilege (expected stapusr, stapsys or stapdev)."
                    )));
                }
            }
        };
        let color = match a.color.as_deref() {
            None | Some("auto") => ColorChoice::Auto,
            Some("always") => ColorChoice::Always,
            Some("never") => ColorChoice::Never,
            Some(other) => {
                return Err(usage(format!(
                    "Invalid argument '{other}' for --color (expected never, always or auto)."
                )));
            }
        };

        let mut positional = a.positional.clone();
        let listing = a.list.is_some() || a.list_vars.is_some();
        let mode = if a.version {
            Mode::Version
        } else if remote.is_some()
            && a.script_text.is_none()
            && !listing
            && positional.len() == 1
            && positional[0] == "doctor"
        {
            positional.clear();
            Mode::Doctor
        } else if a.dump_probe_types {
            Mode::DumpProbeTypes
        } else if a.dump_probe_aliases {
            Mode::DumpProbeAliases
        } else if a.dump_functions {
            Mode::DumpFunctions
        } else if let Some(p) = a.list.clone().or(a.list_vars.clone()) {
            if a.script_text.is_some() {
                return Err(usage("Only one script can be given on the command line."));
            }
            Mode::List {
                pattern: p,
                with_vars: a.list_vars.is_some(),
            }
        } else if let Some(text) = a.script_text.clone() {
            Mode::Run(ScriptSource::Text(text))
        } else if !positional.is_empty() {
            let first = positional.remove(0);
            if first == "-" {
                Mode::Run(ScriptSource::Stdin)
            } else {
                Mode::Run(ScriptSource::File(PathBuf::from(first)))
            }
        } else {
            return Err(UsageError {
                message: "A script must be specified.".into(),
                help: Some(
                    "give a script file, '-' to read it from standard input, or -e 'SCRIPT'".into(),
                ),
            });
        };
        if listing && !positional.is_empty() {
            return Err(usage("Only one script can be given on the command line."));
        }

        Ok(Config {
            mode,
            extra_scripts: a.extra_scripts,
            args: positional,
            last_pass,
            verbose,
            quiet: a.quiet,
            no_warnings: a.no_warnings,
            warnings_as_errors: a.warnings_as_errors,
            guru: a.guru,
            unoptimized: a.unoptimized || a.list_vars.is_some(),
            defines,
            include_dirs: a.include_dirs.iter().map(PathBuf::from).collect(),
            output: a.output.map(PathBuf::from),
            command: a.command,
            target_pid,
            suppress_handler_errors: a.suppress_handler_errors,
            skip_badvars: a.skip_badvars,
            suppress_time_limits: a.suppress_time_limits,
            timing: a.timing.then_some(if a.json {
                rstap_interp::session::TimingFormat::Json
            } else {
                rstap_interp::session::TimingFormat::Table
            }),
            buffer_mb: a.buffer_mb.as_deref().and_then(|b| b.parse().ok()),
            no_global_var_display: a.no_global_var_display,
            folded: a.folded.map(|f| match f.as_str() {
                "-" => ProfileOutput::Stdout,
                _ => ProfileOutput::File(PathBuf::from(f)),
            }),
            flamegraph: a.flamegraph.map(PathBuf::from),
            compatible: a.compatible.unwrap_or_else(|| "4.8".to_string()),
            privilege,
            color,
            remote,
            remote_control: a.remote_control,
            flight_recorder: a.flight_recorder && last_pass == 5,
            background_child: a.background_child,
            rotate,
            metrics,
            target_kernel,
            timeout,
            module_name,
            set_globals,
            symbol_files,
            ldd: a.ldd,
            notices,
        })
    }
}

/// Validates the `--remote` options and what goes along to each host.
fn remote_plan(a: &StapArgs, last_pass: u8) -> Result<Option<RemotePlan>, UsageError> {
    if a.remote.is_empty() {
        if a.remote_prefix {
            return Err(usage("--remote-prefix needs --remote"));
        }
        if a.remote_rstap.is_some() {
            return Err(usage("--remote-rstap needs --remote"));
        }
        return Ok(None);
    }
    if a.remote_control {
        return Err(usage(
            "--remote cannot be used by an rstap that --remote started",
        ));
    }
    let mut hosts = Vec::new();
    for spec in &a.remote {
        match Destination::parse(spec) {
            Ok(d) => hosts.push(d),
            Err(why) => {
                return Err(UsageError {
                    message: format!("Invalid --remote argument '{spec}': {why}"),
                    help: Some("write [USER@]HOST[:PORT], e.g. --remote root@web1:2222".into()),
                });
            }
        }
    }
    let refuse = |what: &str, help: &str| UsageError {
        message: format!("{what} cannot be used with --remote"),
        help: Some(help.to_string()),
    };
    if a.flight_recorder {
        return Err(refuse(
            "-F",
            "start the background session on each host: ssh HOST rstap -F -o FILE SCRIPT",
        ));
    }
    if a.rotate.is_some() {
        return Err(refuse(
            "-S",
            "the merged output of all hosts goes to one -o file here; rotate it with logrotate",
        ));
    }
    if a.metrics.is_some() {
        return Err(refuse(
            "--metrics",
            "start the session with --metrics on each host, and scrape each host",
        ));
    }
    if last_pass == 4 {
        return Err(refuse(
            "-p4",
            "it would leave the session file on each host; compile here with -p4 and run it there with 'rstap run FILE'",
        ));
    }
    if a.flamegraph.is_some() || a.folded.as_deref().is_some_and(|f| f != "-") {
        return Err(refuse(
            "writing --folded or --flamegraph to a file",
            "use --folded=- to get each host's folded stacks in its output",
        ));
    }
    if a.dump_functions || a.dump_probe_aliases || a.dump_probe_types {
        return Err(refuse(
            "--dump-*",
            "the tapset library is part of rstap itself; list it here without --remote",
        ));
    }
    Ok(Some(RemotePlan {
        hosts,
        prefix: a.remote_prefix,
        rstap: a.remote_rstap.clone(),
        options: crate::remote::forward::compile_and_run_options(a),
        run_options: crate::remote::forward::run_options(a),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn cfg(args: &[&str]) -> Result<Config, UsageError> {
        let mut v = vec!["rstap"];
        v.extend_from_slice(args);
        Config::from_args(StapArgs::try_parse_from(v).expect("clap accepts"))
    }

    fn err(args: &[&str]) -> String {
        cfg(args).expect_err("must be refused").message
    }

    #[test]
    fn script_sources_and_args() {
        let c = cfg(&["-e", "probe begin {}", "a", "b"]).unwrap();
        assert_eq!(
            c.mode,
            Mode::Run(ScriptSource::Text("probe begin {}".into()))
        );
        assert_eq!(c.args, vec!["a", "b"]);
        let c = cfg(&["x.stp", "1", "--", "-2"]).unwrap();
        assert_eq!(c.mode, Mode::Run(ScriptSource::File("x.stp".into())));
        assert_eq!(c.args, vec!["1", "-2"]);
        let c = cfg(&["-", "z"]).unwrap();
        assert_eq!(c.mode, Mode::Run(ScriptSource::Stdin));
        assert_eq!(c.args, vec!["z"]);
    }

    #[test]
    fn options_after_the_script_still_count() {
        let c = cfg(&["x.stp", "-c", "ls", "arg"]).unwrap();
        assert_eq!(c.command.as_deref(), Some("ls"));
        assert_eq!(c.args, vec!["arg"]);
    }

    #[test]
    fn stap_validation_messages() {
        assert_eq!(
            err(&["-p", "7", "-e", "x"]),
            "Invalid pass number (should be 1-5)."
        );
        assert_eq!(
            err(&["--vp", "123456", "-e", "x"]),
            "Invalid --vp argument: it takes 1 to 5 digits."
        );
        assert_eq!(
            err(&["-D", "A B", "-e", "x"]),
            "Safety pattern mismatch for -D parameter (A B)"
        );
        assert_eq!(
            err(&["-x", "abc", "-e", "x"]),
            "Invalid target process ID number."
        );
        assert_eq!(err(&["-c", " ", "-e", "x"]), "Empty CMD string invalid.");
        assert_eq!(
            err(&["-c", "ls", "-x", "1", "-e", "x"]),
            "You can't specify the '-c' and '-x' options together."
        );
        assert_eq!(
            err(&["-s", "0", "-e", "x"]),
            "Invalid buffer size (should be 1-4095)."
        );
        assert_eq!(err(&["-T", "soon", "-e", "x"]), "Invalid timeout interval.");
        assert_eq!(err(&[]), "A script must be specified.");
    }

    #[test]
    fn defines_follow_the_safety_pattern() {
        let c = cfg(&[
            "-D",
            "MAXACTION=5000",
            "-D",
            "STP_NO_OVERLOAD",
            "-D",
            "x=-1",
            "-e",
            "x",
        ])
        .unwrap();
        assert_eq!(c.defines.get("MAXACTION").map(String::as_str), Some("5000"));
        assert_eq!(
            c.defines.get("STP_NO_OVERLOAD").map(String::as_str),
            Some("")
        );
        assert_eq!(c.defines.get("x").map(String::as_str), Some("-1"));
        assert!(!valid_define("9abc"));
        assert!(!valid_define("A=$(rm)"));
        assert!(!valid_define("A="));
    }

    #[test]
    fn verbosity_per_pass() {
        let c = cfg(&["-vv", "--vp", "01", "-e", "x"]).unwrap();
        assert_eq!(c.verbose, [2, 3, 2, 2, 2]);
    }

    #[test]
    fn runtimes_other_than_bpf_are_refused() {
        assert!(cfg(&["--runtime=bpf", "-e", "x"]).is_ok());
        assert_eq!(
            err(&["--runtime=kernel", "-e", "x"]),
            "runtime 'kernel' is not supported"
        );
        assert!(cfg(&["--dyninst", "-e", "x"]).is_err());
    }

    #[test]
    fn unsupported_options_are_refused_with_a_reason() {
        for args in [
            &["-i"][..],
            &["-B", "X=1"],
            &["-b"],
            &["-R", "/x"],
            &["-a", "sparc"],
        ] {
            let mut v = args.to_vec();
            v.extend(["-e", "x"]);
            let e = cfg(&v).unwrap_err();
            assert!(e.message.contains("not supported"), "{e:?}");
            assert!(e.help.is_some());
        }
        assert_eq!(
            err(&["--suppress-time-limits", "-e", "x"]),
            "--suppress-time-limits requires guru mode (-g)"
        );
    }

    #[test]
    fn options_that_need_nothing_are_accepted() {
        for args in [
            &["-P"][..],
            &["--prologue-searching"],
            &["--prologue-searching=never"],
            &["-d", "kernel", "-d", "ext4", "--ldd"],
        ] {
            let mut v = args.to_vec();
            v.extend(["-e", "x"]);
            assert!(cfg(&v).is_ok(), "{v:?}");
        }
        assert_eq!(
            err(&["--prologue-searching=sometimes", "-e", "x"]),
            "Invalid argument 'sometimes' for --prologue-searching (expected never, always or auto)."
        );
        let c = cfg(&["-T", "0.25", "-m", "a_b", "-G", "x=1", "-e", "x"]).unwrap();
        assert_eq!(c.timeout, Some(std::time::Duration::from_millis(250)));
        assert_eq!(c.module_name.as_deref(), Some("a_b"));
        assert_eq!(c.set_globals.len(), 1);
        assert_eq!(
            parse_module_name("x.ko").unwrap(),
            (
                "x".to_string(),
                Some("Truncating module name to 'x'".to_string())
            )
        );
        assert_eq!(parse_module_name("9lives").unwrap().0, "9lives");
    }

    #[test]
    fn stack_profile_outputs() {
        let c = cfg(&[
            "--folded",
            "out.folded",
            "--flamegraph",
            "fg.svg",
            "-e",
            "probe begin {}",
        ])
        .unwrap();
        assert_eq!(c.folded, Some(ProfileOutput::File("out.folded".into())));
        assert_eq!(c.flamegraph, Some(PathBuf::from("fg.svg")));
        let c = cfg(&["--folded", "-e", "probe begin {}"]).unwrap();
        assert_eq!(c.folded, Some(ProfileOutput::Stdout));
        let c = cfg(&["--folded=-", "x.stp"]).unwrap();
        assert_eq!(c.folded, Some(ProfileOutput::Stdout));
        assert_eq!(c.mode, Mode::Run(ScriptSource::File("x.stp".into())));
        let c = cfg(&["-e", "probe begin {}"]).unwrap();
        assert_eq!((c.folded, c.flamegraph), (None, None));
    }

    #[test]
    fn remote_hosts_and_what_goes_along() {
        let c = cfg(&[
            "--remote",
            "root@a:2222",
            "--remote",
            "b",
            "--remote-prefix",
            "-o",
            "out.txt",
            "-q",
            "-c",
            "ls",
            "x.stp",
        ])
        .unwrap();
        let plan = c.remote.expect("a remote plan");
        let hosts: Vec<String> = plan.hosts.iter().map(|h| h.ssh_target()).collect();
        assert_eq!(hosts, ["root@a", "b"]);
        assert_eq!(plan.hosts[0].port, Some(2222));
        assert!(plan.prefix);
        assert_eq!(plan.options, ["-q", "-c", "ls"]);
        assert_eq!(plan.run_options, ["-q", "-c", "ls"]);
        // -o stays here: the merged output is written on this machine.
        assert_eq!(c.output, Some(PathBuf::from("out.txt")));
        assert_eq!(c.mode, Mode::Run(ScriptSource::File("x.stp".into())));
        assert_eq!(
            cfg(&["--remote", "h", "doctor"]).unwrap().mode,
            Mode::Doctor
        );
        // Without --remote, `doctor` after options is a script file like any other.
        assert_eq!(
            cfg(&["-v", "doctor"]).unwrap().mode,
            Mode::Run(ScriptSource::File("doctor".into()))
        );
        assert!(cfg(&["-e", "x"]).unwrap().remote.is_none());
    }

    #[test]
    fn remote_misuse_is_refused() {
        assert_eq!(
            err(&["--remote-prefix", "-e", "x"]),
            "--remote-prefix needs --remote"
        );
        assert_eq!(
            err(&["--remote-rstap", "/opt/rstap", "-e", "x"]),
            "--remote-rstap needs --remote"
        );
        assert!(
            err(&["--remote", "h:99999", "-e", "x"])
                .starts_with("Invalid --remote argument 'h:99999'")
        );
        assert_eq!(
            err(&["--remote", "h", "-p4", "-e", "x"]),
            "-p4 cannot be used with --remote"
        );
        assert!(err(&["--remote", "h", "--flamegraph", "f.svg", "-e", "x"]).contains("--remote"));
        assert!(cfg(&["--remote", "h", "--folded=-", "-e", "x"]).is_ok());
        assert!(err(&["--remote", "h", "--remote-control", "-"]).contains("--remote"));
    }

    #[test]
    fn background_rotation_and_metrics_options() {
        let c = cfg(&["-F", "-o", "out", "-S", "10,3", "x.stp"]).unwrap();
        assert!(c.flight_recorder && !c.background_child);
        assert_eq!(
            c.rotate,
            Some(Rotation {
                size_bytes: 10 << 20,
                keep: Some(3)
            })
        );
        // -F means nothing before pass 5.
        assert!(!cfg(&["-F", "-p4", "x.stp"]).unwrap().flight_recorder);
        assert_eq!(
            cfg(&["-o", "o", "-S", "2", "x.stp"]).unwrap().rotate,
            Some(Rotation {
                size_bytes: 2 << 20,
                keep: None
            })
        );
        for bad in ["0", "x", "1,0", "1,", "1,2,3"] {
            assert_eq!(
                err(&["-o", "o", "-S", bad, "x.stp"]),
                format!("Invalid -S argument '{bad}'")
            );
        }
        assert_eq!(
            err(&["-S", "1", "x.stp"]),
            "You have to specify output FILE with '-S' option"
        );
        let m = |s: &str| cfg(&["--metrics", s, "x.stp"]).map(|c| c.metrics.unwrap().to_string());
        assert_eq!(m("9100").unwrap(), "127.0.0.1:9100");
        assert_eq!(m(":9100").unwrap(), "127.0.0.1:9100");
        assert_eq!(m("0.0.0.0:80").unwrap(), "0.0.0.0:80");
        assert_eq!(m("[::1]:80").unwrap(), "[::1]:80");
        assert!(
            m("70000")
                .unwrap_err()
                .message
                .starts_with("Invalid --metrics argument '70000'")
        );
        assert!(m("host-without-port").is_err());
        for opt in [&["-F"][..], &["--metrics", "1"], &["-o", "o", "-S", "1"]] {
            let mut v = vec!["--remote", "h"];
            v.extend_from_slice(opt);
            v.push("x.stp");
            assert!(err(&v).contains("cannot be used with --remote"), "{v:?}");
        }
    }

    #[test]
    fn listing_modes() {
        let c = cfg(&["-L", "timer.*"]).unwrap();
        assert_eq!(
            c.mode,
            Mode::List {
                pattern: "timer.*".into(),
                with_vars: true
            }
        );
        assert!(c.unoptimized);
        assert_eq!(
            err(&["-l", "x", "-e", "y"]),
            "Only one script can be given on the command line."
        );
    }
}
