//! The `-p1` printer: a canonical, fully parenthesised form that parses back to the same
//! AST (the round-trip property test in `tests/roundtrip.rs` holds it to that).

use std::fmt::Write;

use crate::ast::*;

/// A string literal with SystemTap's escapes, quotes included.
pub fn quote(bytes: &[u8]) -> String {
    let mut s = String::from("\"");
    for &b in bytes {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\t' => s.push_str("\\t"),
            b'\r' => s.push_str("\\r"),
            7 => s.push_str("\\a"),
            8 => s.push_str("\\b"),
            11 => s.push_str("\\v"),
            12 => s.push_str("\\f"),
            0x20..=0x7e => s.push(b as char),
            _ => {
                let _ = write!(s, "\\{b:03o}");
            }
        }
    }
    s.push('"');
    s
}

fn number(n: i64) -> String {
    // A negative value can only come from wrapping; print the unsigned form so it lexes back.
    if n < 0 {
        (n as u64).to_string()
    } else {
        n.to_string()
    }
}

/// Literals in probe-point parameters and global initialisers accept a leading `-`.
pub fn literal(l: &Literal) -> String {
    match l {
        Literal::Number(n) => n.to_string(),
        Literal::String(s) => quote(s),
    }
}

pub fn probe_point(p: &ProbePoint) -> String {
    let mut s = String::new();
    for (i, c) in p.components.iter().enumerate() {
        if i > 0 {
            s.push('.');
        }
        s.push_str(&c.name);
        if let Some(a) = &c.arg {
            let _ = write!(s, "({})", literal(a));
        }
    }
    if p.sufficient {
        s.push('!');
    } else if p.optional {
        s.push('?');
    }
    if let Some(c) = &p.condition {
        let _ = write!(s, " if ({})", expr(c));
    }
    s
}

fn binary_op(op: BinaryOp) -> &'static str {
    use BinaryOp::*;
    match op {
        Add => "+",
        Sub => "-",
        Mul => "*",
        Div => "/",
        Mod => "%",
        Shl => "<<",
        Shr => ">>",
        UShr => ">>>",
        BitAnd => "&",
        BitOr => "|",
        BitXor => "^",
        And => "&&",
        Or => "||",
        Lt => "<",
        Le => "<=",
        Gt => ">",
        Ge => ">=",
        Eq => "==",
        Ne => "!=",
        Concat => ".",
    }
}

/// Precedence level of a binary operator (all comparisons share one).
fn level(op: BinaryOp) -> u8 {
    use BinaryOp::*;
    match op {
        Or => 3,
        And => 4,
        BitOr => 5,
        BitXor => 6,
        BitAnd => 7,
        Lt | Le | Gt | Ge | Eq | Ne => 9,
        Shl | Shr | UShr => 10,
        Concat => 11,
        Add | Sub => 12,
        Mul | Div | Mod => 13,
    }
}

fn assign_op(op: AssignOp) -> &'static str {
    use AssignOp::*;
    match op {
        Assign => "=",
        Add => "+=",
        Sub => "-=",
        Mul => "*=",
        Div => "/=",
        Mod => "%=",
        Shl => "<<=",
        Shr => ">>=",
        BitAnd => "&=",
        BitXor => "^=",
        BitOr => "|=",
        Concat => ".=",
        Aggregate => "<<<",
    }
}

pub fn stat_op(op: StatOp) -> &'static str {
    match op {
        StatOp::Count => "@count",
        StatOp::Sum => "@sum",
        StatOp::Min => "@min",
        StatOp::Max => "@max",
        StatOp::Avg => "@avg",
        StatOp::Variance => "@variance",
    }
}

pub fn print_name(k: &PrintKind) -> String {
    if k.char {
        return "print_char".into();
    }
    let mut s = String::new();
    if k.to_string {
        s.push('s');
    }
    s.push_str("print");
    if k.format {
        s.push('f');
    }
    if k.delimited {
        s.push('d');
    }
    if k.newline {
        s.push_str("ln");
    }
    s
}

fn list(items: &[Expr]) -> String {
    items.iter().map(expr).collect::<Vec<_>>().join(", ")
}

fn path(p: &TargetPath, base: String) -> String {
    let mut s = String::new();
    if p.address_of {
        s.push('&');
    }
    s.push_str(&base);
    for step in &p.steps {
        match step {
            TargetStep::Member(m) => {
                let _ = write!(s, "->{}", m.name);
            }
            TargetStep::Index(i) => {
                let _ = write!(s, "[{}]", expr(i));
            }
        }
    }
    match p.pretty {
        Some(Pretty::Shallow) => s.push('$'),
        Some(Pretty::Deep) => s.push_str("$$"),
        None => {}
    }
    s
}

/// An expression in canonical form.
pub fn expr(e: &Expr) -> String {
    let p = |e: &Expr| format!("({})", expr(e));
    match &e.kind {
        ExprKind::Literal(Literal::Number(n)) => number(*n),
        ExprKind::Literal(Literal::String(s)) => quote(s),
        ExprKind::Symbol(i) => i.name.clone(),
        ExprKind::Index { array, indices } => format!("{}[{}]", array.name, list(indices)),
        ExprKind::Wildcard => "*".into(),
        ExprKind::Unary { op, operand } => {
            let o = match op {
                UnaryOp::Plus => "+",
                UnaryOp::Neg => "-",
                UnaryOp::Not => "!",
                UnaryOp::BitNot => "~",
            };
            // A unary chain prints without nested parentheses (`- -(x)`), so the
            // printed form nests no deeper than the source did.
            if matches!(operand.kind, ExprKind::Unary { .. }) {
                format!("{o} {}", expr(operand))
            } else {
                format!("{o}{}", p(operand))
            }
        }
        ExprKind::Binary { op, lhs, rhs } => {
            // Left-associative chains of one precedence level print flat:
            // `(a) + (b) + (c)` parses back to the same left-leaning tree.
            let left = match &lhs.kind {
                ExprKind::Binary { op: inner, .. } if level(*inner) == level(*op) => expr(lhs),
                _ => p(lhs),
            };
            format!("{left} {} {}", binary_op(*op), p(rhs))
        }
        ExprKind::Regex {
            negated,
            subject,
            pattern,
        } => {
            format!(
                "{} {} {}",
                p(subject),
                if *negated { "!~" } else { "=~" },
                quote(pattern)
            )
        }
        ExprKind::Ternary { cond, then, els } => {
            // Right-associative: an else-chain prints flat.
            let e = if matches!(els.kind, ExprKind::Ternary { .. }) {
                expr(els)
            } else {
                p(els)
            };
            format!("{} ? {} : {e}", p(cond), p(then))
        }
        ExprKind::Assign { op, target, value } => {
            let v = if matches!(value.kind, ExprKind::Assign { .. }) {
                expr(value)
            } else {
                p(value)
            };
            format!("{} {} {v}", p(target), assign_op(*op))
        }
        ExprKind::IncDec {
            increment,
            prefix,
            operand,
        } => {
            let o = if *increment { "++" } else { "--" };
            if *prefix {
                format!("{o}{}", p(operand))
            } else {
                format!("{}{o}", p(operand))
            }
        }
        ExprKind::In { keys, array } => format!("[{}] in {}", list(keys), array.name),
        ExprKind::Call { name, args } => format!("{}({})", name.name, list(args)),
        ExprKind::Print { kind, args } => format!("{}({})", print_name(kind), list(args)),
        ExprKind::Stat { op, operand, shift } => match shift {
            Some(s) => format!("{}({}, {s})", stat_op(*op), expr(operand)),
            None => format!("{}({})", stat_op(*op), expr(operand)),
        },
        ExprKind::Histogram { kind, operand } => match kind {
            HistKind::Log => format!("@hist_log({})", expr(operand)),
            HistKind::Linear {
                start,
                stop,
                interval,
            } => {
                format!(
                    "@hist_linear({}, {start}, {stop}, {interval})",
                    expr(operand)
                )
            }
        },
        ExprKind::HistogramIndex { histogram, index } => {
            format!("{}[{}]", expr(histogram), expr(index))
        }
        ExprKind::Target { name, path: tp } => path(tp, name.clone()),
        ExprKind::Cast {
            operand,
            type_name,
            module,
            path: tp,
        } => {
            let m = module
                .as_ref()
                .map(|m| format!(", {}", quote(m.as_bytes())))
                .unwrap_or_default();
            path(
                tp,
                format!(
                    "@cast({}, {}{m})",
                    expr(operand),
                    quote(type_name.as_bytes())
                ),
            )
        }
        ExprKind::AtVar {
            name,
            module,
            path: tp,
        } => {
            let m = module
                .as_ref()
                .map(|m| format!(", {}", quote(m.as_bytes())))
                .unwrap_or_default();
            path(tp, format!("@var({}{m})", quote(name.as_bytes())))
        }
        ExprKind::Defined(x) => format!("@defined({})", expr(x)),
        ExprKind::Entry(x) => format!("@entry({})", expr(x)),
        ExprKind::ProbeWrite(i) => format!("@probewrite({})", i.name),
        ExprKind::Perf(s) => format!("@perf({})", quote(s.as_bytes())),
        ExprKind::Const(s) => format!("@const({})", quote(s.as_bytes())),
        ExprKind::Register { user, number } => {
            format!(
                "@{}register({})",
                if *user { "u" } else { "k" },
                expr(number)
            )
        }
        ExprKind::Deref { user, size, addr } => {
            format!(
                "@{}deref({size}, {})",
                if *user { "u" } else { "k" },
                expr(addr)
            )
        }
        ExprKind::Embedded(e) => format!("%{{{}%}}", e.code),
    }
}

struct Printer {
    out: String,
    indent: usize,
}

impl Printer {
    fn line(&mut self, s: &str) {
        for _ in 0..self.indent {
            self.out.push_str("  ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn block(&mut self, b: &Block) {
        self.line("{");
        self.indent += 1;
        for s in &b.stmts {
            self.stmt(s);
        }
        self.indent -= 1;
        self.line("}");
    }

    /// A statement used as the body of if/while/for/foreach.
    fn body(&mut self, s: &Stmt) {
        if let StmtKind::Block(b) = &s.kind {
            self.block(b);
        } else {
            self.indent += 1;
            self.stmt(s);
            self.indent -= 1;
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Null => self.line(";"),
            StmtKind::Block(b) => self.block(b),
            StmtKind::Expr(e) => self.line(&format!("{};", expr(e))),
            StmtKind::If { cond, then, els } => {
                self.line(&format!("if ({})", expr(cond)));
                self.body(then);
                if let Some(e) = els {
                    self.line("else");
                    self.body(e);
                }
            }
            StmtKind::While { cond, body } => {
                self.line(&format!("while ({})", expr(cond)));
                self.body(body);
            }
            StmtKind::For {
                init,
                cond,
                step,
                body,
            } => {
                let o = |e: &Option<Expr>| e.as_ref().map(expr).unwrap_or_default();
                self.line(&format!("for ({}; {}; {})", o(init), o(cond), o(step)));
                self.body(body);
            }
            StmtKind::Foreach(f) => {
                self.line(&format!("foreach ({})", foreach_head(f)));
                self.body(&f.body);
            }
            StmtKind::Break => self.line("break;"),
            StmtKind::Continue => self.line("continue;"),
            StmtKind::Next => self.line("next;"),
            StmtKind::Return(None) => self.line("return;"),
            StmtKind::Return(Some(e)) => self.line(&format!("return {};", expr(e))),
            StmtKind::Delete(e) => self.line(&format!("delete {};", expr(e))),
            StmtKind::Try {
                body,
                catch_var,
                catch,
            } => {
                self.line("try");
                self.block(body);
                match catch_var {
                    Some(v) => self.line(&format!("catch ({})", v.name)),
                    None => self.line("catch"),
                }
                self.block(catch);
            }
            StmtKind::Embedded(e) => self.line(&format!("%{{{}%}}", e.code)),
        }
    }
}

fn sign(desc: bool) -> &'static str {
    if desc { "-" } else { "+" }
}

fn foreach_head(f: &Foreach) -> String {
    let mut s = String::new();
    let sort = f.sort;
    if let Some(v) = &f.value {
        s.push_str(&v.name);
        if let Some(so) = sort.filter(|so| so.on_value_var) {
            s.push_str(sign(so.descending));
        }
        s.push_str(" = ");
    }
    let keys: Vec<String> = f
        .keys
        .iter()
        .enumerate()
        .map(|(i, k)| match sort {
            Some(so) if so.target == SortTarget::Key(i) => {
                format!("{}{}", k.name, sign(so.descending))
            }
            _ => k.name.clone(),
        })
        .collect();
    if f.bracketed_keys || keys.len() != 1 {
        let _ = write!(s, "[{}]", keys.join(", "));
    } else {
        s.push_str(&keys[0]);
    }
    s.push_str(" in ");
    match &f.source {
        ForeachSource::Array(a) => s.push_str(&a.name),
        ForeachSource::Histogram(h) => s.push_str(&expr(h)),
    }
    if let Some(so) = sort.filter(|so| so.target == SortTarget::Value && !so.on_value_var) {
        if let Some(x) = so.extractor {
            let _ = write!(s, " {}", stat_op(x));
        }
        s.push_str(sign(so.descending));
    }
    if let Some(sl) = &f.slice {
        let parts: Vec<String> = sl
            .iter()
            .map(|e| e.as_ref().map(expr).unwrap_or_else(|| "*".into()))
            .collect();
        let _ = write!(s, "[{}]", parts.join(", "));
    }
    if let Some(l) = &f.limit {
        let _ = write!(s, " limit {}", expr(l));
    }
    s
}

fn type_suffix(t: Option<TypeName>) -> &'static str {
    match t {
        Some(TypeName::Long) => ":long",
        Some(TypeName::String) => ":string",
        None => "",
    }
}

/// The whole script in canonical form, headed `# file NAME`.
pub fn script(name: &str, s: &Script) -> String {
    let mut p = Printer {
        out: String::new(),
        indent: 0,
    };
    p.out.push_str(&format!("# file {name}\n"));
    for item in &s.items {
        match item {
            Item::Probe(pr) => {
                let pts: Vec<String> = pr.points.iter().map(probe_point).collect();
                p.line(&format!("probe {}", pts.join(", ")));
                p.block(&pr.body);
            }
            Item::Alias(a) => {
                let names: Vec<String> = a.names.iter().map(probe_point).collect();
                let pts: Vec<String> = a.points.iter().map(probe_point).collect();
                let op = match a.kind {
                    AliasKind::Prologue => "=",
                    AliasKind::Epilogue => "+=",
                };
                p.line(&format!(
                    "probe {} {op} {}",
                    names.join(", "),
                    pts.join(", ")
                ));
                p.block(&a.body);
                if let Some(e) = &a.epilogue {
                    p.line(",");
                    p.block(e);
                }
            }
            Item::Global(g) => {
                let mut s = String::new();
                if g.private {
                    s.push_str("private ");
                }
                let _ = write!(s, "global {}", g.name.name);
                if g.wrap {
                    s.push('%');
                }
                if let Some(n) = g.size {
                    let _ = write!(s, "[{n}]");
                }
                if let Some(i) = &g.init {
                    let _ = write!(s, " = {}", literal(i));
                }
                p.line(&s);
            }
            Item::Function(f) => {
                let params: Vec<String> = f
                    .params
                    .iter()
                    .map(|x| format!("{}{}", x.name.name, type_suffix(x.ty)))
                    .collect();
                let mut head = String::new();
                if f.private {
                    head.push_str("private ");
                }
                let _ = write!(
                    head,
                    "function {}{} ({})",
                    f.name.name,
                    type_suffix(f.ret),
                    params.join(", ")
                );
                if let Some(pr) = f.priority {
                    let _ = write!(head, " :{pr}");
                }
                p.line(&head);
                match &f.body {
                    FunctionBody::Block(b) => p.block(b),
                    FunctionBody::Embedded(e) => p.line(&format!("%{{{}%}}", e.code)),
                }
            }
            Item::Embedded(e) => p.line(&format!("%{{{}%}}", e.code)),
        }
    }
    p.out
}
