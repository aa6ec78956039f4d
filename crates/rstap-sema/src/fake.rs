//! A catalog for tests: families declared as data, so wildcard expansion, `?`/`!`
//! alternatives and "no match (similar ...)" can be exercised without a kernel.

use rstap_ir::{ProbeKind, Type};
use rstap_syntax::ast::Literal;

use crate::catalog::{
    ArgSpec, CatalogError, ContextVar, Pattern, PointComponent, ProbeCatalog, ResolvedPoint,
    pattern_fits, point_text,
};
use crate::glob::glob_match;

#[derive(Clone, Debug)]
struct Family {
    pattern: Pattern,
    /// Plural noun for "no match (similar tracepoint(s): ...)".
    what: String,
    /// The names the string parameter may take (matched with `*`/`?` globs).
    names: Vec<String>,
    context: Vec<(String, Type)>,
}

/// Families declared by tests. Every resolved point has kind [`ProbeKind::Never`]: the
/// pattern and `pp` are what tests look at.
#[derive(Clone, Debug, Default)]
pub struct FakeCatalog {
    families: Vec<Family>,
}

impl FakeCatalog {
    pub fn new() -> Self {
        FakeCatalog::default()
    }

    /// Declares a family such as `kernel.trace(s)` whose single string parameter ranges
    /// over `names`; `what` is the plural noun used in "no match" messages.
    pub fn family(mut self, pattern: &str, what: &str, names: &[&str]) -> Self {
        self.families.push(Family {
            pattern: Pattern::parse(pattern),
            what: what.to_string(),
            names: names.iter().map(|s| s.to_string()).collect(),
            context: Vec::new(),
        });
        self
    }

    /// Adds `$name` context variables to the family declared last.
    pub fn with_context(mut self, vars: &[(&str, Type)]) -> Self {
        if let Some(f) = self.families.last_mut() {
            f.context
                .extend(vars.iter().map(|(n, t)| (n.to_string(), *t)));
        }
        self
    }
}

impl ProbeCatalog for FakeCatalog {
    fn patterns(&self) -> Vec<Pattern> {
        self.families.iter().map(|f| f.pattern.clone()).collect()
    }

    fn resolve(&self, point: &[PointComponent]) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let Some(fam) = self
            .families
            .iter()
            .find(|f| pattern_fits(&f.pattern, point))
        else {
            return Ok(Vec::new());
        };
        let arg_pos = fam
            .pattern
            .components
            .iter()
            .position(|c| c.arg == ArgSpec::String);
        let context: Vec<ContextVar> = fam
            .context
            .iter()
            .map(|(n, t)| ContextVar {
                name: n.clone(),
                ty: *t,
                read: format!("__context_{n}"),
                write: None,
                kernel_type: None,
            })
            .collect();
        let Some(pos) = arg_pos else {
            return Ok(vec![ResolvedPoint {
                kind: ProbeKind::Never,
                pp: point_text(point),
                context,
            }]);
        };
        let Some(Literal::String(want)) = &point[pos].arg else {
            return Ok(Vec::new());
        };
        let want = String::from_utf8_lossy(want).into_owned();
        let mut out = Vec::new();
        for name in &fam.names {
            let short = name.rsplit(':').next().unwrap_or(name);
            if glob_match(&want, name) || (!want.contains(':') && glob_match(&want, short)) {
                let mut concrete = point.to_vec();
                concrete[pos].arg = Some(Literal::String(name.as_bytes().to_vec()));
                out.push(ResolvedPoint {
                    kind: ProbeKind::Never,
                    pp: point_text(&concrete),
                    context: context.clone(),
                });
            }
        }
        if out.is_empty() {
            // Compare like with like: `sched_swtch` against the short names.
            let short = |n: &str| n.rsplit(':').next().unwrap_or(n).to_string();
            let keyed: Vec<(String, &String)> = fam
                .names
                .iter()
                .map(|n| {
                    (
                        if want.contains(':') {
                            n.clone()
                        } else {
                            short(n)
                        },
                        n,
                    )
                })
                .collect();
            let similar = rstap_diag::similar(&want, keyed.iter().map(|(k, _)| k.as_str()), 5)
                .into_iter()
                .filter_map(|k| {
                    keyed
                        .iter()
                        .find(|(kk, _)| *kk == k)
                        .map(|(_, n)| (*n).clone())
                })
                .collect();
            return Err(CatalogError::NoMatch {
                what: fam.what.clone(),
                similar,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trace(arg: &str) -> Vec<PointComponent> {
        vec![
            PointComponent {
                name: "kernel".into(),
                arg: None,
            },
            PointComponent {
                name: "trace".into(),
                arg: Some(Literal::String(arg.as_bytes().to_vec())),
            },
        ]
    }

    #[test]
    fn expands_parameter_wildcards() {
        let cat = FakeCatalog::new().family(
            "kernel.trace(s)",
            "tracepoint(s)",
            &[
                "sched:sched_switch",
                "sched:sched_wakeup",
                "irq:irq_handler_entry",
            ],
        );
        let pps: Vec<String> = cat
            .resolve(&trace("sched:*"))
            .unwrap()
            .into_iter()
            .map(|r| r.pp)
            .collect();
        assert_eq!(
            pps,
            [
                "kernel.trace(\"sched:sched_switch\")",
                "kernel.trace(\"sched:sched_wakeup\")"
            ]
        );
        assert_eq!(cat.resolve(&trace("irq_handler_entry")).unwrap().len(), 1);
        match cat.resolve(&trace("sched_swtch")) {
            Err(e) => assert_eq!(
                e.to_string(),
                "no match (similar tracepoint(s): sched:sched_switch)"
            ),
            Ok(v) => panic!("unexpected {v:?}"),
        }
    }
}
