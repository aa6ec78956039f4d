//! The snapshot of globals that `--metrics` renders: every user global, read through
//! the store after a session, with values, keys and statistics as the script left them.

use rstap_diag::SourceMap;
use rstap_interp::session::{self, SessionOptions};
use rstap_interp::{CaptureOutput, MemoryStore};
use rstap_ir::Program;
use rstap_syntax::{MacroLibrary, ParseOptions};

fn compile(script: &str) -> (Program, SourceMap) {
    let mut sm = SourceMap::new();
    let file = sm.add("<input>", script);
    let macros = MacroLibrary::default();
    let (user, mut diags) =
        rstap_syntax::parse_script(&sm, file, &ParseOptions::default(), &macros);
    let lib_opts = ParseOptions {
        is_tapset: true,
        ..ParseOptions::default()
    };
    let ids: Vec<_> = rstap_tapsets::embedded()
        .into_iter()
        .filter(|t| !t.is_macro_file())
        .map(|t| sm.add(t.name, t.text))
        .collect();
    let library = ids
        .into_iter()
        .map(|id| {
            let (s, d) = rstap_syntax::parse_script(&sm, id, &lib_opts, &macros);
            diags.extend(d);
            s
        })
        .collect();
    let el = rstap_sema::elaborate_parsed(
        &sm,
        vec![user],
        library,
        &rstap_sema::StaticCatalog::default(),
        &rstap_sema::ElaborateOptions::default(),
    );
    diags.extend(el.diagnostics);
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
    (el.program.unwrap(), sm)
}

#[test]
fn every_user_global_with_its_values() {
    use rstap_format::metrics::{Buckets, GlobalValue, MetricValue};
    let (program, sm) = compile(
        r#"global n, s, a, t, u
probe begin { n = 3; s = "x"; a["k", 2] = 5; a["j", 1] = 6; t <<< 1; t <<< 9; u <<< 4; exit() }
probe end { print(@hist_log(t)) }"#,
    );
    let mut store = MemoryStore::new(&program, 100);
    let opts = SessionOptions {
        handle_signals: false,
        display_globals: false,
        ..SessionOptions::default()
    };
    let mut out = CaptureOutput::default();
    session::run_with_store(&program, &sm, &opts, &mut store, &mut out).unwrap();
    let snap = rstap_interp::snapshot::globals(&program, &mut store);
    let names: Vec<&str> = snap.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["n", "s", "a", "t", "u"]);
    assert_eq!(snap[0].value, GlobalValue::Scalar(MetricValue::Long(3)));
    assert_eq!(
        snap[1].value,
        GlobalValue::Scalar(MetricValue::Str(b"x".to_vec()))
    );
    // Rows sorted by key.
    let s = |t: &str| MetricValue::Str(t.as_bytes().to_vec());
    assert_eq!(
        snap[2].value,
        GlobalValue::Array(vec![
            (vec![s("j"), MetricValue::Long(1)], MetricValue::Long(6)),
            (vec![s("k"), MetricValue::Long(2)], MetricValue::Long(5)),
        ])
    );
    let GlobalValue::Stat(t) = &snap[3].value else {
        panic!("{:?}", snap[3]);
    };
    assert_eq!((t.count, t.sum, t.min), (2, 10, 1));
    let Buckets::Log(b) = &t.buckets else {
        panic!("{t:?}");
    };
    // 1 in bucket 65, 9 in bucket 68 ([8, 15]).
    assert_eq!((b[65], b[68], b.iter().sum::<i64>()), (1, 1, 2));
    let GlobalValue::Stat(u) = &snap[4].value else {
        panic!("{:?}", snap[4]);
    };
    assert_eq!((u.count, &u.buckets), (1, &Buckets::None));
}
