//! Driving resolution: every queued probe is expanded into derived probes and lowered,
//! every queued function is lowered, until nothing new is reached.

use std::rc::Rc;

use rstap_diag::{Diagnostic, FileId, Stage};
use rstap_ir::{self as ir, FuncId, Type};
use rstap_syntax::ast;

use crate::catalog::{CatalogError, ResolvedPoint, point_text};
use crate::codes;
use crate::elab::{Elab, ProbeSym};
use crate::entry_values;
use crate::lower::Scope;
use crate::probes::{
    Derived, Match, Piece, Point, PointError, alias_signature, match_point, mismatch, too_deep,
    wrap_pieces, written,
};
use crate::process_filter;

/// Reads an `%{ /* intrinsic */ %}` or `%{ /* intrinsic: NAME */ %}` body.
pub(crate) fn intrinsic_name(code: &str, default: &str) -> Option<String> {
    let at = code.find("intrinsic")?;
    let before = code[..at].trim_end();
    if !before.ends_with("/*") {
        return None;
    }
    let rest = code[at + "intrinsic".len()..].trim_start();
    if let Some(named) = rest.strip_prefix(':') {
        let name: String = named
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            return Some(name);
        }
    }
    Some(default.to_string())
}

impl Elab<'_> {
    /// Runs the work queues dry.
    pub(crate) fn run_queues(&mut self) {
        loop {
            if let Some((p, file, tapset)) = self.pending_probes.pop_front() {
                self.process_probe(p, file, tapset);
            } else if let Some(f) = self.pending_funcs.pop_front() {
                self.lower_function(f);
            } else {
                break;
            }
        }
    }

    fn process_probe(&mut self, probe: Rc<ast::Probe>, file: FileId, tapset: bool) {
        let sig: Vec<String> = probe.points.iter().map(written).collect();
        let sig = sig.join(", ");
        let mut derived = Vec::new();
        for p in &probe.points {
            let point = Point::from_ast(p, file);
            let pieces = vec![Piece::User(probe.clone(), file)];
            match self.resolve_point(&point, pieces, vec![sig.clone()], None, 0) {
                Ok(v) if !v.is_empty() => {
                    derived.extend(v);
                    if point.sufficient {
                        break;
                    }
                }
                Ok(_) => {
                    if !point.optional {
                        self.point_error(
                            &point,
                            PointError {
                                message: "no match".into(),
                                span: point.span(),
                            },
                        );
                    }
                }
                Err(e) => {
                    if !point.optional {
                        self.point_error(&point, e);
                    }
                }
            }
        }
        for d in derived {
            self.lower_derived(d, &probe, tapset);
        }
    }

    /// `process("PATH")` and `process(PID)` events (`.begin`, `.end`,
    /// `.thread.begin`, `.thread.end`, `.syscall`, `.syscall.return`): the pathless
    /// event, which the tapset defines for every process, guarded by a condition on the
    /// process (its executable's inode and device, or its pid). `.syscall` points also
    /// get SystemTap's context: `$syscall`, `$arg1`..`$arg6`, and `$return`.
    fn resolve_process_event(
        &mut self,
        point: &Point,
        pieces: &[Piece],
        derivation: &[String],
        pn: &Option<String>,
        depth: usize,
    ) -> Option<Result<Vec<Derived>, PointError>> {
        let (first, rest) = point.comps.split_first()?;
        let rest_names: Vec<&str> = rest.iter().map(|c| c.name.as_str()).collect();
        let event = matches!(
            rest_names.as_slice(),
            ["begin"]
                | ["end"]
                | ["thread", "begin"]
                | ["thread", "end"]
                | ["syscall"]
                | ["syscall", "return"]
        );
        if first.name != "process" || !event || rest.iter().any(|c| c.arg.is_some()) {
            return None;
        }
        let syscall = rest_names[0] == "syscall";
        let ret = rest_names.last() == Some(&"return");
        let file = pieces.first().map(|p| p.file()).unwrap_or(FileId(0));
        let span = first.span;
        let filter = match &first.arg {
            None if !syscall => return None,
            None => None,
            Some(ast::Literal::Number(pid)) => {
                let known = u32::try_from(*pid)
                    .map_err(|_| CatalogError::Invalid(format!("invalid process id {pid}")))
                    .and_then(|p| self.catalog.process_program(p));
                if let Err(e) = known {
                    return Some(Err(PointError {
                        message: e.to_string(),
                        span,
                    }));
                }
                Some(process_filter::pid_is(*pid, span))
            }
            Some(ast::Literal::String(path)) => {
                let path = String::from_utf8_lossy(path).into_owned();
                match self.catalog.executable(&path) {
                    Ok(Some(exe)) => Some(process_filter::executable_is(&exe, span)),
                    Ok(None) => {
                        return Some(Err(PointError {
                            message: format!("cannot find program '{path}'"),
                            span,
                        }));
                    }
                    Err(e) => {
                        return Some(Err(PointError {
                            message: e.to_string(),
                            span,
                        }));
                    }
                }
            }
        };
        let mut sub = point.clone();
        sub.comps[0].arg = None;
        let pn = pn.clone().or_else(|| {
            let comps: Vec<crate::catalog::PointComponent> = point
                .comps
                .iter()
                .map(|c| crate::catalog::PointComponent {
                    name: c.name.clone(),
                    arg: c.arg.clone(),
                })
                .collect();
            Some(point_text(&comps))
        });
        let result = if syscall {
            // The tapset's `process.syscall` aliases name the raw system call
            // tracepoints; resolve those directly and give them SystemTap's context.
            let tracepoint = if ret {
                "raw_syscalls:sys_exit"
            } else {
                "raw_syscalls:sys_enter"
            };
            let mut tp = sub.clone();
            tp.comps = vec![
                crate::probes::UComp {
                    name: "kernel".into(),
                    arg: None,
                    span,
                },
                crate::probes::UComp {
                    name: "trace".into(),
                    arg: Some(ast::Literal::String(tracepoint.as_bytes().to_vec())),
                    span,
                },
            ];
            self.resolve_point(&tp, pieces.to_vec(), derivation.to_vec(), pn, depth + 1)
                .map(|mut v| {
                    for d in &mut v {
                        process_filter::syscall_context(&mut d.point, ret);
                    }
                    v
                })
        } else if rest_names == ["begin"] && matches!(first.arg, Some(ast::Literal::String(_))) {
            // A process becomes the program at exec as well as being forked from one.
            let mut exec = sub.clone();
            exec.comps = vec![
                crate::probes::UComp {
                    name: "__process".into(),
                    arg: None,
                    span,
                },
                crate::probes::UComp {
                    name: "exec_begin".into(),
                    arg: None,
                    span,
                },
            ];
            self.resolve_point(
                &sub,
                pieces.to_vec(),
                derivation.to_vec(),
                pn.clone(),
                depth + 1,
            )
            .and_then(|mut v| {
                v.extend(self.resolve_point(
                    &exec,
                    pieces.to_vec(),
                    derivation.to_vec(),
                    pn,
                    depth + 1,
                )?);
                Ok(v)
            })
        } else {
            self.resolve_point(&sub, pieces.to_vec(), derivation.to_vec(), pn, depth + 1)
        };
        Some(result.map(|mut v| {
            if let Some(filter) = filter {
                for d in &mut v {
                    d.conditions.push((file, filter.clone()));
                }
            }
            v
        }))
    }

    fn point_error(&mut self, point: &Point, e: PointError) {
        let d = Diagnostic::error(
            Stage::Semantic,
            codes::PROBE_POINT,
            "while resolving probe point",
        );
        let d = self.locate(d, point.span());
        let d = self.located_note(d, e.message, e.span);
        self.emit(d);
    }

    /// Resolves one point into derived probes. `pieces` is the body built so far,
    /// `derivation` the chain below this point, `pn` the user-level name once known.
    fn resolve_point(
        &mut self,
        point: &Point,
        pieces: Vec<Piece>,
        derivation: Vec<String>,
        pn: Option<String>,
        depth: usize,
    ) -> Result<Vec<Derived>, PointError> {
        if too_deep(depth) {
            return Err(PointError {
                message: "recursive loop in probe alias expansion".into(),
                span: point.span(),
            });
        }
        if let Some(result) = self.resolve_process_event(point, &pieces, &derivation, &pn, depth) {
            return result;
        }
        let matches = match_point(point, &self.patterns, &self.aliases);
        if matches.is_empty() {
            return Err(mismatch(point, &self.patterns, &self.aliases));
        }
        let conditions: Vec<(FileId, ast::Expr)> = point.condition.iter().cloned().collect();
        // A wildcard that reaches several families (`process.*`) keeps the ones that
        // resolve; a family that cannot is an error only when none can.
        let several = matches.len() > 1;
        let mut refused = None;
        let mut out = Vec::new();
        for m in matches {
            match m {
                Match::Catalog(comps) => {
                    let resolved = match self.catalog.resolve(&comps) {
                        Ok(r) => r,
                        Err(e) if several => {
                            refused.get_or_insert(PointError {
                                message: e.to_string(),
                                span: point.span(),
                            });
                            continue;
                        }
                        Err(e) => {
                            return Err(PointError {
                                message: e.to_string(),
                                span: point.span(),
                            });
                        }
                    };
                    for r in resolved {
                        out.push(Derived {
                            pn: pn.clone().unwrap_or_else(|| r.pp.clone()),
                            point: r,
                            derivation: derivation.clone(),
                            pieces: pieces.clone(),
                            conditions: conditions.clone(),
                        });
                    }
                }
                Match::Alias {
                    alias,
                    name,
                    suffix,
                } => {
                    self.use_alias(alias);
                    let def = self.aliases[alias].clone();
                    let mut full = name.clone();
                    full.extend(suffix.iter().map(|c| crate::catalog::PointComponent {
                        name: c.name.clone(),
                        arg: c.arg.clone(),
                    }));
                    let pn = pn.clone().unwrap_or_else(|| point_text(&full));
                    let mut chain = vec![alias_signature(&def.alias)];
                    chain.extend(derivation.iter().cloned());
                    let inner = wrap_pieces(&def, pieces.clone());
                    for ap in &def.alias.points {
                        let mut sub = Point::from_ast(ap, def.file);
                        sub.comps.extend(suffix.iter().cloned());
                        if let Some(c) = &point.condition {
                            // The user's condition guards every expansion.
                            if sub.condition.is_none() {
                                sub.condition = Some(c.clone());
                            }
                        }
                        match self.resolve_point(
                            &sub,
                            inner.clone(),
                            chain.clone(),
                            Some(pn.clone()),
                            depth + 1,
                        ) {
                            Ok(v) if !v.is_empty() => {
                                let mut v = v;
                                if let Some(c) = &point.condition {
                                    for d in &mut v {
                                        if !d.conditions.iter().any(|(_, e)| e.span == c.1.span) {
                                            d.conditions.push(c.clone());
                                        }
                                    }
                                }
                                out.extend(v);
                                if sub.sufficient {
                                    break;
                                }
                            }
                            Ok(_) => {
                                if !sub.optional {
                                    return Err(PointError {
                                        message: "no match".into(),
                                        span: sub.span(),
                                    });
                                }
                            }
                            Err(e) => {
                                if !sub.optional {
                                    return Err(e);
                                }
                            }
                        }
                    }
                }
            }
        }
        match refused {
            Some(e) if out.is_empty() => Err(e),
            _ => Ok(out),
        }
    }

    fn lower_derived(&mut self, d: Derived, probe: &ast::Probe, tapset: bool) {
        let mut blocks: Vec<(std::borrow::Cow<'_, ast::Block>, FileId)> = d
            .pieces
            .iter()
            .map(|p| (std::borrow::Cow::Borrowed(p.block()), p.file()))
            .collect();
        let user_return = matches!(
            &d.point.kind,
            ir::ProbeKind::Uprobe {
                ret: true,
                mark: None,
                ..
            }
        );
        let mut saved = Vec::new();
        if user_return {
            // A parameter named in a return probe is its value at entry.
            let params = self.entry_parameters(&d.point, &blocks);
            if !params.is_empty() {
                for (block, _) in blocks.iter_mut() {
                    entry_values::parameters_at_entry(block.to_mut(), &params);
                }
            }
        }
        if user_return && blocks.iter().any(|(b, _)| entry_values::uses_entry(b)) {
            saved = self.split_entry_values(&mut blocks);
        }
        let mut sc = Scope::new(d.pieces.first().map(|p| p.file()).unwrap_or(FileId(0)));
        let mut names = Vec::new();
        for (block, _) in &blocks {
            crate::context_names::context_names(block, &mut names);
        }
        sc.context = self
            .catalog
            .argument_context(&d.point, &names)
            .unwrap_or_else(|| d.point.context.clone());
        sc.program = probed_program(&d.point.kind);
        sc.entry_values = match &d.point.kind {
            ir::ProbeKind::KernelFunction { ret, .. } => *ret,
            ir::ProbeKind::Tracepoint { system, name, .. } => {
                system == "syscalls" && name.starts_with("sys_exit_")
            }
            _ => false,
        };
        sc.unresolved_help = match &d.point.kind {
            ir::ProbeKind::Uprobe { mark: Some(_), .. } => {
                Some("a USDT mark's arguments are $arg1, $arg2... (see them with -L)")
            }
            ir::ProbeKind::Uprobe { ret, .. } => Some(if *ret {
                "in a program built with -g (DWARF), a .return probe reads parameters by name as they were at entry; otherwise read them with @entry(int_arg(n)), @entry(long_arg(n)) or @entry(pointer_arg(n))"
            } else {
                "parameters are known by name only in programs built with -g (DWARF); otherwise read argument n with int_arg(n), uint_arg(n), long_arg(n), ulong_arg(n) or pointer_arg(n), and strings with user_string(pointer_arg(n))"
            }),
            _ => None,
        };
        let mut body = ir::Block::default();
        for (block, file) in &blocks {
            sc.file = *file;
            let b = self.lower_block(&mut sc, block);
            body.stmts.extend(b.stmts);
        }
        let mut condition: Option<ir::Expr> = None;
        for (file, c) in &d.conditions {
            let mut csc = Scope::new(*file);
            csc.in_condition = true;
            let e = self.lower_expr(&mut csc, c);
            condition = Some(match condition {
                None => e,
                Some(prev) => ir::Expr::new(
                    ir::ExprKind::Logical {
                        and: true,
                        lhs: Box::new(prev),
                        rhs: Box::new(e),
                    },
                    Type::Long,
                    c.span,
                ),
            });
        }
        if !sc.probewrites.is_empty() {
            crate::opt::resolve_probewrites(&mut body, &sc.locals, &sc.probewrites);
        }
        if !saved.is_empty() {
            self.lower_entry_probe(&d, &saved, probe, tapset, condition.clone());
        }
        self.probes.push(ProbeSym {
            kind: d.point.kind,
            pp: d.point.pp,
            pn: d.pn,
            derivation: d.derivation,
            from_tapset: tapset,
            span: probe.span,
            locals: sc.locals,
            body,
            condition,
        });
    }

    /// The parameters (by DWARF) of the function of a user return `point` that its
    /// `blocks` name.
    fn entry_parameters(
        &self,
        point: &ResolvedPoint,
        blocks: &[(std::borrow::Cow<'_, ast::Block>, FileId)],
    ) -> Vec<String> {
        let mut names = Vec::new();
        for (block, _) in blocks {
            crate::context_names::context_names(block, &mut names);
        }
        names.retain(|n| !point.context.iter().any(|c| &c.name == n));
        if names.is_empty() {
            return Vec::new();
        }
        let mut kind = point.kind.clone();
        if let ir::ProbeKind::Uprobe { ret, .. } = &mut kind {
            *ret = false;
        }
        let entry = ResolvedPoint {
            kind,
            pp: point.pp.clone(),
            context: Vec::new(),
        };
        let params = self
            .catalog
            .argument_context(&entry, &names)
            .unwrap_or_default();
        names.retain(|n| params.iter().any(|p| &p.name == n));
        names.sort();
        names.dedup();
        names
    }

    /// Moves the `@entry` expressions of a user return probe's `blocks` out (see
    /// [`entry_values`]): each gets a hidden global, and the first block starts by
    /// taking the values saved at entry.
    fn split_entry_values(
        &mut self,
        blocks: &mut [(std::borrow::Cow<'_, ast::Block>, FileId)],
    ) -> Vec<(usize, ast::Expr, FileId)> {
        let mut next = self
            .globals
            .iter()
            .filter(|g| g.name.starts_with("__rstap_entry_"))
            .count();
        let mut saved = Vec::new();
        for (block, file) in blocks.iter_mut() {
            let mut found = Vec::new();
            entry_values::extract(block.to_mut(), &mut next, &mut found);
            saved.extend(found.into_iter().map(|(n, e)| (n, e, *file)));
        }
        for (n, e, file) in &saved {
            self.add_hidden_global(&entry_values::global_name(*n), *file, e.span);
        }
        if let Some((first, _)) = blocks.first_mut() {
            let pairs: Vec<(usize, ast::Expr)> =
                saved.iter().map(|(n, e, _)| (*n, e.clone())).collect();
            let block = first.to_mut();
            let mut stmts = entry_values::return_prologue(&pairs);
            stmts.append(&mut block.stmts);
            block.stmts = stmts;
        }
        saved
    }

    /// The entry probe that saves the `@entry` values of a user return probe.
    fn lower_entry_probe(
        &mut self,
        d: &Derived,
        saved: &[(usize, ast::Expr, FileId)],
        probe: &ast::Probe,
        tapset: bool,
        condition: Option<ir::Expr>,
    ) {
        let mut kind = d.point.kind.clone();
        if let ir::ProbeKind::Uprobe { ret, .. } = &mut kind {
            *ret = false;
        }
        let pp = match d.point.pp.strip_suffix(".return") {
            Some(stem) => format!("{stem}.call"),
            None => d.point.pp.clone(),
        };
        let entry_point = ResolvedPoint {
            kind: kind.clone(),
            pp: pp.clone(),
            context: Vec::new(),
        };
        let pairs: Vec<(usize, ast::Expr)> =
            saved.iter().map(|(n, e, _)| (*n, e.clone())).collect();
        let block = entry_values::entry_body(&pairs, probe.body.span);
        let mut names = Vec::new();
        crate::context_names::context_names(&block, &mut names);
        // The expressions come from the probe's own file (or its alias's).
        let mut sc = Scope::new(saved[0].2);
        sc.context = self
            .catalog
            .argument_context(&entry_point, &names)
            .unwrap_or_default();
        sc.program = probed_program(&kind);
        sc.unresolved_help = Some(
            "@entry evaluates its expression in the function's entry probe: parameters are known by name only in programs built with -g (DWARF); otherwise read argument n with int_arg(n), long_arg(n) or pointer_arg(n)",
        );
        let body = self.lower_block(&mut sc, &block);
        self.probes.push(ProbeSym {
            kind,
            pp,
            pn: d.pn.clone(),
            derivation: d.derivation.clone(),
            from_tapset: tapset,
            span: probe.span,
            locals: sc.locals,
            body,
            condition,
        });
    }

    fn lower_function(&mut self, id: FuncId) {
        let f = &self.funcs[id.0 as usize];
        let Some(def) = f.def.clone() else {
            return;
        };
        let file = f.file;
        let tapset = f.from_tapset;
        let mut sc = Scope::new(file);
        sc.func = Some(id);
        for l in std::mem::take(&mut self.funcs[id.0 as usize].locals) {
            sc.add_local(l);
        }
        let body = match &def.body {
            ast::FunctionBody::Block(b) => {
                Some(ir::FunctionBody::Block(self.lower_block(&mut sc, b)))
            }
            ast::FunctionBody::Embedded(e) => {
                if !tapset {
                    self.embedded_error(file, e.span);
                    None
                } else {
                    match intrinsic_name(&e.code, &def.name.name) {
                        Some(name) => {
                            // Intrinsics must say what they take and give.
                            let undeclared = def.params.iter().find(|p| p.ty.is_none());
                            if let Some(p) = undeclared {
                                let span = p.name.span;
                                self.error(
                                    codes::TAPSET,
                                    format!("intrinsic function '{}' must declare the type of parameter '{}'", def.name.name, p.name.name),
                                    span,
                                );
                            }
                            Some(ir::FunctionBody::Intrinsic(name))
                        }
                        None => {
                            self.embedded_error(file, e.span);
                            None
                        }
                    }
                }
            }
        };
        let f = &mut self.funcs[id.0 as usize];
        f.locals = sc.locals;
        f.body = body;
        if matches!(f.body, Some(ir::FunctionBody::Intrinsic(_))) && f.ret.is_none() {
            // An intrinsic without a declared result returns nothing.
            f.ret_declared = true;
        }
    }
}

/// The program a user-space probe point probes.
fn probed_program(kind: &ir::ProbeKind) -> Option<String> {
    match kind {
        ir::ProbeKind::Uprobe { path, .. } => Some(path.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intrinsic_pragmas() {
        let table = [
            ("/* intrinsic */", Some("pid")),
            ("  /* intrinsic: task_pid */  ", Some("task_pid")),
            ("/*intrinsic*/", Some("pid")),
            ("/* pure */ /* intrinsic */", Some("pid")),
            ("STAP_RETVALUE = 1; /* not an intrinsic */", None),
            ("return 0;", None),
        ];
        for (code, want) in table {
            assert_eq!(intrinsic_name(code, "pid").as_deref(), want, "{code}");
        }
    }
}
