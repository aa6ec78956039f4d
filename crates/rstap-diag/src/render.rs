//! Rendering diagnostics as text: rustc's layout, SystemTap's words.
//!
//! ```text
//! semantic error[S0201]: type mismatch (string)
//!  --> <input>:1:22
//!   |
//! 1 | probe begin { x = 1; x = "s"; println(x) }
//!   |                      ^ identifier 'x'
//!   |
//! note: type was first inferred here (long)
//!  --> <input>:1:15
//!   |
//! 1 | probe begin { x = 1; x = "s"; println(x) }
//!   |               ^ identifier 'x'
//!   = help: ...
//! ```

use std::fmt::Write;

use crate::diagnostic::{Diagnostic, Label, Severity, Stage};
use crate::source::SourceMap;

#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions {
    /// Emit ANSI colours.
    pub color: bool,
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

fn prefix(d: &Diagnostic) -> &'static str {
    match (d.severity, d.stage) {
        (Severity::Warning, _) => "warning",
        (Severity::Error, Stage::Parse) => "parse error",
        (Severity::Error, Stage::Semantic) => "semantic error",
        (Severity::Error, Stage::Translate) => "translation error",
        (Severity::Error, Stage::Run) => "error",
        (Severity::Error, Stage::CommandLine) => "error",
    }
}

/// Render one diagnostic, ending with a newline.
pub fn render(sm: &SourceMap, d: &Diagnostic, opts: RenderOptions) -> String {
    let p = Paint { on: opts.color };
    let mut out = String::new();
    let head_colour = if d.is_error() { "1;31" } else { "1;33" };
    let _ = writeln!(
        out,
        "{}{}",
        p.wrap(head_colour, &format!("{}[{}]", prefix(d), d.code.0)),
        p.wrap("1", &format!(": {}", d.message))
    );
    let gutter = gutter_width(sm, d);
    if let Some(label) = &d.primary {
        snippet(sm, label, gutter, &p, head_colour, &mut out);
    }
    for (msg, label) in &d.notes {
        match label {
            Some(label) => {
                if d.primary.is_some() {
                    let _ = writeln!(out, "{:gutter$} {}", "", p.wrap("1;34", "|"));
                }
                let _ = writeln!(out, "{}: {msg}", p.wrap("1;36", "note"));
                snippet(sm, label, gutter, &p, "1;36", &mut out);
            }
            None => {
                let _ = writeln!(out, "{:gutter$} {} note: {msg}", "", p.wrap("1;34", "="));
            }
        }
    }
    for h in &d.help {
        let _ = writeln!(out, "{:gutter$} {} help: {h}", "", p.wrap("1;34", "="));
    }
    out
}

fn gutter_width(sm: &SourceMap, d: &Diagnostic) -> usize {
    let lines = d
        .primary
        .iter()
        .chain(d.notes.iter().filter_map(|(_, l)| l.as_ref()))
        .filter_map(|l| sm.line_col(l.span))
        .map(|lc| lc.line)
        .max()
        .unwrap_or(1);
    lines.to_string().len()
}

fn snippet(
    sm: &SourceMap,
    label: &Label,
    gutter: usize,
    p: &Paint,
    colour: &str,
    out: &mut String,
) {
    let Some(file) = sm.get(label.span.file) else {
        if !label.message.is_empty() {
            let _ = writeln!(
                out,
                "{:gutter$} {} {}",
                "",
                p.wrap("1;34", "="),
                label.message
            );
        }
        return;
    };
    let lc = file.line_col(label.span.start);
    let _ = writeln!(
        out,
        "{:gutter$}{} {}:{}",
        "",
        p.wrap("1;34", "-->"),
        file.name,
        lc
    );
    let bar = p.wrap("1;34", "|");
    let _ = writeln!(out, "{:gutter$} {bar}", "");
    let text = file.line_text(lc.line);
    let _ = writeln!(
        out,
        "{} {bar} {}",
        p.wrap("1;34", &format!("{:>gutter$}", lc.line)),
        text.replace('\t', " ")
    );
    // The caret covers the span's characters on its first line.
    let span_text = sm.snippet(label.span);
    let first_line = span_text.split('\n').next().unwrap_or("");
    let width = first_line.chars().count().max(1);
    let pad = (lc.col as usize).saturating_sub(1);
    let carets = "^".repeat(width);
    let msg = if label.message.is_empty() {
        String::new()
    } else {
        format!(" {}", label.message)
    };
    let _ = writeln!(
        out,
        "{:gutter$} {bar} {:pad$}{}",
        "",
        "",
        p.wrap(colour, &format!("{carets}{msg}"))
    );
}

/// Render diagnostics in order, separated by blank lines.
pub fn render_all(sm: &SourceMap, diags: &[Diagnostic], opts: RenderOptions) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&render(sm, d, opts));
        out.push('\n');
    }
    out
}

/// (errors, warnings) among `diags`.
pub fn summary_counts(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::source::Span;

    #[test]
    fn parse_error_layout() {
        let mut sm = SourceMap::new();
        let f = sm.add("<input>", "probe begin { x = }");
        let d = Diagnostic::error(
            Stage::Parse,
            Code("P0002"),
            "expected literal string or number",
        )
        .with_primary(Span::new(f, 18, 19), "saw operator '}'");
        let text = render(&sm, &d, RenderOptions::default());
        assert_eq!(
            text,
            "parse error[P0002]: expected literal string or number\n \
             --> <input>:1:19\n  |\n\
             1 | probe begin { x = }\n  |                   ^ saw operator '}'\n"
        );
    }

    #[test]
    fn chained_note_and_help() {
        let mut sm = SourceMap::new();
        let f = sm.add("<input>", "probe begin { x = 1; x = \"s\" }");
        let d = Diagnostic::error(Stage::Semantic, Code("S0201"), "type mismatch (string)")
            .with_primary(Span::new(f, 21, 22), "identifier 'x'")
            .with_located_note(
                "type was first inferred here (long)",
                Span::new(f, 14, 15),
                "identifier 'x'",
            )
            .with_help("a variable holds one type for the whole script");
        let text = render(&sm, &d, RenderOptions::default());
        let expected = "semantic error[S0201]: type mismatch (string)\n \
            --> <input>:1:22\n  |\n\
            1 | probe begin { x = 1; x = \"s\" }\n  |                      ^ identifier 'x'\n  |\n\
            note: type was first inferred here (long)\n \
            --> <input>:1:15\n  |\n\
            1 | probe begin { x = 1; x = \"s\" }\n  |               ^ identifier 'x'\n  \
            = help: a variable holds one type for the whole script\n";
        assert_eq!(text, expected);
    }

    #[test]
    fn carets_span_whole_token() {
        let mut sm = SourceMap::new();
        let f = sm.add("a.stp", "probe begin { foo(1) }");
        let d = Diagnostic::warning(Stage::Semantic, Code("S0001"), "x")
            .with_primary(Span::new(f, 14, 17), "");
        let text = render(&sm, &d, RenderOptions::default());
        assert!(text.starts_with("warning[S0001]: x\n"));
        assert!(text.contains("  |               ^^^\n"), "{text}");
    }

    #[test]
    fn colour_codes_only_when_asked() {
        let sm = SourceMap::new();
        let d = Diagnostic::error(Stage::Run, Code("R0001"), "division by 0");
        assert!(!render(&sm, &d, RenderOptions { color: false }).contains('\x1b'));
        assert!(render(&sm, &d, RenderOptions { color: true }).contains("\x1b[1;31m"));
    }
}
