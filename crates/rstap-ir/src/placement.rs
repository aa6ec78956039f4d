//! Where a probe's handler runs (DESIGN.md §2): in the rstap process (begin, end, error,
//! never, and timers whose bodies do not read event context) or in the kernel as BPF
//! (everything tied to a kernel event, and timers that ask which task, CPU, registers or
//! stack they interrupted — run in userspace they would silently describe rstap itself).

use std::collections::HashSet;

use crate::program::*;
use crate::visit::{VisitorMut, walk_expr};

/// Intrinsics that describe the task or CPU an event happened on.
pub const EVENT_CONTEXT_INTRINSICS: &[&str] = &[
    "pid",
    "tid",
    "ppid",
    "uid",
    "gid",
    "euid",
    "egid",
    "execname",
    "pexecname",
    "cpu",
    "task_current",
];

/// Whether a timer probe calling `name` must run in the kernel: it asks about the task,
/// CPU, registers or stack the timer interrupted.
pub fn reads_event_context(name: &str) -> bool {
    EVENT_CONTEXT_INTRINSICS.contains(&name)
        || crate::stacks::unwinds(name)
        || crate::stacks::REGISTER_INTRINSICS.contains(&name)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    Userspace,
    /// Runs in BPF; the reason names what requires it (`tracepoint`, `execname()`).
    Kernel(String),
}

struct Calls(Vec<FuncId>);

impl VisitorMut for Calls {
    fn visit_expr(&mut self, e: &mut Expr) {
        if let ExprKind::Call { func, .. } = &e.kind {
            self.0.push(*func);
        }
        walk_expr(self, e);
    }
}

fn calls(b: &Block) -> Vec<FuncId> {
    let mut v = Calls(Vec::new());
    v.visit_block(&mut b.clone());
    v.0
}

/// The first event-context intrinsic a body reaches, through any chain of calls.
pub fn event_context_use(program: &Program, body: &Block) -> Option<String> {
    first_intrinsic_use(program, body, reads_event_context)
}

/// The first intrinsic satisfying `pick` that a body reaches, through any chain of
/// calls, as `name()`.
pub fn first_intrinsic_use(
    program: &Program,
    body: &Block,
    pick: impl Fn(&str) -> bool,
) -> Option<String> {
    let mut seen = HashSet::new();
    let mut work = calls(body);
    while let Some(f) = work.pop() {
        if !seen.insert(f) {
            continue;
        }
        let Some(func) = program.functions.get(f.0 as usize) else {
            continue;
        };
        match &func.body {
            FunctionBody::Intrinsic(name) if pick(name) => {
                return Some(format!("{}()", func.name));
            }
            FunctionBody::Intrinsic(_) => {}
            FunctionBody::Block(b) => work.extend(calls(b)),
        }
        if let Some(next) = func.next_overload {
            work.push(next);
        }
    }
    None
}

impl Placement {
    pub fn is_kernel(&self) -> bool {
        matches!(self, Placement::Kernel(_))
    }
}

pub fn placement(program: &Program, probe: &Probe) -> Placement {
    match &probe.kind {
        ProbeKind::Begin(_) | ProbeKind::End(_) | ProbeKind::Error(_) | ProbeKind::Never => {
            Placement::Userspace
        }
        ProbeKind::Timer { .. } => match event_context_use(program, &probe.body) {
            Some(what) => Placement::Kernel(what),
            None => Placement::Userspace,
        },
        ProbeKind::Profile { .. } => Placement::Kernel("timer.profile".into()),
        ProbeKind::Perf { .. } => Placement::Kernel("perf event".into()),
        ProbeKind::Procfs { .. } => Placement::Kernel("procfs".into()),
        ProbeKind::Tracepoint { .. } => Placement::Kernel("tracepoint".into()),
        ProbeKind::KernelFunction { .. } => Placement::Kernel("kernel function".into()),
        ProbeKind::Uprobe { .. } => Placement::Kernel("uprobe".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstap_diag::Span;

    fn intrinsic(name: &str, ret: Type) -> Function {
        Function {
            name: name.into(),
            arity: 0,
            locals: vec![],
            ret,
            body: FunctionBody::Intrinsic(name.into()),
            next_overload: None,
            from_tapset: true,
            span: Span::DUMMY,
        }
    }

    fn call(f: u32, ty: Type) -> Stmt {
        Stmt {
            kind: StmtKind::Expr(Expr::new(
                ExprKind::Call {
                    func: FuncId(f),
                    args: vec![],
                },
                ty,
                Span::DUMMY,
            )),
            span: Span::DUMMY,
        }
    }

    fn timer(body: Vec<Stmt>) -> Probe {
        Probe {
            kind: ProbeKind::Timer {
                period_ns: 1_000_000,
                randomize_ns: 0,
            },
            pp: "timer.ms(1)".into(),
            pn: "timer.ms(1)".into(),
            derivation: vec![],
            locals: vec![],
            condition: None,
            body: Block { stmts: body },
            from_tapset: false,
            span: Span::DUMMY,
        }
    }

    #[test]
    fn timers_that_read_event_context_run_in_the_kernel() {
        let mut program = Program {
            functions: vec![
                intrinsic("execname", Type::String),
                intrinsic("gettimeofday_s", Type::Long),
                // A script function that reaches execname() indirectly.
                Function {
                    name: "who".into(),
                    arity: 0,
                    locals: vec![],
                    ret: Type::String,
                    body: FunctionBody::Block(Block {
                        stmts: vec![call(0, Type::String)],
                    }),
                    next_overload: None,
                    from_tapset: false,
                    span: Span::DUMMY,
                },
            ],
            ..Default::default()
        };
        program.probes = vec![
            timer(vec![call(1, Type::Long)]),
            timer(vec![call(2, Type::String)]),
        ];
        assert_eq!(
            placement(&program, &program.probes[0]),
            Placement::Userspace
        );
        assert_eq!(
            placement(&program, &program.probes[1]),
            Placement::Kernel("execname()".into())
        );
        // The stack and the registers a timer interrupted are event context too;
        // symbol lookups are not.
        for (name, kernel) in [
            ("print_backtrace", true),
            ("addr", true),
            ("callers", true),
            ("symname", false),
            ("print_syms", false),
        ] {
            program.functions.push(intrinsic(name, Type::String));
            let f = program.functions.len() as u32 - 1;
            program.probes = vec![timer(vec![call(f, Type::String)])];
            let expected = if kernel {
                Placement::Kernel(format!("{name}()"))
            } else {
                Placement::Userspace
            };
            assert_eq!(placement(&program, &program.probes[0]), expected, "{name}");
        }
    }
}
