//! Data-driven tests: `fixtures/ok/*.stp` must elaborate and their `.out` snapshot holds
//! the warnings and the verbose `-p2` listing; `fixtures/err/*.stp` must fail and their
//! `.out` holds the rendered diagnostics. `RSTAP_BLESS=1` rewrites the snapshots.
//!
//! A first line `# opts: -u -w -W -g --skip-badvars` sets options. Every fixture sees the
//! static families, a fake tracepoint family and a small library (`fixtures/tapset/` plus
//! the embedded `probes_*.stp` aliases).

use std::fmt::Write;
use std::path::{Path, PathBuf};

use rstap_diag::{RenderOptions, SourceMap, render_all};
use rstap_ir::Type;
use rstap_sema::{Catalogs, ElaborateOptions, FakeCatalog, StaticCatalog, dump, elaborate_parsed};
use rstap_syntax::{MacroLibrary, ParseOptions};
use rstap_tapsets::TapsetFile;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn library() -> Vec<TapsetFile> {
    let mut files: Vec<TapsetFile> = rstap_tapsets::embedded()
        .into_iter()
        .filter(|f| {
            f.name
                .rsplit('/')
                .next()
                .is_some_and(|n| n.starts_with("probes_"))
        })
        .collect();
    let mut extra: Vec<PathBuf> = std::fs::read_dir(fixture_dir().join("tapset"))
        .expect("tapset fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    extra.sort();
    for p in extra {
        files.push(TapsetFile {
            name: format!("<fixture>/{}", p.file_name().unwrap().to_string_lossy()),
            text: std::fs::read_to_string(&p).expect("read tapset fixture"),
        });
    }
    files
}

fn tracepoints() -> FakeCatalog {
    FakeCatalog::new()
        .family(
            "kernel.trace(s)",
            "tracepoint(s)",
            &[
                "sched:sched_switch",
                "sched:sched_wakeup",
                "sched:sched_process_exit",
                "irq:irq_handler_entry",
            ],
        )
        .with_context(&[("prev_pid", Type::Long), ("next_pid", Type::Long)])
}

fn options(text: &str) -> ElaborateOptions {
    let mut o = ElaborateOptions::default();
    if let Some(line) = text.lines().next()
        && let Some(rest) = line.strip_prefix("# opts:")
    {
        for w in rest.split_whitespace() {
            match w {
                "-u" => o.unoptimized = true,
                "-w" => o.suppress_warnings = true,
                "-W" => o.warnings_as_errors = true,
                "-g" => o.guru = true,
                "--skip-badvars" => o.skip_badvars = true,
                other => panic!("unknown fixture option {other}"),
            }
        }
    }
    o
}

/// Elaborates one fixture; returns whether it succeeded and the snapshot text.
fn run(path: &Path) -> (bool, String) {
    let text = std::fs::read_to_string(path).expect("read fixture");
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut sm = SourceMap::new();
    let file = sm.add(name, text.clone());
    let macros = MacroLibrary::default();
    let user_opts = ParseOptions {
        guru: options(&text).guru,
        ..ParseOptions::default()
    };
    let (script, diags) = rstap_syntax::parse_script(&sm, file, &user_opts, &macros);
    let mut out = String::new();
    if diags.iter().any(|d| d.is_error()) {
        out.push_str(&render_all(&sm, &diags, RenderOptions::default()));
        return (false, out);
    }
    let lib_opts = ParseOptions {
        is_tapset: true,
        ..ParseOptions::default()
    };
    let mut lib = Vec::new();
    for f in library() {
        let id = sm.add(f.name, f.text);
        let (s, d) = rstap_syntax::parse_script(&sm, id, &lib_opts, &macros);
        assert!(
            !d.iter().any(|d| d.is_error()),
            "library fixture does not parse: {}",
            render_all(&sm, &d, RenderOptions::default())
        );
        lib.push(s);
    }
    let statics = StaticCatalog::default();
    let fake = tracepoints();
    let catalog = Catalogs(vec![&statics, &fake]);
    let e = elaborate_parsed(&sm, vec![script], lib, &catalog, &options(&text));
    out.push_str(&render_all(&sm, &e.diagnostics, RenderOptions::default()));
    match &e.program {
        Some(p) => {
            out.push_str(&dump(p, true));
            let shown: Vec<&str> = p
                .globals
                .iter()
                .filter(|g| g.display_at_exit)
                .map(|g| g.name.as_str())
                .collect();
            if !shown.is_empty() {
                let _ = writeln!(out, "# displayed at exit: {}", shown.join(", "));
            }
            (true, out)
        }
        None => (false, out),
    }
}

fn check_dir(kind: &str, want_ok: bool) {
    let dir = fixture_dir().join(kind);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "stp"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {}", dir.display());
    let bless = std::env::var_os("RSTAP_BLESS").is_some();
    let mut failures = Vec::new();
    for path in paths {
        let (ok, actual) = run(&path);
        let name = path.display().to_string();
        if ok != want_ok {
            failures.push(format!(
                "{name}: expected {} but got:\n{actual}",
                if want_ok { "success" } else { "failure" }
            ));
            continue;
        }
        let snap = path.with_extension("out");
        if bless {
            std::fs::write(&snap, &actual).expect("write snapshot");
            continue;
        }
        match std::fs::read_to_string(&snap) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{name}: snapshot differs\n--- expected\n{expected}--- actual\n{actual}"
            )),
            Err(_) => failures.push(format!(
                "{name}: no snapshot (run with RSTAP_BLESS=1)\n{actual}"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn ok_fixtures() {
    check_dir("ok", true);
}

#[test]
fn err_fixtures() {
    check_dir("err", false);
}
