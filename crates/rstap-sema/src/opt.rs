//! Pass-2 elision and the warnings users rely on: unused functions and variables,
//! assignments to variables nobody reads, statements without effect, never-assigned
//! variables, and probes left with nothing to do. Iterated until nothing changes.
//! `-u` skips the elision (the never-assigned warnings still appear).

use std::collections::HashSet;

use rstap_diag::{Diagnostic, Span, Stage};
use rstap_ir::visit::{VisitorMut, walk_expr, walk_stmt};
use rstap_ir::{self as ir, GlobalId, LocalId};

use crate::codes;
use crate::elab::{Elab, LocalSym};

/// Reads and writes of one body's locals, and of globals and functions overall.
#[derive(Default)]
pub(crate) struct Uses {
    pub local_read: HashSet<u32>,
    pub local_written: HashSet<u32>,
    pub global_read: HashSet<u32>,
    pub global_written: HashSet<u32>,
    pub calls: HashSet<u32>,
}

impl Uses {
    fn target(&mut self, t: &mut ir::LValue, compound: bool) {
        match t {
            ir::LValue::Local(l) => {
                self.local_written.insert(l.0);
                if compound {
                    self.local_read.insert(l.0);
                }
            }
            ir::LValue::Global(g) => {
                self.global_written.insert(g.0);
                if compound {
                    self.global_read.insert(g.0);
                }
            }
            ir::LValue::Element { array, keys } => {
                self.global_written.insert(array.0);
                if compound {
                    self.global_read.insert(array.0);
                }
                for k in keys {
                    self.visit_expr(k);
                }
            }
        }
    }

    fn stat_written(&mut self, s: &mut ir::StatRef) {
        match s {
            ir::StatRef::Global(g) => {
                self.global_written.insert(g.0);
            }
            ir::StatRef::Element { array, keys } => {
                self.global_written.insert(array.0);
                for k in keys {
                    self.visit_expr(k);
                }
            }
        }
    }
}

impl VisitorMut for Uses {
    fn visit_stmt(&mut self, s: &mut ir::Stmt) {
        match &mut s.kind {
            ir::StmtKind::Foreach(f) => {
                for k in &f.keys {
                    self.local_written.insert(k.0);
                }
                if let Some(v) = f.value {
                    self.local_written.insert(v.0);
                }
                if let ir::ForeachSource::Array(g) = f.source {
                    self.global_read.insert(g.0);
                }
                walk_stmt(self, s);
            }
            ir::StmtKind::Delete(t) => match t {
                ir::DeleteTarget::Local(l) => {
                    self.local_written.insert(l.0);
                }
                ir::DeleteTarget::Global(g) | ir::DeleteTarget::Array(g) => {
                    self.global_written.insert(g.0);
                }
                ir::DeleteTarget::Element { array, keys } => {
                    self.global_written.insert(array.0);
                    for k in keys.iter_mut().flatten() {
                        self.visit_expr(k);
                    }
                }
            },
            ir::StmtKind::Try { catch_var, .. } => {
                if let Some(v) = catch_var {
                    self.local_written.insert(v.0);
                }
                walk_stmt(self, s);
            }
            _ => walk_stmt(self, s),
        }
    }

    fn visit_expr(&mut self, e: &mut ir::Expr) {
        match &mut e.kind {
            ir::ExprKind::Assign { target, op, value } => {
                self.target(target, op.is_some());
                self.visit_expr(value);
            }
            // `x++` of a global is a pure write, as SystemTap counts it (its PR6954): a
            // counter only incremented is displayed at exit. A local's stays a read.
            ir::ExprKind::IncDec { target, .. } => {
                let local = matches!(target, ir::LValue::Local(_));
                self.target(target, local);
            }
            ir::ExprKind::Aggregate { stat, value } => {
                self.stat_written(stat);
                self.visit_expr(value);
            }
            _ => walk_expr(self, e),
        }
    }

    fn visit_local(&mut self, id: &mut LocalId) {
        self.local_read.insert(id.0);
    }
    fn visit_global(&mut self, id: &mut GlobalId) {
        self.global_read.insert(id.0);
    }
    fn visit_func(&mut self, id: &mut ir::FuncId) {
        self.calls.insert(id.0);
    }
}

/// Replaces each `@probewrite(v)` placeholder by whether the probe writes `v`.
pub(crate) fn resolve_probewrites(
    body: &mut ir::Block,
    locals: &[LocalSym],
    requests: &[(Span, String)],
) {
    let mut uses = Uses::default();
    uses.visit_block(body);
    struct Patch<'a> {
        answers: Vec<(Span, bool)>,
        _l: &'a (),
    }
    impl VisitorMut for Patch<'_> {
        fn visit_expr(&mut self, e: &mut ir::Expr) {
            if let ir::ExprKind::Long(v) = &mut e.kind
                && let Some((_, yes)) = self.answers.iter().find(|(s, _)| *s == e.span)
            {
                *v = *yes as i64;
            }
            walk_expr(self, e);
        }
    }
    let answers = requests
        .iter()
        .map(|(span, name)| {
            let written = locals
                .iter()
                .position(|l| l.name == *name)
                .is_some_and(|i| uses.local_written.contains(&(i as u32)));
            (*span, written)
        })
        .collect();
    Patch { answers, _l: &() }.visit_block(body);
}

/// Library functions whose only effect is their result (SystemTap's `/* pure */`): a
/// call whose value nobody uses is dropped. Reads of kernel or user memory are among
/// them, as in SystemTap, where an unused `$var->member` costs nothing.
const PURE_INTRINSICS: &[&str] = &[
    "pid",
    "tid",
    "ppid",
    "uid",
    "euid",
    "gid",
    "egid",
    "execname",
    "pexecname",
    "cpu",
    "target",
    "stp_pid",
    "num_online_cpus",
    "pp",
    "pn",
    "ppfunc",
    "is_return",
    "task_current",
    "kernel_string",
    "kernel_string_n",
    "kernel_long",
    "kernel_int",
    "kernel_short",
    "kernel_char",
    "kernel_pointer",
    "user_string",
    "user_string_n",
    "user_long",
    "user_int",
    "user_short",
    "user_char",
    "__blockdev_name",
    "errno_str",
    "strlen",
    "substr",
    "isinstr",
    "strpos",
    "str_replace",
    "text_str",
    "text_strn",
    "string_quoted",
    "isdigit",
    "ktime_get_ns",
    "local_clock_ns",
    "cpu_clock_ns",
    "get_cycles",
    "gettimeofday_s",
    "gettimeofday_ms",
    "gettimeofday_us",
    "gettimeofday_ns",
    "jiffies",
    "HZ",
    "syscall_name",
    "syscall_num",
    "user_string_quoted",
    "stringat",
    "strtol",
];

/// Functions a call of which may be dropped when its value is unused: pure library
/// intrinsics, context reads, and script functions that only compute a result from
/// their arguments, locals and other such functions.
pub(crate) fn pure_functions(el: &Elab) -> HashSet<u32> {
    let mut pure = HashSet::new();
    loop {
        let before = pure.len();
        for (i, f) in el.funcs.iter().enumerate() {
            let i = i as u32;
            if pure.contains(&i) || f.uses_next || f.next_overload.is_some() {
                continue;
            }
            let yes = match &f.body {
                Some(ir::FunctionBody::Intrinsic(n)) => {
                    PURE_INTRINSICS.contains(&n.as_str())
                        || n.starts_with("__tracepoint_")
                        || n.starts_with("__kfunc_")
                }
                Some(ir::FunctionBody::Block(b)) => {
                    let mut check = SideEffects {
                        found: false,
                        pure: &pure,
                        in_function: true,
                    };
                    check.visit_block(&mut b.clone());
                    !check.found
                }
                None => false,
            };
            if yes {
                pure.insert(i);
            }
        }
        if pure.len() == before {
            return pure;
        }
    }
}

fn has_side_effects(e: &ir::Expr, pure: &HashSet<u32>) -> bool {
    let mut probe = SideEffects {
        found: false,
        pure,
        in_function: false,
    };
    let mut copy = e.clone();
    probe.visit_expr(&mut copy);
    probe.found
}

struct SideEffects<'p> {
    found: bool,
    pure: &'p HashSet<u32>,
    /// Checking a function body: its own locals may change, its statements may return,
    /// but nothing else may happen.
    in_function: bool,
}

impl VisitorMut for SideEffects<'_> {
    fn visit_stmt(&mut self, s: &mut ir::Stmt) {
        match &s.kind {
            ir::StmtKind::Expr(_)
            | ir::StmtKind::Block(_)
            | ir::StmtKind::If { .. }
            | ir::StmtKind::Return(_) => walk_stmt(self, s),
            _ => self.found = true,
        }
    }

    fn visit_expr(&mut self, e: &mut ir::Expr) {
        match &e.kind {
            ir::ExprKind::Assign {
                target: ir::LValue::Local(_),
                ..
            }
            | ir::ExprKind::IncDec {
                target: ir::LValue::Local(_),
                ..
            } if self.in_function => {}
            ir::ExprKind::Call { func, .. } if self.pure.contains(&func.0) => {}
            ir::ExprKind::Assign { .. }
            | ir::ExprKind::IncDec { .. }
            | ir::ExprKind::Aggregate { .. }
            | ir::ExprKind::Call { .. } => self.found = true,
            ir::ExprKind::Print { kind, .. } | ir::ExprKind::PrintDelimited { kind, .. }
                if !kind.to_string =>
            {
                self.found = true
            }
            ir::ExprKind::Printf { to_string, .. } if !to_string => self.found = true,
            // A division can raise `division by 0`, which the script may rely on (and
            // catch); only a non-zero constant divisor makes it pure.
            ir::ExprKind::Binary {
                op: ir::BinaryOp::Div | ir::BinaryOp::Mod,
                rhs,
                ..
            } if !matches!(rhs.kind, ir::ExprKind::Long(n) if n != 0) => self.found = true,
            _ => {}
        }
        if !self.found {
            walk_expr(self, e);
        }
    }
}

/// Which body a statement list belongs to, for warnings and local tables.
#[derive(Clone, Copy)]
enum Owner {
    Probe(usize),
    Func(usize),
}

struct Ctx<'e, 'a, 'p> {
    el: &'e mut Elab<'a>,
    changed: bool,
    unread_locals: HashSet<u32>,
    /// Functions whose calls may go when their value is unused (this round's).
    pure: &'p HashSet<u32>,
}

impl Ctx<'_, '_, '_> {
    fn user(&self, span: Span) -> bool {
        self.el.is_user_file(span.file)
    }

    fn local_name(&self, owner: Owner, l: LocalId) -> String {
        let locals = match owner {
            Owner::Probe(i) => &self.el.probes[i].locals,
            Owner::Func(i) => &self.el.funcs[i].locals,
        };
        locals
            .get(l.0 as usize)
            .map(|l| l.name.clone())
            .unwrap_or_default()
    }

    /// Removes assignments to unread locals (keeping the value) and statements that
    /// do nothing.
    fn block(&mut self, owner: Owner, b: &mut ir::Block) {
        let stmts = std::mem::take(&mut b.stmts);
        for mut s in stmts {
            self.stmt(owner, &mut s);
            match &s.kind {
                ir::StmtKind::Expr(e) if !has_side_effects(e, self.pure) => {
                    if self.user(s.span) {
                        self.el.warn(
                            codes::SIDE_EFFECT_FREE,
                            "Eliding side-effect-free expression",
                            s.span,
                        );
                    }
                    self.changed = true;
                }
                ir::StmtKind::Block(inner) => {
                    self.changed |= true;
                    b.stmts.extend(inner.stmts.iter().cloned());
                }
                ir::StmtKind::If { cond, then, els }
                    if is_empty(then)
                        && els.as_deref().is_none_or(is_empty)
                        && !has_side_effects(cond, self.pure) =>
                {
                    self.changed = true;
                }
                _ => b.stmts.push(s),
            }
        }
    }

    fn stmt(&mut self, owner: Owner, s: &mut ir::Stmt) {
        match &mut s.kind {
            ir::StmtKind::Block(b) => self.block(owner, b),
            ir::StmtKind::Expr(e) => self.expr(owner, e),
            ir::StmtKind::If { cond, then, els } => {
                self.expr(owner, cond);
                self.stmt(owner, then);
                if let Some(e) = els {
                    self.stmt(owner, e);
                }
            }
            ir::StmtKind::Loop { cond, step, body } => {
                if let Some(c) = cond {
                    self.expr(owner, c);
                }
                if let Some(c) = step {
                    self.expr(owner, c);
                }
                self.stmt(owner, body);
            }
            ir::StmtKind::Foreach(f) => self.stmt(owner, &mut f.body),
            ir::StmtKind::Return(Some(e)) => self.expr(owner, e),
            ir::StmtKind::Try { body, catch, .. } => {
                self.block(owner, body);
                self.block(owner, catch);
            }
            _ => {}
        }
    }

    fn expr(&mut self, owner: Owner, e: &mut ir::Expr) {
        struct Dead<'c, 'e, 'a, 'p> {
            ctx: &'c mut Ctx<'e, 'a, 'p>,
            owner: Owner,
        }
        impl VisitorMut for Dead<'_, '_, '_, '_> {
            fn visit_expr(&mut self, e: &mut ir::Expr) {
                walk_expr(self, e);
                if let ir::ExprKind::Assign {
                    target: ir::LValue::Local(l),
                    value,
                    ..
                } = &mut e.kind
                    && self.ctx.unread_locals.contains(&l.0)
                {
                    let name = self.ctx.local_name(self.owner, *l);
                    if self.ctx.user(e.span) {
                        self.ctx.el.warn(
                            codes::ELIDED_ASSIGNMENT,
                            format!("Eliding assignment to '{name}'"),
                            e.span,
                        );
                    }
                    let v = std::mem::replace(
                        value.as_mut(),
                        ir::Expr::new(ir::ExprKind::Long(0), ir::Type::Long, e.span),
                    );
                    *e = v;
                    self.ctx.changed = true;
                }
            }
        }
        Dead { ctx: self, owner }.visit_expr(e);
    }
}

fn is_empty(s: &ir::Stmt) -> bool {
    matches!(&s.kind, ir::StmtKind::Block(b) if b.stmts.is_empty())
}

/// Globals that §6.3 prints at exit: user-script globals written but never read.
pub(crate) fn displayed_globals(el: &mut Elab) -> HashSet<u32> {
    let (read, written) = global_uses(el, None);
    (0..el.globals.len() as u32)
        .filter(|g| {
            let sym = &el.globals[*g as usize];
            !sym.from_tapset && written.contains(g) && !read.contains(g)
        })
        .collect()
}

fn global_uses(el: &mut Elab, reachable: Option<&HashSet<u32>>) -> (HashSet<u32>, HashSet<u32>) {
    let mut u = Uses::default();
    for p in &mut el.probes {
        u.visit_block(&mut p.body);
        if let Some(c) = &mut p.condition {
            u.visit_expr(c);
        }
    }
    for (i, f) in el.funcs.iter_mut().enumerate() {
        if reachable.is_some_and(|r| !r.contains(&(i as u32))) {
            continue;
        }
        if let Some(ir::FunctionBody::Block(b)) = &mut f.body {
            u.visit_block(b);
        }
    }
    (u.global_read, u.global_written)
}

/// Functions reachable from probes (calls, and `next` into the following overload).
pub(crate) fn reachable_functions(el: &mut Elab) -> HashSet<u32> {
    let mut u = Uses::default();
    for p in &mut el.probes {
        u.visit_block(&mut p.body);
        if let Some(c) = &mut p.condition {
            u.visit_expr(c);
        }
    }
    let mut seen: HashSet<u32> = HashSet::new();
    let mut work: Vec<u32> = u.calls.into_iter().collect();
    while let Some(f) = work.pop() {
        if !seen.insert(f) {
            continue;
        }
        let sym = &mut el.funcs[f as usize];
        if sym.uses_next
            && let Some(n) = sym.next_overload
        {
            work.push(n.0);
        }
        if let Some(ir::FunctionBody::Block(b)) = &mut sym.body {
            let mut fu = Uses::default();
            fu.visit_block(b);
            work.extend(fu.calls);
        }
    }
    seen
}

/// Warnings about locals read but never written (reported whether or not we optimise).
fn never_assigned(el: &mut Elab, owner: Owner, uses: &Uses) {
    let (locals, params) = match owner {
        Owner::Probe(i) => (el.probes[i].locals.clone(), 0),
        Owner::Func(i) => (el.funcs[i].locals.clone(), el.funcs[i].arity),
    };
    let global_names: Vec<String> = el
        .globals
        .iter()
        .filter(|g| !g.from_tapset)
        .map(|g| g.name.clone())
        .collect();
    for (i, l) in locals.iter().enumerate().skip(params) {
        let i = i as u32;
        if uses.local_read.contains(&i)
            && !uses.local_written.contains(&i)
            && el.is_user_file(l.file)
        {
            let mut others: Vec<String> = locals
                .iter()
                .filter(|o| o.name != l.name)
                .map(|o| o.name.clone())
                .collect();
            others.extend(global_names.iter().filter(|g| **g != l.name).cloned());
            let d = Diagnostic::warning(
                Stage::Semantic,
                codes::NEVER_ASSIGNED,
                format!("never-assigned local variable '{}'", l.name),
            );
            let mut d = el.locate(d, l.span);
            if !others.is_empty() {
                d = d.with_help(format!("alternatives: {}", others.join(", ")));
            }
            el.emit(d);
        }
    }
}

/// Runs the elision passes (unless `-u`) and the warnings.
pub(crate) fn optimize(el: &mut Elab) {
    let displayed = displayed_globals(el);
    let unoptimized = el.opts.unoptimized;
    let mut first = true;
    for _round in 0..16 {
        let mut changed = false;
        // Unused functions.
        let reachable = reachable_functions(el);
        if !unoptimized {
            for i in 0..el.funcs.len() {
                let f = &el.funcs[i];
                // Context reads no probe uses any more (their alias variables were
                // elided) go quietly.
                if f.body.is_some() && f.def.is_none() && !reachable.contains(&(i as u32)) {
                    el.funcs[i].body = None;
                    changed = true;
                    continue;
                }
                if f.body.is_some() && f.def.is_some() && !reachable.contains(&(i as u32)) {
                    let (span, name, user) = (f.span, f.name.clone(), !f.from_tapset);
                    if user {
                        el.warn(
                            codes::UNUSED_FUNCTION,
                            format!("Eliding unused function '{name}'"),
                            span,
                        );
                    }
                    el.funcs[i].body = None;
                    changed = true;
                }
            }
        }
        // Variable uses.
        let (mut gread, gwritten) = global_uses(el, Some(&reachable));
        gread.extend(displayed.iter().copied());
        let mut owners: Vec<Owner> = (0..el.probes.len()).map(Owner::Probe).collect();
        owners.extend(
            (0..el.funcs.len())
                .filter(|i| matches!(el.funcs[*i].body, Some(ir::FunctionBody::Block(_))))
                .map(Owner::Func),
        );
        let pure = pure_functions(el);
        for owner in owners {
            let mut u = Uses::default();
            let n_locals;
            let params;
            match owner {
                Owner::Probe(i) => {
                    u.visit_block(&mut el.probes[i].body);
                    n_locals = el.probes[i].locals.len();
                    params = 0;
                }
                Owner::Func(i) => {
                    if let Some(ir::FunctionBody::Block(b)) = &mut el.funcs[i].body {
                        u.visit_block(b);
                    }
                    n_locals = el.funcs[i].locals.len();
                    params = el.funcs[i].arity;
                }
            }
            if first {
                never_assigned(el, owner, &u);
            }
            if unoptimized {
                continue;
            }
            let unread: HashSet<u32> = (params as u32..n_locals as u32)
                .filter(|l| !u.local_read.contains(l))
                .collect();
            let mut ctx = Ctx {
                pure: &pure,
                el,
                changed: false,
                unread_locals: unread,
            };
            match owner {
                Owner::Probe(i) => {
                    let mut body = std::mem::take(&mut ctx.el.probes[i].body);
                    ctx.block(owner, &mut body);
                    ctx.el.probes[i].body = body;
                }
                Owner::Func(i) => {
                    if let Some(ir::FunctionBody::Block(mut body)) = ctx.el.funcs[i].body.take() {
                        ctx.block(owner, &mut body);
                        ctx.el.funcs[i].body = Some(ir::FunctionBody::Block(body));
                    }
                }
            }
            changed |= ctx.changed;
            // Locals neither read nor written any more.
            let mut u = Uses::default();
            let locals = match owner {
                Owner::Probe(i) => {
                    u.visit_block(&mut el.probes[i].body);
                    el.probes[i].locals.clone()
                }
                Owner::Func(i) => {
                    if let Some(ir::FunctionBody::Block(b)) = &mut el.funcs[i].body {
                        u.visit_block(b);
                    }
                    el.funcs[i].locals.clone()
                }
            };
            let dead: Vec<u32> = (params as u32..locals.len() as u32)
                .filter(|l| !u.local_read.contains(l) && !u.local_written.contains(l))
                .collect();
            if !dead.is_empty() {
                for &l in &dead {
                    let sym = &locals[l as usize];
                    if el.is_user_file(sym.file) {
                        el.warn(
                            codes::UNUSED_VARIABLE,
                            format!("Eliding unused variable '{}'", sym.name),
                            sym.span,
                        );
                    }
                }
                remove_locals(el, owner, &dead);
                changed = true;
            }
        }
        if !unoptimized {
            // Probes with nothing left to do.
            let mut i = 0;
            while i < el.probes.len() {
                let p = &el.probes[i];
                if p.body.stmts.is_empty() && p.condition.is_none() {
                    let (name, span, user) = (p.pn.clone(), p.span, el.is_user_file(p.span.file));
                    if user {
                        el.warn(
                            codes::PROBE_ELIDED,
                            format!("Probe '{name}' has been elided"),
                            span,
                        );
                    }
                    let p = el.probes.remove(i);
                    el.elided.push(ir::ElidedProbe {
                        pp: p.pp,
                        kind: p.kind,
                        span: p.span,
                    });
                    changed = true;
                } else {
                    i += 1;
                }
            }
        }
        if first {
            // Globals read but never written.
            for g in 0..el.globals.len() as u32 {
                let sym = &el.globals[g as usize];
                if gread.contains(&g)
                    && !gwritten.contains(&g)
                    && sym.init.is_none()
                    && !sym.from_tapset
                    && !el.opts.preset_globals.contains(&sym.name)
                    && !displayed.contains(&g)
                {
                    let (name, span) = (sym.name.clone(), sym.span);
                    el.warn(
                        codes::NEVER_ASSIGNED_GLOBAL,
                        format!("never-assigned global variable '{name}'"),
                        span,
                    );
                }
            }
        }
        first = false;
        if !changed || unoptimized {
            break;
        }
    }
}

/// Drops locals from a body and renumbers the rest.
fn remove_locals(el: &mut Elab, owner: Owner, dead: &[u32]) {
    let locals = match owner {
        Owner::Probe(i) => &mut el.probes[i].locals,
        Owner::Func(i) => &mut el.funcs[i].locals,
    };
    let mut map = Vec::with_capacity(locals.len());
    let mut next = 0u32;
    for i in 0..locals.len() as u32 {
        if dead.contains(&i) {
            map.push(u32::MAX);
        } else {
            map.push(next);
            next += 1;
        }
    }
    let mut i = 0u32;
    locals.retain(|_| {
        let keep = !dead.contains(&i);
        i += 1;
        keep
    });
    struct Renumber<'m>(&'m [u32]);
    impl VisitorMut for Renumber<'_> {
        fn visit_local(&mut self, id: &mut LocalId) {
            if let Some(&n) = self.0.get(id.0 as usize) {
                id.0 = n;
            }
        }
    }
    match owner {
        Owner::Probe(i) => Renumber(&map).visit_block(&mut el.probes[i].body),
        Owner::Func(i) => {
            if let Some(ir::FunctionBody::Block(b)) = &mut el.funcs[i].body {
                Renumber(&map).visit_block(b);
            }
        }
    }
}
