//! `--remote`: one script on many hosts at once, over the system's ssh.
//!
//! For each host: a handshake (`rstap remote-hello`) names the remote rstap's version
//! and kernel; then one ssh session runs the remote rstap with `--remote-control` and
//! the payload on its standard input. A host whose kernel and rstap match this
//! machine's gets a session compiled here once (what `-p4` writes, run there by
//! `rstap run`); any other host gets the script and compiles it against its own kernel.
//! Each host's output lines are relayed as they arrive, in order per host, prefixed
//! `[N] ` with `--remote-prefix`. Ctrl-C closes every session's standard input, which
//! the remote rstap takes as its own Ctrl-C: its end probes run and their output comes
//! back. A host that fails is reported in one line; the others go on.

pub mod control;
pub mod destination;
pub mod forward;
pub mod protocol;
pub mod ssh;

use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::os::unix::process::CommandExt;
use std::process::{Child, ChildStdin, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use crate::config::{ColorChoice, Config, Mode, RemotePlan, ScriptSource};
use crate::pass_stats::plural;
use destination::Destination;
use protocol::{Hello, PayloadKind};
use ssh::{Captured, Ssh, run_captured};

const FAILED: u8 = 1;

/// Each remote rstap finds its host's index (its `--remote` option, from 0) here, so a
/// `-c` command can differ per host.
pub const INDEX_VAR: &str = "RSTAP_REMOTE_INDEX";

/// Why a host did not run to the end, as one line.
#[derive(Debug)]
enum HostError {
    /// ssh could not connect (or lost the connection): its last message.
    Connect(String),
    /// The remote shell found no rstap (exit status 127).
    Missing,
    /// The remote rstap is older than this one.
    TooOld(String),
    /// The remote rstap did not answer the handshake.
    Handshake(String),
    /// `-I` directories are here, and the host compiles the script itself.
    LocalTapsets,
    /// The remote rstap ran and failed (its own messages were relayed before).
    Failed(i32),
    /// The ssh session ended with status 255 after it started: the connection was lost
    /// (ssh's message came before), or the remote rstap was killed.
    Lost,
    /// Stopped by a second Ctrl-C, or interrupted before it started.
    Interrupted,
}

impl HostError {
    fn code(&self) -> &'static str {
        match self {
            HostError::Connect(_) | HostError::Lost => "H0001",
            HostError::Missing | HostError::TooOld(_) | HostError::Handshake(_) => "H0002",
            HostError::LocalTapsets | HostError::Failed(_) | HostError::Interrupted => "H0003",
        }
    }

    fn message(&self, ssh: &Ssh) -> String {
        let here = env!("CARGO_PKG_VERSION");
        let install = format!(
            "install rstap {here} or newer there, or name it with --remote-rstap or RSTAP_REMOTE_RSTAP"
        );
        match self {
            HostError::Connect(why) => format!("cannot connect with ssh: {why}"),
            HostError::Missing => format!(
                "'{}' was not found there (status 127); {install}",
                ssh.rstap()
            ),
            HostError::TooOld(v) => format!("rstap {v} is older than {here}; {install}"),
            HostError::Handshake(why) => format!(
                "'{} remote-hello' failed ({why}); the remote rstap may predate {here}: {install}",
                ssh.rstap()
            ),
            HostError::LocalTapsets => "the script must compile there (another kernel or rstap), but -I names directories on this machine; copy them there and run without -I".to_string(),
            HostError::Lost => "the ssh session ended with status 255: the connection was lost, or rstap was killed there".to_string(),
            HostError::Failed(status) => format!("rstap exited with status {status}"),
            HostError::Interrupted => "interrupted".to_string(),
        }
    }
}

/// The last non-empty line of a command's messages.
fn last_line(text: &str) -> String {
    text.lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}

/// Where the relayed lines go, with the `[N] ` prefixes.
struct Relay {
    prefix: bool,
    output: Option<std::io::BufWriter<std::fs::File>>,
}

impl Relay {
    fn prefix(&self, host: usize) -> String {
        if self.prefix {
            format!("[{host}] ")
        } else {
            String::new()
        }
    }

    fn line(&mut self, host: usize, stderr: bool, bytes: &[u8]) {
        let mut line = self.prefix(host).into_bytes();
        line.extend_from_slice(bytes);
        if !line.ends_with(b"\n") {
            line.push(b'\n');
        }
        let _ = if stderr {
            std::io::stderr().lock().write_all(&line)
        } else if let Some(file) = &mut self.output {
            file.write_all(&line)
        } else {
            let mut out = std::io::stdout().lock();
            out.write_all(&line).and_then(|()| out.flush())
        };
    }

    fn error(&mut self, host: usize, dest: &Destination, e: &HostError, ssh: &Ssh) {
        let text = format!("error[{}]: {dest}: {}", e.code(), e.message(ssh));
        self.line(host, true, text.as_bytes());
    }

    fn note(&mut self, host: usize, text: &str) {
        self.line(host, true, text.as_bytes());
    }
}

/// The Ctrl-C count, kept by a signal thread.
struct Interrupts {
    count: Arc<AtomicUsize>,
    /// Set on the first one: cancels commands that are only waited for.
    first: Arc<AtomicBool>,
}

impl Interrupts {
    fn install() -> Interrupts {
        let count = Arc::new(AtomicUsize::new(0));
        let first = Arc::new(AtomicBool::new(false));
        let signals = signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
        ]);
        if let Ok(mut signals) = signals {
            let (count, first) = (Arc::clone(&count), Arc::clone(&first));
            std::thread::spawn(move || {
                for _ in signals.forever() {
                    count.fetch_add(1, Ordering::SeqCst);
                    first.store(true, Ordering::SeqCst);
                }
            });
        }
        Interrupts { count, first }
    }

    fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }
}

/// What each remote rstap runs.
enum Work {
    /// `rstap [OPTIONS] -` with the script, or `rstap run` with a session compiled here.
    Script(String),
    /// `rstap -l/-L PATTERN`.
    List,
    /// `rstap doctor`.
    Doctor,
}

/// Runs `cfg` on the hosts of its `--remote` options.
pub fn run(cfg: &Config) -> u8 {
    let Some(plan) = &cfg.remote else {
        return FAILED;
    };
    let work = match &cfg.mode {
        Mode::Run(src) => match script_text(src) {
            Ok(t) => Work::Script(t),
            Err(e) => {
                eprintln!("{e}");
                return FAILED;
            }
        },
        Mode::List { .. } => Work::List,
        Mode::Doctor => Work::Doctor,
        _ => return FAILED,
    };
    let ssh = Ssh::new(
        std::env::var("RSTAP_SSH").ok().as_deref(),
        plan.rstap
            .clone()
            .or_else(|| std::env::var("RSTAP_REMOTE_RSTAP").ok())
            .as_deref(),
    );
    let interrupts = Interrupts::install();
    let mut relay = Relay {
        prefix: plan.prefix,
        output: None,
    };
    if let (Some(path), Work::Script(_) | Work::List) = (&cfg.output, &work) {
        match std::fs::File::create(path) {
            Ok(f) => relay.output = Some(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!(
                    "error[C0001]: cannot open output file '{}': {e}",
                    path.display()
                );
                return FAILED;
            }
        }
    }
    let verbose = cfg.verbose.iter().any(|&v| v > 0);

    let hellos = handshakes(&plan.hosts, &ssh, &interrupts.first);
    if interrupts.count() > 0 {
        eprintln!("rstap: interrupted before the hosts started");
        return FAILED;
    }
    let here = Hello::of_this_machine();
    let mut results: Vec<Option<HostError>> = Vec::new();
    let mut jobs: Vec<Option<Job>> = Vec::new();
    let compiled_here = match &work {
        Work::Script(text) if wants_local_compile(cfg, &hellos, &here) => {
            compile_here(cfg, plan, text, &interrupts.first)
        }
        _ => None,
    };
    if interrupts.count() > 0 {
        eprintln!("rstap: interrupted before the hosts started");
        return FAILED;
    }
    for (i, hello) in hellos.into_iter().enumerate() {
        let dest = &plan.hosts[i];
        let job = hello.and_then(|hello| {
            let job = job_for(cfg, &work, &hello, &here, compiled_here.as_deref())?;
            if verbose {
                let how = match &job.payload {
                    Some((PayloadKind::Session, _)) => format!(
                        "runs this machine's kernel ({}) and rstap: sending the session compiled here",
                        here.kernel
                    ),
                    Some((PayloadKind::Script, _)) => format!(
                        "runs kernel {}: sending the script to compile there",
                        hello.kernel
                    ),
                    None => format!("runs kernel {}", hello.kernel),
                };
                relay.note(i, &format!("rstap: {dest} {how}"));
            }
            Ok(job)
        });
        match job {
            Ok(job) => {
                results.push(None);
                jobs.push(Some(job));
            }
            Err(e) => {
                relay.error(i, dest, &e, &ssh);
                results.push(Some(e));
                jobs.push(None);
            }
        }
    }

    run_sessions(plan, &ssh, jobs, &mut results, &interrupts, &mut relay);
    if let Some(out) = &mut relay.output
        && let Err(e) = out.flush()
    {
        eprintln!("error: cannot write the output: {e}");
        return FAILED;
    }
    let failed = results.iter().filter(|r| r.is_some()).count();
    if failed > 0 {
        eprintln!("{failed} of {} failed", plural(plan.hosts.len(), "host"));
        FAILED
    } else {
        0
    }
}

/// The remote rstap's command line and payload for a host that answered `hello`.
fn job_for(
    cfg: &Config,
    work: &Work,
    hello: &Hello,
    here: &Hello,
    compiled_here: Option<&[u8]>,
) -> Result<Job, HostError> {
    let Some(plan) = &cfg.remote else {
        return Err(HostError::Interrupted);
    };
    let session = compiled_here.filter(|_| hello.runs_sessions_of(here));
    let text = match work {
        Work::Doctor => {
            return Ok(Job {
                args: vec!["doctor".into()],
                payload: None,
            });
        }
        // The -I directories are on this machine: only a session compiled here has them.
        _ if session.is_none() && !cfg.include_dirs.is_empty() => {
            return Err(HostError::LocalTapsets);
        }
        Work::List => {
            return Ok(Job {
                args: with_color(cfg, plan.options.clone()),
                payload: None,
            });
        }
        Work::Script(text) => text,
    };
    if let Some(session) = session {
        let mut args = vec!["run".to_string(), "--remote-control".into()];
        args.extend(plan.run_options.iter().cloned());
        args.push("-".into());
        return Ok(Job {
            args,
            payload: Some((PayloadKind::Session, session.to_vec())),
        });
    }
    let mut args = with_color(cfg, plan.options.clone());
    args.extend(["--remote-control".into(), "-".into()]);
    if !cfg.args.is_empty() {
        args.push("--".into());
        args.extend(cfg.args.iter().cloned());
    }
    Ok(Job {
        args,
        payload: Some((PayloadKind::Script, text.as_bytes().to_vec())),
    })
}

/// The script's text, read here (it travels to the hosts as the payload).
fn script_text(src: &ScriptSource) -> Result<String, String> {
    match src {
        ScriptSource::Text(t) => Ok(t.clone()),
        ScriptSource::Stdin => {
            let mut t = String::new();
            std::io::stdin().read_to_string(&mut t).map_err(|e| {
                format!("error[C0003]: cannot read the script from standard input: {e}")
            })?;
            Ok(t)
        }
        ScriptSource::File(p) => std::fs::read(p)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .map_err(|e| {
                format!(
                    "error[C0003]: cannot read script file '{}': {e}",
                    p.display()
                )
            }),
    }
}

/// The forwarded options and the colour this terminal wants (the remote's stderr is a
/// pipe, so it cannot decide for itself).
fn with_color(cfg: &Config, mut args: Vec<String>) -> Vec<String> {
    let color = match cfg.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    args.push(
        if color {
            "--color=always"
        } else {
            "--color=never"
        }
        .into(),
    );
    args
}

/// Every host's handshake, in parallel.
fn handshakes(
    hosts: &[Destination],
    ssh: &Ssh,
    cancel: &AtomicBool,
) -> Vec<Result<Hello, HostError>> {
    std::thread::scope(|s| {
        let running: Vec<_> = hosts
            .iter()
            .map(|h| s.spawn(move || handshake(h, ssh, cancel)))
            .collect();
        running
            .into_iter()
            .map(|t| t.join().unwrap_or(Err(HostError::Interrupted)))
            .collect()
    })
}

fn handshake(host: &Destination, ssh: &Ssh, cancel: &AtomicBool) -> Result<Hello, HostError> {
    let ask = |arg: &str| -> Result<Captured, HostError> {
        let c = run_captured(ssh.command(host, &[], &[arg.to_string()]), None, cancel)
            .map_err(|e| HostError::Connect(format!("cannot start ssh: {e}")))?;
        match c.status {
            None => Err(HostError::Interrupted),
            Some(255) => Err(HostError::Connect(last_line(&c.stderr))),
            Some(127) => Err(HostError::Missing),
            Some(_) => Ok(c),
        }
    };
    let answer = ask("remote-hello")?;
    if answer.status == Some(0)
        && let Some(hello) = Hello::parse(&answer.stdout)
    {
        let here = env!("CARGO_PKG_VERSION");
        if protocol::older_than(&hello.version, here) {
            return Err(HostError::TooOld(hello.version));
        }
        if hello.protocol != protocol::PROTOCOL {
            return Err(HostError::Handshake(format!(
                "it speaks remote protocol {}, this rstap {}",
                hello.protocol,
                protocol::PROTOCOL
            )));
        }
        return Ok(hello);
    }
    // An rstap from before the handshake existed still tells its version.
    let why = match last_line(&answer.stderr) {
        l if l.is_empty() => format!("status {}", answer.status.unwrap_or(-1)),
        l => l,
    };
    match ask("--version") {
        Ok(v) => match protocol::version_in(&v.stdout) {
            Some(version) if protocol::older_than(&version, env!("CARGO_PKG_VERSION")) => {
                Err(HostError::TooOld(version))
            }
            _ => Err(HostError::Handshake(why)),
        },
        Err(e) => Err(e),
    }
}

/// Whether some host can run a session compiled here.
fn wants_local_compile(cfg: &Config, hellos: &[Result<Hello, HostError>], here: &Hello) -> bool {
    let remote_compile = std::env::var("RSTAP_REMOTE_COMPILE").is_ok_and(|v| v == "remote");
    cfg.last_pass == 5
        && !remote_compile
        && hellos
            .iter()
            .any(|h| h.as_ref().is_ok_and(|h| h.runs_sessions_of(here)))
}

/// Compiles the script here, as `-p4` does, with this same rstap; returns the session
/// file's contents. On failure (the script's own errors included) the hosts compile
/// the script themselves and report what they find.
fn compile_here(
    cfg: &Config,
    plan: &RemotePlan,
    text: &str,
    cancel: &AtomicBool,
) -> Option<Vec<u8>> {
    let exe = std::env::current_exe().ok()?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("rstap-remote-{}-{stamp}", std::process::id()));
    std::fs::create_dir(&dir).ok()?;
    let mut cmd = std::process::Command::new(exe);
    cmd.current_dir(&dir);
    cmd.args(with_color(cfg, plan.options.clone()));
    for d in &cfg.include_dirs {
        // The child runs in another directory: relative paths are made absolute.
        let d = std::path::absolute(d).unwrap_or_else(|_| d.clone());
        cmd.arg("-I").arg(d);
    }
    cmd.args(["-p4", "-"]);
    if !cfg.args.is_empty() {
        cmd.arg("--").args(&cfg.args);
    }
    let result = run_captured(cmd, Some(text.as_bytes().to_vec()), cancel);
    let session = match &result {
        Ok(c) if c.status == Some(0) => {
            // Warnings of the compilation, once for all hosts.
            eprint!("{}", c.stderr);
            std::fs::read(dir.join(last_line(&c.stdout))).ok()
        }
        _ => None,
    };
    let _ = std::fs::remove_dir_all(&dir);
    if session.is_none() && cfg.verbose.iter().any(|&v| v > 0) {
        eprintln!("rstap: the script did not compile here; each host compiles it");
    }
    session
}

/// A remote rstap to start.
struct Job {
    args: Vec<String>,
    /// Written framed on its standard input, which then stays open as the stop channel.
    payload: Option<(PayloadKind, Vec<u8>)>,
}

enum Event {
    Line {
        host: usize,
        stderr: bool,
        bytes: Vec<u8>,
    },
    Closed {
        host: usize,
    },
}

/// A running host session.
struct Running {
    child: Child,
    /// Dropping it closes the remote rstap's standard input: its Ctrl-C.
    stop: Option<mpsc::Sender<()>>,
    open_streams: usize,
}

fn run_sessions(
    plan: &RemotePlan,
    ssh: &Ssh,
    jobs: Vec<Option<Job>>,
    results: &mut [Option<HostError>],
    interrupts: &Interrupts,
    relay: &mut Relay,
) {
    let (tx, rx) = mpsc::channel::<Event>();
    let mut running: Vec<Option<Running>> = Vec::new();
    for (i, job) in jobs.into_iter().enumerate() {
        let Some(job) = job else {
            running.push(None);
            continue;
        };
        let dest = &plan.hosts[i];
        let mut cmd = ssh.command(dest, &[(INDEX_VAR, i.to_string())], &job.args);
        cmd.stdin(if job.payload.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // A terminal's Ctrl-C reaches this process only: the sessions are stopped
        // through their standard input, so that their end probes run.
        .process_group(0);
        let mut child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => {
                let err = HostError::Connect(format!("cannot start ssh: {e}"));
                relay.error(i, dest, &err, ssh);
                results[i] = Some(err);
                running.push(None);
                continue;
            }
        };
        let mut open_streams = 0;
        if let Some(out) = child.stdout.take() {
            open_streams += 1;
            relay_lines(i, false, out, tx.clone());
        }
        if let Some(err) = child.stderr.take() {
            open_streams += 1;
            relay_lines(i, true, err, tx.clone());
        }
        let stop = match (job.payload, child.stdin.take()) {
            (Some((kind, payload)), Some(stdin)) => {
                Some(feed(protocol::frame(kind, &payload), stdin))
            }
            _ => None,
        };
        running.push(Some(Running {
            child,
            stop,
            open_streams,
        }));
    }
    drop(tx);

    let mut seen_interrupts = 0;
    while running.iter().any(Option::is_some) {
        match rx.recv_timeout(Duration::from_millis(20)) {
            Ok(Event::Line {
                host,
                stderr,
                bytes,
            }) => relay.line(host, stderr, &bytes),
            Ok(Event::Closed { host }) => {
                if let Some(Some(r)) = running.get_mut(host) {
                    r.open_streams = r.open_streams.saturating_sub(1);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout | mpsc::RecvTimeoutError::Disconnected) => {}
        }
        let n = interrupts.count();
        if n > seen_interrupts {
            seen_interrupts = n;
            for r in running.iter_mut().flatten() {
                // The first Ctrl-C asks every host to stop; the next one ends the ssh
                // sessions of those that still run.
                if n == 1 {
                    r.stop = None;
                } else {
                    let _ = r.child.kill();
                }
            }
        }
        for (i, slot) in running.iter_mut().enumerate() {
            let Some(r) = slot else { continue };
            if r.open_streams > 0 {
                continue;
            }
            let status = match r.child.try_wait() {
                Ok(Some(s)) => s,
                Ok(None) => continue,
                Err(_) => match r.child.wait() {
                    Ok(s) => s,
                    Err(_) => continue,
                },
            };
            let outcome = match status.code() {
                Some(0) => None,
                Some(255) => Some(HostError::Lost),
                Some(127) => Some(HostError::Missing),
                Some(code) => Some(HostError::Failed(code)),
                None => Some(HostError::Interrupted),
            };
            if let Some(e) = &outcome {
                relay.error(i, &plan.hosts[i], e, ssh);
            }
            results[i] = outcome;
            *slot = None;
        }
    }
}

/// Sends one host's lines to the relay as they arrive.
fn relay_lines(
    host: usize,
    stderr: bool,
    stream: impl Read + Send + 'static,
    tx: mpsc::Sender<Event>,
) {
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        loop {
            let mut bytes = Vec::new();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    if tx
                        .send(Event::Line {
                            host,
                            stderr,
                            bytes,
                        })
                        .is_err()
                    {
                        break;
                    }
                }
            }
        }
        let _ = tx.send(Event::Closed { host });
    });
}

/// Writes the payload, then keeps the remote's standard input open until the returned
/// sender is dropped.
fn feed(payload: Vec<u8>, mut stdin: ChildStdin) -> mpsc::Sender<()> {
    let (stop, stopped) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        let _ = stdin.write_all(&payload);
        let _ = stdin.flush();
        // Returns when the sender is dropped.
        let _ = stopped.recv();
        drop(stdin);
    });
    stop
}
