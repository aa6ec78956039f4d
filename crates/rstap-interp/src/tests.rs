//! Unit tests over hand-built IR programs (the script-driven suite lives in `tests/`).

use rstap_diag::{FileId, SourceMap, Span};
use rstap_ir::*;

use crate::limits::Limits;
use crate::output::CaptureOutput;
use crate::session::{self, SessionOptions};

/// Builds a program whose spans point into a fake source text, so error locations can
/// be checked.
struct B {
    prog: Program,
    sm: SourceMap,
    file: FileId,
}

fn e(kind: ExprKind, ty: Type) -> Expr {
    Expr::new(kind, ty, Span::DUMMY)
}
fn n(v: i64) -> Expr {
    e(ExprKind::Long(v), Type::Long)
}
fn s(v: &str) -> Expr {
    e(ExprKind::String(v.as_bytes().to_vec()), Type::String)
}
fn loc(id: u32, ty: Type) -> Expr {
    e(ExprKind::Local(LocalId(id)), ty)
}
fn glob(id: GlobalId, ty: Type) -> Expr {
    e(ExprKind::Global(id), ty)
}
fn bin(op: BinaryOp, a: Expr, b: Expr) -> Expr {
    e(
        ExprKind::Binary {
            op,
            lhs: Box::new(a),
            rhs: Box::new(b),
        },
        Type::Long,
    )
}
fn cmp(op: CompareOp, a: Expr, b: Expr) -> Expr {
    e(
        ExprKind::Compare {
            op,
            lhs: Box::new(a),
            rhs: Box::new(b),
        },
        Type::Long,
    )
}
fn cat(a: Expr, b: Expr) -> Expr {
    e(
        ExprKind::Concat {
            lhs: Box::new(a),
            rhs: Box::new(b),
        },
        Type::String,
    )
}
fn assign(target: LValue, op: Option<CompoundOp>, v: Expr) -> Expr {
    let ty = v.ty;
    e(
        ExprKind::Assign {
            target,
            op,
            value: Box::new(v),
        },
        ty,
    )
}
fn elem(array: GlobalId, keys: Vec<Expr>, ty: Type) -> Expr {
    e(ExprKind::Element { array, keys }, ty)
}
fn call(f: FuncId, args: Vec<Expr>, ty: Type) -> Expr {
    e(ExprKind::Call { func: f, args }, ty)
}
fn stmt(k: StmtKind) -> Stmt {
    Stmt {
        kind: k,
        span: Span::DUMMY,
    }
}
fn ex(x: Expr) -> Stmt {
    stmt(StmtKind::Expr(x))
}
fn block(stmts: Vec<Stmt>) -> Block {
    Block { stmts }
}
fn print_kind(newline: bool) -> PrintKind {
    PrintKind {
        to_string: false,
        newline,
        char: false,
    }
}
fn println(args: Vec<Expr>) -> Stmt {
    ex(e(
        ExprKind::Print {
            kind: print_kind(true),
            args: args.into_iter().map(PrintArg::Value).collect(),
        },
        Type::Void,
    ))
}
fn local(name: &str, ty: Type) -> Local {
    Local {
        name: name.into(),
        ty,
        span: Span::DUMMY,
    }
}

impl B {
    fn new(source: &str) -> B {
        let mut sm = SourceMap::new();
        let file = sm.add("<input>", source);
        B {
            prog: Program::default(),
            sm,
            file,
        }
    }

    /// The span of the first occurrence of `needle` in the source.
    fn at(&self, needle: &str) -> Span {
        let text = &self.sm.file(self.file).text;
        let i = text.find(needle).expect("needle in source");
        Span::new(self.file, i, i + needle.len())
    }

    fn global(&mut self, name: &str, kind: GlobalKind) -> GlobalId {
        self.global_sized(name, kind, None, false)
    }

    fn global_sized(
        &mut self,
        name: &str,
        kind: GlobalKind,
        max: Option<u64>,
        wrap: bool,
    ) -> GlobalId {
        self.prog.globals.push(Global {
            name: name.into(),
            kind,
            init: None,
            max_entries: max,
            wrap,
            from_tapset: false,
            display_at_exit: false,
            span: Span::DUMMY,
        });
        GlobalId(self.prog.globals.len() as u32 - 1)
    }

    fn func(&mut self, name: &str, params: Vec<Local>, locals: Vec<Local>, ret: Type) -> FuncId {
        let arity = params.len();
        let mut all = params;
        all.extend(locals);
        self.prog.functions.push(Function {
            name: name.into(),
            arity,
            locals: all,
            ret,
            body: FunctionBody::Block(Block::default()),
            next_overload: None,
            from_tapset: false,
            span: Span::DUMMY,
        });
        FuncId(self.prog.functions.len() as u32 - 1)
    }

    fn intrinsic(&mut self, name: &str, arity: usize, ret: Type) -> FuncId {
        let params = (0..arity)
            .map(|i| local(&format!("a{i}"), Type::Long))
            .collect();
        let f = self.func(name, params, vec![], ret);
        self.prog.functions[f.0 as usize].body = FunctionBody::Intrinsic(name.into());
        f
    }

    fn body(&mut self, f: FuncId, stmts: Vec<Stmt>) {
        self.prog.functions[f.0 as usize].body = FunctionBody::Block(block(stmts));
    }

    fn probe(&mut self, kind: ProbeKind, locals: Vec<Local>, stmts: Vec<Stmt>) -> ProbeId {
        let pp = match &kind {
            ProbeKind::Begin(_) => "begin",
            ProbeKind::End(_) => "end",
            ProbeKind::Error(_) => "error",
            ProbeKind::Never => "never",
            _ => "timer.ms(1)",
        };
        self.prog.probes.push(Probe {
            kind,
            pp: pp.into(),
            pn: pp.into(),
            derivation: vec![],
            locals,
            condition: None,
            body: block(stmts),
            from_tapset: false,
            span: Span::DUMMY,
        });
        ProbeId(self.prog.probes.len() as u32 - 1)
    }

    fn begin(&mut self, locals: Vec<Local>, stmts: Vec<Stmt>) {
        self.probe(ProbeKind::Begin(0), locals, stmts);
    }

    fn run_with(&self, options: SessionOptions) -> (String, String, i32) {
        let mut out = CaptureOutput::default();
        let status = session::run(&self.prog, &self.sm, &options, &mut out).expect("session");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            status,
        )
    }

    fn run(&self) -> (String, String, i32) {
        self.run_with(options(&[]))
    }
}

fn options(defines: &[&str]) -> SessionOptions {
    let mut limits = Limits::default();
    for d in defines {
        limits.define(d).expect("valid define");
    }
    SessionOptions {
        limits,
        handle_signals: false,
        ..SessionOptions::default()
    }
}

#[test]
fn long_arithmetic() {
    use BinaryOp::*;
    let cases: &[(BinaryOp, i64, i64, i64)] = &[
        (Add, i64::MAX, 1, i64::MIN),
        (Sub, i64::MIN, 1, i64::MAX),
        (Mul, 1 << 62, 4, 0),
        (Div, -7, 2, -3),
        (Div, 7, -2, -3),
        (Div, i64::MIN, -1, i64::MIN),
        (Mod, -7, 2, -1),
        (Mod, 7, -2, 1),
        (Mod, i64::MIN, -1, 0),
        (Shl, 1, 64, 1),
        (Shl, 1, 65, 2),
        (Shr, -16, 2, -4),
        (Shr, -1, 63, -1),
        (UShr, -1, 60, 15),
        (UShr, -1, 64, -1),
        (BitAnd, 12, 10, 8),
        (BitOr, 12, 10, 14),
        (BitXor, 12, 10, 6),
    ];
    for &(op, a, b, want) in cases {
        let got = crate::arith(op, a, b, Span::DUMMY).ok();
        assert_eq!(got, Some(want), "{op:?} {a} {b}");
    }
    for op in [Div, Mod] {
        match crate::arith(op, 1, 0, Span::DUMMY) {
            Err(crate::Unwind::Error(e)) => assert_eq!(e.message, "division by 0"),
            other => panic!("{op:?}: {other:?}"),
        }
    }
}

#[test]
fn division_by_zero_ends_the_session_in_error_state() {
    let mut b = B::new("probe begin { x = 1 / 0 }");
    let mut div = bin(BinaryOp::Div, n(1), n(0));
    div.span = b.at("/");
    b.begin(
        vec![],
        vec![
            println(vec![s("before")]),
            ex(div),
            println(vec![s("after")]),
        ],
    );
    b.probe(ProbeKind::End(0), vec![], vec![println(vec![s("end")])]);
    b.probe(
        ProbeKind::Error(0),
        vec![],
        vec![println(vec![s("error probe")])],
    );
    let (out, err, status) = b.run();
    assert_eq!(out, "before\nerror probe\n");
    assert_eq!(
        err,
        "ERROR: division by 0 near operator '/' at <input>:1:21\n\
         WARNING: Number of errors: 1, skipped probes: 0\n"
    );
    assert_eq!(status, 1);
}

#[test]
fn maxerrors_lets_the_session_continue() {
    let mut b = B::new("probe begin { error(\"one\") }");
    let err = b.intrinsic("error", 1, Type::Void);
    let mut c = call(err, vec![s("one")], Type::Void);
    c.span = b.at("error");
    b.begin(vec![], vec![ex(c.clone())]);
    b.probe(
        ProbeKind::Begin(1),
        vec![],
        vec![println(vec![s("second begin")])],
    );
    b.probe(ProbeKind::End(0), vec![], vec![println(vec![s("end")])]);
    let (out, err, status) = b.run_with(options(&["MAXERRORS=1"]));
    assert_eq!(out, "second begin\nend\n");
    assert_eq!(
        err,
        "ERROR: one near identifier 'error' at <input>:1:15\n\
         WARNING: Number of errors: 1, skipped probes: 0\n"
    );
    assert_eq!(status, 1);

    let mut quiet = options(&[]);
    quiet.suppress_handler_errors = true;
    let (out, err, status) = b.run_with(quiet);
    assert_eq!(
        (out.as_str(), err.as_str(), status),
        ("second begin\nend\n", "", 0)
    );
}

#[test]
fn strings_concatenate_up_to_maxstringlen() {
    let mut b = B::new("");
    b.begin(
        vec![local("x", Type::String)],
        vec![
            ex(assign(
                LValue::Local(LocalId(0)),
                None,
                cat(s("abcd"), s("efghij")),
            )),
            println(vec![loc(0, Type::String)]),
            ex(assign(
                LValue::Local(LocalId(0)),
                Some(CompoundOp::Concat),
                s("XYZ"),
            )),
            println(vec![loc(0, Type::String)]),
            println(vec![
                cmp(CompareOp::Lt, s("abc"), s("abd")),
                cmp(CompareOp::Gt, s("b"), s("abc")),
            ]),
        ],
    );
    let (out, _, _) = b.run_with(options(&["MAXSTRINGLEN=8"]));
    assert_eq!(out, "abcdefg\nabcdefg\n11\n");
    let (out, _, _) = b.run();
    assert_eq!(out, "abcdefghij\nabcdefghijXYZ\n11\n");
}

#[test]
fn logic_short_circuits() {
    let mut b = B::new("");
    let f = b.func("f", vec![], vec![], Type::Long);
    b.body(
        f,
        vec![
            println(vec![s("called")]),
            stmt(StmtKind::Return(Some(n(1)))),
        ],
    );
    let and = |a: Expr, c: Expr, is_and: bool| {
        e(
            ExprKind::Logical {
                and: is_and,
                lhs: Box::new(a),
                rhs: Box::new(c),
            },
            Type::Long,
        )
    };
    b.begin(
        vec![],
        vec![
            println(vec![and(n(0), call(f, vec![], Type::Long), true)]),
            println(vec![and(n(5), call(f, vec![], Type::Long), false)]),
            println(vec![and(n(5), call(f, vec![], Type::Long), true)]),
            println(vec![e(
                ExprKind::Ternary {
                    cond: Box::new(n(0)),
                    then: Box::new(s("yes")),
                    els: Box::new(s("no")),
                },
                Type::String,
            )]),
        ],
    );
    let (out, _, _) = b.run();
    assert_eq!(out, "0\n1\ncalled\n1\nno\n");
}

#[test]
fn compound_assignments_and_increments() {
    use BinaryOp::*;
    let mut b = B::new("");
    let x = LValue::Local(LocalId(0));
    let mut stmts = vec![ex(assign(x.clone(), None, n(100)))];
    for (op, v) in [
        (Add, 5),
        (Sub, 3),
        (Mul, 4),
        (Div, 7),
        (Mod, 8),
        (Shl, 3),
        (Shr, 1),
        (BitOr, 1),
        (BitAnd, 13),
        (BitXor, 3),
    ] {
        stmts.push(println(vec![assign(
            x.clone(),
            Some(CompoundOp::Arith(op)),
            n(v),
        )]));
    }
    for (increment, prefix) in [(true, true), (true, false), (false, true), (false, false)] {
        stmts.push(println(vec![e(
            ExprKind::IncDec {
                target: x.clone(),
                increment,
                prefix,
            },
            Type::Long,
        )]));
    }
    b.begin(vec![local("x", Type::Long)], stmts);
    let (out, _, _) = b.run();
    // 105 102 408 58 2 16 8 9 9 10 | ++x 11, x++ 11 (then 12), --x 11, x-- 11
    assert_eq!(
        out,
        "105\n102\n408\n58\n2\n16\n8\n9\n9\n10\n11\n11\n11\n11\n"
    );
}

/// `fact(n) { if (n <= 1) return 1; return n * fact(n - 1) }`
fn factorial_program(source: &str) -> (B, FuncId) {
    let mut b = B::new(source);
    let f = b.func("fact", vec![local("n", Type::Long)], vec![], Type::Long);
    let mut rec = call(
        f,
        vec![bin(BinaryOp::Sub, loc(0, Type::Long), n(1))],
        Type::Long,
    );
    rec.span = b.at("fact(n - 1)");
    rec.span.end = rec.span.start + 4;
    b.body(
        f,
        vec![
            stmt(StmtKind::If {
                cond: cmp(CompareOp::Le, loc(0, Type::Long), n(1)),
                then: Box::new(stmt(StmtKind::Return(Some(n(1))))),
                els: None,
            }),
            stmt(StmtKind::Return(Some(bin(
                BinaryOp::Mul,
                loc(0, Type::Long),
                rec,
            )))),
        ],
    );
    (b, f)
}

#[test]
fn recursion_is_bounded_by_maxnesting() {
    let (mut b, f) = factorial_program("return n * fact(n - 1)");
    b.begin(vec![], vec![println(vec![call(f, vec![n(5)], Type::Long)])]);
    let (out, err, _) = b.run();
    assert_eq!((out.as_str(), err.as_str()), ("120\n", ""));
    // The default allows the deepest chain (1) plus 10 for recursion.
    let (mut b, f) = factorial_program("return n * fact(n - 1)");
    b.begin(
        vec![],
        vec![println(vec![call(f, vec![n(11)], Type::Long)])],
    );
    assert_eq!(b.run().0, "39916800\n");
    let (mut b, f) = factorial_program("return n * fact(n - 1)");
    b.begin(
        vec![],
        vec![println(vec![call(f, vec![n(12)], Type::Long)])],
    );
    let (out, err, status) = b.run();
    assert_eq!(out, "");
    assert!(
        err.starts_with("ERROR: MAXNESTING exceeded near identifier 'fact' at <input>:1:12\n"),
        "{err}"
    );
    assert_eq!(status, 1);
    let (out, _, _) = b.run_with(options(&["MAXNESTING=20"]));
    assert_eq!(out, "479001600\n");
}

#[test]
fn next_walks_overloads_until_exhausted() {
    let mut b = B::new("function f(x) { next }");
    let f1 = b.func("f", vec![local("x", Type::Long)], vec![], Type::Long);
    let f2 = b.func("f", vec![local("x", Type::Long)], vec![], Type::Long);
    let mut next = stmt(StmtKind::Next);
    next.span = b.at("next");
    b.body(
        f1,
        vec![
            stmt(StmtKind::If {
                cond: cmp(CompareOp::Gt, loc(0, Type::Long), n(0)),
                then: Box::new(next.clone()),
                els: None,
            }),
            stmt(StmtKind::Return(Some(n(1)))),
        ],
    );
    b.body(
        f2,
        vec![
            stmt(StmtKind::If {
                cond: cmp(CompareOp::Gt, loc(0, Type::Long), n(5)),
                then: Box::new(next),
                els: None,
            }),
            stmt(StmtKind::Return(Some(n(2)))),
        ],
    );
    b.prog.functions[f1.0 as usize].next_overload = Some(f2);
    b.begin(
        vec![],
        vec![
            println(vec![call(f1, vec![n(0)], Type::Long)]),
            println(vec![call(f1, vec![n(3)], Type::Long)]),
            println(vec![call(f1, vec![n(9)], Type::Long)]),
            println(vec![s("unreached")]),
        ],
    );
    let (out, err, _) = b.run();
    assert_eq!(out, "1\n2\n");
    assert!(
        err.starts_with("ERROR: all functions exhausted near keyword 'next' at <input>:1:17\n"),
        "{err}"
    );
}

#[test]
fn try_catch_binds_the_message_and_abort_is_not_caught() {
    let mut b = B::new("");
    let error = b.intrinsic("error", 1, Type::Void);
    let abort = b.intrinsic("abort", 0, Type::Void);
    b.begin(
        vec![local("msg", Type::String)],
        vec![
            stmt(StmtKind::Try {
                body: block(vec![
                    ex(bin(BinaryOp::Mod, n(1), n(0))),
                    println(vec![s("unreached")]),
                ]),
                catch_var: Some(LocalId(0)),
                catch: block(vec![println(vec![s("caught: "), loc(0, Type::String)])]),
            }),
            stmt(StmtKind::Try {
                body: block(vec![ex(call(error, vec![s("custom")], Type::Void))]),
                catch_var: Some(LocalId(0)),
                catch: block(vec![println(vec![loc(0, Type::String)])]),
            }),
            stmt(StmtKind::Try {
                body: block(vec![ex(call(abort, vec![], Type::Void))]),
                catch_var: None,
                catch: block(vec![println(vec![s("abort caught?!")])]),
            }),
            println(vec![s("after abort")]),
        ],
    );
    b.probe(
        ProbeKind::End(0),
        vec![],
        vec![println(vec![s("end runs")])],
    );
    let (out, err, status) = b.run();
    assert_eq!(out, "caught: division by 0\ncustom\nend runs\n");
    assert_eq!((err.as_str(), status), ("", 0));
}

#[test]
fn maxaction_counts_statements() {
    let mut b = B::new("while (1) { x++ }");
    let x = LValue::Local(LocalId(0));
    let mut body = ex(e(
        ExprKind::IncDec {
            target: x,
            increment: true,
            prefix: false,
        },
        Type::Long,
    ));
    body.span = b.at("x++");
    let mut lp = stmt(StmtKind::Loop {
        cond: Some(n(1)),
        step: None,
        body: Box::new(body),
    });
    lp.span = b.at("while");
    b.begin(vec![local("x", Type::Long)], vec![lp]);
    let (_, err, status) = b.run_with(options(&["MAXACTION=5"]));
    assert!(err.starts_with("ERROR: MAXACTION exceeded near "), "{err}");
    assert_eq!(status, 1);
}

#[test]
fn exit_lets_the_handler_finish_and_skips_later_begins() {
    let mut b = B::new("");
    let exit = b.intrinsic("exit", 0, Type::Void);
    b.begin(
        vec![],
        vec![
            ex(call(exit, vec![], Type::Void)),
            println(vec![s("still here")]),
        ],
    );
    b.probe(
        ProbeKind::Begin(5),
        vec![],
        vec![println(vec![s("later begin")])],
    );
    b.probe(
        ProbeKind::Begin(-5),
        vec![],
        vec![println(vec![s("earlier begin")])],
    );
    b.probe(ProbeKind::End(0), vec![], vec![println(vec![s("end")])]);
    b.probe(ProbeKind::Never, vec![], vec![println(vec![s("never")])]);
    let (out, err, status) = b.run();
    assert_eq!(out, "earlier begin\nstill here\nend\n");
    assert_eq!((err.as_str(), status), ("", 0));
}

fn array(keys: &[Type], value: Type) -> GlobalKind {
    GlobalKind::Array {
        keys: keys.to_vec(),
        value,
    }
}

#[test]
fn array_overflow_messages() {
    for (max, defines, want) in [
        (
            None,
            vec!["MAXMAPENTRIES=3"],
            "Array overflow, check MAXMAPENTRIES",
        ),
        (Some(2), vec![], "Array overflow, check size limit (2)"),
    ] {
        let mut b = B::new("a[i] = i");
        let a = b.global_sized("a", array(&[Type::Long], Type::Long), max, false);
        let mut store = assign(
            LValue::Element {
                array: a,
                keys: vec![loc(0, Type::Long)],
            },
            None,
            loc(0, Type::Long),
        );
        store.span = b.at("=");
        b.begin(
            vec![local("i", Type::Long)],
            vec![stmt(StmtKind::Loop {
                cond: Some(cmp(CompareOp::Lt, loc(0, Type::Long), n(10))),
                step: Some(e(
                    ExprKind::IncDec {
                        target: LValue::Local(LocalId(0)),
                        increment: true,
                        prefix: true,
                    },
                    Type::Long,
                )),
                body: Box::new(stmt(StmtKind::Block(block(vec![
                    ex(store),
                    println(vec![loc(0, Type::Long)]),
                ])))),
            })],
        );
        let (out, err, _) = b.run_with(options(&defines));
        let stored = max.unwrap_or(3) as i64;
        let want_out: String = (0..stored).map(|i| format!("{i}\n")).collect();
        assert_eq!(out, want_out);
        assert!(
            err.starts_with(&format!("ERROR: {want} near operator '=' at <input>:1:6\n")),
            "{err}"
        );
    }
}

/// foreach over `a` with the given shape, printing `k=v` lines.
fn foreach_lines(
    fill: &[(i64, &str, i64)],
    sort: Option<Sort>,
    slice: Option<Vec<Option<Expr>>>,
    limit: Option<i64>,
    max: Option<u64>,
    wrap: bool,
) -> String {
    let mut b = B::new("");
    let a = b.global_sized(
        "a",
        array(&[Type::Long, Type::String], Type::Long),
        max,
        wrap,
    );
    let mut stmts = Vec::new();
    for (k1, k2, v) in fill {
        stmts.push(ex(assign(
            LValue::Element {
                array: a,
                keys: vec![n(*k1), s(k2)],
            },
            None,
            n(*v),
        )));
    }
    stmts.push(stmt(StmtKind::Foreach(Box::new(Foreach {
        source: ForeachSource::Array(a),
        keys: vec![LocalId(0), LocalId(1)],
        value: Some(LocalId(2)),
        sort,
        slice,
        limit: limit.map(n),
        body: Box::new(println(vec![
            loc(0, Type::Long),
            s(","),
            loc(1, Type::String),
            s("="),
            loc(2, Type::Long),
        ])),
    }))));
    b.begin(
        vec![
            local("k1", Type::Long),
            local("k2", Type::String),
            local("v", Type::Long),
        ],
        stmts,
    );
    b.run().0
}

#[test]
fn foreach_orders_slices_and_limits() {
    let fill = [(2, "b", 5), (1, "z", 7), (3, "a", 5), (1, "a", 1)];
    let by = |by, descending| {
        Some(Sort {
            by,
            descending,
            extractor: StatOp::Count,
        })
    };
    type Case = (
        Option<Sort>,
        Option<Vec<Option<Expr>>>,
        Option<i64>,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (None, None, None, "2,b=5\n1,z=7\n3,a=5\n1,a=1\n"),
        (
            by(SortKey::Value, true),
            None,
            None,
            "1,z=7\n2,b=5\n3,a=5\n1,a=1\n",
        ),
        (
            by(SortKey::Value, false),
            None,
            None,
            "1,a=1\n2,b=5\n3,a=5\n1,z=7\n",
        ),
        (
            by(SortKey::Key(0), false),
            None,
            None,
            "1,a=1\n1,z=7\n2,b=5\n3,a=5\n",
        ),
        (
            by(SortKey::Key(1), true),
            None,
            None,
            "1,z=7\n2,b=5\n1,a=1\n3,a=5\n",
        ),
        (by(SortKey::Value, true), None, Some(2), "1,z=7\n2,b=5\n"),
        (None, Some(vec![Some(n(1)), None]), None, "1,z=7\n1,a=1\n"),
        (None, Some(vec![None, Some(s("a"))]), Some(1), "3,a=5\n"),
        (None, None, Some(0), ""),
    ];
    for (sort, slice, limit, want) in cases {
        let desc = format!("{sort:?} {limit:?}");
        assert_eq!(
            foreach_lines(&fill, sort, slice, limit, None, false),
            want,
            "{desc}"
        );
    }
}

#[test]
fn wrap_arrays_evict_the_oldest_entry() {
    let fill = [
        (1, "a", 1),
        (2, "b", 2),
        (3, "c", 3),
        (2, "b", 20),
        (4, "d", 4),
    ];
    assert_eq!(
        foreach_lines(&fill, None, None, None, Some(3), true),
        "2,b=20\n3,c=3\n4,d=4\n"
    );
}

#[test]
fn membership_and_deletion() {
    let mut b = B::new("");
    let a = b.global("a", array(&[Type::Long, Type::Long], Type::Long));
    let x = b.global("x", GlobalKind::Scalar(Type::String));
    let inq = |keys: Vec<Option<Expr>>| e(ExprKind::In { array: a, keys }, Type::Long);
    let mut stmts = Vec::new();
    for (i, j) in [(1, 1), (1, 2), (2, 1)] {
        stmts.push(ex(assign(
            LValue::Element {
                array: a,
                keys: vec![n(i), n(j)],
            },
            None,
            n(i * 10 + j),
        )));
    }
    stmts.push(ex(assign(LValue::Global(x), None, s("text"))));
    stmts.push(println(vec![
        inq(vec![Some(n(1)), Some(n(2))]),
        inq(vec![Some(n(2)), Some(n(2))]),
        inq(vec![None, Some(n(2))]),
        inq(vec![Some(n(3)), None]),
        elem(a, vec![n(2), n(1)], Type::Long),
        elem(a, vec![n(9), n(9)], Type::Long),
    ]));
    stmts.push(stmt(StmtKind::Delete(DeleteTarget::Element {
        array: a,
        keys: vec![Some(n(1)), None],
    })));
    stmts.push(println(vec![
        inq(vec![Some(n(1)), None]),
        inq(vec![Some(n(2)), Some(n(1))]),
    ]));
    stmts.push(stmt(StmtKind::Delete(DeleteTarget::Array(a))));
    stmts.push(stmt(StmtKind::Delete(DeleteTarget::Global(x))));
    stmts.push(println(vec![
        inq(vec![None, None]),
        s("["),
        glob(x, Type::String),
        s("]"),
    ]));
    b.begin(vec![], stmts);
    assert_eq!(b.run().0, "1010210\n01\n0[]\n");
}

#[test]
fn statistics_and_empty_aggregates() {
    let mut b = B::new("@min(s)");
    let st = b.global("s", GlobalKind::Stat(StatSpec::default()));
    let get = |op| {
        e(
            ExprKind::StatGet {
                op,
                stat: StatRef::Global(st),
            },
            Type::Long,
        )
    };
    let mut min = get(StatOp::Min);
    min.span = b.at("@min");
    let agg = |v| {
        ex(e(
            ExprKind::Aggregate {
                stat: StatRef::Global(st),
                value: Box::new(n(v)),
            },
            Type::Long,
        ))
    };
    b.begin(
        vec![],
        vec![
            println(vec![get(StatOp::Count), s(" "), get(StatOp::Sum)]),
            agg(3),
            agg(-7),
            agg(10),
            println(vec![
                get(StatOp::Count),
                s(" "),
                get(StatOp::Sum),
                s(" "),
                get(StatOp::Min),
                s(" "),
                get(StatOp::Max),
                s(" "),
                get(StatOp::Avg),
            ]),
            stmt(StmtKind::Delete(DeleteTarget::Global(st))),
            println(vec![min]),
        ],
    );
    let (out, err, _) = b.run();
    assert_eq!(out, "0 0\n3 6 -7 10 2\n");
    assert!(
        err.starts_with("ERROR: empty aggregate near operator '@min' at <input>:1:1\n"),
        "{err}"
    );
}

#[test]
fn string_intrinsics() {
    let mut b = B::new("");
    let substr = b.intrinsic("substr", 3, Type::String);
    let tok = b.intrinsic("tokenize", 2, Type::String);
    let tok1 = b.intrinsic("tokenize_next", 1, Type::String);
    let strpos = b.intrinsic("strpos", 2, Type::Long);
    let repl = b.intrinsic("str_replace", 3, Type::String);
    let sub = |st: &str, a: i64, l: i64| call(substr, vec![s(st), n(a), n(l)], Type::String);
    b.begin(
        vec![],
        vec![
            println(vec![
                sub("hello", 1, 3),
                s("|"),
                sub("hello", 3, 100),
                s("|"),
                sub("hello", 5, 1),
                s("|"),
                sub("hello", -1, 2),
                s("|"),
                sub("hello", 0, 0),
                s("|"),
                sub("hello", 0, -1),
            ]),
            println(vec![
                call(tok, vec![s(",1,,22,"), s(",")], Type::String),
                s("|"),
                call(tok1, vec![s(",")], Type::String),
                s("|"),
                call(tok, vec![s(""), s(",")], Type::String),
                s("|"),
                call(tok1, vec![s(",")], Type::String),
            ]),
            println(vec![
                call(strpos, vec![s("abcabc"), s("ca")], Type::Long),
                s(" "),
                call(strpos, vec![s("abc"), s("x")], Type::Long),
                s(" "),
                call(repl, vec![s("a-b-c"), s("-"), s("--")], Type::String),
                s(" "),
                call(repl, vec![s("abc"), s(""), s("x")], Type::String),
            ]),
        ],
    );
    assert_eq!(b.run().0, "ell|lo||||\n1|22||\n2 -1 a--b--c abc\n");
}

#[test]
fn unread_globals_are_displayed_in_declaration_order() {
    let mut b = B::new("");
    let count = b.global("count", GlobalKind::Scalar(Type::Long));
    let name = b.global("name", GlobalKind::Scalar(Type::String));
    let a = b.global("a", array(&[Type::String, Type::Long], Type::Long));
    let st = b.global("st", GlobalKind::Stat(StatSpec::default()));
    let empty = b.global("empty", GlobalKind::Stat(StatSpec::default()));
    for g in &mut b.prog.globals {
        g.display_at_exit = true;
    }
    let _ = empty;
    let mut stmts = vec![
        ex(assign(LValue::Global(count), None, n(-3))),
        ex(assign(LValue::Global(name), None, s("x y"))),
    ];
    for (k, i, v) in [("p", 1, 5), ("q", 2, 9), ("r", 3, 5)] {
        stmts.push(ex(assign(
            LValue::Element {
                array: a,
                keys: vec![s(k), n(i)],
            },
            None,
            n(v),
        )));
    }
    for v in [4, 8] {
        stmts.push(ex(e(
            ExprKind::Aggregate {
                stat: StatRef::Global(st),
                value: Box::new(n(v)),
            },
            Type::Long,
        )));
    }
    b.begin(vec![], stmts);
    assert_eq!(
        b.run().0,
        "count=-3\nname=\"x y\"\na[\"q\",2]=9\na[\"p\",1]=5\na[\"r\",3]=5\n\
         st @count=2 @min=4 @max=8 @sum=12 @avg=6\nempty @count=0x0\n"
    );
    let mut no_display = options(&[]);
    no_display.display_globals = false;
    assert_eq!(b.run_with(no_display).0, "");
}

#[test]
fn timers_fire_until_exit() {
    let mut b = B::new("");
    let exit = b.intrinsic("exit", 0, Type::Void);
    let c = b.global("c", GlobalKind::Scalar(Type::Long));
    b.probe(
        ProbeKind::Timer {
            period_ns: 1_000_000,
            randomize_ns: 0,
        },
        vec![],
        vec![
            ex(assign(
                LValue::Global(c),
                Some(CompoundOp::Arith(BinaryOp::Add)),
                n(1),
            )),
            stmt(StmtKind::If {
                cond: cmp(CompareOp::Ge, glob(c, Type::Long), n(3)),
                then: Box::new(ex(call(exit, vec![], Type::Void))),
                els: None,
            }),
        ],
    );
    b.probe(
        ProbeKind::End(0),
        vec![],
        vec![println(vec![s("ticks "), glob(c, Type::Long)])],
    );
    assert_eq!(b.run().0, "ticks 3\n");
}

#[test]
fn command_sets_target_and_ends_the_session() {
    let mut b = B::new("");
    let target = b.intrinsic("target", 0, Type::Long);
    b.begin(
        vec![],
        vec![println(vec![cmp(
            CompareOp::Gt,
            call(target, vec![], Type::Long),
            n(0),
        )])],
    );
    b.probe(ProbeKind::End(0), vec![], vec![println(vec![s("end")])]);
    let mut o = options(&[]);
    o.command = Some("exit 0".into());
    assert_eq!(b.run_with(o).0, "1\nend\n");
    let mut o = options(&[]);
    o.target_pid = Some(4242);
    let (mut b2, _) = (B::new(""), ());
    let t2 = b2.intrinsic("target", 0, Type::Long);
    b2.begin(vec![], vec![println(vec![call(t2, vec![], Type::Long)])]);
    assert_eq!(b2.run_with(o).0, "4242\n");
}

#[test]
fn sigterm_ends_a_timer_session() {
    let mut b = B::new("");
    b.probe(
        ProbeKind::Timer {
            period_ns: 5_000_000,
            randomize_ns: 0,
        },
        vec![],
        vec![],
    );
    b.probe(ProbeKind::End(0), vec![], vec![println(vec![s("stopped")])]);
    let mut o = options(&[]);
    o.handle_signals = true;
    let raiser = std::thread::spawn(|| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        signal_hook::low_level::raise(signal_hook::consts::SIGTERM).expect("raise");
    });
    let (out, err, status) = b.run_with(o);
    raiser.join().expect("raiser thread");
    assert_eq!((out.as_str(), err.as_str(), status), ("stopped\n", "", 0));
}

#[test]
fn timeout_ends_the_session_and_runs_the_end_probes() {
    // Begin and end only: without -T an embedded session (no signals) would end at
    // once; with it, the event phase lasts the timeout and ends like exit().
    let mut b = B::new("");
    let c = b.global("c", GlobalKind::Scalar(Type::Long));
    b.probe(
        ProbeKind::Timer {
            period_ns: 10_000_000,
            randomize_ns: 0,
        },
        vec![],
        vec![ex(assign(
            LValue::Global(c),
            Some(CompoundOp::Arith(BinaryOp::Add)),
            n(1),
        ))],
    );
    b.probe(
        ProbeKind::End(0),
        vec![],
        vec![println(vec![
            s("ticked "),
            cmp(CompareOp::Gt, glob(c, Type::Long), n(2)),
        ])],
    );
    let mut o = options(&[]);
    o.timeout = Some(std::time::Duration::from_millis(150));
    let started = std::time::Instant::now();
    let (out, err, status) = b.run_with(o);
    assert_eq!((out.as_str(), err.as_str(), status), ("ticked 1\n", "", 0));
    assert!(started.elapsed() >= std::time::Duration::from_millis(150));

    let mut b = B::new("");
    b.begin(vec![], vec![println(vec![s("begin")])]);
    b.probe(ProbeKind::End(0), vec![], vec![println(vec![s("end")])]);
    let mut o = options(&[]);
    o.timeout = Some(std::time::Duration::from_millis(50));
    let started = std::time::Instant::now();
    assert_eq!(b.run_with(o).0, "begin\nend\n");
    assert!(started.elapsed() >= std::time::Duration::from_millis(50));
}
