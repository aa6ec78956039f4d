//! Whole-program checks after binding: arrays must not change under a `foreach` through
//! a called function, and probe conditions must not write anything.

use std::collections::{HashMap, HashSet};

use rstap_diag::Span;
use rstap_ir::visit::{VisitorMut, walk_expr, walk_stmt};
use rstap_ir::{self as ir};

use crate::codes;
use crate::elab::Elab;
use crate::opt::Uses;

/// Globals each function writes, directly or through the functions it calls.
fn function_writes(el: &mut Elab) -> HashMap<u32, HashSet<u32>> {
    let mut direct: HashMap<u32, (HashSet<u32>, HashSet<u32>)> = HashMap::new();
    for (i, f) in el.funcs.iter_mut().enumerate() {
        if let Some(ir::FunctionBody::Block(b)) = &mut f.body {
            let mut u = Uses::default();
            u.visit_block(b);
            let mut calls = u.calls;
            if f.uses_next
                && let Some(n) = f.next_overload
            {
                calls.insert(n.0);
            }
            direct.insert(i as u32, (u.global_written, calls));
        }
    }
    let mut out: HashMap<u32, HashSet<u32>> = HashMap::new();
    for &f in direct.keys() {
        let mut seen = HashSet::new();
        let mut work = vec![f];
        let mut writes = HashSet::new();
        while let Some(g) = work.pop() {
            if !seen.insert(g) {
                continue;
            }
            if let Some((w, calls)) = direct.get(&g) {
                writes.extend(w.iter().copied());
                work.extend(calls.iter().copied());
            }
        }
        out.insert(f, writes);
    }
    out
}

struct ForeachCalls<'a> {
    writes: &'a HashMap<u32, HashSet<u32>>,
    iterating: Vec<u32>,
    found: Vec<(u32, Span)>,
}

impl VisitorMut for ForeachCalls<'_> {
    fn visit_stmt(&mut self, s: &mut ir::Stmt) {
        if let ir::StmtKind::Foreach(f) = &mut s.kind
            && let ir::ForeachSource::Array(g) = f.source
        {
            self.iterating.push(g.0);
            walk_stmt(self, s);
            self.iterating.pop();
            return;
        }
        walk_stmt(self, s);
    }

    fn visit_expr(&mut self, e: &mut ir::Expr) {
        if let ir::ExprKind::Call { func, .. } = &e.kind
            && let Some(w) = self.writes.get(&func.0)
        {
            for g in &self.iterating {
                if w.contains(g) {
                    self.found.push((*g, e.span));
                }
            }
        }
        walk_expr(self, e);
    }
}

pub(crate) fn check(el: &mut Elab) {
    let writes = function_writes(el);
    let mut v = ForeachCalls {
        writes: &writes,
        iterating: Vec::new(),
        found: Vec::new(),
    };
    for p in &mut el.probes {
        v.visit_block(&mut p.body);
    }
    for f in &mut el.funcs {
        if let Some(ir::FunctionBody::Block(b)) = &mut f.body {
            v.visit_block(b);
        }
    }
    let found = std::mem::take(&mut v.found);
    for (g, span) in found {
        let name = el.globals[g as usize].name.clone();
        el.error(
            codes::FOREACH_MODIFIED,
            format!("function call modifies var '{name}' during 'foreach' iteration"),
            span,
        );
    }
    let mut bad = Vec::new();
    for p in &mut el.probes {
        if let Some(c) = &mut p.condition {
            let mut u = Uses::default();
            u.visit_expr(c);
            if !u.global_written.is_empty() || !u.local_written.is_empty() {
                bad.push(c.span);
            }
        }
    }
    for span in bad {
        el.error(
            codes::CONDITION_LOCAL,
            "probe condition must not modify any variables",
            span,
        );
    }
}
