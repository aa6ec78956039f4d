//! The command line: SystemTap's options, defined once here.
//!
//! Every option stap documents is accepted and validated with stap's messages. Options
//! that rstap cannot honour are refused by [`crate::config`] with a message saying why,
//! never silently ignored.

use std::ffi::OsString;

use clap::{ArgAction, Parser};

#[derive(Parser, Debug, Default)]
#[command(
    name = "rstap",
    version = crate::VERSION_TEXT,
    disable_version_flag = true,
    about = "Run SystemTap scripts, compiled straight to eBPF",
    override_usage = "rstap [OPTIONS] FILE [ARGS]...\n       rstap [OPTIONS] - [ARGS]...\n       rstap [OPTIONS] -e SCRIPT [ARGS]...\n       rstap [OPTIONS] -l PROBE | -L PROBE\n       rstap [OPTIONS] --remote [USER@]HOST[:PORT]... FILE [ARGS]...\n       rstap --remote [USER@]HOST[:PORT]... doctor\n       rstap [OPTIONS] -F [-o FILE] [-S SIZE[,N]] FILE [ARGS]...\n       rstap run [-c CMD] [-x PID] [-q] [-T SECONDS] [-G VAR=VAL]... [-F] [-o FILE] [-S SIZE[,N]] [--metrics ADDR:PORT] SESSION_FILE\n       rstap ps\n       rstap service COMMAND [OPTIONS] [SCRIPT...]\n       rstap kill ID\n       rstap doctor\n       rstap explain CODE",
    after_help = "Script arguments are available as $1..$N (raw) and @1..@N (quoted).\nUse '--' before arguments that start with '-'. 'rstap explain CODE' describes a diagnostic code.\n\nBackground sessions: with -F the session keeps running after rstap returns, away from the\nterminal (SIGHUP is ignored; SIGTERM or SIGINT runs the end probes and exits). 'rstap ps' lists\nthe running ones, 'rstap kill ID' stops one."
)]
pub struct StapArgs {
    /// Run the script text given here instead of a file.
    #[arg(short = 'e', value_name = "SCRIPT")]
    pub script_text: Option<String>,

    /// Add an extra script (repeatable); its probes are not listed by -l/-L.
    #[arg(short = 'E', value_name = "SCRIPT", action = ArgAction::Append)]
    pub extra_scripts: Vec<String>,

    /// Stop after pass N: 1 parse, 2 elaborate, 3 translate, 4 compile, 5 run.
    #[arg(short = 'p', value_name = "N")]
    pub pass: Option<String>,

    /// More verbose (repeatable).
    #[arg(short = 'v', action = ArgAction::Count)]
    pub verbose: u8,

    /// Per-pass verbosity, one digit per pass (e.g. 00200).
    #[arg(long = "vp", value_name = "ABCDE")]
    pub verbose_passes: Option<String>,

    /// Quiet: no start notice and no per-run chatter on stderr.
    #[arg(short = 'q')]
    pub quiet: bool,

    /// Suppress warnings.
    #[arg(short = 'w')]
    pub no_warnings: bool,

    /// Treat warnings as errors.
    #[arg(short = 'W')]
    pub warnings_as_errors: bool,

    /// Guru mode.
    #[arg(short = 'g')]
    pub guru: bool,

    /// Unoptimized: do not elide unused code.
    #[arg(short = 'u')]
    pub unoptimized: bool,

    /// Set a limit such as MAXACTION=5000 (repeatable).
    #[arg(short = 'D', value_name = "NAME=VAL", action = ArgAction::Append)]
    pub defines: Vec<String>,

    /// Add a tapset directory (repeatable).
    #[arg(short = 'I', value_name = "DIR", action = ArgAction::Append)]
    pub include_dirs: Vec<String>,

    /// Send the script's output to FILE (strftime patterns such as %Y%m%d are expanded).
    #[arg(short = 'o', value_name = "FILE")]
    pub output: Option<String>,

    /// Run CMD under tracing; the session ends when it exits. target() is its pid.
    #[arg(short = 'c', value_name = "CMD")]
    pub command: Option<String>,

    /// Set target() to PID.
    #[arg(short = 'x', value_name = "PID")]
    pub target_pid: Option<String>,

    /// Output buffer size in MiB per CPU (1-4095).
    #[arg(short = 's', value_name = "NUM")]
    pub buffer_mb: Option<String>,

    /// Bulk mode: per-CPU output files.
    #[arg(short = 'b')]
    pub bulk: bool,

    /// Print a per-probe timing report at exit.
    #[arg(short = 't')]
    pub timing: bool,
    /// Print the -t report as JSON.
    #[arg(long = "json")]
    pub json: bool,

    /// Name the session (letters, digits and _): -p4 writes NAME.rstap, and `rstap ps`
    /// lists a background session as NAME.
    #[arg(short = 'm', value_name = "NAME")]
    pub module_name: Option<String>,

    /// Kernel release (or build tree) to compile for.
    #[arg(short = 'r', value_name = "KREL")]
    pub kernel_release: Option<String>,

    /// With -r KREL: that kernel's vmlinux BTF (a copy of its /sys/kernel/btf/vmlinux),
    /// from which its types are read instead of this kernel's; the session file (-p4)
    /// is then for that kernel.
    #[arg(long = "kernel-btf", value_name = "FILE")]
    pub kernel_btf: Option<String>,

    /// Runtime directory.
    #[arg(short = 'R', value_name = "DIR")]
    pub runtime_dir: Option<String>,

    /// Target architecture.
    #[arg(short = 'a', value_name = "ARCH")]
    pub arch: Option<String>,

    /// Keep temporary files.
    #[arg(short = 'k')]
    pub keep_temps: bool,

    /// List probe points matching PROBE.
    #[arg(short = 'l', value_name = "PROBE")]
    pub list: Option<String>,

    /// List probe points matching PROBE with their variables.
    #[arg(short = 'L', value_name = "PROBE")]
    pub list_vars: Option<String>,

    /// Flight recorder: run the session in the background, detached from the terminal;
    /// prints its pid once every probe is attached. Output goes to -o FILE, or without
    /// -o to PID.out in the run directory ($RSTAP_RUN_DIR, default /run/rstap).
    #[arg(short = 'F')]
    pub flight_recorder: bool,

    /// Rotate the -o output: switch to FILE.0, FILE.1, ... each time SIZE MiB is
    /// reached, keeping the newest N files.
    #[arg(short = 'S', value_name = "SIZE[,N]")]
    pub rotate: Option<String>,

    /// Serve the session's globals over HTTP at /metrics in the OpenMetrics text format
    /// (ADDR:PORT; a bare PORT or :PORT listens on 127.0.0.1).
    #[arg(long = "metrics", value_name = "ADDR:PORT")]
    pub metrics: Option<String>,

    /// Internal: this is the detached process of a -F session.
    #[arg(long = "background-child", hide = true)]
    pub background_child: bool,

    /// End the session after SECONDS (fractions allowed): the end probes run as on exit().
    #[arg(short = 'T', value_name = "SECONDS")]
    pub timeout: Option<String>,

    /// Set a scalar global declared in the script before the begin probes run
    /// (repeatable): a number for a numeric global, the text for a string global.
    #[arg(short = 'G', value_name = "VAR=VAL", action = ArgAction::Append)]
    pub set_globals: Vec<String>,

    /// Resolve user stack frames in the program or library OBJ too (repeatable), even
    /// when its process has exited; `kernel` and kernel module names are accepted (kernel
    /// symbols always come from /proc/kallsyms).
    #[arg(short = 'd', value_name = "OBJ", action = ArgAction::Append)]
    pub symbol_objects: Vec<String>,

    /// Like -d for the shared libraries of the probed programs and of the -d files.
    #[arg(long = "ldd")]
    pub ldd: bool,

    /// kbuild option (kernel modules only).
    #[arg(short = 'B', value_name = "NAME=VAL", action = ArgAction::Append)]
    pub kbuild: Vec<String>,

    /// Accepted and ignored: rstap reads parameters from their registers and stack
    /// slots at the function's entry, so no prologue searching is needed.
    #[arg(short = 'P')]
    pub prologue_searching: bool,

    /// Accepted and ignored, like -P (WHEN: never, always or auto).
    #[arg(long = "prologue-searching", value_name = "WHEN", num_args = 0..=1, default_missing_value = "always")]
    pub prologue_searching_when: Option<String>,

    /// Interactive mode.
    #[arg(short = 'i', long = "interactive")]
    pub interactive: bool,

    /// Print version information.
    #[arg(short = 'V', long = "version")]
    pub version: bool,

    /// Errors in probe handlers are counted and skipped instead of ending the session.
    #[arg(long = "suppress-handler-errors")]
    pub suppress_handler_errors: bool,

    /// Unresolvable context variables read as 0 or "".
    #[arg(long = "skip-badvars")]
    pub skip_badvars: bool,

    /// Guru only: drop overload and MAXACTION limits.
    #[arg(long = "suppress-time-limits")]
    pub suppress_time_limits: bool,

    /// Do not print unread globals at exit.
    #[arg(long = "no-global-var-display")]
    pub no_global_var_display: bool,

    /// Write the kernel stack aggregations (arrays keyed by backtrace()) as folded
    /// stacks to FILE; without a value, or with '-', to standard output after the
    /// script's output.
    #[arg(long = "folded", value_name = "FILE", num_args = 0..=1, default_missing_value = "-")]
    pub folded: Option<String>,

    /// Draw the kernel stack aggregations (arrays keyed by backtrace()) as an SVG flame
    /// graph in FILE.
    #[arg(long = "flamegraph", value_name = "FILE")]
    pub flamegraph: Option<String>,

    /// Pass-5 runtime: rstap has one, `bpf`.
    #[arg(long = "runtime", value_name = "MODE")]
    pub runtime: Option<String>,

    /// Same as --runtime=bpf.
    #[arg(long = "bpf")]
    pub bpf: bool,

    /// Same as --runtime=dyninst (not supported).
    #[arg(long = "dyninst")]
    pub dyninst: bool,

    /// Language compatibility version.
    #[arg(long = "compatible", value_name = "VERSION")]
    pub compatible: Option<String>,

    /// Privilege level: stapusr, stapsys or stapdev.
    #[arg(long = "privilege", value_name = "LEVEL")]
    pub privilege: Option<String>,

    /// Same as --privilege=stapusr.
    #[arg(long = "unprivileged")]
    pub unprivileged: bool,

    /// Colour diagnostics: never, always or auto.
    #[arg(long = "color", alias = "colour", value_name = "WHEN", num_args = 0..=1, default_missing_value = "always")]
    pub color: Option<String>,

    /// Run on a remote host over ssh (repeatable: each host runs the script).
    #[arg(long = "remote", value_name = "[USER@]HOST[:PORT]", action = ArgAction::Append)]
    pub remote: Vec<String>,

    /// Prefix each host's output lines with "[N] ", N counting the --remote options from 0.
    #[arg(long = "remote-prefix")]
    pub remote_prefix: bool,

    /// The command that starts rstap on each remote host (default: $RSTAP_REMOTE_RSTAP,
    /// else `rstap` on the remote PATH), e.g. /opt/rstap/bin/rstap or 'sudo -n rstap'.
    #[arg(long = "remote-rstap", value_name = "COMMAND")]
    pub remote_rstap: Option<String>,

    /// Internal: started by --remote; the payload and the stop channel are on stdin.
    #[arg(long = "remote-control", hide = true)]
    pub remote_control: bool,

    /// List probe point types.
    #[arg(long = "dump-probe-types")]
    pub dump_probe_types: bool,

    /// List probe aliases.
    #[arg(long = "dump-probe-aliases")]
    pub dump_probe_aliases: bool,

    /// List tapset functions.
    #[arg(long = "dump-functions")]
    pub dump_functions: bool,

    /// The script file (or `-` for stdin) followed by its arguments; with -e, all arguments.
    #[arg(value_name = "FILE [ARGS]", action = ArgAction::Append)]
    pub positional: Vec<String>,
}

impl StapArgs {
    pub fn parse_from_os<I: IntoIterator<Item = OsString>>(
        args: I,
    ) -> Result<StapArgs, clap::Error> {
        StapArgs::try_parse_from(args)
    }
}

/// `rstap run [OPTIONS] FILE`: runs a session file written by `-p4` (`-` reads it from
/// standard input). The options are those that act when a session runs.
#[derive(Parser, Debug, Default)]
#[command(
    name = "rstap run",
    disable_version_flag = true,
    about = "Run a compiled session file (written by -p4) on this kernel"
)]
pub struct RunArgs {
    /// Run CMD under tracing; the session ends when it exits. target() is its pid.
    #[arg(short = 'c', value_name = "CMD")]
    pub command: Option<String>,

    /// Set target() to PID.
    #[arg(short = 'x', value_name = "PID")]
    pub target_pid: Option<String>,

    /// Quiet: no start notice.
    #[arg(short = 'q')]
    pub quiet: bool,

    /// End the session after SECONDS (fractions allowed): the end probes run as on exit().
    #[arg(short = 'T', value_name = "SECONDS")]
    pub timeout: Option<String>,

    /// Set a scalar global of the session before the begin probes run (repeatable).
    #[arg(short = 'G', value_name = "VAR=VAL", action = ArgAction::Append)]
    pub set_globals: Vec<String>,

    /// Errors in probe handlers are counted and skipped instead of ending the session.
    #[arg(long = "suppress-handler-errors")]
    pub suppress_handler_errors: bool,

    /// Do not print unread globals at exit.
    #[arg(long = "no-global-var-display")]
    pub no_global_var_display: bool,

    /// Send the session's output to FILE (strftime patterns such as %Y%m%d are expanded).
    #[arg(short = 'o', value_name = "FILE")]
    pub output: Option<String>,

    /// Flight recorder: run in the background, detached from the terminal; prints the
    /// session's pid once every probe is attached (see `rstap --help`).
    #[arg(short = 'F')]
    pub flight_recorder: bool,

    /// Rotate the -o output: FILE.0, FILE.1, ... of SIZE MiB, keeping the newest N.
    #[arg(short = 'S', value_name = "SIZE[,N]")]
    pub rotate: Option<String>,

    /// Serve the session's globals over HTTP at /metrics (OpenMetrics text format).
    #[arg(long = "metrics", value_name = "ADDR:PORT")]
    pub metrics: Option<String>,

    /// Internal: this is the detached process of a -F session.
    #[arg(long = "background-child", hide = true)]
    pub background_child: bool,

    /// Internal: started by --remote; the payload and the stop channel are on stdin.
    #[arg(long = "remote-control", hide = true)]
    pub remote_control: bool,

    /// The session file, or `-` for standard input.
    #[arg(value_name = "FILE")]
    pub file: std::path::PathBuf,
}
