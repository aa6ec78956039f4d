//! Type inference: every local, global (value and index types), parameter and function
//! result gets long, string or stats, by walking all bodies until nothing new is
//! learned. The first place that fixes a type is remembered, so a later disagreement
//! reads "type mismatch (string)" with "type was first inferred here (long)".

use rstap_diag::{Diagnostic, Span, Stage};
use rstap_ir::{self as ir, FuncId};

use crate::codes;
use crate::elab::{Elab, LocalSym, Ty};
use crate::printf::{self, ArgKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sym {
    Local(u32),
    Global(u32),
    Key(u32, usize),
    Param(u32, usize),
    Ret(u32),
}

struct Infer<'e, 'a> {
    el: &'e mut Elab<'a>,
    locals: Vec<LocalSym>,
    func: Option<u32>,
    changed: bool,
}

/// Runs inference to a fixed point over the probes and the functions not in `skip`.
pub(crate) fn infer(el: &mut Elab, skip: &std::collections::HashSet<u32>) {
    for _round in 0..64 {
        let mut changed = false;
        for i in 0..el.probes.len() {
            let mut body = std::mem::take(&mut el.probes[i].body);
            let locals = std::mem::take(&mut el.probes[i].locals);
            let mut cond = el.probes[i].condition.take();
            let mut inf = Infer {
                el,
                locals,
                func: None,
                changed: false,
            };
            inf.block(&mut body);
            if let Some(c) = &mut cond {
                let saved = std::mem::take(&mut inf.locals);
                inf.expr(c, Some(Ty::Long));
                inf.locals = saved;
            }
            changed |= inf.changed;
            let locals = inf.locals;
            let p = &mut el.probes[i];
            p.body = body;
            p.locals = locals;
            p.condition = cond;
        }
        for i in 0..el.funcs.len() {
            if skip.contains(&(i as u32)) {
                continue;
            }
            if !matches!(el.funcs[i].body, Some(ir::FunctionBody::Block(_))) {
                continue;
            }
            let Some(ir::FunctionBody::Block(mut body)) = el.funcs[i].body.take() else {
                continue;
            };
            let locals = std::mem::take(&mut el.funcs[i].locals);
            let mut inf = Infer {
                el,
                locals,
                func: Some(i as u32),
                changed: false,
            };
            inf.block(&mut body);
            changed |= inf.changed;
            let locals = inf.locals;
            let f = &mut el.funcs[i];
            f.body = Some(ir::FunctionBody::Block(body));
            f.locals = locals;
        }
        if !changed {
            break;
        }
    }
}

/// Reports every surviving symbol whose type stayed unknown.
pub(crate) fn report_unresolved(el: &mut Elab) {
    use rstap_ir::visit::VisitorMut;
    let mut uses = crate::opt::Uses::default();
    for p in &mut el.probes {
        uses.visit_block(&mut p.body);
    }
    for f in &mut el.funcs {
        if let Some(ir::FunctionBody::Block(b)) = &mut f.body {
            uses.visit_block(b);
        }
    }
    let mut spans = Vec::new();
    for p in &el.probes {
        for l in &p.locals {
            if l.ty.is_none() {
                spans.push(l.span);
            }
        }
    }
    for f in &el.funcs {
        if f.body.is_none() {
            continue;
        }
        for l in &f.locals {
            if l.ty.is_none() {
                spans.push(l.span);
            }
        }
    }
    for (i, g) in el.globals.iter().enumerate() {
        let i = i as u32;
        if !uses.global_read.contains(&i) && !uses.global_written.contains(&i) {
            continue;
        }
        if g.arity.is_some() && g.ty.is_none() {
            spans.push(g.span);
        }
        for (k, span) in &g.keys {
            if k.is_none() {
                spans.push(*span);
            }
        }
    }
    for s in spans {
        el.error(codes::UNRESOLVED_TYPE, "unresolved type", s);
    }
}

fn lit_ty(e: &ir::Expr) -> Option<Ty> {
    Ty::from_ir(e.ty)
}

impl Infer<'_, '_> {
    fn sym_ty(&self, s: Sym) -> Option<Ty> {
        match s {
            Sym::Local(i) => self.locals.get(i as usize).and_then(|l| l.ty),
            Sym::Global(g) => self.el.globals[g as usize].ty,
            Sym::Key(g, k) => self.el.globals[g as usize].keys.get(k).and_then(|k| k.0),
            Sym::Param(f, i) => {
                if self.func == Some(f) {
                    self.locals.get(i).and_then(|l| l.ty)
                } else {
                    self.el.funcs[f as usize].locals.get(i).and_then(|l| l.ty)
                }
            }
            Sym::Ret(f) => self.el.funcs[f as usize].ret,
        }
    }

    fn sym_first(&self, s: Sym) -> Span {
        match s {
            Sym::Local(i) => self
                .locals
                .get(i as usize)
                .map(|l| l.ty_span)
                .unwrap_or(Span::DUMMY),
            Sym::Global(g) => self.el.globals[g as usize].ty_span,
            Sym::Key(g, k) => self.el.globals[g as usize]
                .keys
                .get(k)
                .map(|k| k.1)
                .unwrap_or(Span::DUMMY),
            Sym::Param(f, i) => {
                let l = if self.func == Some(f) {
                    self.locals.get(i)
                } else {
                    self.el.funcs[f as usize].locals.get(i)
                };
                l.map(|l| l.ty_span).unwrap_or(Span::DUMMY)
            }
            Sym::Ret(f) => self.el.funcs[f as usize].ret_span,
        }
    }

    fn set_sym(&mut self, s: Sym, t: Ty, span: Span) {
        self.changed = true;
        match s {
            Sym::Local(i) => {
                if let Some(l) = self.locals.get_mut(i as usize) {
                    l.ty = Some(t);
                    l.ty_span = span;
                }
            }
            Sym::Global(g) => {
                let g = &mut self.el.globals[g as usize];
                g.ty = Some(t);
                g.ty_span = span;
            }
            Sym::Key(g, k) => {
                if let Some(key) = self.el.globals[g as usize].keys.get_mut(k) {
                    *key = (Some(t), span);
                }
            }
            Sym::Param(f, i) => {
                let l = if self.func == Some(f) {
                    self.locals.get_mut(i)
                } else {
                    self.el.funcs[f as usize].locals.get_mut(i)
                };
                if let Some(l) = l {
                    l.ty = Some(t);
                    l.ty_span = span;
                }
            }
            Sym::Ret(f) => {
                let f = &mut self.el.funcs[f as usize];
                f.ret = Some(t);
                f.ret_span = span;
            }
        }
    }

    fn mismatch(&mut self, s: Sym, have: Ty, want: Ty, span: Span) {
        let first = self.sym_first(s);
        let d = Diagnostic::error(
            Stage::Semantic,
            codes::TYPE_MISMATCH,
            format!("type mismatch ({})", want.name()),
        );
        let d = self.el.locate(d, span);
        let d = self.el.located_note(
            d,
            format!("type was first inferred here ({})", have.name()),
            first,
        );
        self.el.emit(d);
    }

    /// Gives `s` type `t` if it has none; reports a disagreement at `span`.
    fn unify(&mut self, s: Sym, t: Option<Ty>, span: Span) -> Option<Ty> {
        match (self.sym_ty(s), t) {
            (Some(have), Some(want)) if have != want => {
                self.mismatch(s, have, want, span);
                Some(have)
            }
            (None, Some(want)) => {
                self.set_sym(s, want, span);
                Some(want)
            }
            (have, _) => have,
        }
    }

    fn generic_mismatch(&mut self, want: Ty, have: Ty, span: Span) {
        self.el.error(
            codes::TYPE_MISMATCH,
            format!("type mismatch ({} vs. {})", want.name(), have.name()),
            span,
        );
    }

    fn block(&mut self, b: &mut ir::Block) {
        for s in &mut b.stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &mut ir::Stmt) {
        match &mut s.kind {
            ir::StmtKind::Block(b) => self.block(b),
            ir::StmtKind::Expr(e) => {
                self.expr(e, None);
            }
            ir::StmtKind::If { cond, then, els } => {
                self.expr(cond, Some(Ty::Long));
                self.stmt(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            ir::StmtKind::Loop { cond, step, body } => {
                if let Some(c) = cond {
                    self.expr(c, Some(Ty::Long));
                }
                if let Some(c) = step {
                    self.expr(c, None);
                }
                self.stmt(body);
            }
            ir::StmtKind::Foreach(f) => {
                match &mut f.source {
                    ir::ForeachSource::Array(g) => {
                        let g = g.0;
                        for (i, k) in f.keys.iter().enumerate() {
                            let span = self
                                .locals
                                .get(k.0 as usize)
                                .map(|l| l.span)
                                .unwrap_or(s.span);
                            let kt = self.sym_ty(Sym::Key(g, i));
                            let lt = self.unify(Sym::Local(k.0), kt, span);
                            self.unify(Sym::Key(g, i), lt, span);
                        }
                        if let Some(v) = f.value {
                            let span = self
                                .locals
                                .get(v.0 as usize)
                                .map(|l| l.span)
                                .unwrap_or(s.span);
                            let mut gt = self.sym_ty(Sym::Global(g));
                            if gt == Some(Ty::Stats) {
                                gt = Some(Ty::Long);
                            }
                            let vt = self.unify(Sym::Local(v.0), gt, span);
                            if gt.is_none() {
                                self.unify(Sym::Global(g), vt, span);
                            }
                        }
                        if let Some(slice) = &mut f.slice {
                            for (i, e) in slice.iter_mut().enumerate() {
                                if let Some(e) = e {
                                    let kt = self.sym_ty(Sym::Key(g, i));
                                    let t = self.expr(e, kt);
                                    self.unify(Sym::Key(g, i), t, e.span);
                                }
                            }
                        }
                    }
                    ir::ForeachSource::Histogram(h) => {
                        self.histogram(h, s.span);
                        for k in &f.keys {
                            self.unify(Sym::Local(k.0), Some(Ty::Long), s.span);
                        }
                    }
                }
                if let Some(l) = &mut f.limit {
                    self.expr(l, Some(Ty::Long));
                }
                self.stmt(&mut f.body);
            }
            ir::StmtKind::Break | ir::StmtKind::Continue | ir::StmtKind::Next => {}
            ir::StmtKind::Return(e) => {
                if let (Some(e), Some(f)) = (e, self.func) {
                    let rt = self.sym_ty(Sym::Ret(f));
                    let t = self.expr(e, rt);
                    if rt.is_none() {
                        self.unify(Sym::Ret(f), t, e.span);
                    }
                }
            }
            ir::StmtKind::Delete(t) => {
                if let ir::DeleteTarget::Element { array, keys } = t {
                    let g = array.0;
                    for (i, k) in keys.iter_mut().enumerate() {
                        if let Some(k) = k {
                            self.key(g, i, k);
                        }
                    }
                }
            }
            ir::StmtKind::Try {
                body,
                catch_var,
                catch,
            } => {
                self.block(body);
                if let Some(v) = catch_var {
                    let span = self
                        .locals
                        .get(v.0 as usize)
                        .map(|l| l.span)
                        .unwrap_or(s.span);
                    self.unify(Sym::Local(v.0), Some(Ty::Str), span);
                }
                self.block(catch);
            }
        }
    }

    /// An index expression against the array's key type.
    fn key(&mut self, g: u32, i: usize, k: &mut ir::Expr) {
        let kt = self.sym_ty(Sym::Key(g, i));
        let t = self.expr(k, None);
        match (kt, t) {
            (None, Some(t)) => {
                self.unify(Sym::Key(g, i), Some(t), k.span);
            }
            (Some(kt), None) => {
                self.expr(k, Some(kt));
            }
            (Some(kt), Some(t)) if kt != t => self.mismatch(Sym::Key(g, i), kt, t, k.span),
            _ => {}
        }
    }

    fn stat(&mut self, s: &mut ir::StatRef, span: Span) {
        match s {
            ir::StatRef::Global(g) => {
                self.unify(Sym::Global(g.0), Some(Ty::Stats), span);
            }
            ir::StatRef::Element { array, keys } => {
                let g = array.0;
                for (i, k) in keys.iter_mut().enumerate() {
                    self.key(g, i, k);
                }
                self.unify(Sym::Global(g), Some(Ty::Stats), span);
            }
        }
    }

    fn histogram(&mut self, h: &mut ir::HistogramRef, span: Span) {
        self.stat(&mut h.stat, span);
    }

    fn lvalue(&mut self, lv: &mut ir::LValue) -> Sym {
        match lv {
            ir::LValue::Local(l) => Sym::Local(l.0),
            ir::LValue::Global(g) => Sym::Global(g.0),
            ir::LValue::Element { array, keys } => {
                let g = array.0;
                for (i, k) in keys.iter_mut().enumerate() {
                    self.key(g, i, k);
                }
                Sym::Global(g)
            }
        }
    }

    fn set_ty(e: &mut ir::Expr, t: Option<Ty>) {
        if let Some(t) = t
            && t != Ty::Stats
        {
            e.ty = t.ir();
        }
    }

    /// Infers `e` (using `want` to type unknown symbols) and returns its type.
    fn expr(&mut self, e: &mut ir::Expr, want: Option<Ty>) -> Option<Ty> {
        let span = e.span;
        let (t, symbolic) = match &mut e.kind {
            ir::ExprKind::Long(_) => (Some(Ty::Long), false),
            ir::ExprKind::String(_) => (Some(Ty::Str), false),
            ir::ExprKind::Local(l) => (self.unify(Sym::Local(l.0), want, span), true),
            ir::ExprKind::Global(g) => {
                let g = g.0;
                (self.value_of(Sym::Global(g), want, span), true)
            }
            ir::ExprKind::Element { array, keys } => {
                let g = array.0;
                for (i, k) in keys.iter_mut().enumerate() {
                    self.key(g, i, k);
                }
                (self.value_of(Sym::Global(g), want, span), true)
            }
            ir::ExprKind::In { array, keys } => {
                let g = array.0;
                for (i, k) in keys.iter_mut().enumerate() {
                    if let Some(k) = k {
                        self.key(g, i, k);
                    }
                }
                (Some(Ty::Long), false)
            }
            ir::ExprKind::Unary { operand, .. } => {
                self.expr(operand, Some(Ty::Long));
                (Some(Ty::Long), false)
            }
            ir::ExprKind::Binary { lhs, rhs, .. } | ir::ExprKind::Logical { lhs, rhs, .. } => {
                self.expr(lhs, Some(Ty::Long));
                self.expr(rhs, Some(Ty::Long));
                (Some(Ty::Long), false)
            }
            ir::ExprKind::Compare { lhs, rhs, .. } => {
                let lt = self.expr(lhs, None);
                let rt = self.expr(rhs, lt);
                if lt.is_none() && rt.is_some() {
                    self.expr(lhs, rt);
                }
                (Some(Ty::Long), false)
            }
            ir::ExprKind::Concat { lhs, rhs } => {
                self.expr(lhs, Some(Ty::Str));
                self.expr(rhs, Some(Ty::Str));
                (Some(Ty::Str), false)
            }
            ir::ExprKind::Ternary { cond, then, els } => {
                self.expr(cond, Some(Ty::Long));
                let t1 = self.expr(then, want);
                let t2 = self.expr(els, t1.or(want));
                if t1.is_none() && t2.is_some() {
                    self.expr(then, t2);
                }
                (t1.or(t2), false)
            }
            ir::ExprKind::Assign { target, op, value } => {
                let sym = self.lvalue(target);
                let tspan = self.el.lv_spans.get(&span).copied().unwrap_or(span);
                let t = match op {
                    None => {
                        let lt = self.sym_ty(sym);
                        let mut vt = self.expr(value, None);
                        if vt.is_none() && lt.is_some() {
                            vt = self.expr(value, lt);
                        }
                        if vt == Some(Ty::Stats) {
                            self.el.error(
                                codes::STATS_VALUE,
                                "statistics cannot be assigned; use an extractor such as @count",
                                value.span,
                            );
                            lt
                        } else {
                            self.unify(sym, vt, tspan)
                        }
                    }
                    Some(ir::CompoundOp::Concat) => {
                        self.expr(value, Some(Ty::Str));
                        self.unify(sym, Some(Ty::Str), tspan)
                    }
                    Some(ir::CompoundOp::Arith(_)) => {
                        self.expr(value, Some(Ty::Long));
                        self.unify(sym, Some(Ty::Long), tspan)
                    }
                };
                (t, false)
            }
            ir::ExprKind::IncDec { target, .. } => {
                let sym = self.lvalue(target);
                let tspan = self.el.lv_spans.get(&span).copied().unwrap_or(span);
                self.unify(sym, Some(Ty::Long), tspan);
                (Some(Ty::Long), false)
            }
            ir::ExprKind::Aggregate { stat, value } => {
                let tspan = self.el.lv_spans.get(&span).copied().unwrap_or(span);
                self.stat(stat, tspan);
                self.expr(value, Some(Ty::Long));
                (Some(Ty::Long), false)
            }
            ir::ExprKind::StatGet { stat, .. } => {
                self.stat(stat, span);
                (Some(Ty::Long), false)
            }
            ir::ExprKind::HistogramBucket { histogram, index } => {
                self.histogram(histogram, span);
                self.expr(index, Some(Ty::Long));
                (Some(Ty::Long), false)
            }
            ir::ExprKind::Regex { subject, .. } => {
                self.expr(subject, Some(Ty::Str));
                (Some(Ty::Long), false)
            }
            ir::ExprKind::Call { func, args } => {
                let f = func.0;
                for (i, a) in args.iter_mut().enumerate() {
                    let pt = self.sym_ty(Sym::Param(f, i));
                    let at = self.expr(a, pt);
                    if pt.is_none() {
                        self.unify(Sym::Param(f, i), at, a.span);
                    }
                }
                let declared = self.el.funcs[f as usize].ret_declared;
                let rt = self.sym_ty(Sym::Ret(f));
                let rt = if rt.is_none() && !declared && want.is_some() {
                    self.unify(Sym::Ret(f), want, span)
                } else {
                    rt
                };
                (rt, rt.is_some())
            }
            ir::ExprKind::Print { args, .. } => {
                for a in args {
                    match a {
                        ir::PrintArg::Value(v) => {
                            let t = self.expr(v, None);
                            if t == Some(Ty::Stats) {
                                self.el.error(
                                    codes::STATS_VALUE,
                                    "print format actual argument evaluation type unsupported",
                                    v.span,
                                );
                            }
                        }
                        ir::PrintArg::Histogram(h) => self.histogram(h, span),
                    }
                }
                (Some(Ty::Str), false)
            }
            ir::ExprKind::PrintDelimited { args, .. } => {
                for a in args {
                    let t = self.expr(a, None);
                    if t == Some(Ty::Stats) {
                        self.el.error(
                            codes::STATS_VALUE,
                            "print format actual argument evaluation type unsupported",
                            a.span,
                        );
                    }
                }
                (Some(Ty::Str), false)
            }
            ir::ExprKind::Printf { format, args, .. } => {
                let kinds = printf::format_args(format).unwrap_or_default();
                for (a, k) in args.iter_mut().zip(kinds) {
                    let want = match k {
                        ArgKind::Long => Ty::Long,
                        ArgKind::String => Ty::Str,
                    };
                    let mut t = self.expr(a, None);
                    if t.is_none() {
                        t = self.expr(a, Some(want));
                    }
                    if let Some(t) = t
                        && t != want
                    {
                        self.el.error(
                            codes::PRINT_TYPE,
                            format!(
                                "type mismatch: expected {} but found {}",
                                want.name(),
                                t.name()
                            ),
                            a.span,
                        );
                    }
                }
                (Some(Ty::Str), false)
            }
        };
        // Print builtins without `s` return nothing; keep their `Void`.
        let is_void_print = matches!(
            e.kind,
            ir::ExprKind::Print { .. }
                | ir::ExprKind::PrintDelimited { .. }
                | ir::ExprKind::Printf { .. }
        ) && e.ty == ir::Type::Void;
        if is_void_print {
            return None;
        }
        if let ir::ExprKind::Call { func, .. } = &e.kind
            && self.returns_nothing(*func)
        {
            return None;
        }
        if !symbolic
            && let (Some(t), Some(w)) = (t, want)
            && t != w
            && !matches!(e.kind, ir::ExprKind::Assign { .. })
        {
            self.generic_mismatch(w, t, span);
        }
        Self::set_ty(e, t);
        if t.is_none() {
            return lit_ty(e);
        }
        t
    }

    /// A value read of a global: statistics cannot be read as a value.
    fn value_of(&mut self, s: Sym, want: Option<Ty>, span: Span) -> Option<Ty> {
        if self.sym_ty(s) == Some(Ty::Stats) {
            if let Some(w) = want {
                self.mismatch(s, Ty::Stats, w, span);
                return Some(w);
            }
            return Some(Ty::Stats);
        }
        self.unify(s, want, span)
    }

    fn returns_nothing(&self, f: FuncId) -> bool {
        let f = &self.el.funcs[f.0 as usize];
        f.ret.is_none() && f.ret_declared
    }
}
