//! The context variables a body names (`$prev`, `$arg1`), found before it is lowered so
//! a catalog can decide what its probe offers (a tracepoint's record fields or its
//! arguments).

use rstap_syntax::ast::{self, ExprKind as E, StmtKind as S};

/// The name under which a catalog offers `@var("name"[, "module"])` as a context
/// variable.
pub fn at_var_key(name: &str, module: Option<&str>) -> String {
    match module {
        Some(m) => format!("@var:{name}\u{1}{m}"),
        None => format!("@var:{name}"),
    }
}

/// Every `$name` in `block`, without the `$`, in order of appearance (with repeats),
/// and the key of every `@var(...)` ([`at_var_key`]).
pub fn context_names(block: &ast::Block, out: &mut Vec<String>) {
    for s in &block.stmts {
        stmt(s, out);
    }
}

fn stmt(s: &ast::Stmt, out: &mut Vec<String>) {
    match &s.kind {
        S::Null | S::Break | S::Continue | S::Next | S::Embedded(_) => {}
        S::Block(b) => context_names(b, out),
        S::Expr(e) | S::Delete(e) => expr(e, out),
        S::Return(e) => e.iter().for_each(|e| expr(e, out)),
        S::If { cond, then, els } => {
            expr(cond, out);
            stmt(then, out);
            els.iter().for_each(|s| stmt(s, out));
        }
        S::While { cond, body } => {
            expr(cond, out);
            stmt(body, out);
        }
        S::For {
            init,
            cond,
            step,
            body,
        } => {
            for e in [init, cond, step].into_iter().flatten() {
                expr(e, out);
            }
            stmt(body, out);
        }
        S::Foreach(f) => {
            if let ast::ForeachSource::Histogram(h) = &f.source {
                expr(h, out);
            }
            for e in f.slice.iter().flatten().flatten() {
                expr(e, out);
            }
            f.limit.iter().for_each(|e| expr(e, out));
            stmt(&f.body, out);
        }
        S::Try { body, catch, .. } => {
            context_names(body, out);
            context_names(catch, out);
        }
    }
}

fn path(p: &ast::TargetPath, out: &mut Vec<String>) {
    for step in &p.steps {
        if let ast::TargetStep::Index(e) = step {
            expr(e, out);
        }
    }
}

fn expr(e: &ast::Expr, out: &mut Vec<String>) {
    match &e.kind {
        E::Target { name, path: p } => {
            out.push(name.trim_start_matches('$').to_string());
            path(p, out);
        }
        E::Cast {
            operand, path: p, ..
        } => {
            expr(operand, out);
            path(p, out);
        }
        E::AtVar {
            name,
            module,
            path: p,
        } => {
            out.push(at_var_key(name, module.as_deref()));
            path(p, out);
        }
        E::Literal(_)
        | E::Symbol(_)
        | E::Wildcard
        | E::ProbeWrite(_)
        | E::Perf(_)
        | E::Const(_)
        | E::Embedded(_) => {}
        E::Index { indices: v, .. }
        | E::In { keys: v, .. }
        | E::Call { args: v, .. }
        | E::Print { args: v, .. } => v.iter().for_each(|e| expr(e, out)),
        E::Unary { operand: a, .. }
        | E::IncDec { operand: a, .. }
        | E::Stat { operand: a, .. }
        | E::Histogram { operand: a, .. }
        | E::Regex { subject: a, .. }
        | E::Defined(a)
        | E::Entry(a)
        | E::Register { number: a, .. }
        | E::Deref { addr: a, .. } => expr(a, out),
        E::Binary { lhs: a, rhs: b, .. }
        | E::Assign {
            target: a,
            value: b,
            ..
        }
        | E::HistogramIndex {
            histogram: a,
            index: b,
        } => {
            expr(a, out);
            expr(b, out);
        }
        E::Ternary { cond, then, els } => {
            expr(cond, out);
            expr(then, out);
            expr(els, out);
        }
    }
}
