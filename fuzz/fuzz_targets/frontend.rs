//! Any bytes through lexer, preprocessor, parser, `-p1` printer and pass 2: nothing may
//! panic, and the printed form of a clean parse must parse again without errors.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rstap_diag::SourceMap;
use rstap_syntax::{MacroLibrary, ParseOptions, PreprocessEnv, ast, parse_script, print_script};

fn library() -> &'static (SourceMap, Vec<ast::Script>) {
    static LIB: OnceLock<(SourceMap, Vec<ast::Script>)> = OnceLock::new();
    LIB.get_or_init(|| {
        let mut sm = SourceMap::new();
        let opts = ParseOptions {
            is_tapset: true,
            ..ParseOptions::default()
        };
        let scripts = rstap_tapsets::embedded()
            .into_iter()
            .filter(|f| !f.is_macro_file())
            .map(|f| {
                let id = sm.add(f.name, f.text);
                parse_script(&sm, id, &opts, &MacroLibrary::default()).0
            })
            .collect();
        (sm, scripts)
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let (lib_sm, lib) = library();
    let mut sm = lib_sm.clone();
    let file = sm.add("<input>", text);
    let opts = ParseOptions {
        env: PreprocessEnv {
            args: vec!["1".into(), "two".into()],
            ..PreprocessEnv::default()
        },
        ..ParseOptions::default()
    };
    let (script, diags) = parse_script(&sm, file, &opts, &MacroLibrary::default());
    let printed = print_script(&sm, &script);
    let _ = rstap_diag::render_all(&sm, &diags, rstap_diag::RenderOptions::default());
    if diags.iter().any(|d| d.is_error()) {
        return;
    }
    let again = sm.add("<printed>", printed.clone());
    let guru = ParseOptions {
        guru: true,
        ..ParseOptions::default()
    };
    let (reparsed, d2) = parse_script(&sm, again, &guru, &MacroLibrary::default());
    // Full parenthesisation can push an input that sits right at the nesting bound over
    // it; that is the one accepted difference.
    if d2.iter().any(|d| d.message == "nesting too deep") {
        return;
    }
    assert!(!d2.iter().any(|d| d.is_error()), "printed form does not parse:\n{printed}");
    let mut printed2 = print_script(&sm, &reparsed);
    // The header names the file; compare the bodies.
    printed2 = printed2.replacen("# file <printed>", "# file <input>", 1);
    assert_eq!(printed, printed2, "printing is not a fixpoint");
    let catalog = rstap_sema::StaticCatalog::default();
    let el = rstap_sema::elaborate_parsed(&sm, vec![script], lib.clone(), &catalog, &Default::default());
    let _ = rstap_diag::render_all(&sm, &el.diagnostics, rstap_diag::RenderOptions::default());
});
