//! The `-p2` listing: `# globals`, `# functions`, `# probes` with their `# locals`,
//! in SystemTap's signature forms; with `verbose` each function and probe body follows.

use std::fmt::Write;

use rstap_ir::print::{Names, global_sig, type_name};
use rstap_ir::{FunctionBody, Program};

/// `f:long (x:long, y:string)`
pub fn function_signature(f: &rstap_ir::Function) -> String {
    let params: Vec<String> = f
        .locals
        .iter()
        .take(f.arity)
        .map(|l| format!("{}:{}", l.name, type_name(l.ty)))
        .collect();
    format!("{}:{} ({})", f.name, type_name(f.ret), params.join(", "))
}

/// `begin /* <- begin */`
pub fn probe_signature(p: &rstap_ir::Probe) -> String {
    if p.derivation.is_empty() {
        p.pp.clone()
    } else {
        format!("{} /* <- {} */", p.pp, p.derivation.join(" <- "))
    }
}

pub fn dump(program: &Program, verbose: bool) -> String {
    let mut out = String::new();
    if !program.globals.is_empty() {
        out.push_str("# globals\n");
    }
    for g in &program.globals {
        let mut sig = global_sig(g);
        if !verbose && let Some(i) = sig.find(" = ") {
            // Initial values are shown only in verbose mode.
            sig.truncate(i);
        }
        let _ = writeln!(out, "{sig}");
    }
    if !program.functions.is_empty() {
        out.push_str("# functions\n");
    }
    // Listed by name, as SystemTap keeps its functions in a sorted map.
    let mut functions: Vec<&rstap_ir::Function> = program.functions.iter().collect();
    functions.sort_by(|a, b| a.name.cmp(&b.name));
    for f in functions {
        let _ = writeln!(out, "{}", function_signature(f));
        let locals = &f.locals[f.arity.min(f.locals.len())..];
        if !locals.is_empty() {
            out.push_str("  # locals\n");
        }
        for l in locals {
            let _ = writeln!(out, "  {}:{}", l.name, type_name(l.ty));
        }
        if verbose {
            match &f.body {
                FunctionBody::Intrinsic(name) => {
                    let _ = writeln!(out, "%{{ /* intrinsic: {name} */ %}}");
                }
                FunctionBody::Block(b) => {
                    let names = Names {
                        program,
                        locals: &f.locals,
                    };
                    names.block(&mut out, b, 0);
                    out.push('\n');
                }
            }
        }
    }
    if !program.probes.is_empty() {
        out.push_str("# probes\n");
    }
    for p in &program.probes {
        let _ = writeln!(out, "{}", probe_signature(p));
        if !p.locals.is_empty() {
            out.push_str("  # locals\n");
        }
        for l in &p.locals {
            let _ = writeln!(out, "  {}:{}", l.name, type_name(l.ty));
        }
        if verbose {
            let names = Names {
                program,
                locals: &p.locals,
            };
            if let Some(c) = &p.condition {
                let _ = writeln!(out, "if ({})", names.expr(c));
            }
            names.block(&mut out, &p.body, 0);
            out.push('\n');
        }
    }
    out
}

/// `-l` output: the user-level names (`pn`) of every probe, sorted and deduplicated.
/// Elaborate `probe PATTERN {}` with `unoptimized` set so empty probes survive.
pub fn probe_listing(program: &Program) -> Vec<String> {
    let mut names: Vec<String> = program
        .probes
        .iter()
        .filter(|p| !p.from_tapset)
        .map(|p| p.pn.clone())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// `--dump-probe-types`: every shape the catalog resolves, sorted.
pub fn probe_types(catalog: &dyn crate::ProbeCatalog) -> Vec<String> {
    let mut lines: Vec<String> = catalog.patterns().iter().map(|p| p.to_string()).collect();
    lines.sort();
    lines.dedup();
    lines
}

/// The counts of `Pass 2: analyzed script: 2 probes, 6 functions, 0 embeds, 2 globals`.
pub fn pass2_summary(program: &Program) -> String {
    let n =
        |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    format!(
        "{}, {}, {}, {}",
        n(program.probes.len(), "probe"),
        n(program.functions.len(), "function"),
        n(0, "embed"),
        n(program.globals.len(), "global")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probe_types_are_sorted_shapes() {
        let lines = probe_types(&crate::StaticCatalog::default());
        assert!(lines.contains(&"timer.ms(number).randomize(number)".to_string()));
        assert!(lines.contains(&"procfs[(string)].umask(number).write".to_string()));
        assert!(
            !lines
                .iter()
                .any(|l| l.starts_with("timer.hz(number).randomize"))
        );
        let mut sorted = lines.clone();
        sorted.sort();
        assert_eq!(lines, sorted);
    }

    #[test]
    fn summary_counts_with_plurals() {
        let mut p = Program::default();
        assert_eq!(
            pass2_summary(&p),
            "0 probes, 0 functions, 0 embeds, 0 globals"
        );
        p.globals.push(rstap_ir::Global {
            name: "g".into(),
            kind: rstap_ir::GlobalKind::Scalar(rstap_ir::Type::Long),
            init: None,
            max_entries: None,
            wrap: false,
            from_tapset: false,
            display_at_exit: false,
            span: rstap_diag::Span::DUMMY,
        });
        assert_eq!(
            pass2_summary(&p),
            "0 probes, 0 functions, 0 embeds, 1 global"
        );
    }
}
