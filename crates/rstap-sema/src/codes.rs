//! Diagnostic codes of pass 2 and their explanations (`rstap explain S0201`).

use rstap_diag::{Code, Explanation};

pub const PROBE_POINT: Code = Code("S0101");
pub const NO_PROBES: Code = Code("S0102");
pub const ALIAS_LOOP: Code = Code("S0103");
pub const CONDITION_LOCAL: Code = Code("S0104");
pub const TYPE_MISMATCH: Code = Code("S0201");
pub const UNRESOLVED_TYPE: Code = Code("S0202");
pub const ARITY: Code = Code("S0203");
pub const STAT_LOCAL: Code = Code("S0204");
pub const UNRESOLVED_ARRAY: Code = Code("S0205");
pub const PRINT_ARGS: Code = Code("S0206");
pub const PRINT_TYPE: Code = Code("S0207");
pub const FORMAT: Code = Code("S0208");
pub const STATS_VALUE: Code = Code("S0209");
pub const HISTOGRAM: Code = Code("S0210");
pub const UNRESOLVED_FUNCTION: Code = Code("S0301");
pub const FUNCTION_ARITY: Code = Code("S0302");
pub const DUPLICATE_GLOBAL: Code = Code("S0303");
pub const GLOBAL_INIT: Code = Code("S0304");
pub const FOREACH_MODIFIED: Code = Code("S0305");
pub const LVALUE: Code = Code("S0306");
pub const TARGET_SYMBOL: Code = Code("S0307");
pub const EMBEDDED: Code = Code("S0308");
pub const CONTEXT: Code = Code("S0309");
pub const DUPLICATE_PARAM: Code = Code("S0310");
pub const UNSUPPORTED: Code = Code("S0311");
pub const TAPSET: Code = Code("S0312");
pub const NEVER_ASSIGNED: Code = Code("S0401");
pub const ELIDED_ASSIGNMENT: Code = Code("S0402");
pub const SIDE_EFFECT_FREE: Code = Code("S0403");
pub const UNUSED_FUNCTION: Code = Code("S0404");
pub const UNUSED_VARIABLE: Code = Code("S0405");
pub const NEVER_ASSIGNED_GLOBAL: Code = Code("S0406");
pub const PROBE_ELIDED: Code = Code("S0407");
pub const BADVAR_SKIPPED: Code = Code("S0408");

macro_rules! explain {
    ($code:expr, $title:expr, $text:expr) => {
        Explanation {
            code: $code,
            title: $title,
            text: $text,
        }
    };
}

/// Every code this crate emits, with what it means and how to fix it.
pub static EXPLANATIONS: &[Explanation] = &[
    explain!(
        PROBE_POINT,
        "a probe point does not resolve",
        "The probe point names no family, alias or event that exists here, or its parameters \
         are refused (for example a zero timer interval). The note says which component failed \
         and lists similar names. Fix the spelling, check `rstap -l 'PATTERN'` for what exists, \
         or mark the point optional with `?` when it may legitimately be missing."
    ),
    explain!(
        NO_PROBES,
        "the script has no probes",
        "After resolving every probe point (optional `?` points that matched nothing are \
         dropped silently) no probe is left to run. Add a probe, or remove the `?` to see why \
         a point fails."
    ),
    explain!(
        ALIAS_LOOP,
        "a probe alias expands to itself",
        "Alias definitions refer to each other in a cycle, so expansion never reaches a real \
         probe point. Make one of the aliases name a concrete probe point."
    ),
    explain!(
        CONDITION_LOCAL,
        "a probe condition uses a local variable",
        "The `if (cond)` after a probe point is evaluated outside any handler, so it may only \
         read global variables. Declare the variable `global`."
    ),
    explain!(
        TYPE_MISMATCH,
        "a value is used with two different types",
        "Every variable, array key, array value and function result has one type for the whole \
         script: long, string or statistics. The first use fixes it (shown in the note); a later \
         use disagrees. Convert explicitly (`sprint(n)`, `strtol(s, 10)`) or use a separate \
         variable."
    ),
    explain!(
        UNRESOLVED_TYPE,
        "a type cannot be inferred",
        "Nothing in the script says whether this value is a long or a string: it is never \
         assigned a typed value nor used where a type is required. Assign it, or declare the \
         function's parameter or result type (`function f:long (x:string)`)."
    ),
    explain!(
        ARITY,
        "an array is used with different numbers of indexes",
        "A global is used once as a scalar or with N indexes and elsewhere with a different \
         count. Each array has one fixed number of index expressions; use it consistently."
    ),
    explain!(
        STAT_LOCAL,
        "statistics need a global variable",
        "`<<<` and the statistic extractors (`@count`, `@avg`, `@hist_log`...) only work on \
         global variables, because aggregates are shared by every CPU. Add `global NAME`."
    ),
    explain!(
        UNRESOLVED_ARRAY,
        "an array is not declared",
        "Arrays live in global storage, so an indexed variable must be declared with \
         `global NAME` (optionally `global NAME[SIZE]`)."
    ),
    explain!(
        PRINT_ARGS,
        "wrong number of arguments for a format",
        "Each `%` conversion in a printf format consumes one argument (a `*` width or \
         precision consumes one more, a long). Make the argument list match the format."
    ),
    explain!(
        PRINT_TYPE,
        "an argument does not match its format conversion",
        "`%s` takes a string; `%d %i %u %x %X %o %p %c %b %m %M` take a long. Convert the \
         value or change the conversion."
    ),
    explain!(
        FORMAT,
        "an invalid print format",
        "The format string has an unknown conversion or ends inside one. Conversions are \
         `%[flag][width|*][.precision|.*][l]conv` with at most one flag; write `%%` for a \
         literal percent sign."
    ),
    explain!(
        STATS_VALUE,
        "statistics used as a plain value",
        "A statistics variable cannot be printed, compared or assigned directly. Extract a \
         value with `@count`, `@sum`, `@min`, `@max`, `@avg` or print a histogram with \
         `print(@hist_log(x))`."
    ),
    explain!(
        HISTOGRAM,
        "invalid histogram parameters or use",
        "`@hist_linear(x, start, stop, interval)` needs a positive interval and between 3 and \
         128 buckets in total ((stop - start) / interval + 3); a histogram can only be printed, \
         indexed or iterated with foreach."
    ),
    explain!(
        UNRESOLVED_FUNCTION,
        "call of an unknown function",
        "No function of that name exists in the script or the tapset library. Check the \
         spelling (similar names are listed) or define it with `function NAME(...) { }`."
    ),
    explain!(
        FUNCTION_ARITY,
        "a function is called with the wrong number of arguments",
        "Functions are selected by name and number of arguments; no definition takes this \
         many. Pass the arguments the definition expects, or add an overload."
    ),
    explain!(
        DUPLICATE_GLOBAL,
        "a global is declared twice",
        "Two declarations give the same global name (or one file declares a name both \
         `private` and public). Remove or rename one of them."
    ),
    explain!(
        GLOBAL_INIT,
        "invalid global declaration",
        "Only scalar globals can have an initial value, and only scalars cannot wrap: `%` \
         (wrap-around when full) applies to arrays. Initialise arrays in `probe begin`."
    ),
    explain!(
        FOREACH_MODIFIED,
        "an array is changed while it is iterated",
        "Inside `foreach (k in A)` the array A must not be assigned, deleted from or \
         incremented, directly or through a called function. Collect the changes in another \
         array and apply them after the loop."
    ),
    explain!(
        LVALUE,
        "assignment to something that is not a variable",
        "Only variables, array elements and writable context variables can be assigned, \
         incremented or decremented."
    ),
    explain!(
        TARGET_SYMBOL,
        "a context variable does not exist in this probe",
        "`$name` reads data of the probed event. This probe point provides no such variable \
         (begin, end and timer probes provide none). Use `@defined($name)` to test for it, or \
         run with `--skip-badvars` to read missing ones as 0."
    ),
    explain!(
        EMBEDDED,
        "embedded code is not available",
        "`%{ ... %}` blocks are C for SystemTap's kernel runtime. rstap runs scripts as BPF and \
         in its own interpreter, so only library functions marked `/* intrinsic */` may use \
         them. Rewrite the code in the script language."
    ),
    explain!(
        CONTEXT,
        "a statement outside its context",
        "`return` is only valid inside a function, `break` and `continue` only inside a loop."
    ),
    explain!(
        DUPLICATE_PARAM,
        "two parameters with the same name",
        "Each parameter of a function needs its own name."
    ),
    explain!(
        UNSUPPORTED,
        "a construct this version cannot run",
        "The construct needs debugging information or a runtime facility that is not \
         available for this probe (DWARF casts, `@var`, `@entry`, registers). Use the \
         probe's context variables or tapset functions instead."
    ),
    explain!(
        TAPSET,
        "the tapset library is broken",
        "A library file failed to parse or defines something invalid. Fix the file in the \
         `-I` directory named in the message."
    ),
    explain!(
        NEVER_ASSIGNED,
        "a local variable is read but never assigned",
        "The variable always reads as 0 or the empty string, which usually means a typo or a \
         missing `global` declaration. The help line lists the other variables in scope."
    ),
    explain!(
        ELIDED_ASSIGNMENT,
        "an assignment is removed because the variable is never read",
        "The assigned local is never read, so the store is dropped (the right-hand side still \
         runs). Use the variable, or run with `-u` to keep everything."
    ),
    explain!(
        SIDE_EFFECT_FREE,
        "a statement that does nothing is removed",
        "The expression computes a value that is thrown away and has no effect. Remove it, or \
         use the value."
    ),
    explain!(
        UNUSED_FUNCTION,
        "a function is never called",
        "No probe calls this function (directly or indirectly), so it is dropped. Run with \
         `-u` to keep and check it anyway."
    ),
    explain!(
        UNUSED_VARIABLE,
        "a variable is never used",
        "The variable is neither read nor written and is dropped."
    ),
    explain!(
        NEVER_ASSIGNED_GLOBAL,
        "a global is read but never assigned",
        "The global always reads as 0, the empty string or an empty array. Assign it, give it \
         an initial value, or set it from the command line with `-G name=value`."
    ),
    explain!(
        PROBE_ELIDED,
        "a probe with nothing to do is removed",
        "After removing statements without effect the probe handler is empty, so the probe is \
         not installed."
    ),
    explain!(
        BADVAR_SKIPPED,
        "a missing context variable reads as 0",
        "With `--skip-badvars` a context variable that does not exist in the probe is \
         replaced by 0 instead of being an error."
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_explained() {
        let mut seen = std::collections::HashSet::new();
        for e in EXPLANATIONS {
            assert!(seen.insert(e.code.0), "duplicate {}", e.code.0);
            assert!(e.code.0.starts_with('S') && e.code.0.len() == 5);
            assert!(e.text.len() > 40, "{} explanation too short", e.code.0);
        }
        assert_eq!(seen.len(), 34);
    }
}
