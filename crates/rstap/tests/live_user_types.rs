//! Live tests of typed accesses in user-space probes: `$p->member`, arrays, `$p$`,
//! `$$parms`, `$$return`, `@cast` into a program, parameters on the stack, on
//! `tests/workload/types.c` built here with `-g` (and once without, for the errors).
//! The values checked are the ones the workload stores (see the comment at its top).
//! Tests run one at a time (`serial()`): a probe fires in every process running the
//! workload.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

mod support;
use support::{c_workload_with, is_root, ok, rstap, text};

/// The workload with DWARF, as `types` in a directory of its own.
fn workload() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    let bin = BIN
        .get_or_init(|| c_workload_with("types", "types-dwarf/types", &["-g", "-O1"]))
        .as_ref();
    if bin.is_none() {
        eprintln!("skipped: no C compiler to build the workload");
    }
    bin
}

fn plain_workload() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| c_workload_with("types", "types-plain/types", &["-O1"]))
        .as_ref()
}

/// The workload, when this test can trace it (root).
fn live() -> Option<&'static PathBuf> {
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return None;
    }
    workload()
}

/// Runs `script` on `./types` in the workload's directory; stdout on success.
fn trace(bin: &Path, args: &[&str], script: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args(args)
        .args(["-e", script, "-c", "./types"])
        .current_dir(bin.parent().unwrap())
        .env("NO_COLOR", "1")
        .output()
        .expect("run rstap")
}

/// Replaces every `0x` followed by five hex digits or more (an address, which varies
/// from run to run) with `ADDR`.
fn mask_addresses(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at]);
        let hex = rest[at + 2..]
            .chars()
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        if hex < 5 {
            out.push_str(&rest[at..at + 2 + hex]);
        } else {
            out.push_str("ADDR");
        }
        rest = &rest[at + 2 + hex..];
    }
    out.push_str(rest);
    out
}

#[test]
fn members_arrays_strings_and_enums() {
    let _guard = support::serial();
    let Some(bin) = live() else { return };
    // &$p->arr[1] - $p: arr sits at offset 40 (after int, char[8], a pointer and a
    // 16-byte struct), its second int 4 bytes further.
    let script = r#"probe process("./types").function("visit") {
        printf("%d %d %s %d %s %d %d %d %d %d %d\n", $p->x, $p->inner->y,
               user_string($p->name), $p->arr[2], user_string($p->inner->label),
               $p->nested->y, $p->color, $p->score, &$p->arr[1] - $p, $depth,
               $p->name[1])
    }"#;
    let out = ok(&trace(bin, &[], script));
    assert_eq!(
        out,
        "1 10 one 12 L1 100 0 1000 44 0 110\n\
         2 20 two 22 L2 200 5 2000 44 1 119\n\
         3 30 three 32 L3 300 6 3000 44 2 104\n"
    );
    // A linked list followed through its pointers; the enum parameter of paint().
    let script = r#"
probe process("./types").function("walk") {
    printf("%d %d %d %s\n", $head->x, $head->next->x, $head->next->next->x,
           user_string($head->next->next->name))
}
probe process("./types").function("paint") { printf("%d %d\n", $c, $p->color) }
"#;
    let out = ok(&trace(bin, &[], script));
    assert_eq!(out, "1 2 3 three\n6 6\n");
}

#[test]
fn pretty_printing_and_variable_texts() {
    let _guard = support::serial();
    let Some(bin) = live() else { return };
    let script = r#"probe process("./types").function("visit") {
        if ($depth == 2) { println($p$); println($p$$); println($$parms); println($$parms$); println($$vars) }
    }"#;
    let out = mask_addresses(&ok(&trace(bin, &["-DMAXSTRINGLEN=512"], script)));
    assert_eq!(
        out,
        "{.x=3, .name=\"three\", .inner=ADDR, .nested={...}, .arr=[30, 31, 32, 33], .color=6, .score=3000, .next=0x0}\n\
         {.x=3, .name=\"three\", .inner=ADDR, .nested={.y=300, .label=\"N3\"}, .arr=[30, 31, 32, 33], .color=6, .score=3000, .next=0x0}\n\
         p=ADDR depth=0x2\n\
         p={.x=3, .name=\"three\", .inner=ADDR, .nested={...}, .arr=[30, 31, 32, 33], .color=6, .score=3000, .next=0x0} depth=2\n\
         p=ADDR depth=0x2\n"
    );
}

#[test]
fn return_values_and_casts() {
    let _guard = support::serial();
    let Some(bin) = live() else { return };
    let path = bin.display();
    let script = format!(
        r#"
probe process("./types").function("walk").return {{ println($$return) }}
probe process("./types").function("find").return {{
    printf("%d %s %s\n", $return->x, user_string($return->name), $return->inner$)
}}
probe process("./types").function("visit") {{
    printf("%d %s %d\n", @cast(pointer_arg(1), "struct point", "{path}")->x,
           user_string(@cast(pointer_arg(1), "point")->name),
           @cast(pointer_arg(1), "struct point")->inner->y)
}}
"#
    );
    let out = mask_addresses(&ok(&trace(bin, &[], &script)));
    assert_eq!(
        out,
        "1 one 10\n2 two 20\n3 three 30\nreturn=0x3\n2 two {.y=20, .label=\"L2\"}\n"
    );
}

#[test]
fn parameters_on_the_stack() {
    let _guard = support::serial();
    let Some(bin) = live() else { return };
    // many(1..8): the 7th and 8th arguments are past the six registers; by_value's
    // 24-byte struct is passed whole on the stack, and k in the first register.
    let script = r#"
probe process("./types").function("many") { printf("%d %d %d\n", $a1, $a7, $a8) }
probe process("./types").function("by_value") { printf("%d %d %d %d %s\n", $b->a, $b->b, $b->c, $k, $b$) }
"#;
    let out = ok(&trace(bin, &[], script));
    assert_eq!(out, "1 7 8\n7 8 9 4 {.a=7, .b=8, .c=9}\n");
}

#[test]
fn a_null_pointer_faults_like_systemtap() {
    let _guard = support::serial();
    let Some(bin) = live() else { return };
    // The third point's next is NULL: reading next->x faults at address 0 (x is at
    // offset 0), which ends the session with SystemTap's error.
    let script = r#"probe process("./types").function("visit") { println($p->next->x) }"#;
    let out = trace(bin, &[], script);
    assert!(!out.status.success());
    assert_eq!(text(&out.stdout), "2\n3\n");
    let err = text(&out.stderr);
    assert!(
        err.contains("ERROR: user int copy fault at 0x0 [man error::fault] near identifier '$p'"),
        "{err}"
    );
    // try/catch keeps going.
    let script = r#"probe process("./types").function("visit") {
        try { println($p->next->x) } catch (e) { println("caught ", e) }
    }"#;
    let out = ok(&trace(bin, &[], script));
    assert_eq!(
        out,
        "2\n3\ncaught user int copy fault at 0x0 [man error::fault]\n"
    );
}

#[test]
fn listing_shows_c_types() {
    let _guard = support::serial();
    let Some(bin) = workload() else { return };
    let p = bin.display();
    let out = rstap(&["-L", &format!(r#"process("{p}").function("*")"#)]);
    let listed = ok(&out);
    for want in [
        format!("process(\"{p}\").function(\"visit\") $p:struct point* $depth:int"),
        format!("process(\"{p}\").function(\"paint\") $p:struct point* $c:enum color"),
        format!("process(\"{p}\").function(\"by_value\") $b:struct big $k:int"),
        format!("process(\"{p}\").function(\"find\") $head:struct point* $x:int"),
    ] {
        assert!(listed.lines().any(|l| l == want), "{want}\n{listed}");
    }
    let out = rstap(&["-L", &format!(r#"process("{p}").function("find").return"#)]);
    assert_eq!(
        ok(&out),
        format!(
            "process(\"{p}\").function(\"find\").return $return:struct point* $head:struct point* $x:int\n"
        )
    );
}

#[test]
fn bad_accesses_are_explained() {
    let _guard = support::serial();
    let Some(bin) = workload() else { return };
    let p = bin.display();
    let cases = [
        (
            "$p->nmae",
            "unable to find member 'nmae' in struct point; did you mean: name?",
        ),
        ("$p->x->y", "cannot read member 'y' of an integer (int)"),
        ("$p->arr->x", "cannot read member 'x' of an array (int[4])"),
        ("$p->nested", "struct inner cannot be read as a value"),
        (
            "@cast($p, \"struct nosuch\")->x",
            "type definition 'nosuch' not found in the program's types",
        ),
    ];
    for (expr, want) in cases {
        let script = format!(r#"probe process("{p}").function("visit") {{ println({expr}) }}"#);
        let out = rstap(&["-p2", "-e", &script]);
        assert!(!out.status.success(), "{expr}");
        let err = text(&out.stderr);
        assert!(err.contains(want), "{expr}: {err}");
    }
    // A program built without -g: parameters by name, their members and casts into it
    // all say so.
    let Some(plain) = plain_workload() else {
        return;
    };
    let plain = plain.display();
    let script = format!(r#"probe process("{plain}").function("visit") {{ println($p->x) }}"#);
    let err = text(&rstap(&["-p2", "-e", &script]).stderr);
    assert!(err.contains("unresolved target-symbol expression"), "{err}");
    assert!(err.contains("programs built with -g"), "{err}");
    assert!(err.contains("pointer_arg(n)"), "{err}");
    let script = format!(
        r#"probe process("{p}").function("visit") {{ println(@cast($p, "struct point", "{plain}")->x) }}"#
    );
    let err = text(&rstap(&["-p2", "-e", &script]).stderr);
    assert!(
        err.contains(&format!(
            "'{plain}' has no DWARF debugging information, so its types are unknown (build it with -g)"
        )),
        "{err}"
    );
}
