//! Library functions implemented natively: the tapset declares them with an
//! `%{ /* intrinsic */ %}` body and this table supplies the behaviour by name.
//!
//! Each entry is small and independent so the BPF backend can mirror the table. In
//! userspace probes the "current task" is the rstap process itself.

use rstap_diag::Span;

use crate::error::{self, RuntimeError};
use crate::interp::{Exec, Interp, Unwind};
use crate::value::Value;
use rstap_format::abi as abi_tables;

pub type IntrinsicFn = fn(&mut Interp<'_>, &[Value], Span) -> Exec<Value>;

/// One natively implemented library function.
pub struct Intrinsic {
    /// The name in the tapset's `/* intrinsic: NAME */` pragma (the function name by default).
    pub name: &'static str,
    pub run: IntrinsicFn,
}

/// State some intrinsics keep between calls within a session.
#[derive(Clone, Debug)]
pub struct IntrinsicState {
    /// `tokenize`: the string being split and the position of the next token.
    tokenize_input: Vec<u8>,
    tokenize_pos: usize,
    /// Groups of the last successful `=~` (empty after a failed one).
    pub(crate) last_match: Vec<Option<Vec<u8>>>,
    rng: u64,
}

impl IntrinsicState {
    pub fn new() -> IntrinsicState {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x9e37_79b9_7f4a_7c15);
        IntrinsicState {
            tokenize_input: Vec::new(),
            tokenize_pos: 0,
            last_match: Vec::new(),
            rng: seed | 1,
        }
    }

    /// xorshift64*: plenty for `randint`, and no global state.
    fn next_random(&mut self) -> u64 {
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

impl Default for IntrinsicState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn lookup(name: &str) -> Option<IntrinsicFn> {
    INTRINSICS.iter().find(|i| i.name == name).map(|i| i.run)
}

fn long(args: &[Value], i: usize) -> i64 {
    args.get(i).map(Value::as_long).unwrap_or(0)
}

fn bytes(args: &[Value], i: usize) -> &[u8] {
    args.get(i).map(Value::as_bytes).unwrap_or(b"")
}

fn fail(code: rstap_diag::Code, msg: impl Into<String>, span: Span) -> Unwind {
    Unwind::Error(RuntimeError::new(code, msg, span))
}

macro_rules! table {
    ($($name:literal => $f:expr,)*) => {
        /// Every intrinsic, by name.
        pub static INTRINSICS: &[Intrinsic] = &[$(Intrinsic { name: $name, run: $f },)*];
    };
}

table! {
    // strings
    "strlen" => |_, a, _| Ok(Value::Long(bytes(a, 0).len() as i64)),
    "substr" => substr,
    "stringat" => stringat,
    "isinstr" => |_, a, _| Ok(Value::Long(find(bytes(a, 0), bytes(a, 1)).is_some() as i64)),
    "strpos" => |_, a, _| Ok(Value::Long(find(bytes(a, 0), bytes(a, 1)).map_or(-1, |p| p as i64))),
    "str_replace" => str_replace,
    "tokenize" => tokenize,
    "tokenize_next" => tokenize_next,
    "text_str" => |i, a, _| Ok(Value::Str(escape(bytes(a, 0), 0, false, i.limits.maxstringlen))),
    "text_strn" => |i, a, _| {
        let len = usize::try_from(long(a, 1)).unwrap_or(0);
        Ok(Value::Str(escape(bytes(a, 0), len, long(a, 2) != 0, i.limits.maxstringlen)))
    },
    "string_quoted" => |i, a, _| Ok(Value::Str(escape(bytes(a, 0), 0, true, i.limits.maxstringlen))),
    "strtol" => |_, a, _| Ok(Value::Long(strtol(bytes(a, 0), long(a, 1)))),
    "isdigit" => |_, a, _| Ok(Value::Long(bytes(a, 0).first().is_some_and(u8::is_ascii_digit) as i64)),
    // regular expressions
    "matched" => matched,
    "matched_str" => |i, _, span| matched(i, &[Value::Long(0)], span),
    "ngroups" => ngroups,
    // time
    "ctime" => ctime,
    "gettimeofday_s" => |_, _, _| Ok(Value::Long(wall_ns() / 1_000_000_000)),
    "gettimeofday_ms" => |_, _, _| Ok(Value::Long(wall_ns() / 1_000_000)),
    "gettimeofday_us" => |_, _, _| Ok(Value::Long(wall_ns() / 1_000)),
    "gettimeofday_ns" => |_, _, _| Ok(Value::Long(wall_ns())),
    "ktime_get_ns" => |_, _, _| Ok(Value::Long(clock_ns(rustix::time::ClockId::Monotonic))),
    "local_clock_ns" => |_, _, _| Ok(Value::Long(clock_ns(rustix::time::ClockId::Monotonic))),
    "cpu_clock_ns" => |_, _, _| Ok(Value::Long(clock_ns(rustix::time::ClockId::Monotonic))),
    "get_cycles" => |_, _, _| Ok(Value::Long(clock_ns(rustix::time::ClockId::MonotonicRaw))),
    "HZ" => |_, _, _| Ok(Value::Long(kernel_hz())),
    "jiffies" => |_, _, _| Ok(Value::Long(jiffies())),
    "randint" => randint,
    // the current task (the rstap process in userspace probes)
    "pid" => |_, _, _| Ok(Value::Long(i64::from(rustix::process::getpid().as_raw_nonzero().get()))),
    "tid" => |_, _, _| Ok(Value::Long(i64::from(rustix::thread::gettid().as_raw_nonzero().get()))),
    "ppid" => |_, _, _| Ok(Value::Long(i64::from(std::os::unix::process::parent_id()))),
    "uid" => |_, _, _| Ok(Value::Long(i64::from(rustix::process::getuid().as_raw()))),
    "euid" => |_, _, _| Ok(Value::Long(i64::from(rustix::process::geteuid().as_raw()))),
    "gid" => |_, _, _| Ok(Value::Long(i64::from(rustix::process::getgid().as_raw()))),
    "egid" => |_, _, _| Ok(Value::Long(i64::from(rustix::process::getegid().as_raw()))),
    "execname" => |i, _, _| Ok(i.string(comm("/proc/self/comm"))),
    "pexecname" => |i, _, _| {
        Ok(i.string(comm(&format!("/proc/{}/comm", std::os::unix::process::parent_id()))))
    },
    "cpu" => |_, _, _| Ok(Value::Long(current_cpu())),
    "num_online_cpus" => |_, _, _| Ok(Value::Long(online_cpus())),
    "target" => |i, _, _| Ok(Value::Long(i.options.target.unwrap_or(0))),
    "stp_pid" => |_, _, _| Ok(Value::Long(i64::from(std::process::id()))),
    "pp" => |i, _, _| {
        let s = i.ctx.probe.map(|p| i.prog.probe(p).pp.clone()).unwrap_or_default();
        Ok(i.string(s.into_bytes()))
    },
    "pn" => |i, _, _| {
        let s = i.ctx.probe.map(|p| i.prog.probe(p).pn.clone()).unwrap_or_default();
        Ok(i.string(s.into_bytes()))
    },
    "ppfunc" => |i, _, _| {
        let s = i.ctx.probe.map(|p| i.prog.probe(p).ppfunc()).unwrap_or_default();
        Ok(i.string(s.into_bytes()))
    },
    "is_return" => |i, _, _| {
        let r = i.ctx.probe.is_some_and(|p| i.prog.probe(p).is_return());
        Ok(Value::Long(i64::from(r)))
    },
    // devices
    "__blockdev_name" => |i, a, _| {
        let name = crate::block_devices::block_device_name(long(a, 0)).unwrap_or_default();
        Ok(i.string(name.into_bytes()))
    },
    // ABI tables
    "errno_str" => |i, a, _| {
        let e = long(a, 0).unsigned_abs() as i64;
        let s = abi_tables::errno_name(e).map_or_else(|| format!("E#{e}"), str::to_string);
        Ok(i.string(s.into_bytes()))
    },
    "syscall_name" => |i, a, _| {
        let nr = long(a, 0);
        let s = abi_tables::syscall_name(nr).map_or_else(|| format!("syscall_{nr}"), str::to_string);
        Ok(i.string(s.into_bytes()))
    },
    "syscall_num" => |_, a, _| {
        let name = String::from_utf8_lossy(bytes(a, 0)).into_owned();
        Ok(Value::Long(abi_tables::syscall_num(&name).unwrap_or(-1)))
    },
    // session control and logging
    "exit" => |i, _, _| {
        i.request_exit();
        Ok(Value::Long(0))
    },
    "abort" => |_, _, _| Err(Unwind::Abort),
    "switch_file" => |i, _, _| {
        i.out.switch_file();
        Ok(Value::Long(0))
    },
    "error" => |_, a, span| {
        let msg = String::from_utf8_lossy(bytes(a, 0));
        let msg = msg.strip_suffix('\n').unwrap_or(&msg);
        Err(fail(error::SCRIPT_ERROR, msg, span))
    },
    "warn" => |i, a, _| {
        let mut line = b"WARNING: ".to_vec();
        line.extend_from_slice(bytes(a, 0));
        if line.last() != Some(&b'\n') {
            line.push(b'\n');
        }
        i.out.flush();
        i.out.err(&line);
        Ok(Value::Long(0))
    },
    // the kernel stack and kernel symbols: userspace probes have no kernel stack
    "backtrace" => |_, _, _| Ok(Value::empty_str()),
    "sprint_backtrace" => |_, _, _| Ok(Value::empty_str()),
    "print_backtrace" => |_, _, _| Ok(Value::Long(0)),
    "stack" => |_, a, span| Err(no_frame(long(a, 0), span)),
    "caller_addr" => |_, _, span| Err(no_frame(1, span)),
    "caller" => |_, _, span| Err(no_frame(1, span)),
    "callers" => |_, a, span| match long(a, 0) {
        n if n < 0 => Ok(Value::empty_str()),
        n => Err(no_frame(n, span)),
    },
    "addr" => |_, _, _| Ok(Value::Long(0)),
    "user_mode" => |_, _, _| Ok(Value::Long(0)),
    "probefunc" => |i, _, _| symbol_text(i, 0, rstap_symbolize::format::symname),
    "symname" => |i, a, _| symbol_text(i, long(a, 0) as u64, rstap_symbolize::format::symname),
    "symdata" => |i, a, _| symbol_text(i, long(a, 0) as u64, rstap_symbolize::format::symdata),
    "print_syms" => |i, a, _| {
        let text = rstap_symbolize::format::print_syms(bytes(a, 0), kernel_symbols(i));
        i.out.out(&text);
        Ok(Value::Long(0))
    },
    "sprint_syms" => |i, a, _| {
        let max = i.limits.maxstringlen;
        let text = rstap_symbolize::format::sprint_syms(bytes(a, 0), kernel_symbols(i), max);
        Ok(i.string(text))
    },
    // user stacks and user symbols: userspace probes run in no traced process
    "ubacktrace" => |_, _, _| Ok(Value::empty_str()),
    "sprint_ubacktrace" => |_, _, _| Ok(Value::empty_str()),
    "print_ubacktrace" => |_, _, _| Ok(Value::Long(0)),
    "print_ubacktrace_brief" => |_, _, _| Ok(Value::Long(0)),
    "ucallers" => |_, a, span| match long(a, 0) {
        n if n < 0 => Ok(Value::empty_str()),
        n => Err(no_user_frame(n, span)),
    },
    "uaddr" => |_, _, _| Ok(Value::Long(0)),
    "usymname" => |i, a, _| user_symbol_text(i, long(a, 0) as u64, rstap_symbolize::format::symname),
    "usymdata" => |i, a, _| user_symbol_text(i, long(a, 0) as u64, rstap_symbolize::format::symdata),
    "umodname" => |i, a, _| {
        let name = i.options.user_symbols.any_process().module_short_name(long(a, 0) as u64);
        Ok(i.string(name.unwrap_or_else(|| "<unknown>".into()).into_bytes()))
    },
    "print_usyms" => |i, a, _| {
        let users = i.options.user_symbols.clone();
        let text = rstap_symbolize::format::print_syms(bytes(a, 0), &users.any_process());
        i.out.out(&text);
        Ok(Value::Long(0))
    },
    "sprint_usyms" => |i, a, _| {
        let max = i.limits.maxstringlen;
        let users = i.options.user_symbols.clone();
        let text = rstap_symbolize::format::sprint_syms(bytes(a, 0), &users.any_process(), max);
        Ok(i.string(text))
    },
    "log" => |i, a, _| {
        let mut line = bytes(a, 0).to_vec();
        if line.last() != Some(&b'\n') {
            line.push(b'\n');
        }
        i.out.out(&line);
        i.out.flush();
        Ok(Value::Long(0))
    },
}

fn no_frame(level: i64, span: Span) -> Unwind {
    fail(
        error::NO_STACK_FRAME,
        error::no_stack_frame(false, level),
        span,
    )
}

fn no_user_frame(level: i64, span: Span) -> Unwind {
    fail(
        error::NO_STACK_FRAME,
        error::no_stack_frame(true, level),
        span,
    )
}

/// A user symbol of `address` in userspace probes, which run in no traced process: in
/// whichever recorded process maps code there, else the address in hex.
fn user_symbol_text(
    i: &mut Interp<'_>,
    address: u64,
    text: fn(&rstap_symbolize::ResolvedAddress) -> String,
) -> Exec<Value> {
    use rstap_symbolize::Resolver;
    let resolved = i.options.user_symbols.any_process().resolve(address);
    Ok(i.string(text(&resolved).into_bytes()))
}

/// The session's kernel symbols, with a warning the first time they cannot be read.
pub(crate) fn kernel_symbols<'s>(
    i: &'s mut Interp<'_>,
) -> &'s rstap_symbolize::SharedKernelSymbols {
    let symbols = &i.options.kernel_symbols;
    if symbols.get().is_err()
        && let Some(w) = symbols.take_warning()
    {
        i.out.flush();
        i.out.err(format!("WARNING: {w}\n").as_bytes());
    }
    &i.options.kernel_symbols
}

fn symbol_text(
    i: &mut Interp<'_>,
    address: u64,
    text: fn(&rstap_symbolize::ResolvedAddress) -> String,
) -> Exec<Value> {
    use rstap_symbolize::Resolver;
    let resolved = kernel_symbols(i).resolve(address);
    Ok(i.string(text(&resolved).into_bytes()))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `substr(str, start, len)`: empty when `start` is outside the string or `len` ≤ 0.
fn substr(i: &mut Interp<'_>, a: &[Value], _: Span) -> Exec<Value> {
    let s = bytes(a, 0);
    let (start, len) = (long(a, 1), long(a, 2));
    if start < 0 || len <= 0 || start as u64 >= s.len() as u64 {
        return Ok(Value::empty_str());
    }
    let start = start as usize;
    let end = start
        .saturating_add(usize::try_from(len).unwrap_or(usize::MAX))
        .min(s.len());
    Ok(i.string(s[start..end].to_vec()))
}

fn stringat(_: &mut Interp<'_>, a: &[Value], span: Span) -> Exec<Value> {
    let s = bytes(a, 0);
    let pos = long(a, 1);
    match usize::try_from(pos).ok().and_then(|p| s.get(p)) {
        Some(c) => Ok(Value::Long(i64::from(*c))),
        None => Err(fail(
            error::BAD_ARGUMENT,
            format!("Position {pos} is out of range [0,{})", s.len()),
            span,
        )),
    }
}

fn str_replace(i: &mut Interp<'_>, a: &[Value], _: Span) -> Exec<Value> {
    let (s, find_, repl) = (bytes(a, 0), bytes(a, 1), bytes(a, 2));
    if find_.is_empty() {
        return Ok(i.string(s.to_vec()));
    }
    let mut out = Vec::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = find(rest, find_) {
        out.extend_from_slice(&rest[..p]);
        out.extend_from_slice(repl);
        rest = &rest[p + find_.len()..];
    }
    out.extend_from_slice(rest);
    Ok(i.string(out))
}

/// `tokenize(input, delim)`: a non-empty input starts a new split; the next non-empty
/// token is returned, `""` once the input is used up.
fn tokenize(i: &mut Interp<'_>, a: &[Value], span: Span) -> Exec<Value> {
    let input = bytes(a, 0);
    if !input.is_empty() {
        i.extra.tokenize_input = input.to_vec();
        i.extra.tokenize_pos = 0;
    }
    tokenize_next(i, &a[1.min(a.len())..], span)
}

/// `tokenize(delim)`: continues the split of the last `tokenize(input, delim)`.
fn tokenize_next(i: &mut Interp<'_>, a: &[Value], _: Span) -> Exec<Value> {
    let delim = bytes(a, 0);
    let st = &mut i.extra;
    let input = &st.tokenize_input;
    while st.tokenize_pos < input.len() {
        let start = st.tokenize_pos;
        let end = input[start..]
            .iter()
            .position(|c| delim.contains(c))
            .map_or(input.len(), |p| start + p);
        st.tokenize_pos = (end + 1).min(input.len());
        if end == input.len() {
            st.tokenize_pos = input.len();
        }
        if end > start {
            let tok = input[start..end].to_vec();
            return Ok(i.string(tok));
        }
    }
    Ok(Value::empty_str())
}

/// C-style escaping of non-printable bytes, within a MAXSTRINGLEN buffer. `max_input`
/// limits how many input bytes are used (0: all). Quoted output gets `"`…`"`, and `...`
/// after the closing quote when the input did not fit.
pub fn escape(input: &[u8], max_input: usize, quoted: bool, maxstringlen: usize) -> Vec<u8> {
    let mut budget = maxstringlen.saturating_sub(1);
    if quoted {
        budget = budget.saturating_sub(2);
    }
    let limit = if max_input == 0 {
        input.len()
    } else {
        max_input.min(input.len())
    };
    let mut body = Vec::new();
    let mut used = 0;
    let mut piece_ends = Vec::new();
    for &c in &input[..limit] {
        let piece = escape_byte(c);
        if body.len() + piece.len() > budget {
            break;
        }
        body.extend_from_slice(&piece);
        piece_ends.push(body.len());
        used += 1;
    }
    let truncated = used < input.len();
    if !quoted {
        return body;
    }
    if truncated {
        // Make room for the trailing "...".
        while body.len() + 3 > budget {
            piece_ends.pop();
            body.truncate(piece_ends.last().copied().unwrap_or(0));
            if body.is_empty() {
                break;
            }
        }
    }
    let mut out = Vec::with_capacity(body.len() + 5);
    out.push(b'"');
    out.extend_from_slice(&body);
    out.push(b'"');
    if truncated {
        out.extend_from_slice(b"...");
    }
    out
}

fn escape_byte(c: u8) -> Vec<u8> {
    match c {
        b'\n' => b"\\n".to_vec(),
        b'\t' => b"\\t".to_vec(),
        b'\r' => b"\\r".to_vec(),
        0x0b => b"\\v".to_vec(),
        0x0c => b"\\f".to_vec(),
        0x08 => b"\\b".to_vec(),
        0x07 => b"\\a".to_vec(),
        b'"' => b"\\\"".to_vec(),
        b'\'' => b"\\'".to_vec(),
        b'\\' => b"\\\\".to_vec(),
        0x20..=0x7e => vec![c],
        _ => format!("\\{c:03o}").into_bytes(),
    }
}

/// `strtol(str, base)` like the kernel's simple_strtol: optional sign, a `0x` prefix for
/// base 16 (or base 0), a leading `0` meaning octal for base 0; parsing stops at the
/// first character that is not a digit of the base.
pub fn strtol(s: &[u8], base: i64) -> i64 {
    let mut s = s;
    while let Some((c, rest)) = s.split_first() {
        if c.is_ascii_whitespace() {
            s = rest;
        } else {
            break;
        }
    }
    let neg = s.first() == Some(&b'-');
    if matches!(s.first(), Some(b'-' | b'+')) {
        s = &s[1..];
    }
    let has_hex_prefix =
        s.len() > 2 && s[0] == b'0' && (s[1] | 0x20) == b'x' && s[2].is_ascii_hexdigit();
    let base = match base {
        0 if has_hex_prefix => 16,
        0 if s.first() == Some(&b'0') => 8,
        0 => 10,
        b => b,
    };
    if !(2..=36).contains(&base) {
        return 0;
    }
    if base == 16 && has_hex_prefix {
        s = &s[2..];
    }
    let mut v: i64 = 0;
    for &c in s {
        let d = match (c as char).to_digit(36) {
            Some(d) if i64::from(d) < base => i64::from(d),
            _ => break,
        };
        v = v.wrapping_mul(base).wrapping_add(d);
    }
    if neg { v.wrapping_neg() } else { v }
}

fn matched(i: &mut Interp<'_>, a: &[Value], span: Span) -> Exec<Value> {
    if i.extra.last_match.is_empty() {
        return Err(fail(
            error::BAD_ARGUMENT,
            "no regular expression match to read",
            span,
        ));
    }
    let n = long(a, 0);
    match usize::try_from(n)
        .ok()
        .and_then(|n| i.extra.last_match.get(n))
    {
        Some(g) => {
            let g = g.clone().unwrap_or_default();
            Ok(i.string(g))
        }
        None => Err(fail(
            error::BAD_ARGUMENT,
            format!("regular expression has no subexpression {n}"),
            span,
        )),
    }
}

fn ngroups(i: &mut Interp<'_>, _: &[Value], span: Span) -> Exec<Value> {
    if i.extra.last_match.is_empty() {
        return Err(fail(
            error::BAD_ARGUMENT,
            "no regular expression match to read",
            span,
        ));
    }
    Ok(Value::Long(i.extra.last_match.len() as i64 - 1))
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `ctime(secs)`: `Thu Jan  1 00:00:00 1970` (UTC); only 32-bit times convert.
fn ctime(i: &mut Interp<'_>, a: &[Value], span: Span) -> Exec<Value> {
    let t = long(a, 0);
    match ctime_text(t) {
        Some(s) => Ok(i.string(s.into_bytes())),
        None => Err(fail(error::BAD_ARGUMENT, "conversion error", span)),
    }
}

pub fn ctime_text(t: i64) -> Option<String> {
    if t < i64::from(i32::MIN) || t > i64::from(i32::MAX) {
        return None;
    }
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let wday = (days + 4).rem_euclid(7) as usize;
    Some(format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        DAYS[wday],
        MONTHS[(m - 1) as usize],
        d,
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        y
    ))
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn randint(i: &mut Interp<'_>, a: &[Value], span: Span) -> Exec<Value> {
    let n = long(a, 0);
    if !(1..=(1 << 20)).contains(&n) {
        return Err(fail(
            error::BAD_ARGUMENT,
            format!("randint: range {n} is not between 1 and 1048576"),
            span,
        ));
    }
    Ok(Value::Long((i.extra.next_random() % n as u64) as i64))
}

fn wall_ns() -> i64 {
    let ts = rustix::time::clock_gettime(rustix::time::ClockId::Realtime);
    ts.tv_sec
        .wrapping_mul(1_000_000_000)
        .wrapping_add(ts.tv_nsec)
}

fn clock_ns(id: rustix::time::ClockId) -> i64 {
    let ts = rustix::time::clock_gettime(id);
    ts.tv_sec
        .wrapping_mul(1_000_000_000)
        .wrapping_add(ts.tv_nsec)
}

/// The kernel's CONFIG_HZ from the installed kernel config, 100 when it cannot be read.
fn kernel_hz() -> i64 {
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let config =
        std::fs::read_to_string(format!("/boot/config-{}", release.trim())).unwrap_or_default();
    config
        .lines()
        .find_map(|l| l.strip_prefix("CONFIG_HZ="))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(100)
}

/// Jiffies derived from the monotonic clock (the counter itself is not visible from
/// userspace).
fn jiffies() -> i64 {
    let hz = kernel_hz();
    let ts = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
    ts.tv_sec.wrapping_mul(hz) + ts.tv_nsec * hz / 1_000_000_000
}

fn comm(path: &str) -> Vec<u8> {
    let mut s = std::fs::read(path).unwrap_or_default();
    while s.last() == Some(&b'\n') {
        s.pop();
    }
    s
}

/// The CPU this thread last ran on (field 39 of /proc/thread-self/stat).
fn current_cpu() -> i64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    stat.rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().nth(36))
        .and_then(|f| f.parse().ok())
        .unwrap_or(0)
}

fn online_cpus() -> i64 {
    let text = std::fs::read_to_string("/sys/devices/system/cpu/online").unwrap_or_default();
    let mut n = 0;
    for part in text.trim().split(',').filter(|p| !p.is_empty()) {
        n += match part.split_once('-') {
            Some((a, b)) => match (a.parse::<i64>(), b.parse::<i64>()) {
                (Ok(a), Ok(b)) if b >= a => b - a + 1,
                _ => 0,
            },
            None => 1,
        };
    }
    if n == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get() as i64)
    } else {
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctime_values() {
        let cases = [
            (0, Some("Thu Jan  1 00:00:00 1970")),
            (-2147483648, Some("Fri Dec 13 20:45:52 1901")),
            (2147483647, Some("Tue Jan 19 03:14:07 2038")),
            (741_476_948, Some("Wed Jun 30 21:49:08 1993")),
            (2147483648, None),
            (-2147483649, None),
        ];
        for (t, want) in cases {
            assert_eq!(ctime_text(t).as_deref(), want, "{t}");
        }
    }

    #[test]
    fn strtol_cases() {
        let cases: &[(&str, i64, i64)] = &[
            ("123", 10, 123),
            ("-42", 10, -42),
            ("ff", 16, 255),
            ("0xff", 16, 255),
            ("0x1f", 0, 31),
            ("017", 0, 15),
            ("101", 2, 5),
            ("12abc", 10, 12),
            ("abc", 10, 0),
            ("", 10, 0),
            ("z", 36, 35),
            ("5", 1, 0),
        ];
        for (s, base, want) in cases {
            assert_eq!(strtol(s.as_bytes(), *base), *want, "{s} base {base}");
        }
    }

    #[test]
    fn escaping() {
        type Case = (&'static [u8], usize, bool, usize, &'static [u8]);
        let cases: &[Case] = &[
            (b"a\tb\n", 0, false, 512, b"a\\tb\\n"),
            (b"q\"'\\", 0, false, 512, b"q\\\"\\'\\\\"),
            (b"\x01\x7f\xff", 0, false, 512, b"\\001\\177\\377"),
            (b"hi", 0, true, 512, b"\"hi\""),
            (b"hello", 3, true, 512, b"\"hel\"..."),
            (b"hello", 3, false, 512, b"hel"),
            (b"abcdefgh", 0, true, 8, b"\"ab\"..."),
            (b"abcdefgh", 0, false, 4, b"abc"),
        ];
        for (input, len, quoted, max, want) in cases {
            assert_eq!(
                escape(input, *len, *quoted, *max),
                want.to_vec(),
                "{:?}",
                String::from_utf8_lossy(input)
            );
        }
    }

    #[test]
    fn names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for i in INTRINSICS {
            assert!(seen.insert(i.name), "{}", i.name);
        }
    }
}
