//! Every tapset probe over tracepoints elaborates with its documented variables and
//! their types, and compiles to BPF: against the tracepoint formats in `tests/tracepoints/`
//! (copied from a 6.18 kernel's tracefs) and this machine's kernel types (BTF, which any
//! user may read). No root needed; skipped without kernel BTF. As root, every program
//! must also pass this kernel's verifier.

use std::path::PathBuf;

use rstap_diag::{RenderOptions, SourceMap, render_all};
use rstap_sema::{
    Catalogs, ElaborateOptions, StaticCatalog, TracepointArg, TracepointCatalog, TracepointSource,
    TypeSource, dump, elaborate_parsed,
};
use rstap_syntax::{MacroLibrary, ParseOptions};

mod support;

#[path = "../src/kernel_btf.rs"]
#[allow(dead_code)]
mod kernel_btf;

/// Tracepoints from `tests/tracepoints/SYSTEM/NAME.format`, argument types from BTF.
struct Canned {
    dir: PathBuf,
    btf: kernel_btf::KernelBtf,
}

impl TracepointSource for Canned {
    fn events(&self) -> Vec<String> {
        let mut events = Vec::new();
        for sys in std::fs::read_dir(&self.dir).unwrap().flatten() {
            for f in std::fs::read_dir(sys.path()).unwrap().flatten() {
                let name = f.file_name().to_string_lossy().into_owned();
                if let Some(tp) = name.strip_suffix(".format") {
                    events.push(format!("{}:{tp}", sys.file_name().to_string_lossy()));
                }
            }
        }
        events
    }
    fn format(&self, system: &str, name: &str) -> Option<String> {
        std::fs::read_to_string(self.dir.join(system).join(format!("{name}.format"))).ok()
    }
    fn args(&self, _system: &str, name: &str) -> Option<Vec<TracepointArg>> {
        self.btf.tracepoint_args(name)
    }
    fn types(&self) -> Option<&dyn TypeSource> {
        Some(&self.btf)
    }
}

const L: &str = "long";
const S: &str = "string";

/// Each probe and its variables with their types.
fn probes() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    let task_vars = vec![
        ("name", S),
        ("task", L),
        ("task_pid", L),
        ("task_tid", L),
        ("task_priority", L),
        ("task_cpu", L),
        ("task_state", L),
    ];
    let bio_vars = vec![
        ("name", S),
        ("devname", S),
        ("sector", L),
        ("size", L),
        ("bytes_done", L),
        ("rw", L),
        ("opf", L),
        ("flags", L),
        ("vcnt", L),
        ("idx", L),
        ("bdev", L),
        ("p_start_sect", L),
    ];
    let irq_vars = vec![
        ("irq", L),
        ("action", L),
        ("handler", L),
        ("flags", L),
        ("dev_name", S),
        ("dev_id", L),
        ("next_irqaction", L),
        ("dir", L),
        ("thread_fn", L),
        ("thread", L),
        ("thread_flags", L),
    ];
    let netdev_vars = vec![
        ("dev_name", S),
        ("length", L),
        ("protocol", L),
        ("truesize", L),
    ];
    let sock_vars = vec![
        ("name", S),
        ("sk", L),
        ("family", L),
        ("saddr", S),
        ("daddr", S),
        ("sport", L),
        ("dport", L),
    ];
    let alloc_vars = vec![
        ("name", S),
        ("call_site", L),
        ("ptr", L),
        ("bytes_req", L),
        ("bytes_alloc", L),
        ("gfp_flags", L),
    ];
    let free_vars = vec![("name", S), ("call_site", L), ("ptr", L)];
    let with = |mut v: Vec<(&'static str, &'static str)>, more: &[(&'static str, &'static str)]| {
        v.extend_from_slice(more);
        v
    };
    vec![
        (
            "scheduler.cpu_off",
            vec![("name", S), ("task_prev", L), ("task_next", L), ("idle", L)],
        ),
        (
            "scheduler.ctxswitch",
            vec![
                ("name", S),
                ("prev_pid", L),
                ("prev_tid", L),
                ("next_pid", L),
                ("next_tid", L),
                ("prev_task_name", S),
                ("next_task_name", S),
                ("prev_priority", L),
                ("next_priority", L),
                ("prevtsk_state", L),
                ("nexttsk_state", L),
            ],
        ),
        ("scheduler.wakeup", task_vars.clone()),
        ("scheduler.wakeup_new", task_vars),
        (
            "scheduler.migrate",
            vec![
                ("name", S),
                ("task", L),
                ("pid", L),
                ("priority", L),
                ("cpu_from", L),
                ("cpu_to", L),
            ],
        ),
        (
            "scheduler.process_fork",
            vec![("name", S), ("parent_pid", L), ("child_pid", L)],
        ),
        (
            "scheduler.process_exit",
            vec![("name", S), ("pid", L), ("priority", L)],
        ),
        (
            "scheduler.process_free",
            vec![("name", S), ("pid", L), ("priority", L)],
        ),
        ("scheduler.process_wait", vec![("name", S), ("pid", L)]),
        (
            "scheduler.wait_task",
            vec![("name", S), ("task_pid", L), ("task_priority", L)],
        ),
        (
            "scheduler.kthread_stop",
            vec![("name", S), ("thread_pid", L), ("thread_priority", L)],
        ),
        (
            "scheduler.kthread_stop.return",
            vec![("name", S), ("return_value", L)],
        ),
        (
            "signal.send",
            vec![
                ("name", S),
                ("sig", L),
                ("sig_name", S),
                ("task", L),
                ("sig_pid", L),
                ("pid_name", S),
                ("sinfo", L),
                ("shared", L),
                ("si_code", S),
            ],
        ),
        (
            "signal.handle",
            vec![
                ("name", S),
                ("sig", L),
                ("sig_name", S),
                ("sinfo", L),
                ("sig_code", L),
                ("ka_addr", L),
                ("sig_mode", S),
            ],
        ),
        ("kprocess.create", vec![("new_pid", L), ("new_tid", L)]),
        ("kprocess.start", vec![]),
        ("kprocess.exec", vec![("name", S), ("filename", S)]),
        (
            "kprocess.exec_complete",
            vec![("name", S), ("errno", L), ("success", L)],
        ),
        ("kprocess.exit", vec![("code", L)]),
        (
            "kprocess.release",
            vec![
                ("task", L),
                ("released_pid", L),
                ("released_tid", L),
                ("pid", L),
            ],
        ),
        ("process.begin", vec![]),
        ("process.thread.begin", vec![]),
        ("process.end", vec![("code", L)]),
        ("process.thread.end", vec![]),
        ("irq_handler.entry", irq_vars.clone()),
        ("irq_handler.exit", with(irq_vars, &[("ret", L)])),
        ("softirq.entry", vec![("vec_nr", L)]),
        ("softirq.exit", vec![("vec_nr", L)]),
        ("ioblock.request", bio_vars.clone()),
        ("ioblock_trace.request", bio_vars.clone()),
        ("ioblock_trace.end", with(bio_vars, &[("error", L)])),
        (
            "ioblock.end",
            vec![
                ("name", S),
                ("devname", S),
                ("sector", L),
                ("size", L),
                ("bytes_done", L),
                ("error", L),
                ("rw", L),
                ("opf", L),
            ],
        ),
        ("netdev.transmit", netdev_vars.clone()),
        ("netdev.hard_transmit", netdev_vars.clone()),
        ("netdev.receive", netdev_vars),
        ("netdev.rx", vec![("dev_name", S), ("protocol", L)]),
        (
            "tcp.state_change",
            with(
                sock_vars.clone(),
                &[
                    ("oldstate", L),
                    ("newstate", L),
                    ("oldstate_str", S),
                    ("newstate_str", S),
                ],
            ),
        ),
        ("tcp.retransmit", with(sock_vars, &[("state", L)])),
        (
            "vm.pagefault",
            vec![("name", S), ("address", L), ("write_access", L)],
        ),
        ("vm.kmalloc", alloc_vars.clone()),
        ("vm.kmem_cache_alloc", alloc_vars),
        ("vm.kfree", free_vars.clone()),
        ("vm.kmem_cache_free", free_vars),
        (
            "vfs.add_to_page_cache",
            vec![
                ("name", S),
                ("dev", L),
                ("devname", S),
                ("ino", L),
                ("index", L),
                ("size", L),
                ("units", S),
                ("argstr", S),
            ],
        ),
        (
            "vfs.remove_from_page_cache",
            vec![
                ("name", S),
                ("dev", L),
                ("devname", S),
                ("ino", L),
                ("index", L),
                ("argstr", S),
            ],
        ),
    ]
}

/// Elaborates `script`: the program, or the rendered errors.
fn elaborate(source: &Canned, script: &str) -> Result<rstap_ir::Program, String> {
    let mut sm = SourceMap::new();
    let file = sm.add("<input>", script);
    let macros = MacroLibrary::default();
    let (user, diags) = rstap_syntax::parse_script(&sm, file, &ParseOptions::default(), &macros);
    assert!(diags.is_empty(), "{script}");
    let lib_opts = ParseOptions {
        is_tapset: true,
        ..ParseOptions::default()
    };
    let ids: Vec<_> = rstap_tapsets::embedded()
        .into_iter()
        .filter(|t| !t.is_macro_file())
        .map(|t| sm.add(t.name, t.text))
        .collect();
    let library = ids
        .into_iter()
        .map(|id| rstap_syntax::parse_script(&sm, id, &lib_opts, &macros).0)
        .collect();
    let statics = StaticCatalog::default();
    let tracepoints = TracepointCatalog::new(source);
    let catalog = Catalogs(vec![&statics, &tracepoints]);
    let e = elaborate_parsed(
        &sm,
        vec![user],
        library,
        &catalog,
        &ElaborateOptions::default(),
    );
    e.program.ok_or_else(|| {
        let errors: Vec<_> = e.diagnostics.into_iter().filter(|d| d.is_error()).collect();
        render_all(&sm, &errors, RenderOptions::default())
    })
}

/// The `name:type` locals of every probe in a `-p2` listing.
fn locals(listing: &str) -> Vec<Vec<(String, String)>> {
    let mut probes = Vec::new();
    let mut in_probes = false;
    for line in listing.lines() {
        if line == "# probes" {
            in_probes = true;
        } else if in_probes && !line.starts_with(' ') {
            probes.push(Vec::new());
        } else if let (true, Some((n, t))) = (in_probes, line.trim().split_once(':'))
            && line.starts_with("  ")
            && !line.trim().starts_with('#')
            && let Some(p) = probes.last_mut()
        {
            p.push((n.to_string(), t.to_string()));
        }
    }
    probes
}

#[test]
fn tapset_probes_have_their_documented_variables_and_compile() {
    let source = Canned {
        dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/tracepoints"),
        btf: kernel_btf::KernelBtf::default(),
    };
    if let Some(why) = source.btf.unavailable() {
        eprintln!("skipped: {why}");
        return;
    }
    let mut failures = Vec::new();
    for (probe, vars) in probes() {
        // Every variable is used, so none is elided.
        let uses: Vec<&str> = vars.iter().map(|(n, _)| *n).collect();
        let body = if uses.is_empty() {
            "println(pid())".to_string()
        } else {
            format!("println({})", uses.join(", "))
        };
        let script = format!("probe {probe} {{ {body} }}");
        let program = match elaborate(&source, &script) {
            Ok(p) => p,
            Err(e) => {
                failures.push(format!("{probe}: does not elaborate:\n{e}"));
                continue;
            }
        };
        let listing = dump(&program, false);
        for found in locals(&listing) {
            for (name, ty) in &vars {
                let got = found
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, t)| t.as_str());
                if got != Some(*ty) {
                    failures.push(format!("{probe}: {name} is {got:?}, not {ty}:\n{listing}"));
                }
            }
        }
        let kernel: Vec<_> = (0..program.probes.len() as u32)
            .map(rstap_ir::ProbeId)
            .collect();
        let opts = rstap_bpf::CompileOptions {
            syscall_nr: Some(rstap_interp::syscall_number),
            ..rstap_bpf::CompileOptions::default()
        };
        let compiled = match rstap_bpf::compile(&program, &kernel, &opts) {
            Ok(c) => c,
            Err(d) => {
                let msgs: Vec<String> = d.iter().map(|d| d.message.clone()).collect();
                failures.push(format!("{probe}: does not compile: {msgs:?}"));
                continue;
            }
        };
        if support::is_root() {
            let maps = rstap_runtime::create_maps(&compiled).expect("maps");
            for p in &compiled.probes {
                if let Err(e) = rstap_runtime::load_program(p, &maps) {
                    let tail: Vec<&str> = e.log.lines().rev().take(8).collect();
                    failures.push(format!("{probe}: the verifier refuses it: {tail:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The probes whose only tracepoint this kernel lacks say so instead of compiling.
#[test]
fn a_missing_tracepoint_is_an_error() {
    let source = Canned {
        dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/tracepoints"),
        btf: kernel_btf::KernelBtf::default(),
    };
    let e = elaborate(&source, "probe ioblock_trace.bounce { println(devname) }").unwrap_err();
    assert!(e.contains("while resolving probe point"), "{e}");
}
