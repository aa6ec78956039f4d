//! Runtime errors: SystemTap's message texts, rstap's codes, and the `ERROR:` line.

use rstap_diag::{Code, Explanation, SourceMap, Span};

/// One runtime error, raised at the construct whose principal token `span` covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeError {
    pub code: Code,
    /// The message exactly as SystemTap words it (`division by 0`).
    pub message: String,
    pub span: Span,
}

pub const DIVISION_BY_ZERO: Code = Code("R0001");
pub const MAXACTION: Code = Code("R0002");
pub const MAXNESTING: Code = Code("R0003");
pub const ARRAY_OVERFLOW: Code = Code("R0004");
pub const FUNCTIONS_EXHAUSTED: Code = Code("R0005");
pub const EMPTY_AGGREGATE: Code = Code("R0006");
pub const HISTOGRAM_INDEX: Code = Code("R0007");
pub const SCRIPT_ERROR: Code = Code("R0008");
pub const TOO_MANY_SKIPPED: Code = Code("R0009");
pub const BAD_ARGUMENT: Code = Code("R0010");
pub const READ_FAULT: Code = Code("R0011");
pub const STORE_FAILURE: Code = Code("R0012");
pub const NO_STACK_FRAME: Code = Code("R0013");

/// The message of [`NO_STACK_FRAME`]: the kernel (or user) stack has no frame at
/// `level`.
pub fn no_stack_frame(user: bool, level: i64) -> String {
    rstap_ir::stacks::no_frame_message(user, level)
}

impl RuntimeError {
    pub fn new(code: Code, message: impl Into<String>, span: Span) -> RuntimeError {
        RuntimeError {
            code,
            message: message.into(),
            span,
        }
    }

    /// The stderr line SystemTap prints for an uncaught error, without the newline:
    /// `ERROR: division by 0 near operator '/' at file:line:col`.
    pub fn render(&self, sources: &SourceMap) -> String {
        render_error_line(&self.message, self.span, sources)
    }
}

/// `ERROR: <message> near <token> at <file>:<line>:<col>`; the location part is left out
/// when the span points at no source.
pub fn render_error_line(message: &str, span: Span, sources: &SourceMap) -> String {
    if span.is_dummy() || sources.get(span.file).is_none() {
        return format!("ERROR: {message}");
    }
    let token = describe_token(sources.snippet(span));
    format!(
        "ERROR: {message} near {token} at {}",
        sources.location(span)
    )
}

/// Words SystemTap's lexer treats as keywords.
const KEYWORDS: &[&str] = &[
    "probe", "global", "private", "function", "if", "else", "for", "foreach", "in", "limit",
    "return", "delete", "while", "break", "continue", "next", "string", "long", "try", "catch",
];

/// Describes the token a span covers the way SystemTap's diagnostics do:
/// `operator '/'`, `identifier 'x'`, `number '1'`, `string "s"`, `keyword 'delete'`.
pub fn describe_token(text: &str) -> String {
    let Some(first) = text.chars().next() else {
        return "token ''".to_string();
    };
    let shown = text.replace('\n', "\\n");
    if first == '"' {
        format!("string {shown}")
    } else if first.is_ascii_digit() {
        format!("number '{shown}'")
    } else if KEYWORDS.contains(&text) {
        format!("keyword '{shown}'")
    } else if first == '@' {
        // SystemTap lexes @-words as operators.
        format!("operator '{shown}'")
    } else if first.is_alphabetic() || matches!(first, '_' | '$') {
        format!("identifier '{shown}'")
    } else {
        format!("operator '{shown}'")
    }
}

/// The long form of every code this crate reports (`rstap explain R0001`).
pub static EXPLANATIONS: &[Explanation] = &[
    Explanation {
        code: DIVISION_BY_ZERO,
        title: "division by 0",
        text: "A `/` or `%` (or `/=`, `%=`) had a right operand of zero. The handler stops \
at that point. Check the divisor first (`if (n) avg = total / n`), or wrap the computation \
in `try { ... } catch { ... }`.",
    },
    Explanation {
        code: MAXACTION,
        title: "MAXACTION exceeded",
        text: "One run of a probe handler executed more statements than MAXACTION (1000 by \
default, ten times that in begin and end probes). The limit keeps a handler from looping \
for long inside the traced program. Reduce the work per event, bound loops, use `limit` in \
`foreach`, or raise the limit with `-D MAXACTION=N`.",
    },
    Explanation {
        code: MAXNESTING,
        title: "MAXNESTING exceeded",
        text: "Function calls nested deeper than MAXNESTING. By default the limit is the \
deepest call chain of the script, plus 10 when a function calls itself. Make the recursion \
shallower or raise it with `-D MAXNESTING=N`.",
    },
    Explanation {
        code: ARRAY_OVERFLOW,
        title: "array overflow",
        text: "Storing a new key into a full global array. Arrays hold MAXMAPENTRIES (2048) \
entries unless declared with a size, `global a[N]`. Delete entries you no longer need, \
declare a larger size, raise `-D MAXMAPENTRIES=N`, or declare the array `global a%[N]` so \
that the oldest entry is replaced instead.",
    },
    Explanation {
        code: FUNCTIONS_EXHAUSTED,
        title: "all functions exhausted",
        text: "A function ran `next` but no further overload of the same name and number of \
parameters exists. The last overload must return instead of running `next`.",
    },
    Explanation {
        code: EMPTY_AGGREGATE,
        title: "empty aggregate",
        text: "`@min`, `@max`, `@avg`, `@variance`, a histogram bucket or a histogram print \
was asked of a statistic that has no values yet. `@count` and `@sum` of an empty \
statistic are 0; test `@count(x)` before reading the others.",
    },
    Explanation {
        code: HISTOGRAM_INDEX,
        title: "histogram index out of range",
        text: "`@hist_log(x)[i]` or `@hist_linear(x, ...)[i]` used a bucket number outside \
the histogram. Log histograms have buckets 0 to 127; linear ones have \
(stop - start) / interval + 3 buckets. `foreach (b in @hist_log(x))` visits only valid ones.",
    },
    Explanation {
        code: SCRIPT_ERROR,
        title: "error raised by the script",
        text: "The script called `error(msg)` (or a library function such as `assert` did). \
The message is the script's own. Catch it with `try { ... } catch (msg) { ... }` if the \
script can continue.",
    },
    Explanation {
        code: TOO_MANY_SKIPPED,
        title: "too many skipped probes",
        text: "More probe runs were skipped than MAXSKIPPED (100) allows, so the session \
stops. Raise the limit with `-D MAXSKIPPED=N`.",
    },
    Explanation {
        code: BAD_ARGUMENT,
        title: "invalid argument to a library function",
        text: "A library function got an argument it cannot work with (for example a time \
`ctime` cannot convert). The message names the problem.",
    },
    Explanation {
        code: READ_FAULT,
        title: "memory read fault",
        text: "A read of traced memory failed. Userspace probes (begin, end, timers) have no \
traced task whose memory could be read.",
    },
    Explanation {
        code: NO_STACK_FRAME,
        title: "no kernel stack frame at the requested level",
        text: "`stack(n)`, `callers(n)`, `caller()` or `caller_addr()` asked for a level of \
the kernel stack that the event does not have: the stack is shorter, the level is beyond \
MAXBACKTRACE (20 unless set with -D), or the event interrupted user space, where the \
kernel stack is empty. Userspace probes (begin, end, timers that rstap runs itself) have \
no kernel stack at all. `callers(-1)` returns whatever frames there are without an error.",
    },
    Explanation {
        code: STORE_FAILURE,
        title: "global variable storage failed",
        text: "The storage of a global variable reported a failure (for example a BPF map \
operation failed). The probe run is skipped and counted against MAXSKIPPED.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_descriptions() {
        let cases = [
            ("/", "operator '/'"),
            ("<<<", "operator '<<<'"),
            ("x", "identifier 'x'"),
            ("@count", "operator '@count'"),
            ("$1", "identifier '$1'"),
            ("42", "number '42'"),
            ("\"s\"", "string \"s\""),
            ("delete", "keyword 'delete'"),
            ("next", "keyword 'next'"),
            ("", "token ''"),
        ];
        for (text, want) in cases {
            assert_eq!(describe_token(text), want, "{text}");
        }
    }

    #[test]
    fn error_line_with_location() {
        let mut sm = SourceMap::new();
        let f = sm.add("<input>", "probe begin { x = 1/0 }");
        let at = sm.file(f).text.find('/').unwrap();
        let e = RuntimeError::new(DIVISION_BY_ZERO, "division by 0", Span::new(f, at, at + 1));
        assert_eq!(
            e.render(&sm),
            "ERROR: division by 0 near operator '/' at <input>:1:20"
        );
        let e = RuntimeError::new(SCRIPT_ERROR, "boom", Span::DUMMY);
        assert_eq!(e.render(&sm), "ERROR: boom");
    }

    #[test]
    fn codes_are_unique_and_explained() {
        let mut seen = std::collections::HashSet::new();
        for e in EXPLANATIONS {
            assert!(seen.insert(e.code.0), "duplicate {}", e.code.0);
            assert!(e.code.0.starts_with('R'));
        }
        assert_eq!(seen.len(), 13);
    }
}
