//! Kernel stacks and symbols in a program: which library functions produce them, which
//! values may hold one, and which arrays are keyed by them.
//!
//! In kernel probes these strings are short tokens that userspace expands (see
//! `rstap_bpf::stack_token`); [`TokenFlow`] tells the code generator where a token may
//! be, so that operations that would see the token instead of SystemTap's text are
//! refused when the script is compiled. [`stack_keyed_arrays`] finds the aggregations a
//! folded profile or flame graph is drawn from.

use std::collections::HashSet;

use crate::program::*;
use crate::visit::{VisitorMut, walk_expr, walk_stmt};

/// Intrinsics that unwind the kernel stack of the event (they need a kernel probe's
/// context).
pub const UNWINDING_INTRINSICS: &[&str] = &[
    "backtrace",
    "print_backtrace",
    "sprint_backtrace",
    "callers",
    "caller",
    "caller_addr",
    "stack",
];

/// Intrinsics that unwind the user stack (user symbols record it to find the
/// process's files).
pub const USER_UNWINDING_INTRINSICS: &[&str] = &[
    "ubacktrace",
    "print_ubacktrace",
    "print_ubacktrace_brief",
    "sprint_ubacktrace",
    "ucallers",
    "usymname",
    "usymdata",
    "umodname",
];

/// Whether intrinsic `name` unwinds the kernel or the user stack of the event (the
/// stack map holds both).
pub fn unwinds(name: &str) -> bool {
    UNWINDING_INTRINSICS.contains(&name) || USER_UNWINDING_INTRINSICS.contains(&name)
}

/// Whether intrinsic `name` needs the memory map of the current process (user stacks
/// and user symbols), which userspace records the first time a process uses one.
pub fn needs_process_map(name: &str) -> bool {
    USER_UNWINDING_INTRINSICS.contains(&name) || matches!(name, "print_usyms" | "sprint_usyms")
}

/// Intrinsics that read the registers of the event.
pub const REGISTER_INTRINSICS: &[&str] = &[
    "addr",
    "probefunc",
    "user_mode",
    "uaddr",
    "int_arg",
    "uint_arg",
    "long_arg",
    "ulong_arg",
    "longlong_arg",
    "ulonglong_arg",
    "pointer_arg",
    "short_arg",
    "ushort_arg",
    "char_arg",
    "uchar_arg",
    "s32_arg",
    "u32_arg",
    "s64_arg",
    "u64_arg",
];

/// Intrinsics whose string result is a token in a kernel probe.
pub const TOKEN_INTRINSICS: &[&str] = &[
    "backtrace",
    "sprint_backtrace",
    "callers",
    "caller",
    "symname",
    "symdata",
    "probefunc",
    "sprint_syms",
    "ubacktrace",
    "sprint_ubacktrace",
    "ucallers",
    "usymname",
    "usymdata",
    "umodname",
    "sprint_usyms",
];

/// The message of the error raised when a level of the kernel (or the user) stack does
/// not exist.
pub fn no_frame_message(user: bool, level: i64) -> String {
    format!("{}{level}", no_frame_prefix(user))
}

/// [`no_frame_message`] without the level.
pub fn no_frame_prefix(user: bool) -> &'static str {
    if user {
        "cannot unwind the user stack to level "
    } else {
        "cannot unwind the kernel stack to level "
    }
}

/// Where a local lives: locals are numbered per probe and per function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Probe(ProbeId),
    Function(FuncId),
}

fn intrinsic_name(program: &Program, f: FuncId) -> Option<&str> {
    match &program.functions.get(f.0 as usize)?.body {
        FunctionBody::Intrinsic(n) => Some(n),
        FunctionBody::Block(_) => None,
    }
}

/// The values of a program that may hold a stack token in a kernel probe.
///
/// A may-analysis over the whole program: a local, global, array value or key
/// position, function result or parameter is marked once anything that may hold a
/// token flows into it, through assignments, calls, returns, `foreach` and `catch`.
#[derive(Clone, Debug, Default)]
pub struct TokenFlow {
    locals: HashSet<(Scope, LocalId)>,
    /// Scalar globals and array values.
    globals: HashSet<GlobalId>,
    keys: HashSet<(GlobalId, usize)>,
    returns: HashSet<FuncId>,
    /// Some `error()` message may hold a token: so may any `catch` variable.
    errors: bool,
}

impl TokenFlow {
    pub fn analyze(program: &Program) -> TokenFlow {
        let mut flow = TokenFlow::default();
        let mut copy = program.clone();
        loop {
            let mut pass = Pass {
                program,
                flow: flow.clone(),
                scope: Scope::Probe(ProbeId(0)),
            };
            for (i, p) in copy.probes.iter_mut().enumerate() {
                pass.scope = Scope::Probe(ProbeId(i as u32));
                if let Some(c) = &mut p.condition {
                    pass.visit_expr(c);
                }
                pass.visit_block(&mut p.body);
            }
            for (i, f) in copy.functions.iter_mut().enumerate() {
                pass.scope = Scope::Function(FuncId(i as u32));
                if let FunctionBody::Block(b) = &mut f.body {
                    pass.visit_block(b);
                }
            }
            let grown = pass.flow.size() > flow.size();
            flow = pass.flow;
            if !grown {
                return flow;
            }
        }
    }

    fn size(&self) -> usize {
        self.locals.len()
            + self.globals.len()
            + self.keys.len()
            + self.returns.len()
            + self.errors as usize
    }

    /// Whether `e`, evaluated in `scope`, may hold a stack token.
    pub fn may_carry(&self, program: &Program, scope: Scope, e: &Expr) -> bool {
        if e.ty != Type::String {
            return false;
        }
        match &e.kind {
            ExprKind::Call { func, .. } => match intrinsic_name(program, *func) {
                Some(n) => TOKEN_INTRINSICS.contains(&n),
                None => self.returns.contains(func),
            },
            ExprKind::Local(l) => self.locals.contains(&(scope, *l)),
            ExprKind::Global(g) => self.globals.contains(g),
            ExprKind::Element { array, .. } => self.globals.contains(array),
            ExprKind::Concat { lhs, rhs } => {
                self.may_carry(program, scope, lhs) || self.may_carry(program, scope, rhs)
            }
            ExprKind::Ternary { then, els, .. } => {
                self.may_carry(program, scope, then) || self.may_carry(program, scope, els)
            }
            ExprKind::Assign { target, op, value } => {
                self.may_carry(program, scope, value)
                    || (*op == Some(CompoundOp::Concat) && self.target_carries(scope, target))
            }
            ExprKind::Printf {
                to_string: true,
                args,
                ..
            }
            | ExprKind::PrintDelimited { args, .. } => {
                args.iter().any(|a| self.may_carry(program, scope, a))
            }
            ExprKind::Print { args, .. } => args.iter().any(|a| match a {
                PrintArg::Value(v) => self.may_carry(program, scope, v),
                PrintArg::Histogram(_) => false,
            }),
            _ => false,
        }
    }

    fn target_carries(&self, scope: Scope, target: &LValue) -> bool {
        match target {
            LValue::Local(l) => self.locals.contains(&(scope, *l)),
            LValue::Global(g) | LValue::Element { array: g, .. } => self.globals.contains(g),
        }
    }
}

/// One round of the fixpoint: reads the flow found so far, extends `flow`.
struct Pass<'p> {
    program: &'p Program,
    flow: TokenFlow,
    scope: Scope,
}

impl Pass<'_> {
    fn carries(&self, e: &Expr) -> bool {
        self.flow.may_carry(self.program, self.scope, e)
    }

    fn keys<'e>(&mut self, array: GlobalId, keys: impl Iterator<Item = Option<&'e Expr>>) {
        for (i, k) in keys.enumerate() {
            if k.is_some_and(|k| self.carries(k)) {
                self.flow.keys.insert((array, i));
            }
        }
    }
}

impl VisitorMut for Pass<'_> {
    fn visit_stmt(&mut self, s: &mut Stmt) {
        match &s.kind {
            StmtKind::Return(Some(e)) => {
                if let Scope::Function(f) = self.scope
                    && self.carries(e)
                {
                    self.flow.returns.insert(f);
                }
            }
            StmtKind::Foreach(f) => {
                if let ForeachSource::Array(g) = f.source {
                    for (i, k) in f.keys.iter().enumerate() {
                        if self.flow.keys.contains(&(g, i)) {
                            self.flow.locals.insert((self.scope, *k));
                        }
                    }
                    if let Some(v) = f.value
                        && self.flow.globals.contains(&g)
                    {
                        self.flow.locals.insert((self.scope, v));
                    }
                }
            }
            StmtKind::Try {
                catch_var: Some(v), ..
            } if self.flow.errors => {
                self.flow.locals.insert((self.scope, *v));
            }
            StmtKind::Delete(DeleteTarget::Element { array, keys }) => {
                let array = *array;
                let keys: Vec<Option<Expr>> = keys.clone();
                self.keys(array, keys.iter().map(|k| k.as_ref()));
            }
            _ => {}
        }
        walk_stmt(self, s);
    }

    fn visit_expr(&mut self, e: &mut Expr) {
        match &e.kind {
            ExprKind::Assign { target, value, .. } => {
                let carries = self.carries(value);
                match target {
                    LValue::Local(l) if carries => {
                        self.flow.locals.insert((self.scope, *l));
                    }
                    LValue::Global(g) if carries => {
                        self.flow.globals.insert(*g);
                    }
                    LValue::Element { array, keys } => {
                        if carries {
                            self.flow.globals.insert(*array);
                        }
                        let (array, keys) = (*array, keys.clone());
                        self.keys(array, keys.iter().map(Some));
                    }
                    _ => {}
                }
            }
            ExprKind::IncDec {
                target: LValue::Element { array, keys },
                ..
            }
            | ExprKind::Element { array, keys }
            | ExprKind::Aggregate {
                stat: StatRef::Element { array, keys },
                ..
            }
            | ExprKind::StatGet {
                stat: StatRef::Element { array, keys },
                ..
            } => {
                let (array, keys) = (*array, keys.clone());
                self.keys(array, keys.iter().map(Some));
            }
            ExprKind::In { array, keys } => {
                let (array, keys) = (*array, keys.clone());
                self.keys(array, keys.iter().map(|k| k.as_ref()));
            }
            ExprKind::Call { func, args } => {
                let func = *func;
                match intrinsic_name(self.program, func) {
                    Some("error") => {
                        if args.iter().any(|a| self.carries(a)) {
                            self.flow.errors = true;
                        }
                    }
                    Some(_) => {}
                    None => {
                        for (i, a) in args.iter().enumerate() {
                            if self.carries(a) {
                                self.flow
                                    .locals
                                    .insert((Scope::Function(func), LocalId(i as u32)));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        walk_expr(self, e);
    }
}

/// What a stack-keyed array's stack key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StackKeyKind {
    /// `backtrace()`: hex addresses.
    Hex,
    /// `sprint_backtrace()`: one `sym+0xOFF [module]` line per frame.
    Symbols,
}

/// A global array one of whose keys is a kernel stack, and whose value counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StackKeyed {
    pub global: GlobalId,
    /// The key position holding the stack.
    pub position: usize,
    pub kind: StackKeyKind,
}

/// Every global array that a folded profile is drawn from: a statistics array (its
/// `@count` is the sample count) or an array of longs (the value is the count), one of
/// whose key positions is filled with `backtrace()` or `sprint_backtrace()` — directly
/// or through a local holding one. In declaration order; the first such position of
/// each array.
pub fn stack_keyed_arrays(program: &Program) -> Vec<StackKeyed> {
    struct Find<'p> {
        program: &'p Program,
        scope: Scope,
        /// Locals assigned a stack, with its kind.
        locals: Vec<(Scope, LocalId, StackKeyKind)>,
        found: Vec<StackKeyed>,
    }
    impl Find<'_> {
        fn kind(&self, e: &Expr) -> Option<StackKeyKind> {
            match &e.kind {
                ExprKind::Call { func, .. } => match intrinsic_name(self.program, *func)? {
                    "backtrace" => Some(StackKeyKind::Hex),
                    "sprint_backtrace" => Some(StackKeyKind::Symbols),
                    _ => None,
                },
                ExprKind::Local(l) => self
                    .locals
                    .iter()
                    .find(|(s, id, _)| *s == self.scope && id == l)
                    .map(|(_, _, k)| *k),
                ExprKind::Assign {
                    value, op: None, ..
                } => self.kind(value),
                _ => None,
            }
        }
        fn keys(&mut self, array: GlobalId, keys: &[Expr]) {
            let counts = matches!(
                self.program.global(array).kind,
                GlobalKind::StatArray { .. }
                    | GlobalKind::Array {
                        value: Type::Long,
                        ..
                    }
            );
            if !counts || self.found.iter().any(|f| f.global == array) {
                return;
            }
            if let Some((position, kind)) = keys
                .iter()
                .enumerate()
                .find_map(|(i, k)| Some((i, self.kind(k)?)))
            {
                self.found.push(StackKeyed {
                    global: array,
                    position,
                    kind,
                });
            }
        }
    }
    impl VisitorMut for Find<'_> {
        fn visit_expr(&mut self, e: &mut Expr) {
            match &e.kind {
                ExprKind::Assign {
                    target: LValue::Local(l),
                    value,
                    op: None,
                } => {
                    if let Some(k) = self.kind(value) {
                        self.locals.push((self.scope, *l, k));
                    }
                }
                ExprKind::Assign {
                    target: LValue::Element { array, keys },
                    ..
                }
                | ExprKind::IncDec {
                    target: LValue::Element { array, keys },
                    ..
                }
                | ExprKind::Aggregate {
                    stat: StatRef::Element { array, keys },
                    ..
                } => {
                    let (array, keys) = (*array, keys.clone());
                    self.keys(array, &keys);
                }
                _ => {}
            }
            walk_expr(self, e);
        }
    }
    let mut find = Find {
        program,
        scope: Scope::Probe(ProbeId(0)),
        locals: Vec::new(),
        found: Vec::new(),
    };
    let mut copy = program.clone();
    for (i, p) in copy.probes.iter_mut().enumerate() {
        find.scope = Scope::Probe(ProbeId(i as u32));
        find.visit_block(&mut p.body);
    }
    for (i, f) in copy.functions.iter_mut().enumerate() {
        find.scope = Scope::Function(FuncId(i as u32));
        if let FunctionBody::Block(b) = &mut f.body {
            find.visit_block(b);
        }
    }
    find.found.sort_by_key(|f| f.global);
    find.found
}
