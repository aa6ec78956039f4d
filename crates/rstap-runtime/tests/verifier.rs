//! Every program of rstap-bpf's instruction-level file tests
//! (`crates/rstap-bpf/tests/asm/*.stp`) must be accepted by this machine's BPF verifier,
//! loaded exactly as a live session loads it. Needs root; skipped otherwise.

#[path = "../../rstap-bpf/tests/common/mod.rs"]
mod common;

use std::path::Path;

use rstap_bpf::{CompileOptions, compile};
use rstap_runtime::{
    create_maps, exe_offsets, kernel_probes, load_dispatchers, load_program, task_offsets,
};

#[test]
fn file_test_programs_pass_the_verifier() {
    if !common::is_root() {
        eprintln!("skipped: loading programs needs root");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rstap-bpf/tests/asm");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "stp"))
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    let mut loaded = 0;
    for path in paths {
        let script = std::fs::read_to_string(&path).unwrap();
        let (program, _) = common::program(&script);
        let opts = CompileOptions {
            ringbuf_bytes: 1 << 16,
            task: task_offsets(),
            exe: exe_offsets(),
            syscall_nr: Some(common::syscall_nr),
            // This kernel refuses fentry: kernel.function bodies are verified as kprobe
            // programs (the two differ only in where arguments are read, which the
            // instruction-level tests pin down).
            kernel_functions: rstap_bpf::KernelFunctions::Kprobe,
            possible_cpus: 2,
            ..CompileOptions::default()
        };
        let refused = path
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("unsupported");
        let c = match compile(&program, &kernel_probes(&program), &opts) {
            Ok(c) => c,
            Err(_) if refused => continue,
            Err(d) => panic!("{}: {d:?}", path.display()),
        };
        let mut maps = create_maps(&c).unwrap();
        let mut programs = Vec::new();
        for p in &c.probes {
            match load_program(p, &maps) {
                Ok(prog) => {
                    loaded += 1;
                    programs.push(prog);
                }
                Err(e) => {
                    let tail: Vec<&str> = e.log.lines().rev().take(12).collect();
                    failures.push(format!(
                        "{} {}: errno {}\n{}",
                        path.display(),
                        program.probe(p.probe).pp,
                        e.errno,
                        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
                    ));
                }
            }
        }
        // The system call dispatchers, with the probes in their program arrays.
        if programs.len() == c.probes.len() {
            match load_dispatchers(&c, &programs, &mut maps) {
                Ok(d) => loaded += d.len(),
                Err(e) => failures.push(format!("{} dispatchers: {e:?}", path.display())),
            }
        }
    }
    assert!(loaded >= 6, "only {loaded} programs");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
