//! rstap's live runtime: creates the BPF maps of a compiled program, loads and attaches
//! its programs, runs the session (begin probes, userspace timers, the ring buffer of
//! kernel output, end probes over the kernel maps) and detaches everything.
//!
//! Invariant: every kernel object is an RAII owner from `rstap-sys`; leaving [`run`] by
//! any path (including a panic) closes them, and a killed process leaves nothing behind
//! because the kernel releases descriptors.

mod events;
pub mod session_file;
pub mod stacks;
mod store;

use std::rc::Rc;
use std::time::{SystemTime, UNIX_EPOCH};

use rstap_bpf::layout::{
    CONF_MAP, CONF_REALTIME_OFFSET, CONF_STP_PID, FIRST_GLOBAL_MAP, MapKind, STATS_MAP,
};
use rstap_bpf::{
    Attach, CompileOptions, Compiled, CompiledProbe, ExeOffsets, ProgKind, TaskOffsets,
};
use rstap_diag::{Code, Diagnostic, SourceMap, Stage};
use rstap_interp::session::{SessionOptions, run_with_events};
use rstap_interp::{Output, Value};
use rstap_ir::placement::{Placement, placement};
use rstap_ir::stacks::StackKeyed;
use rstap_ir::{PerfSample, ProbeId, Program};
use rstap_sys::bpf::{Map, MapType};
use rstap_sys::maps::{MapOps, UpdateFlag};
use rstap_sys::perf::{PerfEvent, Sample};
use rstap_sys::prog::{LoadOptions, Program as BpfProgram};

pub use events::{Decoded, Event, Events, FormatCache, decode, decode_into};
pub use store::{BpfStore, decode_stat};

pub const MAP_CREATE_FAILED: Code = Code("L0001");
pub const VERIFIER_REJECTED: Code = Code("L0002");
pub const ATTACH_FAILED: Code = Code("L0003");
pub const SESSION_FAILED: Code = Code("L0004");
pub const NO_KERNEL_FUNCTIONS: Code = Code("L0005");

/// Long explanations of the live runtime's codes (`rstap explain L0002`).
pub static EXPLANATIONS: &[rstap_diag::Explanation] = &[
    rstap_diag::Explanation {
        code: MAP_CREATE_FAILED,
        title: "cannot create a BPF map",
        text: "Every global lives in a BPF map created when the session starts. Creation \
fails without the CAP_BPF capability (run as root), or when the kernel cannot find the \
memory: lower MAXMAPENTRIES, the declared array sizes, or the output buffer given with -s.",
    },
    rstap_diag::Explanation {
        code: VERIFIER_REJECTED,
        title: "the kernel's verifier rejected a program",
        text: "rstap only generates programs it expects the BPF verifier to accept, so this \
is a bug in rstap. The message points at the statement where the verifier stopped and \
quotes its reason. Please report it with the script; meanwhile, moving that computation \
into an end or timer probe avoids it.",
    },
    rstap_diag::Explanation {
        code: NO_KERNEL_FUNCTIONS,
        title: "this kernel cannot probe kernel functions",
        text: "kernel.function, module(...).function and kprobe.function probes need \
fentry/fexit (BPF trampolines, preferred: cheaper and typed) or kprobes. Some kernels \
have neither: built without CONFIG_KPROBES, with BPF trampolines refused (EPERM, for \
example under lockdown or a security module). The script's probes are still checked and \
compiled (-p3 shows their code); to run here, use the tracepoints the message lists \
(kernel.trace(\"...\"), and the syscall.* and other tapset aliases built on them), \
which observe the same activity at a stable, documented place.",
    },
    rstap_diag::Explanation {
        code: ATTACH_FAILED,
        title: "cannot attach a probe",
        text: "The program was loaded but the kernel refused to connect it to its event: \
the tracepoint is gone (check /sys/kernel/tracing/events), the perf event is not \
supported on this machine (hardware counters in a VM), or privileges are missing (run \
as root). Nothing stays attached after this error.",
    },
    rstap_diag::Explanation {
        code: SESSION_FAILED,
        title: "the live session could not start",
        text: "Setting up the session around the probes failed: mapping the output buffer, \
or starting the -c command. The message says which.",
    },
];

/// The probes of `program` that must run in the kernel.
pub fn kernel_probes(program: &Program) -> Vec<ProbeId> {
    program
        .probes
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(placement(program, p), Placement::Kernel(_)))
        .map(|(i, _)| ProbeId(i as u32))
        .collect()
}

/// `task_struct`/`cred` member offsets from the running kernel's BTF.
pub fn task_offsets() -> Option<TaskOffsets> {
    let btf = rstap_btf::Btf::load_vmlinux().ok()?;
    let task = btf
        .find_by_name_kind("task_struct", rstap_btf::Kind::Struct)
        .ok()??;
    let cred = btf
        .find_by_name_kind("cred", rstap_btf::Kind::Struct)
        .ok()??;
    let off = |id, name: &str| -> Option<u32> {
        Some((btf.find_member(id, name).ok()??.bit_offset / 8) as u32)
    };
    Some(TaskOffsets {
        real_parent: off(task, "real_parent")?,
        tgid: off(task, "tgid")?,
        comm: off(task, "comm")?,
        cred: off(task, "cred")?,
        cred_euid: off(cred, "euid")?,
        cred_egid: off(cred, "egid")?,
    })
}

/// The offsets leading from a task to its executable's inode number, from the running
/// kernel's BTF.
pub fn exe_offsets() -> Option<ExeOffsets> {
    let btf = rstap_btf::Btf::load_vmlinux().ok()?;
    let find = |name: &str| btf.find_by_name_kind(name, rstap_btf::Kind::Struct).ok()?;
    let off = |id, name: &str| -> Option<u32> {
        Some((btf.find_member(id, name).ok()??.bit_offset / 8) as u32)
    };
    Some(ExeOffsets {
        task_mm: off(find("task_struct")?, "mm")?,
        mm_exe_file: off(find("mm_struct")?, "exe_file")?,
        file_inode: off(find("file")?, "f_inode")?,
        inode_ino: off(find("inode")?, "i_ino")?,
    })
}

/// Compile options for this machine: online CPUs, HZ and `task_struct` offsets.
/// Reading the kernel's BTF costs tens of milliseconds, so it is only done for programs
/// that read `task_struct` members (`ppid()`, `pexecname()`, `euid()`, `egid()`).
pub fn machine_compile_options(program: &Program, base: CompileOptions, hz: u32) -> CompileOptions {
    let needs_task = program.functions.iter().any(|f| {
        matches!(&f.body, rstap_ir::FunctionBody::Intrinsic(n)
            if matches!(n.as_str(), "ppid" | "pexecname" | "euid" | "egid"))
    });
    let needs_exe = program.probes.iter().any(|p| {
        matches!(
            p.kind,
            rstap_ir::ProbeKind::Uprobe {
                only: Some(rstap_ir::ProcessFilter::Executable { .. }),
                ..
            }
        )
    });
    CompileOptions {
        online_cpus: rstap_sys::discovery::online_cpus()
            .map(|v| v.len() as u32)
            .unwrap_or(1),
        possible_cpus: rstap_sys::discovery::possible_cpus()
            .map(|v| v.len() as u32)
            .unwrap_or(1),
        hz,
        task: if needs_task { task_offsets() } else { None },
        exe: if needs_exe { exe_offsets() } else { None },
        syscall_nr: if cfg!(target_arch = "x86_64") {
            Some(rstap_interp::syscall_number_of_tracepoint)
        } else {
            None
        },
        ..base
    }
}

/// Bytes the session's maps take in the kernel: every entry's key and value (once per
/// CPU for per-CPU maps; hash maps preallocate their entries) and the ring buffer.
pub fn map_memory(compiled: &Compiled, possible_cpus: u64) -> u64 {
    compiled
        .layout
        .maps
        .iter()
        .map(|m| {
            let entry =
                u64::from(m.key_size.next_multiple_of(8) + m.value_size.next_multiple_of(8));
            match m.kind {
                MapKind::Ringbuf => u64::from(m.max_entries),
                k if k.is_percpu() => {
                    u64::from(m.max_entries)
                        * (u64::from(m.key_size.next_multiple_of(8))
                            + u64::from(m.value_size.next_multiple_of(8)) * possible_cpus)
                }
                _ => u64::from(m.max_entries) * entry,
            }
        })
        .sum()
}

/// How this kernel lets `kernel.function` probes in: fentry/fexit when a tracing
/// program loads against `btf_id` (a function with BTF), else kprobes when the kprobe
/// PMU exists. `Err` says why neither works, in words for the user.
pub fn kernel_function_mechanism(
    btf_id: Option<u32>,
) -> Result<rstap_bpf::KernelFunctions, String> {
    let kprobes = rstap_sys::discovery::pmu_type("kprobe").is_some();
    let Some(btf_id) = btf_id.filter(|&id| id != 0) else {
        // kprobe.function, module functions and functions without BTF.
        return if kprobes {
            Ok(rstap_bpf::KernelFunctions::Kprobe)
        } else {
            Err("this kernel has no kprobes (no kprobe PMU under /sys/bus/event_source/devices), which this probe needs".into())
        };
    };
    let fentry = {
        // r0 = 0; exit
        let mut asm = rstap_bpf::insn::Asm::new();
        asm.mov_imm(rstap_bpf::insn::R0, 0);
        asm.exit();
        let insns = asm.finish().map(|a| a.encode()).unwrap_or_default();
        BpfProgram::load_with(&LoadOptions {
            prog_type: ProgKind::Fentry.prog_type(),
            expected_attach_type: ProgKind::Fentry.expected_attach_type(),
            attach_btf_id: btf_id,
            insns: &insns,
            name: "rstap_check",
            ..LoadOptions::default()
        })
        .map(drop)
        .map_err(|e| match e.errno {
            1 => "this kernel does not allow fentry (EPERM)".to_string(),
            13 => "fentry needs root (EACCES)".to_string(),
            n => format!("this kernel refuses fentry ({})", errno_text(n)),
        })
    };
    let why = match fentry {
        Ok(()) => return Ok(rstap_bpf::KernelFunctions::Fentry),
        Err(why) => why,
    };
    if kprobes {
        return Ok(rstap_bpf::KernelFunctions::Kprobe);
    }
    Err(format!("{why} and has no kprobes"))
}

/// How a live session runs.
#[derive(Clone, Debug)]
pub struct LiveOptions {
    pub session: SessionOptions,
    /// `-q`: no start notice.
    pub quiet: bool,
    /// Stack-keyed aggregations to read when the events stop (for `--folded` and
    /// `--flamegraph`): before end probes run, which often delete them.
    pub stack_profile: Vec<StackKeyed>,
    /// MAXSTRINGLEN of kernel strings once expanded (the userspace string limit).
    pub maxstringlen: usize,
    /// Overload protection, unless turned off (`-DSTP_NO_OVERLOAD`).
    pub overload: Option<Overload>,
}

/// SystemTap's overload protection measured in time: the session stops when its kernel
/// handlers together ran longer than `threshold_ns` within `interval_ns` of wall time
/// (defaults 500 ms per second: half of one CPU).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overload {
    pub threshold_ns: u64,
    pub interval_ns: u64,
}

impl Default for Overload {
    fn default() -> Self {
        Overload {
            threshold_ns: 500_000_000,
            interval_ns: 1_000_000_000,
        }
    }
}

/// The rows of one stack-keyed aggregation: keys and sample counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StackRows {
    pub keyed: StackKeyed,
    pub rows: Vec<(Vec<Value>, u64)>,
}

/// How a live session ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveOutcome {
    /// The exit status: 0, or 1 when an error was reported.
    pub status: i32,
    /// The aggregations asked for in [`LiveOptions::stack_profile`].
    pub stacks: Vec<StackRows>,
}

/// Reads the rows of stack-keyed aggregations through the session's store.
pub fn read_stack_rows(
    program: &Program,
    store: &mut dyn rstap_interp::GlobalStore,
    keyed: &[StackKeyed],
) -> Vec<StackRows> {
    keyed
        .iter()
        .map(|k| {
            let rows = match &program.global(k.global).kind {
                rstap_ir::GlobalKind::StatArray { .. } => store
                    .stat_entries(k.global)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(key, s)| (key, s.count().max(0) as u64))
                    .collect(),
                _ => store
                    .entries(k.global)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(key, v)| (key, v.as_long().max(0) as u64))
                    .collect(),
            };
            StackRows { keyed: *k, rows }
        })
        .collect()
}

fn map_type(k: MapKind) -> MapType {
    match k {
        MapKind::Hash => MapType::Hash,
        MapKind::LruHash => MapType::LruHash,
        MapKind::Array => MapType::Array,
        MapKind::PercpuArray => MapType::PercpuArray,
        MapKind::PercpuHash => MapType::PercpuHash,
        MapKind::LruPercpuHash => MapType::LruPercpuHash,
        MapKind::Ringbuf => MapType::Ringbuf,
        MapKind::ProgArray => MapType::ProgArray,
        MapKind::StackTrace => MapType::StackTrace,
    }
}

fn errno_text(errno: i32) -> String {
    std::io::Error::from_raw_os_error(errno).to_string()
}

/// A kernel object that keeps a probe attached while it lives.
pub(crate) enum Attached {
    Perf {
        _event: PerfEvent,
    },
    Raw {
        _link: rstap_sys::attach::Attachment,
    },
    Tracing {
        _link: rstap_sys::attach::Link,
    },
}

/// Runs a compiled program live. Returns how it ended, or the diagnostic that stopped
/// the session from starting.
pub fn run(
    program: &Program,
    sources: &SourceMap,
    compiled: &Compiled,
    opts: &LiveOptions,
    out: &mut dyn Output,
) -> Result<LiveOutcome, Box<Diagnostic>> {
    let mut maps = create_maps(compiled)?;
    if let Some(i) = compiled.layout.blockdev_map {
        fill_block_devices(&mut maps[i]);
    }
    // Configuration the programs read: the -x target, the wall-clock offset and
    // rstap's pid.
    let conf = &mut maps[CONF_MAP];
    let mut value = vec![0u8; conf.value_size()];
    if let Some(pid) = opts.session.target_pid {
        value[..8].copy_from_slice(&pid.to_le_bytes());
    }
    let off = CONF_REALTIME_OFFSET as usize;
    value[off..off + 8].copy_from_slice(&realtime_offset_ns().to_le_bytes());
    // (A session file written before the slot existed has a shorter value.)
    let off = CONF_STP_PID as usize;
    if let Some(slot) = value.get_mut(off..off + 8) {
        slot.copy_from_slice(&u64::from(std::process::id()).to_le_bytes());
    }
    // Handlers stay idle until the begin probes have run and a -c command's pid is
    // known; with neither to wait for they run as soon as they are attached, so the
    // start notice never precedes a moment they miss.
    let has_begin = program
        .probes
        .iter()
        .any(|p| matches!(p.kind, rstap_ir::ProbeKind::Begin(_)));
    if has_begin || opts.session.command.is_some() {
        let st = rstap_bpf::layout::CONF_STATE as usize;
        value[st..st + 8].copy_from_slice(&events::STATE_STARTING.to_le_bytes());
    }
    conf.update(&0u32.to_le_bytes(), &value, UpdateFlag::Any)
        .map_err(|e| map_error("rstap_conf", e.errno))?;

    let mut loaded = Vec::new();
    for p in &compiled.probes {
        loaded.push(load(program, p, &maps)?);
    }
    let dispatchers = load_dispatchers(compiled, &loaded, &mut maps)?;
    let mut attached = Vec::new();
    for (p, prog) in compiled.probes.iter().zip(&loaded) {
        attach(program, p, prog, &mut attached)?;
    }
    for (d, prog) in compiled.dispatchers.iter().zip(&dispatchers) {
        let a =
            rstap_sys::attach::Attachment::raw_tracepoint(prog, &d.tracepoint).map_err(|e| {
                Box::new(Diagnostic::error(
                    Stage::Run,
                    ATTACH_FAILED,
                    format!(
                        "cannot attach the system call dispatcher to raw tracepoint '{}': {}",
                        d.tracepoint,
                        errno_text(e)
                    ),
                ))
            })?;
        attached.push(Attached::Raw { _link: a });
    }
    // Control maps for the event reader, globals for the store, and the stack map
    // (after the read-only map) shared by both to expand kernel stacks.
    let layout = &compiled.layout;
    let (control, rest) = maps.split_at_mut(FIRST_GLOBAL_MAP);
    let (globals, tail) = rest.split_at_mut(layout.rodata_map - FIRST_GLOBAL_MAP);
    let tail: &[Map] = tail;
    let stack_map: Option<&dyn stacks::StackSource> = layout
        .stack_map
        .and_then(|i| tail.get(i - layout.rodata_map))
        .map(|m| m as &dyn stacks::StackSource);
    let symbols = opts.session.kernel_symbols.clone();
    // The probed programs' files are where their stacks' frames are found by build id.
    for p in &program.probes {
        if let rstap_ir::ProbeKind::Uprobe { path, .. } = &p.kind {
            let path = std::path::Path::new(path);
            opts.session.user_symbols.with(|c| c.add_known_file(path));
        }
    }
    let build_ids: Option<&dyn stacks::BuildIdSource> = layout
        .build_id_map
        .and_then(|i| tail.get(i - layout.rodata_map))
        .map(|m| m as &dyn stacks::BuildIdSource);
    let expander = Rc::new(
        stacks::Expander::new(stack_map, symbols.clone(), opts.maxstringlen)
            .with_processes(opts.session.user_symbols.clone())
            .with_build_ids(build_ids),
    );
    let mut events =
        Events::new(compiled, control, attached, Rc::clone(&expander)).map_err(|e| {
            Box::new(
                Diagnostic::error(
                    Stage::Run,
                    SESSION_FAILED,
                    "cannot map the output ring buffer",
                )
                .with_note(e.to_string()),
            )
        })?;
    events.read_at_stop(program, opts.stack_profile.clone());
    if let Some(limit) = opts.overload {
        // The kernel counts run time only while statistics are enabled; a kernel that
        // cannot leaves the session without overload protection, said once.
        match rstap_sys::prog::enable_stats() {
            Ok(fd) => {
                let mut watched: Vec<(&BpfProgram, String)> = compiled
                    .probes
                    .iter()
                    .zip(&loaded)
                    .map(|(p, prog)| (prog, program.probe(p.probe).pp.clone()))
                    .collect();
                // System call probes run inside their dispatcher, which the kernel
                // times for them.
                let dispatched: Vec<&str> = compiled
                    .probes
                    .iter()
                    .filter(|p| matches!(p.attach, Attach::TailCall { .. }))
                    .map(|p| program.probe(p.probe).pp.as_str())
                    .collect();
                let label = match dispatched.as_slice() {
                    [one] => one.to_string(),
                    many => format!("the {} system call probes", many.len()),
                };
                watched.extend(dispatchers.iter().map(|d| (d, label.clone())));
                events.watch_overload(limit, fd, watched);
            }
            Err(e) => out.err(
                format!(
                    "WARNING: overload protection is off: the kernel does not keep BPF run-time statistics ({})\n",
                    errno_text(e)
                )
                .as_bytes(),
            ),
        }
    }
    if let Some(m) = compiled
        .timing_map
        .and_then(|i| tail.get(i - layout.rodata_map))
    {
        events.time_probes(m);
    }
    if !opts.quiet {
        let n = program
            .probes
            .iter()
            .filter(|p| !matches!(p.kind, rstap_ir::ProbeKind::Never))
            .count();
        events.notice_when_running(format!(
            "Tracing {n} probe{}... Hit Ctrl-C to end.\n",
            if n == 1 { "" } else { "s" }
        ));
    }
    let mut store = BpfStore::new(program, layout, globals, FIRST_GLOBAL_MAP, expander);
    // Scalars start at their initialisers (`global n = 5`), before any handler runs.
    for (i, g) in program.globals.iter().enumerate() {
        let value = match &g.init {
            Some(rstap_ir::Literal::Long(v)) => rstap_interp::Value::Long(*v),
            Some(rstap_ir::Literal::String(s)) => rstap_interp::Value::Str(s.clone()),
            None => continue,
        };
        rstap_interp::GlobalStore::set_scalar(&mut store, rstap_ir::GlobalId(i as u32), value)
            .map_err(|e| {
                Box::new(Diagnostic::error(
                    Stage::Run,
                    SESSION_FAILED,
                    format!("cannot initialise global '{}': {e:?}", g.name),
                ))
            })?;
    }
    let status = run_with_events(
        program,
        sources,
        &opts.session,
        &mut store,
        out,
        Some(&mut events),
    )
    .map_err(|e| Box::new(Diagnostic::error(Stage::Run, SESSION_FAILED, e.to_string())))?;
    let lost = events.lost();
    if lost > 0 {
        out.flush();
        out.err(
            format!("WARNING: {lost} output records lost; increase the buffer with -s\n")
                .as_bytes(),
        );
        out.flush();
    }
    let stacks_lost = events.stacks_lost();
    if stacks_lost > 0 {
        out.flush();
        out.err(
            format!(
                "WARNING: {stacks_lost} kernel backtraces could not be recorded (the stack \
                 map was full, or two stacks hashed alike) and read as empty; raise \
                 -D MAXSTACKS (now {})\n",
                layout.stack_map.map_or(0, |i| layout.maps[i].max_entries)
            )
            .as_bytes(),
        );
        out.flush();
    }
    if let Some(w) = symbols.take_warning() {
        out.flush();
        out.err(format!("WARNING: {w}\n").as_bytes());
    }
    Ok(LiveOutcome {
        status,
        stacks: events.take_stack_rows(),
    })
}

fn map_error(name: &str, errno: i32) -> Box<Diagnostic> {
    let mut d = Diagnostic::error(
        Stage::Run,
        MAP_CREATE_FAILED,
        format!("cannot create BPF map '{name}': {}", errno_text(errno)),
    );
    if errno == libc_eperm() {
        d = d.with_help("run rstap as root (it needs CAP_BPF and CAP_PERFMON)");
    } else if errno == 12 {
        d = d.with_help("lower MAXMAPENTRIES or the array sizes, or the buffer size given with -s");
    }
    Box::new(d)
}

fn libc_eperm() -> i32 {
    1
}

/// Creates every map of the layout, in layout order.
pub fn create_maps(compiled: &Compiled) -> Result<Vec<Map>, Box<Diagnostic>> {
    let mut maps = Vec::new();
    for spec in &compiled.layout.maps {
        let m = Map::create(
            map_type(spec.kind),
            &spec.name,
            spec.key_size,
            spec.value_size,
            spec.max_entries,
            spec.flags,
        )
        .map_err(|e| map_error(&spec.name, e.errno))?;
        maps.push(m);
    }
    // The constant strings, frozen before any program is verified against them.
    let rodata = &mut maps[compiled.layout.rodata_map];
    let mut value = compiled.layout.rodata.clone();
    value.resize(rodata.value_size(), 0);
    rodata
        .update(&0u32.to_le_bytes(), &value, UpdateFlag::Any)
        .and_then(|()| rodata.freeze())
        .map_err(|e| map_error("rstap_rodata", e.errno))?;
    Ok(maps)
}

/// The names of the system's block devices by kernel device number, for
/// `__blockdev_name`. Devices that appear later in the session are not listed.
pub fn fill_block_devices(map: &mut Map) {
    let width = map.value_size();
    for (dev, name) in rstap_interp::block_devices::block_devices() {
        let mut value = name.into_bytes();
        value.truncate(width.saturating_sub(1));
        value.resize(width, 0);
        // A full table just leaves the remaining devices unnamed.
        let _ = map.update(&dev.to_ne_bytes(), &value, UpdateFlag::Any);
    }
}

/// Instructions with every map reference resolved to this session's descriptors.
pub fn relocated(p: &CompiledProbe, maps: &[Map]) -> Vec<u64> {
    relocate(&p.code, maps)
}

fn relocate(code: &rstap_bpf::insn::Assembled, maps: &[Map]) -> Vec<u64> {
    let mut insns = code.insns.clone();
    for r in &code.map_relocs {
        insns[r.insn].imm = maps[r.map].fd();
    }
    insns.iter().map(|i| i.encode()).collect()
}

/// Puts each system call probe into its program array, then loads the dispatchers
/// that tail-call into them. The arrays keep their programs only while this session
/// holds the maps open.
pub fn load_dispatchers(
    compiled: &Compiled,
    loaded: &[BpfProgram],
    maps: &mut [Map],
) -> Result<Vec<BpfProgram>, Box<Diagnostic>> {
    for (p, prog) in compiled.probes.iter().zip(loaded) {
        if let Attach::TailCall { map, key } = p.attach {
            maps[map]
                .update(
                    &key.to_le_bytes(),
                    &prog.raw_fd().to_le_bytes(),
                    UpdateFlag::Any,
                )
                .map_err(|e| map_error(&compiled.layout.maps[map].name, e.errno))?;
        }
    }
    compiled
        .dispatchers
        .iter()
        .map(|d| {
            let insns = relocate(&d.code, maps);
            BpfProgram::load_with(&LoadOptions {
                prog_type: ProgKind::RawTracepoint.prog_type(),
                insns: &insns,
                name: &d.name,
                log_level: 1,
                ..LoadOptions::default()
            })
            .map_err(|e| {
                Box::new(
                    Diagnostic::error(
                        Stage::Run,
                        VERIFIER_REJECTED,
                        format!(
                            "the kernel's BPF verifier rejected the system call dispatcher: {}",
                            errno_text(e.errno)
                        ),
                    )
                    .with_note(format!("verifier: {}", verifier_reason(&e.log)))
                    .with_note("this is a bug in rstap; please report it with the script"),
                )
            })
        })
        .collect()
}

/// Loads one compiled probe's program (with its BTF when it has callbacks).
pub fn load_program(
    p: &CompiledProbe,
    maps: &[Map],
) -> Result<BpfProgram, rstap_sys::prog::LoadError> {
    let insns = relocated(p, maps);
    let btf = if p.btf.is_empty() {
        None
    } else {
        Some(rstap_sys::prog::BtfObject::load(&p.btf)?)
    };
    let attach_btf_id = match &p.attach {
        Attach::Fentry { btf_id, .. } => *btf_id,
        _ => 0,
    };
    BpfProgram::load_with(&LoadOptions {
        prog_type: p.kind.prog_type(),
        expected_attach_type: p.kind.expected_attach_type(),
        attach_btf_id,
        insns: &insns,
        name: &p.name,
        prog_btf_fd: btf.as_ref().map(|b| b.fd()),
        func_info: &p.func_info,
        func_info_rec_size: if btf.is_some() { 8 } else { 0 },
        log_level: 1,
        ..LoadOptions::default()
    })
}

/// Whether the verifier stopped for lack of budget (instructions followed, or the
/// length of one path's jump history) rather than for a program it found wrong.
fn verifier_gave_up(log: &str) -> bool {
    log.contains("BPF program is too large") || log.contains("is too complex")
}

fn load(program: &Program, p: &CompiledProbe, maps: &[Map]) -> Result<BpfProgram, Box<Diagnostic>> {
    let probe = program.probe(p.probe);
    load_program(p, maps).map_err(|e| {
        let at = failing_insn(&e.log).and_then(|i| p.span_of(i));
        let reason = verifier_reason(&e.log);
        let mut d = Diagnostic::error(
            Stage::Run,
            VERIFIER_REJECTED,
            format!(
                "the kernel's BPF verifier rejected probe '{}': {}",
                probe.pp,
                errno_text(e.errno)
            ),
        )
        .with_primary(at.unwrap_or(probe.span), "the verifier stopped here")
        .with_note(format!("verifier: {reason}"));
        // The verifier gives up on a program whose paths it cannot all follow within
        // its budget: loops whose rounds depend on data, one after another, multiply
        // them. That is a limit of the script's size in a probe, not a wrong program.
        d = if verifier_gave_up(&e.log) {
            d.with_help("the verifier follows every path through a probe, and each loop whose number of rounds depends on data multiplies them: use fewer such loops (or calls of functions that loop) in this probe, or split its work across probes")
        } else {
            d.with_note("this is a bug in rstap: it must only generate programs the verifier accepts; please report it with the script")
        };
        if e.errno == libc_eperm() {
            d = d.with_help("run rstap as root (it needs CAP_BPF and CAP_PERFMON)");
        }
        Box::new(d)
    })
}

/// The index of the last instruction the verifier printed.
fn failing_insn(log: &str) -> Option<usize> {
    log.lines().rev().find_map(|l| {
        let (n, rest) = l.split_once(": ")?;
        if rest.starts_with('(') {
            n.trim().parse().ok()
        } else {
            None
        }
    })
}

/// The verifier's final complaint (its last lines without the statistics).
fn verifier_reason(log: &str) -> String {
    let lines: Vec<&str> = log
        .lines()
        .filter(|l| {
            !l.starts_with("processed ")
                && !l.is_empty()
                && !l.starts_with("verification time")
                && !l.starts_with("stack depth")
        })
        .collect();
    lines
        .last()
        .map(|s| s.to_string())
        .unwrap_or_else(|| "no log".into())
}

fn attach(
    program: &Program,
    p: &CompiledProbe,
    prog: &BpfProgram,
    out: &mut Vec<Attached>,
) -> Result<(), Box<Diagnostic>> {
    let probe = program.probe(p.probe);
    let fail = |what: String, errno: i32| {
        let mut d = Diagnostic::error(
            Stage::Run,
            ATTACH_FAILED,
            format!(
                "cannot attach probe '{}': {what}: {}",
                probe.pp,
                errno_text(errno)
            ),
        )
        .with_primary(probe.span, "this probe");
        if errno == libc_eperm() || errno == 13 {
            d = d.with_help("run rstap as root (it needs CAP_BPF and CAP_PERFMON)");
        }
        Box::new(d)
    };
    match &p.attach {
        // Reached through its dispatcher.
        Attach::TailCall { .. } => {}
        Attach::Fentry { function, .. } => {
            let link = rstap_sys::attach::Link::tracing(prog)
                .map_err(|e| fail(format!("attaching to kernel function '{function}'"), e))?;
            out.push(Attached::Tracing { _link: link });
        }
        Attach::Kprobe { function, ret } => {
            let what = if *ret { "kretprobe" } else { "kprobe" };
            let ev = PerfEvent::kprobe(function, 0, *ret)
                .map_err(|e| fail(format!("{what} on '{function}'"), e))?;
            ev.attach_bpf(prog)
                .map_err(|e| fail("binding the BPF program".into(), e))?;
            ev.enable().map_err(|e| fail("enabling".into(), e))?;
            out.push(Attached::Perf { _event: ev });
        }
        Attach::Uprobe {
            path,
            offset,
            ret,
            semaphore,
        } => {
            let what = if *ret { "uretprobe" } else { "uprobe" };
            let ev = match semaphore {
                Some(sem) => PerfEvent::uprobe_with_semaphore(path, *offset, -1, *ret, *sem),
                None => PerfEvent::uprobe(path, *offset, -1, *ret),
            }
            .map_err(|e| fail(format!("{what} on '{path}' at offset {offset:#x}"), e))?;
            ev.attach_bpf(prog)
                .map_err(|e| fail("binding the BPF program".into(), e))?;
            ev.enable().map_err(|e| fail("enabling".into(), e))?;
            out.push(Attached::Perf { _event: ev });
        }
        Attach::Tracepoint { system, name } => {
            let id = rstap_sys::tracefs::tracepoint_id(system, name).map_err(|e| {
                Box::new(
                    Diagnostic::error(
                        Stage::Run,
                        ATTACH_FAILED,
                        format!("cannot find tracepoint '{system}:{name}': {e}"),
                    )
                    .with_primary(probe.span, "this probe")
                    .with_help("check that tracefs is mounted at /sys/kernel/tracing"),
                )
            })?;
            let ev = PerfEvent::tracepoint(id as u64, 0)
                .map_err(|e| fail("perf_event_open of the tracepoint".into(), e))?;
            ev.attach_bpf(prog)
                .map_err(|e| fail("binding the BPF program".into(), e))?;
            ev.enable().map_err(|e| fail("enabling".into(), e))?;
            out.push(Attached::Perf { _event: ev });
        }
        Attach::RawTracepoint { name } => {
            let a = rstap_sys::attach::Attachment::raw_tracepoint(prog, name)
                .map_err(|e| fail(format!("raw tracepoint '{name}'"), e))?;
            out.push(Attached::Raw { _link: a });
        }
        Attach::Perf {
            type_,
            config,
            sample,
            every_cpu,
        } => {
            let cpus = if *every_cpu {
                rstap_sys::discovery::online_cpus()
                    .map_err(|e| fail(format!("reading the online CPUs ({e})"), 5))?
            } else {
                vec![0]
            };
            let sample = match sample {
                PerfSample::Period(n) => Sample::Period(*n),
                PerfSample::Frequency(n) => Sample::Frequency(*n),
            };
            for cpu in cpus {
                let ev = PerfEvent::raw(*type_, *config, sample, cpu as i32).map_err(|e| {
                    let mut d = fail(format!("perf_event_open on CPU {cpu}"), e);
                    // Hardware (0), cache (3) and raw (4) events need a PMU.
                    if matches!(e, 2 | 19 | 95) && matches!(*type_, 0 | 3 | 4) {
                        d.help.push(
                            "this machine has no hardware performance counters (virtual machines often lack them); sample with perf.sw.cpu_clock or timer.profile instead"
                                .into(),
                        );
                    }
                    d
                })?;
                ev.attach_bpf(prog)
                    .map_err(|e| fail("binding the BPF program".into(), e))?;
                ev.enable().map_err(|e| fail("enabling".into(), e))?;
                out.push(Attached::Perf { _event: ev });
            }
        }
    }
    Ok(())
}

/// `CLOCK_REALTIME - CLOCK_BOOTTIME` now, in nanoseconds.
fn realtime_offset_ns() -> i64 {
    let real = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0);
    let boot = rustix::time::clock_gettime(rustix::time::ClockId::Boottime);
    real - (boot.tv_sec as i64 * 1_000_000_000 + boot.tv_nsec as i64)
}

/// A counter of the stats map (`STATS_*` offset).
pub(crate) fn read_stat(stats: &Map, offset: i32) -> u64 {
    let at = offset as usize;
    stats
        .lookup(&0u32.to_le_bytes())
        .ok()
        .flatten()
        .and_then(|v| Some(u64::from_le_bytes(v.get(at..at + 8)?.try_into().ok()?)))
        .unwrap_or(0)
}

pub(crate) const STATS: usize = STATS_MAP;

#[cfg(test)]
mod tests {
    #[test]
    fn a_verifier_out_of_budget_is_told_from_a_wrong_program() {
        assert!(super::verifier_gave_up(
            "BPF program is too large. Processed 1000001 insn\n"
        ));
        assert!(super::verifier_gave_up(
            "The sequence of 8193 jumps is too complex.\n"
        ));
        assert!(!super::verifier_gave_up("R1 invalid mem access 'scalar'\n"));
    }
}
