//! The default MAXNESTING: the deepest chain of script function calls, plus 10 when a
//! function can call itself (SystemTap sizes its call stacks the same way).

use rstap_ir::visit::{VisitorMut, walk_block};
use rstap_ir::{FuncId, FunctionBody, Program};

struct Callees(Vec<FuncId>);

impl VisitorMut for Callees {
    fn visit_func(&mut self, id: &mut FuncId) {
        self.0.push(*id);
    }
}

fn callees(prog: &Program, f: FuncId) -> Vec<FuncId> {
    match &prog.function(f).body {
        FunctionBody::Block(b) => {
            let mut c = Callees(Vec::new());
            walk_block(&mut c, &mut b.clone());
            c.0.retain(|g| {
                matches!(
                    prog.functions.get(g.0 as usize).map(|f| &f.body),
                    Some(FunctionBody::Block(_))
                )
            });
            c.0
        }
        FunctionBody::Intrinsic(_) => Vec::new(),
    }
}

/// Depth-first longest path; a back edge marks the program recursive.
fn depth(
    f: FuncId,
    graph: &[Vec<FuncId>],
    memo: &mut [Option<u64>],
    on_path: &mut [bool],
    recursive: &mut bool,
) -> u64 {
    let i = f.0 as usize;
    if let Some(d) = memo[i] {
        return d;
    }
    if on_path[i] {
        *recursive = true;
        return 0;
    }
    on_path[i] = true;
    let mut best = 0;
    for &c in &graph[i] {
        best = best.max(depth(c, graph, memo, on_path, recursive));
    }
    on_path[i] = false;
    memo[i] = Some(best + 1);
    best + 1
}

pub fn default_maxnesting(prog: &Program) -> u64 {
    let n = prog.functions.len();
    let graph: Vec<Vec<FuncId>> = (0..n).map(|i| callees(prog, FuncId(i as u32))).collect();
    // Overloads reached through `next` share the caller's depth but count as edges too.
    let graph: Vec<Vec<FuncId>> = graph
        .into_iter()
        .enumerate()
        .map(|(i, mut g)| {
            if let Some(next) = prog.functions[i].next_overload {
                g.push(next);
            }
            g
        })
        .collect();
    let mut memo = vec![None; n];
    let mut on_path = vec![false; n];
    let mut recursive = false;
    let mut deepest = 0;
    for i in 0..n {
        if matches!(prog.functions[i].body, FunctionBody::Block(_)) {
            deepest = deepest.max(depth(
                FuncId(i as u32),
                &graph,
                &mut memo,
                &mut on_path,
                &mut recursive,
            ));
        }
    }
    deepest + if recursive { 10 } else { 0 }
}
