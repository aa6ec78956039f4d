//! End-to-end checks on hand-built syntax trees (the fixture suite under `tests/` covers
//! the same ground from source text).

use rstap_diag::{FileId, RenderOptions, SourceMap, Span, render_all};
use rstap_syntax::ast::*;

use crate::{ElaborateOptions, Elaboration, StaticCatalog, elaborate_parsed};

/// Builds nodes whose spans point at the n-th occurrence of a text in the source.
struct B {
    file: FileId,
    src: String,
}

impl B {
    fn at(&self, needle: &str, nth: usize) -> Span {
        let mut from = 0;
        let mut pos = 0;
        for _ in 0..=nth {
            pos = from + self.src[from..].find(needle).expect("needle in source");
            from = pos + needle.len();
        }
        Span::new(self.file, pos, pos + needle.len())
    }
    fn ident(&self, name: &str, nth: usize) -> Ident {
        Ident {
            name: name.into(),
            span: self.at(name, nth),
        }
    }
    fn sym(&self, name: &str, nth: usize) -> Expr {
        Expr::new(ExprKind::Symbol(self.ident(name, nth)), self.at(name, nth))
    }
    fn num(&self, n: i64, text: &str, nth: usize) -> Expr {
        Expr::new(ExprKind::Literal(Literal::Number(n)), self.at(text, nth))
    }
    fn string(&self, s: &str, text: &str, nth: usize) -> Expr {
        Expr::new(
            ExprKind::Literal(Literal::String(s.into())),
            self.at(text, nth),
        )
    }
    fn assign(&self, target: Expr, value: Expr, nth_eq: usize) -> Stmt {
        let span = self.at("=", nth_eq);
        Stmt {
            kind: StmtKind::Expr(Expr::new(
                ExprKind::Assign {
                    op: AssignOp::Assign,
                    target: Box::new(target.clone()),
                    value: Box::new(value),
                },
                span,
            )),
            span: target.span,
        }
    }
    fn printf(&self, args: Vec<Expr>) -> Stmt {
        let span = self.at("printf", 0);
        Stmt {
            kind: StmtKind::Expr(Expr::new(
                ExprKind::Print {
                    kind: PrintKind {
                        to_string: false,
                        format: true,
                        delimited: false,
                        newline: false,
                        char: false,
                    },
                    args,
                },
                span,
            )),
            span,
        }
    }
    fn probe(&self, point: &str, stmts: Vec<Stmt>) -> Item {
        let span = self.at(point, 0);
        Item::Probe(Probe {
            points: vec![ProbePoint {
                components: vec![Component {
                    name: point.into(),
                    arg: None,
                    span,
                }],
                optional: false,
                sufficient: false,
                condition: None,
                span,
            }],
            body: Block {
                stmts,
                span: self.at("{", 0),
            },
            span: self.at("probe", 0),
            from_tapset: false,
        })
    }
}

fn run(src: &str, build: impl Fn(&B) -> Vec<Item>) -> (SourceMap, Elaboration) {
    let mut sm = SourceMap::new();
    let file = sm.add("<input>", src);
    let b = B {
        file,
        src: src.into(),
    };
    let script = Script {
        file,
        is_tapset: false,
        items: build(&b),
    };
    let e = elaborate_parsed(
        &sm,
        vec![script],
        vec![],
        &StaticCatalog::default(),
        &ElaborateOptions::default(),
    );
    (sm, e)
}

#[test]
fn never_assigned_local_is_reported_with_a_caret() {
    let src = "probe begin { x = 1; printf(\"%d %s\\n\", x, y) }";
    let (sm, e) = run(src, |b| {
        vec![b.probe(
            "begin",
            vec![
                b.assign(b.sym("x", 0), b.num(1, "1", 0), 0),
                b.printf(vec![
                    b.string("%d %s\n", "\"%d %s\\n\"", 0),
                    b.sym("x", 1),
                    b.sym("y", 0),
                ]),
            ],
        )]
    });
    let text = render_all(&sm, &e.diagnostics, RenderOptions::default());
    assert_eq!(
        text,
        "warning[S0401]: never-assigned local variable 'y'\n \
         --> <input>:1:43\n  |\n\
         1 | probe begin { x = 1; printf(\"%d %s\\n\", x, y) }\n  \
         |                                           ^ identifier 'y'\n  \
         = help: alternatives: x\n\n"
    );
    let p = e.program.expect("program");
    assert_eq!(
        crate::dump(&p, false),
        "# probes\nbegin /* <- begin */\n  # locals\n  x:long\n  y:string\n"
    );
}

#[test]
fn reassignment_with_another_type_shows_both_places() {
    let src = "probe begin { x = 1 x = \"s\" }";
    let (sm, e) = run(src, |b| {
        vec![b.probe(
            "begin",
            vec![
                b.assign(b.sym("x", 0), b.num(1, "1", 0), 0),
                b.assign(b.sym("x", 1), b.string("s", "\"s\"", 0), 1),
            ],
        )]
    });
    assert!(e.program.is_none());
    let text = render_all(&sm, &e.diagnostics, RenderOptions::default());
    assert!(
        text.starts_with(
            "semantic error[S0201]: type mismatch (string)\n \
             --> <input>:1:21\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("note: type was first inferred here (long)\n --> <input>:1:15\n"),
        "{text}"
    );
}

#[test]
fn unknown_probe_point_suggests_names() {
    let src = "probe begn { }";
    let (sm, e) = run(src, |b| vec![b.probe("begn", vec![])]);
    let text = render_all(&sm, &e.diagnostics, RenderOptions::default());
    assert!(
        text.starts_with("semantic error[S0101]: while resolving probe point\n"),
        "{text}"
    );
    assert!(
        text.contains("note: probe point mismatch (similar: begin)"),
        "{text}"
    );
}

/// A probe point written as `a.b(1).c("s")`, optionally with `?`/`!`, spans at `text`.
fn point(b: &B, text: &str, nth: usize) -> ProbePoint {
    let span = b.at(text, nth);
    let (body, optional, sufficient) = if let Some(t) = text.strip_suffix('?') {
        (t, true, false)
    } else if let Some(t) = text.strip_suffix('!') {
        (t, true, true)
    } else {
        (text, false, false)
    };
    let components = body
        .split('.')
        .map(|c| {
            let (name, arg) = match c.split_once('(') {
                None => (c, None),
                Some((n, a)) => {
                    let a = a.trim_end_matches(')');
                    let lit = match a.parse::<i64>() {
                        Ok(v) => Literal::Number(v),
                        Err(_) => Literal::String(a.trim_matches('"').into()),
                    };
                    (n, Some(lit))
                }
            };
            Component {
                name: name.into(),
                arg,
                span,
            }
        })
        .collect();
    ProbePoint {
        components,
        optional,
        sufficient,
        condition: None,
        span,
    }
}

fn probe_with(b: &B, points: &[&str], stmts: Vec<Stmt>) -> Item {
    Item::Probe(Probe {
        points: points.iter().map(|p| point(b, p, 0)).collect(),
        body: Block {
            stmts,
            span: b.at("{", 0),
        },
        span: b.at("probe", 0),
        from_tapset: false,
    })
}

fn call_stmt(b: &B, name: &str) -> Stmt {
    let span = b.at(name, 0);
    Stmt {
        kind: StmtKind::Expr(Expr::new(
            ExprKind::Call {
                name: Ident {
                    name: name.into(),
                    span,
                },
                args: vec![],
            },
            span,
        )),
        span,
    }
}

fn run_with_catalog(src: &str, build: impl Fn(&B) -> Vec<Item>) -> (SourceMap, Elaboration) {
    let mut sm = SourceMap::new();
    let file = sm.add("<input>", src);
    let b = B {
        file,
        src: src.into(),
    };
    let lib_src = "function f() %{ /* intrinsic */ %}";
    let lib_file = sm.add("<tapset>/lib.stp", lib_src);
    let lb = B {
        file: lib_file,
        src: lib_src.into(),
    };
    let library = Script {
        file: lib_file,
        is_tapset: true,
        items: vec![Item::Function(Function {
            name: lb.ident("f", 1),
            private: false,
            ret: None,
            params: vec![],
            priority: None,
            body: FunctionBody::Embedded(Embedded {
                code: " /* intrinsic */ ".into(),
                span: lb.at("%{", 0),
            }),
            from_tapset: true,
        })],
    };
    let statics = StaticCatalog::default();
    let fake = crate::FakeCatalog::new().family(
        "kernel.trace(s)",
        "tracepoint(s)",
        &[
            "sched:sched_switch",
            "sched:sched_wakeup",
            "irq:irq_handler_entry",
        ],
    );
    let catalog = crate::Catalogs(vec![&statics, &fake]);
    let script = Script {
        file,
        is_tapset: false,
        items: build(&b),
    };
    let e = elaborate_parsed(
        &sm,
        vec![script],
        vec![library],
        &catalog,
        &ElaborateOptions::default(),
    );
    (sm, e)
}

fn pps(e: &Elaboration) -> Vec<String> {
    e.program
        .as_ref()
        .map(|p| p.probes.iter().map(crate::probe_signature).collect())
        .unwrap_or_default()
}

#[test]
fn wildcards_expand_over_catalog_names_and_parameters() {
    let src = "probe kernel.trace(\"sched:*\"), timer.m*(20) { f() }";
    let (sm, e) = run_with_catalog(src, |b| {
        vec![probe_with(
            b,
            &["kernel.trace(\"sched:*\")", "timer.m*(20)"],
            vec![call_stmt(b, "f")],
        )]
    });
    let text = render_all(&sm, &e.diagnostics, RenderOptions::default());
    assert_eq!(text, "");
    let sig = "kernel.trace(\"sched:*\"), timer.m*(20)";
    assert_eq!(
        pps(&e),
        [
            format!("kernel.trace(\"sched:sched_switch\") /* <- {sig} */"),
            format!("kernel.trace(\"sched:sched_wakeup\") /* <- {sig} */"),
            format!("timer.ms(20) /* <- {sig} */"),
            format!("timer.msec(20) /* <- {sig} */"),
        ]
    );
}

#[test]
fn optional_and_sufficient_alternatives() {
    // `!` stops at the first alternative that resolves; `?` drops what does not.
    let src = "probe nosuch?, timer.s(1)!, timer.ms(5) { f() }";
    let (sm, e) = run_with_catalog(src, |b| {
        vec![probe_with(
            b,
            &["nosuch?", "timer.s(1)!", "timer.ms(5)"],
            vec![call_stmt(b, "f")],
        )]
    });
    assert_eq!(
        render_all(&sm, &e.diagnostics, RenderOptions::default()),
        ""
    );
    let got = pps(&e);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("timer.s(1) /* <- "), "{got:?}");
}

#[test]
fn tracepoint_without_match_lists_similar_names() {
    let src = "probe kernel.trace(\"sched_swtch\") { f() }";
    let (sm, e) = run_with_catalog(src, |b| {
        vec![probe_with(
            b,
            &["kernel.trace(\"sched_swtch\")"],
            vec![call_stmt(b, "f")],
        )]
    });
    let text = render_all(&sm, &e.diagnostics, RenderOptions::default());
    assert!(
        text.contains("note: no match (similar tracepoint(s): sched:sched_switch)"),
        "{text}"
    );
}

#[test]
fn only_optional_points_means_no_probes() {
    let src = "probe nosuch? { f() }";
    let (sm, e) = run_with_catalog(src, |b| {
        vec![probe_with(b, &["nosuch?"], vec![call_stmt(b, "f")])]
    });
    let text = render_all(&sm, &e.diagnostics, RenderOptions::default());
    assert_eq!(text, "semantic error[S0102]: no probes found\n\n");
}

#[test]
fn library_intrinsic_becomes_an_intrinsic_function() {
    let src = "probe begin { f() }";
    let (sm, e) = run_with_catalog(src, |b| {
        vec![probe_with(b, &["begin"], vec![call_stmt(b, "f")])]
    });
    assert_eq!(
        render_all(&sm, &e.diagnostics, RenderOptions::default()),
        ""
    );
    let p = e.program.expect("program");
    assert_eq!(p.functions.len(), 1);
    assert_eq!(
        p.functions[0].body,
        rstap_ir::FunctionBody::Intrinsic("f".into())
    );
    assert!(p.functions[0].from_tapset);
    assert_eq!(p.functions[0].ret, rstap_ir::Type::Void);
}
