//! The diagnostic data model.

use crate::source::Span;

/// A stable diagnostic code such as `P0001`; `rstap explain P0001` prints its explanation.
///
/// Letters name the stage: `P` parse, `S` semantic analysis, `T` translation to BPF,
/// `R` run time, `C` command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Code(pub &'static str);

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    /// Codes are a small fixed set; one read back from a file is kept for the life of the
    /// process.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Code(Box::leak(s.into_boxed_str())))
    }
}

/// The long form of a code, registered by the crate that emits it.
#[derive(Clone, Copy, Debug)]
pub struct Explanation {
    pub code: Code,
    pub title: &'static str,
    /// What the error means, why rstap reports it, and how to fix it.
    pub text: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// Which pass produced the diagnostic; it selects SystemTap's prefix (`parse error`,
/// `semantic error`, ...) so the wording stays familiar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    Parse,
    Semantic,
    Translate,
    Run,
    CommandLine,
}

/// A located remark attached to a diagnostic: a caret under `span` with `message` next to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub stage: Stage,
    pub code: Code,
    pub message: String,
    /// The place the diagnostic is about; its message is usually the token description
    /// (`identifier 'x'`, `operator '/'`), as SystemTap prints after "saw:" or "near".
    pub primary: Option<Label>,
    /// Chained, located remarks such as "type was first inferred here (long)".
    pub notes: Vec<(String, Option<Label>)>,
    /// Unlocated advice: the fix, "did you mean", alternatives.
    pub help: Vec<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, stage: Stage, code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            stage,
            code,
            message: message.into(),
            primary: None,
            notes: Vec::new(),
            help: Vec::new(),
        }
    }

    pub fn error(stage: Stage, code: Code, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Error, stage, code, message)
    }

    pub fn warning(stage: Stage, code: Code, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Warning, stage, code, message)
    }

    pub fn with_primary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.primary = Some(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_note(mut self, message: impl Into<String>) -> Self {
        self.notes.push((message.into(), None));
        self
    }

    pub fn with_located_note(
        mut self,
        message: impl Into<String>,
        span: Span,
        label: impl Into<String>,
    ) -> Self {
        self.notes.push((
            message.into(),
            Some(Label {
                span,
                message: label.into(),
            }),
        ));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic turned into an error (for `-W`, warnings as errors).
    pub fn into_error(mut self) -> Self {
        self.severity = Severity::Error;
        self
    }
}
