//! Diagnostic codes of pass 1 and their explanations.

use rstap_diag::{Code, Explanation};

use crate::{lex, parse, pp};

const fn ex(code: Code, title: &'static str, text: &'static str) -> Explanation {
    Explanation { code, title, text }
}

pub static EXPLANATIONS: &[Explanation] = &[
    ex(
        parse::E_SYNTAX,
        "syntax error",
        "The parser met a token it did not expect at this point. The caret marks the token it saw; the message says what the grammar needed there (a ')', an identifier, an expression...). Check for a missing operator, parenthesis or brace just before the marked token.",
    ),
    ex(
        parse::E_TOP,
        "unexpected text at the top level",
        "A script consists only of probe definitions, global declarations, function definitions and (in tapsets) embedded code blocks. Anything else at the top level, often a statement outside a probe body or a stray '}', is an error. Move statements into a 'probe ... { }' body.",
    ),
    ex(
        parse::E_EMBEDDED,
        "embedded code in a script",
        "SystemTap lets guru-mode scripts embed C code between %{ and %}. rstap compiles scripts to BPF and never builds a kernel module, so it cannot run embedded C, with or without -g. Express the logic in the script language or use a tapset function.",
    ),
    ex(
        parse::E_EMBEDDED_GURU,
        "embedded C with -g",
        "Even in guru mode rstap cannot run embedded C: it has no C compiler and loads BPF programs that the kernel verifies. Rewrite the code in the script language; tapset functions cover most uses (context, strings, time, conversions).",
    ),
    ex(
        parse::E_SUFFIX,
        "probe point suffix in the middle",
        "The '?' (optional), '!' (sufficient) and 'if (cond)' suffixes apply to a whole probe point and may only follow its last component, as in 'kernel.trace(\"x\")?'. Move the suffix to the end.",
    ),
    ex(
        parse::E_ALIAS,
        "invalid probe alias",
        "A probe alias ('probe NAME = POINTS { ... }' or '+=') names new probe points. Alias names cannot carry '?' or '!', and the combined form with both a prologue and an epilogue ('= POINTS { pro }, { epi }') is only allowed with '='.",
    ),
    ex(
        parse::E_GLOBAL,
        "invalid global declaration",
        "Globals may be initialised only when they are scalars, and only with a literal: 'global n = 5, s = \"x\"'. An array size must be between 1 and 2147483647: 'global a[1000]'.",
    ),
    ex(
        parse::E_FUNCTION,
        "invalid function declaration",
        "Function and parameter types are ':long' or ':string', parameter names must differ, and an explicit priority ':N' after the parameter list must be greater than zero.",
    ),
    ex(
        parse::E_RETURN,
        "'return' outside a function",
        "'return' leaves a function. In a probe handler use 'next' to leave the handler early.",
    ),
    ex(
        parse::E_FOREACH_SORT,
        "more than one sort directive",
        "A foreach loop sorts by exactly one thing: one key (k+ or k-), the value (v- = k in A, or A-). Remove the extra '+'/'-'.",
    ),
    ex(
        parse::E_PRINT,
        "wrong arguments to a print builtin",
        "printf/sprintf need a literal format string first; printd/printdln a literal delimiter and at least two values; print needs at least one argument; print_char exactly one; and no print builtin takes more than 32 arguments.",
    ),
    ex(
        parse::E_FORMAT,
        "invalid printf format",
        "Conversions have the form %[flag][width][.precision][l]conversion with at most one flag of '0 + - space #', and a conversion among d i u x X o p c s b m M. '%%' prints a percent sign. '%lld' is not accepted: longs are always 64 bits, so use '%d'.",
    ),
    ex(
        parse::E_AT_OPERATOR,
        "invalid @-operator use",
        "The @-operators take fixed arguments: @variance(x[, shift]) with a shift of 0..62, @hist_linear(x, start, stop, interval) with literal numbers and a non-zero interval, @kderef/@uderef(size, address) with size 1, 2, 4 or 8.",
    ),
    ex(
        parse::E_GURU,
        "guru-only operator",
        "@const, @kregister and @kderef read or compute raw kernel state and need guru mode. Run with -g if you really need them.",
    ),
    ex(
        parse::E_REGEX,
        "regular expression must be a literal",
        "The right side of =~ and !~ must be a string literal, so the expression can be checked and compiled once.",
    ),
    ex(
        lex::E_NUMBER,
        "invalid number",
        "Number literals are decimal, 0x-prefixed hexadecimal or 0-prefixed octal, with no suffix, and must fit in 64 bits. Escape sequences in strings must fit in a byte.",
    ),
    ex(
        lex::E_QUOTE,
        "unterminated string",
        "A string literal must end with '\"' on the same line. Use \\n for a newline inside a string, and write long strings as adjacent literals: \"part one \" \"part two\".",
    ),
    ex(
        lex::E_EMBEDDED_CLOSE,
        "unterminated embedded code",
        "An embedded code block opened with %{ must be closed with %}.",
    ),
    ex(
        lex::W_EMBEDDED_TYPO,
        "possible typo '}%'",
        "The sequence '}%' inside embedded code usually means '%}' was intended.",
    ),
    ex(
        lex::E_ARG_RANGE,
        "missing command-line argument",
        "The script uses $N or @N but fewer than N arguments were given after the script. Pass the arguments: rstap script.stp ARG1 ARG2, or rstap -e '...' ARG1.",
    ),
    ex(
        lex::E_COMMENT,
        "unterminated comment",
        "A /* comment must be closed with */ before the end of the file.",
    ),
    ex(
        pp::E_COND,
        "invalid preprocessor conditional",
        "Conditionals read %( CONDITION %? TOKENS %: TOKENS %). A condition compares kernel_v, kernel_vr, systemtap_v, arch, runtime, systemtap_privilege, guru_mode or a CONFIG_ option with a literal (or two literals), joined with && and ||. Version comparisons may use globs only with == and !=.",
    ),
    ex(
        pp::E_MACRO,
        "invalid macro definition or use",
        "Macros are defined with @define NAME %( BODY %) or @define NAME(a, b) %( ... @a ... %) and used as @NAME or @NAME(x, y) with exactly the declared number of arguments. A macro may be defined once per file and not inside another macro's body.",
    ),
    ex(
        pp::W_MACRO_BUILTIN,
        "macro hides a built-in operator",
        "The macro's name is also the name of a built-in @-operator such as @count; the macro wins from here on. Rename the macro unless that is what you want.",
    ),
];
