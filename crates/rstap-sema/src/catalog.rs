//! What probe points exist: the [`ProbeCatalog`] trait and the [`StaticCatalog`] of the
//! families that need no knowledge of the running system.
//!
//! A catalog describes its families as *patterns* (`timer.ms(number).randomize(number)`,
//! the lines of `--dump-probe-types`) so the generic matcher in `probes.rs` can expand
//! wildcards in component names, find alias suffixes and suggest near names. Once a point
//! is concrete, [`ProbeCatalog::resolve`] turns it into IR probe kinds; wildcards inside a
//! parameter (`kernel.trace("sched:*")`) are the family's own business and are expanded there.

use std::rc::Rc;

use rstap_ir::{PerfSample, ProbeKind, Type};
use rstap_syntax::ast::Literal;

use crate::kernel_types::{KernelType, TypeSource};

/// The kind of parameter a pattern component takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgSpec {
    None,
    Number,
    String,
    /// `procfs` and `procfs("path")` are both valid.
    OptionalString,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternComponent {
    pub name: String,
    pub arg: ArgSpec,
}

/// One probe-point shape, e.g. `timer.ms(number).randomize(number)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pub components: Vec<PatternComponent>,
}

impl Pattern {
    /// Builds a pattern from `name`, `name(n)`, `name(s)` and `name(s?)` words.
    pub fn parse(text: &str) -> Pattern {
        let components = text
            .split('.')
            .map(|c| {
                let (name, arg) = match c.split_once('(') {
                    None => (c, ArgSpec::None),
                    Some((n, "n)")) => (n, ArgSpec::Number),
                    Some((n, "s)")) => (n, ArgSpec::String),
                    Some((n, _)) => (n, ArgSpec::OptionalString),
                };
                PatternComponent {
                    name: name.to_string(),
                    arg,
                }
            })
            .collect();
        Pattern { components }
    }
}

impl std::fmt::Display for Pattern {
    /// `--dump-probe-types` form: `timer.ms(number).randomize(number)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, c) in self.components.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            f.write_str(&c.name)?;
            match c.arg {
                ArgSpec::None => {}
                ArgSpec::Number => f.write_str("(number)")?,
                ArgSpec::String => f.write_str("(string)")?,
                ArgSpec::OptionalString => f.write_str("[(string)]")?,
            }
        }
        Ok(())
    }
}

/// A concrete component: no wildcard in the name, the literal parameter as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointComponent {
    pub name: String,
    pub arg: Option<Literal>,
}

/// Canonical text of a point: `timer.s(1)`, `procfs("status").read`, `begin(-1)`.
pub fn point_text(components: &[PointComponent]) -> String {
    let mut out = String::new();
    for (i, c) in components.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push_str(&c.name);
        match &c.arg {
            None => {}
            Some(Literal::Number(n)) => out.push_str(&format!("({n})")),
            Some(Literal::String(s)) => {
                out.push_str(&format!("(\"{}\")", String::from_utf8_lossy(s)));
            }
        }
    }
    out
}

/// A context variable (`$value`) a probe kind provides, reached through intrinsics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextVar {
    /// Without the `$`.
    pub name: String,
    pub ty: Type,
    /// Intrinsic that reads it (no arguments).
    pub read: String,
    /// Intrinsic that writes it (one argument), when the probe allows writing.
    pub write: Option<String>,
    /// The type of a pointer or struct value, for `$var->member`: among the kernel's
    /// types, or in a user-space probe among the probed program's (a struct-typed
    /// variable there reads as the struct's address).
    pub kernel_type: Option<KernelType>,
}

/// One concrete probe the catalog produced.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedPoint {
    pub kind: ProbeKind,
    /// `pp()` text.
    pub pp: String,
    pub context: Vec<ContextVar>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// The point is well-formed but refused, with SystemTap's message.
    Invalid(String),
    /// A parameter wildcard or name matched nothing: `no match (similar tracepoint(s): a, b)`.
    NoMatch {
        /// `tracepoint(s)`, `syscall(s)`...
        what: String,
        similar: Vec<String>,
    },
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::Invalid(m) => f.write_str(m),
            CatalogError::NoMatch { what, similar } if !similar.is_empty() => {
                write!(f, "no match (similar {what}: {})", similar.join(", "))
            }
            CatalogError::NoMatch { .. } => f.write_str("no match"),
        }
    }
}

/// The probe families the system offers. `rstap-sema` sees the system only through this.
pub trait ProbeCatalog {
    /// Every probe-point shape this catalog resolves.
    fn patterns(&self) -> Vec<Pattern>;
    /// Resolves a point whose component names match one of [`Self::patterns`] exactly.
    /// Parameter wildcards may expand to several points; an empty vector means "nothing
    /// here" (the caller reports `no match`).
    fn resolve(&self, point: &[PointComponent]) -> Result<Vec<ResolvedPoint>, CatalogError>;
    /// The context a resolved point offers to a body that names the context variables
    /// `names`, when that differs from [`ResolvedPoint::context`]: a tracepoint whose
    /// body names one of its arguments (`$prev`) offers the arguments instead of its
    /// record's fields. `None` keeps the point's own context.
    fn argument_context(
        &self,
        _point: &ResolvedPoint,
        _names: &[String],
    ) -> Option<Vec<ContextVar>> {
        None
    }
    /// The kernel's types, for `$var->member` and `@cast`, if this catalog knows them.
    fn types(&self) -> Option<&dyn TypeSource> {
        None
    }
    /// The types of the user program at `path` (from its DWARF), for typed accesses in
    /// its probes and `@cast(p, "type", "path")`; `None` when this catalog knows no
    /// programs, `Some(Err(why))` when the program or its types cannot be read.
    fn program_types(&self, _path: &str) -> Option<Result<Rc<dyn TypeSource>, String>> {
        None
    }
    /// The program `process("PATH")` names, for the process events (`.begin`, `.end`,
    /// `.syscall`...) that fire only in processes running it; `None` when this catalog
    /// does not know programs.
    fn executable(&self, _path: &str) -> Result<Option<Executable>, CatalogError> {
        Ok(None)
    }
    /// The program the running process `pid` executes, for `process(PID)` events; an
    /// error when there is no such process, `None` when this catalog does not know
    /// processes.
    fn process_program(&self, _pid: u32) -> Result<Option<String>, CatalogError> {
        Ok(None)
    }
}

/// A program file as the kernel identifies it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Executable {
    pub path: String,
    pub inode: u64,
    /// The kernel's device number of its filesystem (`MKDEV(major, minor)`).
    pub device: u64,
}

/// Several catalogs seen as one (e.g. the static families plus tracepoints).
pub struct Catalogs<'a>(pub Vec<&'a dyn ProbeCatalog>);

impl ProbeCatalog for Catalogs<'_> {
    fn patterns(&self) -> Vec<Pattern> {
        self.0.iter().flat_map(|c| c.patterns()).collect()
    }

    fn resolve(&self, point: &[PointComponent]) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let mut last_err = None;
        for c in &self.0 {
            if !c.patterns().iter().any(|p| pattern_fits(p, point)) {
                continue;
            }
            match c.resolve(point) {
                Ok(v) if !v.is_empty() => return Ok(v),
                Ok(_) => {}
                Err(e) => last_err = Some(e),
            }
        }
        match last_err {
            Some(e) => Err(e),
            None => Ok(Vec::new()),
        }
    }

    fn argument_context(&self, point: &ResolvedPoint, names: &[String]) -> Option<Vec<ContextVar>> {
        self.0.iter().find_map(|c| c.argument_context(point, names))
    }

    fn types(&self) -> Option<&dyn TypeSource> {
        self.0.iter().find_map(|c| c.types())
    }

    fn program_types(&self, path: &str) -> Option<Result<Rc<dyn TypeSource>, String>> {
        self.0.iter().find_map(|c| c.program_types(path))
    }

    fn executable(&self, path: &str) -> Result<Option<Executable>, CatalogError> {
        for c in &self.0 {
            if let Some(e) = c.executable(path)? {
                return Ok(Some(e));
            }
        }
        Ok(None)
    }

    fn process_program(&self, pid: u32) -> Result<Option<String>, CatalogError> {
        for c in &self.0 {
            if let Some(p) = c.process_program(pid)? {
                return Ok(Some(p));
            }
        }
        Ok(None)
    }
}

/// Does a concrete point have exactly this pattern's shape?
pub fn pattern_fits(p: &Pattern, point: &[PointComponent]) -> bool {
    p.components.len() == point.len()
        && p.components
            .iter()
            .zip(point)
            .all(|(pc, c)| pc.name == c.name && arg_fits(pc.arg, &c.arg))
}

pub(crate) fn arg_fits(spec: ArgSpec, arg: &Option<Literal>) -> bool {
    matches!(
        (spec, arg),
        (ArgSpec::None, None)
            | (ArgSpec::Number, Some(Literal::Number(_)))
            | (ArgSpec::String, Some(Literal::String(_)))
            | (ArgSpec::OptionalString, None | Some(Literal::String(_)))
    )
}

/// The families that exist everywhere: begin/end/error/never, timers, perf, procfs.
#[derive(Clone, Debug)]
pub struct StaticCatalog {
    /// Jiffies per second used to convert `timer.jiffies(N)` (the runtime's `CLK_TCK`).
    pub clk_tck: u64,
}

impl Default for StaticCatalog {
    fn default() -> Self {
        StaticCatalog { clk_tck: 100 }
    }
}

const TIMER_UNITS: &[(&str, u64)] = &[
    ("s", 1_000_000_000),
    ("sec", 1_000_000_000),
    ("ms", 1_000_000),
    ("msec", 1_000_000),
    ("us", 1_000),
    ("usec", 1_000),
    ("ns", 1),
    ("nsec", 1),
];

/// perf's default sample period when neither `.sample` nor `.hz` is given.
pub const PERF_DEFAULT_PERIOD: u64 = 1_000_000;

impl StaticCatalog {
    fn nanos_per_jiffy(&self) -> u64 {
        1_000_000_000 / self.clk_tck.max(1)
    }
}

fn number(c: &PointComponent) -> Option<i64> {
    match c.arg {
        Some(Literal::Number(n)) => Some(n),
        _ => None,
    }
}

fn string(c: &PointComponent) -> Option<String> {
    match &c.arg {
        Some(Literal::String(s)) => Some(String::from_utf8_lossy(s).into_owned()),
        _ => None,
    }
}

fn invalid<T>(msg: &str) -> Result<T, CatalogError> {
    Err(CatalogError::Invalid(msg.to_string()))
}

impl ProbeCatalog for StaticCatalog {
    fn patterns(&self) -> Vec<Pattern> {
        let mut words: Vec<String> = [
            "begin",
            "begin(n)",
            "end",
            "end(n)",
            "error",
            "error(n)",
            "never",
            "timer.hz(n)",
            "timer.jiffies(n)",
            "timer.jiffies(n).randomize(n)",
            "timer.profile.tick",
            "timer.profile.freq.hz(n)",
            "perf.type(n).config(n)",
            "perf.type(n).config(n).sample(n)",
            "perf.type(n).config(n).hz(n)",
            "procfs(s?).read",
            "procfs(s?).read.maxsize(n)",
            "procfs(s?).write",
            "procfs(s?).umask(n).read",
            "procfs(s?).umask(n).read.maxsize(n)",
            "procfs(s?).umask(n).write",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for (unit, _) in TIMER_UNITS {
            words.push(format!("timer.{unit}(n)"));
            words.push(format!("timer.{unit}(n).randomize(n)"));
        }
        words.iter().map(|w| Pattern::parse(w)).collect()
    }

    fn resolve(&self, point: &[PointComponent]) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let names: Vec<&str> = point.iter().map(|c| c.name.as_str()).collect();
        let pp = point_text(point);
        let one = |kind: ProbeKind, context: Vec<ContextVar>| {
            Ok(vec![ResolvedPoint {
                kind,
                pp: pp.clone(),
                context,
            }])
        };
        match names.as_slice() {
            ["begin"] | ["end"] | ["error"] => {
                let n = number(&point[0]).unwrap_or(0);
                one(
                    match names[0] {
                        "begin" => ProbeKind::Begin(n),
                        "end" => ProbeKind::End(n),
                        _ => ProbeKind::Error(n),
                    },
                    vec![],
                )
            }
            ["never"] => one(ProbeKind::Never, vec![]),
            ["timer", "profile", "tick"] => one(ProbeKind::Profile { freq_hz: None }, vec![]),
            ["timer", "profile", "freq", "hz"] => match number(&point[3]) {
                Some(n) if n > 0 => one(
                    ProbeKind::Profile {
                        freq_hz: Some(n as u64),
                    },
                    vec![],
                ),
                _ => invalid("frequency must be positive"),
            },
            ["timer", "hz"] => match number(&point[1]) {
                Some(n) if n > 0 && n <= 1_000_000_000 => one(
                    ProbeKind::Timer {
                        period_ns: 1_000_000_000 / n as u64,
                        randomize_ns: 0,
                    },
                    vec![],
                ),
                _ => invalid("frequency must be between 1 and 1000000000"),
            },
            ["timer", "jiffies", rest @ ..] => {
                let n = number(&point[1]).unwrap_or(0);
                if !(1..=1_000_000).contains(&n) {
                    return invalid("invalid interval for jiffies timer");
                }
                let r = if rest.is_empty() {
                    0
                } else {
                    number(&point[2]).unwrap_or(-1)
                };
                if r < 0 || r >= n {
                    return invalid("invalid randomize for jiffies timer");
                }
                let j = self.nanos_per_jiffy();
                one(
                    ProbeKind::Timer {
                        period_ns: n as u64 * j,
                        randomize_ns: r as u64 * j,
                    },
                    vec![],
                )
            }
            ["timer", unit, rest @ ..] => {
                let Some(&(_, scale)) = TIMER_UNITS.iter().find(|(u, _)| u == unit) else {
                    return Ok(vec![]);
                };
                let n = number(&point[1]).unwrap_or(0);
                if n <= 0 {
                    return invalid("interval must be positive");
                }
                let r = if rest.is_empty() {
                    0
                } else {
                    number(&point[2]).unwrap_or(-1)
                };
                if r < 0 || r > n {
                    return invalid("randomize must be between 0 and the interval");
                }
                let (Some(period), Some(rand)) =
                    ((n as u64).checked_mul(scale), (r as u64).checked_mul(scale))
                else {
                    return invalid("interval too large");
                };
                one(
                    ProbeKind::Timer {
                        period_ns: period,
                        randomize_ns: rand,
                    },
                    vec![],
                )
            }
            ["perf", "type", "config", rest @ ..] => {
                let t = number(&point[1]).unwrap_or(-1);
                let c = number(&point[2]).unwrap_or(-1);
                if !(0..=u32::MAX as i64).contains(&t) {
                    return invalid("invalid perf type");
                }
                let sample = match rest {
                    [] => PerfSample::Period(PERF_DEFAULT_PERIOD),
                    ["sample"] => match number(&point[3]) {
                        Some(n) if n > 0 => PerfSample::Period(n as u64),
                        _ => return invalid("invalid perf sample period"),
                    },
                    _ => match number(&point[3]) {
                        Some(n) if n > 0 => PerfSample::Frequency(n as u64),
                        _ => return invalid("invalid perf frequency"),
                    },
                };
                one(
                    ProbeKind::Perf {
                        type_: t as u32,
                        config: c as u64,
                        sample,
                    },
                    vec![],
                )
            }
            ["procfs", rest @ ..] => {
                let path = string(&point[0]).unwrap_or_else(|| "command".to_string());
                if path.is_empty() || path.starts_with('/') || path.ends_with('/') {
                    return invalid("procfs path cannot be empty or start or end with a '/'");
                }
                if path
                    .split('/')
                    .any(|p| p.is_empty() || p == "." || p == "..")
                {
                    return invalid("procfs path components cannot be empty, '.' or '..'");
                }
                let mut umask = None;
                let mut max_size = None;
                let mut write = false;
                for (i, name) in rest.iter().enumerate() {
                    let c = &point[i + 1];
                    match *name {
                        "umask" => match number(c) {
                            Some(m) if (0..=0o777).contains(&m) => umask = Some(m as u32),
                            _ => return invalid("invalid umask"),
                        },
                        "maxsize" => match number(c) {
                            Some(m) if m > 0 => max_size = Some(m as u64),
                            _ => return invalid("maxsize must be greater than 0"),
                        },
                        "write" => write = true,
                        _ => {}
                    }
                }
                let context = vec![ContextVar {
                    name: "value".to_string(),
                    ty: Type::String,
                    read: "__procfs_value".to_string(),
                    write: (!write).then(|| "__procfs_set_value".to_string()),
                    kernel_type: None,
                }];
                one(
                    ProbeKind::Procfs {
                        path,
                        write,
                        max_size,
                        umask,
                    },
                    context,
                )
            }
            _ => Ok(vec![]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(text: &str) -> Vec<PointComponent> {
        text.split('.')
            .map(|c| match c.split_once('(') {
                None => PointComponent {
                    name: c.to_string(),
                    arg: None,
                },
                Some((n, a)) => {
                    let a = a.trim_end_matches(')');
                    let arg = match a.parse::<i64>() {
                        Ok(v) => Literal::Number(v),
                        Err(_) => Literal::String(a.trim_matches('"').as_bytes().to_vec()),
                    };
                    PointComponent {
                        name: n.to_string(),
                        arg: Some(arg),
                    }
                }
            })
            .collect()
    }

    #[test]
    fn resolves_static_points() {
        let cat = StaticCatalog::default();
        let table: &[(&str, ProbeKind)] = &[
            ("begin", ProbeKind::Begin(0)),
            ("end(-5)", ProbeKind::End(-5)),
            ("error", ProbeKind::Error(0)),
            ("never", ProbeKind::Never),
            (
                "timer.ms(250)",
                ProbeKind::Timer {
                    period_ns: 250_000_000,
                    randomize_ns: 0,
                },
            ),
            (
                "timer.sec(2).randomize(1)",
                ProbeKind::Timer {
                    period_ns: 2_000_000_000,
                    randomize_ns: 1_000_000_000,
                },
            ),
            (
                "timer.hz(100)",
                ProbeKind::Timer {
                    period_ns: 10_000_000,
                    randomize_ns: 0,
                },
            ),
            (
                "timer.jiffies(5)",
                ProbeKind::Timer {
                    period_ns: 50_000_000,
                    randomize_ns: 0,
                },
            ),
            ("timer.profile.tick", ProbeKind::Profile { freq_hz: None }),
            (
                "timer.profile.freq.hz(99)",
                ProbeKind::Profile { freq_hz: Some(99) },
            ),
            (
                "perf.type(1).config(0)",
                ProbeKind::Perf {
                    type_: 1,
                    config: 0,
                    sample: PerfSample::Period(1_000_000),
                },
            ),
            (
                "perf.type(1).config(3).hz(50)",
                ProbeKind::Perf {
                    type_: 1,
                    config: 3,
                    sample: PerfSample::Frequency(50),
                },
            ),
            (
                "procfs(\"stat\").umask(0).read.maxsize(100)",
                ProbeKind::Procfs {
                    path: "stat".into(),
                    write: false,
                    max_size: Some(100),
                    umask: Some(0),
                },
            ),
            (
                "procfs.write",
                ProbeKind::Procfs {
                    path: "command".into(),
                    write: true,
                    max_size: None,
                    umask: None,
                },
            ),
        ];
        for (text, kind) in table {
            let p = pt(text);
            assert!(
                cat.patterns().iter().any(|pat| pattern_fits(pat, &p)),
                "{text} has no pattern"
            );
            let r = cat.resolve(&p).unwrap();
            assert_eq!(r.len(), 1, "{text}");
            assert_eq!(&r[0].kind, kind, "{text}");
        }
    }

    #[test]
    fn refuses_bad_parameters() {
        let cat = StaticCatalog::default();
        for text in [
            "timer.ms(0)",
            "timer.s(1).randomize(5)",
            "timer.jiffies(5).randomize(5)",
            "timer.hz(0)",
            "procfs(\"/abs\").read",
            "procfs(\"a/../b\").read",
            "procfs(\"x\").read.maxsize(0)",
        ] {
            assert!(
                matches!(cat.resolve(&pt(text)), Err(CatalogError::Invalid(_))),
                "{text}"
            );
        }
        // Randomisation of hertz timers does not even have a shape.
        let p = pt("timer.hz(10).randomize(1)");
        assert!(!cat.patterns().iter().any(|pat| pattern_fits(pat, &p)));
    }

    #[test]
    fn pattern_text_round_trip() {
        assert_eq!(
            Pattern::parse("procfs(s?).umask(n).read").to_string(),
            "procfs[(string)].umask(number).read"
        );
        assert_eq!(
            point_text(&pt("procfs(\"a\").read")),
            "procfs(\"a\").read".to_string()
        );
    }
}
