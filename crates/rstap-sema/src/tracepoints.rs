//! `kernel.trace("system:name")` probes, resolved against the kernel's tracepoints.
//!
//! The catalog reads the system only through a [`TracepointSource`] (tracefs in the CLI,
//! canned data in tests), and only the `format` files of the tracepoints a script names:
//! there are thousands of them and a one-liner should not read them all.

use std::cell::RefCell;
use std::collections::HashMap;

use rstap_ir::{FieldKind, ProbeKind, TracepointField, Type};
use rstap_syntax::ast::Literal;

use crate::catalog::{
    CatalogError, ContextVar, Pattern, PointComponent, ProbeCatalog, ResolvedPoint, point_text,
};
use crate::glob::glob_match;
use crate::kernel_types::{KernelType, TypeShape, TypeSource};

/// Where tracepoints come from.
pub trait TracepointSource {
    /// Every tracepoint as `system:name` (the lines of tracefs `available_events`).
    fn events(&self) -> Vec<String>;
    /// The text of `events/SYSTEM/NAME/format`, if readable.
    fn format(&self, system: &str, name: &str) -> Option<String>;
    /// Why there are no tracepoints at all (tracefs missing, no permission), if so.
    fn unavailable(&self) -> Option<String> {
        None
    }
    /// The arguments the kernel passes to the tracepoint `name` (its `TP_PROTO`), when
    /// the kernel describes them (BTF). A name may be empty when unknown.
    fn args(&self, _system: &str, _name: &str) -> Option<Vec<TracepointArg>> {
        None
    }
    /// The kernel's types, which the arguments' types refer to.
    fn types(&self) -> Option<&dyn TypeSource> {
        None
    }
}

/// One argument of a tracepoint's `TP_PROTO`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TracepointArg {
    pub name: String,
    pub ty: KernelType,
}

/// Parses a tracefs `format` file into the record's fields, leaving out the `common_*`
/// header fields every tracepoint shares.
pub fn parse_format_file(text: &str) -> Vec<TracepointField> {
    let mut fields = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let Some(rest) = line.strip_prefix("field:") else {
            continue;
        };
        let mut decl = "";
        let (mut offset, mut size, mut signed) = (None, None, false);
        for part in rest.split(';') {
            let part = part.trim();
            if let Some(v) = part.strip_prefix("offset:") {
                offset = v.trim().parse().ok();
            } else if let Some(v) = part.strip_prefix("size:") {
                size = v.trim().parse().ok();
            } else if let Some(v) = part.strip_prefix("signed:") {
                signed = v.trim() == "1";
            } else if decl.is_empty() {
                decl = part;
            }
        }
        let (Some(offset), Some(size)) = (offset, size) else {
            continue;
        };
        let Some((c_type, name)) = split_declaration(decl) else {
            continue;
        };
        if name.starts_with("common_") {
            continue;
        }
        // An array of numbers reads as one integer only when it is as wide as one (the
        // 4 bytes of an IPv4 address); a wider one (an IPv6 address) has no value a
        // script can hold, so it is not offered rather than read in part.
        let char_array = c_type.starts_with("char") || c_type.starts_with("const char");
        if c_type.ends_with(']') && !char_array && !matches!(size, 1 | 2 | 4 | 8) {
            continue;
        }
        let kind = if c_type.starts_with("__data_loc") {
            FieldKind::DataLocString
        } else if c_type.contains('*') {
            FieldKind::Pointer
        } else if c_type.ends_with(']')
            && (c_type.starts_with("char") || c_type.starts_with("const char"))
        {
            FieldKind::CharArray
        } else {
            FieldKind::Integer
        };
        fields.push(TracepointField {
            name,
            c_type,
            offset,
            size,
            signed,
            kind,
        });
    }
    fields
}

/// `unsigned char prev_comm[16]` → (`unsigned char[16]`, `prev_comm`).
fn split_declaration(decl: &str) -> Option<(String, String)> {
    let decl = decl.trim();
    // `char prev_comm[16]`: the array suffix follows the name; `__data_loc char[] name`:
    // the name is last.
    let (before, array) = match decl.rfind('[') {
        Some(i) if decl.ends_with(']') => (&decl[..i], &decl[i..]),
        _ => (decl, ""),
    };
    let before = before.trim_end();
    let split = before.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    let name = before[split + 1..].to_string();
    let ty = before[..=split].trim_end();
    if name.is_empty() || ty.is_empty() {
        return None;
    }
    Some((format!("{ty}{array}"), name))
}

/// The `kernel.trace(...)` family.
pub struct TracepointCatalog<'s> {
    source: &'s dyn TracepointSource,
    unavailable: RefCell<Option<Option<String>>>,
    events: RefCell<Option<Vec<String>>>,
    formats: RefCell<HashMap<String, Vec<TracepointField>>>,
    args: RefCell<HashMap<String, Option<Vec<TracepointArg>>>>,
}

impl<'s> TracepointCatalog<'s> {
    pub fn new(source: &'s dyn TracepointSource) -> Self {
        TracepointCatalog {
            source,
            unavailable: RefCell::new(None),
            events: RefCell::new(None),
            formats: RefCell::new(HashMap::new()),
            args: RefCell::new(HashMap::new()),
        }
    }

    /// Every `system:name`, sorted, read once.
    fn events(&self) -> std::cell::Ref<'_, Vec<String>> {
        if self.events.borrow().is_none() {
            let mut e = self.source.events();
            e.sort();
            e.dedup();
            *self.events.borrow_mut() = Some(e);
        }
        std::cell::Ref::map(self.events.borrow(), |e| e.as_ref().expect("just filled"))
    }

    fn fields(&self, system: &str, name: &str) -> Option<Vec<TracepointField>> {
        let key = format!("{system}:{name}");
        if let Some(f) = self.formats.borrow().get(&key) {
            return Some(f.clone());
        }
        let fields = parse_format_file(&self.source.format(system, name)?);
        self.formats.borrow_mut().insert(key, fields.clone());
        Some(fields)
    }

    fn args(&self, system: &str, name: &str) -> Option<Vec<TracepointArg>> {
        let key = format!("{system}:{name}");
        if let Some(a) = self.args.borrow().get(&key) {
            return a.clone();
        }
        let args = self.source.args(system, name);
        self.args.borrow_mut().insert(key, args.clone());
        args
    }

    /// The context of a probe that reads the tracepoint's arguments: `$NAME` and
    /// `$argN` (1-based) for every argument a script can hold in a long, then the
    /// record's other fields (which such a probe cannot read; the code generator says so).
    fn argument_vars(&self, args: &[TracepointArg], fields: &[ContextVar]) -> Vec<ContextVar> {
        let Some(types) = self.source.types() else {
            return Vec::new();
        };
        let mut vars = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let (bits, signed) = match types.shape(a.ty) {
                TypeShape::Int { size, signed } if matches!(size, 1 | 2 | 4 | 8) => {
                    (size * 8, signed)
                }
                TypeShape::Pointer { .. } => (64, false),
                _ => continue,
            };
            let read = format!(
                "__tracepoint_arg_{i}_{}{bits}",
                if signed { 's' } else { 'u' }
            );
            let kernel_type = match types.shape(a.ty) {
                TypeShape::Pointer { .. } => Some(a.ty),
                _ => None,
            };
            let names = [a.name.clone(), format!("arg{}", i + 1)];
            for n in names.into_iter().filter(|n| !n.is_empty()) {
                vars.push(ContextVar {
                    name: n,
                    ty: Type::Long,
                    read: read.clone(),
                    write: None,
                    kernel_type,
                });
            }
        }
        for f in fields {
            if !vars.iter().any(|v| v.name == f.name) {
                vars.push(f.clone());
            }
        }
        vars
    }
}

impl TracepointCatalog<'_> {
    /// The arguments of `sys_enter_CALL`, as fields a `sys_exit_CALL` probe reads from
    /// what was saved at entry (`$fd` in a return probe). Names the exit record already
    /// has (`ret`) keep their exit meaning.
    fn entry_args(&self, call: &str, exit: &[TracepointField]) -> Vec<TracepointField> {
        let Some(enter) = self.fields("syscalls", &format!("sys_enter_{call}")) else {
            return Vec::new();
        };
        enter
            .into_iter()
            .filter(|f| f.name != "__syscall_nr" && !exit.iter().any(|e| e.name == f.name))
            .filter(|f| !f.kind.is_string())
            .map(|f| TracepointField {
                kind: FieldKind::EntryArg,
                ..f
            })
            .collect()
    }
}

/// The context variables of a tracepoint: its fields, and `$$name`, `$$system`,
/// `$$vars`, `$$parms`.
pub fn context_vars(fields: &[TracepointField]) -> Vec<ContextVar> {
    let mut vars: Vec<ContextVar> = fields
        .iter()
        .map(|f| ContextVar {
            name: f.name.clone(),
            ty: if f.kind.is_string() {
                Type::String
            } else {
                Type::Long
            },
            read: format!("__tracepoint_field_{}", f.name),
            write: None,
            kernel_type: None,
        })
        .collect();
    for name in ["$name", "$system", "$vars", "$parms"] {
        vars.push(ContextVar {
            name: name.to_string(),
            ty: Type::String,
            read: format!("__tracepoint_{}", &name[1..]),
            write: None,
            kernel_type: None,
        });
    }
    vars
}

impl ProbeCatalog for TracepointCatalog<'_> {
    fn patterns(&self) -> Vec<Pattern> {
        vec![Pattern::parse("kernel.trace(s)")]
    }

    fn argument_context(&self, point: &ResolvedPoint, names: &[String]) -> Option<Vec<ContextVar>> {
        let ProbeKind::Tracepoint { system, name, .. } = &point.kind else {
            return None;
        };
        // Only a name the record lacks makes the probe read the arguments, so scripts
        // that use the record's fields never pay for reading the kernel's types.
        let unknown: Vec<&String> = names
            .iter()
            .filter(|n| !point.context.iter().any(|c| &c.name == *n))
            .collect();
        if unknown.is_empty() {
            return None;
        }
        let args = self.args(system, name)?;
        let vars = self.argument_vars(&args, &point.context);
        let is_arg = |n: &str| {
            vars.iter()
                .any(|v| v.name == n && v.read.starts_with("__tracepoint_arg_"))
        };
        if !unknown.iter().any(|n| is_arg(n)) {
            return None;
        }
        Some(vars)
    }

    fn types(&self) -> Option<&dyn TypeSource> {
        self.source.types()
    }

    fn resolve(&self, point: &[PointComponent]) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let [kernel, trace] = point else {
            return Ok(Vec::new());
        };
        if kernel.name != "kernel" || trace.name != "trace" {
            return Ok(Vec::new());
        }
        let Some(Literal::String(want)) = &trace.arg else {
            return Ok(Vec::new());
        };
        let want = String::from_utf8_lossy(want).into_owned();
        let unavailable = self
            .unavailable
            .borrow_mut()
            .get_or_insert_with(|| self.source.unavailable())
            .clone();
        if let Some(why) = unavailable {
            return Err(CatalogError::Invalid(why));
        }
        let events = self.events();
        let mut out = Vec::new();
        // A name without wildcards is found by binary search, not by a scan.
        let exact = !want.contains(['*', '?', '[']) && want.contains(':');
        let candidates: &[String] = if exact {
            match events.binary_search(&want) {
                Ok(i) => &events[i..=i],
                Err(_) => &[],
            }
        } else {
            &events
        };
        for event in candidates {
            let Some((system, name)) = event.split_once(':') else {
                continue;
            };
            let hit = if want.contains(':') {
                glob_match(&want, event)
            } else {
                glob_match(&want, name)
            };
            if !hit {
                continue;
            }
            let Some(mut fields) = self.fields(system, name) else {
                continue;
            };
            if system == "syscalls"
                && let Some(call) = name.strip_prefix("sys_exit_")
            {
                fields.extend(self.entry_args(call, &fields));
            }
            let mut concrete = point.to_vec();
            concrete[1].arg = Some(Literal::String(event.as_bytes().to_vec()));
            out.push(ResolvedPoint {
                pp: point_text(&concrete),
                context: context_vars(&fields),
                kind: ProbeKind::Tracepoint {
                    system: system.to_string(),
                    name: name.to_string(),
                    fields,
                },
            });
        }
        if out.is_empty() {
            let keys: Vec<String> = events
                .iter()
                .map(|e| {
                    if want.contains(':') {
                        e.clone()
                    } else {
                        e.split(':').nth(1).unwrap_or(e).to_string()
                    }
                })
                .collect();
            let similar = rstap_diag::similar(&want, keys.iter().map(String::as_str), 5);
            return Err(CatalogError::NoMatch {
                what: "tracepoint(s)".into(),
                similar,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHED_SWITCH: &str = "name: sched_switch
ID: 316
format:
\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;
\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;
\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;

\tfield:char prev_comm[16];\toffset:8;\tsize:16;\tsigned:0;
\tfield:pid_t prev_pid;\toffset:24;\tsize:4;\tsigned:1;
\tfield:int prev_prio;\toffset:28;\tsize:4;\tsigned:1;
\tfield:long prev_state;\toffset:32;\tsize:8;\tsigned:1;
\tfield:char next_comm[16];\toffset:40;\tsize:16;\tsigned:0;
\tfield:pid_t next_pid;\toffset:56;\tsize:4;\tsigned:1;
\tfield:int next_prio;\toffset:60;\tsize:4;\tsigned:1;

print fmt: \"prev_comm=%s\", REC->prev_comm
";

    const OPENAT: &str = "name: sys_enter_openat
format:
\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;
\tfield:int dfd;\toffset:16;\tsize:8;\tsigned:0;
\tfield:const char * filename;\toffset:24;\tsize:8;\tsigned:0;
\tfield:__data_loc char[] name;\toffset:32;\tsize:4;\tsigned:0;
";

    struct Canned;
    impl TracepointSource for Canned {
        fn events(&self) -> Vec<String> {
            vec![
                "sched:sched_switch".into(),
                "syscalls:sys_enter_openat".into(),
                "sched:sched_wakeup".into(),
            ]
        }
        fn format(&self, system: &str, name: &str) -> Option<String> {
            match (system, name) {
                ("sched", "sched_switch") => Some(SCHED_SWITCH.into()),
                ("syscalls", "sys_enter_openat") => Some(OPENAT.into()),
                ("sched", "sched_wakeup") => {
                    Some("format:\n\tfield:pid_t pid;\toffset:8;\tsize:4;\tsigned:1;\n".into())
                }
                _ => None,
            }
        }
    }

    fn point(arg: &str) -> Vec<PointComponent> {
        vec![
            PointComponent {
                name: "kernel".into(),
                arg: None,
            },
            PointComponent {
                name: "trace".into(),
                arg: Some(Literal::String(arg.as_bytes().to_vec())),
            },
        ]
    }

    #[test]
    fn format_files_give_typed_fields() {
        let f = parse_format_file(SCHED_SWITCH);
        let names: Vec<&str> = f.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "prev_comm",
                "prev_pid",
                "prev_prio",
                "prev_state",
                "next_comm",
                "next_pid",
                "next_prio"
            ]
        );
        assert_eq!(
            (f[0].kind, f[0].offset, f[0].size, f[0].c_type.as_str()),
            (FieldKind::CharArray, 8, 16, "char[16]")
        );
        assert_eq!(
            (f[1].kind, f[1].offset, f[1].size, f[1].signed),
            (FieldKind::Integer, 24, 4, true)
        );
        let o = parse_format_file(OPENAT);
        assert_eq!((o[1].kind, o[1].name.as_str()), (FieldKind::Integer, "dfd"));
        assert_eq!(o[2].kind, FieldKind::Pointer);
        assert_eq!(o[2].c_type, "const char *");
        assert_eq!(
            (o[3].kind, o[3].name.as_str()),
            (FieldKind::DataLocString, "name")
        );
        assert_eq!(o[0].name, "__syscall_nr");
    }

    #[test]
    fn number_arrays_are_integers_only_when_they_fit_one() {
        let f = parse_format_file(
            "format:
\tfield:__u8 saddr[4];\toffset:32;\tsize:4;\tsigned:0;
\tfield:__u8 saddr_v6[16];\toffset:40;\tsize:16;\tsigned:0;
",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].name.as_str(), f[0].kind, f[0].size),
            ("saddr", FieldKind::Integer, 4)
        );
    }

    #[test]
    fn resolves_with_and_without_system_and_globs() {
        let src = Canned;
        let cat = TracepointCatalog::new(&src);
        let pps = |a: &str| -> Vec<String> {
            cat.resolve(&point(a))
                .unwrap()
                .into_iter()
                .map(|r| r.pp)
                .collect()
        };
        assert_eq!(
            pps("sched:sched_switch"),
            ["kernel.trace(\"sched:sched_switch\")"]
        );
        assert_eq!(
            pps("sched_switch"),
            ["kernel.trace(\"sched:sched_switch\")"]
        );
        assert_eq!(
            pps("sched:*"),
            [
                "kernel.trace(\"sched:sched_switch\")",
                "kernel.trace(\"sched:sched_wakeup\")"
            ]
        );
        assert_eq!(
            pps("*openat"),
            ["kernel.trace(\"syscalls:sys_enter_openat\")"]
        );
        let r = cat.resolve(&point("sched_switch")).unwrap();
        let prev_comm = r[0].context.iter().find(|c| c.name == "prev_comm").unwrap();
        assert_eq!(prev_comm.ty, Type::String);
        assert!(r[0].context.iter().any(|c| c.name == "$name"));
    }

    #[test]
    fn no_match_suggests_similar_tracepoints() {
        let src = Canned;
        let cat = TracepointCatalog::new(&src);
        let e = cat.resolve(&point("sched_swich")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no match (similar tracepoint(s): sched_switch)"
        );
    }
}
