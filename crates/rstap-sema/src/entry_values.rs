//! `@entry(expr)` in user return probes.
//!
//! A uretprobe sees the registers at the return, so an expression over the arguments
//! (or any expression: `@entry(gettimeofday_us())`) must be evaluated when the function
//! is entered. As SystemTap does, the return probe gets a companion entry probe on the
//! same function that evaluates each `@entry` expression into a hidden global keyed by
//! thread and stack frame (`__uprobe_frame()`: the stack pointer at entry, which the
//! return probe computes from its own). The return probe reads the value into a local
//! and deletes the entry, then runs its body with each `@entry(...)` replaced by that
//! local. Keying by frame as well as thread keeps recursive calls apart.

use rstap_diag::Span;
use rstap_syntax::ast::{self, ExprKind as E, StmtKind as S};

/// The name of the hidden global of `@entry` number `n` of a session.
pub fn global_name(n: usize) -> String {
    format!("__rstap_entry_{n}")
}

/// The local of the return probe holding `@entry` number `n`.
fn local_name(n: usize) -> String {
    format!("__rstap_entry_value_{n}")
}

/// Whether `block` uses `@entry`.
pub fn uses_entry(block: &ast::Block) -> bool {
    let mut out = Vec::new();
    extract(&mut block.clone(), &mut 0, &mut out);
    !out.is_empty()
}

/// Replaces each `@entry(e)` of `block` by the local of a fresh number (counting from
/// `*next`) and returns the expressions with their numbers.
pub fn extract(block: &mut ast::Block, next: &mut usize, out: &mut Vec<(usize, ast::Expr)>) {
    walk_block(block, &mut |e| {
        let E::Entry(inner) = &e.kind else {
            return true;
        };
        let n = *next;
        *next += 1;
        out.push((n, (**inner).clone()));
        e.kind = E::Symbol(ident(&local_name(n), e.span));
        false
    });
}

/// Makes each `$name` of `block` naming one of `params` an `@entry($name)`: in a
/// return probe SystemTap reads a function's parameters as they were at its entry.
/// Explicit `@entry(...)` expressions are left as they are.
pub fn parameters_at_entry(block: &mut ast::Block, params: &[String]) {
    walk_block(block, &mut |e| match &e.kind {
        E::Entry(_) => false,
        E::Target { name, .. } if params.iter().any(|p| p == name.trim_start_matches('$')) => {
            let target = e.clone();
            e.kind = E::Entry(Box::new(target));
            false
        }
        _ => true,
    });
}

fn ident(name: &str, span: Span) -> ast::Ident {
    ast::Ident {
        name: name.to_string(),
        span,
    }
}

fn call(name: &str, span: Span) -> ast::Expr {
    ast::Expr {
        kind: E::Call {
            name: ident(name, span),
            args: Vec::new(),
        },
        span,
    }
}

/// `__rstap_entry_N[tid(), __uprobe_frame()]`.
fn slot(n: usize, span: Span) -> ast::Expr {
    ast::Expr {
        kind: E::Index {
            array: ident(&global_name(n), span),
            indices: vec![call("tid", span), call("__uprobe_frame", span)],
        },
        span,
    }
}

fn assign(target: ast::Expr, value: ast::Expr, span: Span) -> ast::Stmt {
    ast::Stmt {
        kind: S::Expr(ast::Expr {
            kind: E::Assign {
                op: ast::AssignOp::Assign,
                target: Box::new(target),
                value: Box::new(value),
            },
            span,
        }),
        span,
    }
}

/// The body of the companion entry probe: each expression saved in its slot.
pub fn entry_body(saved: &[(usize, ast::Expr)], span: Span) -> ast::Block {
    ast::Block {
        stmts: saved
            .iter()
            .map(|(n, e)| assign(slot(*n, e.span), e.clone(), e.span))
            .collect(),
        span,
    }
}

/// The statements that start the return probe: each saved value read into its local,
/// and its slot freed.
pub fn return_prologue(saved: &[(usize, ast::Expr)]) -> Vec<ast::Stmt> {
    let mut out = Vec::new();
    for (n, e) in saved {
        let span = e.span;
        let local = ast::Expr {
            kind: E::Symbol(ident(&local_name(*n), span)),
            span,
        };
        out.push(assign(local, slot(*n, span), span));
        out.push(ast::Stmt {
            kind: S::Delete(slot(*n, span)),
            span,
        });
    }
    out
}

/// Calls `f` on every expression of `block`, outermost first; `f` says whether to go
/// on into the expression's operands.
fn walk_block(block: &mut ast::Block, f: &mut dyn FnMut(&mut ast::Expr) -> bool) {
    for s in &mut block.stmts {
        stmt(s, f);
    }
}

fn stmt(s: &mut ast::Stmt, f: &mut dyn FnMut(&mut ast::Expr) -> bool) {
    match &mut s.kind {
        S::Null | S::Break | S::Continue | S::Next | S::Embedded(_) => {}
        S::Block(b) => walk_block(b, f),
        S::Expr(e) | S::Delete(e) => expr(e, f),
        S::Return(e) => e.iter_mut().for_each(|e| expr(e, f)),
        S::If { cond, then, els } => {
            expr(cond, f);
            stmt(then, f);
            els.iter_mut().for_each(|s| stmt(s, f));
        }
        S::While { cond, body } => {
            expr(cond, f);
            stmt(body, f);
        }
        S::For {
            init,
            cond,
            step,
            body,
        } => {
            for e in [init, cond, step].into_iter().flatten() {
                expr(e, f);
            }
            stmt(body, f);
        }
        S::Foreach(fe) => {
            if let ast::ForeachSource::Histogram(h) = &mut fe.source {
                expr(h, f);
            }
            for e in fe.slice.iter_mut().flatten().flatten() {
                expr(e, f);
            }
            fe.limit.iter_mut().for_each(|e| expr(e, f));
            stmt(&mut fe.body, f);
        }
        S::Try { body, catch, .. } => {
            walk_block(body, f);
            walk_block(catch, f);
        }
    }
}

fn path(p: &mut ast::TargetPath, f: &mut dyn FnMut(&mut ast::Expr) -> bool) {
    for step in &mut p.steps {
        if let ast::TargetStep::Index(e) = step {
            expr(e, f);
        }
    }
}

fn expr(e: &mut ast::Expr, f: &mut dyn FnMut(&mut ast::Expr) -> bool) {
    if !f(e) {
        return;
    }
    match &mut e.kind {
        E::Target { path: p, .. } | E::AtVar { path: p, .. } => path(p, f),
        E::Cast {
            operand, path: p, ..
        } => {
            expr(operand, f);
            path(p, f);
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
        | E::Print { args: v, .. } => v.iter_mut().for_each(|e| expr(e, f)),
        E::Unary { operand: a, .. }
        | E::IncDec { operand: a, .. }
        | E::Stat { operand: a, .. }
        | E::Histogram { operand: a, .. }
        | E::Regex { subject: a, .. }
        | E::Defined(a)
        | E::Entry(a)
        | E::Register { number: a, .. }
        | E::Deref { addr: a, .. } => expr(a, f),
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
            expr(a, f);
            expr(b, f);
        }
        E::Ternary { cond, then, els } => {
            expr(cond, f);
            expr(then, f);
            expr(els, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_become_locals_and_their_expressions_are_kept() {
        let src = "probe begin { x = @entry($a) + f(@entry(g())); if (@entry(1)) print(2) }";
        let mut sm = rstap_diag::SourceMap::new();
        let file = sm.add("<input>", src);
        let (script, diags) = rstap_syntax::parse_script(
            &sm,
            file,
            &rstap_syntax::ParseOptions::default(),
            &Default::default(),
        );
        assert!(diags.is_empty(), "{diags:?}");
        let ast::Item::Probe(p) = &script.items[0] else {
            panic!("a probe")
        };
        let mut body = p.body.clone();
        assert!(uses_entry(&body));
        let mut next = 4;
        let mut out = Vec::new();
        extract(&mut body, &mut next, &mut out);
        assert_eq!(next, 7);
        let numbers: Vec<usize> = out.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [4, 5, 6]);
        assert!(!uses_entry(&body));
        let text = format!("{body:?}");
        assert!(text.contains("__rstap_entry_value_5"), "{text}");
        let entry = entry_body(&out, body.span);
        assert_eq!(entry.stmts.len(), 3);
        assert_eq!(return_prologue(&out).len(), 6);
    }
}
