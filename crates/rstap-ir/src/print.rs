//! The text form of the IR: script-like, fully parenthesised, names resolved, one
//! statement per line. It is stable (snapshot tests and `-p3` depend on it) and never
//! needs the AST.

use std::fmt::Write;

use crate::program::*;

/// The whole program: globals, functions, probes.
pub fn program(p: &Program) -> String {
    let mut out = String::new();
    for g in &p.globals {
        let _ = writeln!(out, "global {}", global_sig(g));
    }
    for (i, f) in p.functions.iter().enumerate() {
        let params: Vec<String> = f.locals[..f.arity.min(f.locals.len())]
            .iter()
            .map(|l| format!("{}:{}", l.name, type_name(l.ty)))
            .collect();
        let _ = write!(
            out,
            "function {}:{} ({})",
            f.name,
            type_name(f.ret),
            params.join(", ")
        );
        if let Some(next) = f.next_overload {
            let _ = write!(out, " /* next: {} #{} */", p.function(next).name, next.0);
        }
        let _ = write!(out, " /* #{i} */");
        match &f.body {
            FunctionBody::Intrinsic(name) => {
                let _ = writeln!(out, " = intrinsic \"{name}\"");
            }
            FunctionBody::Block(b) => {
                out.push(' ');
                let names = Names {
                    program: p,
                    locals: &f.locals,
                };
                names.locals_decl(&mut out, f.arity, 1);
                names.block(&mut out, b, 0);
                out.push('\n');
            }
        }
    }
    for pr in &p.probes {
        let _ = write!(out, "probe {}", pr.pp);
        if pr.pn != pr.pp {
            let _ = write!(out, " /* pn: {} */", pr.pn);
        }
        if let Some(c) = &pr.condition {
            let names = Names {
                program: p,
                locals: &[],
            };
            let _ = write!(out, " if ({})", names.expr(c));
        }
        out.push(' ');
        let names = Names {
            program: p,
            locals: &pr.locals,
        };
        names.locals_decl(&mut out, 0, 1);
        names.block(&mut out, &pr.body, 0);
        out.push('\n');
    }
    out
}

/// `long`, `string`, or `unknown` for [`Type::Void`] (SystemTap's word for "no value").
pub fn type_name(t: Type) -> &'static str {
    match t {
        Type::Long => "long",
        Type::String => "string",
        Type::Void => "unknown",
    }
}

/// SystemTap's global signature: `a[10]:string [long]`, `b:stats`, `w%:long [string]`.
pub fn global_sig(g: &Global) -> String {
    let mut s = g.name.clone();
    if g.wrap {
        s.push('%');
    }
    if let Some(n) = g.max_entries {
        let _ = write!(s, "[{n}]");
    }
    let keys = |keys: &[Type]| {
        keys.iter()
            .map(|k| type_name(*k))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match &g.kind {
        GlobalKind::Scalar(t) => {
            let _ = write!(s, ":{}", type_name(*t));
        }
        GlobalKind::Stat(_) => s.push_str(":stats"),
        GlobalKind::Array { keys: k, value } => {
            let _ = write!(s, ":{} [{}]", type_name(*value), keys(k));
        }
        GlobalKind::StatArray { keys: k, .. } => {
            let _ = write!(s, ":stats [{}]", keys(k));
        }
    }
    if let Some(init) = &g.init {
        let _ = write!(s, " = {}", literal(init));
    }
    s
}

fn literal(l: &Literal) -> String {
    match l {
        Literal::Long(n) => n.to_string(),
        Literal::String(b) => quote(b),
    }
}

/// A string literal with C escapes.
pub fn quote(bytes: &[u8]) -> String {
    let mut s = String::from("\"");
    for &b in bytes {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\t' => s.push_str("\\t"),
            b'\r' => s.push_str("\\r"),
            0x20..=0x7e => s.push(b as char),
            _ => {
                let _ = write!(s, "\\{b:03o}");
            }
        }
    }
    s.push('"');
    s
}

/// Resolves ids to names while printing one body.
pub struct Names<'a> {
    pub program: &'a Program,
    pub locals: &'a [Local],
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

impl Names<'_> {
    fn local(&self, id: LocalId) -> String {
        match self.locals.get(id.0 as usize) {
            Some(l) => l.name.clone(),
            None => format!("<local#{}>", id.0),
        }
    }

    fn global(&self, id: GlobalId) -> String {
        match self.program.globals.get(id.0 as usize) {
            Some(g) => g.name.clone(),
            None => format!("<global#{}>", id.0),
        }
    }

    fn func(&self, id: FuncId) -> String {
        match self.program.functions.get(id.0 as usize) {
            Some(f) => f.name.clone(),
            None => format!("<function#{}>", id.0),
        }
    }

    fn locals_decl(&self, out: &mut String, skip: usize, level: usize) {
        let rest: Vec<String> = self
            .locals
            .iter()
            .skip(skip)
            .map(|l| format!("{}:{}", l.name, type_name(l.ty)))
            .collect();
        if !rest.is_empty() {
            out.push_str("/* locals: ");
            out.push_str(&rest.join(", "));
            out.push_str(" */ ");
        }
        let _ = level;
    }

    /// A block at nesting `level`, starting at the current column.
    pub fn block(&self, out: &mut String, b: &Block, level: usize) {
        out.push_str("{\n");
        for s in &b.stmts {
            indent(out, level + 1);
            self.stmt(out, s, level + 1);
            out.push('\n');
        }
        indent(out, level);
        out.push('}');
    }

    fn stmt(&self, out: &mut String, s: &Stmt, level: usize) {
        match &s.kind {
            StmtKind::Block(b) => self.block(out, b, level),
            StmtKind::Expr(e) => {
                out.push_str(&self.expr(e));
                out.push(';');
            }
            StmtKind::If { cond, then, els } => {
                let _ = write!(out, "if ({}) ", self.expr(cond));
                self.stmt(out, then, level);
                if let Some(e) = els {
                    out.push_str(" else ");
                    self.stmt(out, e, level);
                }
            }
            StmtKind::Loop { cond, step, body } => {
                let c = cond.as_ref().map(|c| self.expr(c)).unwrap_or_default();
                let st = step.as_ref().map(|c| self.expr(c)).unwrap_or_default();
                let _ = write!(out, "for (; {c}; {st}) ");
                self.stmt(out, body, level);
            }
            StmtKind::Foreach(f) => {
                out.push_str("foreach (");
                if let Some(v) = f.value {
                    let _ = write!(out, "{} = ", self.local(v));
                }
                let keys: Vec<String> = f.keys.iter().map(|k| self.local(*k)).collect();
                let _ = write!(out, "[{}] in ", keys.join(", "));
                match &f.source {
                    ForeachSource::Array(g) => out.push_str(&self.global(*g)),
                    ForeachSource::Histogram(h) => out.push_str(&self.histogram(h)),
                }
                if let Some(slice) = &f.slice {
                    let parts: Vec<String> = slice
                        .iter()
                        .map(|e| e.as_ref().map(|e| self.expr(e)).unwrap_or("*".into()))
                        .collect();
                    let _ = write!(out, "[{}]", parts.join(", "));
                }
                if let Some(sort) = &f.sort {
                    let by = match sort.by {
                        SortKey::Key(i) => format!("key{i}"),
                        SortKey::Value => format!("value {}", stat_op(sort.extractor)),
                    };
                    let _ = write!(
                        out,
                        " sort {by} {}",
                        if sort.descending { "-" } else { "+" }
                    );
                }
                if let Some(l) = &f.limit {
                    let _ = write!(out, " limit {}", self.expr(l));
                }
                out.push_str(") ");
                self.stmt(out, &f.body, level);
            }
            StmtKind::Break => out.push_str("break;"),
            StmtKind::Continue => out.push_str("continue;"),
            StmtKind::Next => out.push_str("next;"),
            StmtKind::Return(None) => out.push_str("return;"),
            StmtKind::Return(Some(e)) => {
                let _ = write!(out, "return {};", self.expr(e));
            }
            StmtKind::Delete(t) => {
                let target = match t {
                    DeleteTarget::Global(g) | DeleteTarget::Array(g) => self.global(*g),
                    DeleteTarget::Local(l) => self.local(*l),
                    DeleteTarget::Element { array, keys } => {
                        let ks: Vec<String> = keys
                            .iter()
                            .map(|k| k.as_ref().map(|e| self.expr(e)).unwrap_or("*".into()))
                            .collect();
                        format!("{}[{}]", self.global(*array), ks.join(", "))
                    }
                };
                let _ = write!(out, "delete {target};");
            }
            StmtKind::Try {
                body,
                catch_var,
                catch,
            } => {
                out.push_str("try ");
                self.block(out, body, level);
                out.push_str(" catch");
                if let Some(v) = catch_var {
                    let _ = write!(out, " ({})", self.local(*v));
                }
                out.push(' ');
                self.block(out, catch, level);
            }
        }
    }

    fn keys(&self, keys: &[Expr]) -> String {
        keys.iter()
            .map(|k| self.expr(k))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn stat(&self, s: &StatRef) -> String {
        match s {
            StatRef::Global(g) => self.global(*g),
            StatRef::Element { array, keys } => {
                format!("{}[{}]", self.global(*array), self.keys(keys))
            }
        }
    }

    fn histogram(&self, h: &HistogramRef) -> String {
        match &h.kind {
            HistogramKind::Log => format!("@hist_log({})", self.stat(&h.stat)),
            HistogramKind::Linear(b) => format!(
                "@hist_linear({}, {}, {}, {})",
                self.stat(&h.stat),
                b.start,
                b.stop,
                b.interval
            ),
        }
    }

    fn lvalue(&self, l: &LValue) -> String {
        match l {
            LValue::Local(id) => self.local(*id),
            LValue::Global(g) => self.global(*g),
            LValue::Element { array, keys } => {
                format!("{}[{}]", self.global(*array), self.keys(keys))
            }
        }
    }

    /// One expression, every compound operand in parentheses.
    pub fn expr(&self, e: &Expr) -> String {
        let p = |x: &Expr| {
            let s = self.expr(x);
            if is_atom(x) { s } else { format!("({s})") }
        };
        match &e.kind {
            ExprKind::Long(n) => n.to_string(),
            ExprKind::String(s) => quote(s),
            ExprKind::Local(id) => self.local(*id),
            ExprKind::Global(g) => self.global(*g),
            ExprKind::Element { array, keys } => {
                format!("{}[{}]", self.global(*array), self.keys(keys))
            }
            ExprKind::In { array, keys } => {
                let ks: Vec<String> = keys
                    .iter()
                    .map(|k| k.as_ref().map(|e| self.expr(e)).unwrap_or("*".into()))
                    .collect();
                format!("[{}] in {}", ks.join(", "), self.global(*array))
            }
            ExprKind::Unary { op, operand } => {
                let o = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Not => "!",
                    UnaryOp::BitNot => "~",
                };
                format!("{o}{}", p(operand))
            }
            ExprKind::Binary { op, lhs, rhs } => {
                format!("{} {} {}", p(lhs), binary_op(*op), p(rhs))
            }
            ExprKind::Compare { op, lhs, rhs } => {
                let o = match op {
                    CompareOp::Lt => "<",
                    CompareOp::Le => "<=",
                    CompareOp::Gt => ">",
                    CompareOp::Ge => ">=",
                    CompareOp::Eq => "==",
                    CompareOp::Ne => "!=",
                };
                format!("{} {o} {}", p(lhs), p(rhs))
            }
            ExprKind::Concat { lhs, rhs } => format!("{} . {}", p(lhs), p(rhs)),
            ExprKind::Logical { and, lhs, rhs } => {
                format!("{} {} {}", p(lhs), if *and { "&&" } else { "||" }, p(rhs))
            }
            ExprKind::Ternary { cond, then, els } => {
                format!("{} ? {} : {}", p(cond), p(then), p(els))
            }
            ExprKind::Assign { target, op, value } => {
                let o = match op {
                    None => "=".to_string(),
                    Some(CompoundOp::Concat) => ".=".to_string(),
                    Some(CompoundOp::Arith(b)) => format!("{}=", binary_op(*b)),
                };
                format!("{} {o} {}", self.lvalue(target), p(value))
            }
            ExprKind::IncDec {
                target,
                increment,
                prefix,
            } => {
                let o = if *increment { "++" } else { "--" };
                if *prefix {
                    format!("{o}{}", self.lvalue(target))
                } else {
                    format!("{}{o}", self.lvalue(target))
                }
            }
            ExprKind::Aggregate { stat, value } => {
                format!("{} <<< {}", self.stat(stat), p(value))
            }
            ExprKind::StatGet { op, stat } => format!("{}({})", stat_op(*op), self.stat(stat)),
            ExprKind::HistogramBucket { histogram, index } => {
                format!("{}[{}]", self.histogram(histogram), self.expr(index))
            }
            ExprKind::Regex {
                negated,
                subject,
                pattern,
            } => format!(
                "{} {} {}",
                p(subject),
                if *negated { "!~" } else { "=~" },
                quote(pattern)
            ),
            ExprKind::Call { func, args } => {
                format!("{}({})", self.func(*func), self.keys(args))
            }
            ExprKind::Print { kind, args } => {
                let name = format!(
                    "{}{}{}",
                    if kind.to_string { "s" } else { "" },
                    if kind.char { "print_char" } else { "print" },
                    if kind.newline { "ln" } else { "" }
                );
                let parts: Vec<String> = args
                    .iter()
                    .map(|a| match a {
                        PrintArg::Value(e) => self.expr(e),
                        PrintArg::Histogram(h) => self.histogram(h),
                    })
                    .collect();
                format!("{name}({})", parts.join(", "))
            }
            ExprKind::PrintDelimited {
                kind,
                delimiter,
                args,
            } => {
                let name = format!(
                    "{}printd{}",
                    if kind.to_string { "s" } else { "" },
                    if kind.newline { "ln" } else { "" }
                );
                let mut parts = vec![quote(delimiter)];
                parts.extend(args.iter().map(|a| self.expr(a)));
                format!("{name}({})", parts.join(", "))
            }
            ExprKind::Printf {
                to_string,
                format,
                args,
            } => {
                let mut parts = vec![quote(format)];
                parts.extend(args.iter().map(|a| self.expr(a)));
                format!(
                    "{}printf({})",
                    if *to_string { "s" } else { "" },
                    parts.join(", ")
                )
            }
        }
    }
}

fn is_atom(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Long(_)
            | ExprKind::String(_)
            | ExprKind::Local(_)
            | ExprKind::Global(_)
            | ExprKind::Element { .. }
            | ExprKind::Call { .. }
            | ExprKind::Print { .. }
            | ExprKind::PrintDelimited { .. }
            | ExprKind::Printf { .. }
            | ExprKind::StatGet { .. }
    )
}

fn binary_op(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "*",
        BinaryOp::Div => "/",
        BinaryOp::Mod => "%",
        BinaryOp::Shl => "<<",
        BinaryOp::Shr => ">>",
        BinaryOp::UShr => ">>>",
        BinaryOp::BitAnd => "&",
        BinaryOp::BitOr => "|",
        BinaryOp::BitXor => "^",
    }
}

fn stat_op(op: StatOp) -> &'static str {
    match op {
        StatOp::Count => "@count",
        StatOp::Sum => "@sum",
        StatOp::Min => "@min",
        StatOp::Max => "@max",
        StatOp::Avg => "@avg",
        StatOp::Variance => "@variance",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstap_diag::Span;

    fn e(kind: ExprKind, ty: Type) -> Expr {
        Expr::new(kind, ty, Span::DUMMY)
    }

    #[test]
    fn prints_a_small_program() {
        let x = e(ExprKind::Local(LocalId(0)), Type::Long);
        let prog = Program {
            globals: vec![
                Global {
                    name: "a".into(),
                    kind: GlobalKind::Array {
                        keys: vec![Type::String, Type::Long],
                        value: Type::Long,
                    },
                    init: None,
                    max_entries: Some(10),
                    wrap: false,
                    from_tapset: false,
                    display_at_exit: true,
                    span: Span::DUMMY,
                },
                Global {
                    name: "s".into(),
                    kind: GlobalKind::Stat(StatSpec::default()),
                    init: None,
                    max_entries: None,
                    wrap: false,
                    from_tapset: false,
                    display_at_exit: false,
                    span: Span::DUMMY,
                },
            ],
            functions: vec![Function {
                name: "pid".into(),
                arity: 0,
                locals: vec![],
                ret: Type::Long,
                body: FunctionBody::Intrinsic("pid".into()),
                next_overload: None,
                from_tapset: true,
                span: Span::DUMMY,
            }],
            probes: vec![Probe {
                kind: ProbeKind::Begin(0),
                pp: "begin".into(),
                pn: "begin".into(),
                derivation: vec!["begin".into()],
                locals: vec![Local {
                    name: "x".into(),
                    ty: Type::Long,
                    span: Span::DUMMY,
                }],
                condition: None,
                body: Block {
                    stmts: vec![Stmt {
                        kind: StmtKind::Expr(e(
                            ExprKind::Assign {
                                target: LValue::Local(LocalId(0)),
                                op: None,
                                value: Box::new(e(
                                    ExprKind::Binary {
                                        op: BinaryOp::Add,
                                        lhs: Box::new(e(
                                            ExprKind::Call {
                                                func: FuncId(0),
                                                args: vec![],
                                            },
                                            Type::Long,
                                        )),
                                        rhs: Box::new(x.clone()),
                                    },
                                    Type::Long,
                                )),
                            },
                            Type::Long,
                        )),
                        span: Span::DUMMY,
                    }],
                },
                from_tapset: false,
                span: Span::DUMMY,
            }],
            elided: Vec::new(),
        };
        let text = program(&prog);
        assert_eq!(
            text,
            "global a[10]:long [string, long]\n\
             global s:stats\n\
             function pid:long () /* #0 */ = intrinsic \"pid\"\n\
             probe begin /* locals: x:long */ {\n  x = (pid() + x);\n}\n"
        );
    }

    #[test]
    fn quotes_escapes() {
        assert_eq!(quote(b"a\"b\\\n\x01"), "\"a\\\"b\\\\\\n\\001\"");
    }
}
