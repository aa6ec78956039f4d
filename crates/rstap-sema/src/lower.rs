//! Lowering AST bodies to the IR while binding every name: locals (one flat scope per
//! probe or function, alias bodies included), globals (user, private, library),
//! functions (by arity), context variables (through the catalog's intrinsics).
//!
//! Expression types are left as `Void` here; `infer.rs` fills them in.

use std::collections::HashMap;

use rstap_diag::{Diagnostic, FileId, Span, Stage};
use rstap_ir::{self as ir, FuncId, GlobalId, LocalId, Type};
use rstap_syntax::ast;

use crate::catalog::ContextVar;
use crate::codes;
use crate::elab::{Elab, LocalSym, Ty};
use crate::printf;

/// The most arguments a print builtin takes.
const MAX_PRINT_ARGS: usize = 32;

/// The naming scope of one probe or function body.
pub(crate) struct Scope {
    pub locals: Vec<LocalSym>,
    pub names: HashMap<String, LocalId>,
    /// File of the piece being lowered: decides which private symbols are visible.
    pub file: FileId,
    pub context: Vec<ContextVar>,
    pub func: Option<FuncId>,
    loops: usize,
    /// Arrays iterated by enclosing `foreach` loops.
    foreach: Vec<GlobalId>,
    pub in_condition: bool,
    /// `@probewrite(v)` placeholders: span of the expression and the variable name.
    pub probewrites: Vec<(Span, String)>,
    /// What to do instead, told when a `$name` does not resolve in this probe.
    pub unresolved_help: Option<&'static str>,
    /// A return probe whose context still holds the entry values of the arguments
    /// (fexit, a system call's saved arguments): `@entry($arg...)` reads them.
    pub entry_values: bool,
    /// In a user-space probe, the probed program: its DWARF types the context
    /// variables, and `@cast` without a module looks there.
    pub program: Option<String>,
}

impl Scope {
    pub fn new(file: FileId) -> Scope {
        Scope {
            locals: Vec::new(),
            names: HashMap::new(),
            file,
            context: Vec::new(),
            func: None,
            loops: 0,
            foreach: Vec::new(),
            in_condition: false,
            probewrites: Vec::new(),
            entry_values: false,
            unresolved_help: None,
            program: None,
        }
    }

    pub fn add_local(&mut self, l: LocalSym) -> LocalId {
        let id = LocalId(self.locals.len() as u32);
        self.names.insert(l.name.clone(), id);
        self.locals.push(l);
        id
    }
}

fn ex(kind: ir::ExprKind, span: Span) -> ir::Expr {
    ir::Expr::new(kind, Type::Void, span)
}

/// `(name, why)` of a statement's variable that DWARF does not locate there.
fn unavailable_var(cv: &ContextVar) -> Option<(&str, &str)> {
    let rest = cv
        .read
        .strip_prefix("__uprobe_local_none_")
        .or_else(|| cv.read.strip_prefix("__uprobe_param_at_none_"))
        .or_else(|| cv.read.strip_prefix("__uprobe_global_none_"))?;
    Some(rest.split_once(':').unwrap_or((rest, "not located")))
}

fn long(n: i64, span: Span) -> ir::Expr {
    ir::Expr::new(ir::ExprKind::Long(n), Type::Long, span)
}

fn stmt(kind: ir::StmtKind, span: Span) -> ir::Stmt {
    ir::Stmt { kind, span }
}

enum Var {
    Local(LocalId),
    Global(GlobalId),
}

fn binary(op: ast::BinaryOp) -> Option<ir::BinaryOp> {
    use ast::BinaryOp as A;
    use ir::BinaryOp as B;
    Some(match op {
        A::Add => B::Add,
        A::Sub => B::Sub,
        A::Mul => B::Mul,
        A::Div => B::Div,
        A::Mod => B::Mod,
        A::Shl => B::Shl,
        A::Shr => B::Shr,
        A::UShr => B::UShr,
        A::BitAnd => B::BitAnd,
        A::BitOr => B::BitOr,
        A::BitXor => B::BitXor,
        _ => return None,
    })
}

pub(crate) fn stat_op(op: ast::StatOp) -> ir::StatOp {
    match op {
        ast::StatOp::Count => ir::StatOp::Count,
        ast::StatOp::Sum => ir::StatOp::Sum,
        ast::StatOp::Min => ir::StatOp::Min,
        ast::StatOp::Max => ir::StatOp::Max,
        ast::StatOp::Avg => ir::StatOp::Avg,
        ast::StatOp::Variance => ir::StatOp::Variance,
    }
}

impl Elab<'_> {
    pub(crate) fn lower_block(&mut self, sc: &mut Scope, b: &ast::Block) -> ir::Block {
        let mut out = ir::Block::default();
        for s in &b.stmts {
            self.lower_stmt_into(sc, s, &mut out.stmts);
        }
        out
    }

    fn lower_stmt_boxed(&mut self, sc: &mut Scope, s: &ast::Stmt) -> Box<ir::Stmt> {
        let mut v = Vec::new();
        self.lower_stmt_into(sc, s, &mut v);
        Box::new(match v.len() {
            1 => v
                .pop()
                .unwrap_or_else(|| stmt(ir::StmtKind::Block(ir::Block::default()), s.span)),
            _ => stmt(ir::StmtKind::Block(ir::Block { stmts: v }), s.span),
        })
    }

    fn lower_stmt_into(&mut self, sc: &mut Scope, s: &ast::Stmt, out: &mut Vec<ir::Stmt>) {
        use ast::StmtKind as K;
        let span = s.span;
        let kind = match &s.kind {
            K::Null => return,
            K::Block(b) => ir::StmtKind::Block(self.lower_block(sc, b)),
            K::Expr(e) => ir::StmtKind::Expr(self.lower_expr(sc, e)),
            K::If { cond, then, els } if self.defined_guard(sc, cond).is_some() => {
                let taken = if self.defined_guard(sc, cond) == Some(true) {
                    Some(then)
                } else {
                    els.as_ref()
                };
                if let Some(t) = taken {
                    self.lower_stmt_into(sc, t, out);
                }
                return;
            }
            K::If { cond, then, els } => ir::StmtKind::If {
                cond: self.lower_expr(sc, cond),
                then: self.lower_stmt_boxed(sc, then),
                els: els.as_ref().map(|e| self.lower_stmt_boxed(sc, e)),
            },
            K::While { cond, body } => {
                let cond = self.lower_expr(sc, cond);
                sc.loops += 1;
                let body = self.lower_stmt_boxed(sc, body);
                sc.loops -= 1;
                ir::StmtKind::Loop {
                    cond: Some(cond),
                    step: None,
                    body,
                }
            }
            K::For {
                init,
                cond,
                step,
                body,
            } => {
                if let Some(i) = init {
                    let e = self.lower_expr(sc, i);
                    out.push(stmt(ir::StmtKind::Expr(e), i.span));
                }
                let cond = cond.as_ref().map(|c| self.lower_expr(sc, c));
                let step = step.as_ref().map(|c| self.lower_expr(sc, c));
                sc.loops += 1;
                let body = self.lower_stmt_boxed(sc, body);
                sc.loops -= 1;
                ir::StmtKind::Loop { cond, step, body }
            }
            K::Foreach(f) => match self.lower_foreach(sc, f) {
                Some(f) => ir::StmtKind::Foreach(Box::new(f)),
                None => return,
            },
            K::Break | K::Continue => {
                if sc.loops == 0 {
                    let word = if matches!(s.kind, K::Break) {
                        "break"
                    } else {
                        "continue"
                    };
                    self.error(
                        codes::CONTEXT,
                        format!("found '{word}' not in loop context"),
                        span,
                    );
                }
                if matches!(s.kind, K::Break) {
                    ir::StmtKind::Break
                } else {
                    ir::StmtKind::Continue
                }
            }
            K::Next => {
                if let Some(f) = sc.func {
                    self.funcs[f.0 as usize].uses_next = true;
                }
                ir::StmtKind::Next
            }
            K::Return(e) => {
                if sc.func.is_none() {
                    self.error(
                        codes::CONTEXT,
                        "found 'return' not in function context",
                        span,
                    );
                }
                ir::StmtKind::Return(e.as_ref().map(|e| self.lower_expr(sc, e)))
            }
            K::Delete(e) => match self.lower_delete(sc, e) {
                Some(t) => ir::StmtKind::Delete(t),
                None => return,
            },
            K::Try {
                body,
                catch_var,
                catch,
            } => {
                let body = self.lower_block(sc, body);
                let catch_var = catch_var.as_ref().map(|v| {
                    let id = self.local_for_write(sc, v);
                    self.lv_spans.insert(v.span, v.span);
                    id
                });
                ir::StmtKind::Try {
                    body,
                    catch_var,
                    catch: self.lower_block(sc, catch),
                }
            }
            K::Embedded(e) => {
                self.embedded_error(sc.file, e.span);
                return;
            }
        };
        out.push(stmt(kind, span));
    }

    pub(crate) fn embedded_error(&mut self, file: FileId, span: Span) {
        let msg = if self.opts.guru || !self.is_user_file(file) {
            "embedded C code is not supported by rstap"
        } else {
            "embedded code in unprivileged script; need stap -g"
        };
        self.error(codes::EMBEDDED, msg, span);
    }

    /// A local for a loop key, catch variable and the like: existing or new.
    fn local_for_write(&mut self, sc: &mut Scope, id: &ast::Ident) -> LocalId {
        if let Some(l) = sc.names.get(&id.name) {
            return *l;
        }
        sc.add_local(LocalSym::new(&id.name, id.span, sc.file))
    }

    /// In the script's own code, a global of the script wins over a local that only
    /// library code created (an alias prologue's `s` in `syscall.sendto` does not hide
    /// the script's `global s`).
    fn global_over_library_local(&mut self, sc: &Scope, id: &ast::Ident) -> Option<GlobalId> {
        let l = sc.names.get(&id.name)?;
        let first = sc.locals[l.0 as usize].span.file;
        let library = |f: FileId| self.files.iter().any(|s| s.id == f && s.tapset);
        if library(id.span.file) || !library(first) {
            return None;
        }
        self.find_global(&id.name, id.span.file)
    }

    fn resolve_var(&mut self, sc: &mut Scope, id: &ast::Ident) -> Var {
        if let Some(g) = self.global_over_library_local(sc, id) {
            return Var::Global(g);
        }
        if let Some(l) = sc.names.get(&id.name) {
            return Var::Local(*l);
        }
        if let Some(g) = self.find_global(&id.name, id.span.file) {
            return Var::Global(g);
        }
        if sc.in_condition {
            self.error(
                codes::CONDITION_LOCAL,
                "probe condition must not reference local variables",
                id.span,
            );
        }
        Var::Local(sc.add_local(LocalSym::new(&id.name, id.span, sc.file)))
    }

    /// Checks (or fixes) the number of indexes a global is used with.
    fn use_global(&mut self, g: GlobalId, arity: usize, span: Span) {
        let sym = &mut self.globals[g.0 as usize];
        match sym.arity {
            None => {
                sym.arity = Some(arity);
                sym.arity_span = span;
                sym.keys = vec![(None, span); arity];
            }
            Some(0) if arity > 0 && sym.init.is_some() => {
                let decl = sym.span;
                self.error(
                    codes::GLOBAL_INIT,
                    "only scalar globals can be initialized",
                    decl,
                );
            }
            Some(a) if a != arity => {
                let first = sym.arity_span;
                let d = Diagnostic::error(
                    Stage::Semantic,
                    codes::ARITY,
                    format!("inconsistent arity ({arity} vs {a})"),
                );
                let d = self.locate(d, span);
                let d = self.located_note(d, format!("arity was first inferred here ({a})"), first);
                self.emit(d);
            }
            Some(_) => {}
        }
    }

    /// An indexed variable must be a global array.
    fn array(&mut self, sc: &mut Scope, id: &ast::Ident, arity: usize) -> Option<GlobalId> {
        if let Some(g) = self.global_over_library_local(sc, id) {
            self.use_global(g, arity, id.span);
            return Some(g);
        }
        if !sc.names.contains_key(&id.name)
            && let Some(g) = self.find_global(&id.name, id.span.file)
        {
            self.use_global(g, arity, id.span);
            return Some(g);
        }
        self.error(
            codes::UNRESOLVED_ARRAY,
            "array locals not supported, missing global declaration?",
            id.span,
        );
        None
    }

    fn check_foreach_write(&mut self, sc: &Scope, g: GlobalId, span: Span) {
        if sc.foreach.contains(&g) {
            let name = self.globals[g.0 as usize].name.clone();
            self.error(
                codes::FOREACH_MODIFIED,
                format!("variable '{name}' modified during 'foreach' iteration"),
                span,
            );
        }
    }

    fn lower_foreach(&mut self, sc: &mut Scope, f: &ast::Foreach) -> Option<ir::Foreach> {
        let (source, array) = match &f.source {
            ast::ForeachSource::Array(id) => {
                let g = self.array(sc, id, f.keys.len().max(1));
                (g.map(ir::ForeachSource::Array), g)
            }
            ast::ForeachSource::Histogram(h) => (
                self.lower_histogram(sc, h)
                    .map(ir::ForeachSource::Histogram),
                None,
            ),
        };
        let keys: Vec<LocalId> = f.keys.iter().map(|k| self.local_for_write(sc, k)).collect();
        for k in &f.keys {
            self.lv_spans.insert(k.span, k.span);
        }
        let value = f.value.as_ref().map(|v| {
            self.lv_spans.insert(v.span, v.span);
            self.local_for_write(sc, v)
        });
        let slice = f.slice.as_ref().map(|s| {
            s.iter()
                .map(|e| e.as_ref().map(|e| self.lower_expr(sc, e)))
                .collect()
        });
        let limit = f.limit.as_ref().map(|l| self.lower_expr(sc, l));
        let sort = f.sort.map(|s| ir::Sort {
            by: match s.target {
                ast::SortTarget::Key(i) => ir::SortKey::Key(i),
                ast::SortTarget::Value => ir::SortKey::Value,
            },
            descending: s.descending,
            extractor: s.extractor.map(stat_op).unwrap_or(ir::StatOp::Count),
        });
        sc.loops += 1;
        if let Some(g) = array {
            sc.foreach.push(g);
        }
        let body = self.lower_stmt_boxed(sc, &f.body);
        if array.is_some() {
            sc.foreach.pop();
        }
        sc.loops -= 1;
        Some(ir::Foreach {
            source: source?,
            keys,
            value,
            sort,
            slice,
            limit,
            body,
        })
    }

    fn lower_delete(&mut self, sc: &mut Scope, e: &ast::Expr) -> Option<ir::DeleteTarget> {
        match &e.kind {
            ast::ExprKind::Symbol(id) => match self.resolve_var(sc, id) {
                Var::Local(l) => Some(ir::DeleteTarget::Local(l)),
                Var::Global(g) => {
                    self.check_foreach_write(sc, g, id.span);
                    // Scalar or whole array: decided once the global's arity is known.
                    Some(ir::DeleteTarget::Global(g))
                }
            },
            ast::ExprKind::Index { array, indices } => {
                let g = self.array(sc, array, indices.len())?;
                self.check_foreach_write(sc, g, array.span);
                let keys = indices
                    .iter()
                    .map(|k| match k.kind {
                        ast::ExprKind::Wildcard => None,
                        _ => Some(self.lower_expr(sc, k)),
                    })
                    .collect();
                Some(ir::DeleteTarget::Element { array: g, keys })
            }
            _ => {
                self.error(codes::LVALUE, "Expecting lvalue expression", e.span);
                None
            }
        }
    }

    fn lower_stat(&mut self, sc: &mut Scope, e: &ast::Expr) -> Option<ir::StatRef> {
        match &e.kind {
            ast::ExprKind::Symbol(id) => match self.resolve_var(sc, id) {
                Var::Global(g) => {
                    self.use_global(g, 0, id.span);
                    Some(ir::StatRef::Global(g))
                }
                Var::Local(_) => {
                    self.error(
                        codes::STAT_LOCAL,
                        "stat locals not supported, missing global declaration?",
                        id.span,
                    );
                    None
                }
            },
            ast::ExprKind::Index { array, indices } => {
                let g = self.array(sc, array, indices.len())?;
                let keys = indices.iter().map(|k| self.lower_expr(sc, k)).collect();
                Some(ir::StatRef::Element { array: g, keys })
            }
            _ => {
                self.error(
                    codes::STATS_VALUE,
                    "expected a statistics variable or array element",
                    e.span,
                );
                None
            }
        }
    }

    fn stat_global(s: &ir::StatRef) -> GlobalId {
        match s {
            ir::StatRef::Global(g) | ir::StatRef::Element { array: g, .. } => *g,
        }
    }

    fn lower_histogram(&mut self, sc: &mut Scope, e: &ast::Expr) -> Option<ir::HistogramRef> {
        let ast::ExprKind::Histogram { kind, operand } = &e.kind else {
            self.error(codes::HISTOGRAM, "expected a histogram operator", e.span);
            return None;
        };
        let stat = self.lower_stat(sc, operand)?;
        let g = Self::stat_global(&stat);
        let kind = match kind {
            ast::HistKind::Log => {
                self.globals[g.0 as usize].stat.log_hist = true;
                ir::HistogramKind::Log
            }
            ast::HistKind::Linear {
                start,
                stop,
                interval,
            } => {
                if *interval <= 0 {
                    self.error(
                        codes::HISTOGRAM,
                        "histogram: interval cannot be zero.",
                        e.span,
                    );
                    return None;
                }
                let buckets = (stop.saturating_sub(*start) / interval).saturating_add(3);
                if !(3..=128).contains(&buckets) || stop <= start {
                    self.error(
                        codes::HISTOGRAM,
                        "histogram: Number of buckets must be between 1 and 126\n\
                         Number_of_buckets = (stop - start) / interval.\n\
                         Please adjust your start, stop, and interval values.",
                        e.span,
                    );
                    return None;
                }
                let bounds = ir::LinearBounds {
                    start: *start,
                    stop: *stop,
                    interval: *interval,
                };
                let sym = &mut self.globals[g.0 as usize];
                match sym.stat.linear_hist {
                    None => {
                        sym.stat.linear_hist = Some(bounds);
                        sym.linear_span = e.span;
                    }
                    Some(b) if b != bounds => {
                        let first = sym.linear_span;
                        let name = sym.name.clone();
                        let d = Diagnostic::error(
                            Stage::Semantic,
                            codes::HISTOGRAM,
                            format!("inconsistent @hist_linear bounds for '{name}'"),
                        );
                        let d = self.locate(d, e.span);
                        let d = self.located_note(d, "bounds first given here", first);
                        self.emit(d);
                    }
                    Some(_) => {}
                }
                ir::HistogramKind::Linear(bounds)
            }
        };
        Some(ir::HistogramRef { stat, kind })
    }

    /// An assignable place; `None` after reporting why it is not one.
    fn lower_lvalue(&mut self, sc: &mut Scope, e: &ast::Expr) -> Option<(ir::LValue, Span)> {
        match &e.kind {
            ast::ExprKind::Symbol(id) => match self.resolve_var(sc, id) {
                Var::Local(l) => Some((ir::LValue::Local(l), id.span)),
                Var::Global(g) => {
                    self.use_global(g, 0, id.span);
                    self.check_foreach_write(sc, g, id.span);
                    Some((ir::LValue::Global(g), id.span))
                }
            },
            ast::ExprKind::Index { array, indices } => {
                let keys: Vec<ir::Expr> = indices.iter().map(|k| self.lower_expr(sc, k)).collect();
                let g = self.array(sc, array, indices.len())?;
                self.check_foreach_write(sc, g, array.span);
                Some((ir::LValue::Element { array: g, keys }, array.span))
            }
            _ => {
                self.error(codes::LVALUE, "Expecting lvalue expression", e.span);
                None
            }
        }
    }

    /// A context variable (`$name`, `@var(...)`) and the path after it.
    fn lower_found_target(
        &mut self,
        sc: &mut Scope,
        cv: Option<ContextVar>,
        path: &ast::TargetPath,
        span: Span,
    ) -> ir::Expr {
        match cv {
            // `$$parms`... of a user function: the text of its variables.
            Some(cv) if crate::uprobes::is_vars_text(&cv.read) => {
                self.lower_vars_text(sc, &cv.name, path, span)
            }
            // In a user probe every typed variable goes through its type: a struct
            // passed whole is an address, and `$var$` prints it.
            Some(cv) if cv.kernel_type.is_some() && sc.program.is_some() => {
                let kt = cv.kernel_type.expect("checked");
                let read = self.read_context_var(&cv, span);
                self.lower_typed_target(sc, read, kt, path, span)
            }
            Some(cv) if path.steps.is_empty() && path.pretty.is_none() && !path.address_of => {
                self.read_context_var(&cv, span)
            }
            Some(cv)
                if cv.kernel_type.is_some() && (!path.address_of || !path.steps.is_empty()) =>
            {
                let kt = cv.kernel_type.expect("checked");
                let read = self.read_context_var(&cv, span);
                self.lower_typed_target(sc, read, kt, path, span)
            }
            _ => self.unresolved_target(sc, span),
        }
    }

    fn context_var(&self, sc: &Scope, name: &str) -> Option<ContextVar> {
        let bare = name.strip_prefix('$').unwrap_or(name);
        sc.context.iter().find(|c| c.name == bare).cloned()
    }

    pub(crate) fn read_context_var(&mut self, cv: &ContextVar, span: Span) -> ir::Expr {
        if let Some((name, why)) = unavailable_var(cv) {
            // (--skip-badvars reads it as 0, as SystemTap does.)
            if !self.opts.skip_badvars {
                let msg = match cv.name.strip_prefix("@var:") {
                    Some(spec) => format!(
                        "`@var(\"{}\")` cannot be read: {why}",
                        spec.split('\u{1}').next().unwrap_or(spec)
                    ),
                    None => format!("`${name}` is not accessible at this address: {why}"),
                };
                self.error(codes::TARGET_SYMBOL, msg, span);
            }
            return long(0, span);
        }
        let ty = Elab::context_intrinsic_types(cv);
        let f = self.intrinsic(&cv.read, &[], Some(ty));
        ir::Expr::new(
            ir::ExprKind::Call {
                func: f,
                args: vec![],
            },
            ty.ir(),
            span,
        )
    }

    /// `@defined(e)`: whether a context variable, typed access or cast resolves.
    fn is_defined(&mut self, sc: &mut Scope, e: &ast::Expr) -> bool {
        use ast::ExprKind as K;
        match &e.kind {
            K::Target { name, path } => {
                let cv = self.context_var(sc, name);
                self.found_target_defined(sc, cv, path, e.span)
            }
            K::AtVar { name, module, path } => {
                let cv = self.at_var(sc, name, module.as_deref());
                self.found_target_defined(sc, cv, path, e.span)
            }
            K::Cast {
                type_name,
                module,
                path,
                ..
            } => self.cast_defined(sc, type_name, module.as_deref(), path, e.span),
            K::Entry(_) | K::Perf(_) => false,
            _ => true,
        }
    }

    /// Whether a context variable (`$name`, `@var(...)`) and the path after it resolve.
    fn found_target_defined(
        &mut self,
        sc: &mut Scope,
        cv: Option<ContextVar>,
        path: &ast::TargetPath,
        span: Span,
    ) -> bool {
        match cv {
            None => false,
            Some(cv) if unavailable_var(&cv).is_some() => false,
            Some(_) if path.steps.is_empty() && !path.address_of && path.pretty.is_none() => true,
            Some(ContextVar {
                kernel_type: Some(kt),
                ..
            }) => self.typed_target_defined(sc, kt, path, span),
            Some(_) => false,
        }
    }

    /// What `@var("name"[, "module"])` names: a variable in scope at the probe point,
    /// else the global the catalog offers under [`crate::context_names::at_var_key`].
    fn at_var(&self, sc: &Scope, name: &str, module: Option<&str>) -> Option<ContextVar> {
        let key = crate::context_names::at_var_key(name, module);
        (module.is_none() && !name.contains('@'))
            .then(|| self.context_var(sc, name))
            .flatten()
            .filter(|cv| !crate::uprobes::is_vars_text(&cv.read))
            .or_else(|| sc.context.iter().find(|c| c.name == key).cloned())
    }

    /// [`Self::static_truth`] of a condition that tests `@defined`.
    fn defined_guard(&mut self, sc: &mut Scope, e: &ast::Expr) -> Option<bool> {
        fn tests_defined(e: &ast::Expr) -> bool {
            use ast::ExprKind as K;
            match &e.kind {
                K::Defined(_) => true,
                K::Unary { operand, .. } => tests_defined(operand),
                K::Binary { lhs, rhs, .. } => tests_defined(lhs) || tests_defined(rhs),
                _ => false,
            }
        }
        if tests_defined(e) {
            self.static_truth(sc, e)
        } else {
            None
        }
    }

    /// The value of a condition made only of `@defined`, numbers, `!`, `&&` and `||`,
    /// known while elaborating: SystemTap drops the branch such a condition rules out
    /// before it checks it, so `@defined($x) ? $x : 0` is valid where `$x` is not.
    fn static_truth(&mut self, sc: &mut Scope, e: &ast::Expr) -> Option<bool> {
        use ast::ExprKind as K;
        match &e.kind {
            K::Defined(inner) => Some(self.is_defined(sc, inner)),
            K::Literal(ast::Literal::Number(n)) => Some(*n != 0),
            K::Unary {
                op: ast::UnaryOp::Not,
                operand,
            } => self.static_truth(sc, operand).map(|b| !b),
            K::Binary {
                op: ast::BinaryOp::And,
                lhs,
                rhs,
            } => match self.static_truth(sc, lhs)? {
                false => Some(false),
                true => self.static_truth(sc, rhs),
            },
            K::Binary {
                op: ast::BinaryOp::Or,
                lhs,
                rhs,
            } => match self.static_truth(sc, lhs)? {
                true => Some(true),
                false => self.static_truth(sc, rhs),
            },
            _ => None,
        }
    }

    fn unresolved_target(&mut self, sc: &Scope, span: Span) -> ir::Expr {
        if self.opts.skip_badvars {
            return long(0, span);
        }
        let d = Diagnostic::error(
            Stage::Semantic,
            codes::TARGET_SYMBOL,
            "unresolved target-symbol expression",
        );
        let mut d = self.locate(d, span);
        if let Some(help) = sc.unresolved_help {
            d = d.with_help(help);
        }
        self.emit(d);
        long(0, span)
    }

    pub(crate) fn lower_expr(&mut self, sc: &mut Scope, e: &ast::Expr) -> ir::Expr {
        use ast::ExprKind as K;
        let span = e.span;
        match &e.kind {
            K::Literal(ast::Literal::Number(n)) => long(*n, span),
            K::Literal(ast::Literal::String(s)) => {
                ir::Expr::new(ir::ExprKind::String(s.clone()), Type::String, span)
            }
            K::Symbol(id) => match self.resolve_var(sc, id) {
                Var::Local(l) => ex(ir::ExprKind::Local(l), id.span),
                Var::Global(g) => {
                    self.use_global(g, 0, id.span);
                    ex(ir::ExprKind::Global(g), id.span)
                }
            },
            K::Index { array, indices } => {
                let keys = indices.iter().map(|k| self.lower_expr(sc, k)).collect();
                match self.array(sc, array, indices.len()) {
                    Some(g) => ex(ir::ExprKind::Element { array: g, keys }, array.span),
                    None => long(0, span),
                }
            }
            K::Wildcard => {
                self.error(
                    codes::LVALUE,
                    "wildcard '*' is only allowed in array indexes of 'delete' and 'in'",
                    span,
                );
                long(0, span)
            }
            K::Unary { op, operand } => {
                let operand = Box::new(self.lower_expr(sc, operand));
                let op = match op {
                    // Unary plus only checks that its operand is a number.
                    ast::UnaryOp::Plus => {
                        return ex(
                            ir::ExprKind::Binary {
                                op: ir::BinaryOp::Add,
                                lhs: Box::new(long(0, span)),
                                rhs: operand,
                            },
                            span,
                        );
                    }
                    ast::UnaryOp::Neg => ir::UnaryOp::Neg,
                    ast::UnaryOp::Not => ir::UnaryOp::Not,
                    ast::UnaryOp::BitNot => ir::UnaryOp::BitNot,
                };
                ex(ir::ExprKind::Unary { op, operand }, span)
            }
            K::Binary { op, lhs, rhs } => {
                let l = Box::new(self.lower_expr(sc, lhs));
                let r = Box::new(self.lower_expr(sc, rhs));
                use ast::BinaryOp as A;
                let kind = match op {
                    A::And | A::Or => ir::ExprKind::Logical {
                        and: *op == A::And,
                        lhs: l,
                        rhs: r,
                    },
                    A::Concat => ir::ExprKind::Concat { lhs: l, rhs: r },
                    A::Lt | A::Le | A::Gt | A::Ge | A::Eq | A::Ne => ir::ExprKind::Compare {
                        op: match op {
                            A::Lt => ir::CompareOp::Lt,
                            A::Le => ir::CompareOp::Le,
                            A::Gt => ir::CompareOp::Gt,
                            A::Ge => ir::CompareOp::Ge,
                            A::Eq => ir::CompareOp::Eq,
                            _ => ir::CompareOp::Ne,
                        },
                        lhs: l,
                        rhs: r,
                    },
                    other => ir::ExprKind::Binary {
                        op: binary(*other).unwrap_or(ir::BinaryOp::Add),
                        lhs: l,
                        rhs: r,
                    },
                };
                ex(kind, span)
            }
            K::Regex {
                negated,
                subject,
                pattern,
            } => ex(
                ir::ExprKind::Regex {
                    negated: *negated,
                    subject: Box::new(self.lower_expr(sc, subject)),
                    pattern: pattern.clone(),
                },
                span,
            ),
            K::Ternary { cond, then, els } if self.defined_guard(sc, cond).is_some() => {
                let taken = if self.defined_guard(sc, cond) == Some(true) {
                    then
                } else {
                    els
                };
                self.lower_expr(sc, taken)
            }
            K::Ternary { cond, then, els } => ex(
                ir::ExprKind::Ternary {
                    cond: Box::new(self.lower_expr(sc, cond)),
                    then: Box::new(self.lower_expr(sc, then)),
                    els: Box::new(self.lower_expr(sc, els)),
                },
                span,
            ),
            K::Assign { op, target, value } => self.lower_assign(sc, *op, target, value, span),
            K::IncDec {
                increment,
                prefix,
                operand,
            } => {
                if let K::Target { .. } = operand.kind {
                    self.error(codes::LVALUE, "Expecting lvalue expression", operand.span);
                    return long(0, span);
                }
                match self.lower_lvalue(sc, operand) {
                    Some((target, tspan)) => {
                        self.lv_spans.insert(span, tspan);
                        ex(
                            ir::ExprKind::IncDec {
                                target,
                                increment: *increment,
                                prefix: *prefix,
                            },
                            span,
                        )
                    }
                    None => long(0, span),
                }
            }
            K::In { keys, array } => {
                let keys = keys
                    .iter()
                    .map(|k| match k.kind {
                        K::Wildcard => None,
                        _ => Some(self.lower_expr(sc, k)),
                    })
                    .collect::<Vec<_>>();
                match self.array(sc, array, keys.len()) {
                    Some(g) => ex(ir::ExprKind::In { array: g, keys }, span),
                    None => long(0, span),
                }
            }
            K::Call { name, args } => {
                let args: Vec<ir::Expr> = args.iter().map(|a| self.lower_expr(sc, a)).collect();
                match self.find_function(&name.name, args.len(), sc.file, name.span) {
                    Some(func) => ex(ir::ExprKind::Call { func, args }, name.span),
                    None => long(0, span),
                }
            }
            K::Print { kind, args } => self.lower_print(sc, *kind, args, span),
            K::Stat { op, operand, shift } => {
                let Some(stat) = self.lower_stat(sc, operand) else {
                    return long(0, span);
                };
                if *op == ast::StatOp::Variance {
                    let g = Self::stat_global(&stat);
                    let want = shift.unwrap_or(0);
                    if !(0..=62).contains(&want) {
                        self.error(
                            codes::HISTOGRAM,
                            "@variance shift must be between 0 and 62",
                            span,
                        );
                    } else {
                        let sym = &mut self.globals[g.0 as usize];
                        match sym.stat.variance_shift {
                            Some(s) if s as i64 != want => {
                                let name = sym.name.clone();
                                self.error(
                                    codes::HISTOGRAM,
                                    format!("inconsistent @variance shift for '{name}'"),
                                    span,
                                );
                            }
                            _ => sym.stat.variance_shift = Some(want as u8),
                        }
                    }
                }
                ir::Expr::new(
                    ir::ExprKind::StatGet {
                        op: stat_op(*op),
                        stat,
                    },
                    Type::Long,
                    span,
                )
            }
            K::Histogram { .. } => {
                self.error(
                    codes::HISTOGRAM,
                    "a histogram can only be printed, indexed or iterated with foreach",
                    span,
                );
                long(0, span)
            }
            K::HistogramIndex { histogram, index } => {
                let index = Box::new(self.lower_expr(sc, index));
                match self.lower_histogram(sc, histogram) {
                    Some(h) => ir::Expr::new(
                        ir::ExprKind::HistogramBucket {
                            histogram: h,
                            index,
                        },
                        Type::Long,
                        span,
                    ),
                    None => long(0, span),
                }
            }
            K::Target { name, path } => {
                let cv = self.context_var(sc, name);
                self.lower_found_target(sc, cv, path, span)
            }
            // `@var("name")`: a variable in scope at the probe point, else a global of
            // the program (`@var("name@file.c"[, "program"])` names its file).
            K::AtVar { name, module, path } => {
                let cv = self.at_var(sc, name, module.as_deref());
                if cv.is_none() {
                    return self.unsupported(span, "unresolved @var() expression");
                }
                self.lower_found_target(sc, cv, path, span)
            }
            K::Cast {
                operand,
                type_name,
                module,
                path,
            } => self.lower_cast(sc, operand, type_name, module.as_deref(), path, span),
            K::Defined(inner) => {
                let defined = self.is_defined(sc, inner);
                long(defined as i64, span)
            }
            K::ProbeWrite(id) => {
                sc.probewrites.push((span, id.name.clone()));
                long(0, span)
            }
            K::Const(_) if !self.opts.guru => {
                self.error(
                    codes::UNSUPPORTED,
                    "using @const operator not permitted; need stap -g",
                    span,
                );
                long(0, span)
            }
            K::Entry(inner) if sc.entry_values => {
                // The arguments this context offers are their values at entry, so an
                // expression over them alone means the same here as at entry.
                if only_context_reads(inner) {
                    self.lower_expr(sc, inner)
                } else {
                    self.unsupported(
                        span,
                        "@entry of anything but the probe's arguments ($name, and operators on them): save the value in the entry probe, in an array keyed by tid()",
                    )
                }
            }
            K::Entry(_) => self.unsupported(span, "@entry is only available in return probes"),
            K::Perf(_) => self.unsupported(span, "@perf needs a perf counter probe"),
            K::Const(_) => {
                self.unsupported(span, "@const needs C headers, which rstap does not use")
            }
            K::Register { .. } => {
                self.unsupported(span, "register access is not available for this probe")
            }
            K::Deref { .. } => {
                self.unsupported(span, "@kderef/@uderef are not available for this probe")
            }
            K::Embedded(em) => {
                self.embedded_error(sc.file, em.span);
                long(0, span)
            }
        }
    }

    fn unsupported(&mut self, span: Span, msg: &str) -> ir::Expr {
        self.error(codes::UNSUPPORTED, msg, span);
        long(0, span)
    }

    fn lower_assign(
        &mut self,
        sc: &mut Scope,
        op: ast::AssignOp,
        target: &ast::Expr,
        value: &ast::Expr,
        span: Span,
    ) -> ir::Expr {
        use ast::AssignOp as A;
        if op == A::Aggregate {
            let value = Box::new(self.lower_expr(sc, value));
            let Some(stat) = self.lower_stat(sc, target) else {
                return long(0, span);
            };
            let g = Self::stat_global(&stat);
            self.check_foreach_write(sc, g, target.span);
            self.lv_spans.insert(span, target.span);
            return ex(ir::ExprKind::Aggregate { stat, value }, span);
        }
        if let ast::ExprKind::Target { name, path } = &target.kind {
            let value = self.lower_expr(sc, value);
            return match self.context_var(sc, name) {
                Some(ContextVar {
                    write: Some(w), ty, ..
                }) if path.steps.is_empty() && op == A::Assign => {
                    let t = Ty::from_ir(ty).unwrap_or(Ty::Long);
                    let f = self.intrinsic(&w, &[t], None);
                    ir::Expr::new(
                        ir::ExprKind::Call {
                            func: f,
                            args: vec![value],
                        },
                        Type::Void,
                        span,
                    )
                }
                Some(_) => {
                    self.error(codes::LVALUE, "Expecting lvalue expression", target.span);
                    long(0, span)
                }
                None => self.unresolved_target(sc, target.span),
            };
        }
        let value = Box::new(self.lower_expr(sc, value));
        let Some((lv, tspan)) = self.lower_lvalue(sc, target) else {
            return long(0, span);
        };
        self.lv_spans.insert(span, tspan);
        let op = match op {
            A::Assign => None,
            A::Concat => Some(ir::CompoundOp::Concat),
            A::Add => Some(ir::CompoundOp::Arith(ir::BinaryOp::Add)),
            A::Sub => Some(ir::CompoundOp::Arith(ir::BinaryOp::Sub)),
            A::Mul => Some(ir::CompoundOp::Arith(ir::BinaryOp::Mul)),
            A::Div => Some(ir::CompoundOp::Arith(ir::BinaryOp::Div)),
            A::Mod => Some(ir::CompoundOp::Arith(ir::BinaryOp::Mod)),
            A::Shl => Some(ir::CompoundOp::Arith(ir::BinaryOp::Shl)),
            A::Shr => Some(ir::CompoundOp::Arith(ir::BinaryOp::Shr)),
            A::BitAnd => Some(ir::CompoundOp::Arith(ir::BinaryOp::BitAnd)),
            A::BitXor => Some(ir::CompoundOp::Arith(ir::BinaryOp::BitXor)),
            A::BitOr => Some(ir::CompoundOp::Arith(ir::BinaryOp::BitOr)),
            A::Aggregate => None,
        };
        ex(
            ir::ExprKind::Assign {
                target: lv,
                op,
                value,
            },
            span,
        )
    }

    fn literal_string(&mut self, e: Option<&ast::Expr>, what: &str, span: Span) -> Option<Vec<u8>> {
        match e.map(|e| &e.kind) {
            Some(ast::ExprKind::Literal(ast::Literal::String(s))) => Some(s.clone()),
            _ => {
                self.error(
                    codes::FORMAT,
                    format!("{what} must be a literal string"),
                    e.map(|e| e.span).unwrap_or(span),
                );
                None
            }
        }
    }

    fn lower_print(
        &mut self,
        sc: &mut Scope,
        kind: ast::PrintKind,
        args: &[ast::Expr],
        span: Span,
    ) -> ir::Expr {
        let ret = if kind.to_string {
            Type::String
        } else {
            Type::Void
        };
        let values = if kind.format || kind.delimited {
            args.len().saturating_sub(1)
        } else {
            args.len()
        };
        if values > MAX_PRINT_ARGS {
            self.error(
                codes::PRINT_ARGS,
                format!("too many arguments to print ({values})"),
                span,
            );
            return long(0, span);
        }
        let pk = ir::PrintKind {
            to_string: kind.to_string,
            newline: kind.newline,
            char: kind.char,
        };
        if kind.format {
            let format = self.literal_string(args.first(), "print format", span);
            let rest: Vec<ir::Expr> = args
                .iter()
                .skip(1)
                .map(|a| self.lower_expr(sc, a))
                .collect();
            let Some(format) = format else {
                return long(0, span);
            };
            match printf::format_args(&format) {
                Err(msg) => {
                    self.error(codes::FORMAT, msg, args[0].span);
                    return long(0, span);
                }
                Ok(kinds) if kinds.len() != rest.len() => {
                    self.error(
                        codes::PRINT_ARGS,
                        "Wrong number of args to formatted print operator",
                        span,
                    );
                    return long(0, span);
                }
                Ok(_) => {}
            }
            return ir::Expr::new(
                ir::ExprKind::Printf {
                    to_string: kind.to_string,
                    format,
                    args: rest,
                },
                ret,
                span,
            );
        }
        if kind.delimited {
            let delimiter = self.literal_string(args.first(), "print delimiter", span);
            let rest: Vec<ir::Expr> = args
                .iter()
                .skip(1)
                .map(|a| self.lower_expr(sc, a))
                .collect();
            let Some(delimiter) = delimiter else {
                return long(0, span);
            };
            return ir::Expr::new(
                ir::ExprKind::PrintDelimited {
                    kind: pk,
                    delimiter,
                    args: rest,
                },
                ret,
                span,
            );
        }
        let mut out = Vec::new();
        for a in args {
            if let ast::ExprKind::Histogram { .. } = a.kind {
                if let Some(h) = self.lower_histogram(sc, a) {
                    out.push(ir::PrintArg::Histogram(h));
                }
            } else {
                out.push(ir::PrintArg::Value(self.lower_expr(sc, a)));
            }
        }
        ir::Expr::new(
            ir::ExprKind::Print {
                kind: pk,
                args: out,
            },
            ret,
            span,
        )
    }
}

/// Whether `e` reads only context variables, literals and operators: nothing whose
/// value at entry could differ from its value here (a member read through a pointer
/// could: the function may have changed it).
fn only_context_reads(e: &ast::Expr) -> bool {
    use ast::ExprKind as K;
    match &e.kind {
        K::Target { path, .. } => path.steps.is_empty() && !path.address_of,
        K::Literal(_) => true,
        K::Unary { operand, .. } => only_context_reads(operand),
        K::Binary { lhs, rhs, .. } => only_context_reads(lhs) && only_context_reads(rhs),
        K::Ternary { cond, then, els } => {
            only_context_reads(cond) && only_context_reads(then) && only_context_reads(els)
        }
        _ => false,
    }
}
