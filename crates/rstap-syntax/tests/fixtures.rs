//! Data-driven parser tests: `fixtures/ok/*.stp` must parse cleanly and match their `.p1`
//! snapshot (and re-parse to the same form); `fixtures/err/*.stp` must report errors
//! matching their `.err` snapshot. `RSTAP_BLESS=1` rewrites the snapshots.

use std::path::{Path, PathBuf};

use rstap_diag::{RenderOptions, SourceMap};
use rstap_syntax::{MacroLibrary, ParseOptions, PreprocessEnv, parse_script, print_script};

fn options(path: &Path) -> ParseOptions {
    let text = std::fs::read_to_string(path).unwrap();
    let mut env = PreprocessEnv {
        kernel_v: "6.18.44".into(),
        kernel_vr: "6.18.44-test".into(),
        arch: "x86_64".into(),
        ..Default::default()
    };
    env.config.insert("CONFIG_BPF".into(), "y".into());
    // A first line `# args: a b c` supplies script arguments; `# guru` turns on -g;
    // `# tapset` parses as a library file.
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        if let Some(a) = line.strip_prefix("# args:") {
            env.args = a.split_whitespace().map(String::from).collect();
        }
    }
    ParseOptions {
        guru: text.starts_with("# guru") || text.contains("\n# guru"),
        is_tapset: text.starts_with("# tapset"),
        env,
    }
}

fn parse(path: &Path) -> (String, String, usize) {
    let mut sm = SourceMap::new();
    let name = format!("{}", path.file_name().unwrap().to_string_lossy());
    let file = sm.add(name, std::fs::read_to_string(path).unwrap());
    let (script, diags) = parse_script(&sm, file, &options(path), &MacroLibrary::default());
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let rendered = rstap_diag::render_all(&sm, &diags, RenderOptions::default());
    (print_script(&sm, &script), rendered, errors)
}

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "stp"))
        .collect();
    v.sort();
    v
}

fn check_snapshot(path: &Path, actual: &str, failures: &mut Vec<String>) {
    if std::env::var_os("RSTAP_BLESS").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    match std::fs::read_to_string(path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => failures.push(format!(
            "{}: snapshot differs\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        )),
        Err(_) => failures.push(format!(
            "{}: missing snapshot; run with RSTAP_BLESS=1\n{actual}",
            path.display()
        )),
    }
}

#[test]
fn ok_fixtures_parse_print_and_reparse() {
    let mut failures = Vec::new();
    let all = fixtures("ok");
    assert!(all.len() >= 10, "too few ok fixtures");
    for path in all {
        let (printed, diags, errors) = parse(&path);
        if errors > 0 {
            failures.push(format!("{}: unexpected errors\n{diags}", path.display()));
            continue;
        }
        check_snapshot(&path.with_extension("p1"), &printed, &mut failures);
        // The printed form parses back to itself.
        let mut sm = SourceMap::new();
        let f = sm.add(
            path.file_name().unwrap().to_string_lossy().into_owned(),
            printed.clone(),
        );
        let opts = ParseOptions {
            guru: true,
            is_tapset: options(&path).is_tapset,
            env: PreprocessEnv::default(),
        };
        let (again, d) = parse_script(&sm, f, &opts, &MacroLibrary::default());
        let again = print_script(&sm, &again);
        if d.iter().any(|d| d.is_error()) || again != printed {
            failures.push(format!(
                "{}: -p1 output does not re-parse to itself\n{}\n--- first\n{printed}\n--- second\n{again}",
                path.display(),
                rstap_diag::render_all(&sm, &d, RenderOptions::default())
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn err_fixtures_report_their_errors() {
    let mut failures = Vec::new();
    let all = fixtures("err");
    assert!(all.len() >= 10, "too few err fixtures");
    for path in all {
        let (_, diags, errors) = parse(&path);
        if errors == 0 {
            failures.push(format!(
                "{}: expected at least one error\n{diags}",
                path.display()
            ));
            continue;
        }
        check_snapshot(&path.with_extension("err"), &diags, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
