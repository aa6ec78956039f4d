//! The user-space probe points beyond a binary's symbols and marks: `process(PID)`,
//! `.library("LIB")`, `.plt("NAME")`, `.statement("func@file:line")`,
//! `.statement(ADDR)[.absolute]`, `.function("func@file[:line]")` and
//! `.function("NAME").inline`.
//!
//! `process(PID)` probes the program `/proc/PID/exe` names and fires only in that
//! process. `process("PATH").library("LIB")` probes the library file, which every
//! process mapping it runs; the probe fires only in processes whose executable is PATH
//! (compared by inode number in the BPF program).

use std::rc::Rc;

use rstap_ir::{ProbeKind, ProcessFilter, Type, UprobeSite};
use rstap_syntax::ast::Literal;

use super::{UprobeCatalog, UserBinary, matches, return_vars, string_arg};
use crate::catalog::{CatalogError, ContextVar, PointComponent, ResolvedPoint, point_text};
use crate::glob::{glob_match, has_wildcard};

/// A function DWARF describes, with its code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFunc {
    pub name: String,
    /// The declaring file and the compilation unit's file (indices in
    /// [`UserSource::files`]).
    pub file: u32,
    pub unit: u32,
    pub decl_line: u64,
    /// `[start, end)` linked addresses of its code.
    pub ranges: Vec<(u64, u64)>,
    /// The file offset of its entry.
    pub offset: u64,
}

impl SourceFunc {
    fn contains(&self, address: u64) -> bool {
        self.ranges
            .iter()
            .any(|&(lo, hi)| address >= lo && address < hi)
    }
}

/// A line-table row that starts a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceLine {
    pub file: u32,
    pub line: u64,
    pub address: u64,
    pub offset: u64,
}

/// An inlined copy of a function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserInline {
    pub name: String,
    /// The function it is inlined into.
    pub caller: String,
    pub offset: u64,
}

/// A label in a function's code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserLabel {
    pub name: String,
    /// The function holding it.
    pub function: String,
    pub offset: u64,
    /// Its declaration: an index in [`UserSource::files`], and the line.
    pub file: u32,
    pub line: u64,
}

/// What DWARF says about a binary's source; empty without `-g`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserSource {
    pub files: Vec<String>,
    pub functions: Vec<SourceFunc>,
    pub lines: Vec<SourceLine>,
    pub inlined: Vec<UserInline>,
    pub labels: Vec<UserLabel>,
}

/// A library a program loads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserLibrary {
    /// As the program names it (`libc.so.6`), or the mapped path for a running process.
    pub soname: String,
    /// Where it was found, if it was.
    pub path: Option<String>,
}

fn invalid(m: String) -> CatalogError {
    CatalogError::Invalid(m)
}

fn text(s: &str) -> Option<Literal> {
    Some(Literal::String(s.as_bytes().to_vec()))
}

/// Does a source path match a `@FILE` pattern, as written or after an implicit `*/`?
fn file_matches(pattern: &str, path: &str) -> bool {
    glob_match(pattern, path) || glob_match(&format!("*/{pattern}"), path)
}

/// The lines of a `func@file:LINES` specification.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Lines {
    /// No line part.
    None,
    /// `:N`, `:N-M`, `:N,M-K`: inclusive ranges.
    Ranges(Vec<(u64, u64)>),
    /// `+N`: N lines after the function's declaration.
    Relative(u64),
    /// `:*`.
    All,
}

/// `FUNC[@FILE[:LINES|+N]]`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct SourceSpec {
    func: String,
    file: Option<String>,
    lines: Lines,
}

fn parse_spec(spec: &str) -> Result<SourceSpec, String> {
    let Some((func, rest)) = spec.split_once('@') else {
        return Ok(SourceSpec {
            func: spec.to_string(),
            file: None,
            lines: Lines::None,
        });
    };
    let bad = |why: &str| {
        format!(
            "cannot read '{spec}': {why} (write FUNC@FILE, FUNC@FILE:LINE, FUNC@FILE:FIRST-LAST, FUNC@FILE:* or FUNC@FILE+OFFSET)"
        )
    };
    let (file, lines) = if let Some((file, l)) = rest.rsplit_once(':') {
        let lines = if l == "*" {
            Lines::All
        } else {
            let mut ranges = Vec::new();
            for part in l.split(',') {
                let (a, b) = part.split_once('-').unwrap_or((part, part));
                let (Ok(a), Ok(b)) = (a.trim().parse::<u64>(), b.trim().parse::<u64>()) else {
                    return Err(bad(&format!("'{part}' is not a line number or range")));
                };
                if a > b || a == 0 {
                    return Err(bad(&format!("'{part}' is an empty line range")));
                }
                ranges.push((a, b));
            }
            Lines::Ranges(ranges)
        };
        (file, lines)
    } else if let Some((file, n)) = rest.rsplit_once('+') {
        let Ok(n) = n.parse::<u64>() else {
            return Err(bad(&format!("'+{n}' is not a line offset")));
        };
        (file, Lines::Relative(n))
    } else {
        (rest, Lines::None)
    };
    if file.is_empty() {
        return Err(bad("the file name is empty"));
    }
    Ok(SourceSpec {
        func: if func.is_empty() {
            "*".into()
        } else {
            func.into()
        },
        file: Some(file.into()),
        lines,
    })
}

impl Lines {
    fn has(&self, line: u64, decl_line: u64) -> bool {
        match self {
            Lines::None | Lines::All => true,
            Lines::Ranges(r) => r.iter().any(|&(a, b)| line >= a && line <= b),
            Lines::Relative(n) => line == decl_line + n,
        }
    }

    /// The single line asked for, when only one is.
    fn single(&self, decl_line: u64) -> Option<u64> {
        match self {
            Lines::Ranges(r) if r.len() == 1 && r[0].0 == r[0].1 => Some(r[0].0),
            Lines::Relative(n) => Some(decl_line + n),
            _ => None,
        }
    }
}

impl UprobeCatalog<'_> {
    /// Resolves any `process(...)` point: the program (by path, by PID, or the `-c`
    /// command's), an optional `.library(...)`, then what is probed in each binary.
    pub(super) fn resolve_user(
        &self,
        point: &[PointComponent],
    ) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let (program, pid) = match &point[0].arg {
            Some(Literal::String(p)) => (String::from_utf8_lossy(p).into_owned(), None),
            Some(Literal::Number(n)) => {
                let pid = u32::try_from(*n)
                    .ok()
                    .filter(|p| *p > 0)
                    .ok_or_else(|| invalid(format!("process({n}): not a process id")))?;
                (self.source.process_program(pid).map_err(invalid)?, Some(pid))
            }
            // Without a path: the -x process, or the program of the -c command.
            None => match self.source.target_process() {
                Some(pid) => (self.source.process_program(pid).map_err(invalid)?, Some(pid)),
                None => (
                    self.source.target_program().ok_or_else(|| {
                        invalid("process.function/mark without a path probes the program of the -c command or the -x process: give -c CMD or -x PID, or write process(\"PATH\")".into())
                    })?,
                    None,
                ),
            },
        };
        let library = point[1].name == "library";
        let rest_at = if library { 2 } else { 1 };
        if point.len() <= rest_at {
            return Ok(Vec::new());
        }
        let program = self.source.binary(&program).map_err(invalid)?;
        let mut head = point[0].clone();
        head.arg = match pid {
            Some(pid) => Some(Literal::Number(i64::from(pid))),
            None => text(&program.path),
        };
        let mut only = pid.map(ProcessFilter::Pid);
        // `process(PID).statement(ADDR).absolute`: an address of the running process,
        // in whichever file maps it.
        if let (Some(pid), "statement", Some(Literal::Number(addr)), Some("absolute")) = (
            pid,
            point[rest_at].name.as_str(),
            &point[rest_at].arg,
            point.get(rest_at + 1).map(|c| c.name.as_str()),
        ) && !library
        {
            let (path, offset) = self
                .source
                .process_address(pid, *addr as u64)
                .map_err(invalid)?;
            let bin = self.source.binary(&path).map_err(invalid)?;
            return Ok(vec![self.address_point(
                &bin,
                point_text(point),
                offset,
                only,
            )]);
        }
        let mut targets: Vec<(Rc<UserBinary>, String)> = Vec::new();
        if library {
            let want = string_arg(&point[1]).unwrap_or_default();
            if only.is_none() {
                let inode = self.source.inode(&program.path).ok_or_else(|| {
                    invalid(format!("cannot read the inode of '{}'", program.path))
                })?;
                only = Some(ProcessFilter::Executable {
                    path: program.path.clone(),
                    inode,
                });
            }
            for lib in self.library_paths(&program.path, pid, &want)? {
                let bin = self.source.binary(&lib).map_err(invalid)?;
                let prefix = point_text(&[
                    head.clone(),
                    PointComponent {
                        name: "library".into(),
                        arg: text(&bin.path),
                    },
                ]);
                targets.push((bin, prefix));
            }
        } else {
            targets.push((program, point_text(std::slice::from_ref(&head))));
        }
        // Several libraries matched: those with nothing to probe are passed over.
        let several = targets.len() > 1;
        let mut first_error = None;
        let mut out = Vec::new();
        for (bin, prefix) in targets {
            let mut sub = vec![PointComponent {
                name: "process".into(),
                arg: text(&bin.path),
            }];
            sub.extend(point[rest_at..].iter().cloned());
            let sub_head = point_text(&sub[..1]);
            let points = match self.resolve_in(&bin, &sub) {
                Ok(p) => p,
                Err(e) if several => {
                    first_error.get_or_insert(e);
                    continue;
                }
                Err(e) => return Err(e),
            };
            for mut p in points {
                if let Some(tail) = p.pp.strip_prefix(&sub_head) {
                    p.pp = format!("{prefix}{tail}");
                }
                if let ProbeKind::Uprobe { only: o, .. } = &mut p.kind {
                    *o = only.clone();
                }
                out.push(p);
            }
        }
        match first_error {
            Some(e) if out.is_empty() => Err(e),
            _ => Ok(out),
        }
    }

    /// What `sub` (`process("BIN").REST`) names in one binary.
    fn resolve_in(
        &self,
        bin: &UserBinary,
        sub: &[PointComponent],
    ) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let concrete = sub.to_vec();
        match sub[1].name.as_str() {
            "function" => {
                let want = string_arg(&sub[1]).unwrap_or_default();
                if sub.get(2).is_some_and(|c| c.name == "inline") {
                    self.inlines(bin, &want)
                } else if let Some(label) = sub.get(2).filter(|c| c.name == "label") {
                    self.labels(bin, &want, &string_arg(label).unwrap_or_default())
                } else if want.contains('@') {
                    let ret = sub.get(2).is_some_and(|c| c.name == "return");
                    self.source_functions(bin, &want, ret)
                } else {
                    self.functions(bin, sub, concrete)
                }
            }
            "mark" | "provider" => self.marks(bin, sub, concrete),
            "plt" => {
                let ret = sub.get(2).is_some_and(|c| c.name == "return");
                self.plt_stubs(bin, &string_arg(&sub[1]).unwrap_or("*".into()), ret)
            }
            "statement" => match &sub[1].arg {
                Some(Literal::Number(addr)) => {
                    let addr = *addr as u64;
                    let offset = self.source.address_offset(&bin.path, addr).ok_or_else(|| {
                        invalid(format!(
                            "address {addr:#x} is not in code '{}' loads (give an address as linked, as `nm` shows it)",
                            bin.path
                        ))
                    })?;
                    Ok(vec![self.address_point(bin, point_text(sub), offset, None)])
                }
                _ => {
                    let nearest = sub.get(2).is_some_and(|c| c.name == "nearest");
                    self.statements(bin, &string_arg(&sub[1]).unwrap_or_default(), nearest)
                }
            },
            _ => Ok(Vec::new()),
        }
    }

    /// A statement probe at a file offset, in the function whose symbol precedes it.
    fn address_point(
        &self,
        bin: &UserBinary,
        pp: String,
        offset: u64,
        only: Option<ProcessFilter>,
    ) -> ResolvedPoint {
        let function = bin
            .functions
            .iter()
            .filter(|f| f.offset <= offset)
            .max_by_key(|f| f.offset)
            .map(|f| f.name.clone())
            .unwrap_or_default();
        ResolvedPoint {
            pp,
            context: Vec::new(),
            kind: ProbeKind::Uprobe {
                path: bin.path.clone(),
                function,
                offset,
                ret: false,
                mark: None,
                site: UprobeSite::Statement,
                only,
            },
        }
    }

    /// The libraries `.library(want)` names for `program`: a path as given, or those
    /// the program loads whose name or path matches, or one found in the library
    /// search path.
    fn library_paths(
        &self,
        program: &str,
        pid: Option<u32>,
        want: &str,
    ) -> Result<Vec<String>, CatalogError> {
        if want.contains('/') && !has_wildcard(want) {
            return Ok(vec![want.to_string()]);
        }
        let libs = self.source.libraries(program, pid);
        let mut out: Vec<String> = Vec::new();
        for l in &libs {
            let by_path = l.path.as_deref().is_some_and(|p| file_matches(want, p));
            if !glob_match(want, &l.soname) && !by_path {
                continue;
            }
            match &l.path {
                Some(p) if !out.contains(p) => out.push(p.clone()),
                Some(_) => {}
                None if !has_wildcard(want) => {
                    return Err(invalid(format!(
                        "library '{}', which '{program}' needs, is not found in the library search path (name it by its path)",
                        l.soname
                    )));
                }
                None => {}
            }
        }
        if out.is_empty()
            && !has_wildcard(want)
            && let Some(p) = self.source.find_library(program, want)
        {
            out.push(p);
        }
        if out.is_empty() {
            let similar = rstap_diag::similar(want, libs.iter().map(|l| l.soname.as_str()), 5);
            let loads = if pid.is_some() { "maps" } else { "loads" };
            return Err(invalid(if similar.is_empty() {
                format!(
                    "no library '{want}' among those '{program}' {loads} (name a library it opens with dlopen by its path)"
                )
            } else {
                format!(
                    "no library '{want}' among those '{program}' {loads}; did you mean: {}?",
                    similar.join(", ")
                )
            }));
        }
        Ok(out)
    }

    /// The binary's DWARF source information, or the error naming the fix.
    fn source_of(&self, bin: &UserBinary, what: &str) -> Result<Rc<UserSource>, CatalogError> {
        let source = self.source.source(&bin.path);
        if source.lines.is_empty() && source.functions.is_empty() {
            return Err(invalid(format!(
                "{what} needs DWARF line information, and '{}' has none: rebuild it with -g",
                bin.path
            )));
        }
        Ok(source)
    }

    /// The DWARF functions matching a spec's function name and file.
    fn spec_functions<'s>(
        &self,
        bin: &UserBinary,
        source: &'s UserSource,
        spec: &SourceSpec,
    ) -> Result<Vec<&'s SourceFunc>, CatalogError> {
        let file_ok = |f: &SourceFunc| match &spec.file {
            None => true,
            Some(p) => {
                let name = |i: u32| source.files.get(i as usize).map_or("", |s| s.as_str());
                file_matches(p, name(f.file)) || file_matches(p, name(f.unit))
            }
        };
        let found: Vec<&SourceFunc> = source
            .functions
            .iter()
            .filter(|f| matches(&spec.func, &f.name) && file_ok(f))
            .collect();
        if found.is_empty() {
            let where_ = spec
                .file
                .as_deref()
                .map(|f| format!(" in a source file matching '{f}'"))
                .unwrap_or_default();
            let mut candidates: Vec<&str> = source
                .functions
                .iter()
                .filter(|f| file_ok(f))
                .map(|f| f.name.as_str())
                .collect();
            if candidates.is_empty() {
                candidates = source.files.iter().map(|f| f.as_str()).collect();
            }
            let similar = rstap_diag::similar(&spec.func, candidates.iter().copied(), 5);
            let base = format!("no function '{}'{where_} in '{}'", spec.func, bin.path);
            return Err(invalid(if similar.is_empty() {
                base
            } else {
                format!("{base}; did you mean: {}?", similar.join(", "))
            }));
        }
        Ok(found)
    }

    /// `.function("FUNC@FILE[:LINES]")[.return]`: the functions defined in the file
    /// (and, with lines, holding one of them), probed at their entry.
    fn source_functions(
        &self,
        bin: &UserBinary,
        want: &str,
        ret: bool,
    ) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let spec = parse_spec(want).map_err(invalid)?;
        if matches!(spec.lines, Lines::Relative(_)) {
            return Err(invalid(format!(
                "'{want}': a +OFFSET line names a statement: probe it with .statement(\"{want}\")"
            )));
        }
        let source = self.source_of(bin, &format!("function(\"{want}\")"))?;
        let mut out = Vec::new();
        for f in self.spec_functions(bin, &source, &spec)? {
            let spans_line = matches!(spec.lines, Lines::None | Lines::All)
                || spec.lines.has(f.decl_line, f.decl_line)
                || source
                    .lines
                    .iter()
                    .any(|r| f.contains(r.address) && spec.lines.has(r.line, f.decl_line));
            if !spans_line {
                continue;
            }
            let file = source
                .files
                .get(f.file as usize)
                .cloned()
                .unwrap_or_default();
            let mut pp = format!(
                "{}.function(\"{}@{}:{}\")",
                point_text(&[PointComponent {
                    name: "process".into(),
                    arg: text(&bin.path),
                }]),
                f.name,
                file,
                f.decl_line
            );
            if ret {
                pp.push_str(".return");
            }
            if out.iter().any(|p: &ResolvedPoint| p.pp == pp) {
                continue;
            }
            out.push(self.function_point(bin, (&f.name, f.offset), pp, ret));
        }
        if out.is_empty() {
            return Err(invalid(format!(
                "no function matching '{}' spans the lines of '{want}' in '{}'",
                spec.func, bin.path
            )));
        }
        Ok(out)
    }

    /// `.statement("FUNC@FILE:LINES")[.nearest]`: the first instruction of each line
    /// with code, in each matching function.
    fn statements(
        &self,
        bin: &UserBinary,
        want: &str,
        nearest: bool,
    ) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let spec = parse_spec(want).map_err(invalid)?;
        if spec.file.is_none() {
            return Err(invalid(format!(
                "statement(\"{want}\") names no source line: write FUNC@FILE:LINE (e.g. \"{}@file.c:12\"), or give an address",
                spec.func
            )));
        }
        let source = self.source_of(bin, &format!("statement(\"{want}\")"))?;
        let functions = self.spec_functions(bin, &source, &spec)?;
        let file_ok = |r: &SourceLine, f: &SourceFunc| match &spec.file {
            Some(p) => source
                .files
                .get(r.file as usize)
                .is_some_and(|n| file_matches(p, n)),
            None => r.file == f.file,
        };
        let mut out: Vec<ResolvedPoint> = Vec::new();
        let mut near: Vec<u64> = Vec::new();
        for f in &functions {
            let rows: Vec<&SourceLine> = source
                .lines
                .iter()
                .filter(|r| f.contains(r.address) && file_ok(r, f))
                .collect();
            let mut chosen: Vec<&SourceLine> = rows
                .iter()
                .copied()
                .filter(|r| spec.lines.has(r.line, f.decl_line))
                .collect();
            if chosen.is_empty()
                && let Some(line) = spec.lines.single(f.decl_line)
            {
                // The closest lines with code, the later one on a tie.
                let best = rows
                    .iter()
                    .map(|r| r.line)
                    .min_by_key(|l| (l.abs_diff(line), u64::MAX - l));
                if let Some(best) = best {
                    if nearest {
                        chosen = rows.iter().copied().filter(|r| r.line == best).collect();
                    } else {
                        near.push(best);
                    }
                }
            }
            // Per line, its lowest address.
            chosen.sort_by_key(|r| (r.line, r.address));
            chosen.dedup_by_key(|r| r.line);
            for r in chosen {
                if out.iter().any(
                    |p| matches!(&p.kind, ProbeKind::Uprobe { offset, .. } if *offset == r.offset),
                ) {
                    continue;
                }
                let file = source
                    .files
                    .get(r.file as usize)
                    .cloned()
                    .unwrap_or_default();
                out.push(ResolvedPoint {
                    pp: format!(
                        "{}.statement(\"{}@{}:{}\")",
                        point_text(&[PointComponent {
                            name: "process".into(),
                            arg: text(&bin.path),
                        }]),
                        f.name,
                        file,
                        r.line
                    ),
                    context: Vec::new(),
                    kind: ProbeKind::Uprobe {
                        path: bin.path.clone(),
                        function: f.name.clone(),
                        offset: r.offset,
                        ret: false,
                        mark: None,
                        site: UprobeSite::Statement,
                        only: None,
                    },
                });
            }
        }
        if out.is_empty() {
            near.sort();
            near.dedup();
            let hint = if near.is_empty() {
                String::new()
            } else {
                format!(
                    "; the nearest line with code is {} (or add .nearest)",
                    near.iter()
                        .map(|l| l.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            return Err(invalid(format!(
                "no code for the lines of '{want}' in '{}'{hint}",
                bin.path
            )));
        }
        Ok(out)
    }

    /// `.function("FUNC[@FILE]").label("LABEL")`: the labels matching LABEL in the
    /// functions matching FUNC (both may be wildcards), probed like statements.
    fn labels(
        &self,
        bin: &UserBinary,
        want: &str,
        label: &str,
    ) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let what = format!("function(\"{want}\").label(\"{label}\")");
        let source = self.source_of(bin, &what)?;
        let (func, file) = match want.split_once('@') {
            Some((f, file)) => (f, Some(file.split(':').next().unwrap_or(file))),
            None => (want, None),
        };
        let in_functions: Vec<&UserLabel> = source
            .labels
            .iter()
            .filter(|l| matches(func, &l.function))
            .filter(|l| {
                file.is_none_or(|p| {
                    source
                        .files
                        .get(l.file as usize)
                        .is_some_and(|n| file_matches(p, n))
                })
            })
            .collect();
        let mut out: Vec<ResolvedPoint> = Vec::new();
        for l in in_functions.iter().filter(|l| matches(label, &l.name)) {
            let decl = source
                .functions
                .iter()
                .find(|f| f.name == l.function)
                .map(|f| {
                    let file = source
                        .files
                        .get(f.file as usize)
                        .cloned()
                        .unwrap_or_default();
                    format!("@{file}:{}", f.decl_line)
                })
                .unwrap_or_default();
            out.push(ResolvedPoint {
                pp: format!(
                    "{}.function(\"{}{decl}\").label(\"{}\")",
                    point_text(&[PointComponent {
                        name: "process".into(),
                        arg: text(&bin.path),
                    }]),
                    l.function,
                    l.name
                ),
                context: Vec::new(),
                kind: ProbeKind::Uprobe {
                    path: bin.path.clone(),
                    function: l.function.clone(),
                    offset: l.offset,
                    ret: false,
                    mark: None,
                    site: UprobeSite::Statement,
                    only: None,
                },
            });
        }
        if out.is_empty() {
            let mut names: Vec<&str> = in_functions.iter().map(|l| l.name.as_str()).collect();
            names.sort();
            names.dedup();
            let similar = rstap_diag::similar(label, names.iter().copied(), 5);
            return Err(invalid(if in_functions.is_empty() {
                format!("no labels in the functions '{want}' of '{}'", bin.path)
            } else if similar.is_empty() {
                format!(
                    "no label '{label}' in the functions '{want}' of '{}'",
                    bin.path
                )
            } else {
                format!(
                    "no label '{label}' in the functions '{want}' of '{}'; did you mean: {}?",
                    bin.path,
                    similar.join(", ")
                )
            }));
        }
        Ok(out)
    }

    /// `.plt("NAME")[.return]`: the PLT stubs calling NAME.
    fn plt_stubs(
        &self,
        bin: &UserBinary,
        want: &str,
        ret: bool,
    ) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let stubs = self.source.plt(&bin.path);
        let mut out: Vec<ResolvedPoint> = Vec::new();
        for s in stubs.iter().filter(|s| matches(want, &s.name)) {
            let mut pp = format!(
                "{}.plt(\"{}\")",
                point_text(&[PointComponent {
                    name: "process".into(),
                    arg: text(&bin.path),
                }]),
                s.name
            );
            if ret {
                pp.push_str(".return");
            }
            let mut context = vec![ContextVar {
                name: "$name".into(),
                ty: Type::String,
                read: "__plt_name".into(),
                write: None,
                kernel_type: None,
            }];
            if ret {
                context.extend(return_vars(&[]));
            }
            out.push(ResolvedPoint {
                pp,
                context,
                kind: ProbeKind::Uprobe {
                    path: bin.path.clone(),
                    function: s.name.clone(),
                    offset: s.offset,
                    ret,
                    mark: None,
                    site: UprobeSite::Plt,
                    only: None,
                },
            });
        }
        if out.is_empty() {
            if stubs.is_empty() {
                return Err(invalid(format!(
                    "'{}' has no PLT entries (it is statically linked or built with -fno-plt)",
                    bin.path
                )));
            }
            let similar = rstap_diag::similar(want, stubs.iter().map(|s| s.name.as_str()), 5);
            return Err(invalid(if similar.is_empty() {
                format!("no PLT entry '{want}' in '{}'", bin.path)
            } else {
                format!(
                    "no PLT entry '{want}' in '{}'; did you mean: {}?",
                    bin.path,
                    similar.join(", ")
                )
            }));
        }
        Ok(out)
    }

    /// `.function("NAME").inline`: the start of each inlined copy of NAME.
    fn inlines(&self, bin: &UserBinary, want: &str) -> Result<Vec<ResolvedPoint>, CatalogError> {
        if want.contains('@') {
            return Err(invalid(format!(
                "function(\"{want}\").inline: name the inlined function without a source file"
            )));
        }
        let source = self.source_of(bin, &format!("function(\"{want}\").inline"))?;
        let mut out: Vec<ResolvedPoint> = Vec::new();
        for i in source.inlined.iter().filter(|i| matches(want, &i.name)) {
            if out
                .iter()
                .any(|p| matches!(&p.kind, ProbeKind::Uprobe { offset, .. } if *offset == i.offset))
            {
                continue;
            }
            out.push(ResolvedPoint {
                pp: format!(
                    "{}.function(\"{}\").inline",
                    point_text(&[PointComponent {
                        name: "process".into(),
                        arg: text(&bin.path),
                    }]),
                    i.name
                ),
                context: Vec::new(),
                kind: ProbeKind::Uprobe {
                    path: bin.path.clone(),
                    function: i.name.clone(),
                    offset: i.offset,
                    ret: false,
                    mark: None,
                    site: UprobeSite::Inline,
                    only: None,
                },
            });
        }
        if out.is_empty() {
            let mut names: Vec<&str> = source.inlined.iter().map(|i| i.name.as_str()).collect();
            names.sort();
            names.dedup();
            let similar = rstap_diag::similar(want, names.iter().copied(), 5);
            return Err(invalid(if similar.is_empty() {
                format!("no inlined copy of '{want}' in '{}'", bin.path)
            } else {
                format!(
                    "no inlined copy of '{want}' in '{}'; did you mean: {}?",
                    bin.path,
                    similar.join(", ")
                )
            }));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uprobes::{
        LOCALS_TEXT, PARMS_TEXT, UserBinarySource, UserFunction, UserVar, UserVarLocation,
        VARS_TEXT, statement_vars,
    };
    use crate::{ProbeCatalog, UserParam};

    /// `/opt/app` (process 4242) loads `libfoo.so.1` from `/opt/lib`; app.c defines
    /// main (lines 10-14, code at 0x1100-0x1140) and helper (lines 20-22), with `sq`
    /// inlined twice.
    struct Canned;

    impl UserBinarySource for Canned {
        fn binary(&self, path: &str) -> Result<Rc<UserBinary>, String> {
            let path = match path {
                "./app" | "/opt/app" => "/opt/app",
                "/opt/lib/libfoo.so.1" => path,
                _ => return Err(format!("cannot find '{path}'")),
            };
            let f = |n: &str, o| UserFunction {
                name: n.into(),
                offset: o,
            };
            Ok(Rc::new(UserBinary {
                path: path.into(),
                functions: vec![f("helper", 0x1200), f("main", 0x1100)],
                marks: vec![],
                stripped: false,
            }))
        }
        fn target_program(&self) -> Option<String> {
            None
        }
        fn parameters(&self, _path: &str, _function: &str) -> Vec<UserParam> {
            Vec::new()
        }
        fn plt(&self, path: &str) -> Vec<UserFunction> {
            if path != "/opt/app" {
                return Vec::new();
            }
            vec![
                UserFunction {
                    name: "foo_init".into(),
                    offset: 0x1030,
                },
                UserFunction {
                    name: "puts".into(),
                    offset: 0x1040,
                },
            ]
        }
        fn source(&self, path: &str) -> Rc<UserSource> {
            if path != "/opt/app" {
                return Rc::default();
            }
            let line = |line, address| SourceLine {
                file: 1,
                line,
                address,
                offset: address - 0x1000,
            };
            let func = |name: &str, decl_line, lo, hi| SourceFunc {
                name: name.into(),
                file: 1,
                unit: 1,
                decl_line,
                ranges: vec![(lo, hi)],
                offset: lo - 0x1000,
            };
            Rc::new(UserSource {
                files: vec!["/usr/include/stdio.h".into(), "/src/app.c".into()],
                functions: vec![
                    func("main", 10, 0x2100, 0x2140),
                    func("helper", 20, 0x2200, 0x2220),
                ],
                lines: vec![
                    line(10, 0x2100),
                    line(11, 0x2108),
                    line(12, 0x2110),
                    line(11, 0x2118),
                    line(14, 0x2130),
                    line(20, 0x2200),
                    line(21, 0x2210),
                ],
                inlined: vec![
                    UserInline {
                        name: "sq".into(),
                        caller: "main".into(),
                        offset: 0x1120,
                    },
                    UserInline {
                        name: "sq".into(),
                        caller: "helper".into(),
                        offset: 0x1214,
                    },
                ],
                labels: vec![
                    UserLabel {
                        name: "retry".into(),
                        function: "main".into(),
                        offset: 0x1110,
                        file: 1,
                        line: 12,
                    },
                    UserLabel {
                        name: "out".into(),
                        function: "main".into(),
                        offset: 0x1130,
                        file: 1,
                        line: 14,
                    },
                    UserLabel {
                        name: "out".into(),
                        function: "helper".into(),
                        offset: 0x1210,
                        file: 1,
                        line: 21,
                    },
                ],
            })
        }
        fn libraries(&self, _program: &str, _pid: Option<u32>) -> Vec<UserLibrary> {
            vec![
                UserLibrary {
                    soname: "libfoo.so.1".into(),
                    path: Some("/opt/lib/libfoo.so.1".into()),
                },
                UserLibrary {
                    soname: "libmissing.so".into(),
                    path: None,
                },
            ]
        }
        fn process_program(&self, pid: u32) -> Result<String, String> {
            if pid == 4242 {
                Ok("/opt/app".into())
            } else {
                Err(format!("cannot probe process({pid}): no such process"))
            }
        }
        /// The global `bumps` (an int) lies 0x2000 bytes past any probed instruction.
        fn global_variable(
            &self,
            _path: &str,
            _offset: u64,
            name: &str,
            _unit: Option<&str>,
        ) -> Result<UserVar, String> {
            if name != "bumps" {
                return Err(format!("no global variable '{name}'"));
            }
            Ok(UserVar {
                name: name.into(),
                c_type: "int".into(),
                size: 4,
                signed: true,
                parameter: false,
                location: UserVarLocation::Memory {
                    base: "ip",
                    offset: 0x2000,
                },
                ty: None,
            })
        }
        /// At main's line 11 (0x1108): its parameter `argc` in memory below %rbp, a
        /// local `n` in %rbx, a struct `pt` in memory, a local `gone` optimized out,
        /// and an inner `argc` hiding the parameter.
        fn variables(&self, _path: &str, offset: u64) -> Vec<UserVar> {
            if offset != 0x1108 {
                return Vec::new();
            }
            let var = |name: &str, size, parameter, location| UserVar {
                name: name.into(),
                c_type: if size == 0 { "struct point" } else { "int" }.into(),
                size,
                signed: true,
                parameter,
                location,
                ty: None,
            };
            vec![
                var(
                    "argc",
                    4,
                    true,
                    UserVarLocation::Memory {
                        base: "bp",
                        offset: -20,
                    },
                ),
                var("n", 4, false, UserVarLocation::Register("bx")),
                var(
                    "pt",
                    0,
                    false,
                    UserVarLocation::Memory {
                        base: "bp",
                        offset: 16,
                    },
                ),
                var(
                    "gone",
                    4,
                    false,
                    UserVarLocation::Unavailable("optimized out".into()),
                ),
                var("argc", 8, false, UserVarLocation::Register("r12")),
            ]
        }
        fn inode(&self, _path: &str) -> Option<u64> {
            Some(77)
        }
    }

    fn comp(name: &str, arg: Option<&str>) -> PointComponent {
        PointComponent {
            name: name.into(),
            arg: arg.map(|a| Literal::String(a.as_bytes().to_vec())),
        }
    }

    fn number(name: &str, n: i64) -> PointComponent {
        PointComponent {
            name: name.into(),
            arg: Some(Literal::Number(n)),
        }
    }

    fn resolve(point: &[PointComponent]) -> Result<Vec<ResolvedPoint>, String> {
        UprobeCatalog::new(&Canned)
            .resolve(point)
            .map_err(|e| e.to_string())
    }

    fn offsets(points: &[ResolvedPoint]) -> Vec<(String, u64, UprobeSite)> {
        points
            .iter()
            .map(|p| match &p.kind {
                ProbeKind::Uprobe { offset, site, .. } => (p.pp.clone(), *offset, *site),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn library_functions_name_both_files_and_filter_by_the_program() {
        let r = resolve(&[
            comp("process", Some("./app")),
            comp("library", Some("libfoo*")),
            comp("function", Some("helper")),
        ])
        .unwrap();
        assert_eq!(
            r[0].pp,
            "process(\"/opt/app\").library(\"/opt/lib/libfoo.so.1\").function(\"helper\")"
        );
        let ProbeKind::Uprobe { path, only, .. } = &r[0].kind else {
            unreachable!()
        };
        assert_eq!(path, "/opt/lib/libfoo.so.1");
        assert_eq!(
            only,
            &Some(ProcessFilter::Executable {
                path: "/opt/app".into(),
                inode: 77
            })
        );
        let e = resolve(&[
            comp("process", Some("./app")),
            comp("library", Some("libfo.so.1")),
            comp("function", Some("helper")),
        ])
        .unwrap_err();
        assert!(e.contains("did you mean: libfoo.so.1?"), "{e}");
        let e = resolve(&[
            comp("process", Some("./app")),
            comp("library", Some("libmissing.so")),
            comp("function", Some("f")),
        ])
        .unwrap_err();
        assert!(e.contains("is not found in the library search path"), "{e}");
    }

    #[test]
    fn process_ids_name_the_program_and_filter_by_process() {
        let r = resolve(&[number("process", 4242), comp("function", Some("main"))]).unwrap();
        assert_eq!(r[0].pp, "process(4242).function(\"main\")");
        assert!(matches!(
            &r[0].kind,
            ProbeKind::Uprobe { path, only: Some(ProcessFilter::Pid(4242)), .. } if path == "/opt/app"
        ));
        // With a library, the process filter stays the PID.
        let r = resolve(&[
            number("process", 4242),
            comp("library", Some("libfoo.so.1")),
            comp("function", Some("main")),
        ])
        .unwrap();
        assert!(matches!(
            &r[0].kind,
            ProbeKind::Uprobe {
                only: Some(ProcessFilter::Pid(4242)),
                ..
            }
        ));
        let e = resolve(&[number("process", 7), comp("function", Some("main"))]).unwrap_err();
        assert!(e.contains("process(7): no such process"), "{e}");
        let e = resolve(&[number("process", -1), comp("function", Some("main"))]).unwrap_err();
        assert!(e.contains("not a process id"), "{e}");
    }

    #[test]
    fn at_var_names_globals_of_the_probed_program() {
        let catalog = UprobeCatalog::new(&Canned);
        let entry = resolve(&[
            comp("process", Some("./app")),
            comp("function", Some("main")),
        ])
        .unwrap()
        .remove(0);
        let names = vec!["@var:bumps".to_string(), "@var:nope".to_string()];
        let c = catalog.argument_context(&entry, &names).unwrap();
        let reads: Vec<(&str, &str)> = c
            .iter()
            .filter(|v| v.name.starts_with("@var:"))
            .map(|v| (v.name.as_str(), v.read.as_str()))
            .collect();
        assert_eq!(
            reads,
            [
                ("@var:bumps", "__uprobe_global_mem_ip_8192_4s"),
                (
                    "@var:nope",
                    "__uprobe_global_none_nope:no global variable 'nope'"
                ),
            ]
        );
        // In a return probe the probed instruction locates nothing of the program.
        let ret = resolve(&[
            comp("process", Some("./app")),
            comp("function", Some("main")),
            comp("return", None),
        ])
        .unwrap()
        .remove(0);
        let c = catalog.argument_context(&ret, &names[..1]).unwrap();
        let bumps = c.iter().find(|v| v.name == "@var:bumps").unwrap();
        assert!(bumps.read.contains("return probe"), "{}", bumps.read);
        // Another program than the probed one is refused.
        let other = vec!["@var:bumps\u{1}/opt/lib/libfoo.so.1".to_string()];
        let c = catalog.argument_context(&entry, &other).unwrap();
        assert!(
            c.last().unwrap().read.contains("probed program only"),
            "{c:?}"
        );
    }

    #[test]
    fn labels_by_function_and_name() {
        let r = resolve(&[
            comp("process", Some("./app")),
            comp("function", Some("main")),
            comp("label", Some("out")),
        ])
        .unwrap();
        assert_eq!(
            offsets(&r),
            [(
                "process(\"/opt/app\").function(\"main@/src/app.c:10\").label(\"out\")".into(),
                0x1130,
                UprobeSite::Statement
            )]
        );
        let r = resolve(&[
            comp("process", Some("./app")),
            comp("function", Some("*@app.c")),
            comp("label", Some("*")),
        ])
        .unwrap();
        let at: Vec<u64> = offsets(&r).iter().map(|o| o.1).collect();
        assert_eq!(at, [0x1110, 0x1130, 0x1210]);
        let e = resolve(&[
            comp("process", Some("./app")),
            comp("function", Some("main")),
            comp("label", Some("outt")),
        ])
        .unwrap_err();
        assert!(
            e.contains("no label 'outt' in the functions 'main' of '/opt/app'; did you mean: out?"),
            "{e}"
        );
        let e = resolve(&[
            comp("process", Some("./app")),
            comp("function", Some("nolabels")),
            comp("label", Some("x")),
        ])
        .unwrap_err();
        assert!(e.contains("no labels in the functions 'nolabels'"), "{e}");
    }

    #[test]
    fn statements_take_the_first_instruction_of_each_line() {
        let r = resolve(&[
            comp("process", Some("./app")),
            comp("statement", Some("main@app.c:11")),
        ])
        .unwrap();
        assert_eq!(
            offsets(&r),
            [(
                "process(\"/opt/app\").statement(\"main@/src/app.c:11\")".into(),
                0x1108,
                UprobeSite::Statement
            )]
        );
        assert!(r[0].context.is_empty());
        // A body naming a variable sees those in scope at the statement.
        let c = UprobeCatalog::new(&Canned)
            .argument_context(&r[0], &["n".into()])
            .unwrap();
        let reads: Vec<(&str, &str)> = c
            .iter()
            .map(|v| (v.name.as_str(), v.read.as_str()))
            .collect();
        assert_eq!(
            reads,
            [
                ("n", "__uprobe_local_reg_bx_4s"),
                ("pt", "__uprobe_local_mem_bp_16_addr"),
                ("gone", "__uprobe_local_none_gone:optimized out"),
                ("argc", "__uprobe_local_reg_r12_8s"),
                ("$parms", PARMS_TEXT),
                ("$vars", VARS_TEXT),
                ("$locals", LOCALS_TEXT),
            ]
        );
        let outer = statement_vars(&Canned.variables("", 0x1108)[..1]);
        assert_eq!(outer[0].read, "__uprobe_param_at_mem_bp_m20_4s");
        // A body naming nothing of the context keeps the point's own.
        assert!(
            UprobeCatalog::new(&Canned)
                .argument_context(&r[0], &[])
                .is_none()
        );
        // All lines of every function in the file.
        let r = resolve(&[
            comp("process", Some("./app")),
            comp("statement", Some("*@app.c:*")),
        ])
        .unwrap();
        let at: Vec<u64> = offsets(&r).iter().map(|o| o.1).collect();
        assert_eq!(at, [0x1100, 0x1108, 0x1110, 0x1130, 0x1200, 0x1210]);
        // helper+1 is line 21.
        let r = resolve(&[
            comp("process", Some("./app")),
            comp("statement", Some("helper@app.c+1")),
        ])
        .unwrap();
        assert_eq!(offsets(&r)[0].1, 0x1210);
        // Line 13 has no code: the error names 14 (the later of 12 and 14), .nearest
        // takes it.
        let e = resolve(&[
            comp("process", Some("./app")),
            comp("statement", Some("main@app.c:13")),
        ])
        .unwrap_err();
        assert!(e.contains("the nearest line with code is 14"), "{e}");
        let r = resolve(&[
            comp("process", Some("./app")),
            comp("statement", Some("main@app.c:13")),
            comp("nearest", None),
        ])
        .unwrap();
        assert_eq!(offsets(&r)[0].1, 0x1130);
        let e = resolve(&[
            comp("process", Some("./app")),
            comp("statement", Some("main@other.c:3")),
        ])
        .unwrap_err();
        assert!(
            e.contains("no function 'main' in a source file matching 'other.c'"),
            "{e}"
        );
        let e = resolve(&[
            comp("process", Some("/opt/lib/libfoo.so.1")),
            comp("statement", Some("f@foo.c:3")),
        ])
        .unwrap_err();
        assert!(e.contains("rebuild it with -g"), "{e}");
    }

    #[test]
    fn functions_by_source_file_and_line() {
        let r = resolve(&[
            comp("process", Some("./app")),
            comp("function", Some("*@app.c")),
            comp("return", None),
        ])
        .unwrap();
        let got: Vec<(String, u64)> = offsets(&r).into_iter().map(|o| (o.0, o.1)).collect();
        assert_eq!(
            got,
            [
                (
                    "process(\"/opt/app\").function(\"main@/src/app.c:10\").return".into(),
                    0x1100
                ),
                (
                    "process(\"/opt/app\").function(\"helper@/src/app.c:20\").return".into(),
                    0x1200
                ),
            ]
        );
        assert_eq!(r[0].context[0].name, "return");
        // Line 21 lies in helper only.
        let r = resolve(&[
            comp("process", Some("./app")),
            comp("function", Some("*@app.c:21")),
        ])
        .unwrap();
        assert_eq!(offsets(&r)[0].1, 0x1200);
        assert_eq!(r.len(), 1);
    }

    #[test]
    fn plt_stubs_and_inlined_copies() {
        let r = resolve(&[
            comp("process", Some("./app")),
            comp("plt", None),
            comp("return", None),
        ])
        .unwrap();
        let pps: Vec<&str> = r.iter().map(|p| p.pp.as_str()).collect();
        assert_eq!(
            pps,
            [
                "process(\"/opt/app\").plt(\"foo_init\").return",
                "process(\"/opt/app\").plt(\"puts\").return"
            ]
        );
        let names: Vec<&str> = r[1].context.iter().map(|c| c.read.as_str()).collect();
        assert_eq!(names, ["__plt_name", "__uprobe_return"]);
        let e = resolve(&[comp("process", Some("./app")), comp("plt", Some("put"))]).unwrap_err();
        assert!(e.contains("did you mean: puts?"), "{e}");
        let e = resolve(&[
            comp("process", Some("/opt/lib/libfoo.so.1")),
            comp("plt", Some("x")),
        ])
        .unwrap_err();
        assert!(e.contains("has no PLT entries"), "{e}");
        let r = resolve(&[
            comp("process", Some("./app")),
            comp("function", Some("sq")),
            comp("inline", None),
        ])
        .unwrap();
        let got: Vec<u64> = offsets(&r).iter().map(|o| o.1).collect();
        assert_eq!(got, [0x1120, 0x1214]);
    }

    #[test]
    fn source_specs() {
        let s = parse_spec("main@app.c:12").unwrap();
        assert_eq!(
            (s.func.as_str(), s.file.as_deref(), s.lines),
            ("main", Some("app.c"), Lines::Ranges(vec![(12, 12)]))
        );
        let s = parse_spec("*@src/*.c:3-5,9").unwrap();
        assert_eq!(s.lines, Lines::Ranges(vec![(3, 5), (9, 9)]));
        assert_eq!(parse_spec("f@a.c+2").unwrap().lines, Lines::Relative(2));
        assert_eq!(parse_spec("f@a.c:*").unwrap().lines, Lines::All);
        assert_eq!(parse_spec("@a.c").unwrap().func, "*");
        assert_eq!(parse_spec("f").unwrap().file, None);
        for bad in ["f@a.c:x", "f@a.c:5-3", "f@:3", "f@a.c+x"] {
            let e = parse_spec(bad).unwrap_err();
            assert!(e.contains("FUNC@FILE:LINE"), "{bad}: {e}");
        }
        assert!(file_matches("app.c", "/tmp/x/app.c"));
        assert!(file_matches("x/*.c", "/tmp/x/app.c"));
        assert!(!file_matches("pp.c", "/tmp/x/app.c"));
    }
}
