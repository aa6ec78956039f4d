//! The kernel side of a live session: output records from the ring buffer, applied to
//! the session in the order the kernel committed them.

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use rstap_bpf::layout::{CONF_MAP, CONF_STATE, CONF_TARGET_PID, RINGBUF_MAP};
use rstap_bpf::{Compiled, SiteKind};
use rstap_format::{FmtArg, Format, NoMemory};
use rstap_interp::session::{EventSource, TargetProcess};
use rstap_interp::{Interp, RuntimeError};
use rstap_ir::Type;
use rstap_sys::bpf::Map;
use rstap_sys::maps::{MapOps, UpdateFlag};
use rstap_sys::ringbuf::RingBuf;

use crate::Attached;
use crate::stacks::Expander;

/// The config state while begin probes run: kernel handlers skip events until then.
pub(crate) const STATE_STARTING: i64 = 3;

/// What one output record asks of the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Text for standard output.
    Output(Vec<u8>),
    /// A runtime error raised in a kernel probe.
    Error(RuntimeError),
    /// A `WARNING:` line for standard error.
    Warning(Vec<u8>),
    /// `exit()` was called.
    Exit,
    /// `switch_file()` was called.
    SwitchFile,
}

/// Parsed `printf` formats by site, so each is parsed once per session.
pub type FormatCache = HashMap<usize, Option<Format>>;

/// Decodes one ring-buffer record of `compiled` (`None` for a malformed record), for a
/// session without a stack map.
pub fn decode(compiled: &Compiled, formats: &mut FormatCache, rec: &[u8]) -> Option<Event> {
    let mut text = Vec::new();
    let expander = Expander::new(None, Default::default(), 512);
    match decode_into(compiled, formats, &expander, rec, &mut text)? {
        Decoded::Output => Some(Event::Output(text)),
        Decoded::Other(e) => Some(e),
    }
}

/// What [`decode_into`] found.
pub enum Decoded {
    /// Output text was appended to the buffer.
    Output,
    Other(Event),
}

/// Like [`decode`], but appends output text to `out` without allocating, and expands
/// kernel stack and symbol tokens with `stacks`.
pub fn decode_into(
    compiled: &Compiled,
    formats: &mut FormatCache,
    stacks: &Expander<'_>,
    rec: &[u8],
    out: &mut Vec<u8>,
) -> Option<Decoded> {
    if rec.len() < 8 {
        return None;
    }
    let site_id = u32::from_le_bytes(rec[..4].try_into().unwrap()) as usize;
    let site = compiled.sites.get(site_id)?;
    let args: Vec<Arg> = site
        .args
        .iter()
        .map(|a| {
            let at = a.offset as usize;
            let end = (at + a.width as usize).min(rec.len());
            let raw = &rec[at.min(end)..end];
            match a.ty {
                Type::String => {
                    let n = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
                    let raw = &raw[..n];
                    match site.kind {
                        // print_syms expands its argument itself.
                        SiteKind::PrintSyms | SiteKind::PrintUsyms => Arg::Str(Cow::Borrowed(raw)),
                        _ => Arg::Str(stacks.expand(raw).map_or(Cow::Borrowed(raw), Cow::Owned)),
                    }
                }
                _ => {
                    let mut b = [0u8; 8];
                    b[..raw.len().min(8)].copy_from_slice(&raw[..raw.len().min(8)]);
                    Arg::Long(i64::from_le_bytes(b))
                }
            }
        })
        .collect();
    Some(match &site.kind {
        SiteKind::Print { kind, delimiter } => {
            let buf = out;
            for (i, a) in args.iter().enumerate() {
                if i > 0
                    && let Some(d) = delimiter
                {
                    buf.extend_from_slice(d);
                }
                match a {
                    Arg::Long(n) if kind.char => buf.push(*n as u8),
                    Arg::Long(n) => buf.extend_from_slice(n.to_string().as_bytes()),
                    Arg::Str(s) => buf.extend_from_slice(s),
                }
            }
            if kind.newline {
                buf.push(b'\n');
            }
            Decoded::Output
        }
        SiteKind::Printf { format } => {
            let parsed = formats
                .entry(site_id)
                .or_insert_with(|| rstap_format::parse_format(format).ok());
            let f = parsed.as_ref()?;
            let fmt_args: Vec<FmtArg> = args
                .iter()
                .map(|a| match a {
                    Arg::Long(n) => FmtArg::Long(*n),
                    Arg::Str(s) => FmtArg::Str(s.as_ref()),
                })
                .collect();
            let mark = out.len();
            match f.render(&fmt_args, &NoMemory, out) {
                Ok(()) => Decoded::Output,
                Err(e) => {
                    out.truncate(mark);
                    Decoded::Other(Event::Error(RuntimeError::new(
                        rstap_interp::error::BAD_ARGUMENT,
                        e.to_string(),
                        site.span,
                    )))
                }
            }
        }
        SiteKind::Error { code, message } => Decoded::Other(Event::Error(RuntimeError::new(
            *code,
            message.clone(),
            site.span,
        ))),
        SiteKind::Fault {
            code,
            prefix,
            suffix,
        } => {
            let addr = match args.first() {
                Some(Arg::Long(a)) => *a as u64,
                _ => 0,
            };
            Decoded::Other(Event::Error(RuntimeError::new(
                *code,
                format!("{prefix}0x{addr:x}{suffix}"),
                site.span,
            )))
        }
        SiteKind::ScriptError => {
            let msg = match args.first() {
                Some(Arg::Str(s)) => String::from_utf8_lossy(s).into_owned(),
                _ => String::new(),
            };
            let msg = msg.strip_suffix('\n').unwrap_or(&msg).to_string();
            Decoded::Other(Event::Error(RuntimeError::new(
                rstap_interp::error::SCRIPT_ERROR,
                msg,
                site.span,
            )))
        }
        SiteKind::Warn => {
            let mut line = b"WARNING: ".to_vec();
            if let Some(Arg::Str(s)) = args.first() {
                line.extend_from_slice(s);
            }
            if line.last() != Some(&b'\n') {
                line.push(b'\n');
            }
            Decoded::Other(Event::Warning(line))
        }
        SiteKind::NoStackFrame { code, user } => {
            let level = match args.first() {
                Some(Arg::Long(n)) => *n,
                _ => 0,
            };
            Decoded::Other(Event::Error(RuntimeError::new(
                *code,
                rstap_ir::stacks::no_frame_message(*user, level),
                site.span,
            )))
        }
        SiteKind::PrintBacktrace => {
            if let Some(Arg::Long(id)) = args.first() {
                out.extend_from_slice(&stacks.print_backtrace(*id));
            }
            Decoded::Output
        }
        SiteKind::PrintSyms => {
            if let Some(Arg::Str(s)) = args.first() {
                out.extend_from_slice(&stacks.print_syms(s));
            }
            Decoded::Output
        }
        SiteKind::PrintUbacktrace { brief } => {
            if let [
                Arg::Long(pid),
                Arg::Long(id),
                Arg::Long(ids),
                Arg::Long(caller),
            ] = args.as_slice()
            {
                let values = [*pid, *id, *ids, *caller];
                out.extend_from_slice(&stacks.print_ubacktrace(values, *brief));
            }
            Decoded::Output
        }
        SiteKind::PrintUsyms => {
            if let [Arg::Long(pid), Arg::Str(s)] = args.as_slice() {
                out.extend_from_slice(&stacks.print_usyms(*pid, s));
            }
            Decoded::Output
        }
        SiteKind::ProcessSeen => {
            if let Some(Arg::Long(pid)) = args.first() {
                stacks.note_process(*pid as u32);
            }
            Decoded::Output
        }
        SiteKind::Exit => Decoded::Other(Event::Exit),
        SiteKind::SwitchFile => Decoded::Other(Event::SwitchFile),
    })
}

/// Drains the ring buffer into the session.
pub struct Events<'m> {
    compiled: &'m Compiled,
    stacks: Rc<Expander<'m>>,
    /// Stack-keyed aggregations to read once the events stop, and what was read.
    profile: Option<(&'m rstap_ir::Program, Vec<rstap_ir::stacks::StackKeyed>)>,
    profile_rows: Vec<crate::StackRows>,
    /// The start notice, printed once the handlers run.
    notice: Option<String>,
    control: &'m mut [Map],
    /// `-t`: the per-CPU {hits, ns} each kernel probe counted.
    timing: Option<&'m Map>,
    overload: Option<OverloadWatch<'m>>,
    ring: RingBuf,
    attached: Vec<Attached>,
    formats: FormatCache,
    scratch: Vec<u8>,
    bounds: Vec<(usize, usize)>,
    text: Vec<u8>,
}

/// Overload protection's state: the programs, their run time at the last sample.
struct OverloadWatch<'m> {
    limit: crate::Overload,
    _stats: std::os::fd::OwnedFd,
    programs: Vec<(&'m rstap_sys::prog::Program, String)>,
    last: Vec<u64>,
    since: std::time::Instant,
}

/// One decoded record argument.
enum Arg<'r> {
    Long(i64),
    Str(Cow<'r, [u8]>),
}

impl<'m> Events<'m> {
    pub(crate) fn new(
        compiled: &'m Compiled,
        control: &'m mut [Map],
        attached: Vec<Attached>,
        stacks: Rc<Expander<'m>>,
    ) -> std::io::Result<Events<'m>> {
        let ring = RingBuf::new(&control[RINGBUF_MAP])?;
        Ok(Events {
            compiled,
            stacks,
            profile: None,
            profile_rows: Vec::new(),
            notice: None,
            control,
            timing: None,
            overload: None,
            ring,
            attached,
            formats: HashMap::new(),
            scratch: Vec::new(),
            bounds: Vec::new(),
            text: Vec::new(),
        })
    }

    /// Samples the kernel's run time of `programs` every interval and stops the session
    /// when they used more than the threshold (`stats` keeps the counting on).
    pub(crate) fn watch_overload(
        &mut self,
        limit: crate::Overload,
        stats: std::os::fd::OwnedFd,
        programs: Vec<(&'m rstap_sys::prog::Program, String)>,
    ) {
        let last = programs
            .iter()
            .map(|(p, _)| p.info_run_stats().map(|s| s.0).unwrap_or(0))
            .collect();
        self.overload = Some(OverloadWatch {
            limit,
            _stats: stats,
            programs,
            last,
            since: std::time::Instant::now(),
        });
    }

    /// At the end of each interval: the handlers' run time in it, and a stop when it
    /// exceeds the threshold, naming the costliest probe.
    fn check_overload(&mut self, interp: &mut Interp<'_>) {
        let Some(w) = &mut self.overload else { return };
        let elapsed = w.since.elapsed();
        if elapsed.as_nanos() < u128::from(w.limit.interval_ns) {
            return;
        }
        let now: Vec<u64> = w
            .programs
            .iter()
            .map(|(p, _)| p.info_run_stats().map(|s| s.0).unwrap_or(0))
            .collect();
        let deltas: Vec<u64> = now
            .iter()
            .zip(&w.last)
            .map(|(n, l)| n.saturating_sub(*l))
            .collect();
        w.last = now;
        w.since = std::time::Instant::now();
        // Scale the threshold to the interval that really passed.
        let used: u64 = deltas.iter().sum();
        let allowed = (u128::from(w.limit.threshold_ns) * elapsed.as_nanos()
            / u128::from(w.limit.interval_ns.max(1))) as u64;
        if used <= allowed || interp.state() != rstap_interp::RunState::Running {
            return;
        }
        let (worst, worst_ns) = deltas
            .iter()
            .enumerate()
            .max_by_key(|(_, d)| **d)
            .map(|(i, d)| (w.programs[i].1.clone(), *d))
            .unwrap_or_default();
        let share = |ns: u64| ns as f64 * 100.0 / elapsed.as_nanos().max(1) as f64;
        // SystemTap's message, in nanoseconds where it counts cycles.
        interp.fail(&format!(
            "probe overhead ({used} ns) exceeded threshold ({allowed} ns) in last {} ns; costliest probe {worst}: {:.0}% of one CPU",
            elapsed.as_nanos(),
            share(worst_ns),
        ));
    }

    /// Reads the probes' `-t` counts from `map` at the end.
    pub(crate) fn time_probes(&mut self, map: &'m Map) {
        self.timing = Some(map);
    }

    /// Prints `notice` on standard error once the handlers run (after begin probes).
    pub(crate) fn notice_when_running(&mut self, notice: String) {
        self.notice = Some(notice);
    }

    /// Reads these aggregations when the events stop (see [`Events::take_stack_rows`]).
    pub(crate) fn read_at_stop(
        &mut self,
        program: &'m rstap_ir::Program,
        keyed: Vec<rstap_ir::stacks::StackKeyed>,
    ) {
        if !keyed.is_empty() {
            self.profile = Some((program, keyed));
        }
    }

    /// The aggregations read when the events stopped.
    pub(crate) fn take_stack_rows(&mut self) -> Vec<crate::StackRows> {
        std::mem::take(&mut self.profile_rows)
    }

    /// Records the kernel could not write because the ring buffer was full.
    pub fn lost(&self) -> u64 {
        crate::read_stat(&self.control[crate::STATS], rstap_bpf::layout::STATS_LOST)
    }

    /// Kernel stacks that could not be recorded (see `STATS_STACKS_LOST`).
    pub fn stacks_lost(&self) -> u64 {
        crate::read_stat(
            &self.control[crate::STATS],
            rstap_bpf::layout::STATS_STACKS_LOST,
        )
    }

    /// Once the session stops running (exit, error, signal, end of the `-c` command),
    /// tells the handlers in the kernel to stop too.
    fn sync_state(&mut self, interp: &Interp<'_>) {
        let state = match interp.state() {
            rstap_interp::RunState::Running => return,
            rstap_interp::RunState::Error => 2i64,
            _ => 1,
        };
        let conf = &mut self.control[CONF_MAP];
        let key = 0u32.to_le_bytes();
        if let Ok(Some(mut v)) = conf.lookup(&key) {
            let at = CONF_STATE as usize;
            let current = i64::from_le_bytes(v[at..at + 8].try_into().unwrap());
            if current == 0 || current == STATE_STARTING {
                v[at..at + 8].copy_from_slice(&state.to_le_bytes());
                let _ = conf.update(&key, &v, UpdateFlag::Any);
            }
        }
    }

    /// Applies every committed record; returns how many there were.
    fn drain(&mut self, interp: &mut Interp<'_>) -> usize {
        // Copy the records out in one buffer (the ring's space is released as it goes),
        // then apply them.
        let mut data = std::mem::take(&mut self.scratch);
        let mut bounds = std::mem::take(&mut self.bounds);
        data.clear();
        bounds.clear();
        self.ring.consume(&mut |r: &[u8]| {
            let start = data.len();
            data.extend_from_slice(r);
            bounds.push((start, data.len()));
        });
        let n = bounds.len();
        for &(a, b) in &bounds {
            self.apply(&data[a..b], interp);
        }
        self.scratch = data;
        self.bounds = bounds;
        n
    }

    fn apply(&mut self, rec: &[u8], interp: &mut Interp<'_>) {
        self.text.clear();
        let decoded = decode_into(
            self.compiled,
            &mut self.formats,
            &self.stacks,
            rec,
            &mut self.text,
        );
        match decoded {
            Some(Decoded::Output) => interp.output().out(&self.text),
            Some(Decoded::Other(Event::Output(bytes))) => interp.output().out(&bytes),
            Some(Decoded::Other(Event::Error(e))) => interp.report_error(&e),
            Some(Decoded::Other(Event::Warning(line))) => {
                let out = interp.output();
                out.flush();
                out.err(&line);
            }
            Some(Decoded::Other(Event::Exit)) => interp.request_exit(),
            Some(Decoded::Other(Event::SwitchFile)) => interp.output().switch_file(),
            None => {}
        }
    }
}

/// The `-c` command, forked held until the begin probes have run.
struct Held(rstap_sys::process::HeldChild);

impl TargetProcess for Held {
    fn pid(&self) -> i64 {
        i64::from(self.0.pid())
    }
    fn release(&mut self) {
        self.0.release();
    }
    fn exited(&mut self) -> bool {
        !matches!(self.0.try_wait(), Ok(None))
    }
    fn stop(&mut self) {
        self.0.stop();
    }
    fn exit_code(&mut self) -> Option<i32> {
        self.0.try_wait().ok().flatten()
    }
}

impl EventSource for Events<'_> {
    fn probe_stats(&mut self) -> Vec<(rstap_ir::ProbeId, rstap_interp::ProbeStats)> {
        let Some(map) = self.timing else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, p) in self.compiled.probes.iter().enumerate() {
            let Ok(Some(per_cpu)) = map.lookup_percpu(&(i as u32).to_le_bytes()) else {
                continue;
            };
            let mut stats = rstap_interp::ProbeStats::default();
            for v in per_cpu {
                let word =
                    |at: usize| u64::from_le_bytes(v[at..at + 8].try_into().unwrap_or([0; 8]));
                stats.hits += word(0);
                stats.ns += word(8);
            }
            out.push((p.probe, stats));
        }
        out
    }

    fn spawn(
        &mut self,
        cmd: &str,
        null_stdio: bool,
    ) -> Option<std::io::Result<Box<dyn TargetProcess>>> {
        let (program, args) = rstap_interp::session::command_words(cmd);
        Some(
            rstap_sys::process::spawn_held(&program, &args, null_stdio).map(|c| {
                self.started(Some(i64::from(c.pid())));
                Box::new(Held(c)) as Box<dyn TargetProcess>
            }),
        )
    }

    fn started(&mut self, target: Option<i64>) {
        let conf = &mut self.control[CONF_MAP];
        let key = 0u32.to_le_bytes();
        if let (Some(pid), Ok(Some(mut v))) = (target, conf.lookup(&key)) {
            let at = CONF_TARGET_PID as usize;
            v[at..at + 8].copy_from_slice(&pid.to_le_bytes());
            let _ = conf.update(&key, &v, UpdateFlag::Any);
        }
    }

    fn begun(&mut self, interp: &mut Interp<'_>) {
        if interp.state() != rstap_interp::RunState::Running {
            self.sync_state(interp);
        } else {
            let conf = &mut self.control[CONF_MAP];
            let key = 0u32.to_le_bytes();
            if let Ok(Some(mut v)) = conf.lookup(&key) {
                let at = CONF_STATE as usize;
                v[at..at + 8].copy_from_slice(&0i64.to_le_bytes());
                let _ = conf.update(&key, &v, UpdateFlag::Any);
            }
        }
        // Only now do the handlers count events: tell the user.
        if let Some(notice) = self.notice.take() {
            let out = interp.output();
            out.flush();
            out.err(notice.as_bytes());
        }
    }

    fn poll(&mut self, timeout: Duration, interp: &mut Interp<'_>) {
        let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
        if self.drain(interp) == 0 {
            let _ = self.ring.wait(ms);
            self.drain(interp);
        }
        self.check_overload(interp);
        self.sync_state(interp);
    }

    fn stop(&mut self, interp: &mut Interp<'_>) {
        self.sync_state(interp);
        detach_all(std::mem::take(&mut self.attached));
        self.drain(interp);
        if let Some((program, keyed)) = self.profile.take() {
            self.profile_rows = crate::read_stack_rows(program, interp.store(), &keyed);
        }
    }
}

/// Closes every attachment. Perf-event tracepoints take tens of milliseconds each to
/// release, so they are closed in parallel.
fn detach_all(attached: Vec<Attached>) {
    if attached.len() <= 1 {
        drop(attached);
        return;
    }
    std::thread::scope(|s| {
        for a in attached {
            s.spawn(move || drop(a));
        }
    });
}
