//! Differential tests: the same statements run by the interpreter (in a `begin` probe)
//! and as a BPF program in the kernel (a raw `sys_enter` program run once with
//! BPF_PROG_TEST_RUN) must print the same text and raise the same errors.
//! Needs root; skipped otherwise.

#[path = "../../rstap-bpf/tests/common/mod.rs"]
mod common;

use rstap_bpf::CompileOptions;
use rstap_bpf::layout::RINGBUF_MAP;
use rstap_interp::session::{self, SessionOptions};
use rstap_interp::{CaptureOutput, render_error_line};
use rstap_runtime::{Event, FormatCache, create_maps, decode, load_program};
use rstap_sys::ringbuf::RingBuf;

/// stdout, then every error line, from the interpreter.
fn interpreted(globals: &str, body: &str) -> String {
    let (program, sm) = common::program(&format!("{globals}\nprobe begin {{\n{body}\n}}"));
    let mut out = CaptureOutput::default();
    let opts = SessionOptions {
        handle_signals: false,
        display_globals: false,
        ..SessionOptions::default()
    };
    session::run(&program, &sm, &opts, &mut out).unwrap();
    let err: String = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.starts_with("ERROR:"))
        .map(|l| format!("{l}\n"))
        .collect();
    format!("{}{err}", String::from_utf8_lossy(&out.stdout))
}

/// The same, from the kernel: the probe body compiled to BPF and run once.
fn in_kernel(globals: &str, body: &str) -> String {
    let script =
        format!("{globals}\nprobe kernel.trace(\"syscalls:sys_enter_getppid\") {{\n{body}\n}}");
    let (program, sm) = common::program(&script);
    let kernel = rstap_runtime::kernel_probes(&program);
    let opts = CompileOptions {
        ringbuf_bytes: 1 << 16,
        syscall_nr: Some(common::syscall_nr),
        possible_cpus: rstap_sys::discovery::possible_cpus().unwrap().len() as u32,
        ..CompileOptions::default()
    };
    let compiled = rstap_bpf::compile(&program, &kernel, &opts).expect("compiles");
    let maps = create_maps(&compiled).expect("maps");
    let p = &compiled.probes[0];
    let prog = load_program(p, &maps).unwrap_or_else(|e| panic!("verifier: {}", e.log));
    // sys_enter(regs, id): no registers, the getppid number.
    let mut ctx = vec![0u8; 16];
    ctx[8..].copy_from_slice(&110u64.to_le_bytes());
    prog.test_run_ctx(&ctx).unwrap();
    let mut rb = RingBuf::new(&maps[RINGBUF_MAP]).unwrap();
    let mut records = Vec::new();
    rb.consume(&mut |r: &[u8]| records.push(r.to_vec()));
    let mut formats = FormatCache::new();
    let (mut out, mut err) = (String::new(), String::new());
    for r in records {
        match decode(&compiled, &mut formats, &r) {
            Some(Event::Output(b)) => out.push_str(&String::from_utf8_lossy(&b)),
            Some(Event::Error(e)) => {
                err.push_str(&render_error_line(&e.message, e.span, &sm));
                err.push('\n');
            }
            _ => {}
        }
    }
    out + &err
}

const CASES: &[(&str, &str)] = &[
    (
        "",
        r#"printf("%d %d %d %d\n", 7 / 2, -7 / 2, -7 % 3, 7 % -3)"#,
    ),
    ("", r#"printf("%d %d %d\n", 1 << 65, -16 >> 2, -16 >>> 60)"#),
    ("", r#"printf("%d %d %d %d\n", 3 & 5, 3 | 5, 3 ^ 5, ~3)"#),
    (
        "",
        r#"printf("%d %d %d %d %d %d\n", 1 < 2, 2 <= 1, 3 > 2, 3 >= 4, 5 == 5, 5 != 5)"#,
    ),
    (
        "",
        r#"printf("%d %d %d\n", !0, !7, -(-9223372036854775807 - 1))"#,
    ),
    ("", r#"printf("%d %d\n", 0 && 1 / 0, 1 || 1 / 0)"#),
    ("", r#"x = 5; y = x++ + ++x; printf("%d %d\n", x, y)"#),
    (
        "",
        r#"s = "ab" . "cd"; t = s . s; printf("%s %s %d %d\n", s, t, s == "abcd", s < "abd")"#,
    ),
    (
        "",
        r#"printf("[%5d|%-5d|%05d|%x|%X|%o|%c]\n", 42, 42, 42, 255, 255, 8, 65)"#,
    ),
    ("", r#"printf("[%10s|%-10s|%.2s]\n", "abc", "abc", "abc")"#),
    (
        "",
        r#"i = 0; s = 0; while (i < 10) { s += i; i++ }; printf("%d\n", s)"#,
    ),
    (
        "",
        r#"s = 0; for (i = 0; i < 10; i++) { if (i % 2) continue; if (i > 6) break; s += i }; println(s)"#,
    ),
    ("", r#"println(1 ? "yes" : "no", " ", 0 ? "yes" : "no")"#),
    (
        "global a",
        r#"a[1] = 10; a[2] += 5; a[2]++; printf("%d %d %d %d\n", a[1], a[2], a[3], 2 in a)"#,
    ),
    (
        "global a",
        r#"a["x", 1] = 3; delete a["x", 1]; println(["x", 1] in a)"#,
    ),
    (
        "global s",
        r#"s <<< 1; s <<< 5; s <<< -3; printf("%d %d %d %d %d\n", @count(s), @sum(s), @min(s), @max(s), @avg(s))"#,
    ),
    (
        "function f(n) { if (n < 2) return 1; return n * 2 }",
        r#"printf("%d %d\n", f(1), f(7))"#,
    ),
    (
        "function g:string (s:string) { return s . \"!\" }",
        r#"println(g("hi"))"#,
    ),
    (
        "",
        r#"try { x = 1 / 0 } catch (m) { println("caught: ", m) }"#,
    ),
    (
        "",
        r#"printd(", ", 1, "two", 3); println(""); printdln("-", "a", 2)"#,
    ),
    ("", r#"x = 10; y = 0; println(x / y)"#),
    (
        "",
        r#"s = sprintf("[%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%u|%%]", -42, 42, 42, -42, 7, 7, -1, 255, -1); println(s)"#,
    ),
    (
        "",
        r#"s = sprintf("[%c|%s|%-6s|%6s]", 66, "str", "ab", "cd"); println(s)"#,
    ),
    (
        "",
        r#"s = sprintf("%p %d", 4096, 0); t = sprint(1, "a", 2) . sprintln("z") . sprintd("-", 1, "b"); println(s, " ", t)"#,
    ),
    (
        "global a",
        r#"for (i = 1; i <= 5; i++) a[i] = i * i; s = 0; n = 0; foreach (k in a) { n++; if (k == 2) continue; s += a[k] } printf("%d %d\n", s, n)"#,
    ),
    (
        "global a",
        r#"a[1] = 1; a[2] = 2; a[3] = 3; n = 0; foreach ([k] in a limit 2) n++; foreach (v = [k] in a) { if (v == 2) break } delete a; printf("%d %d\n", n, 1 in a)"#,
    ),
    (
        "global a function f() { foreach (k in a) if (a[k] == 7) return k; return -1 }",
        r#"a[4] = 7; a[5] = 1; println(f())"#,
    ),
    (
        "global a",
        r#"a["x"] = 1; try { foreach (k in a) error("inside") } catch (m) { println("caught ", m) }"#,
    ),
    (
        "global a",
        r#"a["x"] = 1; foreach (k in a) { println(k, " ", 1 / 0) } println("not reached")"#,
    ),
    (
        "global a",
        r#"a[sprintf("k%d", 3)] = 1; foo = sprintf("k%d", 1 + 2) in a; println(foo)"#,
    ),
    (
        "",
        r#"printf("%d\n", 5); error("stop here"); printf("not printed\n")"#,
    ),
];

#[test]
fn interpreter_and_bpf_agree() {
    if !common::is_root() {
        eprintln!("skipped: running BPF programs needs root");
        return;
    }
    let mut failures = Vec::new();
    for (globals, body) in CASES {
        let want = interpreted(globals, body);
        let got = in_kernel(globals, body);
        if std::env::var_os("RSTAP_SHOW").is_some() {
            eprintln!("{body}\n  => {got:?}");
        }
        if want != got {
            failures.push(format!(
                "{body}\n  interpreter: {want:?}\n  bpf:         {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
