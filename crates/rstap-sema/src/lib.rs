//! Semantic analysis (pass 2): from parsed scripts to a typed, resolved [`ir::Program`].
//!
//! Architecture invariant: this crate sees the system only through data and traits. Probe
//! points are resolved against a [`ProbeCatalog`] (the [`StaticCatalog`] here, tracepoints
//! and processes elsewhere, a [`FakeCatalog`] in tests); the library arrives as tapset
//! files. It never touches the kernel, the filesystem or the terminal, and returns
//! diagnostics instead of printing them.
//!
//! Public API:
//! - [`elaborate`] parses the tapset library and elaborates the user scripts;
//!   [`elaborate_parsed`] does the same from already parsed library files.
//! - [`ElaborateOptions`]: `-u`, `-w`, `-W`, `-g`, `--skip-badvars`,
//!   `--no-global-var-display`.
//! - [`Elaboration`]: the program (when there was no error) and every diagnostic.
//! - [`dump`]: the `-p2` listing of a program (`verbose` adds bodies);
//!   [`pass2_summary`] the counts for `-v`; [`probe_listing`] for `-l`;
//!   [`probe_types`] for `--dump-probe-types`.
//! - [`catalog`]: the [`ProbeCatalog`] trait, [`StaticCatalog`], [`Catalogs`] to combine
//!   several; [`fake::FakeCatalog`] for tests.
//! - [`EXPLANATIONS`]: the long form of every `S` code.
//!
//! Steps, one module each: `probes` (matching, aliases, wildcards), `resolve` (driving
//! the work queues), `lower` (names bound, AST → IR), `infer` (types to a fixed point),
//! `opt` (elision and warnings), `finish` (renumbering into the final program).

pub mod catalog;
mod checks;
mod codes;
mod context_names;
mod describe;
mod dump;
mod elab;
mod entry_values;
pub mod fake;
mod finish;
pub mod functions;
mod glob;
mod infer;
pub mod kernel_types;
mod lower;
mod opt;
mod printf;
mod probes;
mod process_filter;
mod resolve;
pub mod tracepoints;
mod typed_access;
pub mod uprobes;

use rstap_diag::{Diagnostic, SourceMap, Stage};
use rstap_ir as ir;
use rstap_syntax::ast;

pub use catalog::{Catalogs, ProbeCatalog, StaticCatalog};
pub use codes::EXPLANATIONS;
pub use dump::{
    dump, function_signature, pass2_summary, probe_listing, probe_signature, probe_types,
};
pub use fake::FakeCatalog;
pub use functions::{FunctionCatalog, FunctionSignature, FunctionSource};
pub use kernel_types::{FakeTypes, KernelType, MemberInfo, TypeShape, TypeSource};
pub use printf::{ArgKind, format_args};
pub use tracepoints::{TracepointArg, TracepointCatalog, TracepointSource};
pub use uprobes::{SourceFunc, SourceLine, UserInline, UserLabel, UserLibrary, UserSource};
pub use uprobes::{
    UprobeCatalog, UserBinary, UserBinarySource, UserFunction, UserMark, UserParam, UserVar,
    UserVarLocation, param_vars, statement_vars,
};

/// Command-line switches that change pass 2.
#[derive(Clone, Debug, Default)]
pub struct ElaborateOptions {
    /// `-u`: keep unused functions, variables and statements (and check them).
    pub unoptimized: bool,
    /// `-w`: drop warnings.
    pub suppress_warnings: bool,
    /// `-W`: turn warnings into errors.
    pub warnings_as_errors: bool,
    /// `-g`: guru mode.
    pub guru: bool,
    /// `--skip-badvars`: unresolvable context variables read as 0.
    pub skip_badvars: bool,
    /// `--no-global-var-display`: never print globals at exit.
    pub no_global_var_display: bool,
    /// Globals given their value on the command line (`-G NAME=VALUE`): read but never
    /// assigned in the script is then what they are for, not a mistake to warn about.
    pub preset_globals: Vec<String>,
}

/// The result of pass 2.
#[derive(Clone, Debug, Default)]
pub struct Elaboration {
    /// `None` when any error was reported.
    pub program: Option<ir::Program>,
    /// Errors and warnings in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Elaborates `user` scripts against already parsed `library` files.
pub fn elaborate_parsed(
    sm: &SourceMap,
    user: Vec<ast::Script>,
    library: Vec<ast::Script>,
    catalog: &dyn ProbeCatalog,
    opts: &ElaborateOptions,
) -> Elaboration {
    let mut el = elab::Elab::new(sm, opts, catalog);
    let user_files: Vec<_> = user.iter().map(|s| s.file).collect();
    for s in user {
        el.add_script(s);
    }
    for mut s in library {
        s.is_tapset = true;
        el.add_script(s);
    }
    for f in user_files {
        el.include_file(f);
    }
    el.run_queues();
    checks::check(&mut el);
    if el.probes.is_empty() && !el.has_errors() {
        el.emit(Diagnostic::error(
            Stage::Semantic,
            codes::NO_PROBES,
            "no probes found",
        ));
    }
    if el.has_errors() {
        return Elaboration {
            program: None,
            diagnostics: el.diags,
        };
    }
    // Types first, so a mismatch is reported even in code that elision would drop;
    // unknown types only matter for what survives elision.
    let skip: std::collections::HashSet<u32> = if opts.unoptimized {
        Default::default()
    } else {
        let reachable = opt::reachable_functions(&mut el);
        (0..el.funcs.len() as u32)
            .filter(|f| !reachable.contains(f))
            .collect()
    };
    infer::infer(&mut el, &skip);
    if el.has_errors() {
        // Elision warnings about code that does not type-check are only noise.
        return Elaboration {
            program: None,
            diagnostics: el.diags,
        };
    }
    let displayed = opt::displayed_globals(&mut el);
    opt::optimize(&mut el);
    infer::report_unresolved(&mut el);
    let program = finish::build(&mut el, &displayed);
    let failed = el.has_errors();
    Elaboration {
        program: (!failed).then_some(program),
        diagnostics: el.diags,
    }
}

#[cfg(test)]
mod tests;
