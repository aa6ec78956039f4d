//! The SystemTap language front end: lexer, preprocessor, parser, AST and `-p1` printer.
//!
//! Architecture invariant: this crate knows nothing about the kernel, tapsets on disk or
//! probe catalogs; the facts preprocessor conditionals test arrive in a
//! [`PreprocessEnv`]. Parsing is total: every input yields a (possibly partial) AST plus
//! diagnostics, and no input makes it panic.
//!
//! Entry points:
//! - [`parse_script`]: text of one file → [`ast::Script`] + diagnostics (lexing, argument
//!   substitution, macros, conditionals, parsing).
//! - [`parse_macro_file`]: a library `*.stpm` file → its macros, for every script.
//! - [`print_script`] / [`print_expr`]: the canonical `-p1` form, which parses back to the
//!   same AST.
//! - [`validate_format`]: pass-1 check of printf format strings.
//! - [`EXPLANATIONS`]: the long form of every `P` code.

pub mod ast;
mod codes;
mod format;
mod lex;
mod parse;
mod pp;
pub mod token;
mod unparse;

use rstap_diag::{Diagnostic, FileId, SourceMap};

pub use codes::EXPLANATIONS;
pub use format::validate_format;
pub use pp::{MacroLibrary, PreprocessEnv, fnmatch, verscmp};
pub use unparse::{literal as print_literal, print_name, probe_point as print_probe_point, quote};

/// How to parse one file.
#[derive(Clone, Debug, Default)]
pub struct ParseOptions {
    pub env: PreprocessEnv,
    /// `-g`: guru-only operators are allowed (embedded C is still refused, with a reason).
    pub guru: bool,
    /// A library (tapset) file: embedded code and guru operators are allowed.
    pub is_tapset: bool,
}

/// Tokens of a file after argument substitution, macros and conditionals.
fn preprocess(
    sm: &SourceMap,
    file: FileId,
    env: &PreprocessEnv,
    library: &MacroLibrary,
    diags: &mut Vec<Diagnostic>,
) -> Vec<token::Token> {
    let text = sm.get(file).map(|f| f.text.as_str()).unwrap_or("");
    let (tokens, d) = lex::Lexer::new(text, file, &env.args).tokenize();
    diags.extend(d);
    let mut local = MacroLibrary::default();
    let tokens = pp::expand_macros(tokens, library, &mut local, diags);
    pp::conditionals(tokens, env, diags)
}

/// Parses one script file. The AST is always returned; errors are in the diagnostics.
pub fn parse_script(
    sm: &SourceMap,
    file: FileId,
    opts: &ParseOptions,
    library: &MacroLibrary,
) -> (ast::Script, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut tokens = preprocess(sm, file, &opts.env, library, &mut diags);
    // The parser relies on a final end-of-input token; a conditional that swallowed it
    // (an unterminated `%(`) must not take it away.
    if tokens.last().is_none_or(|t| t.kind != token::TokKind::Eof) {
        let end = sm.get(file).map(|f| f.text.len()).unwrap_or(0);
        tokens.push(token::Token {
            kind: token::TokKind::Eof,
            text: String::new(),
            span: rstap_diag::Span::new(file, end, end),
            space_before: true,
        });
    }
    let parser = parse::Parser::new(&tokens, file, opts.guru, opts.is_tapset);
    let (script, d) = parser.parse_file();
    diags.extend(d);
    (script, limit_diagnostics(diags))
}

/// At most this many diagnostics per file; a broken macro used in a loop of expansions
/// would otherwise repeat the same error thousands of times.
const MAX_DIAGNOSTICS: usize = 100;

/// Drops exact repeats (same message at the same place) and caps the count, saying how
/// many were left out.
fn limit_diagnostics(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen = std::collections::HashSet::new();
    let mut kept = Vec::new();
    let mut dropped = 0usize;
    for d in diags {
        let key = (d.message.clone(), d.primary.as_ref().map(|l| l.span));
        if !seen.insert(key) {
            continue;
        }
        if kept.len() < MAX_DIAGNOSTICS {
            kept.push(d);
        } else {
            dropped += 1;
        }
    }
    if dropped > 0 {
        kept.push(rstap_diag::Diagnostic::error(
            rstap_diag::Stage::Parse,
            parse::E_SYNTAX,
            format!("too many errors: {dropped} more not shown"),
        ));
    }
    kept
}

/// Reads the `@define`s of a library macro file (`*.stpm`).
pub fn parse_macro_file(
    sm: &SourceMap,
    file: FileId,
    env: &PreprocessEnv,
) -> (MacroLibrary, Vec<Diagnostic>) {
    let text = sm.get(file).map(|f| f.text.as_str()).unwrap_or("");
    let (tokens, mut diags) = lex::Lexer::new(text, file, &[]).tokenize();
    let lib = pp::macro_file(tokens, env, &mut diags);
    (lib, diags)
}

/// The `-p1` form of one parsed file.
pub fn print_script(sm: &SourceMap, script: &ast::Script) -> String {
    let name = sm
        .get(script.file)
        .map(|f| f.name.as_str())
        .unwrap_or("<input>");
    unparse::script(name, script)
}

/// The canonical text of one expression (used in messages).
pub fn print_expr(e: &ast::Expr) -> String {
    unparse::expr(e)
}
