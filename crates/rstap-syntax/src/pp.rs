//! The preprocessor (reference §1.2): `@define` macros first, then `%( %? %: %)`
//! conditionals, over tokens. The facts conditionals ask about come in a
//! [`PreprocessEnv`]; nothing here reads the system.

use std::collections::{BTreeMap, HashMap};

use rstap_diag::{Code, Diagnostic, Span, Stage};

use crate::token::{TokKind, Token};

pub const E_COND: Code = Code("P0201");
pub const E_MACRO: Code = Code("P0202");
pub const W_MACRO_BUILTIN: Code = Code("P0203");

/// What `%( ... %)` conditions can ask about.
#[derive(Clone, Debug)]
pub struct PreprocessEnv {
    /// `kernel_v`: numeric release (`6.18.44`).
    pub kernel_v: String,
    /// `kernel_vr`: full release (`6.18.44-fc-v657`).
    pub kernel_vr: String,
    pub arch: String,
    /// `systemtap_v`: the language compatibility version.
    pub systemtap_v: String,
    /// Always `bpf` for rstap.
    pub runtime: String,
    /// `stapusr`, `stapsys` or `stapdev`.
    pub privilege: String,
    pub guru_mode: bool,
    /// `CONFIG_*` values (`y`, `m`, strings, numbers); unset options compare as "".
    pub config: BTreeMap<String, String>,
    /// Script arguments for `$1`/`@1`/`$#`/`@#`.
    pub args: Vec<String>,
}

impl Default for PreprocessEnv {
    fn default() -> Self {
        PreprocessEnv {
            kernel_v: String::new(),
            kernel_vr: String::new(),
            arch: std::env::consts::ARCH.to_string(),
            systemtap_v: "4.8".to_string(),
            runtime: "bpf".to_string(),
            privilege: "stapdev".to_string(),
            guru_mode: false,
            config: BTreeMap::new(),
            args: Vec::new(),
        }
    }
}

#[derive(Clone, Debug)]
struct Macro {
    params: Vec<String>,
    body: Vec<Token>,
}

/// Macros from library `*.stpm` files, visible to every script.
#[derive(Clone, Debug, Default)]
pub struct MacroLibrary {
    macros: HashMap<String, Macro>,
}

impl MacroLibrary {
    pub fn extend(&mut self, other: MacroLibrary) {
        self.macros.extend(other.macros);
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.macros.keys().map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.macros.is_empty()
    }
}

const BUILTIN_AT: &[&str] = &[
    "cast",
    "defined",
    "probewrite",
    "entry",
    "perf",
    "var",
    "avg",
    "count",
    "sum",
    "min",
    "max",
    "hist_linear",
    "hist_log",
    "const",
    "variance",
    "kregister",
    "uregister",
    "kderef",
    "uderef",
];

fn err(diags: &mut Vec<Diagnostic>, code: Code, msg: impl Into<String>, tok: &Token) {
    diags.push(Diagnostic::error(Stage::Parse, code, msg).with_primary(tok.span, tok.describe()));
}

/// Expands macros. Definitions are removed from the stream; `local` holds this file's.
pub fn expand_macros(
    tokens: Vec<Token>,
    library: &MacroLibrary,
    local: &mut MacroLibrary,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Token> {
    let mut out = Vec::new();
    let mut budget: usize = 100_000;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind == TokKind::Ident && t.text == "@define" {
            i = define(&tokens, i, local, diags);
            continue;
        }
        if t.kind == TokKind::Ident && t.text.starts_with('@') {
            let name = &t.text[1..];
            let found = local
                .macros
                .get(name)
                .or_else(|| library.macros.get(name))
                .cloned();
            if let Some(m) = found {
                i = invoke(
                    &tokens,
                    i,
                    &m,
                    library,
                    local,
                    diags,
                    &mut out,
                    0,
                    &mut budget,
                );
                continue;
            }
        }
        out.push(t.clone());
        i += 1;
    }
    out
}

fn define(
    tokens: &[Token],
    start: usize,
    local: &mut MacroLibrary,
    diags: &mut Vec<Diagnostic>,
) -> usize {
    let at = &tokens[start];
    let mut i = start + 1;
    let Some(name_tok) = tokens
        .get(i)
        .filter(|t| t.kind == TokKind::Ident && !t.text.starts_with('$'))
    else {
        let t = tokens.get(i).unwrap_or(at);
        err(diags, E_MACRO, "expected identifier", t);
        return i;
    };
    let name = name_tok.text.trim_start_matches('@').to_string();
    if name == "define" {
        err(diags, E_MACRO, "attempt to redefine '@define'", name_tok);
    }
    if BUILTIN_AT.contains(&name.as_str()) {
        diags.push(
            Diagnostic::warning(
                Stage::Parse,
                W_MACRO_BUILTIN,
                format!("macro redefines built-in operator '@{name}'"),
            )
            .with_primary(name_tok.span, name_tok.describe()),
        );
    }
    i += 1;
    let mut params = Vec::new();
    if tokens
        .get(i)
        .is_some_and(|t| t.is_op("(") && !t.space_before)
    {
        i += 1;
        loop {
            match tokens.get(i) {
                Some(t) if t.is_op(")") => {
                    i += 1;
                    break;
                }
                Some(t) if t.kind == TokKind::Ident => {
                    params.push(t.text.clone());
                    i += 1;
                    if tokens.get(i).is_some_and(|t| t.is_op(",")) {
                        i += 1;
                    }
                }
                Some(t) => {
                    err(diags, E_MACRO, "expected identifier", t);
                    return i + 1;
                }
                None => return i,
            }
        }
    }
    let Some(open) = tokens.get(i).filter(|t| t.is_op("%(")) else {
        let t = tokens.get(i).unwrap_or(name_tok);
        err(diags, E_MACRO, "expected '%('", t);
        return i;
    };
    i += 1;
    let mut depth = 0;
    let mut body = Vec::new();
    loop {
        let Some(t) = tokens.get(i) else {
            err(
                diags,
                E_MACRO,
                "incomplete macro definition - missing '%)'",
                open,
            );
            return i;
        };
        if t.kind == TokKind::Eof {
            err(
                diags,
                E_MACRO,
                "incomplete macro definition - missing '%)'",
                open,
            );
            return i;
        }
        if t.kind == TokKind::Ident && t.text == "@define" {
            err(diags, E_MACRO, "'@define' forbidden inside macro body", t);
        }
        if t.is_op("%(") {
            depth += 1;
        } else if t.is_op("%)") {
            if depth == 0 {
                i += 1;
                break;
            }
            depth -= 1;
        }
        body.push(t.clone());
        i += 1;
    }
    match local.macros.entry(name) {
        std::collections::hash_map::Entry::Occupied(e) => {
            let msg = format!("attempt to redefine macro '@{}' in the same file", e.key());
            err(diags, E_MACRO, msg, name_tok);
        }
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(Macro { params, body });
        }
    }
    i
}

#[allow(clippy::too_many_arguments)]
fn invoke(
    tokens: &[Token],
    start: usize,
    m: &Macro,
    library: &MacroLibrary,
    local: &mut MacroLibrary,
    diags: &mut Vec<Diagnostic>,
    out: &mut Vec<Token>,
    depth: usize,
    budget: &mut usize,
) -> usize {
    let at = &tokens[start];
    // Macros that invoke each other several times can grow exponentially; stop early.
    if *budget == 0 {
        return start + 1;
    }
    *budget -= 1;
    if *budget == 0 {
        err(
            diags,
            E_MACRO,
            "macro expansion is too large (more than 100000 invocations)",
            at,
        );
        return start + 1;
    }
    let name = at.text[1..].to_string();
    let mut i = start + 1;
    let mut args: Vec<Vec<Token>> = Vec::new();
    if !m.params.is_empty() {
        if !tokens.get(i).is_some_and(|t| t.is_op("(")) {
            err(
                diags,
                E_MACRO,
                format!(
                    "expected '(' in invocation of macro '@{name}' taking {} parameter(s)",
                    m.params.len()
                ),
                tokens.get(i).unwrap_or(at),
            );
            return i;
        }
        i += 1;
        let mut cur = Vec::new();
        let mut nest = 0;
        while let Some(t) = tokens.get(i) {
            if t.kind == TokKind::Eof {
                err(
                    diags,
                    E_MACRO,
                    format!("expected ')' in invocation of macro '@{name}'"),
                    t,
                );
                return i;
            }
            i += 1;
            if t.is_op("(") || t.is_op("[") || t.is_op("{") {
                nest += 1;
            } else if t.is_op(")") || t.is_op("]") || t.is_op("}") {
                if nest == 0 && t.is_op(")") {
                    args.push(std::mem::take(&mut cur));
                    break;
                }
                nest -= 1;
            } else if t.is_op(",") && nest == 0 {
                args.push(std::mem::take(&mut cur));
                continue;
            }
            cur.push(t.clone());
        }
        if args.len() == 1 && args[0].is_empty() && m.params.is_empty() {
            args.clear();
        }
        if args.len() != m.params.len() {
            let which = if args.len() > m.params.len() {
                "too many"
            } else {
                "too few"
            };
            err(
                diags,
                E_MACRO,
                format!(
                    "{which} parameters for macro '@{name}' (expected {})",
                    m.params.len()
                ),
                at,
            );
            return i;
        }
    }
    if depth > 64 {
        err(
            diags,
            E_MACRO,
            format!("macro '@{name}' expands recursively"),
            at,
        );
        // One report is enough: stop expanding anything else in this file.
        *budget = 0;
        return i;
    }
    // Substitute parameters, then expand macros inside the result.
    let mut body = Vec::new();
    for (k, t) in m.body.iter().enumerate() {
        let mut t = t.clone();
        if k == 0 {
            t.space_before = at.space_before;
        }
        if t.kind == TokKind::Ident
            && let Some(p) = t.text.strip_prefix('@')
            && let Some(pi) = m.params.iter().position(|x| x == p)
        {
            body.extend(args[pi].iter().cloned());
            continue;
        }
        body.push(t);
    }
    let mut j = 0;
    while j < body.len() {
        let t = &body[j];
        if t.kind == TokKind::Ident && t.text.starts_with('@') {
            let inner = &t.text[1..];
            let found = local
                .macros
                .get(inner)
                .or_else(|| library.macros.get(inner))
                .cloned();
            if let Some(im) = found {
                j = invoke(&body, j, &im, library, local, diags, out, depth + 1, budget);
                continue;
            }
        }
        out.push(t.clone());
        j += 1;
    }
    i
}

/// Collects the macros a `*.stpm` file defines; anything else in it is an error.
pub fn macro_file(
    tokens: Vec<Token>,
    env: &PreprocessEnv,
    diags: &mut Vec<Diagnostic>,
) -> MacroLibrary {
    let tokens = conditionals(tokens, env, diags);
    let mut local = MacroLibrary::default();
    let rest = expand_macros(tokens, &MacroLibrary::default(), &mut local, diags);
    if let Some(t) = rest.iter().find(|t| t.kind != TokKind::Eof) {
        err(
            diags,
            E_MACRO,
            "library macro files may only contain '@define' directives",
            t,
        );
    }
    local
}

/// Evaluates `%( COND %? A %: B %)` and keeps the chosen branch.
pub fn conditionals(
    tokens: Vec<Token>,
    env: &PreprocessEnv,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    cond_seq(&tokens, &mut i, env, diags, &mut out, true);
    out
}

/// Processes tokens until a `%:`/`%)` that belongs to an enclosing conditional (returned
/// unconsumed) or the end.
fn cond_seq(
    tokens: &[Token],
    i: &mut usize,
    env: &PreprocessEnv,
    diags: &mut Vec<Diagnostic>,
    out: &mut Vec<Token>,
    top: bool,
) {
    while *i < tokens.len() {
        let t = &tokens[*i];
        if t.is_op("%(") {
            *i += 1;
            conditional(tokens, i, env, diags, out, t);
        } else if t.is_op("%?") || t.is_op("%:") || t.is_op("%)") {
            if top {
                err(diags, E_COND, "incomplete conditional - missing '%('", t);
                *i += 1;
            } else {
                return;
            }
        } else {
            out.push(t.clone());
            *i += 1;
        }
    }
}

fn conditional(
    tokens: &[Token],
    i: &mut usize,
    env: &PreprocessEnv,
    diags: &mut Vec<Diagnostic>,
    out: &mut Vec<Token>,
    open: &Token,
) {
    let cond_start = *i;
    while *i < tokens.len() && !tokens[*i].is_op("%?") {
        let t = &tokens[*i];
        if t.kind == TokKind::Eof || t.is_op("%)") || t.is_op("%:") || t.is_op("%(") {
            break;
        }
        *i += 1;
    }
    let Some(q) = tokens.get(*i).filter(|t| t.is_op("%?")) else {
        let t = tokens.get(*i).unwrap_or(open);
        if t.kind == TokKind::Eof {
            err(diags, E_COND, "incomplete conditional at end of file", open);
        } else {
            err(diags, E_COND, "expected '%?' marker for conditional", t);
        }
        skip_to_close(tokens, i);
        return;
    };
    let cond = &tokens[cond_start..*i];
    let value = if cond.is_empty() {
        err(diags, E_COND, "incomplete condition after '%('", q);
        false
    } else {
        eval_condition(cond, env, diags)
    };
    *i += 1;
    let mut then_toks = Vec::new();
    cond_seq(tokens, i, env, diags, &mut then_toks, false);
    let mut else_toks = Vec::new();
    if tokens.get(*i).is_some_and(|t| t.is_op("%:")) {
        *i += 1;
        cond_seq(tokens, i, env, diags, &mut else_toks, false);
        if let Some(t) = tokens.get(*i).filter(|t| t.is_op("%:")) {
            err(diags, E_COND, "invalid conditional - duplicate '%:'", t);
            *i += 1;
            let mut junk = Vec::new();
            cond_seq(tokens, i, env, diags, &mut junk, false);
        }
    }
    match tokens.get(*i) {
        Some(t) if t.is_op("%)") => *i += 1,
        _ => err(diags, E_COND, "incomplete conditional at end of file", open),
    }
    out.extend(if value { then_toks } else { else_toks });
}

fn skip_to_close(tokens: &[Token], i: &mut usize) {
    let mut depth = 0;
    while *i < tokens.len() {
        let t = &tokens[*i];
        if t.kind == TokKind::Eof {
            return;
        }
        *i += 1;
        if t.is_op("%(") {
            depth += 1;
        } else if t.is_op("%)") {
            if depth == 0 {
                return;
            }
            depth -= 1;
        }
    }
}

#[derive(Clone, Debug)]
enum PpValue {
    Str(String),
    Num(i64),
}

fn eval_condition(cond: &[Token], env: &PreprocessEnv, diags: &mut Vec<Diagnostic>) -> bool {
    // `||` of `&&` chains of comparisons.
    let mut any = false;
    for or_part in cond.split(|t| t.is_op("||")) {
        let mut all = true;
        for and_part in or_part.split(|t| t.is_op("&&")) {
            all &= comparison(and_part, env, diags);
        }
        any |= all;
    }
    any
}

const FALLBACK: &str = "expected 'arch', 'kernel_v', 'kernel_vr', 'systemtap_v', 'runtime', 'systemtap_privilege', 'CONFIG_...', or comparison between strings or integers";

fn comparison(toks: &[Token], env: &PreprocessEnv, diags: &mut Vec<Diagnostic>) -> bool {
    let [l, op, r] = toks else {
        let at = toks.first().cloned().unwrap_or_else(dummy_token);
        err(diags, E_COND, FALLBACK, &at);
        return false;
    };
    let ops = ["<", "<=", "==", "!=", ">=", ">"];
    if op.kind != TokKind::Op || !ops.contains(&op.text.as_str()) {
        err(diags, E_COND, FALLBACK, op);
        return false;
    }
    let o = op.text.as_str();
    let is_glob = |s: &str| s.contains(['*', '?', '[']);
    let literal = |t: &Token| match &t.kind {
        TokKind::Str(b) => Some(PpValue::Str(String::from_utf8_lossy(b).into_owned())),
        TokKind::Number(n) => Some(PpValue::Num(*n)),
        _ => None,
    };
    match (l.kind == TokKind::Ident).then_some(l.text.as_str()) {
        Some(name @ ("kernel_v" | "kernel_vr" | "systemtap_v")) => {
            let left = match name {
                "kernel_v" => &env.kernel_v,
                "kernel_vr" => &env.kernel_vr,
                _ => &env.systemtap_v,
            };
            let Some(PpValue::Str(right)) = literal(r) else {
                err(diags, E_COND, "expected string literal", r);
                return false;
            };
            if is_glob(&right) {
                return match o {
                    "==" => fnmatch(&right, left),
                    "!=" => !fnmatch(&right, left),
                    _ => {
                        err(
                            diags,
                            E_COND,
                            "wildcard not allowed with order comparison operators",
                            op,
                        );
                        false
                    }
                };
            }
            compare_ord(verscmp(left, &right), o)
        }
        Some(name @ ("arch" | "runtime" | "systemtap_privilege")) => {
            let left = match name {
                "arch" => &env.arch,
                "runtime" => &env.runtime,
                _ => &env.privilege,
            };
            let Some(PpValue::Str(right)) = literal(r) else {
                err(diags, E_COND, "expected string literal", r);
                return false;
            };
            match o {
                "==" => fnmatch(&right, left),
                "!=" => !fnmatch(&right, left),
                _ => {
                    err(diags, E_COND, "expected '==' or '!='", op);
                    false
                }
            }
        }
        Some("guru_mode") => {
            let Some(PpValue::Num(n)) = literal(r) else {
                err(diags, E_COND, "expected number", r);
                return false;
            };
            let g = env.guru_mode as i64;
            match o {
                "==" => g == n,
                "!=" => g != n,
                _ => {
                    err(diags, E_COND, "expected '==' or '!='", op);
                    false
                }
            }
        }
        Some(name) if name.starts_with("CONFIG_") => {
            let left = env.config.get(name).cloned().unwrap_or_default();
            if r.kind == TokKind::Ident && r.text.starts_with("CONFIG_") {
                let right = env.config.get(&r.text).cloned().unwrap_or_default();
                return compare_ord(left.cmp(&right), o);
            }
            match literal(r) {
                Some(PpValue::Str(right)) => match o {
                    "==" => fnmatch(&right, &left),
                    "!=" => !fnmatch(&right, &left),
                    _ => compare_ord(left.as_str().cmp(right.as_str()), o),
                },
                Some(PpValue::Num(n)) => {
                    let lv = crate::lex::parse_number(&left).unwrap_or(0);
                    compare_ord(lv.cmp(&n), o)
                }
                None => {
                    err(diags, E_COND, FALLBACK, r);
                    false
                }
            }
        }
        _ => match (literal(l), literal(r)) {
            (Some(PpValue::Str(a)), Some(PpValue::Str(b))) => compare_ord(a.cmp(&b), o),
            (Some(PpValue::Num(a)), Some(PpValue::Num(b))) => compare_ord(a.cmp(&b), o),
            _ => {
                err(diags, E_COND, FALLBACK, l);
                false
            }
        },
    }
}

fn dummy_token() -> Token {
    Token {
        kind: TokKind::Eof,
        text: String::new(),
        span: Span::DUMMY,
        space_before: false,
    }
}

fn compare_ord(ord: std::cmp::Ordering, op: &str) -> bool {
    use std::cmp::Ordering::*;
    match op {
        "<" => ord == Less,
        "<=" => ord != Greater,
        "==" => ord == Equal,
        "!=" => ord != Equal,
        ">=" => ord != Less,
        ">" => ord == Greater,
        _ => false,
    }
}

/// Version comparison in the spirit of `strverscmp`: digit runs compare as numbers.
pub fn verscmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, &str)> {
        let mut v = Vec::new();
        let mut start = 0;
        let bytes = s.as_bytes();
        for i in 1..=bytes.len() {
            if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[start].is_ascii_digit() {
                v.push((bytes[start].is_ascii_digit(), &s[start..i]));
                start = i;
            }
        }
        v
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(cb.iter()) {
        let ord = if x.0 && y.0 {
            let nx = x.1.trim_start_matches('0');
            let ny = y.1.trim_start_matches('0');
            nx.len().cmp(&ny.len()).then(nx.cmp(ny))
        } else {
            x.1.cmp(y.1)
        };
        if ord != std::cmp::Ordering::Equal {
            return ord;
        }
    }
    ca.len().cmp(&cb.len())
}

/// Shell-style glob match: `*`, `?`, `[...]` (with `!`/`^` negation and ranges).
pub fn fnmatch(pattern: &str, text: &str) -> bool {
    fn go(p: &[u8], t: &[u8]) -> bool {
        match p.first() {
            None => t.is_empty(),
            Some(b'*') => (0..=t.len()).any(|k| go(&p[1..], &t[k..])),
            Some(b'?') => !t.is_empty() && go(&p[1..], &t[1..]),
            Some(b'[') => {
                let Some(close) = p.iter().skip(2).position(|&c| c == b']').map(|x| x + 2) else {
                    return t.first() == Some(&b'[') && go(&p[1..], &t[1..]);
                };
                let Some(&c) = t.first() else { return false };
                let mut set = &p[1..close];
                let negate = matches!(set.first(), Some(b'!' | b'^'));
                if negate {
                    set = &set[1..];
                }
                let mut hit = false;
                let mut k = 0;
                while k < set.len() {
                    if k + 2 < set.len() && set[k + 1] == b'-' {
                        hit |= set[k] <= c && c <= set[k + 2];
                        k += 3;
                    } else {
                        hit |= set[k] == c;
                        k += 1;
                    }
                }
                hit != negate && go(&p[close + 1..], &t[1..])
            }
            Some(&c) => t.first() == Some(&c) && go(&p[1..], &t[1..]),
        }
    }
    go(pattern.as_bytes(), text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::Lexer;
    use rstap_diag::FileId;

    fn run(src: &str, env: &PreprocessEnv) -> (String, Vec<String>) {
        let (toks, mut diags) = Lexer::new(src, FileId(0), &[]).tokenize();
        let mut local = MacroLibrary::default();
        let toks = expand_macros(toks, &MacroLibrary::default(), &mut local, &mut diags);
        let toks = conditionals(toks, env, &mut diags);
        let text: Vec<String> = toks
            .iter()
            .filter(|t| t.kind != TokKind::Eof)
            .map(|t| match &t.kind {
                TokKind::Number(n) => n.to_string(),
                TokKind::Str(s) => format!("{:?}", String::from_utf8_lossy(s)),
                _ => t.text.clone(),
            })
            .collect();
        (
            text.join(" "),
            diags.into_iter().map(|d| d.message).collect(),
        )
    }

    fn env() -> PreprocessEnv {
        let mut e = PreprocessEnv {
            kernel_v: "6.18.44".into(),
            kernel_vr: "6.18.44-fc".into(),
            arch: "x86_64".into(),
            ..Default::default()
        };
        e.config.insert("CONFIG_BPF".into(), "y".into());
        e.config.insert("CONFIG_HZ".into(), "250".into());
        e
    }

    #[test]
    fn conditionals_pick_branches() {
        let e = env();
        assert_eq!(run("%( kernel_v >= \"6.1\" %? a %: b %)", &e).0, "a");
        assert_eq!(run("%( kernel_v < \"6.1\" %? a %: b %)", &e).0, "b");
        assert_eq!(run("%( kernel_vr == \"6.18*\" %? a %)", &e).0, "a");
        assert_eq!(
            run(
                "%( arch == \"x86_64\" && runtime == \"bpf\" %? a %: b %)",
                &e
            )
            .0,
            "a"
        );
        assert_eq!(
            run(
                "%( arch == \"arm*\" || CONFIG_BPF == \"y\" %? a %: b %)",
                &e
            )
            .0,
            "a"
        );
        assert_eq!(run("%( CONFIG_HZ > 100 %? a %: b %)", &e).0, "a");
        assert_eq!(run("%( CONFIG_NOPE == \"\" %? a %: b %)", &e).0, "a");
        assert_eq!(
            run("%( 1 == 2 %? a %: %( \"x\" < \"y\" %? c %: d %) %)", &e).0,
            "c"
        );
        assert_eq!(run("%( guru_mode == 0 %? a %: b %)", &e).0, "a");
        assert_eq!(
            run("%( systemtap_v >= \"4.0\" %? new %: old %)", &e).0,
            "new"
        );
    }

    #[test]
    fn conditional_errors() {
        let e = env();
        assert!(
            run("a %)", &e)
                .1
                .contains(&"incomplete conditional - missing '%('".to_string())
        );
        assert!(
            run("%( 1 == 1 %? a %: b %: c %)", &e)
                .1
                .contains(&"invalid conditional - duplicate '%:'".to_string())
        );
        assert!(
            run("%( 1 == 1 %? a", &e)
                .1
                .contains(&"incomplete conditional at end of file".to_string())
        );
        assert!(
            run("%( 1 == 1 a %)", &e)
                .1
                .contains(&"expected '%?' marker for conditional".to_string())
        );
        assert!(
            run("%( %? a %)", &e)
                .1
                .contains(&"incomplete condition after '%('".to_string())
        );
        assert!(
            run("%( kernel_v < \"6*\" %? a %)", &e)
                .1
                .contains(&"wildcard not allowed with order comparison operators".to_string())
        );
        assert!(run("%( foo %? a %)", &e).1[0].starts_with("expected 'arch', 'kernel_v'"));
    }

    #[test]
    fn macros() {
        let e = env();
        assert_eq!(run("@define two %( 2 %) x = @two", &e).0, "x = 2");
        assert_eq!(
            run("@define add(a,b) %( (@a + @b) %) @add(1, f(2,3))", &e).0,
            "( 1 + f ( 2 , 3 ) )"
        );
        assert_eq!(
            run("@define a %( 1 %) @define b %( @a + @a %) @b", &e).0,
            "1 + 1"
        );
        // Expanded before conditionals, so both branches may use them.
        assert_eq!(run("@define k %( 7 %) %( 1 == 1 %? @k %: @k %)", &e).0, "7");
        // Unknown @words pass through.
        assert_eq!(run("@count(x)", &e).0, "@count ( x )");
    }

    #[test]
    fn macro_errors() {
        let e = env();
        assert!(
            run("@define a %( 1 %) @define a %( 2 %)", &e).1[0]
                .contains("attempt to redefine macro '@a' in the same file")
        );
        assert!(
            run("@define f(x) %( @x %) @f", &e).1[0]
                .contains("expected '(' in invocation of macro '@f' taking 1 parameter(s)")
        );
        assert!(
            run("@define f(x) %( @x %) @f(1,2)", &e).1[0]
                .contains("too many parameters for macro '@f' (expected 1)")
        );
        assert!(
            run("@define f(x,y) %( @x %) @f(1)", &e).1[0]
                .contains("too few parameters for macro '@f' (expected 2)")
        );
        assert!(
            run("@define f %( 1", &e).1[0].contains("incomplete macro definition - missing '%)'")
        );
        assert!(
            run("@define f %( @define g %( 1 %) %)", &e)
                .1
                .iter()
                .any(|m| m.contains("'@define' forbidden inside macro body"))
        );
        assert!(
            run("@define count %( 1 %)", &e).1[0]
                .contains("macro redefines built-in operator '@count'")
        );
    }

    #[test]
    fn recursive_macros_are_reported_once() {
        let e = env();
        let (_, diags) = run("@define r %( @r @r %) @r @r @r", &e);
        assert_eq!(diags, ["macro '@r' expands recursively"]);
    }

    #[test]
    fn exponential_macros_are_cut_off() {
        let e = env();
        let src = "@define a %( x x %) @define b %( @a @a @a @a %) @define c %( @b @b @b @b %) \
                   @define d %( @c @c @c @c %) @define f %( @d @d @d @d %) @define g %( @f @f @f @f %) \
                   @define h %( @g @g @g @g %) @define i %( @h @h @h @h %) @define j %( @i @i @i @i %) \
                   @define k %( @j @j @j @j %) @k";
        let (_, diags) = run(src, &e);
        assert_eq!(
            diags,
            ["macro expansion is too large (more than 100000 invocations)"]
        );
    }

    #[test]
    fn version_compare_and_glob() {
        use std::cmp::Ordering::*;
        assert_eq!(verscmp("6.18.44", "6.2"), Greater);
        assert_eq!(verscmp("4.8", "4.8"), Equal);
        assert_eq!(verscmp("3.10.0", "3.9"), Greater);
        assert!(fnmatch("x86*", "x86_64"));
        assert!(fnmatch("[a-c]?", "b1"));
        assert!(!fnmatch("[!a-c]?", "b1"));
        assert!(!fnmatch("arm*", "x86_64"));
    }
}
