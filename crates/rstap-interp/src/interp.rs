//! The evaluator: statements and expressions of the IR with SystemTap's semantics.

use std::collections::HashMap;

use rstap_diag::{SourceMap, Span};
use rstap_ir::{
    BinaryOp, Block, CompareOp, CompoundOp, DeleteTarget, Expr, ExprKind, FuncId, FunctionBody,
    GlobalId, GlobalKind, LValue, PrintArg, PrintKind, Probe, ProbeId, ProbeKind, Program, Stmt,
    StmtKind, Type, UnaryOp,
};

use crate::error::{self, RuntimeError};
use crate::intrinsics::{IntrinsicFn, IntrinsicState};
use crate::limits::Limits;
use crate::output::Output;
use crate::store::{GlobalStore, StoreError};
use crate::value::{Value, truncate_to};

/// How a handler run ends early.
#[derive(Debug)]
pub enum Unwind {
    /// A runtime error; `try`/`catch` can stop it.
    Error(RuntimeError),
    /// `abort()`: leave the handler at once, past any `catch`.
    Abort,
    /// A store failure: the probe run is skipped and counted against MAXSKIPPED.
    Skip(String),
}

pub type Exec<T> = Result<T, Unwind>;

/// Where a statement leaves the enclosing construct.
#[derive(Debug)]
pub enum Flow {
    Normal,
    Break,
    Continue,
    /// `next`, with the span of the statement for `all functions exhausted`.
    Next(Span),
    Return(Value),
}

/// The life cycle of a session, as probes see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    /// begin probes and events run.
    Running,
    /// `exit()` (or `abort()`, a signal, the target's exit) was requested: only end
    /// probes run from now on.
    Stopping,
    /// Too many errors: end probes are skipped, error probes run.
    Error,
}

/// Settings of a session that are not limits.
#[derive(Clone, Debug, Default)]
pub struct InterpOptions {
    /// `--suppress-handler-errors`: an uncaught error silently ends its handler.
    pub suppress_handler_errors: bool,
    /// `target()`: the `-x PID` or the `-c` child.
    pub target: Option<i64>,
    /// Kernel symbols for `symname`, `print_stack` and the display of stack keys,
    /// shared with the live runtime and read on first use.
    pub kernel_symbols: rstap_symbolize::SharedKernelSymbols,
    /// The processes the live runtime recorded: user addresses printed in userspace
    /// probes resolve in the process that maps code there.
    pub user_symbols: rstap_symbolize::SharedProcessSymbols,
}

/// The per-handler-run context.
#[derive(Clone, Debug, Default)]
pub(crate) struct HandlerCtx {
    pub probe: Option<ProbeId>,
    pub actions: u64,
    pub action_limit: u64,
    pub nesting: u64,
}

/// Runs probe handlers of one program against a store and an output.
pub struct Interp<'a> {
    pub(crate) prog: &'a Program,
    pub(crate) sources: &'a SourceMap,
    pub(crate) store: &'a mut dyn GlobalStore,
    pub(crate) out: &'a mut dyn Output,
    pub(crate) limits: Limits,
    pub(crate) options: InterpOptions,
    maxnesting: u64,
    pub(crate) state: RunState,
    errors: u64,
    skipped: u64,
    intrinsics: Vec<Option<IntrinsicFn>>,
    pub(crate) ctx: HandlerCtx,
    pub(crate) extra: IntrinsicState,
    regexes: HashMap<Vec<u8>, Option<regex::bytes::Regex>>,
    /// Per probe: runs, nanoseconds spent and uncaught errors (for `-t`).
    probe_stats: Vec<ProbeStats>,
}

/// What one probe cost in this session (`-t`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProbeStats {
    pub hits: u64,
    pub ns: u64,
    pub errors: u64,
}

impl<'a> Interp<'a> {
    pub fn new(
        prog: &'a Program,
        sources: &'a SourceMap,
        store: &'a mut dyn GlobalStore,
        out: &'a mut dyn Output,
        limits: Limits,
        options: InterpOptions,
    ) -> Interp<'a> {
        let intrinsics = prog
            .functions
            .iter()
            .map(|f| match &f.body {
                FunctionBody::Intrinsic(name) => crate::intrinsics::lookup(name),
                FunctionBody::Block(_) => None,
            })
            .collect();
        let maxnesting = limits
            .maxnesting
            .unwrap_or_else(|| crate::nesting::default_maxnesting(prog));
        Interp {
            prog,
            sources,
            store,
            out,
            limits,
            options,
            maxnesting,
            state: RunState::Running,
            errors: 0,
            skipped: 0,
            intrinsics,
            ctx: HandlerCtx::default(),
            extra: IntrinsicState::new(),
            regexes: HashMap::new(),
            probe_stats: vec![ProbeStats::default(); prog.probes.len()],
        }
    }

    /// The hits, time and errors of every probe run here, indexed by probe.
    pub fn probe_stats(&self) -> &[ProbeStats] {
        &self.probe_stats
    }

    pub fn state(&self) -> RunState {
        self.state
    }

    /// Uncaught errors reported so far.
    pub fn error_count(&self) -> u64 {
        self.errors
    }

    /// Probe runs skipped so far.
    pub fn skipped_count(&self) -> u64 {
        self.skipped
    }

    pub fn program(&self) -> &'a Program {
        self.prog
    }

    /// Asks the session to stop, as `exit()` does.
    pub fn request_exit(&mut self) {
        if self.state == RunState::Running {
            self.state = RunState::Stopping;
        }
    }

    pub fn output(&mut self) -> &mut dyn Output {
        self.out
    }

    pub fn store(&mut self) -> &mut dyn GlobalStore {
        self.store
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Whether a probe of this kind may fire in the current state.
    pub fn may_fire(&self, kind: &ProbeKind) -> bool {
        match kind {
            ProbeKind::Never => false,
            ProbeKind::End(_) => self.state == RunState::Stopping,
            ProbeKind::Error(_) => self.state == RunState::Error,
            _ => self.state == RunState::Running,
        }
    }

    /// Runs one probe handler if the session state lets it fire: checks its condition,
    /// runs the body under MAXACTION, and reports an uncaught error.
    pub fn run_probe(&mut self, id: ProbeId) {
        let probe: &'a Probe = self.prog.probe(id);
        if !self.may_fire(&probe.kind) {
            return;
        }
        let interruptible = matches!(
            probe.kind,
            ProbeKind::Begin(_) | ProbeKind::End(_) | ProbeKind::Error(_) | ProbeKind::Never
        );
        self.ctx = HandlerCtx {
            probe: Some(id),
            actions: 0,
            action_limit: if interruptible {
                self.limits
                    .maxaction_interruptible
                    .unwrap_or(self.limits.maxaction.saturating_mul(10))
            } else {
                self.limits.maxaction
            },
            nesting: 0,
        };
        let mut frame: Vec<Value> = probe
            .locals
            .iter()
            .map(|l| Value::default_for(l.ty))
            .collect();
        let started = std::time::Instant::now();
        let result = (|| -> Exec<()> {
            if let Some(cond) = &probe.condition
                && !self.eval(&mut frame, cond)?.is_true()
            {
                return Ok(());
            }
            self.exec_block(&mut frame, &probe.body)?;
            Ok(())
        })();
        self.ctx.probe = None;
        let stats = &mut self.probe_stats[id.0 as usize];
        stats.hits += 1;
        stats.ns += started.elapsed().as_nanos() as u64;
        if matches!(result, Err(Unwind::Error(_))) {
            stats.errors += 1;
        }
        match result {
            Ok(()) => {}
            Err(Unwind::Error(e)) => self.report_error(&e),
            Err(Unwind::Abort) => self.request_exit(),
            Err(Unwind::Skip(_)) => self.count_skip(),
        }
    }

    /// Counts and prints an uncaught error; past MAXERRORS the session enters the
    /// error state.
    pub fn report_error(&mut self, e: &RuntimeError) {
        if self.options.suppress_handler_errors {
            return;
        }
        let line = e.render(self.sources);
        self.out.flush();
        self.out.err(format!("{line}\n").as_bytes());
        self.errors += 1;
        if self.errors > self.limits.maxerrors {
            self.state = RunState::Error;
        }
    }

    /// Stops the session in error state whatever the error budget: a fatal condition
    /// (probe overhead) that error probes and the final count still report.
    pub fn fail(&mut self, message: &str) {
        self.out.flush();
        self.out.err(format!("ERROR: {message}\n").as_bytes());
        self.errors += 1;
        self.state = RunState::Error;
    }

    /// Counts a skipped probe run; past MAXSKIPPED the session enters the error state.
    pub fn count_skip(&mut self) {
        self.skipped += 1;
        if self.skipped > self.limits.maxskipped {
            self.out.flush();
            self.out.err(
                b"ERROR: Skipped too many probes, check MAXSKIPPED or try again with stap -t for more details.\n",
            );
            self.state = RunState::Error;
        }
    }

    // ---- statements ----------------------------------------------------------------

    pub(crate) fn exec_block(&mut self, frame: &mut Vec<Value>, b: &Block) -> Exec<Flow> {
        for s in &b.stmts {
            match self.exec(frame, s)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn count_action(&mut self, span: Span) -> Exec<()> {
        self.ctx.actions += 1;
        if self.ctx.actions > self.ctx.action_limit {
            return Err(Unwind::Error(RuntimeError::new(
                error::MAXACTION,
                "MAXACTION exceeded",
                span,
            )));
        }
        Ok(())
    }

    pub(crate) fn exec(&mut self, frame: &mut Vec<Value>, s: &Stmt) -> Exec<Flow> {
        if !matches!(s.kind, StmtKind::Block(_)) {
            self.count_action(s.span)?;
        }
        match &s.kind {
            StmtKind::Block(b) => self.exec_block(frame, b),
            StmtKind::Expr(e) => {
                self.eval(frame, e)?;
                Ok(Flow::Normal)
            }
            StmtKind::If { cond, then, els } => {
                if self.eval(frame, cond)?.is_true() {
                    self.exec(frame, then)
                } else if let Some(e) = els {
                    self.exec(frame, e)
                } else {
                    Ok(Flow::Normal)
                }
            }
            StmtKind::Loop { cond, step, body } => {
                loop {
                    if let Some(c) = cond
                        && !self.eval(frame, c)?.is_true()
                    {
                        break;
                    }
                    match self.exec(frame, body)? {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                        other => return Ok(other),
                    }
                    if let Some(st) = step {
                        self.eval(frame, st)?;
                    }
                    // An empty loop body still uses up the handler's budget.
                    self.count_action(s.span)?;
                }
                Ok(Flow::Normal)
            }
            StmtKind::Foreach(f) => self.exec_foreach(frame, f, s.span),
            StmtKind::Break => Ok(Flow::Break),
            StmtKind::Continue => Ok(Flow::Continue),
            StmtKind::Next => Ok(Flow::Next(s.span)),
            StmtKind::Return(e) => {
                let v = match e {
                    Some(e) => self.eval(frame, e)?,
                    None => Value::Long(0),
                };
                Ok(Flow::Return(v))
            }
            StmtKind::Delete(t) => {
                self.exec_delete(frame, t)?;
                Ok(Flow::Normal)
            }
            StmtKind::Try {
                body,
                catch_var,
                catch,
            } => match self.exec_block(frame, body) {
                Err(Unwind::Error(e)) => {
                    if let Some(v) = catch_var {
                        let mut msg = e.message.into_bytes();
                        truncate_to(&mut msg, self.limits.maxstringlen);
                        set_local(frame, *v, Value::Str(msg));
                    }
                    self.exec_block(frame, catch)
                }
                other => other,
            },
        }
    }

    fn exec_delete(&mut self, frame: &mut Vec<Value>, t: &DeleteTarget) -> Exec<()> {
        match t {
            DeleteTarget::Global(g) | DeleteTarget::Array(g) => {
                st_at(self.store.clear(*g), Span::DUMMY)
            }
            DeleteTarget::Local(l) => {
                if let Some(slot) = frame.get_mut(l.0 as usize) {
                    *slot = match slot {
                        Value::Long(_) => Value::Long(0),
                        Value::Str(_) => Value::empty_str(),
                    };
                }
                Ok(())
            }
            DeleteTarget::Element { array, keys } => {
                let pattern = self.eval_pattern(frame, keys)?;
                st_at(self.store.delete_matching(*array, &pattern), Span::DUMMY)
            }
        }
    }

    pub(crate) fn eval_keys(&mut self, frame: &mut Vec<Value>, keys: &[Expr]) -> Exec<Vec<Value>> {
        keys.iter().map(|k| self.eval(frame, k)).collect()
    }

    pub(crate) fn eval_pattern(
        &mut self,
        frame: &mut Vec<Value>,
        keys: &[Option<Expr>],
    ) -> Exec<Vec<Option<Value>>> {
        keys.iter()
            .map(|k| k.as_ref().map(|k| self.eval(frame, k)).transpose())
            .collect()
    }

    /// The value type of a plain array.
    fn element_type(&self, g: GlobalId) -> Type {
        match &self.prog.global(g).kind {
            GlobalKind::Array { value, .. } => *value,
            GlobalKind::Scalar(t) => *t,
            _ => Type::Long,
        }
    }

    // ---- expressions ---------------------------------------------------------------

    pub(crate) fn eval(&mut self, frame: &mut Vec<Value>, e: &Expr) -> Exec<Value> {
        match &e.kind {
            ExprKind::Long(v) => Ok(Value::Long(*v)),
            ExprKind::String(s) => Ok(Value::Str(s.clone())),
            ExprKind::Local(l) => Ok(frame
                .get(l.0 as usize)
                .cloned()
                .unwrap_or_else(|| Value::default_for(e.ty))),
            ExprKind::Global(g) => st_at(self.store.scalar(*g), e.span),
            ExprKind::Element { array, keys } => {
                let key = self.eval_keys(frame, keys)?;
                let v = st_at(self.store.element(*array, &key), e.span)?;
                Ok(v.unwrap_or_else(|| Value::default_for(self.element_type(*array))))
            }
            ExprKind::In { array, keys } => {
                let pattern = self.eval_pattern(frame, keys)?;
                let found = st_at(self.store.contains(*array, &pattern), e.span)?;
                Ok(Value::Long(found as i64))
            }
            ExprKind::Unary { op, operand } => {
                let v = self.eval(frame, operand)?.as_long();
                Ok(Value::Long(match op {
                    UnaryOp::Neg => v.wrapping_neg(),
                    UnaryOp::Not => (v == 0) as i64,
                    UnaryOp::BitNot => !v,
                }))
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let a = self.eval(frame, lhs)?.as_long();
                let b = self.eval(frame, rhs)?.as_long();
                arith(*op, a, b, e.span).map(Value::Long)
            }
            ExprKind::Compare { op, lhs, rhs } => {
                let a = self.eval(frame, lhs)?;
                let b = self.eval(frame, rhs)?;
                let ord = match (&a, &b) {
                    (Value::Long(x), Value::Long(y)) => x.cmp(y),
                    _ => a.as_bytes().cmp(b.as_bytes()),
                };
                let r = match op {
                    CompareOp::Lt => ord.is_lt(),
                    CompareOp::Le => ord.is_le(),
                    CompareOp::Gt => ord.is_gt(),
                    CompareOp::Ge => ord.is_ge(),
                    CompareOp::Eq => ord.is_eq(),
                    CompareOp::Ne => ord.is_ne(),
                };
                Ok(Value::Long(r as i64))
            }
            ExprKind::Concat { lhs, rhs } => {
                let a = self.eval(frame, lhs)?;
                let b = self.eval(frame, rhs)?;
                Ok(self.concat(a, &b))
            }
            ExprKind::Logical { and, lhs, rhs } => {
                let a = self.eval(frame, lhs)?.is_true();
                let r = if *and {
                    a && self.eval(frame, rhs)?.is_true()
                } else {
                    a || self.eval(frame, rhs)?.is_true()
                };
                Ok(Value::Long(r as i64))
            }
            ExprKind::Ternary { cond, then, els } => {
                if self.eval(frame, cond)?.is_true() {
                    self.eval(frame, then)
                } else {
                    self.eval(frame, els)
                }
            }
            ExprKind::Assign { target, op, value } => {
                self.eval_assign(frame, target, *op, value, e.span)
            }
            ExprKind::IncDec {
                target,
                increment,
                prefix,
            } => {
                let keys = self.lvalue_keys(frame, target)?;
                let old = self.read_lvalue(frame, target, &keys, e.span)?.as_long();
                let new = if *increment {
                    old.wrapping_add(1)
                } else {
                    old.wrapping_sub(1)
                };
                self.write_lvalue(frame, target, &keys, Value::Long(new), e.span)?;
                Ok(Value::Long(if *prefix { new } else { old }))
            }
            ExprKind::Aggregate { stat, value } => {
                let (g, key) = self.stat_ref(frame, stat)?;
                let v = self.eval(frame, value)?.as_long();
                st_at(self.store.aggregate(g, &key, v), e.span)?;
                Ok(Value::Long(v))
            }
            ExprKind::StatGet { op, stat } => self.eval_stat_get(frame, *op, stat, e.span),
            ExprKind::HistogramBucket { histogram, index } => {
                self.eval_hist_bucket(frame, histogram, index, e.span)
            }
            ExprKind::Regex {
                negated,
                subject,
                pattern,
            } => {
                let s = self.eval(frame, subject)?;
                let m = self.regex_match(s.as_bytes(), pattern, e.span)?;
                Ok(Value::Long((m != *negated) as i64))
            }
            ExprKind::Call { func, args } => {
                let vals = args
                    .iter()
                    .map(|a| self.eval(frame, a))
                    .collect::<Exec<Vec<_>>>()?;
                self.call(*func, vals, e.span)
            }
            ExprKind::Print { kind, args } => self.eval_print(frame, *kind, args, e.span),
            ExprKind::PrintDelimited {
                kind,
                delimiter,
                args,
            } => {
                let mut buf = Vec::new();
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        buf.extend_from_slice(delimiter);
                    }
                    let v = self.eval(frame, a)?;
                    append_value(&mut buf, &v);
                }
                self.emit(*kind, buf)
            }
            ExprKind::Printf {
                to_string,
                format,
                args,
            } => {
                let vals = args
                    .iter()
                    .map(|a| self.eval(frame, a))
                    .collect::<Exec<Vec<_>>>()?;
                let buf = self.printf(format, &vals, e.span)?;
                self.emit(
                    PrintKind {
                        to_string: *to_string,
                        newline: false,
                        char: false,
                    },
                    buf,
                )
            }
        }
    }

    /// `a . b`, truncated to MAXSTRINGLEN.
    pub(crate) fn concat(&self, a: Value, b: &Value) -> Value {
        let mut s = a.into_bytes();
        s.extend_from_slice(b.as_bytes());
        truncate_to(&mut s, self.limits.maxstringlen);
        Value::Str(s)
    }

    /// A string result cut to MAXSTRINGLEN.
    pub(crate) fn string(&self, mut s: Vec<u8>) -> Value {
        truncate_to(&mut s, self.limits.maxstringlen);
        Value::Str(s)
    }

    /// Sends printed bytes to the output, or returns them for the `s` forms.
    fn emit(&mut self, kind: PrintKind, mut buf: Vec<u8>) -> Exec<Value> {
        if kind.newline {
            buf.push(b'\n');
        }
        if kind.to_string {
            Ok(self.string(buf))
        } else {
            self.out.out(&buf);
            Ok(Value::Long(0))
        }
    }

    fn eval_print(
        &mut self,
        frame: &mut Vec<Value>,
        kind: PrintKind,
        args: &[PrintArg],
        span: Span,
    ) -> Exec<Value> {
        let mut buf = Vec::new();
        for a in args {
            match a {
                PrintArg::Value(e) => {
                    let v = self.eval(frame, e)?;
                    if kind.char {
                        buf.push(v.as_long() as u8);
                    } else {
                        append_value(&mut buf, &v);
                    }
                }
                PrintArg::Histogram(h) => {
                    let text = self.render_histogram(frame, h, span)?;
                    buf.extend_from_slice(&text);
                }
            }
        }
        self.emit(kind, buf)
    }

    fn lvalue_keys(&mut self, frame: &mut Vec<Value>, target: &LValue) -> Exec<Vec<Value>> {
        match target {
            LValue::Element { keys, .. } => self.eval_keys(frame, keys),
            _ => Ok(Vec::new()),
        }
    }

    fn read_lvalue(
        &mut self,
        frame: &[Value],
        target: &LValue,
        keys: &[Value],
        span: Span,
    ) -> Exec<Value> {
        match target {
            LValue::Local(l) => Ok(frame.get(l.0 as usize).cloned().unwrap_or(Value::Long(0))),
            LValue::Global(g) => st_at(self.store.scalar(*g), span),
            LValue::Element { array, .. } => {
                let v = st_at(self.store.element(*array, keys), span)?;
                Ok(v.unwrap_or_else(|| Value::default_for(self.element_type(*array))))
            }
        }
    }

    fn write_lvalue(
        &mut self,
        frame: &mut [Value],
        target: &LValue,
        keys: &[Value],
        v: Value,
        span: Span,
    ) -> Exec<()> {
        match target {
            LValue::Local(l) => {
                set_local(frame, *l, v);
                Ok(())
            }
            LValue::Global(g) => st_at(self.store.set_scalar(*g, v), span),
            LValue::Element { array, .. } => st_at(self.store.set_element(*array, keys, v), span),
        }
    }

    fn eval_assign(
        &mut self,
        frame: &mut Vec<Value>,
        target: &LValue,
        op: Option<CompoundOp>,
        value: &Expr,
        span: Span,
    ) -> Exec<Value> {
        let keys = self.lvalue_keys(frame, target)?;
        let rhs = self.eval(frame, value)?;
        let new = match op {
            None => rhs,
            Some(op) => {
                let old = self.read_lvalue(frame, target, &keys, span)?;
                match op {
                    CompoundOp::Concat => self.concat(old, &rhs),
                    CompoundOp::Arith(b) => {
                        Value::Long(arith(b, old.as_long(), rhs.as_long(), span)?)
                    }
                }
            }
        };
        self.write_lvalue(frame, target, &keys, new.clone(), span)?;
        Ok(new)
    }

    // ---- calls ---------------------------------------------------------------------

    /// Calls a function with evaluated arguments, following `next` through overloads.
    pub(crate) fn call(&mut self, func: FuncId, args: Vec<Value>, span: Span) -> Exec<Value> {
        let mut fid = func;
        loop {
            let f = self.prog.function(fid);
            let body = match &f.body {
                FunctionBody::Intrinsic(name) => {
                    let imp = self.intrinsics.get(fid.0 as usize).copied().flatten();
                    return match imp {
                        Some(imp) => imp(self, &args, span),
                        None => Err(Unwind::Error(RuntimeError::new(
                            error::BAD_ARGUMENT,
                            format!("function '{name}' is not available in userspace probes"),
                            span,
                        ))),
                    };
                }
                FunctionBody::Block(b) => b,
            };
            if self.ctx.nesting + 1 > self.maxnesting {
                return Err(Unwind::Error(RuntimeError::new(
                    error::MAXNESTING,
                    "MAXNESTING exceeded",
                    span,
                )));
            }
            let mut frame: Vec<Value> = f.locals.iter().map(|l| Value::default_for(l.ty)).collect();
            for (slot, a) in frame.iter_mut().zip(args.iter()).take(f.arity) {
                *slot = a.clone();
            }
            self.ctx.nesting += 1;
            let r = self.exec_block(&mut frame, body);
            self.ctx.nesting -= 1;
            match r? {
                Flow::Return(v) => {
                    return Ok(match v {
                        Value::Str(s) => self.string(s),
                        v => v,
                    });
                }
                Flow::Next(at) => match f.next_overload {
                    Some(n) => fid = n,
                    None => {
                        return Err(Unwind::Error(RuntimeError::new(
                            error::FUNCTIONS_EXHAUSTED,
                            "all functions exhausted",
                            at,
                        )));
                    }
                },
                _ => return Ok(Value::default_for(f.ret)),
            }
        }
    }

    // ---- regular expressions -------------------------------------------------------

    fn regex_match(&mut self, subject: &[u8], pattern: &[u8], span: Span) -> Exec<bool> {
        if !self.regexes.contains_key(pattern) {
            let compiled = std::str::from_utf8(pattern)
                .ok()
                .and_then(|p| regex::bytes::Regex::new(p).ok());
            self.regexes.insert(pattern.to_vec(), compiled);
        }
        let Some(Some(re)) = self.regexes.get(pattern) else {
            return Err(Unwind::Error(RuntimeError::new(
                error::BAD_ARGUMENT,
                format!(
                    "invalid regular expression '{}'",
                    String::from_utf8_lossy(pattern)
                ),
                span,
            )));
        };
        match re.captures(subject) {
            Some(c) => {
                self.extra.last_match =
                    c.iter().map(|m| m.map(|m| m.as_bytes().to_vec())).collect();
                Ok(true)
            }
            None => {
                self.extra.last_match.clear();
                Ok(false)
            }
        }
    }
}

fn set_local(frame: &mut [Value], l: rstap_ir::LocalId, v: Value) {
    if let Some(slot) = frame.get_mut(l.0 as usize) {
        *slot = v;
    }
}

/// `print` of a value: longs in decimal, strings as they are.
pub(crate) fn append_value(buf: &mut Vec<u8>, v: &Value) {
    match v {
        Value::Long(n) => buf.extend_from_slice(n.to_string().as_bytes()),
        Value::Str(s) => buf.extend_from_slice(s),
    }
}

/// Long arithmetic: wrapping, truncating division, shift counts masked to 0..63.
pub fn arith(op: BinaryOp, a: i64, b: i64, span: Span) -> Exec<i64> {
    Ok(match op {
        BinaryOp::Add => a.wrapping_add(b),
        BinaryOp::Sub => a.wrapping_sub(b),
        BinaryOp::Mul => a.wrapping_mul(b),
        BinaryOp::Div | BinaryOp::Mod if b == 0 => {
            return Err(Unwind::Error(RuntimeError::new(
                error::DIVISION_BY_ZERO,
                "division by 0",
                span,
            )));
        }
        BinaryOp::Div => a.wrapping_div(b),
        BinaryOp::Mod => a.wrapping_rem(b),
        BinaryOp::Shl => a.wrapping_shl((b & 63) as u32),
        BinaryOp::Shr => a >> (b & 63),
        BinaryOp::UShr => ((a as u64) >> (b & 63)) as i64,
        BinaryOp::BitAnd => a & b,
        BinaryOp::BitOr => a | b,
        BinaryOp::BitXor => a ^ b,
    })
}

/// Converts a store failure into the matching unwind.
pub(crate) fn store_err(e: StoreError, span: Span) -> Unwind {
    match e {
        StoreError::Overflow { .. } => {
            Unwind::Error(RuntimeError::new(error::ARRAY_OVERFLOW, e.message(), span))
        }
        StoreError::Failed(m) => Unwind::Skip(m),
    }
}

pub(crate) fn st_at<T>(r: Result<T, StoreError>, span: Span) -> Exec<T> {
    r.map_err(|e| store_err(e, span))
}
