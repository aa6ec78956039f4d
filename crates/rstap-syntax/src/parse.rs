//! The parser: tokens to the AST of [`crate::ast`] (reference §1.3–§1.7).
//!
//! Total by construction: every error is recorded, the parser skips to the next top-level
//! keyword and carries on, and nothing indexes past the token vector (the last token is
//! always `Eof`, and `peek` clamps to it).

use rstap_diag::{Code, Diagnostic, FileId, Span, Stage};

use crate::ast::*;
use crate::format::validate_format;
use crate::token::{KEYWORDS, TokKind, Token};

pub const E_SYNTAX: Code = Code("P0001");
pub const E_TOP: Code = Code("P0002");
pub const E_EMBEDDED: Code = Code("P0003");
pub const E_EMBEDDED_GURU: Code = Code("P0004");
pub const E_SUFFIX: Code = Code("P0005");
pub const E_ALIAS: Code = Code("P0006");
pub const E_GLOBAL: Code = Code("P0007");
pub const E_FUNCTION: Code = Code("P0008");
pub const E_RETURN: Code = Code("P0009");
pub const E_FOREACH_SORT: Code = Code("P0010");
pub const E_PRINT: Code = Code("P0011");
pub const E_FORMAT: Code = Code("P0012");
pub const E_AT_OPERATOR: Code = Code("P0013");
pub const E_GURU: Code = Code("P0014");
pub const E_REGEX: Code = Code("P0015");

/// Maximum expression/statement nesting, so hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 100;

struct Bail;
type PResult<T> = Result<T, Bail>;

pub struct Parser<'a> {
    toks: &'a [Token],
    pos: usize,
    file: FileId,
    guru: bool,
    is_tapset: bool,
    in_function: bool,
    depth: usize,
    pub diags: Vec<Diagnostic>,
}

fn is_print_name(name: &str) -> Option<crate::ast::PrintKind> {
    let (to_string, rest) = match name.strip_prefix('s') {
        Some(r) if r.starts_with("print") => (true, r),
        _ => (false, name),
    };
    if rest == "print_char" {
        return (!to_string).then_some(PrintKind {
            to_string: false,
            format: false,
            delimited: false,
            newline: false,
            char: true,
        });
    }
    let rest = rest.strip_prefix("print")?;
    let (format, delimited, newline) = match rest {
        "" => (false, false, false),
        "ln" => (false, false, true),
        "d" => (false, true, false),
        "dln" => (false, true, true),
        "f" => (true, false, false),
        _ => return None,
    };
    Some(PrintKind {
        to_string,
        format,
        delimited,
        newline,
        char: false,
    })
}

fn stat_op(name: &str) -> Option<StatOp> {
    Some(match name {
        "@count" => StatOp::Count,
        "@sum" => StatOp::Sum,
        "@min" => StatOp::Min,
        "@max" => StatOp::Max,
        "@avg" => StatOp::Avg,
        "@variance" => StatOp::Variance,
        _ => return None,
    })
}

fn assign_op(op: &str) -> Option<AssignOp> {
    Some(match op {
        "=" => AssignOp::Assign,
        "+=" => AssignOp::Add,
        "-=" => AssignOp::Sub,
        "*=" => AssignOp::Mul,
        "/=" => AssignOp::Div,
        "%=" => AssignOp::Mod,
        "<<=" => AssignOp::Shl,
        ">>=" => AssignOp::Shr,
        "&=" => AssignOp::BitAnd,
        "^=" => AssignOp::BitXor,
        "|=" => AssignOp::BitOr,
        ".=" => AssignOp::Concat,
        "<<<" => AssignOp::Aggregate,
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    pub fn new(toks: &'a [Token], file: FileId, guru: bool, is_tapset: bool) -> Parser<'a> {
        Parser {
            toks,
            pos: 0,
            file,
            guru,
            is_tapset,
            in_function: false,
            depth: 0,
            diags: Vec::new(),
        }
    }

    // ---- token access -------------------------------------------------------------

    fn peek(&self) -> &'a Token {
        self.peek_at(0)
    }

    fn peek_at(&self, n: usize) -> &'a Token {
        let last = self.toks.len().saturating_sub(1);
        &self.toks[(self.pos + n).min(last)]
    }

    fn bump(&mut self) -> &'a Token {
        let t = self.peek();
        if t.kind != TokKind::Eof {
            self.pos += 1;
        }
        t
    }

    fn at_op(&self, op: &str) -> bool {
        self.peek().is_op(op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        self.peek().is_keyword(kw)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn error_at(&mut self, code: Code, msg: impl Into<String>, tok: &Token) {
        let label = format!("saw {}", tok.describe());
        self.diags
            .push(Diagnostic::error(Stage::Parse, code, msg).with_primary(tok.span, label));
    }

    fn fail<T>(&mut self, msg: impl Into<String>) -> PResult<T> {
        let t = self.peek();
        self.error_at(E_SYNTAX, msg, t);
        Err(Bail)
    }

    fn expect_op(&mut self, op: &str) -> PResult<&'a Token> {
        if self.at_op(op) {
            Ok(self.bump())
        } else {
            self.fail(format!("expected '{op}'"))
        }
    }

    fn expect_ident(&mut self) -> PResult<Ident> {
        let t = self.peek();
        if t.is_plain_ident() {
            self.bump();
            Ok(Ident {
                name: t.text.clone(),
                span: t.span,
            })
        } else {
            self.fail("expected identifier")
        }
    }

    fn string_literal(&mut self) -> PResult<(Vec<u8>, Span)> {
        let t = self.peek();
        let TokKind::Str(first) = &t.kind else {
            return self.fail("expected literal string");
        };
        self.bump();
        let mut bytes = first.clone();
        // Adjacent string literals concatenate.
        while let TokKind::Str(more) = &self.peek().kind {
            bytes.extend_from_slice(more);
            self.bump();
        }
        Ok((bytes, t.span))
    }

    fn number_literal(&mut self) -> PResult<i64> {
        let neg = self.eat_op("-");
        match self.peek().kind {
            TokKind::Number(n) => {
                self.bump();
                Ok(if neg { n.wrapping_neg() } else { n })
            }
            _ => self.fail("expected number"),
        }
    }

    fn literal(&mut self) -> PResult<Literal> {
        match &self.peek().kind {
            TokKind::Str(_) => Ok(Literal::String(self.string_literal()?.0)),
            TokKind::Number(_) => Ok(Literal::Number(self.number_literal()?)),
            TokKind::Op if self.at_op("-") => Ok(Literal::Number(self.number_literal()?)),
            _ => self.fail("expected literal string or number"),
        }
    }

    fn span_here(&self) -> Span {
        self.peek().span
    }

    // ---- top level ----------------------------------------------------------------

    pub fn parse_file(mut self) -> (Script, Vec<Diagnostic>) {
        let mut items = Vec::new();
        while self.peek().kind != TokKind::Eof {
            let before = self.pos;
            if self.top_item(&mut items).is_err() {
                self.recover(before);
            }
        }
        let script = Script {
            file: self.file,
            is_tapset: self.is_tapset,
            items,
        };
        (script, self.diags)
    }

    /// Skips to the next top-level keyword (always making progress).
    fn recover(&mut self, before: usize) {
        if self.pos == before {
            self.bump();
        }
        self.depth = 0;
        self.in_function = false;
        loop {
            let t = self.peek();
            if t.kind == TokKind::Eof
                || t.is_keyword("probe")
                || t.is_keyword("global")
                || t.is_keyword("private")
                || t.is_keyword("function")
                || (matches!(t.kind, TokKind::Embedded(_)) && self.prev_closes_item())
            {
                return;
            }
            self.bump();
        }
    }

    fn prev_closes_item(&self) -> bool {
        self.pos > 0 && self.toks[self.pos - 1].is_op("}")
    }

    fn top_item(&mut self, items: &mut Vec<Item>) -> PResult<()> {
        let t = self.peek();
        if t.is_keyword("probe") {
            self.bump();
            items.push(self.probe(t.span)?);
        } else if t.is_keyword("global") {
            self.bump();
            self.globals(false, items)?;
        } else if t.is_keyword("function") {
            self.bump();
            items.push(Item::Function(self.function(false)?));
        } else if t.is_keyword("private") {
            self.bump();
            if self.at_kw("function") {
                self.bump();
                items.push(Item::Function(self.function(true)?));
            } else {
                if self.at_kw("global") {
                    self.bump();
                }
                self.globals(true, items)?;
            }
        } else if let TokKind::Embedded(code) = &t.kind {
            self.bump();
            let e = Embedded {
                code: code.clone(),
                span: t.span,
            };
            self.check_embedded(&e);
            items.push(Item::Embedded(e));
        } else {
            self.error_at(
                E_TOP,
                "expected 'probe', 'global', 'private', 'function', or '%{'",
                t,
            );
            return Err(Bail);
        }
        Ok(())
    }

    fn check_embedded(&mut self, e: &Embedded) {
        if self.is_tapset {
            return;
        }
        let (code, msg, help) = if self.guru {
            (
                E_EMBEDDED_GURU,
                "embedded C code cannot run under rstap",
                "rstap compiles scripts to BPF and never builds a kernel module, so there is no C compiler to hand this code to; express it in the script language or use a tapset function",
            )
        } else {
            (
                E_EMBEDDED,
                "embedded code in unprivileged script; need stap -g",
                "rstap compiles scripts to BPF and cannot run embedded C even with -g; express it in the script language or use a tapset function",
            )
        };
        self.diags.push(
            Diagnostic::error(Stage::Parse, code, msg)
                .with_primary(e.span, "embedded-code")
                .with_help(help),
        );
    }

    fn probe(&mut self, kw: Span) -> PResult<Item> {
        let mut points = Vec::new();
        loop {
            points.extend(self.probe_point()?);
            if !self.eat_op(",") {
                break;
            }
        }
        if self.at_op("=") || self.at_op("+=") {
            let kind = if self.bump().text == "=" {
                AliasKind::Prologue
            } else {
                AliasKind::Epilogue
            };
            for n in &points {
                if n.optional || n.sufficient {
                    let span = n.span;
                    self.diags.push(
                        Diagnostic::error(
                            Stage::Parse,
                            E_ALIAS,
                            "probe point alias name cannot be optional nor sufficient",
                        )
                        .with_primary(span, "alias name"),
                    );
                }
            }
            let mut targets = Vec::new();
            loop {
                targets.extend(self.probe_point()?);
                if !self.eat_op(",") {
                    break;
                }
            }
            let body = self.block()?;
            let mut epilogue = None;
            if self.at_op(",") && self.peek_at(1).is_op("{") {
                let comma = self.bump();
                if kind == AliasKind::Epilogue {
                    self.error_at(
                        E_ALIAS,
                        "Combined prologue and epilogue cannot be defined with '+='",
                        comma,
                    );
                }
                epilogue = Some(self.block()?);
            }
            return Ok(Item::Alias(ProbeAlias {
                names: points,
                kind,
                points: targets,
                body,
                epilogue,
                span: kw,
            }));
        }
        let body = self.block()?;
        Ok(Item::Probe(Probe {
            points,
            body,
            span: kw,
            from_tapset: self.is_tapset,
        }))
    }

    /// One probe point, possibly several after brace expansion.
    fn probe_point(&mut self) -> PResult<Vec<ProbePoint>> {
        let start = self.span_here();
        let alternatives = self.point_components()?;
        let mut optional = false;
        let mut sufficient = false;
        let mut condition = None;
        loop {
            if self.at_op("?") {
                self.bump();
                optional = true;
            } else if self.at_op("!") {
                self.bump();
                optional = true;
                sufficient = true;
            } else if self.at_kw("if") {
                self.bump();
                self.expect_op("(")?;
                condition = Some(self.expr()?);
                self.expect_op(")")?;
            } else {
                break;
            }
            if self.at_op(".") {
                let t = self.peek();
                self.error_at(
                    E_SUFFIX,
                    "'?', '!' or condition must only be specified in suffix",
                    t,
                );
                return Err(Bail);
            }
        }
        Ok(alternatives
            .into_iter()
            .map(|components| ProbePoint {
                components,
                optional,
                sufficient,
                condition: condition.clone(),
                span: start,
            })
            .collect())
    }

    /// Dotted components; `{a,b}` alternatives expand into a cartesian product.
    fn point_components(&mut self) -> PResult<Vec<Vec<Component>>> {
        let mut result: Vec<Vec<Component>> = vec![Vec::new()];
        loop {
            let part: Vec<Vec<Component>> = if self.at_op("{") {
                self.bump();
                let mut alts = Vec::new();
                loop {
                    alts.extend(self.point_components()?);
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.expect_op("}")?;
                // `{s,ms}(2)`: a parameter after the group applies to each alternative.
                if self.at_op("(") && !self.peek().space_before {
                    self.bump();
                    let arg = self.literal()?;
                    self.expect_op(")")?;
                    for alt in &mut alts {
                        if let Some(last) = alt.last_mut() {
                            if last.arg.is_some() {
                                return self.fail("probe point component has two parameters");
                            }
                            last.arg = Some(arg.clone());
                        }
                    }
                }
                alts
            } else {
                vec![vec![self.component()?]]
            };
            let mut next = Vec::new();
            for prefix in &result {
                for p in &part {
                    let mut v = prefix.clone();
                    v.extend(p.iter().cloned());
                    next.push(v);
                }
            }
            if next.len() > 10_000 {
                return self.fail("probe point brace expansion is too large");
            }
            result = next;
            if self.at_op(".") && !self.peek().space_before {
                self.bump();
            } else {
                break;
            }
        }
        Ok(result)
    }

    fn component(&mut self) -> PResult<Component> {
        let first = self.peek();
        let mut name = String::new();
        let mut span = first.span;
        loop {
            let t = self.peek();
            let glue = name.is_empty() || !t.space_before;
            let ok = glue
                && ((t.kind == TokKind::Ident
                    && !t.text.starts_with('$')
                    && !t.text.starts_with('@'))
                    || t.is_op("*")
                    || (!name.is_empty() && matches!(t.kind, TokKind::Number(_))));
            if !ok {
                break;
            }
            name.push_str(&t.text);
            span = span.to(t.span);
            self.bump();
        }
        if name.is_empty() {
            return self.fail("expected identifier or '*'");
        }
        let mut arg = None;
        if self.at_op("(") && !self.peek().space_before {
            self.bump();
            arg = Some(self.literal()?);
            self.expect_op(")")?;
        }
        Ok(Component { name, arg, span })
    }

    fn globals(&mut self, private: bool, items: &mut Vec<Item>) -> PResult<()> {
        loop {
            let name = self.expect_ident()?;
            let mut wrap = false;
            let mut size = None;
            let mut init = None;
            if self.eat_op("%") {
                wrap = true;
            }
            if self.at_op("[") {
                self.bump();
                let t = self.peek();
                let n = self.number_literal()?;
                if n < 1 || n > i32::MAX as i64 {
                    self.error_at(E_GLOBAL, "array size out of range", t);
                }
                size = Some(n);
                self.expect_op("]")?;
            }
            if self.at_op("=") {
                let eq = self.bump();
                if size.is_some() || wrap {
                    self.error_at(E_GLOBAL, "only scalar globals can be initialized", eq);
                }
                init = Some(self.literal()?);
            }
            items.push(Item::Global(GlobalDecl {
                name,
                private,
                init,
                size,
                wrap,
                from_tapset: self.is_tapset,
            }));
            if !self.eat_op(",") {
                break;
            }
        }
        self.eat_op(";");
        Ok(())
    }

    fn type_name(&mut self) -> PResult<(TypeName, Span)> {
        let t = self.peek();
        let ty = if t.is_keyword("long") {
            TypeName::Long
        } else if t.is_keyword("string") {
            TypeName::String
        } else {
            self.error_at(E_FUNCTION, "expected 'string' or 'long'", t);
            return Err(Bail);
        };
        self.bump();
        Ok((ty, t.span))
    }

    fn function(&mut self, private: bool) -> PResult<Function> {
        let name = self.expect_ident()?;
        let mut ret = None;
        if self.eat_op(":") {
            ret = Some(self.type_name()?.0);
        }
        self.expect_op("(")?;
        let mut params: Vec<Param> = Vec::new();
        if !self.at_op(")") {
            loop {
                let p = self.expect_ident()?;
                if params.iter().any(|q| q.name.name == p.name) {
                    let t = &self.toks[self.pos - 1];
                    self.error_at(E_FUNCTION, "duplicate parameter names", t);
                }
                let mut ty = None;
                let mut ty_span = None;
                if self.eat_op(":") {
                    let (t, s) = self.type_name()?;
                    ty = Some(t);
                    ty_span = Some(s);
                }
                params.push(Param {
                    name: p,
                    ty,
                    ty_span,
                });
                if !self.eat_op(",") {
                    break;
                }
            }
        }
        self.expect_op(")")?;
        let mut priority = None;
        if self.at_op(":") {
            self.bump();
            let t = self.peek();
            let n = self.number_literal()?;
            if n <= 0 {
                self.error_at(E_FUNCTION, "specified priority must be > 0", t);
            }
            priority = Some(n);
        }
        let body = if let TokKind::Embedded(code) = &self.peek().kind {
            let t = self.bump();
            let e = Embedded {
                code: code.clone(),
                span: t.span,
            };
            self.check_embedded(&e);
            FunctionBody::Embedded(e)
        } else {
            self.in_function = true;
            let b = self.block();
            self.in_function = false;
            FunctionBody::Block(b?)
        };
        Ok(Function {
            name,
            private,
            ret,
            params,
            priority,
            body,
            from_tapset: self.is_tapset,
        })
    }

    // ---- statements ---------------------------------------------------------------

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.fail("nesting too deep");
        }
        Ok(())
    }

    fn block(&mut self) -> PResult<Block> {
        let open = self.expect_op("{")?;
        let mut stmts = Vec::new();
        loop {
            if self.at_op("}") {
                self.bump();
                break;
            }
            if self.peek().kind == TokKind::Eof {
                return self.fail("expected '}'");
            }
            stmts.push(self.stmt()?);
        }
        Ok(Block {
            stmts,
            span: open.span,
        })
    }

    fn stmt(&mut self) -> PResult<Stmt> {
        self.enter()?;
        let r = self.stmt_inner();
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self) -> PResult<Stmt> {
        let t = self.peek();
        let span = t.span;
        let mk = |kind| Stmt { kind, span };
        if t.is_op(";") {
            self.bump();
            return Ok(mk(StmtKind::Null));
        }
        if t.is_op("{") {
            return Ok(mk(StmtKind::Block(self.block()?)));
        }
        if let TokKind::Embedded(code) = &t.kind {
            self.bump();
            let e = Embedded {
                code: code.clone(),
                span,
            };
            self.check_embedded(&e);
            return Ok(mk(StmtKind::Embedded(e)));
        }
        let kind = if t.kind == TokKind::Ident {
            match t.text.as_str() {
                "if" => {
                    self.bump();
                    self.expect_op("(")?;
                    let cond = self.expr()?;
                    self.expect_op(")")?;
                    let then = Box::new(self.stmt()?);
                    let els = if self.at_kw("else") {
                        self.bump();
                        Some(Box::new(self.stmt()?))
                    } else {
                        None
                    };
                    return Ok(mk(StmtKind::If { cond, then, els }));
                }
                "while" => {
                    self.bump();
                    self.expect_op("(")?;
                    let cond = self.expr()?;
                    self.expect_op(")")?;
                    let body = Box::new(self.stmt()?);
                    return Ok(mk(StmtKind::While { cond, body }));
                }
                "for" => {
                    self.bump();
                    self.expect_op("(")?;
                    let init = if self.at_op(";") {
                        None
                    } else {
                        Some(self.expr()?)
                    };
                    self.expect_op(";")?;
                    let cond = if self.at_op(";") {
                        None
                    } else {
                        Some(self.expr()?)
                    };
                    self.expect_op(";")?;
                    let step = if self.at_op(")") {
                        None
                    } else {
                        Some(self.expr()?)
                    };
                    self.expect_op(")")?;
                    let body = Box::new(self.stmt()?);
                    return Ok(mk(StmtKind::For {
                        init,
                        cond,
                        step,
                        body,
                    }));
                }
                "foreach" => {
                    self.bump();
                    return Ok(mk(StmtKind::Foreach(Box::new(self.foreach(span)?))));
                }
                "try" => {
                    self.bump();
                    let body = self.block()?;
                    if !self.at_kw("catch") {
                        return self.fail("expected 'catch'");
                    }
                    self.bump();
                    let mut catch_var = None;
                    if self.eat_op("(") {
                        catch_var = Some(self.expect_ident()?);
                        self.expect_op(")")?;
                    }
                    let catch = self.block()?;
                    return Ok(mk(StmtKind::Try {
                        body,
                        catch_var,
                        catch,
                    }));
                }
                "break" => {
                    self.bump();
                    StmtKind::Break
                }
                "continue" => {
                    self.bump();
                    StmtKind::Continue
                }
                "next" => {
                    self.bump();
                    StmtKind::Next
                }
                "return" => {
                    let kw = self.bump();
                    if !self.in_function {
                        self.error_at(E_RETURN, "found 'return' not in function context", kw);
                    }
                    if self.at_op(";") || self.at_op("}") {
                        StmtKind::Return(None)
                    } else {
                        StmtKind::Return(Some(self.expr()?))
                    }
                }
                "delete" => {
                    self.bump();
                    StmtKind::Delete(self.expr()?)
                }
                "else" => return self.fail("expected statement"),
                _ => StmtKind::Expr(self.expr()?),
            }
        } else {
            StmtKind::Expr(self.expr()?)
        };
        self.eat_op(";");
        Ok(mk(kind))
    }

    fn sort_sign(&mut self) -> Option<bool> {
        if self.at_op("+") {
            self.bump();
            Some(false)
        } else if self.at_op("-") {
            self.bump();
            Some(true)
        } else {
            None
        }
    }

    fn foreach(&mut self, span: Span) -> PResult<Foreach> {
        self.expect_op("(")?;
        let mut sorts: Vec<(SortSpec, Span)> = Vec::new();
        let mut value = None;
        // `v[+-] = ...` binds the value.
        if self.peek().is_plain_ident()
            && (self.peek_at(1).is_op("=")
                || ((self.peek_at(1).is_op("+") || self.peek_at(1).is_op("-"))
                    && self.peek_at(2).is_op("=")))
        {
            let v = self.expect_ident()?;
            let sp = self.span_here();
            if let Some(desc) = self.sort_sign() {
                sorts.push((
                    SortSpec {
                        target: SortTarget::Value,
                        descending: desc,
                        extractor: None,
                        on_value_var: true,
                    },
                    sp,
                ));
            }
            self.expect_op("=")?;
            value = Some(v);
        }
        let mut keys = Vec::new();
        let bracketed = self.at_op("[");
        if bracketed {
            self.bump();
            loop {
                keys.push(self.expect_ident()?);
                let sp = self.span_here();
                if let Some(desc) = self.sort_sign() {
                    sorts.push((
                        SortSpec {
                            target: SortTarget::Key(keys.len() - 1),
                            descending: desc,
                            extractor: None,
                            on_value_var: false,
                        },
                        sp,
                    ));
                }
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op("]")?;
        } else {
            keys.push(self.expect_ident()?);
            let sp = self.span_here();
            if let Some(desc) = self.sort_sign() {
                sorts.push((
                    SortSpec {
                        target: SortTarget::Key(0),
                        descending: desc,
                        extractor: None,
                        on_value_var: false,
                    },
                    sp,
                ));
            }
        }
        if !self.at_kw("in") {
            return self.fail("expected 'in'");
        }
        self.bump();
        let source = if self.peek().text == "@hist_log" || self.peek().text == "@hist_linear" {
            ForeachSource::Histogram(Box::new(self.primary()?))
        } else {
            ForeachSource::Array(self.expect_ident()?)
        };
        let mut extractor = None;
        if let Some(op) = stat_op(&self.peek().text)
            && self.peek().kind == TokKind::Ident
        {
            self.bump();
            extractor = Some(op);
        }
        let sp = self.span_here();
        if let Some(desc) = self.sort_sign() {
            sorts.push((
                SortSpec {
                    target: SortTarget::Value,
                    descending: desc,
                    extractor,
                    on_value_var: false,
                },
                sp,
            ));
        } else if extractor.is_some() {
            return self.fail("expected '+' or '-' after the statistic to sort by");
        }
        let mut slice = None;
        if self.at_op("[") {
            self.bump();
            let mut v = Vec::new();
            loop {
                if self.at_op("*") {
                    self.bump();
                    v.push(None);
                } else {
                    v.push(Some(self.expr()?));
                }
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op("]")?;
            slice = Some(v);
        }
        // The sort sign may also follow the slice: `in a[*, 1]-`.
        if slice.is_some()
            && sorts
                .iter()
                .all(|(s, _)| s.target != SortTarget::Value || s.on_value_var)
        {
            let sp = self.span_here();
            if let Some(desc) = self.sort_sign() {
                sorts.push((
                    SortSpec {
                        target: SortTarget::Value,
                        descending: desc,
                        extractor,
                        on_value_var: false,
                    },
                    sp,
                ));
            }
        }
        let mut limit = None;
        if self.at_kw("limit") {
            self.bump();
            limit = Some(self.expr()?);
        }
        self.expect_op(")")?;
        if sorts.len() > 1 {
            let sp = sorts[1].1;
            self.diags.push(
                Diagnostic::error(Stage::Parse, E_FOREACH_SORT, "multiple sort directives")
                    .with_primary(sp, "second sort directive"),
            );
        }
        let body = Box::new(self.stmt()?);
        Ok(Foreach {
            value,
            keys,
            bracketed_keys: bracketed,
            source,
            slice,
            sort: sorts.first().map(|s| s.0),
            limit,
            body,
            span,
        })
    }

    // ---- expressions --------------------------------------------------------------

    fn expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.assignment();
        self.depth -= 1;
        r
    }

    fn assignment(&mut self) -> PResult<Expr> {
        let lhs = self.ternary()?;
        let t = self.peek();
        if t.kind == TokKind::Op
            && let Some(op) = assign_op(&t.text)
        {
            self.bump();
            let value = self.expr()?;
            return Ok(Expr::new(
                ExprKind::Assign {
                    op,
                    target: Box::new(lhs),
                    value: Box::new(value),
                },
                t.span,
            ));
        }
        Ok(lhs)
    }

    fn ternary(&mut self) -> PResult<Expr> {
        let cond = self.logical_or()?;
        if self.at_op("?") {
            let q = self.bump();
            let then = self.expr()?;
            self.expect_op(":")?;
            self.enter()?;
            let els = self.ternary();
            self.depth -= 1;
            return Ok(Expr::new(
                ExprKind::Ternary {
                    cond: Box::new(cond),
                    then: Box::new(then),
                    els: Box::new(els?),
                },
                q.span,
            ));
        }
        Ok(cond)
    }

    fn binary_level(
        &mut self,
        ops: &[(&str, BinaryOp)],
        next: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let mut lhs = next(self)?;
        loop {
            let t = self.peek();
            let Some(&(_, op)) = ops.iter().find(|(s, _)| t.is_op(s)) else {
                break;
            };
            self.bump();
            let rhs = next(self)?;
            lhs = Expr::new(
                ExprKind::Binary {
                    op,
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                },
                t.span,
            );
        }
        Ok(lhs)
    }

    fn logical_or(&mut self) -> PResult<Expr> {
        self.binary_level(&[("||", BinaryOp::Or)], Self::logical_and)
    }
    fn logical_and(&mut self) -> PResult<Expr> {
        self.binary_level(&[("&&", BinaryOp::And)], Self::bit_or)
    }
    fn bit_or(&mut self) -> PResult<Expr> {
        self.binary_level(&[("|", BinaryOp::BitOr)], Self::bit_xor)
    }
    fn bit_xor(&mut self) -> PResult<Expr> {
        self.binary_level(&[("^", BinaryOp::BitXor)], Self::bit_and)
    }
    fn bit_and(&mut self) -> PResult<Expr> {
        self.binary_level(&[("&", BinaryOp::BitAnd)], Self::array_in)
    }

    /// `[e, *, e]`: an index list, where `*` stands for any key (used by `in` and
    /// `delete`; semantic analysis refuses it elsewhere).
    fn index_list(&mut self) -> PResult<Vec<Expr>> {
        self.expect_op("[")?;
        let mut items = Vec::new();
        loop {
            if self.at_op("*") {
                let s = self.bump();
                items.push(Expr::new(ExprKind::Wildcard, s.span));
            } else {
                items.push(self.expr()?);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op("]")?;
        Ok(items)
    }

    fn array_in(&mut self) -> PResult<Expr> {
        // `[k1, k2] in A`
        if self.at_op("[") {
            let keys = self.index_list()?;
            if !self.at_kw("in") {
                return self.fail("expected 'in'");
            }
            let kw = self.bump();
            let array = self.expect_ident()?;
            return Ok(Expr::new(ExprKind::In { keys, array }, kw.span));
        }
        let lhs = self.comparison()?;
        if self.at_kw("in") {
            let kw = self.bump();
            let array = self.expect_ident()?;
            return Ok(Expr::new(
                ExprKind::In {
                    keys: vec![lhs],
                    array,
                },
                kw.span,
            ));
        }
        Ok(lhs)
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let mut lhs = self.shift()?;
        loop {
            let t = self.peek();
            if t.is_op("=~") || t.is_op("!~") {
                self.bump();
                let TokKind::Str(_) = self.peek().kind else {
                    let n = self.peek();
                    self.error_at(E_REGEX, "expected literal string as regular expression", n);
                    return Err(Bail);
                };
                let (pattern, _) = self.string_literal()?;
                lhs = Expr::new(
                    ExprKind::Regex {
                        negated: t.text == "!~",
                        subject: Box::new(lhs),
                        pattern,
                    },
                    t.span,
                );
                continue;
            }
            let op = match t.text.as_str() {
                "<" => BinaryOp::Lt,
                "<=" => BinaryOp::Le,
                ">" => BinaryOp::Gt,
                ">=" => BinaryOp::Ge,
                "==" => BinaryOp::Eq,
                "!=" => BinaryOp::Ne,
                _ => break,
            };
            if t.kind != TokKind::Op {
                break;
            }
            self.bump();
            let rhs = self.shift()?;
            lhs = Expr::new(
                ExprKind::Binary {
                    op,
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                },
                t.span,
            );
        }
        Ok(lhs)
    }

    fn shift(&mut self) -> PResult<Expr> {
        self.binary_level(
            &[
                ("<<", BinaryOp::Shl),
                (">>>", BinaryOp::UShr),
                (">>", BinaryOp::Shr),
            ],
            Self::concat,
        )
    }
    fn concat(&mut self) -> PResult<Expr> {
        self.binary_level(&[(".", BinaryOp::Concat)], Self::additive)
    }
    fn additive(&mut self) -> PResult<Expr> {
        self.binary_level(
            &[("+", BinaryOp::Add), ("-", BinaryOp::Sub)],
            Self::multiplicative,
        )
    }
    fn multiplicative(&mut self) -> PResult<Expr> {
        self.binary_level(
            &[
                ("*", BinaryOp::Mul),
                ("/", BinaryOp::Div),
                ("%", BinaryOp::Mod),
            ],
            Self::unary,
        )
    }

    fn unary(&mut self) -> PResult<Expr> {
        let t = self.peek();
        let op = match t.text.as_str() {
            "+" => Some(UnaryOp::Plus),
            "-" => Some(UnaryOp::Neg),
            "!" => Some(UnaryOp::Not),
            "~" => Some(UnaryOp::BitNot),
            _ => None,
        };
        if t.kind == TokKind::Op
            && let Some(op) = op
        {
            self.bump();
            self.enter()?;
            let operand = self.unary();
            self.depth -= 1;
            return Ok(Expr::new(
                ExprKind::Unary {
                    op,
                    operand: Box::new(operand?),
                },
                t.span,
            ));
        }
        if t.is_op("&") {
            self.bump();
            let mut e = self.postfix()?;
            match &mut e.kind {
                ExprKind::Target { path, .. }
                | ExprKind::Cast { path, .. }
                | ExprKind::AtVar { path, .. } => {
                    path.address_of = true;
                }
                _ => {
                    self.error_at(E_SYNTAX, "address-of '&' needs a target variable", t);
                    return Err(Bail);
                }
            }
            e.span = t.span;
            return Ok(e);
        }
        self.crement()
    }

    fn crement(&mut self) -> PResult<Expr> {
        let t = self.peek();
        if t.is_op("++") || t.is_op("--") {
            self.bump();
            let operand = self.postfix()?;
            return Ok(Expr::new(
                ExprKind::IncDec {
                    increment: t.text == "++",
                    prefix: true,
                    operand: Box::new(operand),
                },
                t.span,
            ));
        }
        let e = self.postfix()?;
        let t = self.peek();
        // Only an lvalue takes a postfix `++`/`--`; otherwise the operator starts the next
        // statement (`g[1] += 10` newline `++g[2]`).
        let lvalue = matches!(
            e.kind,
            ExprKind::Symbol(_) | ExprKind::Index { .. } | ExprKind::Target { .. }
        );
        if lvalue && (t.is_op("++") || t.is_op("--")) {
            self.bump();
            return Ok(Expr::new(
                ExprKind::IncDec {
                    increment: t.text == "++",
                    prefix: false,
                    operand: Box::new(e),
                },
                t.span,
            ));
        }
        Ok(e)
    }

    fn postfix(&mut self) -> PResult<Expr> {
        let e = self.primary()?;
        // `@hist_log(x)[i]`
        if matches!(e.kind, ExprKind::Histogram { .. }) && self.at_op("[") {
            let open = self.bump();
            let index = self.expr()?;
            self.expect_op("]")?;
            return Ok(Expr::new(
                ExprKind::HistogramIndex {
                    histogram: Box::new(e),
                    index: Box::new(index),
                },
                open.span,
            ));
        }
        Ok(e)
    }

    fn args(&mut self) -> PResult<Vec<Expr>> {
        self.expect_op("(")?;
        let mut args = Vec::new();
        if !self.at_op(")") {
            loop {
                args.push(self.expr()?);
                if !self.eat_op(",") {
                    break;
                }
            }
        }
        self.expect_op(")")?;
        Ok(args)
    }

    fn target_path(&mut self, pretty_from_name: Option<Pretty>) -> PResult<TargetPath> {
        let mut path = TargetPath {
            pretty: pretty_from_name,
            ..Default::default()
        };
        // A pretty-print suffix ends the access path: `$var$` takes no `->field`.
        while path.pretty.is_none() {
            if self.at_op("->") {
                self.bump();
                let t = self.peek();
                if t.kind != TokKind::Ident {
                    return self.fail("expected field name");
                }
                self.bump();
                let (name, pretty) = split_pretty(&t.text);
                path.steps.push(TargetStep::Member(Ident {
                    name: name.to_string(),
                    span: t.span,
                }));
                if pretty.is_some() {
                    path.pretty = pretty;
                    break;
                }
            } else if self.at_op("[") {
                self.bump();
                let i = self.expr()?;
                self.expect_op("]")?;
                path.steps.push(TargetStep::Index(i));
            } else if !self.peek().space_before
                && self.peek().kind == TokKind::Ident
                && (self.peek().text == "$" || self.peek().text == "$$")
            {
                // `$var[1]$`: after `]` the suffix arrives as its own `$`/`$$` token.
                path.pretty = Some(if self.bump().text == "$$" {
                    Pretty::Deep
                } else {
                    Pretty::Shallow
                });
                break;
            } else {
                break;
            }
        }
        Ok(path)
    }

    fn guru_only(&mut self, t: &Token, what: &str) {
        if !self.guru && !self.is_tapset {
            self.diags.push(
                Diagnostic::error(
                    Stage::Parse,
                    E_GURU,
                    format!("using {what} operator not permitted; need stap -g"),
                )
                .with_primary(t.span, t.describe())
                .with_help("run with -g (guru mode) if you really mean to use it"),
            );
        }
    }

    fn primary(&mut self) -> PResult<Expr> {
        let t = self.peek();
        match &t.kind {
            TokKind::Number(n) => {
                self.bump();
                Ok(Expr::new(ExprKind::Literal(Literal::Number(*n)), t.span))
            }
            TokKind::Str(_) => {
                let (s, span) = self.string_literal()?;
                Ok(Expr::new(ExprKind::Literal(Literal::String(s)), span))
            }
            TokKind::Embedded(code) => {
                self.bump();
                let e = Embedded {
                    code: code.clone(),
                    span: t.span,
                };
                self.check_embedded(&e);
                Ok(Expr::new(ExprKind::Embedded(e), t.span))
            }
            TokKind::Op if t.text == "(" => {
                self.bump();
                let e = self.expr()?;
                self.expect_op(")")?;
                Ok(e)
            }
            TokKind::Ident if t.text.starts_with('$') => {
                self.bump();
                let (name, pretty) = split_pretty(&t.text);
                let (name, pretty) = if name.is_empty() {
                    (t.text.as_str(), None)
                } else {
                    (name, pretty)
                };
                let path = self.target_path(pretty)?;
                Ok(Expr::new(
                    ExprKind::Target {
                        name: name.to_string(),
                        path,
                    },
                    t.span,
                ))
            }
            TokKind::Ident if t.text.starts_with('@') => self.at_operator(),
            TokKind::Ident if KEYWORDS.contains(&t.text.as_str()) => {
                self.fail("expected expression")
            }
            TokKind::Ident => {
                self.bump();
                let ident = Ident {
                    name: t.text.clone(),
                    span: t.span,
                };
                if self.at_op("(") {
                    if let Some(kind) = is_print_name(&t.text) {
                        return self.print_call(t, kind);
                    }
                    let args = self.args()?;
                    return Ok(Expr::new(ExprKind::Call { name: ident, args }, t.span));
                }
                if self.at_op("[") {
                    let indices = self.index_list()?;
                    return Ok(Expr::new(
                        ExprKind::Index {
                            array: ident,
                            indices,
                        },
                        t.span,
                    ));
                }
                Ok(Expr::new(ExprKind::Symbol(ident), t.span))
            }
            _ => self.fail("expected literal string or number"),
        }
    }

    fn print_call(&mut self, t: &'a Token, kind: PrintKind) -> PResult<Expr> {
        let args = self.args()?;
        let name = &t.text;
        let bad = |p: &mut Self, msg: String| {
            p.error_at(E_PRINT, msg, t);
        };
        if args.len() > 32 {
            bad(
                self,
                format!("too many arguments to print ({})", args.len()),
            );
        }
        if kind.char {
            if args.len() != 1 {
                bad(self, format!("{name} takes exactly one argument"));
            }
        } else if kind.format {
            match args.first().map(|a| &a.kind) {
                Some(ExprKind::Literal(Literal::String(f))) => {
                    if let Err((msg, _)) = validate_format(f) {
                        let span = args[0].span;
                        self.diags.push(
                            Diagnostic::error(Stage::Parse, E_FORMAT, msg)
                                .with_primary(span, "in this format string"),
                        );
                    }
                }
                _ => bad(
                    self,
                    format!("{name} requires a format string literal as its first argument"),
                ),
            }
        } else if kind.delimited {
            match args.first().map(|a| &a.kind) {
                Some(ExprKind::Literal(Literal::String(_))) => {}
                _ => bad(
                    self,
                    format!("{name} requires a string literal delimiter as its first argument"),
                ),
            }
            if args.len() < 3 {
                bad(
                    self,
                    format!("{name} requires a delimiter and at least two values"),
                );
            }
        } else if args.is_empty() && !kind.newline {
            bad(self, format!("{name} requires at least one argument"));
        }
        Ok(Expr::new(ExprKind::Print { kind, args }, t.span))
    }

    fn at_operator(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let name = t.text.as_str();
        let span = t.span;
        if let Some(op) = stat_op(name) {
            self.expect_op("(")?;
            let operand = self.expr()?;
            let mut shift = None;
            if op == StatOp::Variance && self.eat_op(",") {
                let nt = self.peek();
                let n = self.number_literal()?;
                if !(0..=62).contains(&n) {
                    self.error_at(E_AT_OPERATOR, "bit shift must be between 0 and 62", nt);
                }
                shift = Some(n);
            }
            if self.at_op(",") {
                let c = self.peek();
                let msg = if op == StatOp::Variance {
                    "not more than 2 parameters allowed"
                } else {
                    "expected ')'"
                };
                self.error_at(E_AT_OPERATOR, msg, c);
                return Err(Bail);
            }
            self.expect_op(")")?;
            return Ok(Expr::new(
                ExprKind::Stat {
                    op,
                    operand: Box::new(operand),
                    shift,
                },
                span,
            ));
        }
        match name {
            "@hist_log" => {
                self.expect_op("(")?;
                let operand = self.expr()?;
                self.expect_op(")")?;
                Ok(Expr::new(
                    ExprKind::Histogram {
                        kind: HistKind::Log,
                        operand: Box::new(operand),
                    },
                    span,
                ))
            }
            "@hist_linear" => {
                self.expect_op("(")?;
                let operand = self.expr()?;
                self.expect_op(",")?;
                let start = self.number_literal()?;
                self.expect_op(",")?;
                let stop = self.number_literal()?;
                self.expect_op(",")?;
                let it = self.peek();
                let interval = self.number_literal()?;
                self.expect_op(")")?;
                if interval == 0 {
                    self.error_at(E_AT_OPERATOR, "histogram: interval cannot be zero.", it);
                }
                Ok(Expr::new(
                    ExprKind::Histogram {
                        kind: HistKind::Linear {
                            start,
                            stop,
                            interval,
                        },
                        operand: Box::new(operand),
                    },
                    span,
                ))
            }
            "@cast" => {
                self.expect_op("(")?;
                let operand = self.expr()?;
                self.expect_op(",")?;
                let (ty, _) = self.string_literal()?;
                let mut module = None;
                if self.eat_op(",") {
                    module = Some(String::from_utf8_lossy(&self.string_literal()?.0).into_owned());
                }
                self.expect_op(")")?;
                let path = self.target_path(None)?;
                Ok(Expr::new(
                    ExprKind::Cast {
                        operand: Box::new(operand),
                        type_name: String::from_utf8_lossy(&ty).into_owned(),
                        module,
                        path,
                    },
                    span,
                ))
            }
            "@var" => {
                self.expect_op("(")?;
                let (n, _) = self.string_literal()?;
                let mut module = None;
                if self.eat_op(",") {
                    module = Some(String::from_utf8_lossy(&self.string_literal()?.0).into_owned());
                }
                self.expect_op(")")?;
                let path = self.target_path(None)?;
                Ok(Expr::new(
                    ExprKind::AtVar {
                        name: String::from_utf8_lossy(&n).into_owned(),
                        module,
                        path,
                    },
                    span,
                ))
            }
            "@defined" | "@entry" => {
                self.expect_op("(")?;
                let e = self.expr()?;
                self.expect_op(")")?;
                let kind = if name == "@defined" {
                    ExprKind::Defined(Box::new(e))
                } else {
                    ExprKind::Entry(Box::new(e))
                };
                Ok(Expr::new(kind, span))
            }
            "@probewrite" => {
                self.expect_op("(")?;
                let v = self.expect_ident()?;
                self.expect_op(")")?;
                Ok(Expr::new(ExprKind::ProbeWrite(v), span))
            }
            "@perf" | "@const" => {
                if name == "@const" {
                    self.guru_only(t, "@const");
                }
                self.expect_op("(")?;
                let (s, _) = self.string_literal()?;
                self.expect_op(")")?;
                let s = String::from_utf8_lossy(&s).into_owned();
                let kind = if name == "@perf" {
                    ExprKind::Perf(s)
                } else {
                    ExprKind::Const(s)
                };
                Ok(Expr::new(kind, span))
            }
            "@kregister" | "@uregister" => {
                let user = name == "@uregister";
                if !user {
                    self.guru_only(t, "@kregister");
                }
                self.expect_op("(")?;
                let number = self.expr()?;
                self.expect_op(")")?;
                Ok(Expr::new(
                    ExprKind::Register {
                        user,
                        number: Box::new(number),
                    },
                    span,
                ))
            }
            "@kderef" | "@uderef" => {
                let user = name == "@uderef";
                if !user {
                    self.guru_only(t, "@kderef");
                }
                self.expect_op("(")?;
                let st = self.peek();
                let size = self.number_literal()?;
                if ![1, 2, 4, 8].contains(&size) {
                    self.error_at(E_AT_OPERATOR, "dereference size must be 1, 2, 4 or 8", st);
                }
                self.expect_op(",")?;
                let addr = self.expr()?;
                self.expect_op(")")?;
                Ok(Expr::new(
                    ExprKind::Deref {
                        user,
                        size,
                        addr: Box::new(addr),
                    },
                    span,
                ))
            }
            _ => {
                self.error_at(E_AT_OPERATOR, format!("unknown operator '{name}'"), t);
                Err(Bail)
            }
        }
    }
}

/// `$var$` / `$var$$` / `field$`: the name and its pretty-print suffix.
fn split_pretty(text: &str) -> (&str, Option<Pretty>) {
    if let Some(n) = text.strip_suffix("$$")
        && !n.is_empty()
        && n != "$"
    {
        return (n, Some(Pretty::Deep));
    }
    if let Some(n) = text.strip_suffix('$')
        && !n.is_empty()
        && n != "$"
    {
        return (n, Some(Pretty::Shallow));
    }
    (text, None)
}
