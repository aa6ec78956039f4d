//! A whole userspace session: begin probes, timers on one thread, then end probes (or
//! error probes after an error shutdown), the display of unread globals and the
//! error summary.
//!
//! The session stops on `exit()`/`abort()`, SIGINT/SIGTERM, the exit of the `-c` command,
//! too many errors, or when nothing can fire any more (no timers and no command).

use std::process::{Child, Command};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rstap_diag::SourceMap;
use rstap_ir::{ProbeId, ProbeKind, Program};

use crate::interp::{Interp, InterpOptions, RunState};
use crate::limits::Limits;
use crate::output::Output;
use crate::store::{GlobalStore, MemoryStore};

/// Options of a userspace session (the stap command line's view of it).
#[derive(Clone, Debug)]
pub struct SessionOptions {
    pub limits: Limits,
    pub suppress_handler_errors: bool,
    /// Print the unread globals at the end (`--no-global-var-display` turns it off).
    pub display_globals: bool,
    /// `-x PID`.
    pub target_pid: Option<i64>,
    /// `-c CMD`: run under `/bin/sh -c`; the session ends when it exits.
    pub command: Option<String>,
    /// The `-c` command's standard streams are `/dev/null` (a background session's).
    pub command_stdio_null: bool,
    /// React to SIGINT/SIGTERM by ending the session (off in tests).
    pub handle_signals: bool,
    /// The session's kernel symbols (read on first use).
    pub kernel_symbols: rstap_symbolize::SharedKernelSymbols,
    /// The processes whose user stacks or symbols the session has seen.
    pub user_symbols: rstap_symbolize::SharedProcessSymbols,
    /// `-t`: print the per-probe report at exit (`Json`: as JSON).
    pub timing: Option<TimingFormat>,
    /// What the embedding program does while the session runs.
    pub hooks: Option<Arc<dyn SessionHooks>>,
    /// `-T SECONDS`: the event phase ends after this long, as on `exit()`.
    pub timeout: Option<Duration>,
}

/// Callbacks from a running session to the program that runs it (a background
/// session's readiness report, a metrics endpoint reading the globals).
pub trait SessionHooks: Send + Sync {
    /// The begin probes have run and every probe is live.
    fn running(&self) {}
    /// Called from the session's thread between events, at least every 20 ms while it
    /// runs: a moment to read the globals without disturbing any handler.
    fn idle(&self, _program: &Program, _store: &mut dyn GlobalStore) {}
}

impl std::fmt::Debug for dyn SessionHooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionHooks")
    }
}

/// How the `-t` report is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimingFormat {
    Table,
    Json,
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            limits: Limits::default(),
            suppress_handler_errors: false,
            display_globals: true,
            target_pid: None,
            command: None,
            command_stdio_null: false,
            handle_signals: true,
            kernel_symbols: rstap_symbolize::SharedKernelSymbols::new(),
            user_symbols: rstap_symbolize::SharedProcessSymbols::new(),
            timing: None,
            hooks: None,
            timeout: None,
        }
    }
}

/// Why a session could not start.
#[derive(Debug)]
pub enum SessionError {
    /// The probe needs the kernel; this driver only runs userspace probes.
    KernelProbe(String),
    /// `-c CMD` could not be started.
    Spawn(std::io::Error),
    /// Installing the signal handlers failed.
    Signals(std::io::Error),
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::KernelProbe(pp) => {
                write!(
                    f,
                    "probe '{pp}' needs the kernel and cannot run in userspace"
                )
            }
            SessionError::Spawn(e) => write!(f, "cannot start the target command: {e}"),
            SessionError::Signals(e) => write!(f, "cannot install signal handlers: {e}"),
        }
    }
}

impl std::error::Error for SessionError {}

/// Runs a session over an in-memory store. Returns the exit status: 0, or 1 when an
/// error was reported.
pub fn run(
    program: &Program,
    sources: &SourceMap,
    options: &SessionOptions,
    out: &mut dyn Output,
) -> Result<i32, SessionError> {
    let mut store = MemoryStore::new(program, options.limits.maxmapentries);
    run_with_store(program, sources, options, &mut store, out)
}

/// Probes of one kind in execution order: by the `begin(N)` number, then as declared.
fn ordered(program: &Program, pick: impl Fn(&ProbeKind) -> Option<i64>) -> Vec<ProbeId> {
    let mut v: Vec<(i64, usize)> = program
        .probes
        .iter()
        .enumerate()
        .filter_map(|(i, p)| pick(&p.kind).map(|n| (n, i)))
        .collect();
    v.sort();
    v.into_iter().map(|(_, i)| ProbeId(i as u32)).collect()
}

struct Signals {
    flag: Arc<AtomicBool>,
    ids: Vec<signal_hook::SigId>,
}

impl Signals {
    fn install(enabled: bool) -> Result<Signals, SessionError> {
        let flag = Arc::new(AtomicBool::new(false));
        let mut ids = Vec::new();
        if enabled {
            for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
                let id = signal_hook::flag::register(sig, Arc::clone(&flag))
                    .map_err(SessionError::Signals)?;
                ids.push(id);
            }
        }
        Ok(Signals { flag, ids })
    }

    fn raised(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }

    fn enabled(&self) -> bool {
        !self.ids.is_empty()
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// A periodic timer probe and its next due time.
struct TimerState {
    probe: ProbeId,
    period: Duration,
    randomize_ns: u64,
    due: Instant,
}

/// The `-c` command as the session sees it.
pub trait TargetProcess {
    fn pid(&self) -> i64;
    /// Lets a command that was started held run (called after the begin probes).
    fn release(&mut self) {}
    fn exited(&mut self) -> bool;
    /// Kills the command if it still runs, and reaps it.
    fn stop(&mut self);
    /// How the command ended, once it has: its exit status, or 128 + the signal that
    /// killed it.
    fn exit_code(&mut self) -> Option<i32> {
        None
    }
}

impl TargetProcess for Child {
    fn pid(&self) -> i64 {
        i64::from(self.id())
    }
    fn exited(&mut self) -> bool {
        !matches!(self.try_wait(), Ok(None))
    }
    fn stop(&mut self) {
        if matches!(self.try_wait(), Ok(None)) {
            let _ = self.kill();
        }
        let _ = self.wait();
    }
    fn exit_code(&mut self) -> Option<i32> {
        use std::os::unix::process::ExitStatusExt;
        let st = self.try_wait().ok()??;
        st.code().or_else(|| st.signal().map(|s| 128 + s))
    }
}

/// Where kernel probes report to a session: the live runtime's ring buffer.
pub trait EventSource {
    /// Starts the `-c` command held (it must not run before [`TargetProcess::release`]),
    /// recording its pid where the kernel probes read `target()`. `None` lets the
    /// session start it itself.
    fn spawn(
        &mut self,
        _cmd: &str,
        _null_stdio: bool,
    ) -> Option<std::io::Result<Box<dyn TargetProcess>>> {
        None
    }
    /// The session is about to run begin probes; `target` is the `-c`/`-x` pid.
    fn started(&mut self, _target: Option<i64>) {}
    /// The begin probes have run: event handlers may start (SystemTap runs none before).
    fn begun(&mut self, _interp: &mut Interp<'_>) {}
    /// Waits at most `timeout` for records from the kernel and applies each one to the
    /// session (output, errors, `exit()` requests).
    fn poll(&mut self, timeout: Duration, interp: &mut Interp<'_>);
    /// The event phase is over: detach every probe and apply what is still buffered.
    fn stop(&mut self, interp: &mut Interp<'_>);
    /// What each kernel probe cost (`-t`): hits and nanoseconds by probe.
    fn probe_stats(&mut self) -> Vec<(ProbeId, crate::interp::ProbeStats)> {
        Vec::new()
    }
}

/// Runs a session over the given store (the live runtime passes its BPF-map store).
pub fn run_with_store(
    program: &Program,
    sources: &SourceMap,
    options: &SessionOptions,
    store: &mut dyn GlobalStore,
    out: &mut dyn Output,
) -> Result<i32, SessionError> {
    run_with_events(program, sources, options, store, out, None)
}

/// Runs a session whose kernel probes are already attached and report through `events`
/// (with `None`, every probe must run in userspace).
pub fn run_with_events(
    program: &Program,
    sources: &SourceMap,
    options: &SessionOptions,
    store: &mut dyn GlobalStore,
    out: &mut dyn Output,
    mut events: Option<&mut dyn EventSource>,
) -> Result<i32, SessionError> {
    for p in &program.probes {
        if events.is_some() {
            break;
        }
        if matches!(
            p.kind,
            ProbeKind::Profile { .. }
                | ProbeKind::Perf { .. }
                | ProbeKind::Procfs { .. }
                | ProbeKind::Tracepoint { .. }
                | ProbeKind::KernelFunction { .. }
                | ProbeKind::Uprobe { .. }
        ) {
            return Err(SessionError::KernelProbe(p.pp.clone()));
        }
    }
    let signals = Signals::install(options.handle_signals)?;
    let mut child: Option<Box<dyn TargetProcess>> = match &options.command {
        Some(cmd) => {
            let quiet = options.command_stdio_null;
            let held = events.as_mut().and_then(|ev| ev.spawn(cmd, quiet));
            Some(match held {
                Some(r) => r.map_err(SessionError::Spawn)?,
                None => Box::new(spawn_command(cmd, quiet).map_err(SessionError::Spawn)?),
            })
        }
        None => None,
    };
    let target = child.as_ref().map(|c| c.pid()).or(options.target_pid);
    if let Some(ev) = &mut events {
        ev.started(target);
    }
    let mut interp = Interp::new(
        program,
        sources,
        store,
        out,
        options.limits.clone(),
        InterpOptions {
            suppress_handler_errors: options.suppress_handler_errors,
            target,
            kernel_symbols: options.kernel_symbols.clone(),
            user_symbols: options.user_symbols.clone(),
        },
    );

    for id in ordered(program, |k| match k {
        ProbeKind::Begin(n) => Some(*n),
        _ => None,
    }) {
        interp.run_probe(id);
    }
    if let Some(ev) = &mut events {
        ev.begun(&mut interp);
    }
    // The command starts once the begin probes have run.
    if let Some(c) = &mut child {
        c.release();
    }
    if let Some(h) = &options.hooks
        && interp.state() == RunState::Running
    {
        h.running();
    }

    run_events(
        program,
        &mut interp,
        &signals,
        &mut child,
        &mut events,
        options.hooks.as_deref(),
        options.timeout,
    );
    if let Some(ev) = &mut events {
        ev.stop(&mut interp);
    }

    // A command that ended by itself with a failure is reported (one the session
    // stops is not: it did not fail).
    let mut failed_command = None;
    if let Some(c) = &mut child {
        if c.exited() {
            failed_command = c.exit_code().filter(|&code| code != 0);
        }
        // The session is over; the command does not outlive it.
        c.stop();
    }

    match interp.state() {
        RunState::Error => {
            for id in ordered(program, |k| match k {
                ProbeKind::Error(n) => Some(*n),
                _ => None,
            }) {
                interp.run_probe(id);
            }
        }
        _ => {
            interp.request_exit();
            for id in ordered(program, |k| match k {
                ProbeKind::End(n) => Some(*n),
                _ => None,
            }) {
                interp.run_probe(id);
            }
            if options.display_globals && interp.state() != RunState::Error {
                interp.display_unread_globals();
            }
        }
    }

    let (errors, skipped) = (interp.error_count(), interp.skipped_count());
    let report = options.timing.map(|format| {
        let mut stats = interp.probe_stats().to_vec();
        if let Some(ev) = &mut events {
            for (id, s) in ev.probe_stats() {
                let t = &mut stats[id.0 as usize];
                t.hits += s.hits;
                t.ns += s.ns;
                t.errors += s.errors;
            }
        }
        timing_report(program, sources, &stats, format)
    });
    let out = interp.output();
    out.flush();
    if let Some(r) = report {
        out.out(r.as_bytes());
        out.flush();
    }
    if let (Some(code), Some(cmd)) = (failed_command, &options.command) {
        out.err(format!("WARNING: command '{cmd}' exited with status {code}\n").as_bytes());
    }
    if errors > 0 || skipped > 0 {
        out.err(
            format!("WARNING: Number of errors: {errors}, skipped probes: {skipped}\n").as_bytes(),
        );
    }
    out.flush();
    Ok(if errors > 0 { 1 } else { 0 })
}

/// The event phase: timers fire until something stops the session.
fn run_events(
    program: &Program,
    interp: &mut Interp<'_>,
    signals: &Signals,
    child: &mut Option<Box<dyn TargetProcess>>,
    events: &mut Option<&mut dyn EventSource>,
    hooks: Option<&dyn SessionHooks>,
    timeout: Option<Duration>,
) {
    let start = Instant::now();
    let deadline = timeout.map(|t| start + t);
    let mut rng = (start.elapsed().as_nanos() as u64) ^ 0x5851_f42d_4c95_7f2d | 1;
    let mut timers: Vec<TimerState> = program
        .probes
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match p.kind {
            ProbeKind::Timer {
                period_ns,
                randomize_ns,
            } => Some(TimerState {
                probe: ProbeId(i as u32),
                period: Duration::from_nanos(period_ns.max(1)),
                randomize_ns,
                due: start,
            }),
            _ => None,
        })
        .collect();
    for t in &mut timers {
        t.due = start + jittered(t, &mut rng);
    }
    // With nothing that could fire, the session waits for Ctrl-C or SIGTERM, as
    // SystemTap's does. A run that does not handle signals (an embedded one) could
    // never end, so it ends now (unless -T ends it).
    if timers.is_empty()
        && child.is_none()
        && events.is_none()
        && !signals.enabled()
        && deadline.is_none()
    {
        interp.request_exit();
        return;
    }
    const POLL: Duration = Duration::from_millis(20);
    // Output written to a file reaches it at least this often, so `tail -f` follows.
    const FLUSH: Duration = Duration::from_millis(200);
    let mut flushed = Instant::now();
    while interp.state() == RunState::Running {
        if let Some(h) = hooks {
            h.idle(program, interp.store());
        }
        if flushed.elapsed() >= FLUSH {
            interp.output().flush();
            flushed = Instant::now();
        }
        if signals.raised() {
            interp.request_exit();
            break;
        }
        if let Some(c) = child
            && c.exited()
        {
            interp.request_exit();
            break;
        }
        let now = Instant::now();
        if deadline.is_some_and(|d| d <= now) {
            interp.request_exit();
            break;
        }
        // The -T deadline wakes the loop like a timer that stops it.
        let next_due = timers.iter().map(|t| t.due).chain(deadline).min();
        match next_due {
            Some(due) if due <= now => {
                for t in &mut timers {
                    if t.due <= now && interp.state() == RunState::Running {
                        interp.run_probe(t.probe);
                        // Ticks missed while busy are dropped, not replayed.
                        t.due = (t.due + jittered(t, &mut rng)).max(now);
                    }
                }
            }
            Some(due) => wait(events, interp, (due - now).min(POLL)),
            None => wait(events, interp, POLL),
        }
    }
}

/// Starts the `-c` command (see [`command_words`]), on `/dev/null` with `null_stdio`.
pub fn spawn_command(cmd: &str, null_stdio: bool) -> std::io::Result<Child> {
    let (program, args) = command_words(cmd);
    let mut command = Command::new(program);
    command.args(args);
    if null_stdio {
        command
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
    }
    command.spawn()
}

/// How the `-c` command runs: a simple command (words without shell syntax or quotes)
/// is executed directly, so `target()` is its pid and no shell runs first; anything else
/// runs under `/bin/sh -c` as written. Returns the program and its arguments.
pub fn command_words(cmd: &str) -> (String, Vec<String>) {
    let simple = !cmd.chars().any(|c| {
        matches!(
            c,
            ';' | '&'
                | '|'
                | '<'
                | '>'
                | '('
                | ')'
                | '`'
                | '$'
                | '\n'
                | '{'
                | '}'
                | '\''
                | '"'
                | '\\'
                | '*'
                | '?'
                | '['
                | '~'
                | '#'
                | '='
        )
    });
    let words: Vec<String> = cmd.split_whitespace().map(str::to_string).collect();
    // Shell builtins and keywords (`exit 0`, `cd`) need the shell too.
    let on_path = |w: &str| {
        if w.contains('/') {
            return std::path::Path::new(w).is_file();
        }
        std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(w).is_file()))
    };
    if simple && !words.is_empty() && on_path(&words[0]) {
        (words[0].clone(), words[1..].to_vec())
    } else {
        (
            "/bin/sh".to_string(),
            vec!["-c".to_string(), cmd.to_string()],
        )
    }
}

/// Sleeps, or waits for kernel records when there are kernel probes.
fn wait(events: &mut Option<&mut dyn EventSource>, interp: &mut Interp<'_>, d: Duration) {
    match events {
        Some(ev) => ev.poll(d, interp),
        None => std::thread::sleep(d),
    }
}

/// The period, moved by up to ±randomize (never below 1 ns).
fn jittered(t: &TimerState, rng: &mut u64) -> Duration {
    if t.randomize_ns == 0 {
        return t.period;
    }
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    let span = t.randomize_ns.saturating_mul(2).saturating_add(1);
    let offset = (*rng % span) as i128 - t.randomize_ns as i128;
    let ns = (t.period.as_nanos() as i128 + offset).max(1);
    Duration::from_nanos(ns as u64)
}

/// The `-t` report: every probe point with where it is written, how often it ran and
/// the time its handlers took (kernel probes measure themselves in BPF; userspace
/// probes are timed here), as a table or as JSON.
pub fn timing_report(
    program: &Program,
    sources: &SourceMap,
    stats: &[crate::interp::ProbeStats],
    format: TimingFormat,
) -> String {
    let rows: Vec<(String, String, &'static str, crate::interp::ProbeStats)> = program
        .probes
        .iter()
        .zip(stats)
        .filter(|(p, _)| !matches!(p.kind, ProbeKind::Never))
        .map(|(p, s)| {
            let at = sources.location(p.span);
            let place = if rstap_ir::placement::placement(program, p).is_kernel() {
                "kernel"
            } else {
                "userspace"
            };
            (p.pp.clone(), at, place, *s)
        })
        .collect();
    if format == TimingFormat::Json {
        let probes: Vec<serde_json::Value> = rows
            .iter()
            .map(|(pp, at, place, s)| {
                serde_json::json!({
                    "probe": pp,
                    "location": at,
                    "runs_in": place,
                    "hits": s.hits,
                    "total_ns": s.ns,
                    "avg_ns": s.ns.checked_div(s.hits).unwrap_or(0),
                    "errors": s.errors,
                })
            })
            .collect();
        return format!("{}\n", serde_json::json!({ "probes": probes }));
    }
    let header = [
        "probe", "location", "runs in", "hits", "total ns", "avg ns", "errors",
    ];
    let mut table: Vec<[String; 7]> = vec![header.map(str::to_string)];
    for (pp, at, place, s) in &rows {
        let avg = s.ns.checked_div(s.hits).unwrap_or(0);
        table.push([
            pp.clone(),
            at.clone(),
            place.to_string(),
            s.hits.to_string(),
            s.ns.to_string(),
            avg.to_string(),
            s.errors.to_string(),
        ]);
    }
    let mut widths = [0usize; 7];
    for row in &table {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut text = String::from("----- probe hit report:\n");
    for row in &table {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            // Text columns left-aligned, numbers right-aligned.
            if i < 3 {
                line.push_str(&format!("{cell:<w$}"));
            } else {
                line.push_str(&format!("{cell:>w$}"));
            }
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}
