//! Walking the IR: a mutable visitor whose default methods reach every statement,
//! expression and symbol reference, so passes override only what they care about
//! (renumbering ids after elision, collecting uses).

use crate::program::*;

/// Every method has a default that keeps walking; override and call the matching
/// `walk_*` function to continue into children.
pub trait VisitorMut {
    fn visit_block(&mut self, b: &mut Block) {
        walk_block(self, b);
    }
    fn visit_stmt(&mut self, s: &mut Stmt) {
        walk_stmt(self, s);
    }
    fn visit_expr(&mut self, e: &mut Expr) {
        walk_expr(self, e);
    }
    fn visit_local(&mut self, _id: &mut LocalId) {}
    fn visit_global(&mut self, _id: &mut GlobalId) {}
    fn visit_func(&mut self, _id: &mut FuncId) {}
}

pub fn walk_block<V: VisitorMut + ?Sized>(v: &mut V, b: &mut Block) {
    for s in &mut b.stmts {
        v.visit_stmt(s);
    }
}

pub fn walk_stmt<V: VisitorMut + ?Sized>(v: &mut V, s: &mut Stmt) {
    match &mut s.kind {
        StmtKind::Block(b) => v.visit_block(b),
        StmtKind::Expr(e) => v.visit_expr(e),
        StmtKind::If { cond, then, els } => {
            v.visit_expr(cond);
            v.visit_stmt(then);
            if let Some(e) = els {
                v.visit_stmt(e);
            }
        }
        StmtKind::Loop { cond, step, body } => {
            if let Some(c) = cond {
                v.visit_expr(c);
            }
            if let Some(c) = step {
                v.visit_expr(c);
            }
            v.visit_stmt(body);
        }
        StmtKind::Foreach(f) => {
            match &mut f.source {
                ForeachSource::Array(g) => v.visit_global(g),
                ForeachSource::Histogram(h) => walk_histogram(v, h),
            }
            for k in &mut f.keys {
                v.visit_local(k);
            }
            if let Some(val) = &mut f.value {
                v.visit_local(val);
            }
            if let Some(slice) = &mut f.slice {
                for e in slice.iter_mut().flatten() {
                    v.visit_expr(e);
                }
            }
            if let Some(l) = &mut f.limit {
                v.visit_expr(l);
            }
            v.visit_stmt(&mut f.body);
        }
        StmtKind::Break | StmtKind::Continue | StmtKind::Next => {}
        StmtKind::Return(e) => {
            if let Some(e) = e {
                v.visit_expr(e);
            }
        }
        StmtKind::Delete(t) => match t {
            DeleteTarget::Global(g) | DeleteTarget::Array(g) => v.visit_global(g),
            DeleteTarget::Local(l) => v.visit_local(l),
            DeleteTarget::Element { array, keys } => {
                v.visit_global(array);
                for k in keys.iter_mut().flatten() {
                    v.visit_expr(k);
                }
            }
        },
        StmtKind::Try {
            body,
            catch_var,
            catch,
        } => {
            v.visit_block(body);
            if let Some(c) = catch_var {
                v.visit_local(c);
            }
            v.visit_block(catch);
        }
    }
}

pub fn walk_stat<V: VisitorMut + ?Sized>(v: &mut V, s: &mut StatRef) {
    match s {
        StatRef::Global(g) => v.visit_global(g),
        StatRef::Element { array, keys } => {
            v.visit_global(array);
            for k in keys {
                v.visit_expr(k);
            }
        }
    }
}

pub fn walk_histogram<V: VisitorMut + ?Sized>(v: &mut V, h: &mut HistogramRef) {
    walk_stat(v, &mut h.stat);
}

pub fn walk_lvalue<V: VisitorMut + ?Sized>(v: &mut V, l: &mut LValue) {
    match l {
        LValue::Local(id) => v.visit_local(id),
        LValue::Global(g) => v.visit_global(g),
        LValue::Element { array, keys } => {
            v.visit_global(array);
            for k in keys {
                v.visit_expr(k);
            }
        }
    }
}

pub fn walk_expr<V: VisitorMut + ?Sized>(v: &mut V, e: &mut Expr) {
    match &mut e.kind {
        ExprKind::Long(_) | ExprKind::String(_) => {}
        ExprKind::Local(id) => v.visit_local(id),
        ExprKind::Global(g) => v.visit_global(g),
        ExprKind::Element { array, keys } => {
            v.visit_global(array);
            for k in keys {
                v.visit_expr(k);
            }
        }
        ExprKind::In { array, keys } => {
            v.visit_global(array);
            for k in keys.iter_mut().flatten() {
                v.visit_expr(k);
            }
        }
        ExprKind::Unary { operand, .. } => v.visit_expr(operand),
        ExprKind::Binary { lhs, rhs, .. }
        | ExprKind::Compare { lhs, rhs, .. }
        | ExprKind::Concat { lhs, rhs }
        | ExprKind::Logical { lhs, rhs, .. } => {
            v.visit_expr(lhs);
            v.visit_expr(rhs);
        }
        ExprKind::Ternary { cond, then, els } => {
            v.visit_expr(cond);
            v.visit_expr(then);
            v.visit_expr(els);
        }
        ExprKind::Assign { target, value, .. } => {
            walk_lvalue(v, target);
            v.visit_expr(value);
        }
        ExprKind::IncDec { target, .. } => walk_lvalue(v, target),
        ExprKind::Aggregate { stat, value } => {
            walk_stat(v, stat);
            v.visit_expr(value);
        }
        ExprKind::StatGet { stat, .. } => walk_stat(v, stat),
        ExprKind::HistogramBucket { histogram, index } => {
            walk_histogram(v, histogram);
            v.visit_expr(index);
        }
        ExprKind::Regex { subject, .. } => v.visit_expr(subject),
        ExprKind::Call { func, args } => {
            v.visit_func(func);
            for a in args {
                v.visit_expr(a);
            }
        }
        ExprKind::Print { args, .. } => {
            for a in args {
                match a {
                    PrintArg::Value(e) => v.visit_expr(e),
                    PrintArg::Histogram(h) => walk_histogram(v, h),
                }
            }
        }
        ExprKind::PrintDelimited { args, .. } | ExprKind::Printf { args, .. } => {
            for a in args {
                v.visit_expr(a);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstap_diag::Span;

    struct Renumber;
    impl VisitorMut for Renumber {
        fn visit_local(&mut self, id: &mut LocalId) {
            id.0 += 10;
        }
        fn visit_global(&mut self, id: &mut GlobalId) {
            id.0 += 100;
        }
    }

    #[test]
    fn reaches_every_reference() {
        let local = |n| Expr::new(ExprKind::Local(LocalId(n)), Type::Long, Span::DUMMY);
        let mut b = Block {
            stmts: vec![Stmt {
                kind: StmtKind::Expr(Expr::new(
                    ExprKind::Assign {
                        target: LValue::Element {
                            array: GlobalId(1),
                            keys: vec![local(0)],
                        },
                        op: None,
                        value: Box::new(local(1)),
                    },
                    Type::Long,
                    Span::DUMMY,
                )),
                span: Span::DUMMY,
            }],
        };
        Renumber.visit_block(&mut b);
        let StmtKind::Expr(e) = &b.stmts[0].kind else {
            panic!()
        };
        let ExprKind::Assign { target, value, .. } = &e.kind else {
            panic!()
        };
        assert_eq!(
            target,
            &LValue::Element {
                array: GlobalId(101),
                keys: vec![local(10)]
            }
        );
        assert_eq!(value.kind, ExprKind::Local(LocalId(11)));
    }
}
