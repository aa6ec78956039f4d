//! Where kernel stack and symbol values go in a program: which arrays are keyed by
//! stacks (what `--folded` draws), and which uses of such values the code generator
//! refuses because in the kernel they are tokens, followed through locals, globals,
//! function parameters and results.

mod common;

use rstap_bpf::{CompileOptions, compile};
use rstap_diag::{RenderOptions, render_all};
use rstap_ir::stacks::{StackKeyKind, stack_keyed_arrays};

/// `Ok(())` when every kernel probe compiles, else the rendered diagnostics.
fn compiles(script: &str) -> Result<(), String> {
    let (program, sm) = common::program(script);
    let kernel = common::kernel_probes(&program);
    compile(&program, &kernel, &CompileOptions::default())
        .map(|_| ())
        .map_err(|d| render_all(&sm, &d, RenderOptions::default()))
}

#[test]
fn stack_keyed_arrays_are_counting_arrays_with_a_stack_key() {
    let (program, _) = common::program(
        r#"global s, t, u, c, plain, named
probe timer.profile {
  s[backtrace()] <<< 1
  bt = backtrace()
  t[execname(), bt] <<< 1
  u[backtrace()] = "not a count"
  c[cpu(), sprint_backtrace()]++
  plain[execname()] <<< 1
  named[callers(2)] <<< 1
}"#,
    );
    let found: Vec<(String, usize, StackKeyKind)> = stack_keyed_arrays(&program)
        .into_iter()
        .map(|k| (program.global(k.global).name.clone(), k.position, k.kind))
        .collect();
    assert_eq!(
        found,
        vec![
            ("s".to_string(), 0, StackKeyKind::Hex),
            ("t".to_string(), 1, StackKeyKind::Hex),
            ("c".to_string(), 1, StackKeyKind::Symbols),
        ]
    );
}

#[test]
fn exact_uses_of_stack_values_compile() {
    let ok = [
        r#"global s; probe timer.profile { s[backtrace()] <<< 1 }"#,
        r#"probe timer.profile { if (backtrace() == "") next; printf("%-40s|%s\n", backtrace(), sprintf("%s", caller())) }"#,
        r#"global last; probe timer.profile { bt = backtrace(); if (bt != last) last = bt }"#,
        r#"probe timer.profile { println("at " . symname(addr())) }"#,
        r#"probe kernel.trace("sched:sched_switch") { print_stack(backtrace()) }"#,
    ];
    for script in ok {
        assert_eq!(compiles(script), Ok(()), "{script}");
    }
}

#[test]
fn uses_that_would_see_the_token_are_refused_through_any_path() {
    let refused = [
        // Through a function's parameter and result.
        (
            r#"function f(x) { return x } probe timer.profile { if (f(backtrace()) < "0x") next }"#,
            "this comparison of a kernel stack or symbol value",
        ),
        // Through a global written by another probe.
        (
            r#"global g, a; probe timer.profile { g = symname(addr()) } probe kernel.trace("sched:sched_switch") { a[1] = sprintf("%10s", g) }"#,
            "a width or flag on `%s`",
        ),
        // Through an array value and foreach.
        (
            r#"global a; probe timer.profile { a[cpu()] = caller() } probe kernel.trace("sched:sched_switch") { foreach (k in a) if (a[k] == "schedule 0x1") next }"#,
            "this comparison",
        ),
        // Through the message of a caught error.
        (
            r#"probe timer.profile { try { error(sprint_backtrace()) } catch (e) { if (e > "a") next } }"#,
            "this comparison",
        ),
    ];
    for (script, what) in refused {
        let err = compiles(script).expect_err(script);
        assert!(err.contains(what), "{script}:\n{err}");
        assert!(err.contains("short tokens"), "{err}");
    }
}
