//! Building the final [`ir::Program`]: dropping what elision removed, renumbering ids,
//! turning inferred types into IR types and global kinds.

use std::collections::HashSet;

use rstap_ir::visit::{VisitorMut, walk_stmt};
use rstap_ir::{self as ir, FuncId, GlobalId};
use rstap_syntax::ast;

use crate::codes;
use crate::elab::{Elab, LocalSym, Ty};
use crate::opt::Uses;

fn local(l: &LocalSym) -> ir::Local {
    ir::Local {
        name: l.name.clone(),
        ty: l.ty.map(Ty::ir).unwrap_or(ir::Type::Long),
        span: l.span,
    }
}

struct Remap<'a> {
    globals: &'a [Option<u32>],
    funcs: &'a [Option<u32>],
    arrays: &'a HashSet<u32>,
}

impl VisitorMut for Remap<'_> {
    fn visit_stmt(&mut self, s: &mut ir::Stmt) {
        if let ir::StmtKind::Delete(ir::DeleteTarget::Global(g)) = &s.kind
            && self.arrays.contains(&g.0)
        {
            let g = *g;
            s.kind = ir::StmtKind::Delete(ir::DeleteTarget::Array(g));
        }
        walk_stmt(self, s);
    }
    fn visit_global(&mut self, id: &mut GlobalId) {
        if let Some(Some(n)) = self.globals.get(id.0 as usize) {
            id.0 = *n;
        }
    }
    fn visit_func(&mut self, id: &mut FuncId) {
        if let Some(Some(n)) = self.funcs.get(id.0 as usize) {
            id.0 = *n;
        }
    }
}

pub(crate) fn build(el: &mut Elab, displayed: &HashSet<u32>) -> ir::Program {
    // Which globals are still used after elision.
    let mut uses = Uses::default();
    for p in &mut el.probes {
        uses.visit_block(&mut p.body);
        if let Some(c) = &mut p.condition {
            uses.visit_expr(c);
        }
    }
    for f in &mut el.funcs {
        if let Some(ir::FunctionBody::Block(b)) = &mut f.body {
            uses.visit_block(b);
        }
    }
    let mut global_map = vec![None; el.globals.len()];
    let mut next = 0u32;
    for (i, g) in el.globals.clone().iter().enumerate() {
        let used =
            uses.global_read.contains(&(i as u32)) || uses.global_written.contains(&(i as u32));
        if g.wrap && g.arity == Some(0) {
            el.error(
                codes::GLOBAL_INIT,
                "wrapping not supported for scalars",
                g.span,
            );
        }
        let keep = if el.opts.unoptimized {
            g.arity.is_some()
        } else {
            used
        };
        if !keep {
            if !g.from_tapset && !el.opts.unoptimized {
                el.warn(
                    codes::UNUSED_VARIABLE,
                    format!("Eliding unused variable '{}'", g.name),
                    g.span,
                );
            }
            continue;
        }
        global_map[i] = Some(next);
        next += 1;
    }
    let mut func_map = vec![None; el.funcs.len()];
    let mut next = 0u32;
    for (i, f) in el.funcs.iter().enumerate() {
        if f.body.is_some() {
            func_map[i] = Some(next);
            next += 1;
        }
    }
    let arrays: HashSet<u32> = el
        .globals
        .iter()
        .enumerate()
        .filter(|(_, g)| g.arity.is_some_and(|a| a > 0))
        .map(|(i, _)| i as u32)
        .collect();
    let mut remap = Remap {
        globals: &global_map,
        funcs: &func_map,
        arrays: &arrays,
    };

    let mut program = ir::Program {
        elided: std::mem::take(&mut el.elided),
        ..ir::Program::default()
    };
    for (i, g) in el.globals.iter().enumerate() {
        if global_map[i].is_none() {
            continue;
        }
        let keys: Vec<ir::Type> = g
            .keys
            .iter()
            .map(|(k, _)| k.map(Ty::ir).unwrap_or(ir::Type::Long))
            .collect();
        let stats = g.ty == Some(Ty::Stats);
        let value = g.ty.map(Ty::ir).unwrap_or(ir::Type::Long);
        let kind = match (g.arity.unwrap_or(0), stats) {
            (0, true) => ir::GlobalKind::Stat(g.stat.clone()),
            (0, false) => ir::GlobalKind::Scalar(value),
            (_, true) => ir::GlobalKind::StatArray {
                keys,
                stat: g.stat.clone(),
            },
            (_, false) => ir::GlobalKind::Array { keys, value },
        };
        program.globals.push(ir::Global {
            name: g.name.clone(),
            kind,
            init: g.init.as_ref().map(|l| match l {
                ast::Literal::Number(n) => ir::Literal::Long(*n),
                ast::Literal::String(s) => ir::Literal::String(s.clone()),
            }),
            max_entries: g.size.filter(|n| *n > 0).map(|n| n as u64),
            wrap: g.wrap,
            from_tapset: g.from_tapset,
            display_at_exit: displayed.contains(&(i as u32)) && !el.opts.no_global_var_display,
            span: g.span,
        });
    }
    for (i, f) in el.funcs.iter_mut().enumerate() {
        if func_map[i].is_none() {
            continue;
        }
        let Some(mut body) = f.body.clone() else {
            continue;
        };
        if let ir::FunctionBody::Block(b) = &mut body {
            remap.visit_block(b);
        }
        program.functions.push(ir::Function {
            name: f.name.clone(),
            arity: f.arity,
            locals: f.locals.iter().map(local).collect(),
            ret: f.ret.map(Ty::ir).unwrap_or(ir::Type::Void),
            body,
            next_overload: f
                .next_overload
                .and_then(|n| func_map[n.0 as usize])
                .map(FuncId),
            from_tapset: f.from_tapset,
            span: f.span,
        });
    }
    for p in &mut el.probes {
        let mut body = std::mem::take(&mut p.body);
        remap.visit_block(&mut body);
        let mut condition = p.condition.take();
        if let Some(c) = &mut condition {
            remap.visit_expr(c);
        }
        program.probes.push(ir::Probe {
            kind: p.kind.clone(),
            pp: p.pp.clone(),
            pn: p.pn.clone(),
            derivation: p.derivation.clone(),
            locals: p.locals.iter().map(local).collect(),
            condition,
            body,
            from_tapset: p.from_tapset,
            span: p.span,
        });
    }
    program
}
