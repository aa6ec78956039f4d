//! Instruction-level file tests: every `tests/asm/NAME.stp` is compiled for its kernel
//! probes and the disassembly compared with `NAME.asm` (rewritten with RSTAP_BLESS=1).
//! Scripts the backend refuses have their diagnostics in `NAME.asm` instead.

mod common;

use std::path::Path;

use rstap_bpf::{CompileOptions, compile};
use rstap_diag::{RenderOptions, render_all};

fn listing(script: &str) -> String {
    let (program, sm) = common::program(script);
    let kernel = common::kernel_probes(&program);
    let opts = CompileOptions {
        online_cpus: 2,
        hz: 250,
        task: Some(rstap_bpf::TaskOffsets {
            real_parent: 2448,
            tgid: 2436,
            comm: 3008,
            cred: 2992,
            cred_euid: 20,
            cred_egid: 24,
        }),
        exe: Some(rstap_bpf::ExeOffsets {
            task_mm: 2336,
            mm_exe_file: 960,
            file_inode: 32,
            inode_ino: 64,
        }),
        syscall_nr: Some(common::syscall_nr),
        possible_cpus: 2,
        ..CompileOptions::default()
    };
    match compile(&program, &kernel, &opts) {
        Ok(c) => {
            let names = c.map_names();
            let mut out = String::new();
            for m in &c.layout.maps {
                out.push_str(&format!(
                    "map {}: {:?} key {} value {} entries {}\n",
                    m.name, m.kind, m.key_size, m.value_size, m.max_entries
                ));
            }
            for p in &c.probes {
                out.push_str(&format!(
                    "\n# {} ({:?}, {:?})\n",
                    program.probe(p.probe).pp,
                    p.kind,
                    p.attach
                ));
                for l in rstap_bpf::disasm::disassemble(&p.code, &names) {
                    out.push_str(&l);
                    out.push('\n');
                }
            }
            for d in &c.dispatchers {
                out.push_str(&format!("\n# dispatcher {} on {}\n", d.name, d.tracepoint));
                for l in rstap_bpf::disasm::disassemble(&d.code, &names) {
                    out.push_str(&l);
                    out.push('\n');
                }
            }
            for (i, s) in c.sites.iter().enumerate() {
                out.push_str(&format!(
                    "site {i}: {:?} args {:?} size {}\n",
                    s.kind, s.args, s.size
                ));
            }
            out
        }
        Err(diags) => render_all(&sm, &diags, RenderOptions::default()),
    }
}

#[test]
fn asm_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/asm");
    let bless = std::env::var_os("RSTAP_BLESS").is_some();
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "stp"))
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    for path in entries {
        let script = std::fs::read_to_string(&path).unwrap();
        let got = listing(&script);
        let want_path = path.with_extension("asm");
        if bless {
            std::fs::write(&want_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&want_path).unwrap_or_default();
        if got != want {
            failures.push(format!("{}:\n{got}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Context reads of every program type, including the kprobe and fentry/fexit programs
/// that only users' kernels can load: `tests/asm/contexts.txt`.
#[test]
fn context_accessors() {
    use rstap_bpf::ProgKind::*;
    use rstap_bpf::ctx;
    use rstap_bpf::insn::Asm;
    let mut out = String::new();
    for kind in [
        Kprobe,
        Kretprobe,
        Fentry,
        Fexit,
        RawTracepoint,
        TpBtf,
        PerfEvent,
        Tracepoint,
    ] {
        out.push_str(&format!(
            "## {kind:?} (prog type {}, attach type {})\n",
            kind.prog_type(),
            kind.expected_attach_type()
        ));
        for (what, i) in [("arg1", 0), ("arg6", 5), ("arg7", 6)] {
            let mut a = Asm::new();
            match ctx::arg(&mut a, kind, i) {
                Ok(()) => {
                    let code = a.finish().unwrap();
                    let text = rstap_bpf::disasm::disassemble(&code, &[]).join("; ");
                    out.push_str(&format!("{what}: {text}\n"));
                }
                Err(e) => out.push_str(&format!("{what}: error: {e}\n")),
            }
        }
        let mut a = Asm::new();
        match ctx::return_value(&mut a, kind, 2) {
            Ok(()) => {
                let code = a.finish().unwrap();
                let text = rstap_bpf::disasm::disassemble(&code, &[]).join("; ");
                out.push_str(&format!("return (2 args): {text}\n"));
            }
            Err(e) => out.push_str(&format!("return: error: {e}\n")),
        }
        let mut a = Asm::new();
        match ctx::ip(&mut a, kind) {
            Ok(()) => {
                let code = a.finish().unwrap();
                let text = rstap_bpf::disasm::disassemble(&code, &[]).join("; ");
                out.push_str(&format!("ip: {text}\n"));
            }
            Err(e) => out.push_str(&format!("ip: error: {e}\n")),
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/asm/contexts.txt");
    if std::env::var_os("RSTAP_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    assert_eq!(out, std::fs::read_to_string(&path).unwrap_or_default());
}

/// A statement's variable that DWARF does not locate there (`tmp`, optimized out at
/// 0x11d0) is a semantic error naming it and why; `@defined` is false for it, and
/// `$$locals` shows it as `?` without error.
#[test]
fn statement_variables_dwarf_does_not_locate() {
    let errors =
        common::errors(r#"probe process("/opt/app").statement(0x11d0) { printf("%d\n", $tmp) }"#);
    assert!(
        errors.contains(
            "semantic error[S0307]: `$tmp` is not accessible at this address: optimized out"
        ),
        "{errors}"
    );
    let (program, _) = common::program(
        r#"probe process("/opt/app").statement(0x11d0) { printf("%d %s\n", @defined($tmp) ? 1 : @defined($sum) ? 2 : 3, $$locals) }"#,
    );
    let text = rstap_ir::print::program(&program);
    // @defined($tmp) is false and @defined($sum) true: the condition folds to 2.
    assert!(text.contains("tmp=?"), "{text}");
    assert!(!text.contains("$tmp"), "{text}");
}
