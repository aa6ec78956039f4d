//! Property tests over generated inputs (a fixed-seed generator, so failures reproduce):
//! no input makes the front end panic, and whenever an input parses cleanly its `-p1`
//! form parses cleanly too and prints identically (printing is a fixpoint).

use rstap_diag::SourceMap;
use rstap_syntax::{MacroLibrary, ParseOptions, PreprocessEnv, parse_script, print_script};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "probe",
    "begin",
    "end",
    "timer",
    ".",
    "s",
    "(",
    ")",
    "1",
    "{",
    "}",
    "x",
    "=",
    "y",
    "+",
    "-",
    "*",
    "/",
    "%",
    "<<<",
    ">>>",
    "<<",
    ">>",
    "==",
    "!=",
    "<",
    ">",
    "<=",
    ">=",
    "&&",
    "||",
    "!",
    "~",
    "?",
    ":",
    ",",
    ";",
    "[",
    "]",
    "global",
    "function",
    "return",
    "if",
    "else",
    "while",
    "for",
    "foreach",
    "in",
    "limit",
    "delete",
    "next",
    "break",
    "continue",
    "try",
    "catch",
    "\"s\"",
    "\"%d\\n\"",
    "printf",
    "println",
    "print",
    "@count",
    "@hist_log",
    "@hist_linear",
    "@variance",
    "@cast",
    "@defined",
    "$var",
    "->",
    "$$vars",
    "$1",
    "@1",
    "$#",
    "%(",
    "%?",
    "%:",
    "%)",
    "kernel_v",
    "@define",
    "@m",
    "%{ x %}",
    "++",
    "--",
    ".=",
    "+=",
    "private",
    "long",
    "string",
    "a",
    "b",
    "k",
    "v",
    "*",
    "**",
    "0x1f",
    "017",
    "99999999999999999999",
    "/*",
    "*/",
    "#",
    "\n",
    "&",
    "|",
    "^",
    "=~",
    "!~",
    "arr",
    "@entry",
    "&$x",
];

fn check(text: &str) {
    let mut sm = SourceMap::new();
    let file = sm.add("<input>", text.to_string());
    let opts = ParseOptions {
        env: PreprocessEnv {
            args: vec!["5".into()],
            ..PreprocessEnv::default()
        },
        ..ParseOptions::default()
    };
    let (script, diags) = parse_script(&sm, file, &opts, &MacroLibrary::default());
    let printed = print_script(&sm, &script);
    let _ = rstap_diag::render_all(&sm, &diags, rstap_diag::RenderOptions::default());
    if diags.iter().any(|d| d.is_error()) {
        return;
    }
    let again = sm.add("<input>", printed.clone());
    let guru = ParseOptions {
        guru: true,
        ..ParseOptions::default()
    };
    let (reparsed, d2) = parse_script(&sm, again, &guru, &MacroLibrary::default());
    // Full parenthesisation can push an input that sits right at the nesting bound over
    // it; that is the one accepted difference.
    if d2.iter().any(|d| d.message == "nesting too deep") {
        return;
    }
    assert!(
        !d2.iter().any(|d| d.is_error()),
        "input {text:?} printed as\n{printed}\nwhich does not parse:\n{}",
        rstap_diag::render_all(&sm, &d2, rstap_diag::RenderOptions::default())
    );
    assert_eq!(printed, print_script(&sm, &reparsed), "input {text:?}");
}

#[test]
fn token_soups_never_panic_and_print_is_a_fixpoint() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for _ in 0..20_000 {
        let n = 1 + rng.below(40);
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(rng.pick(WORDS));
            if rng.below(3) > 0 {
                s.push(' ');
            }
        }
        check(&s);
    }
}

#[test]
fn wrapped_statement_soups_parse_and_round_trip() {
    // Soups inside a probe body reach deep into the expression grammar.
    let mut rng = Rng(0x0bad_cafe_0000_0042);
    for _ in 0..20_000 {
        let n = 1 + rng.below(24);
        let mut s = String::from("global arr, x, y\nprobe begin { ");
        for _ in 0..n {
            s.push_str(rng.pick(WORDS));
            s.push(' ');
        }
        s.push_str(" }");
        check(&s);
    }
}

#[test]
fn mutated_fixtures_never_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ok");
    let mut seeds: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "stp"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    seeds.sort();
    let mut rng = Rng(0xfeed_f00d_0000_0007);
    for _ in 0..5_000 {
        let mut bytes = seeds[rng.below(seeds.len())].clone().into_bytes();
        for _ in 0..1 + rng.below(6) {
            if bytes.is_empty() {
                break;
            }
            let at = rng.below(bytes.len());
            match rng.below(4) {
                0 => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, rng.next() as u8),
                2 => bytes[at] = b"{}()[];,\"%$@#*-+"[rng.below(16)],
                _ => {
                    let end = (at + rng.below(20)).min(bytes.len());
                    bytes.drain(at..end);
                }
            }
        }
        check(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn error_floods_are_capped() {
    let mut src = String::new();
    for _ in 0..5000 {
        src.push_str("probe begin { x = ) }\n");
    }
    let mut sm = SourceMap::new();
    let file = sm.add("<input>", src);
    let (_, diags) = parse_script(
        &sm,
        file,
        &ParseOptions::default(),
        &MacroLibrary::default(),
    );
    assert!(diags.len() <= 101, "{} diagnostics", diags.len());
    assert!(
        diags
            .last()
            .unwrap()
            .message
            .starts_with("too many errors: ")
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // The parser bounds its nesting, so its stack use is bounded too; 8 MiB (a main
    // thread's stack) covers the bound even in unoptimised builds.
    let cases = [
        format!(
            "probe begin {{ x = {}1{} }}",
            "(".repeat(5000),
            ")".repeat(5000)
        ),
        format!("probe begin {}{}", "{".repeat(5000), "}".repeat(5000)),
        format!("probe begin {{ x = {}1 }}", "- ".repeat(5000)),
        format!("probe begin {{ x = {}1 }}", "a ? ".repeat(3000)),
        format!("probe begin {}x = 1", "if (a) ".repeat(5000)),
    ];
    for case in cases {
        std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || check(&case))
            .unwrap()
            .join()
            .unwrap();
    }
}
