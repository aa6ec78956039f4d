//! The script suite: every `tests/scripts/NAME.stp` is parsed, elaborated against the
//! embedded tapset library and run as a userspace session. Its stdout must equal
//! `NAME.stdout`; `NAME.stderr` and `NAME.status` are checked when present (an absent
//! `.stderr` means stderr must be empty, an absent `.status` means exit status 0).
//!
//! A first line `# options: ...` gives command-line options: `-DNAME=VALUE`,
//! `--suppress-handler-errors`, `--no-global-var-display`, `-x PID`, `-c CMD` (the rest
//! of the line). The script is named `<input>` in messages, as with `-e`.
//!
//! `RSTAP_BLESS=1` rewrites the expected files from the actual results.

use std::path::{Path, PathBuf};

use rstap_diag::{RenderOptions, SourceMap, render_all};
use rstap_interp::session::{self, SessionOptions};
use rstap_interp::{CaptureOutput, Limits};
use rstap_syntax::{MacroLibrary, ParseOptions};

struct Outcome {
    stdout: String,
    stderr: String,
    status: i32,
}

fn options_of(script: &str) -> (SessionOptions, bool) {
    let mut o = SessionOptions {
        handle_signals: false,
        ..SessionOptions::default()
    };
    let mut limits = Limits::default();
    let mut no_display = false;
    if let Some(line) = script.lines().next()
        && let Some(opts) = line.strip_prefix("# options:")
    {
        let mut words = opts.split_whitespace();
        while let Some(w) = words.next() {
            if let Some(d) = w.strip_prefix("-D") {
                limits.define(d).expect("known -D limit");
            } else if w == "--suppress-handler-errors" {
                o.suppress_handler_errors = true;
            } else if w == "--no-global-var-display" {
                no_display = true;
            } else if w == "-x" {
                o.target_pid = words.next().and_then(|p| p.parse().ok());
            } else if w == "-c" {
                o.command = Some(words.by_ref().collect::<Vec<_>>().join(" "));
            } else {
                panic!("unknown option {w}");
            }
        }
    }
    o.limits = limits;
    o.display_globals = !no_display;
    (o, no_display)
}

fn run_script(script: &str) -> Outcome {
    let (options, no_display) = options_of(script);
    let mut sm = SourceMap::new();
    let file = sm.add("<input>", script);
    let user_opts = ParseOptions::default();
    let lib_opts = ParseOptions {
        is_tapset: true,
        ..ParseOptions::default()
    };
    let macros = MacroLibrary::default();
    let (user, mut diags) = rstap_syntax::parse_script(&sm, file, &user_opts, &macros);
    let ids: Vec<_> = rstap_tapsets::embedded()
        .into_iter()
        .filter(|t| !t.is_macro_file())
        .map(|t| sm.add(t.name, t.text))
        .collect();
    let mut library = Vec::new();
    for id in ids {
        let (script, d) = rstap_syntax::parse_script(&sm, id, &lib_opts, &macros);
        diags.extend(d);
        library.push(script);
    }
    let el = rstap_sema::elaborate_parsed(
        &sm,
        vec![user],
        library,
        &rstap_sema::StaticCatalog::default(),
        &rstap_sema::ElaborateOptions {
            no_global_var_display: no_display,
            ..Default::default()
        },
    );
    diags.extend(el.diagnostics);
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).cloned().collect();
    let Some(program) = el.program.filter(|_| errors.is_empty()) else {
        return Outcome {
            stdout: String::new(),
            stderr: render_all(&sm, &errors, RenderOptions::default()),
            status: 1,
        };
    };
    let mut out = CaptureOutput::default();
    let status = session::run(&program, &sm, &options, &mut out).expect("session starts");
    Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        status,
    }
}

fn read_or(path: &Path, default: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|_| default.to_string())
}

fn check(path: &Path, bless: bool) -> Option<String> {
    let script = std::fs::read_to_string(path).expect("read script");
    let got = run_script(&script);
    let with = |ext: &str| path.with_extension(ext);
    if bless {
        std::fs::write(with("stdout"), &got.stdout).expect("write stdout");
        for (ext, text, empty) in [
            ("stderr", got.stderr.clone(), got.stderr.is_empty()),
            ("status", format!("{}\n", got.status), got.status == 0),
        ] {
            if empty {
                let _ = std::fs::remove_file(with(ext));
            } else {
                std::fs::write(with(ext), text).expect("write expectation");
            }
        }
        return None;
    }
    let want_out = read_or(&with("stdout"), "");
    let want_err = read_or(&with("stderr"), "");
    let want_status: i32 = read_or(&with("status"), "0").trim().parse().unwrap_or(-1);
    let mut problems = Vec::new();
    if got.stdout != want_out {
        problems.push(format!(
            "stdout:\n--- want\n{want_out}--- got\n{}",
            got.stdout
        ));
    }
    if got.stderr != want_err {
        problems.push(format!(
            "stderr:\n--- want\n{want_err}--- got\n{}",
            got.stderr
        ));
    }
    if got.status != want_status {
        problems.push(format!("status: want {want_status}, got {}", got.status));
    }
    (!problems.is_empty()).then(|| format!("{}:\n{}", path.display(), problems.join("\n")))
}

#[test]
fn scripts() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let filter = std::env::var("RSTAP_SCRIPT").ok();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("scripts directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "stp"))
        .filter(|p| {
            filter.as_ref().is_none_or(|f| {
                p.file_stem()
                    .is_some_and(|s| s.to_string_lossy().contains(f))
            })
        })
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no scripts found");
    let bless = std::env::var_os("RSTAP_BLESS").is_some();
    // Deep script recursion (MAXNESTING) needs more stack than a test thread has.
    let failures: Vec<String> = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || paths.iter().filter_map(|p| check(p, bless)).collect())
        .expect("spawn the script runner")
        .join()
        .expect("script runner");
    assert!(
        failures.is_empty(),
        "{} scripts failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
