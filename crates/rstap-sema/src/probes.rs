//! Probe-point resolution: matching written points against catalog patterns and alias
//! names (with `*` and `**` wildcards and alias suffixes), expanding aliases into
//! prologue/user/epilogue bodies, honouring `?`, `!` and `if (cond)`, and explaining
//! failures the way SystemTap does ("probe point mismatch (similar: ...)").

use std::rc::Rc;

use rstap_diag::{FileId, Span};
use rstap_syntax::ast::{self, AliasKind, Literal};

use crate::catalog::{ArgSpec, Pattern, PointComponent, ResolvedPoint, arg_fits, point_text};
use crate::glob::{glob_match, has_wildcard};

/// Alias expansion deeper than this is taken to be a cycle.
const MAX_ALIAS_DEPTH: usize = 32;

/// A component as written, with its span.
#[derive(Clone, Debug)]
pub(crate) struct UComp {
    pub name: String,
    pub arg: Option<Literal>,
    pub span: Span,
}

/// A probe point being resolved, from the user script or from an alias definition.
#[derive(Clone, Debug)]
pub(crate) struct Point {
    pub comps: Vec<UComp>,
    pub optional: bool,
    pub sufficient: bool,
    pub condition: Option<(FileId, ast::Expr)>,
}

impl Point {
    pub fn from_ast(p: &ast::ProbePoint, file: FileId) -> Point {
        Point {
            comps: p
                .components
                .iter()
                .map(|c| UComp {
                    name: c.name.clone(),
                    arg: c.arg.clone(),
                    span: c.span,
                })
                .collect(),
            optional: p.optional || p.sufficient,
            sufficient: p.sufficient,
            condition: p.condition.clone().map(|c| (file, c)),
        }
    }

    pub fn span(&self) -> Span {
        self.comps.first().map(|c| c.span).unwrap_or(Span::DUMMY)
    }
}

/// The written form of a point, with its `?`/`!` suffix: used in derivation comments.
pub(crate) fn written(p: &ast::ProbePoint) -> String {
    let comps: Vec<PointComponent> = p
        .components
        .iter()
        .map(|c| PointComponent {
            name: c.name.clone(),
            arg: c.arg.clone(),
        })
        .collect();
    let mut s = point_text(&comps);
    if p.sufficient {
        s.push('!');
    } else if p.optional {
        s.push('?');
    }
    s
}

/// `name = point, point` / `name += point`, as `--dump-probe-aliases` and `-p2` show it.
pub(crate) fn alias_signature(a: &ast::ProbeAlias) -> String {
    let names: Vec<String> = a.names.iter().map(written).collect();
    let points: Vec<String> = a.points.iter().map(written).collect();
    let op = match a.kind {
        AliasKind::Prologue => "=",
        AliasKind::Epilogue => "+=",
    };
    format!("{} {op} {}", names.join(", "), points.join(", "))
}

/// A body fragment of a derived probe; the file decides which private symbols it sees.
#[derive(Clone, Debug)]
pub(crate) enum Piece {
    User(Rc<ast::Probe>, FileId),
    Alias(Rc<ast::ProbeAlias>, FileId, bool),
}

impl Piece {
    pub fn block(&self) -> &ast::Block {
        match self {
            Piece::User(p, _) => &p.body,
            Piece::Alias(a, _, false) => &a.body,
            Piece::Alias(a, _, true) => a.epilogue.as_ref().unwrap_or(&a.body),
        }
    }

    pub fn file(&self) -> FileId {
        match self {
            Piece::User(_, f) | Piece::Alias(_, f, _) => *f,
        }
    }
}

/// One concrete probe produced from a written probe point.
#[derive(Clone, Debug)]
pub(crate) struct Derived {
    pub point: ResolvedPoint,
    pub pn: String,
    pub derivation: Vec<String>,
    pub pieces: Vec<Piece>,
    pub conditions: Vec<(FileId, ast::Expr)>,
}

/// Why a point failed: the note text and the component it is about.
#[derive(Clone, Debug)]
pub(crate) struct PointError {
    pub message: String,
    pub span: Span,
}

/// A name an alias answers to, in pattern form.
#[derive(Clone, Debug)]
pub(crate) struct AliasDef {
    pub alias: Rc<ast::ProbeAlias>,
    pub file: FileId,
    pub tapset: bool,
}

#[derive(Clone, Copy, Debug)]
enum PatArg<'a> {
    Spec(ArgSpec),
    Exact(&'a Option<Literal>),
}

#[derive(Clone, Copy, Debug)]
struct PatComp<'a> {
    name: &'a str,
    arg: PatArg<'a>,
}

fn comp_fits(u: &UComp, p: &PatComp) -> bool {
    let arg_ok = match p.arg {
        PatArg::Spec(spec) => arg_fits(spec, &u.arg),
        PatArg::Exact(want) => *want == u.arg,
    };
    arg_ok && glob_match(&u.name, p.name)
}

/// All ways `user` matches `pat`; each result is the concrete components and how many
/// user components were consumed (less than all only when `prefix` allows a suffix).
fn match_comps(
    user: &[UComp],
    pat: &[PatComp],
    acc: &mut Vec<PointComponent>,
    consumed: usize,
    prefix: bool,
    out: &mut Vec<(Vec<PointComponent>, usize)>,
) {
    if pat.is_empty() {
        if user.iter().all(|u| u.name == "**") {
            out.push((acc.clone(), consumed + user.len()));
        } else if prefix {
            out.push((acc.clone(), consumed));
        }
        return;
    }
    let Some(u) = user.first() else {
        return;
    };
    if u.name == "**" {
        // `**` matches zero components ...
        match_comps(&user[1..], pat, acc, consumed + 1, prefix, out);
        // ... or one more, staying available for the next.
        let takes_no_arg = match pat[0].arg {
            PatArg::Spec(s) => s == ArgSpec::None || s == ArgSpec::OptionalString,
            PatArg::Exact(a) => a.is_none(),
        };
        if takes_no_arg {
            acc.push(PointComponent {
                name: pat[0].name.to_string(),
                arg: None,
            });
            match_comps(user, &pat[1..], acc, consumed, prefix, out);
            acc.pop();
        }
        return;
    }
    if comp_fits(u, &pat[0]) {
        acc.push(PointComponent {
            name: pat[0].name.to_string(),
            arg: u.arg.clone(),
        });
        match_comps(&user[1..], &pat[1..], acc, consumed + 1, prefix, out);
        acc.pop();
    }
}

/// What one written point matched.
#[derive(Clone, Debug)]
pub(crate) enum Match {
    Catalog(Vec<PointComponent>),
    Alias {
        alias: usize,
        name: Vec<PointComponent>,
        suffix: Vec<UComp>,
    },
}

fn pattern_comps(p: &Pattern) -> Vec<PatComp<'_>> {
    p.components
        .iter()
        .map(|c| PatComp {
            name: &c.name,
            arg: PatArg::Spec(c.arg),
        })
        .collect()
}

fn alias_comps(p: &ast::ProbePoint) -> Vec<PatComp<'_>> {
    p.components
        .iter()
        .map(|c| PatComp {
            name: &c.name,
            arg: PatArg::Exact(&c.arg),
        })
        .collect()
}

/// Matches a point against every pattern and alias name. Full matches win; only when
/// there are none is an alias allowed to match a prefix, the rest becoming its suffix.
pub(crate) fn match_point(point: &Point, patterns: &[Pattern], aliases: &[AliasDef]) -> Vec<Match> {
    let mut found: Vec<Match> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for prefix in [false, true] {
        if prefix && !found.is_empty() {
            break;
        }
        if !prefix {
            for p in patterns {
                let mut out = Vec::new();
                match_comps(
                    &point.comps,
                    &pattern_comps(p),
                    &mut Vec::new(),
                    0,
                    false,
                    &mut out,
                );
                for (comps, _) in out {
                    if seen.insert(format!("c:{}", point_text(&comps))) {
                        found.push(Match::Catalog(comps));
                    }
                }
            }
        }
        for (i, a) in aliases.iter().enumerate() {
            for name in &a.alias.names {
                // Most names differ in their first component: skip them cheaply.
                if let (Some(u), Some(first)) = (point.comps.first(), name.components.first())
                    && u.name != "**"
                    && !glob_match(&u.name, &first.name)
                {
                    continue;
                }
                let mut out = Vec::new();
                match_comps(
                    &point.comps,
                    &alias_comps(name),
                    &mut Vec::new(),
                    0,
                    prefix,
                    &mut out,
                );
                for (comps, used) in out {
                    let suffix = point.comps[used..].to_vec();
                    if prefix && (suffix.is_empty() || suffix.iter().any(|c| has_wildcard(&c.name)))
                    {
                        continue;
                    }
                    let key = format!(
                        "a:{i}:{}:{}",
                        point_text(&comps),
                        suffix
                            .iter()
                            .map(|c| c.name.as_str())
                            .collect::<Vec<_>>()
                            .join(".")
                    );
                    if seen.insert(key) {
                        found.push(Match::Alias {
                            alias: i,
                            name: comps,
                            suffix,
                        });
                    }
                }
            }
        }
    }
    found
}

/// Explains why nothing matched: the deepest component reached and near names there.
pub(crate) fn mismatch(point: &Point, patterns: &[Pattern], aliases: &[AliasDef]) -> PointError {
    let mut shapes: Vec<Vec<PatComp>> = patterns.iter().map(pattern_comps).collect();
    for a in aliases {
        for n in &a.alias.names {
            shapes.push(alias_comps(n));
        }
    }
    let depth_of = |shape: &[PatComp]| {
        point
            .comps
            .iter()
            .zip(shape)
            .take_while(|(u, p)| comp_fits(u, p))
            .count()
    };
    let depth = shapes.iter().map(|s| depth_of(s)).max().unwrap_or(0);
    let at = depth.min(point.comps.len().saturating_sub(1));
    let span = point.comps.get(at).map(|c| c.span).unwrap_or(Span::DUMMY);
    if point.comps.iter().any(|c| has_wildcard(&c.name)) {
        return PointError {
            message: "no match".to_string(),
            span,
        };
    }
    let mut names: Vec<&str> = Vec::new();
    for s in &shapes {
        if depth_of(s) >= at
            && let Some(pc) = s.get(at)
            && !names.contains(&pc.name)
        {
            names.push(pc.name);
        }
    }
    let want = point.comps.get(at).map(|c| c.name.as_str()).unwrap_or("");
    let mut similar = rstap_diag::similar(want, names.iter().copied(), 5);
    if similar.is_empty() && at == 0 {
        // Nothing is close to an unknown family name: offer the nearest families anyway,
        // as SystemTap does, so the user sees what exists.
        let mut by_distance: Vec<(usize, &str)> = names
            .iter()
            .map(|n| (strsim::levenshtein(want, n), *n))
            .collect();
        by_distance.sort();
        similar = by_distance
            .into_iter()
            .take(5)
            .map(|(_, n)| n.to_string())
            .collect();
    }
    if similar.is_empty() && depth >= point.comps.len() {
        // The point stops early: offer the continuations.
        similar = names
            .iter()
            .filter(|n| **n != want)
            .take(5)
            .map(|s| s.to_string())
            .collect();
    }
    let message = if similar.is_empty() {
        "probe point mismatch".to_string()
    } else {
        format!("probe point mismatch (similar: {})", similar.join(", "))
    };
    PointError { message, span }
}

/// The alias body pieces wrapped around `inner`.
pub(crate) fn wrap_pieces(alias: &AliasDef, inner: Vec<Piece>) -> Vec<Piece> {
    let mut out = Vec::new();
    let a = &alias.alias;
    match a.kind {
        AliasKind::Prologue => {
            out.push(Piece::Alias(a.clone(), alias.file, false));
            out.extend(inner);
            if a.epilogue.is_some() {
                out.push(Piece::Alias(a.clone(), alias.file, true));
            }
        }
        AliasKind::Epilogue => {
            out.extend(inner);
            out.push(Piece::Alias(a.clone(), alias.file, false));
        }
    }
    out
}

pub(crate) fn too_deep(depth: usize) -> bool {
    depth > MAX_ALIAS_DEPTH
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(text: &str) -> Point {
        Point {
            comps: text
                .split('.')
                .map(|c| {
                    let (name, arg) = match c.split_once('(') {
                        None => (c, None),
                        Some((n, a)) => {
                            let a = a.trim_end_matches(')');
                            (
                                n,
                                Some(match a.parse::<i64>() {
                                    Ok(v) => Literal::Number(v),
                                    Err(_) => Literal::String(a.trim_matches('"').into()),
                                }),
                            )
                        }
                    };
                    UComp {
                        name: name.to_string(),
                        arg,
                        span: Span::DUMMY,
                    }
                })
                .collect(),
            optional: false,
            sufficient: false,
            condition: None,
        }
    }

    fn pats() -> Vec<Pattern> {
        [
            "begin",
            "begin(n)",
            "timer.ms(n)",
            "timer.s(n)",
            "timer.profile.tick",
            "perf.type(n).config(n)",
            "perf.type(n).config(n).sample(n)",
        ]
        .iter()
        .map(|p| Pattern::parse(p))
        .collect()
    }

    fn texts(ms: &[Match]) -> Vec<String> {
        ms.iter()
            .map(|m| match m {
                Match::Catalog(c) => point_text(c),
                Match::Alias { name, suffix, .. } => format!(
                    "alias {}{}",
                    point_text(name),
                    suffix
                        .iter()
                        .map(|c| format!(".{}", c.name))
                        .collect::<String>()
                ),
            })
            .collect()
    }

    #[test]
    fn wildcards_in_names() {
        let table: &[(&str, &[&str])] = &[
            ("begin", &["begin"]),
            ("begin(5)", &["begin(5)"]),
            ("timer.*(3)", &["timer.ms(3)", "timer.s(3)"]),
            ("timer.m*(3)", &["timer.ms(3)"]),
            ("timer.**", &["timer.profile.tick"]),
            ("**.tick", &["timer.profile.tick"]),
            (
                "perf.type(1).config(2).*(9)",
                &["perf.type(1).config(2).sample(9)"],
            ),
            ("nosuch", &[]),
            ("timer.ms", &[]),
        ];
        for (text, want) in table {
            assert_eq!(
                texts(&match_point(&point(text), &pats(), &[])),
                *want,
                "{text}"
            );
        }
    }

    #[test]
    fn mismatch_names_the_failing_component() {
        let e = mismatch(&point("timer.mss(3)"), &pats(), &[]);
        assert_eq!(e.message, "probe point mismatch (similar: ms)");
        let e = mismatch(&point("begn"), &pats(), &[]);
        assert_eq!(e.message, "probe point mismatch (similar: begin)");
        let e = mismatch(&point("timer.x*"), &pats(), &[]);
        assert_eq!(e.message, "no match");
    }
}
