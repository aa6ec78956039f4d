//! IR → BPF lowering.
//!
//! Register conventions of every generated program:
//! - `r6`: the context pointer the kernel passed in `r1`;
//! - `r7`: this CPU's scratch value (locals, temporaries, strings, keys, records);
//! - `r8`: unused (kept free so that loop states converge in the verifier);
//! - `r9`: a map value pointer held across a short sequence without helper calls;
//! - `r0`–`r5`: scratch within one IR node; a long result is left in `r0`.
//!
//! Every temporary lives in scratch memory at a constant offset from `r7`, so the 512-byte
//! BPF stack is never the limit; strings are NUL-terminated buffers of at most
//! `string_width` bytes. Runtime errors are reported through output records carrying
//! the error site (message and source location), then the handler returns.

use std::collections::HashMap;

use rstap_diag::{Code, Diagnostic, Span, Stage};
use rstap_ir::*;

use crate::helpers as h;
use crate::insn::*;
use crate::layout::*;
use crate::stack_token;

mod stacks;
mod uprobes;
mod ustacks;

/// A construct that has no BPF translation in kernel probes.
pub const UNSUPPORTED: Code = Code("T0001");
/// The program needs more per-CPU scratch memory than BPF allows.
pub const TOO_BIG: Code = Code("T0002");

/// Long explanations of this pass's codes (`rstap explain T0001`).
pub static EXPLANATIONS: &[rstap_diag::Explanation] = &[
    rstap_diag::Explanation {
        code: UNSUPPORTED,
        title: "construct not available in kernel probes",
        text: "Probes on kernel events (tracepoints, perf events, profiling timers, timers \
that read event context) are compiled to BPF programs, which the kernel verifies before \
they run. A few language constructs have no BPF translation yet: sorted foreach and \
foreach over slices or histogram buckets, deletes with `*` wildcards, regular \
expressions, @variance and histogram buckets, printing histograms, recursive \
functions, and sprintf conversions the kernel's formatter lacks (a precision, the # \
flag, %o, %b, %m, * widths, more than 12 arguments). Keep the \
kernel probe to collecting data (counting, aggregating with <<<, storing in arrays, \
printf of values) and do the rest in an end or timer probe, which run in userspace over \
the same globals.",
    },
    rstap_diag::Explanation {
        code: TOO_BIG,
        title: "kernel probe too large",
        text: "A BPF program keeps its locals, temporaries and strings in 32 KiB of per-CPU \
scratch memory, and its jumps span at most 32767 instructions. Split the probe's work, \
use fewer string temporaries, or lower MAXSTRINGLEN with -D.",
    },
];

/// The most scratch memory one program may use (the per-CPU value limit is 32 KiB).
pub const MAX_SCRATCH: u32 = 32 * 1024 - 8;

/// Offsets of the kernel's `task_struct` and `cred` members, from the kernel's BTF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskOffsets {
    pub real_parent: u32,
    pub tgid: u32,
    pub comm: u32,
    pub cred: u32,
    pub cred_euid: u32,
    pub cred_egid: u32,
}

/// Offsets leading from a task to the inode number of its executable
/// (`task->mm->exe_file->f_inode->i_ino`), from the kernel's BTF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExeOffsets {
    pub task_mm: u32,
    pub mm_exe_file: u32,
    pub file_inode: u32,
    pub inode_ino: u32,
}

#[derive(Clone, Debug)]
pub struct CompileOptions {
    /// Width of kernel string buffers, NUL included.
    pub string_width: u32,
    pub maxaction: u64,
    pub maxmapentries: u64,
    pub ringbuf_bytes: u32,
    pub online_cpus: u32,
    /// CPUs a per-CPU map has a share for (`/sys/devices/system/cpu/possible`).
    pub possible_cpus: u32,
    /// The kernel's `CONFIG_HZ`.
    pub hz: u32,
    pub task: Option<TaskOffsets>,
    /// For user probes that fire only in processes of one program.
    pub exe: Option<ExeOffsets>,
    /// The system call numbers of this architecture: when given (x86-64 only),
    /// `syscalls:sys_enter_*`/`sys_exit_*` tracepoints compile to raw tracepoints on
    /// `sys_enter`/`sys_exit`, which cost far less per event and detach at once.
    pub syscall_nr: Option<fn(&str) -> Option<i64>>,
    /// The mechanism of `kernel.function` probes.
    pub kernel_functions: KernelFunctions,
    /// MAXERRORS is 0: the first uncaught error stops every handler at once.
    pub stop_on_error: bool,
    /// MAXBACKTRACE: the frames a kernel stack keeps.
    pub maxbacktrace: u32,
    /// MAXSTACKS: the distinct kernel stacks a session can record.
    pub max_stacks: u32,
    /// `-t`: each kernel probe counts its hits and run time in [`Compiled::timing_map`].
    pub timing: bool,
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions {
            string_width: 128,
            maxaction: 1000,
            maxmapentries: 2048,
            ringbuf_bytes: 4 << 20,
            online_cpus: 1,
            possible_cpus: 1,
            hz: 250,
            task: None,
            exe: None,
            syscall_nr: None,
            kernel_functions: KernelFunctions::Fentry,
            stop_on_error: true,
            maxbacktrace: 20,
            max_stacks: 16384,
            timing: false,
        }
    }
}

/// How `kernel.function` probes reach the kernel: the runtime picks what this kernel
/// allows (fentry/fexit first: cheaper, typed arguments) before compiling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum KernelFunctions {
    #[default]
    Fentry,
    Kprobe,
}

/// The kind of BPF program a probe compiles to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ProgKind {
    /// A perf-event tracepoint: the context is the raw trace record.
    Tracepoint,
    /// A raw tracepoint: the context is the array of the tracepoint's arguments.
    RawTracepoint,
    /// A BTF-typed raw tracepoint (`tp_btf`).
    TpBtf,
    /// A perf event (timers, profiling, `perf.*`): the context is `bpf_perf_event_data`.
    PerfEvent,
    Kprobe,
    Kretprobe,
    Fentry,
    Fexit,
}

impl ProgKind {
    /// `enum bpf_prog_type`.
    pub fn prog_type(self) -> u32 {
        match self {
            ProgKind::Kprobe | ProgKind::Kretprobe => 2,
            ProgKind::Tracepoint => 5,
            ProgKind::PerfEvent => 7,
            ProgKind::RawTracepoint => 17,
            ProgKind::TpBtf | ProgKind::Fentry | ProgKind::Fexit => 26,
        }
    }
    /// `enum bpf_attach_type` the load needs (0 where none).
    pub fn expected_attach_type(self) -> u32 {
        match self {
            ProgKind::TpBtf => 23,
            ProgKind::Fentry => 24,
            ProgKind::Fexit => 25,
            _ => 0,
        }
    }
}

/// Where a compiled program is attached.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Attach {
    Tracepoint {
        system: String,
        name: String,
    },
    /// A raw tracepoint (`sys_enter`, `sys_exit`).
    RawTracepoint {
        name: String,
    },
    /// Not attached itself: stored at `key` in the program-array map `map`, which a
    /// [`Dispatcher`] tail-calls into (system call probes, keyed by the call's number).
    TailCall {
        map: usize,
        key: u32,
    },
    /// An fentry/fexit program, loaded against the function's BTF id (`module`'s BTF
    /// for a module function) and attached through a BPF link.
    Fentry {
        function: String,
        module: Option<String>,
        btf_id: u32,
    },
    /// A kprobe or kretprobe on the function, through the kprobe PMU.
    Kprobe {
        function: String,
        ret: bool,
    },
    /// A uprobe or uretprobe at `offset` in the file `path`, in every process, through
    /// the uprobe PMU; the kernel counts the USDT semaphore at `semaphore` (a file
    /// offset) up while attached.
    Uprobe {
        path: String,
        offset: u64,
        ret: bool,
        semaphore: Option<u64>,
    },
    /// A perf event, on every online CPU or (timers) on one.
    Perf {
        type_: u32,
        config: u64,
        sample: PerfSample,
        every_cpu: bool,
    },
}

/// One argument of an output record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArgSlot {
    pub ty: Type,
    /// Offset in the record.
    pub offset: u32,
    /// Bytes (8 for a long).
    pub width: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SiteKind {
    /// `print`/`println`/`printd`/`print_char`...: the arguments' plain text.
    Print {
        kind: PrintKind,
        delimiter: Option<Vec<u8>>,
    },
    Printf {
        format: Vec<u8>,
    },
    /// A runtime error with SystemTap's message.
    Error {
        code: Code,
        message: String,
    },
    /// A memory read fault: the message is `prefix`, the faulting address (the record's
    /// long argument) as `0x…`, then `suffix`.
    Fault {
        code: Code,
        prefix: String,
        suffix: String,
    },
    /// `error(msg)`: the message is the record's string argument.
    ScriptError,
    /// A level of the kernel stack that does not exist (the record's long argument):
    /// `stack(n)`, `callers(n)`, `caller()`, `caller_addr()`.
    NoStackFrame {
        code: Code,
        /// The user stack rather than the kernel's.
        #[serde(default)]
        user: bool,
    },
    /// `print_backtrace()`: the stack-map id is the record's long argument (negative
    /// when the stack is empty or was lost).
    PrintBacktrace,
    /// `print_syms(text)`/`print_stack(text)`: the text is the record's string argument.
    PrintSyms,
    /// `print_ubacktrace()` (`print_ubacktrace_brief()` when `brief`): the process and
    /// the stack-map id are the record's long arguments.
    PrintUbacktrace {
        brief: bool,
    },
    /// `print_usyms(text)`/`print_ustack(text)`: the process, then the text.
    PrintUsyms,
    /// A process the session has not seen before used a user stack or symbol: the
    /// record's long argument is its pid, whose memory map userspace records now.
    ProcessSeen,
    /// `warn(msg)`.
    Warn,
    /// `exit()`.
    Exit,
    /// `switch_file()`.
    SwitchFile,
}

/// Something a program reports to userspace: a record starts with the site's index.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Site {
    pub kind: SiteKind,
    pub args: Vec<ArgSlot>,
    pub span: Span,
    /// Record size in bytes.
    pub size: u32,
}

/// Record header: u32 site index, u32 zero.
pub const RECORD_HEADER: u32 = 8;

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct CompiledProbe {
    pub probe: ProbeId,
    pub kind: ProgKind,
    pub attach: Attach,
    /// Up to 15 bytes.
    pub name: String,
    pub code: Assembled,
    pub scratch_used: u32,
    /// Statement spans; `code.lines` entries index into this table.
    pub spans: Vec<Span>,
    /// Program BTF and its func_info records, needed when the program has callback
    /// subprograms (empty otherwise).
    #[serde(default)]
    pub btf: Vec<u8>,
    #[serde(default)]
    pub func_info: Vec<u8>,
}

impl CompiledProbe {
    /// The statement that instruction `insn` belongs to.
    pub fn span_of(&self, insn: usize) -> Option<Span> {
        let i = self.code.lines.partition_point(|&(at, _)| at <= insn);
        let (_, idx) = *self.code.lines.get(i.checked_sub(1)?)?;
        self.spans.get(idx as usize).copied()
    }
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Compiled {
    pub layout: Layout,
    pub probes: Vec<CompiledProbe>,
    pub sites: Vec<Site>,
    /// The raw `sys_enter`/`sys_exit` programs that hand each system call to its
    /// probes, attached in this order after the probes are in their program arrays.
    #[serde(default)]
    pub dispatchers: Vec<Dispatcher>,
    /// With `-t`: a per-CPU array indexed like `probes` of {hits, nanoseconds}.
    #[serde(default)]
    pub timing_map: Option<usize>,
}

/// A raw-tracepoint program that switches on the system call number with
/// `bpf_tail_call`: one per probe layer and side, so `syscall.*` is two attachments
/// (plus one per extra probe on the same call) instead of hundreds.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Dispatcher {
    /// Up to 15 bytes.
    pub name: String,
    /// `sys_enter` or `sys_exit`.
    pub tracepoint: String,
    pub code: Assembled,
}

/// Program-array slots: x86-64 system call numbers are below this.
pub const SYSCALL_SLOTS: u32 = 512;
/// Threads whose entry arguments are kept at once for return probes (least recently
/// used first out: a thread that exited ages out).
pub const ENTRY_ARG_THREADS: u32 = 16384;
/// The saved entry value: the user registers r10..di (`pt_regs` bytes 56..120).
const ENTRY_SAVE_FROM: i16 = 56;
const ENTRY_SAVE_BYTES: u32 = 64;

impl Compiled {
    pub fn map_names(&self) -> Vec<String> {
        self.layout.maps.iter().map(|m| m.name.clone()).collect()
    }
}

/// Compiles the kernel-placed probes (`kernel_probes`) of a program.
pub fn compile(
    program: &Program,
    kernel_probes: &[ProbeId],
    opts: &CompileOptions,
) -> Result<Compiled, Vec<Diagnostic>> {
    let widths = key_widths(program, opts.string_width);
    let mut layout = Layout::new(
        program,
        opts.string_width,
        opts.maxmapentries,
        opts.ringbuf_bytes,
        &|g, i| widths.get(&(g, i)).copied().unwrap_or(opts.string_width),
    );
    let unwinds = kernel_probes.iter().any(|&id| {
        rstap_ir::placement::first_intrinsic_use(program, &program.probe(id).body, |n| {
            rstap_ir::stacks::unwinds(n)
        })
        .is_some()
    });
    if unwinds {
        layout.add_stack_map(opts.maxbacktrace, opts.max_stacks);
    }
    let user_symbols = kernel_probes.iter().any(|&id| {
        rstap_ir::placement::first_intrinsic_use(program, &program.probe(id).body, |n| {
            rstap_ir::stacks::needs_process_map(n)
        })
        .is_some()
    });
    if user_symbols {
        layout.add_process_map();
    }
    let user_unwinds = kernel_probes.iter().any(|&id| {
        rstap_ir::placement::first_intrinsic_use(program, &program.probe(id).body, |n| {
            rstap_ir::stacks::USER_UNWINDING_INTRINSICS.contains(&n)
        })
        .is_some()
    });
    if user_unwinds {
        // Fewer entries: each is four times the size of an address stack's.
        layout.add_build_id_map(opts.maxbacktrace, (opts.max_stacks / 4).max(1));
    }
    let flow = rstap_ir::stacks::TokenFlow::analyze(program);
    let mut sites = Vec::new();
    let mut rodata = Vec::new();
    let mut probes = Vec::new();
    let mut diags = Vec::new();
    let mut scratch = 8;
    let plan = SyscallPlan::new(program, kernel_probes, opts, &mut layout);
    let timing_map = opts.timing.then(|| {
        layout.maps.push(MapSpec {
            name: "rstap_timing".into(),
            kind: MapKind::PercpuArray,
            key_size: 4,
            value_size: 16,
            max_entries: kernel_probes.len().max(1) as u32,
            flags: 0,
        });
        layout.maps.len() - 1
    });
    let mut entry_nrs: Vec<i64> = Vec::new();
    for (i, &id) in kernel_probes.iter().enumerate() {
        let probe = program.probe(id);
        let Some((kind, attach)) = attach_of(program, probe, opts) else {
            diags.push(
                Diagnostic::error(
                    Stage::Translate,
                    UNSUPPORTED,
                    format!("probe point '{}' cannot be compiled to BPF", probe.pp),
                )
                .with_primary(probe.span, "this probe needs the kernel"),
            );
            continue;
        };
        let (attach, syscall) = match plan.slots[i] {
            Some((r, map)) => (
                Attach::TailCall {
                    map,
                    key: r.nr as u32,
                },
                Some(r),
            ),
            None => (attach, None),
        };
        let mut g = Gen::new(program, &layout, opts, &mut sites, &mut rodata, probe, kind);
        g.syscall = if reads_tracepoint_args(program, probe) {
            None
        } else {
            syscall
        };
        g.entry_map = plan.entry_map;
        g.timing = timing_map.map(|m| (m, probes.len() as u32));
        g.flow = Some((&flow, id));
        match g.probe_body() {
            Ok(()) if g.diags.is_empty() => {
                if g.entry_used
                    && let Some(r) = syscall
                {
                    entry_nrs.push(r.nr);
                }
                let used = g.high;
                let spans = std::mem::take(&mut g.spans);
                let subprogs = std::mem::take(&mut g.subprogs);
                let n_subs = subprogs.len();
                match g.asm.finish().map(|main| {
                    let main_len = main.insns.len();
                    let sub_lens: Vec<usize> = subprogs.iter().map(|s| s.insns.len()).collect();
                    (main.link(subprogs), main_len, sub_lens)
                }) {
                    Ok((code, main_len, sub_lens)) => {
                        let (btf, func_info) = if n_subs > 0 {
                            program_btf(main_len, &sub_lens)
                        } else {
                            (Vec::new(), Vec::new())
                        };
                        scratch = scratch.max(used);
                        probes.push(CompiledProbe {
                            probe: id,
                            kind,
                            attach,
                            name: format!("rstap_p{}", id.0),
                            code,
                            scratch_used: used,
                            spans,
                            btf,
                            func_info,
                        })
                    }
                    Err(e) => diags.push(
                        Diagnostic::error(Stage::Translate, TOO_BIG, e.to_string())
                            .with_primary(probe.span, "in this probe"),
                    ),
                }
            }
            _ => diags.append(&mut g.diags),
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let dispatchers = plan.dispatchers(&entry_nrs);
    layout.maps[SCRATCH_MAP].value_size = round8(scratch);
    layout.maps[layout.rodata_map].value_size = round8(rodata.len().max(1) as u32);
    layout.rodata = rodata;
    // Programs that never print only send the odd error or exit() record: a small
    // ring buffer does, and large ones take milliseconds to allocate.
    let prints = sites.iter().any(|s| {
        matches!(
            s.kind,
            SiteKind::Print { .. }
                | SiteKind::Printf { .. }
                | SiteKind::Warn
                | SiteKind::PrintBacktrace
                | SiteKind::PrintSyms
                | SiteKind::PrintUbacktrace { .. }
                | SiteKind::PrintUsyms
        )
    });
    if !prints {
        let small = 256 * 1024;
        let rb = &mut layout.maps[RINGBUF_MAP].max_entries;
        *rb = (*rb).min(small);
    }
    Ok(Compiled {
        layout,
        probes,
        sites,
        dispatchers,
        timing_map,
    })
}

/// Bytes per entry of a name table in the read-only map.
const NAME_WIDTH: u32 = 24;

/// A table of names indexed by number, for `errno_str` and `syscall_name`.
struct NameTable {
    len: u32,
    name: fn(i64) -> Option<&'static str>,
}

impl NameTable {
    fn bytes(&self) -> Vec<u8> {
        let mut out = vec![0u8; (self.len * NAME_WIDTH) as usize];
        for i in 0..self.len {
            if let Some(n) = (self.name)(i64::from(i)) {
                let at = (i * NAME_WIDTH) as usize;
                let n = &n.as_bytes()[..n.len().min(NAME_WIDTH as usize - 1)];
                out[at..at + n.len()].copy_from_slice(n);
            }
        }
        out
    }
}

/// Error numbers up to `ERESTART_RESTARTBLOCK`-range (the kernel-internal 512+ codes).
static ERRNO_TABLE: NameTable = NameTable {
    len: 532,
    name: rstap_format::abi::errno_name,
};
static SYSCALL_TABLE: NameTable = NameTable {
    len: SYSCALL_SLOTS,
    name: rstap_format::abi::syscall_name,
};

/// Where each system call probe goes: the program array of its side and layer (the
/// n-th probe on a call is in layer n), and the map of saved entry arguments.
struct SyscallPlan {
    /// Per kernel probe, in order.
    slots: Vec<Option<(RawSyscall, usize)>>,
    /// Program-array map per layer: entry side, exit side.
    enter: Vec<usize>,
    exit: Vec<usize>,
    entry_map: Option<usize>,
}

impl SyscallPlan {
    fn new(
        program: &Program,
        kernel_probes: &[ProbeId],
        opts: &CompileOptions,
        layout: &mut Layout,
    ) -> SyscallPlan {
        let mut plan = SyscallPlan {
            slots: Vec::new(),
            enter: Vec::new(),
            exit: Vec::new(),
            entry_map: None,
        };
        let mut depth: HashMap<(bool, i64), usize> = HashMap::new();
        for &id in kernel_probes {
            let probe = program.probe(id);
            let r = raw_syscall(probe, opts).filter(|_| !reads_tracepoint_args(program, probe));
            let Some(r) = r else {
                plan.slots.push(None);
                continue;
            };
            let layer = depth.entry((r.exit, r.nr)).or_insert(0);
            let arrays = if r.exit {
                &mut plan.exit
            } else {
                &mut plan.enter
            };
            if arrays.len() == *layer {
                arrays.push(layout.maps.len());
                layout.maps.push(MapSpec {
                    name: format!("rstap_sc_{}{}", if r.exit { 'x' } else { 'e' }, *layer),
                    kind: MapKind::ProgArray,
                    key_size: 4,
                    value_size: 4,
                    max_entries: SYSCALL_SLOTS,
                    flags: 0,
                });
            }
            plan.slots.push(Some((r, arrays[*layer])));
            *layer += 1;
            let reads_entry = matches!(&probe.kind, ProbeKind::Tracepoint { fields, .. }
                if fields.iter().any(|f| f.kind == FieldKind::EntryArg));
            if r.exit && reads_entry && plan.entry_map.is_none() {
                plan.entry_map = Some(layout.maps.len());
                layout.maps.push(MapSpec {
                    name: "rstap_sc_args".into(),
                    kind: MapKind::LruHash,
                    key_size: 8,
                    value_size: ENTRY_SAVE_BYTES,
                    max_entries: ENTRY_ARG_THREADS,
                    flags: 0,
                });
            }
        }
        plan
    }

    /// The dispatch programs, in attach order: entry layers (the first also saves the
    /// arguments of the calls in `entry_nrs` when return probes read them), then exit
    /// layers. Saved arguments need no clean-up: a thread is in one call at a time and
    /// its next entry overwrites them, and the map forgets idle threads first.
    fn dispatchers(&self, entry_nrs: &[i64]) -> Vec<Dispatcher> {
        let mut nrs = entry_nrs.to_vec();
        nrs.sort_unstable();
        nrs.dedup();
        let save = self.entry_map.filter(|_| !nrs.is_empty());
        let mut out = Vec::new();
        let enter_layers = self.enter.len().max(usize::from(save.is_some()));
        for layer in 0..enter_layers {
            let save = save.filter(|_| layer == 0).map(|m| (m, nrs.as_slice()));
            out.push(Dispatcher {
                name: format!("rstap_sc_e{layer}"),
                tracepoint: "sys_enter".into(),
                code: dispatch_program(false, self.enter.get(layer).copied(), save),
            });
        }
        for (layer, &map) in self.exit.iter().enumerate() {
            out.push(Dispatcher {
                name: format!("rstap_sc_x{layer}"),
                tracepoint: "sys_exit".into(),
                code: dispatch_program(true, Some(map), None),
            });
        }
        out
    }
}

/// A raw `sys_enter`/`sys_exit` program: optionally saves the calling thread's
/// argument registers (for the listed call numbers; every call when there are more
/// than a few) into `save.0`, then tail-calls `array[nr]`. A call with no probe in the
/// array falls through and returns.
fn dispatch_program(exit: bool, array: Option<usize>, save: Option<(usize, &[i64])>) -> Assembled {
    let mut a = Asm::new();
    a.mov(R6, R1);
    if let Some((map, nrs)) = save {
        let skip = a.label();
        if nrs.len() <= 16 {
            let hit = a.label();
            a.load(Size::U64, R2, R6, 8);
            for &nr in nrs {
                a.jmp_imm(Cond::Eq, R2, nr as i32, hit);
            }
            a.ja(skip);
            a.bind(hit);
        }
        a.call(h::GET_CURRENT_PID_TGID);
        a.store(Size::U64, R10, -8, R0);
        a.load(Size::U64, R3, R6, 0);
        a.alu64_imm(Alu::Add, R3, ENTRY_SAVE_FROM as i32);
        a.mov(R1, R10);
        a.alu64_imm(Alu::Add, R1, -8 - ENTRY_SAVE_BYTES as i32);
        a.mov_imm(R2, ENTRY_SAVE_BYTES as i32);
        a.call(h::PROBE_READ_KERNEL);
        a.ld_map(R1, map);
        a.mov(R2, R10);
        a.alu64_imm(Alu::Add, R2, -8);
        a.mov(R3, R10);
        a.alu64_imm(Alu::Add, R3, -8 - ENTRY_SAVE_BYTES as i32);
        a.mov_imm(R4, 0);
        a.call(h::MAP_UPDATE_ELEM);
        a.bind(skip);
    }
    if let Some(map) = array {
        if exit {
            // sys_exit's arguments are the registers and the return value: the number
            // is the registers' orig_ax.
            a.load(Size::U64, R3, R6, 0);
            a.alu64_imm(Alu::Add, R3, crate::ctx::X86_64_ORIG_AX as i32);
            a.mov(R1, R10);
            a.alu64_imm(Alu::Add, R1, -8);
            a.mov_imm(R2, 8);
            a.call(h::PROBE_READ_KERNEL);
            a.load(Size::U64, R3, R10, -8);
        } else {
            a.load(Size::U64, R3, R6, 8);
        }
        a.mov(R1, R6);
        a.ld_map(R2, map);
        a.call(h::TAIL_CALL);
    }
    a.mov_imm(R0, 0);
    a.exit();
    a.finish().expect("a dispatch program assembles")
}

/// Program BTF describing the main program and its callbacks, which the kernel needs
/// before it accepts subprograms: `int main(void *ctx)` and
/// `long callback(void *map, void *key, void *value, void *ctx)`, static linkage.
fn program_btf(main_len: usize, sub_lens: &[usize]) -> (Vec<u8>, Vec<u8>) {
    use rstap_btf::{BtfBuilder, FuncInfo, IntEncoding, Linkage, encode_func_infos};
    let mut b = BtfBuilder::new();
    let int = b.add_int(
        "int",
        4,
        IntEncoding {
            signed: true,
            char: false,
            bool: false,
        },
    );
    let long = b.add_int(
        "long",
        8,
        IntEncoding {
            signed: true,
            char: false,
            bool: false,
        },
    );
    let ptr = b.add_ptr(0);
    let main_proto = b.add_func_proto(int, &[("ctx", ptr)], false);
    let cb_proto = b.add_func_proto(
        long,
        &[("map", ptr), ("key", ptr), ("value", ptr), ("ctx", ptr)],
        false,
    );
    let mut infos = vec![FuncInfo {
        insn_off: 0,
        type_id: b.add_func("rstap_probe", main_proto, Linkage::Static),
    }];
    let mut at = main_len;
    for (i, len) in sub_lens.iter().enumerate() {
        infos.push(FuncInfo {
            insn_off: at as u32,
            type_id: b.add_func(&format!("rstap_cb{i}"), cb_proto, Linkage::Static),
        });
        at += len;
    }
    (b.finish(), encode_func_infos(&infos))
}

/// A syscall tracepoint compiled as a raw tracepoint: exit side, and the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RawSyscall {
    exit: bool,
    nr: i64,
}

fn raw_syscall(probe: &Probe, opts: &CompileOptions) -> Option<RawSyscall> {
    let ProbeKind::Tracepoint {
        system,
        name,
        fields,
    } = &probe.kind
    else {
        return None;
    };
    // Only the plain layout (number, then up to six 8-byte arguments or `ret`) can be
    // read from registers; anything else keeps the perf tracepoint.
    let plain = fields.iter().all(|f| {
        f.name.starts_with("common_")
            || f.name == "__syscall_nr"
            || (!f.kind.is_string() && f.offset >= 16 && f.offset < 16 + 6 * 8 && f.size <= 8)
    });
    if system != "syscalls" || !cfg!(target_arch = "x86_64") || !plain {
        return None;
    }
    let (exit, call) = if let Some(c) = name.strip_prefix("sys_enter_") {
        (false, c)
    } else {
        (true, name.strip_prefix("sys_exit_")?)
    };
    let nr = (opts.syscall_nr?)(call)?;
    (0..SYSCALL_SLOTS as i64)
        .contains(&nr)
        .then_some(RawSyscall { exit, nr })
}

/// The prefix of the intrinsics that read a tracepoint's arguments: `__tracepoint_arg_`,
/// the 0-based index, `_`, `s` or `u`, and the width in bits (`__tracepoint_arg_2_u64`).
const TRACEPOINT_ARG: &str = "__tracepoint_arg_";

/// `__tracepoint_arg_2_s32` → (2, signed, 32 bits).
fn parse_tracepoint_arg(name: &str) -> Option<(usize, bool, u32)> {
    let (index, kind) = name.strip_prefix(TRACEPOINT_ARG)?.split_once('_')?;
    let signed = match kind.as_bytes().first()? {
        b's' => true,
        b'u' => false,
        _ => return None,
    };
    let bits: u32 = kind[1..].parse().ok()?;
    matches!(bits, 8 | 16 | 32 | 64).then_some((index.parse().ok()?, signed, bits))
}

/// Whether a tracepoint probe reads the tracepoint's arguments (`$prev`) rather than
/// its record's fields: it then runs as a raw tracepoint, whose context is the
/// arguments.
pub fn reads_tracepoint_args(program: &Program, probe: &Probe) -> bool {
    struct Scan<'p> {
        program: &'p Program,
        found: bool,
    }
    impl visit::VisitorMut for Scan<'_> {
        fn visit_expr(&mut self, e: &mut Expr) {
            if let ExprKind::Call { func, .. } = &e.kind
                && let FunctionBody::Intrinsic(n) = &self.program.function(*func).body
                && n.starts_with(TRACEPOINT_ARG)
            {
                self.found = true;
            }
            visit::walk_expr(self, e);
        }
    }
    if !matches!(probe.kind, ProbeKind::Tracepoint { .. }) {
        return false;
    }
    let mut scan = Scan {
        program,
        found: false,
    };
    visit::VisitorMut::visit_block(&mut scan, &mut probe.body.clone());
    if let Some(c) = &probe.condition {
        visit::VisitorMut::visit_expr(&mut scan, &mut c.clone());
    }
    scan.found
}

fn attach_of(
    program: &Program,
    probe: &Probe,
    opts: &CompileOptions,
) -> Option<(ProgKind, Attach)> {
    const SOFTWARE: u32 = 1;
    const CPU_CLOCK: u64 = 0;
    if let ProbeKind::Tracepoint { name, .. } = &probe.kind
        && reads_tracepoint_args(program, probe)
    {
        return Some((
            ProgKind::RawTracepoint,
            Attach::RawTracepoint { name: name.clone() },
        ));
    }
    if let Some(r) = raw_syscall(probe, opts) {
        let name = if r.exit { "sys_exit" } else { "sys_enter" };
        return Some((
            ProgKind::RawTracepoint,
            Attach::RawTracepoint { name: name.into() },
        ));
    }
    Some(match &probe.kind {
        ProbeKind::Tracepoint { system, name, .. } => (
            ProgKind::Tracepoint,
            Attach::Tracepoint {
                system: system.clone(),
                name: name.clone(),
            },
        ),
        ProbeKind::Timer { period_ns, .. } => (
            ProgKind::PerfEvent,
            Attach::Perf {
                type_: SOFTWARE,
                config: CPU_CLOCK,
                sample: PerfSample::Period((*period_ns).max(1)),
                every_cpu: false,
            },
        ),
        ProbeKind::Profile { freq_hz } => (
            ProgKind::PerfEvent,
            Attach::Perf {
                type_: SOFTWARE,
                config: CPU_CLOCK,
                sample: PerfSample::Frequency(freq_hz.unwrap_or(opts.hz as u64)),
                every_cpu: true,
            },
        ),
        ProbeKind::Perf {
            type_,
            config,
            sample,
        } => (
            ProgKind::PerfEvent,
            Attach::Perf {
                type_: *type_,
                config: *config,
                sample: *sample,
                every_cpu: true,
            },
        ),
        ProbeKind::KernelFunction {
            function,
            module,
            ret,
            kprobe_only,
            btf_id,
            ..
        } => {
            // Module functions go through kprobes: fentry would need the module's BTF
            // object at load.
            if *kprobe_only
                || opts.kernel_functions == KernelFunctions::Kprobe
                || *btf_id == 0
                || module.is_some()
            {
                (
                    if *ret {
                        ProgKind::Kretprobe
                    } else {
                        ProgKind::Kprobe
                    },
                    Attach::Kprobe {
                        function: function.clone(),
                        ret: *ret,
                    },
                )
            } else {
                (
                    if *ret {
                        ProgKind::Fexit
                    } else {
                        ProgKind::Fentry
                    },
                    Attach::Fentry {
                        function: function.clone(),
                        module: module.clone(),
                        btf_id: *btf_id,
                    },
                )
            }
        }
        ProbeKind::Uprobe {
            path,
            offset,
            ret,
            mark,
            ..
        } => (
            if *ret {
                ProgKind::Kretprobe
            } else {
                ProgKind::Kprobe
            },
            Attach::Uprobe {
                path: path.clone(),
                offset: *offset,
                ret: *ret,
                semaphore: mark.as_ref().and_then(|m| m.semaphore),
            },
        ),
        _ => return None,
    })
}

/// Bytes (NUL included) of a stack token holding a stack-map id.
const STACK_ID_TOKEN: u32 = 3 + stack_token::ID_LETTERS as u32 + 1;
/// Bytes (NUL included) of a `callers(n)` token.
const CALLERS_TOKEN: u32 = STACK_ID_TOKEN + stack_token::COUNT_LETTERS as u32;
/// Bytes (NUL included) of a token holding an address.
const ADDRESS_TOKEN: u32 = 3 + stack_token::ADDR_LETTERS as u32 + 1;

/// The number of bytes (NUL included) a string expression can need, when it is known
/// statically.
fn static_bound(program: &Program, e: &Expr, width: u32) -> u32 {
    match &e.kind {
        ExprKind::String(s) => (s.len() as u32 + 1).min(width),
        ExprKind::Call { func, .. } => match &program.function(*func).body {
            FunctionBody::Intrinsic(n) if n == "execname" || n == "pexecname" => 16,
            FunctionBody::Intrinsic(n) => match n.as_str() {
                "backtrace" | "sprint_backtrace" => STACK_ID_TOKEN,
                "callers" => CALLERS_TOKEN,
                // A user probe's probefunc() is the function's name itself.
                "probefunc"
                    if program
                        .probes
                        .iter()
                        .any(|p| matches!(p.kind, ProbeKind::Uprobe { .. })) =>
                {
                    width
                }
                "symname" | "symdata" | "caller" | "probefunc" => ADDRESS_TOKEN,
                _ => width,
            }
            .min(width),
            _ => width,
        },
        ExprKind::Concat { lhs, rhs } => {
            (static_bound(program, lhs, width) + static_bound(program, rhs, width)).min(width)
        }
        _ => width,
    }
}

/// For every string key position of every global: the widest string stored there.
fn key_widths(program: &Program, width: u32) -> HashMap<(GlobalId, usize), u32> {
    struct Scan<'p> {
        program: &'p Program,
        width: u32,
        out: HashMap<(GlobalId, usize), u32>,
    }
    impl Scan<'_> {
        fn keys<'e>(&mut self, g: GlobalId, keys: impl Iterator<Item = Option<&'e Expr>>) {
            for (i, k) in keys.enumerate() {
                if let Some(k) = k
                    && k.ty == Type::String
                {
                    let b = static_bound(self.program, k, self.width);
                    let e = self.out.entry((g, i)).or_insert(1);
                    *e = (*e).max(b);
                }
            }
        }
    }
    impl visit::VisitorMut for Scan<'_> {
        fn visit_expr(&mut self, e: &mut Expr) {
            match &e.kind {
                ExprKind::Element { array, keys } => self.keys(*array, keys.iter().map(Some)),
                ExprKind::In { array, keys } => self.keys(*array, keys.iter().map(|k| k.as_ref())),
                ExprKind::Assign {
                    target: LValue::Element { array, keys },
                    ..
                }
                | ExprKind::IncDec {
                    target: LValue::Element { array, keys },
                    ..
                } => self.keys(*array, keys.iter().map(Some)),
                ExprKind::Aggregate {
                    stat: StatRef::Element { array, keys },
                    ..
                }
                | ExprKind::StatGet {
                    stat: StatRef::Element { array, keys },
                    ..
                } => self.keys(*array, keys.iter().map(Some)),
                _ => {}
            }
            visit::walk_expr(self, e);
        }
        fn visit_stmt(&mut self, s: &mut Stmt) {
            if let StmtKind::Delete(DeleteTarget::Element { array, keys }) = &s.kind {
                self.keys(*array, keys.iter().map(|k| k.as_ref()));
            }
            if let StmtKind::Foreach(f) = &s.kind
                && let ForeachSource::Array(g) = f.source
            {
                // Keys read back by foreach are as wide as anything stored.
                let n = f.keys.len();
                for i in 0..n {
                    self.out.entry((g, i)).or_insert(1);
                }
            }
            visit::walk_stmt(self, s);
        }
    }
    let mut scan = Scan {
        program,
        width,
        out: HashMap::new(),
    };
    let mut p = program.clone();
    for f in &mut p.functions {
        if let FunctionBody::Block(b) = &mut f.body {
            visit::VisitorMut::visit_block(&mut scan, b);
        }
    }
    for pr in &mut p.probes {
        visit::VisitorMut::visit_block(&mut scan, &mut pr.body);
        if let Some(c) = &mut pr.condition {
            visit::VisitorMut::visit_expr(&mut scan, c);
        }
    }
    scan.out
}

type G<T> = Result<T, ()>;

/// A string held in scratch memory.
#[derive(Clone, Copy, Debug)]
struct Str {
    slot: u32,
    /// A NUL occurs within the first `bound` bytes.
    bound: u32,
    /// Every byte after the NUL (up to `bound`, rounded to 8) is zero.
    padded: bool,
}

struct Frame {
    locals: Vec<u32>,
    ret: Option<(u32, Label)>,
    func: Option<FuncId>,
    loops_base: usize,
}

struct TryCtx {
    catch: Label,
    /// Scratch slot receiving the raising site's index.
    err: u32,
    /// Scratch slot receiving a faulting address.
    addr: u32,
    /// Scratch string receiving an `error()` message.
    msg: u32,
    raised: Vec<usize>,
}

struct Gen<'a> {
    program: &'a Program,
    layout: &'a Layout,
    opts: &'a CompileOptions,
    sites: &'a mut Vec<Site>,
    rodata: &'a mut Vec<u8>,
    probe: &'a Probe,
    kind: ProgKind,
    asm: Asm,
    top: u32,
    high: u32,
    frames: Vec<Frame>,
    loops: Vec<(Label, Label)>,
    tries: Vec<TryCtx>,
    end: Label,
    /// Scratch slot holding the context address as a number (for computed reads).
    ctx_addr: u32,
    diags: Vec<Diagnostic>,
    spans: Vec<Span>,
    syscall: Option<RawSyscall>,
    /// The map of arguments saved at system call entry, and whether this probe reads it.
    entry_map: Option<usize>,
    entry_used: bool,
    /// `-t`: the timing map and this probe's index in it.
    timing: Option<(usize, u32)>,
    /// The scratch slot holding the handler's start time.
    started_at: u32,
    /// Finished callback subprograms, appended after the main program.
    subprogs: Vec<Assembled>,
    /// Set while generating a `foreach` callback.
    cb: Option<Callback>,
    /// Stack bytes below r10 reserved before loop counters start.
    stack_base: i16,
    /// Where stack tokens may flow, and the probe being generated.
    flow: Option<(&'a rstap_ir::stacks::TokenFlow, ProbeId)>,
}

/// The state of a `bpf_for_each_map_elem` callback being generated.
#[derive(Clone, Copy, Debug)]
struct Callback {
    /// Returns 1: stop iterating.
    stop: Label,
    /// Scratch slot telling the caller why iteration stopped early (see `CB_*`).
    flag: u32,
    /// `try` blocks and function frames opened outside the callback.
    outer_tries: usize,
    outer_frames: usize,
}

/// Why a callback stopped the iteration, for its caller to act on.
const CB_ABORT: i32 = 1;
const CB_CATCH: i32 = 2;
const CB_RETURN: i32 = 3;

impl<'a> Gen<'a> {
    fn new(
        program: &'a Program,
        layout: &'a Layout,
        opts: &'a CompileOptions,
        sites: &'a mut Vec<Site>,
        rodata: &'a mut Vec<u8>,
        probe: &'a Probe,
        kind: ProgKind,
    ) -> Gen<'a> {
        let mut asm = Asm::new();
        let end = asm.label();
        Gen {
            program,
            layout,
            opts,
            sites,
            rodata,
            probe,
            kind,
            asm,
            top: 0,
            high: 0,
            frames: Vec::new(),
            loops: Vec::new(),
            tries: Vec::new(),
            end,
            ctx_addr: 0,
            diags: Vec::new(),
            spans: Vec::new(),
            syscall: None,
            entry_map: None,
            entry_used: false,
            timing: None,
            started_at: 0,
            subprogs: Vec::new(),
            cb: None,
            stack_base: 16,
            flow: None,
        }
    }

    fn width(&self) -> u32 {
        self.layout.string_width
    }

    fn unsupported(&mut self, what: impl Into<String>, span: Span) -> G<()> {
        let what = what.into();
        self.diags.push(
            Diagnostic::error(
                Stage::Translate,
                UNSUPPORTED,
                format!("{what} is not supported in kernel probes"),
            )
            .with_primary(span, "needed here")
            .with_note(format!(
                "probe '{}' runs in the kernel as a BPF program",
                self.probe.pp
            ))
            .with_help(
                "move this computation into an `end` or `begin` probe, which run in userspace",
            ),
        );
        Err(())
    }

    /// Reserves `size` bytes of scratch (8-aligned).
    fn temp(&mut self, size: u32) -> G<u32> {
        let at = self.top;
        self.top = round8(self.top + size.max(1));
        if self.top > MAX_SCRATCH {
            self.diags.push(
                Diagnostic::error(
                    Stage::Translate,
                    TOO_BIG,
                    format!("probe needs more than {MAX_SCRATCH} bytes of per-CPU scratch memory"),
                )
                .with_primary(self.probe.span, "in this probe")
                .with_help("use fewer string temporaries, or a smaller MAXSTRINGLEN"),
            );
            return Err(());
        }
        self.high = self.high.max(self.top);
        Ok(at)
    }

    fn off(slot: u32) -> i16 {
        slot as i16
    }

    fn spill(&mut self, slot: u32, r: Reg) {
        self.asm.store(Size::U64, R7, Self::off(slot), r);
    }
    fn fill(&mut self, r: Reg, slot: u32) {
        self.asm.load(Size::U64, r, R7, Self::off(slot));
    }
    fn scratch_ptr(&mut self, r: Reg, slot: u32) {
        self.asm.mov(r, R7);
        self.asm.alu64_imm(Alu::Add, r, slot as i32);
    }

    // ----- program structure -----

    fn probe_body(&mut self) -> G<()> {
        let bail = self.asm.label();
        // Prologue: keep the context, find this CPU's scratch value.
        self.asm.mov(R6, R1);
        // System call probes need no number check: their dispatcher only tail-calls
        // them for their own call.
        // A stopping session runs no more handlers.
        self.asm.ld_map_value(R1, CONF_MAP, 0);
        self.asm.load(Size::U64, R1, R1, CONF_STATE as i16);
        self.asm.jmp_imm(Cond::Ne, R1, 0, bail);
        self.asm.store_imm(Size::U32, R10, -4, 0);
        self.asm.mov(R2, R10);
        self.asm.alu64_imm(Alu::Add, R2, -4);
        self.asm.ld_map(R1, SCRATCH_MAP);
        self.asm.call(h::MAP_LOOKUP_ELEM);
        self.asm.jmp_imm(Cond::Eq, R0, 0, bail);
        self.asm.mov(R7, R0);
        self.ctx_addr = self.temp(8)?;
        self.spill(self.ctx_addr, R6);
        self.process_filter(bail)?;
        if self.timing.is_some() {
            self.started_at = self.temp(8)?;
            self.asm.call(h::KTIME_GET_NS);
            self.spill(self.started_at, R0);
        }
        let probe = self.probe;
        let locals = self.alloc_locals(&probe.locals)?;
        self.frames.push(Frame {
            locals,
            ret: None,
            func: None,
            loops_base: 0,
        });
        if let Some(c) = &probe.condition {
            self.long(c)?;
            self.asm.jmp_imm(Cond::Eq, R0, 0, self.end);
        }
        self.block(&probe.body)?;
        self.asm.bind(self.end);
        if let Some((map, index)) = self.timing {
            // One more hit, and the time since the prologue, in this CPU's slot.
            self.asm.call(h::KTIME_GET_NS);
            self.fill(R1, self.started_at);
            self.asm.alu64_reg(Alu::Sub, R0, R1);
            self.spill(self.started_at, R0);
            self.asm.store_imm(Size::U32, R10, -4, index as i32);
            self.asm.mov(R2, R10);
            self.asm.alu64_imm(Alu::Add, R2, -4);
            self.asm.ld_map(R1, map);
            self.asm.call(h::MAP_LOOKUP_ELEM);
            self.asm.jmp_imm(Cond::Eq, R0, 0, bail);
            self.asm.load(Size::U64, R1, R0, 0);
            self.asm.alu64_imm(Alu::Add, R1, 1);
            self.asm.store(Size::U64, R0, 0, R1);
            self.asm.load(Size::U64, R1, R0, 8);
            self.fill(R2, self.started_at);
            self.asm.alu64_reg(Alu::Add, R1, R2);
            self.asm.store(Size::U64, R0, 8, R1);
        }
        self.asm.bind(bail);
        self.asm.mov_imm(R0, 0);
        self.asm.exit();
        Ok(())
    }

    fn alloc_locals(&mut self, locals: &[Local]) -> G<Vec<u32>> {
        let mut v = Vec::new();
        for l in locals {
            let size = if l.ty == Type::String {
                self.width()
            } else {
                8
            };
            let slot = self.temp(size)?;
            // Locals start as 0 or "".
            self.asm.store_imm(Size::U64, R7, Self::off(slot), 0);
            v.push(slot);
        }
        Ok(v)
    }

    fn local_slot(&self, id: LocalId) -> u32 {
        self.frames.last().unwrap().locals[id.0 as usize]
    }

    fn block(&mut self, b: &Block) -> G<()> {
        for s in &b.stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> G<()> {
        let mark = self.top;
        self.asm.line(self.spans.len() as u32);
        self.spans.push(s.span);
        match &s.kind {
            StmtKind::Block(b) => self.block(b)?,
            StmtKind::Expr(e) => {
                if e.ty == Type::String {
                    self.string(e)?;
                } else {
                    self.long(e)?;
                }
            }
            StmtKind::If { cond, then, els } => {
                let other = self.asm.label();
                let done = self.asm.label();
                self.long(cond)?;
                self.top = mark;
                self.asm.jmp_imm(Cond::Eq, R0, 0, other);
                self.stmt(then)?;
                self.asm.ja(done);
                self.asm.bind(other);
                if let Some(e) = els {
                    self.stmt(e)?;
                }
                self.asm.bind(done);
            }
            StmtKind::Loop { cond, step, body } => {
                let top = self.asm.label();
                let cont = self.asm.label();
                let brk = self.asm.label();
                let ok = self.asm.label();
                // Each loop counts its iterations in its own stack slot, which the
                // verifier tracks exactly (so it can prove the loop ends) and forgets
                // once the loop is left (so the states after it converge).
                let depth = self.loops.len() as i16;
                if depth >= 60 {
                    return self.unsupported("loops nested more than 60 deep", s.span);
                }
                let counter = -self.stack_base - 8 * depth;
                self.asm.store_imm(Size::U64, R10, counter, 0);
                self.asm.bind(top);
                self.asm.load(Size::U64, R1, R10, counter);
                self.asm.alu64_imm(Alu::Add, R1, 1);
                self.asm.store(Size::U64, R10, counter, R1);
                self.asm.jmp_imm(
                    Cond::Le,
                    R1,
                    self.opts.maxaction.min(i32::MAX as u64) as i32,
                    ok,
                );
                self.raise(rstap_code("R0002"), "MAXACTION exceeded".into(), s.span)?;
                self.asm.bind(ok);
                if let Some(c) = cond {
                    self.long(c)?;
                    self.top = mark;
                    self.asm.jmp_imm(Cond::Eq, R0, 0, brk);
                }
                self.loops.push((cont, brk));
                self.stmt(body)?;
                self.loops.pop();
                self.asm.bind(cont);
                if let Some(st) = step {
                    self.long_or_string(st)?;
                    self.top = mark;
                }
                self.asm.ja(top);
                self.asm.bind(brk);
            }
            StmtKind::Break | StmtKind::Continue => {
                let base = self.frames.last().map_or(0, |f| f.loops_base);
                if self.loops.len() <= base {
                    return self.unsupported("`break`/`continue` outside a loop", s.span);
                }
                let (cont, brk) = *self.loops.last().unwrap();
                self.asm.ja(if matches!(s.kind, StmtKind::Break) {
                    brk
                } else {
                    cont
                });
            }
            StmtKind::Next => {
                if self.frames.len() > 1 {
                    return self.unsupported("`next` in a function", s.span);
                }
                self.abort();
            }
            StmtKind::Foreach(f) => self.foreach(f, s.span)?,
            StmtKind::Return(v) => {
                let Some((slot, label)) = self.frames.last().and_then(|f| f.ret) else {
                    return self.unsupported("`return` outside a function", s.span);
                };
                if let Some(v) = v {
                    if v.ty == Type::String {
                        let sv = self.string(v)?;
                        self.copy_str(slot, sv, self.width())?;
                    } else {
                        self.long(v)?;
                        self.spill(slot, R0);
                    }
                }
                self.goto_return(label);
            }
            StmtKind::Delete(t) => self.delete(t, s.span)?,
            StmtKind::Try {
                body,
                catch_var,
                catch,
            } => {
                let err = self.temp(8)?;
                let addr = self.temp(8)?;
                let msg = self.temp(self.width())?;
                let catch_l = self.asm.label();
                let done = self.asm.label();
                self.tries.push(TryCtx {
                    catch: catch_l,
                    err,
                    addr,
                    msg,
                    raised: Vec::new(),
                });
                let r = self.block(body);
                let ctx = self.tries.pop().unwrap();
                r?;
                self.asm.ja(done);
                self.asm.bind(catch_l);
                if let Some(v) = catch_var {
                    let slot = self.local_slot(*v);
                    let set = self.asm.label();
                    for site in ctx.raised {
                        let next = self.asm.label();
                        self.fill(R1, err);
                        self.asm.jmp_imm(Cond::Ne, R1, site as i32, next);
                        match self.sites[site].kind.clone() {
                            SiteKind::Fault { prefix, suffix, .. } => {
                                self.fault_message(slot, &prefix, ctx.addr, &suffix)?;
                            }
                            SiteKind::NoStackFrame { user, .. } => {
                                let format =
                                    format!("{}%lld", rstap_ir::stacks::no_frame_prefix(user));
                                let msg =
                                    self.snprintf_slots(format.as_bytes(), &[(false, ctx.addr)])?;
                                self.copy_str(slot, msg, self.width())?;
                            }
                            SiteKind::ScriptError => {
                                let w = self.width();
                                self.copy_str(
                                    slot,
                                    Str {
                                        slot: ctx.msg,
                                        bound: w,
                                        padded: false,
                                    },
                                    w,
                                )?;
                            }
                            kind => {
                                let msg = match kind {
                                    SiteKind::Error { message, .. } => message,
                                    _ => String::new(),
                                };
                                let lit = self.literal(msg.as_bytes())?;
                                self.copy_str(slot, lit, self.width())?;
                            }
                        }
                        self.asm.ja(set);
                        self.asm.bind(next);
                    }
                    self.asm.bind(set);
                }
                self.block(catch)?;
                self.asm.bind(done);
            }
        }
        self.top = mark;
        Ok(())
    }

    fn long_or_string(&mut self, e: &Expr) -> G<()> {
        if e.ty == Type::String {
            self.string(e).map(|_| ())
        } else {
            self.long(e)
        }
    }

    /// Leaves the handler (after an error, `next` or `error()`); from a callback, stops
    /// the iteration and lets the caller leave.
    fn abort(&mut self) {
        match self.cb {
            Some(cb) => {
                self.asm
                    .store_imm(Size::U64, R7, Self::off(cb.flag), CB_ABORT);
                self.asm.ja(cb.stop);
            }
            None => self.asm.ja(self.end),
        }
    }

    /// Jumps to the innermost catch block, which may lie outside the callback.
    fn goto_catch(&mut self) {
        let catch = self.tries.last().expect("inside try").catch;
        match self.cb {
            Some(cb) if self.tries.len() <= cb.outer_tries => {
                self.asm
                    .store_imm(Size::U64, R7, Self::off(cb.flag), CB_CATCH);
                self.asm.ja(cb.stop);
            }
            _ => self.asm.ja(catch),
        }
    }

    /// Jumps to the end of the current function, which may lie outside the callback.
    fn goto_return(&mut self, label: Label) {
        match self.cb {
            Some(cb) if self.frames.len() <= cb.outer_frames => {
                self.asm
                    .store_imm(Size::U64, R7, Self::off(cb.flag), CB_RETURN);
                self.asm.ja(cb.stop);
            }
            _ => self.asm.ja(label),
        }
    }

    /// Generates a callback subprogram; `body` emits its code with `r7` = scratch and
    /// the map key/value pointers saved at r10-8/r10-16. Returns the subprogram index.
    fn callback(&mut self, flag: u32, body: &mut dyn FnMut(&mut Self, Label) -> G<()>) -> G<usize> {
        let outer_asm = std::mem::take(&mut self.asm);
        let outer_cb = self.cb;
        let outer_loops = std::mem::take(&mut self.loops);
        let outer_base = self.stack_base;
        let stop = self.asm.label();
        let next = self.asm.label();
        self.cb = Some(Callback {
            stop,
            flag,
            outer_tries: self.tries.len(),
            outer_frames: self.frames.len(),
        });
        self.stack_base = 32;
        self.asm.store(Size::U64, R10, -8, R2);
        self.asm.store(Size::U64, R10, -16, R3);
        self.asm.store_imm(Size::U32, R10, -20, 0);
        self.asm.mov(R2, R10);
        self.asm.alu64_imm(Alu::Add, R2, -20);
        self.asm.ld_map(R1, SCRATCH_MAP);
        self.asm.call(h::MAP_LOOKUP_ELEM);
        self.asm.jmp_imm(Cond::Eq, R0, 0, stop);
        self.asm.mov(R7, R0);
        let r = body(self, next);
        self.asm.bind(next);
        self.asm.mov_imm(R0, 0);
        self.asm.exit();
        self.asm.bind(stop);
        self.asm.mov_imm(R0, 1);
        self.asm.exit();
        let code = std::mem::replace(&mut self.asm, outer_asm).finish();
        self.cb = outer_cb;
        self.loops = outer_loops;
        self.stack_base = outer_base;
        r?;
        let code = code.map_err(|e| {
            self.diags.push(
                Diagnostic::error(Stage::Translate, TOO_BIG, e.to_string())
                    .with_primary(self.probe.span, "in this probe"),
            );
        })?;
        self.subprogs.push(code);
        Ok(self.subprogs.len() - 1)
    }

    /// Calls `bpf_for_each_map_elem(map of g, callback)` and acts on why it stopped.
    fn for_each(&mut self, g: GlobalId, sub: usize, flag: u32) {
        self.asm.ld_map(R1, self.layout.global(g).map);
        self.asm.ld_func(R2, sub);
        self.asm.mov_imm(R3, 0);
        self.asm.mov_imm(R4, 0);
        self.asm.call(h::FOR_EACH_MAP_ELEM);
        let done = self.asm.label();
        self.fill(R1, flag);
        self.asm.jmp_imm(Cond::Eq, R1, 0, done);
        let not_abort = self.asm.label();
        self.asm.jmp_imm(Cond::Ne, R1, CB_ABORT, not_abort);
        self.abort();
        self.asm.bind(not_abort);
        if !self.tries.is_empty() {
            let not_catch = self.asm.label();
            self.fill(R1, flag);
            self.asm.jmp_imm(Cond::Ne, R1, CB_CATCH, not_catch);
            self.goto_catch();
            self.asm.bind(not_catch);
        }
        if let Some((_, label)) = self.frames.last().and_then(|f| f.ret) {
            self.goto_return(label);
        }
        self.asm.bind(done);
    }

    /// Unsorted `foreach ([k...] in A [limit N])` over a plain array, as a
    /// `bpf_for_each_map_elem` callback.
    fn foreach(&mut self, f: &Foreach, span: Span) -> G<()> {
        let ForeachSource::Array(g) = f.source else {
            return self.unsupported("`foreach` over histogram buckets", span);
        };
        if f.sort.is_some() {
            return self.unsupported("a sorted `foreach`", span);
        }
        if f.slice.is_some() {
            return self.unsupported("a `foreach` over a slice", span);
        }
        let layout = self.layout.global(g).clone();
        if f.value.is_some() && matches!(layout.value, ValueLayout::Stat(_)) {
            return self.unsupported("a statistic as the `foreach` value", span);
        }
        let flag = self.temp(8)?;
        self.asm.store_imm(Size::U64, R7, Self::off(flag), 0);
        let limit = match &f.limit {
            Some(l) => {
                let lim = self.temp(16)?;
                self.long(l)?;
                self.spill(lim, R0);
                self.asm.store_imm(Size::U64, R7, Self::off(lim + 8), 0);
                Some(lim)
            }
            None => None,
        };
        let keys: Vec<u32> = f.keys.iter().map(|k| self.local_slot(*k)).collect();
        let value = f.value.map(|v| self.local_slot(v));
        let w = self.width();
        let sub = self.callback(flag, &mut |cg: &mut Self, next: Label| {
            let stop = cg.cb.unwrap().stop;
            if let Some(lim) = limit {
                cg.fill(R1, lim + 8);
                cg.fill(R2, lim);
                cg.asm.jmp_reg(Cond::Sge, R1, R2, stop);
                cg.asm.alu64_imm(Alu::Add, R1, 1);
                cg.spill(lim + 8, R1);
            }
            for (slot, field) in keys.iter().zip(&layout.keys) {
                cg.asm.load(Size::U64, R3, R10, -8);
                if field.ty == Type::String {
                    cg.asm.alu64_imm(Alu::Add, R3, field.offset as i32);
                    cg.scratch_ptr(R1, *slot);
                    cg.asm.mov_imm(R2, field.width.min(w) as i32);
                    cg.asm.call(h::PROBE_READ_KERNEL_STR);
                } else {
                    cg.asm.load(Size::U64, R1, R3, field.offset as i16);
                    cg.spill(*slot, R1);
                }
            }
            if let Some(v) = value {
                cg.asm.load(Size::U64, R3, R10, -16);
                if matches!(layout.value, ValueLayout::Str(_)) {
                    cg.scratch_ptr(R1, v);
                    cg.asm.mov_imm(R2, w as i32);
                    cg.asm.call(h::PROBE_READ_KERNEL_STR);
                } else {
                    cg.asm.load(Size::U64, R1, R3, 0);
                    cg.spill(v, R1);
                }
            }
            cg.loops.push((next, stop));
            let r = cg.stmt(&f.body);
            cg.loops.pop();
            r
        })?;
        self.for_each(g, sub, flag);
        Ok(())
    }

    /// Reports a runtime error: inside `try` it jumps to the catch block, otherwise it
    /// sends the error record and leaves the handler.
    fn raise(&mut self, code: Code, message: String, span: Span) -> G<()> {
        let site = self.sites.len();
        self.sites.push(Site {
            kind: SiteKind::Error { code, message },
            args: vec![],
            span,
            size: RECORD_HEADER,
        });
        if let Some(t) = self.tries.last_mut() {
            t.raised.push(site);
            let err = t.err;
            self.asm.mov_imm(R1, site as i32);
            self.spill(err, R1);
            self.goto_catch();
            return Ok(());
        }
        if self.opts.stop_on_error {
            self.set_state(2);
        }
        let rec = self.temp(RECORD_HEADER)?;
        self.asm
            .store_imm(Size::U64, R7, Self::off(rec), site as i32);
        self.output(rec, RECORD_HEADER, true);
        self.abort();
        Ok(())
    }

    /// Reports a read fault at the address in scratch slot `addr`.
    fn raise_fault(&mut self, what: &str, addr: u32, span: Span) -> G<()> {
        let kind = SiteKind::Fault {
            code: rstap_code("R0011"),
            prefix: format!("{what} copy fault at "),
            suffix: " [man error::fault]".into(),
        };
        self.raise_with_value(kind, addr, span)
    }

    /// Raises the error of site `kind`, whose record carries the long in scratch slot
    /// `value`: caught by the innermost `try`, or reported and the handler ends.
    pub(crate) fn raise_with_value(&mut self, kind: SiteKind, value: u32, span: Span) -> G<()> {
        let site = self.sites.len();
        self.sites.push(Site {
            kind,
            args: vec![ArgSlot {
                ty: Type::Long,
                offset: RECORD_HEADER,
                width: 8,
            }],
            span,
            size: RECORD_HEADER + 8,
        });
        if let Some(t) = self.tries.last_mut() {
            t.raised.push(site);
            let (err, slot) = (t.err, t.addr);
            self.asm.mov_imm(R1, site as i32);
            self.spill(err, R1);
            self.fill(R1, value);
            self.spill(slot, R1);
            self.goto_catch();
            return Ok(());
        }
        if self.opts.stop_on_error {
            self.set_state(2);
        }
        let rec = self.temp(RECORD_HEADER + 8)?;
        self.asm
            .store_imm(Size::U64, R7, Self::off(rec), site as i32);
        self.fill(R1, value);
        self.spill(rec + RECORD_HEADER, R1);
        self.output(rec, RECORD_HEADER + 8, true);
        self.abort();
        Ok(())
    }

    /// `dst = prefix . sprintf("0x%x", scratch[addr]) . suffix` (a caught fault's text).
    fn fault_message(&mut self, dst: u32, prefix: &str, addr: u32, suffix: &str) -> G<()> {
        // Hex digits right to left into 16 bytes; r2 ends at the most significant one.
        let digits = self.temp(24)?;
        self.asm.store_imm(Size::U64, R7, Self::off(digits + 16), 0);
        self.fill(R1, addr);
        self.asm.mov_imm(R2, 15);
        for i in 0..16u32 {
            let keep = self.asm.label();
            if i > 0 {
                self.asm.jmp_imm(Cond::Eq, R1, 0, keep);
                self.asm.mov_imm(R2, 15 - i as i32);
                self.asm.bind(keep);
            }
            let letter = self.asm.label();
            let put = self.asm.label();
            self.asm.mov(R3, R1);
            self.asm.alu64_imm(Alu::And, R3, 15);
            self.asm.jmp_imm(Cond::Ge, R3, 10, letter);
            self.asm.alu64_imm(Alu::Add, R3, b'0' as i32);
            self.asm.ja(put);
            self.asm.bind(letter);
            self.asm.alu64_imm(Alu::Add, R3, b'a' as i32 - 10);
            self.asm.bind(put);
            self.asm.store(Size::U8, R7, Self::off(digits + 15 - i), R3);
            self.asm.alu64_imm(Alu::Rsh, R1, 4);
        }
        let bounded = self.asm.label();
        self.asm.jmp_imm(Cond::Le, R2, 15, bounded);
        self.asm.mov_imm(R2, 15);
        self.asm.bind(bounded);
        let start = self.temp(8)?;
        self.spill(start, R2);
        let hex = self.temp(24)?;
        self.scratch_ptr(R1, hex);
        self.asm.mov_imm(R2, 17);
        self.scratch_ptr(R3, digits);
        self.fill(R4, start);
        let ok = self.asm.label();
        self.asm.jmp_imm(Cond::Le, R4, 15, ok);
        self.asm.mov_imm(R4, 15);
        self.asm.bind(ok);
        self.asm.alu64_reg(Alu::Add, R3, R4);
        self.asm.call(h::PROBE_READ_KERNEL_STR);
        let head = self.literal(format!("{prefix}0x").as_bytes())?;
        let with_hex = self.concat_slots(
            head,
            Str {
                slot: hex,
                bound: 17,
                padded: false,
            },
        )?;
        let tail = self.literal(suffix.as_bytes())?;
        let all = self.concat_slots(with_hex, tail)?;
        self.copy_str(dst, all, self.width())
    }

    /// `kernel_string`/`user_string` and their `_n` and default-message forms.
    fn read_string(&mut self, user: bool, name: &str, args: &[Expr], span: Span) -> G<Str> {
        let w = self.width();
        let addr = self.long_slot(&args[0])?;
        let size = self.temp(8)?;
        let limited = name.ends_with("_n");
        if limited {
            // n bytes at most, and never more than the string buffer holds.
            let lo = self.asm.label();
            let hi = self.asm.label();
            self.long(&args[1])?;
            self.asm.jmp_imm(Cond::Sge, R0, 0, lo);
            self.asm.mov_imm(R0, 0);
            self.asm.bind(lo);
            self.asm.jmp_imm(Cond::Le, R0, w as i32 - 1, hi);
            self.asm.mov_imm(R0, w as i32 - 1);
            self.asm.bind(hi);
            self.asm.alu64_imm(Alu::Add, R0, 1);
            self.spill(size, R0);
        }
        let t = self.temp(w)?;
        self.scratch_ptr(R1, t);
        if limited {
            self.fill(R2, size);
            let ok = self.asm.label();
            // Re-establish the bounds for the verifier after the reload.
            self.asm.jmp_imm(Cond::Le, R2, w as i32, ok);
            self.asm.mov_imm(R2, w as i32);
            self.asm.bind(ok);
            let pos = self.asm.label();
            self.asm.jmp_imm(Cond::Sgt, R2, 0, pos);
            self.asm.mov_imm(R2, 1);
            self.asm.bind(pos);
        } else {
            self.asm.mov_imm(R2, w as i32);
        }
        self.fill(R3, addr);
        self.asm.call(if user {
            h::PROBE_READ_USER_STR
        } else {
            h::PROBE_READ_KERNEL_STR
        });
        let ok = self.asm.label();
        self.asm.jmp_imm(Cond::Sge, R0, 0, ok);
        if args.len() == 2 && !limited {
            let fallback = self.string(&args[1])?;
            self.copy_str(t, fallback, w)?;
        } else {
            let what = if user { "user string" } else { "kernel string" };
            self.raise_fault(what, addr, span)?;
        }
        self.asm.bind(ok);
        Ok(Str {
            slot: t,
            bound: w,
            padded: false,
        })
    }

    /// A name from a table of fixed-width entries kept in the read-only map, or
    /// `fallback` (a `bpf_snprintf` format of the number) outside the table. `abs`
    /// looks up the magnitude (`errno_str(-2)` is `ENOENT`).
    fn name_table(&mut self, arg: &Expr, table: &NameTable, abs: bool, fallback: &[u8]) -> G<Str> {
        let w = self.width();
        let n = self.long_slot(arg)?;
        if abs {
            let pos = self.asm.label();
            self.fill(R1, n);
            self.asm.jmp_imm(Cond::Sge, R1, 0, pos);
            self.asm.neg(R1);
            self.spill(n, R1);
            self.asm.bind(pos);
        }
        let at = self.rodata_table(table);
        let dst = self.temp(w)?;
        let other = self.asm.label();
        let done = self.asm.label();
        self.fill(R3, n);
        self.asm.jmp_imm(Cond::Gt, R3, table.len as i32 - 1, other);
        self.asm.alu64_imm(Alu::Mul, R3, NAME_WIDTH as i32);
        self.asm.ld_map_value(R1, self.layout.rodata_map, at as i32);
        self.asm.alu64_reg(Alu::Add, R3, R1);
        self.scratch_ptr(R1, dst);
        self.asm.mov_imm(R2, NAME_WIDTH.min(w) as i32);
        self.asm.call(h::PROBE_READ_KERNEL_STR);
        // An empty entry is a gap in the table.
        self.asm.load(Size::U8, R1, R7, Self::off(dst));
        self.asm.jmp_imm(Cond::Ne, R1, 0, done);
        self.asm.bind(other);
        self.snprintf_to(dst, fallback, n, 1);
        self.asm.bind(done);
        Ok(Str {
            slot: dst,
            bound: w,
            padded: false,
        })
    }

    /// Where `table` starts in the read-only map, adding it on first use.
    fn rodata_table(&mut self, table: &NameTable) -> usize {
        let bytes = table.bytes();
        if let Some(at) = (0..self.rodata.len())
            .step_by(8)
            .find(|&i| self.rodata[i..].starts_with(&bytes))
        {
            return at;
        }
        while !self.rodata.len().is_multiple_of(8) {
            self.rodata.push(0);
        }
        let at = self.rodata.len();
        self.rodata.extend_from_slice(&bytes);
        at
    }

    /// `user_string_quoted(addr)`: the user string in double quotes with C escapes,
    /// `"..."...` when it does not fit the string width, `NULL` for address 0 and the
    /// address in hex when it cannot be read. The escaping runs in a `bpf_loop`
    /// callback, one byte per iteration.
    fn user_string_quoted(&mut self, arg: &Expr) -> G<Str> {
        let w = self.width();
        if w < 16 {
            self.unsupported("`user_string_quoted` with MAXSTRINGLEN below 16", arg.span)?;
        }
        let addr = self.long_slot(arg)?;
        let src = self.temp(w)?;
        let dst = self.temp(w)?;
        // length so far, cut position for a truncated result (-1 unset), end flag
        let st = self.temp(24)?;
        let done = self.asm.label();
        let nonnull = self.asm.label();
        self.fill(R1, addr);
        self.asm.jmp_imm(Cond::Ne, R1, 0, nonnull);
        let null = self.literal(b"NULL")?;
        self.copy_str(dst, null, w)?;
        self.asm.ja(done);
        self.asm.bind(nonnull);
        let readable = self.asm.label();
        self.scratch_ptr(R1, src);
        self.asm.mov_imm(R2, w as i32);
        self.fill(R3, addr);
        self.asm.call(h::PROBE_READ_USER_STR);
        self.asm.jmp_imm(Cond::Sge, R0, 0, readable);
        // Unreadable: the address itself.
        self.snprintf_to(dst, b"0x%llx", addr, 1);
        self.asm.ja(done);
        self.asm.bind(readable);
        self.asm.store_imm(Size::U64, R7, Self::off(st), 0);
        self.asm.store_imm(Size::U64, R7, Self::off(st + 8), -1);
        self.asm.store_imm(Size::U64, R7, Self::off(st + 16), 0);
        let sub = self.escape_callback(src, dst, st)?;
        self.asm.mov_imm(R1, w as i32 - 1);
        self.asm.ld_func(R2, sub);
        self.asm.mov_imm(R3, 0);
        self.asm.mov_imm(R4, 0);
        self.asm.call(h::LOOP);
        let budget = (w - 3) as i32;
        let cut = self.asm.label();
        let close = self.asm.label();
        self.asm.load(Size::U64, R1, R7, Self::off(st + 16));
        self.asm.jmp_imm(Cond::Eq, R1, 2, cut);
        // Whole string: `"` body `"`.
        let fits = self.asm.label();
        self.asm.load(Size::U64, R2, R7, Self::off(st));
        self.asm.jmp_imm(Cond::Le, R2, budget, fits);
        self.asm.mov_imm(R2, budget);
        self.asm.bind(fits);
        self.asm.mov(R3, R7);
        self.asm.alu64_reg(Alu::Add, R3, R2);
        self.asm
            .store_imm(Size::U8, R3, Self::off(dst + 1), b'"' as i32);
        self.asm.store_imm(Size::U8, R3, Self::off(dst + 2), 0);
        self.asm.ja(close);
        // Truncated: `"` body `"...`, the body cut to leave room for the dots.
        self.asm.bind(cut);
        let fits = self.asm.label();
        self.asm.load(Size::U64, R2, R7, Self::off(st + 8));
        self.asm.jmp_imm(Cond::Le, R2, budget - 3, fits);
        self.asm.mov_imm(R2, budget - 3);
        self.asm.bind(fits);
        self.asm.mov(R3, R7);
        self.asm.alu64_reg(Alu::Add, R3, R2);
        for (i, b) in b"\"...\0".iter().enumerate() {
            self.asm
                .store_imm(Size::U8, R3, Self::off(dst + 1 + i as u32), *b as i32);
        }
        self.asm.bind(close);
        self.asm
            .store_imm(Size::U8, R7, Self::off(dst), b'"' as i32);
        self.asm.bind(done);
        Ok(Str {
            slot: dst,
            bound: w,
            padded: false,
        })
    }

    /// The `bpf_loop` callback of [`Self::user_string_quoted`]: escapes byte `index` of
    /// `src` onto the body at `dst + 1`. State in scratch at `st`: the body length, the
    /// longest length that still leaves room for `"...` (set once), and how the loop
    /// ended (1 the string ended, 2 the body is full).
    fn escape_callback(&mut self, src: u32, dst: u32, st: u32) -> G<usize> {
        let w = self.width();
        let budget = (w - 3) as i32;
        let mut a = Asm::new();
        let stop = a.label();
        a.mov(R6, R1);
        a.store_imm(Size::U32, R10, -4, 0);
        a.mov(R2, R10);
        a.alu64_imm(Alu::Add, R2, -4);
        a.ld_map(R1, SCRATCH_MAP);
        a.call(h::MAP_LOOKUP_ELEM);
        a.jmp_imm(Cond::Eq, R0, 0, stop);
        a.mov(R7, R0);
        a.jmp_imm(Cond::Gt, R6, w as i32 - 2, stop);
        a.mov(R1, R7);
        a.alu64_reg(Alu::Add, R1, R6);
        a.load(Size::U8, R1, R1, Self::off(src));
        let not_end = a.label();
        a.jmp_imm(Cond::Ne, R1, 0, not_end);
        a.store_imm(Size::U64, R7, Self::off(st + 16), 1);
        a.ja(stop);
        a.bind(not_end);
        a.load(Size::U64, R2, R7, Self::off(st));
        let (single, pair, octal, full) = (a.label(), a.label(), a.label(), a.label());
        // Classify: printable, a named escape (second byte in r5), or octal.
        let control = a.label();
        a.jmp_imm(Cond::Lt, R1, 0x20, control);
        a.jmp_imm(Cond::Gt, R1, 0x7e, octal);
        a.mov(R5, R1);
        for c in [b'"', b'\'', b'\\'] {
            a.jmp_imm(Cond::Eq, R1, c as i32, pair);
        }
        a.ja(single);
        a.bind(control);
        for (c, letter) in [
            (b'\n', b'n'),
            (b'\t', b't'),
            (b'\r', b'r'),
            (0x0b, b'v'),
            (0x0c, b'f'),
            (0x08, b'b'),
            (0x07, b'a'),
        ] {
            let next = a.label();
            a.jmp_imm(Cond::Ne, R1, c as i32, next);
            a.mov_imm(R5, letter as i32);
            a.ja(pair);
            a.bind(next);
        }
        a.ja(octal);
        // Each piece: room check, the cut position once the dots no longer fit, bytes.
        let piece = |a: &mut Asm, len: i32, bytes: &dyn Fn(&mut Asm)| {
            a.jmp_imm(Cond::Gt, R2, budget - len, full);
            let keep = a.label();
            a.jmp_imm(Cond::Le, R2, budget - 3 - len, keep);
            a.load(Size::U64, R3, R7, Self::off(st + 8));
            a.jmp_imm(Cond::Sge, R3, 0, keep);
            a.store(Size::U64, R7, Self::off(st + 8), R2);
            a.bind(keep);
            a.mov(R4, R7);
            a.alu64_reg(Alu::Add, R4, R2);
            bytes(a);
            a.alu64_imm(Alu::Add, R2, len);
            a.store(Size::U64, R7, Self::off(st), R2);
            a.mov_imm(R0, 0);
            a.exit();
        };
        a.bind(single);
        piece(&mut a, 1, &|a| {
            a.store(Size::U8, R4, Self::off(dst + 1), R1)
        });
        a.bind(pair);
        piece(&mut a, 2, &|a| {
            a.store_imm(Size::U8, R4, Self::off(dst + 1), b'\\' as i32);
            a.store(Size::U8, R4, Self::off(dst + 2), R5);
        });
        a.bind(octal);
        piece(&mut a, 4, &|a| {
            a.store_imm(Size::U8, R4, Self::off(dst + 1), b'\\' as i32);
            for (i, shift) in [6, 3, 0].into_iter().enumerate() {
                a.mov(R5, R1);
                a.alu64_imm(Alu::Rsh, R5, shift);
                a.alu64_imm(Alu::And, R5, 7);
                a.alu64_imm(Alu::Add, R5, b'0' as i32);
                a.store(Size::U8, R4, Self::off(dst + 2 + i as u32), R5);
            }
        });
        a.bind(full);
        a.store_imm(Size::U64, R7, Self::off(st + 16), 2);
        a.bind(stop);
        a.mov_imm(R0, 1);
        a.exit();
        let code = a.finish().map_err(|e| {
            self.diags.push(
                Diagnostic::error(Stage::Translate, TOO_BIG, e.to_string())
                    .with_primary(self.probe.span, "in this probe"),
            );
        })?;
        self.subprogs.push(code);
        Ok(self.subprogs.len() - 1)
    }

    /// `kernel_long` and friends: `size` bytes at an address, sign-extended.
    fn read_number(
        &mut self,
        user: bool,
        what: &str,
        size: u32,
        args: &[Expr],
        span: Span,
    ) -> G<()> {
        let addr = self.long_slot(&args[0])?;
        let t = self.temp(8)?;
        self.asm.store_imm(Size::U64, R7, Self::off(t), 0);
        self.scratch_ptr(R1, t);
        self.asm.mov_imm(R2, size as i32);
        self.fill(R3, addr);
        self.asm.call(if user {
            h::PROBE_READ_USER
        } else {
            h::PROBE_READ_KERNEL
        });
        let ok = self.asm.label();
        self.asm.jmp_imm(Cond::Sge, R0, 0, ok);
        let side = if user { "user" } else { "kernel" };
        self.raise_fault(&format!("{side} {what}"), addr, span)?;
        self.asm.bind(ok);
        self.fill(R0, t);
        if size < 8 {
            let bits = 64 - 8 * size as i32;
            self.asm.alu64_imm(Alu::Lsh, R0, bits);
            self.asm.alu64_imm(Alu::Arsh, R0, bits);
        }
        Ok(())
    }

    /// Marks the session as stopping, so that no handler starts any more.
    fn set_state(&mut self, state: i32) {
        self.asm.ld_map_value(R1, CONF_MAP, 0);
        self.asm.store_imm(Size::U64, R1, CONF_STATE as i16, state);
    }

    /// `bpf_ringbuf_output(record)`, counting a lost record when the buffer is full.
    ///
    /// Output records do not wake the reader (it polls every few milliseconds, which
    /// spares the producer a wake-up per record); errors and `exit()` wake it at once.
    fn output(&mut self, rec: u32, size: u32, urgent: bool) {
        const BPF_RB_NO_WAKEUP: i32 = 1;
        const BPF_RB_FORCE_WAKEUP: i32 = 2;
        let ok = self.asm.label();
        self.asm.ld_map(R1, RINGBUF_MAP);
        self.scratch_ptr(R2, rec);
        self.asm.mov_imm(R3, size as i32);
        self.asm.mov_imm(
            R4,
            if urgent {
                BPF_RB_FORCE_WAKEUP
            } else {
                BPF_RB_NO_WAKEUP
            },
        );
        self.asm.call(h::RINGBUF_OUTPUT);
        self.asm.jmp_imm(Cond::Eq, R0, 0, ok);
        self.asm.ld_map_value(R1, STATS_MAP, 0);
        self.asm.mov_imm(R2, 1);
        self.asm.atomic_add(R1, STATS_LOST as i16, R2);
        self.asm.bind(ok);
    }

    // ----- longs -----

    fn long(&mut self, e: &Expr) -> G<()> {
        match &e.kind {
            ExprKind::Long(v) => self.asm.load_const(R0, *v),
            ExprKind::Local(id) => {
                let slot = self.local_slot(*id);
                self.fill(R0, slot);
            }
            ExprKind::Global(g) => {
                self.asm.ld_map_value(R1, self.layout.global(*g).map, 0);
                self.asm.load(Size::U64, R0, R1, 0);
            }
            ExprKind::Element { array, keys } => {
                let key = self.key(*array, keys)?;
                let missing = self.asm.label();
                let done = self.asm.label();
                self.lookup(*array, key);
                self.asm.jmp_imm(Cond::Eq, R0, 0, missing);
                self.asm.load(Size::U64, R0, R0, 0);
                self.asm.ja(done);
                self.asm.bind(missing);
                self.asm.mov_imm(R0, 0);
                self.asm.bind(done);
            }
            ExprKind::In { array, keys } => {
                let Some(keys) = keys.iter().cloned().collect::<Option<Vec<Expr>>>() else {
                    return self.unsupported("a `*` wildcard in `in`", e.span);
                };
                let key = self.key(*array, &keys)?;
                self.lookup(*array, key);
                self.bool_of(R0, Cond::Ne, 0);
            }
            ExprKind::Unary { op, operand } => {
                self.long(operand)?;
                match op {
                    UnaryOp::Neg => self.asm.neg(R0),
                    UnaryOp::BitNot => self.asm.alu64_imm(Alu::Xor, R0, -1),
                    UnaryOp::Not => self.bool_of(R0, Cond::Eq, 0),
                }
            }
            ExprKind::Binary { op, lhs, rhs } => self.binary(*op, lhs, rhs, e.span)?,
            ExprKind::Compare { op, lhs, rhs } => {
                let cond = match op {
                    CompareOp::Lt => Cond::Slt,
                    CompareOp::Le => Cond::Sle,
                    CompareOp::Gt => Cond::Sgt,
                    CompareOp::Ge => Cond::Sge,
                    CompareOp::Eq => Cond::Eq,
                    CompareOp::Ne => Cond::Ne,
                };
                if lhs.ty == Type::String {
                    self.refuse_token_comparison(*op, lhs, rhs, e.span)?;
                    let a = self.string(lhs)?;
                    let b = self.string(rhs)?;
                    self.strcmp(a, b);
                    self.bool_of(R0, cond, 0);
                } else {
                    self.long(lhs)?;
                    let t = self.temp(8)?;
                    self.spill(t, R0);
                    self.long(rhs)?;
                    self.asm.mov(R1, R0);
                    self.fill(R0, t);
                    let yes = self.asm.label();
                    let done = self.asm.label();
                    self.asm.jmp_reg(cond, R0, R1, yes);
                    self.asm.mov_imm(R0, 0);
                    self.asm.ja(done);
                    self.asm.bind(yes);
                    self.asm.mov_imm(R0, 1);
                    self.asm.bind(done);
                }
            }
            ExprKind::Logical { and, lhs, rhs } => {
                let short = self.asm.label();
                let done = self.asm.label();
                self.long(lhs)?;
                self.asm
                    .jmp_imm(if *and { Cond::Eq } else { Cond::Ne }, R0, 0, short);
                self.long(rhs)?;
                self.bool_of(R0, Cond::Ne, 0);
                self.asm.ja(done);
                self.asm.bind(short);
                self.asm.mov_imm(R0, if *and { 0 } else { 1 });
                self.asm.bind(done);
            }
            ExprKind::Ternary { cond, then, els } => {
                let other = self.asm.label();
                let done = self.asm.label();
                self.long(cond)?;
                self.asm.jmp_imm(Cond::Eq, R0, 0, other);
                self.long(then)?;
                self.asm.ja(done);
                self.asm.bind(other);
                self.long(els)?;
                self.asm.bind(done);
            }
            ExprKind::Assign { target, op, value } => {
                if e.ty == Type::String || value.ty == Type::String {
                    self.assign_string(target, *op, value, e.span)?;
                } else {
                    self.assign_long(target, *op, value, e.span)?;
                }
            }
            ExprKind::IncDec {
                target,
                increment,
                prefix,
            } => {
                let one = Expr::new(
                    ExprKind::Long(if *increment { 1 } else { -1 }),
                    Type::Long,
                    e.span,
                );
                self.assign_long(target, Some(CompoundOp::Arith(BinaryOp::Add)), &one, e.span)?;
                if !*prefix {
                    self.asm
                        .alu64_imm(Alu::Sub, R0, if *increment { 1 } else { -1 });
                }
            }
            ExprKind::Aggregate { stat, value } => self.aggregate(stat, value, e.span)?,
            ExprKind::Call { func, args } => {
                self.call(*func, args, e.span)?;
            }
            ExprKind::Print { kind, args } => {
                if kind.to_string {
                    return self.unsupported("`sprint`", e.span);
                }
                let mut vals = Vec::new();
                for a in args {
                    match a {
                        PrintArg::Value(v) => vals.push(v),
                        PrintArg::Histogram(_) => {
                            return self.unsupported("printing a histogram", e.span);
                        }
                    }
                }
                self.record(
                    SiteKind::Print {
                        kind: *kind,
                        delimiter: None,
                    },
                    &vals,
                    e.span,
                )?;
                self.asm.mov_imm(R0, 0);
            }
            ExprKind::PrintDelimited {
                kind,
                delimiter,
                args,
            } => {
                if kind.to_string {
                    return self.unsupported("`sprintd`", e.span);
                }
                let vals: Vec<&Expr> = args.iter().collect();
                self.record(
                    SiteKind::Print {
                        kind: *kind,
                        delimiter: Some(delimiter.clone()),
                    },
                    &vals,
                    e.span,
                )?;
                self.asm.mov_imm(R0, 0);
            }
            ExprKind::Printf {
                to_string,
                format,
                args,
            } => {
                if *to_string {
                    return self.unsupported("`sprintf`", e.span);
                }
                let vals: Vec<&Expr> = args.iter().collect();
                self.record(
                    SiteKind::Printf {
                        format: format.clone(),
                    },
                    &vals,
                    e.span,
                )?;
                self.asm.mov_imm(R0, 0);
            }
            ExprKind::StatGet { op, stat } => self.stat_get(*op, stat, e.span)?,
            ExprKind::HistogramBucket { .. } => {
                return self.unsupported("reading a histogram bucket", e.span);
            }
            ExprKind::Regex { .. } => {
                return self.unsupported("regular expression matching", e.span);
            }
            ExprKind::String(_) | ExprKind::Concat { .. } => {
                return self.unsupported("a string where a number is needed", e.span);
            }
        }
        Ok(())
    }

    /// Evaluates a long into a fresh scratch slot.
    fn long_slot(&mut self, e: &Expr) -> G<u32> {
        let t = self.temp(8)?;
        self.long(e)?;
        self.spill(t, R0);
        Ok(t)
    }

    /// `r = (r <cond> imm) ? 1 : 0`.
    fn bool_of(&mut self, r: Reg, cond: Cond, imm: i32) {
        let yes = self.asm.label();
        let done = self.asm.label();
        self.asm.jmp_imm(cond, r, imm, yes);
        self.asm.mov_imm(r, 0);
        self.asm.ja(done);
        self.asm.bind(yes);
        self.asm.mov_imm(r, 1);
        self.asm.bind(done);
    }

    fn binary(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr, span: Span) -> G<()> {
        // A small constant right operand needs no temporary.
        if let ExprKind::Long(k) = rhs.kind
            && k == k as i32 as i64
            && !(matches!(op, BinaryOp::Div | BinaryOp::Mod) && k == 0)
        {
            self.long(lhs)?;
            let k = k as i32;
            match op {
                BinaryOp::Div | BinaryOp::Mod => {
                    self.asm.mov_imm(R1, k);
                    self.asm.sdiv_reg(op == BinaryOp::Mod, R0, R1);
                }
                BinaryOp::Shl | BinaryOp::Shr | BinaryOp::UShr => {
                    let alu = match op {
                        BinaryOp::Shl => Alu::Lsh,
                        BinaryOp::Shr => Alu::Arsh,
                        _ => Alu::Rsh,
                    };
                    self.asm.alu64_imm(alu, R0, k & 63);
                }
                _ => self.asm.alu64_imm(alu_of(op), R0, k),
            }
            return Ok(());
        }
        self.long(lhs)?;
        let t = self.temp(8)?;
        self.spill(t, R0);
        self.long(rhs)?;
        self.asm.mov(R1, R0);
        self.apply(op, t, span)
    }

    /// `r0 = scratch[t] op r1`.
    fn apply(&mut self, op: BinaryOp, t: u32, span: Span) -> G<()> {
        if matches!(op, BinaryOp::Div | BinaryOp::Mod) {
            let ok = self.asm.label();
            self.asm.jmp_imm(Cond::Ne, R1, 0, ok);
            self.raise(rstap_code("R0001"), "division by 0".into(), span)?;
            self.asm.bind(ok);
            self.fill(R0, t);
            self.asm.sdiv_reg(op == BinaryOp::Mod, R0, R1);
            return Ok(());
        }
        self.fill(R0, t);
        match op {
            BinaryOp::Shl | BinaryOp::Shr | BinaryOp::UShr => {
                self.asm.alu64_imm(Alu::And, R1, 63);
                let alu = match op {
                    BinaryOp::Shl => Alu::Lsh,
                    BinaryOp::Shr => Alu::Arsh,
                    _ => Alu::Rsh,
                };
                self.asm.alu64_reg(alu, R0, R1);
            }
            _ => self.asm.alu64_reg(alu_of(op), R0, R1),
        }
        Ok(())
    }

    /// `r0 = map lookup of the key at scratch `key``.
    fn lookup(&mut self, g: GlobalId, key: u32) {
        self.asm.ld_map(R1, self.layout.global(g).map);
        self.scratch_ptr(R2, key);
        self.asm.call(h::MAP_LOOKUP_ELEM);
    }

    /// `r0 = update(map, key, value, flags)`.
    fn update(&mut self, g: GlobalId, key: u32, value: u32, flags: i32) {
        self.asm.ld_map(R1, self.layout.global(g).map);
        self.scratch_ptr(R2, key);
        self.scratch_ptr(R3, value);
        self.asm.mov_imm(R4, flags);
        self.asm.call(h::MAP_UPDATE_ELEM);
    }

    fn overflow_check(&mut self, g: GlobalId, span: Span) -> G<()> {
        let ok = self.asm.label();
        self.asm.jmp_imm(Cond::Sge, R0, 0, ok);
        let message = match self.program.global(g).max_entries {
            Some(n) => format!("Array overflow, check size limit ({n})"),
            None => "Array overflow, check MAXMAPENTRIES".into(),
        };
        self.raise(rstap_code("R0004"), message, span)?;
        self.asm.bind(ok);
        Ok(())
    }

    /// Builds the key of `g[keys]` in a fresh scratch slot.
    fn key(&mut self, g: GlobalId, keys: &[Expr]) -> G<u32> {
        let layout = self.layout.global(g).clone();
        let size = layout.key_size();
        let slot = self.temp(size)?;
        if layout.keys.is_empty() {
            self.asm.store_imm(Size::U32, R7, Self::off(slot), 0);
            return Ok(slot);
        }
        for i in 0..size / 8 {
            self.asm
                .store_imm(Size::U64, R7, Self::off(slot + i * 8), 0);
        }
        for (k, f) in keys.iter().zip(&layout.keys) {
            if f.ty == Type::String {
                let s = self.string(k)?;
                self.copy_str(slot + f.offset, s, f.width)?;
            } else {
                self.long(k)?;
                self.spill(slot + f.offset, R0);
            }
        }
        Ok(slot)
    }

    fn assign_long(
        &mut self,
        target: &LValue,
        op: Option<CompoundOp>,
        value: &Expr,
        span: Span,
    ) -> G<()> {
        let arith = match op {
            None => None,
            Some(CompoundOp::Arith(a)) => Some(a),
            Some(CompoundOp::Concat) => return self.unsupported("`.=` on a number", span),
        };
        match target {
            LValue::Local(id) => {
                let slot = self.local_slot(*id);
                self.long(value)?;
                if let Some(a) = arith {
                    self.asm.mov(R1, R0);
                    let t = self.temp(8)?;
                    self.fill(R0, slot);
                    self.spill(t, R0);
                    self.apply(a, t, span)?;
                }
                self.spill(slot, R0);
            }
            LValue::Global(g) => {
                let map = self.layout.global(*g).map;
                self.long(value)?;
                match arith {
                    None => {
                        self.asm.ld_map_value(R1, map, 0);
                        self.asm.store(Size::U64, R1, 0, R0);
                    }
                    Some(BinaryOp::Add) => {
                        self.asm.ld_map_value(R1, map, 0);
                        self.asm.mov(R2, R0);
                        self.asm.atomic_fetch_add(R1, 0, R2);
                        self.asm.alu64_reg(Alu::Add, R0, R2);
                    }
                    Some(BinaryOp::Sub) => {
                        self.asm.neg(R0);
                        self.asm.ld_map_value(R1, map, 0);
                        self.asm.mov(R2, R0);
                        self.asm.atomic_fetch_add(R1, 0, R2);
                        self.asm.alu64_reg(Alu::Add, R0, R2);
                    }
                    Some(a) => {
                        self.asm.mov(R1, R0);
                        let t = self.temp(8)?;
                        self.asm.ld_map_value(R2, map, 0);
                        self.asm.load(Size::U64, R0, R2, 0);
                        self.spill(t, R0);
                        self.apply(a, t, span)?;
                        self.asm.ld_map_value(R1, map, 0);
                        self.asm.store(Size::U64, R1, 0, R0);
                    }
                }
            }
            LValue::Element { array, keys } => {
                let val = self.temp(8)?;
                self.long(value)?;
                if arith == Some(BinaryOp::Sub) {
                    self.asm.neg(R0);
                }
                self.spill(val, R0);
                let key = self.key(*array, keys)?;
                match arith {
                    None => {
                        self.update(*array, key, val, 0);
                        self.overflow_check(*array, span)?;
                        self.fill(R0, val);
                    }
                    Some(BinaryOp::Add | BinaryOp::Sub) => {
                        // Atomic in place when the element exists; inserted otherwise.
                        let absent = self.asm.label();
                        let done = self.asm.label();
                        let found = self.asm.label();
                        self.lookup(*array, key);
                        self.asm.jmp_imm(Cond::Eq, R0, 0, absent);
                        self.asm.bind(found);
                        self.fill(R1, val);
                        self.asm.atomic_fetch_add(R0, 0, R1);
                        self.fill(R0, val);
                        self.asm.alu64_reg(Alu::Add, R0, R1);
                        self.asm.ja(done);
                        self.asm.bind(absent);
                        self.update(*array, key, val, 1);
                        let inserted = self.asm.label();
                        self.asm.jmp_imm(Cond::Eq, R0, 0, inserted);
                        // Another CPU inserted it first: add to that one.
                        let other = self.asm.label();
                        self.asm.jmp_imm(Cond::Ne, R0, -libc_eexist(), other);
                        self.lookup(*array, key);
                        self.asm.jmp_imm(Cond::Ne, R0, 0, found);
                        self.asm.bind(other);
                        self.asm.mov_imm(R0, -1);
                        self.overflow_check(*array, span)?;
                        self.asm.bind(inserted);
                        self.fill(R0, val);
                        self.asm.bind(done);
                    }
                    Some(a) => {
                        let t = self.temp(8)?;
                        let have = self.asm.label();
                        self.lookup(*array, key);
                        self.asm.mov(R1, R0);
                        self.asm.mov_imm(R0, 0);
                        self.asm.jmp_imm(Cond::Eq, R1, 0, have);
                        self.asm.load(Size::U64, R0, R1, 0);
                        self.asm.bind(have);
                        self.spill(t, R0);
                        self.fill(R1, val);
                        self.apply(a, t, span)?;
                        self.spill(val, R0);
                        self.update(*array, key, val, 0);
                        self.overflow_check(*array, span)?;
                        self.fill(R0, val);
                    }
                }
            }
        }
        Ok(())
    }

    fn assign_string(
        &mut self,
        target: &LValue,
        op: Option<CompoundOp>,
        value: &Expr,
        span: Span,
    ) -> G<()> {
        let value_expr;
        let value = match op {
            None => value,
            Some(CompoundOp::Concat) => {
                let current = match target {
                    LValue::Local(id) => ExprKind::Local(*id),
                    LValue::Global(g) => ExprKind::Global(*g),
                    LValue::Element { array, keys } => ExprKind::Element {
                        array: *array,
                        keys: keys.clone(),
                    },
                };
                value_expr = Expr::new(
                    ExprKind::Concat {
                        lhs: Box::new(Expr::new(current, Type::String, span)),
                        rhs: Box::new(value.clone()),
                    },
                    Type::String,
                    span,
                );
                &value_expr
            }
            Some(_) => return self.unsupported("arithmetic on a string", span),
        };
        let s = self.string(value)?;
        let w = self.width();
        match target {
            LValue::Local(id) => {
                let slot = self.local_slot(*id);
                self.copy_str(slot, s, w)?;
            }
            LValue::Global(g) => {
                let map = self.layout.global(*g).map;
                self.asm.ld_map_value(R1, map, 0);
                self.asm.mov_imm(R2, w as i32);
                self.scratch_ptr(R3, s.slot);
                self.asm.call(h::PROBE_READ_KERNEL_STR);
            }
            LValue::Element { array, keys } => {
                let val = self.temp(w)?;
                self.copy_str(val, s, w)?;
                let key = self.key(*array, keys)?;
                self.update(*array, key, val, 0);
                self.overflow_check(*array, span)?;
            }
        }
        Ok(())
    }

    fn delete(&mut self, t: &DeleteTarget, span: Span) -> G<()> {
        match t {
            DeleteTarget::Local(id) => {
                let slot = self.local_slot(*id);
                self.asm.store_imm(Size::U64, R7, Self::off(slot), 0);
            }
            DeleteTarget::Global(g) => match &self.layout.global(*g).value {
                ValueLayout::Long | ValueLayout::Str(_) => {
                    let map = self.layout.global(*g).map;
                    self.asm.ld_map_value(R1, map, 0);
                    self.asm.store_imm(Size::U64, R1, 0, 0);
                }
                ValueLayout::Stat(_) => {
                    return self.unsupported("deleting a statistic", span);
                }
            },
            DeleteTarget::Element { array, keys } => {
                let Some(keys) = keys.iter().cloned().collect::<Option<Vec<Expr>>>() else {
                    return self.unsupported("`delete` with a `*` wildcard", span);
                };
                let key = self.key(*array, &keys)?;
                self.asm.ld_map(R1, self.layout.global(*array).map);
                self.scratch_ptr(R2, key);
                self.asm.call(h::MAP_DELETE_ELEM);
            }
            DeleteTarget::Array(g) => {
                let flag = self.temp(8)?;
                self.asm.store_imm(Size::U64, R7, Self::off(flag), 0);
                let map = self.layout.global(*g).map;
                let sub = self.callback(flag, &mut |cg: &mut Self, _next: Label| {
                    cg.asm.ld_map(R1, map);
                    cg.asm.load(Size::U64, R2, R10, -8);
                    cg.asm.call(h::MAP_DELETE_ELEM);
                    Ok(())
                })?;
                self.for_each(*g, sub, flag);
            }
        }
        Ok(())
    }

    // ----- statistics -----

    fn aggregate(&mut self, stat: &StatRef, value: &Expr, span: Span) -> G<()> {
        let val = self.long_slot(value)?;
        let (g, keys): (GlobalId, &[Expr]) = match stat {
            StatRef::Global(g) => (*g, &[]),
            StatRef::Element { array, keys } => (*array, keys),
        };
        let layout = self.layout.global(g).clone();
        let ValueLayout::Stat(st) = &layout.value else {
            return self.unsupported("`<<<` on this global", span);
        };
        let key = self.key(g, keys)?;
        let have = self.asm.label();
        self.lookup(g, key);
        self.asm.jmp_imm(Cond::Ne, R0, 0, have);
        if !layout.is_scalar() {
            let size = round8(st.size());
            let zero = self.temp(size)?;
            for i in 0..size / 8 {
                self.asm
                    .store_imm(Size::U64, R7, Self::off(zero + i * 8), 0);
            }
            self.update(g, key, zero, 1);
            let inserted = self.asm.label();
            self.asm.jmp_imm(Cond::Eq, R0, 0, inserted);
            self.asm.jmp_imm(Cond::Eq, R0, -libc_eexist(), inserted);
            self.overflow_check(g, span)?;
            self.asm.bind(inserted);
            self.lookup(g, key);
            self.asm.jmp_imm(Cond::Ne, R0, 0, have);
            self.asm.mov_imm(R0, -1);
            self.overflow_check(g, span)?;
        } else {
            self.asm.ja(self.end);
        }
        self.asm.bind(have);
        self.asm.mov(R9, R0);
        self.fill(R1, val);
        let later = self.asm.label();
        let hist = self.asm.label();
        self.asm.load(Size::U64, R2, R9, StatLayout::COUNT as i16);
        self.asm.jmp_imm(Cond::Ne, R2, 0, later);
        // The first value.
        self.asm
            .store_imm(Size::U64, R9, StatLayout::COUNT as i16, 1);
        for f in [StatLayout::SUM, StatLayout::MIN, StatLayout::MAX] {
            self.asm.store(Size::U64, R9, f as i16, R1);
        }
        if let Some(shift) = st.variance_shift {
            self.asm.mov(R3, R1);
            self.asm.alu64_imm(Alu::Lsh, R3, shift.min(62) as i32);
            self.asm.store(Size::U64, R9, StatLayout::AVG_S as i16, R3);
            self.asm.store_imm(Size::U64, R9, StatLayout::M2 as i16, 0);
        }
        self.asm.ja(hist);
        // Later values.
        self.asm.bind(later);
        self.asm.alu64_imm(Alu::Add, R2, 1);
        self.asm.store(Size::U64, R9, StatLayout::COUNT as i16, R2);
        self.asm.load(Size::U64, R3, R9, StatLayout::SUM as i16);
        self.asm.alu64_reg(Alu::Add, R3, R1);
        self.asm.store(Size::U64, R9, StatLayout::SUM as i16, R3);
        let not_min = self.asm.label();
        self.asm.load(Size::U64, R3, R9, StatLayout::MIN as i16);
        self.asm.jmp_reg(Cond::Sge, R1, R3, not_min);
        self.asm.store(Size::U64, R9, StatLayout::MIN as i16, R1);
        self.asm.bind(not_min);
        let not_max = self.asm.label();
        self.asm.load(Size::U64, R3, R9, StatLayout::MAX as i16);
        self.asm.jmp_reg(Cond::Sle, R1, R3, not_max);
        self.asm.store(Size::U64, R9, StatLayout::MAX as i16, R1);
        self.asm.bind(not_max);
        if let Some(shift) = st.variance_shift {
            // delta = (v << shift) - avg_s; avg_s += delta / count;
            // m2 += delta * ((v << shift) - avg_s)
            self.asm.mov(R3, R1);
            self.asm.alu64_imm(Alu::Lsh, R3, shift.min(62) as i32);
            self.asm.load(Size::U64, R4, R9, StatLayout::AVG_S as i16);
            self.asm.mov(R5, R3);
            self.asm.alu64_reg(Alu::Sub, R5, R4); // delta
            self.asm.mov(R0, R5);
            self.asm.sdiv_reg(false, R0, R2);
            self.asm.alu64_reg(Alu::Add, R4, R0);
            self.asm.store(Size::U64, R9, StatLayout::AVG_S as i16, R4);
            self.asm.alu64_reg(Alu::Sub, R3, R4);
            self.asm.alu64_reg(Alu::Mul, R5, R3);
            self.asm.load(Size::U64, R4, R9, StatLayout::M2 as i16);
            self.asm.alu64_reg(Alu::Add, R4, R5);
            self.asm.store(Size::U64, R9, StatLayout::M2 as i16, R4);
        }
        self.asm.bind(hist);
        if st.log {
            self.fill(R1, val);
            self.log_bucket();
            self.bump_bucket(StatLayout::LOG);
        }
        if let Some(b) = st.linear {
            let n = st.linear_buckets() as i32;
            if n > 0 {
                self.fill(R1, val);
                self.linear_bucket(b, n);
                self.bump_bucket(st.linear_offset());
            }
        }
        self.fill(R0, val);
        Ok(())
    }

    /// `@count(s)`, `@sum`, `@min`, `@max`, `@avg` in a kernel probe: every CPU's share
    /// is read with `bpf_map_lookup_percpu_elem` and combined; an empty statistic is
    /// SystemTap's `empty aggregate` error (except for `@count` and `@sum`, which are 0).
    fn stat_get(&mut self, op: StatOp, stat: &StatRef, span: Span) -> G<()> {
        if op == StatOp::Variance {
            return self.unsupported("`@variance`", span);
        }
        let (g, keys): (GlobalId, &[Expr]) = match stat {
            StatRef::Global(g) => (*g, &[]),
            StatRef::Element { array, keys } => (*array, keys),
        };
        let key = self.key(g, keys)?;
        // acc: count, sum, min, max.
        let acc = self.temp(32)?;
        for i in 0..4 {
            self.asm.store_imm(Size::U64, R7, Self::off(acc + 8 * i), 0);
        }
        let map = self.layout.global(g).map;
        for cpu in 0..self.opts.possible_cpus.max(1) {
            let skip = self.asm.label();
            let first = self.asm.label();
            let merged = self.asm.label();
            self.asm.ld_map(R1, map);
            self.scratch_ptr(R2, key);
            self.asm.mov_imm(R3, cpu as i32);
            self.asm.call(h::MAP_LOOKUP_PERCPU_ELEM);
            self.asm.jmp_imm(Cond::Eq, R0, 0, skip);
            self.asm.load(Size::U64, R1, R0, StatLayout::COUNT as i16);
            self.asm.jmp_imm(Cond::Eq, R1, 0, skip);
            self.asm.load(Size::U64, R2, R7, Self::off(acc));
            self.asm.mov(R3, R2);
            self.asm.alu64_reg(Alu::Add, R3, R1);
            self.asm.store(Size::U64, R7, Self::off(acc), R3);
            self.asm.load(Size::U64, R3, R0, StatLayout::SUM as i16);
            self.asm.load(Size::U64, R4, R7, Self::off(acc + 8));
            self.asm.alu64_reg(Alu::Add, R4, R3);
            self.asm.store(Size::U64, R7, Self::off(acc + 8), R4);
            self.asm.load(Size::U64, R3, R0, StatLayout::MIN as i16);
            self.asm.load(Size::U64, R4, R0, StatLayout::MAX as i16);
            self.asm.jmp_imm(Cond::Eq, R2, 0, first);
            let not_min = self.asm.label();
            self.asm.load(Size::U64, R5, R7, Self::off(acc + 16));
            self.asm.jmp_reg(Cond::Sge, R3, R5, not_min);
            self.asm.store(Size::U64, R7, Self::off(acc + 16), R3);
            self.asm.bind(not_min);
            self.asm.load(Size::U64, R5, R7, Self::off(acc + 24));
            self.asm.jmp_reg(Cond::Sle, R4, R5, merged);
            self.asm.store(Size::U64, R7, Self::off(acc + 24), R4);
            self.asm.ja(merged);
            self.asm.bind(first);
            self.asm.store(Size::U64, R7, Self::off(acc + 16), R3);
            self.asm.store(Size::U64, R7, Self::off(acc + 24), R4);
            self.asm.bind(merged);
            self.asm.bind(skip);
        }
        self.fill(R0, acc);
        match op {
            StatOp::Count => {}
            StatOp::Sum => self.fill(R0, acc + 8),
            _ => {
                let ok = self.asm.label();
                self.asm.jmp_imm(Cond::Ne, R0, 0, ok);
                self.raise(rstap_code("R0006"), "empty aggregate".into(), span)?;
                self.asm.bind(ok);
                match op {
                    StatOp::Min => self.fill(R0, acc + 16),
                    StatOp::Max => self.fill(R0, acc + 24),
                    _ => {
                        self.fill(R1, acc);
                        self.fill(R0, acc + 8);
                        self.asm.sdiv_reg(false, R0, R1);
                    }
                }
            }
        }
        Ok(())
    }

    /// `r2 = log bucket of r1` (64 for 0, 64 ± bit length otherwise).
    fn log_bucket(&mut self) {
        let a = &mut self.asm;
        let done = a.label();
        let positive = a.label();
        a.mov_imm(R2, 64);
        a.jmp_imm(Cond::Eq, R1, 0, done);
        a.mov(R3, R1);
        a.jmp_imm(Cond::Sgt, R3, 0, positive);
        a.neg(R3);
        a.bind(positive);
        // r4 = bit length of r3 (unsigned).
        a.mov_imm(R4, 0);
        for shift in [32, 16, 8, 4, 2, 1] {
            let skip = a.label();
            a.mov(R5, R3);
            a.alu64_imm(Alu::Rsh, R5, shift);
            a.jmp_imm(Cond::Eq, R5, 0, skip);
            a.mov(R3, R5);
            a.alu64_imm(Alu::Add, R4, shift);
            a.bind(skip);
        }
        let zero = a.label();
        a.jmp_imm(Cond::Eq, R3, 0, zero);
        a.alu64_imm(Alu::Add, R4, 1);
        a.bind(zero);
        let negative = a.label();
        a.jmp_imm(Cond::Slt, R1, 0, negative);
        a.alu64_reg(Alu::Add, R2, R4);
        a.ja(done);
        a.bind(negative);
        a.alu64_reg(Alu::Sub, R2, R4);
        a.bind(done);
    }

    /// `r2 = linear bucket of r1` over `n` buckets.
    fn linear_bucket(&mut self, b: LinearBounds, n: i32) {
        let a = &mut self.asm;
        let done = a.label();
        a.mov_imm(R2, 0);
        a.load_const(R3, b.start);
        a.jmp_reg(Cond::Slt, R1, R3, done);
        a.mov(R2, R1);
        a.alu64_reg(Alu::Sub, R2, R3);
        a.load_const(R3, b.interval);
        a.alu64_reg(Alu::Div, R2, R3);
        a.alu64_imm(Alu::Add, R2, 1);
        a.jmp_imm(Cond::Le, R2, n - 1, done);
        a.mov_imm(R2, n - 1);
        a.bind(done);
    }

    /// `bucket[r2] += 1` in the stat at `r9`, buckets starting at `base`.
    fn bump_bucket(&mut self, base: i32) {
        let a = &mut self.asm;
        let ok = a.label();
        // Bounds the index for the verifier (it never exceeds this).
        a.jmp_imm(Cond::Le, R2, 4095, ok);
        a.mov_imm(R2, 0);
        a.bind(ok);
        a.alu64_imm(Alu::Lsh, R2, 3);
        a.mov(R3, R9);
        a.alu64_reg(Alu::Add, R3, R2);
        a.load(Size::U64, R4, R3, base as i16);
        a.alu64_imm(Alu::Add, R4, 1);
        a.store(Size::U64, R3, base as i16, R4);
    }

    // ----- strings -----

    fn string(&mut self, e: &Expr) -> G<Str> {
        let w = self.width();
        match &e.kind {
            ExprKind::String(s) => self.literal(s),
            ExprKind::Local(id) => Ok(Str {
                slot: self.local_slot(*id),
                bound: w,
                padded: false,
            }),
            ExprKind::Global(g) => {
                let map = self.layout.global(*g).map;
                let t = self.temp(w)?;
                self.scratch_ptr(R1, t);
                self.asm.mov_imm(R2, w as i32);
                self.asm.ld_map_value(R3, map, 0);
                self.asm.call(h::PROBE_READ_KERNEL_STR);
                Ok(Str {
                    slot: t,
                    bound: w,
                    padded: false,
                })
            }
            ExprKind::Element { array, keys } => {
                let t = self.temp(w)?;
                let key = self.key(*array, keys)?;
                let missing = self.asm.label();
                let done = self.asm.label();
                self.lookup(*array, key);
                self.asm.jmp_imm(Cond::Eq, R0, 0, missing);
                self.asm.mov(R3, R0);
                self.scratch_ptr(R1, t);
                self.asm.mov_imm(R2, w as i32);
                self.asm.call(h::PROBE_READ_KERNEL_STR);
                self.asm.ja(done);
                self.asm.bind(missing);
                self.asm.store_imm(Size::U64, R7, Self::off(t), 0);
                self.asm.bind(done);
                Ok(Str {
                    slot: t,
                    bound: w,
                    padded: false,
                })
            }
            ExprKind::Concat { lhs, rhs } => {
                let a = self.string(lhs)?;
                let b = self.string(rhs)?;
                self.concat_slots(a, b)
            }
            ExprKind::Ternary { cond, then, els } => {
                let t = self.temp(w)?;
                let other = self.asm.label();
                let done = self.asm.label();
                self.long(cond)?;
                self.asm.jmp_imm(Cond::Eq, R0, 0, other);
                let a = self.string(then)?;
                self.copy_str(t, a, w)?;
                self.asm.ja(done);
                self.asm.bind(other);
                let b = self.string(els)?;
                self.copy_str(t, b, w)?;
                self.asm.bind(done);
                Ok(Str {
                    slot: t,
                    bound: a.bound.max(b.bound),
                    padded: false,
                })
            }
            ExprKind::Assign { target, op, value } => {
                self.assign_string(target, *op, value, e.span)?;
                let current = match target {
                    LValue::Local(id) => ExprKind::Local(*id),
                    LValue::Global(g) => ExprKind::Global(*g),
                    LValue::Element { array, keys } => ExprKind::Element {
                        array: *array,
                        keys: keys.clone(),
                    },
                };
                self.string(&Expr::new(current, Type::String, e.span))
            }
            ExprKind::Call { func, args } => match self.call(*func, args, e.span)? {
                Some(s) => Ok(s),
                None => {
                    self.unsupported("a function without a string result", e.span)?;
                    unreachable!()
                }
            },
            ExprKind::Printf {
                to_string: true,
                format,
                args,
            } => self.sprintf(format, args, e.span),
            ExprKind::Print { kind, args } if kind.to_string => {
                let mut format = Vec::new();
                let mut values = Vec::new();
                for a in args {
                    match a {
                        PrintArg::Value(v) => {
                            format.extend_from_slice(match (v.ty, kind.char) {
                                (Type::String, _) => b"%s",
                                (_, true) => b"%c",
                                _ => b"%d",
                            });
                            values.push(v.clone());
                        }
                        PrintArg::Histogram(_) => {
                            self.unsupported("printing a histogram", e.span)?;
                        }
                    }
                }
                if kind.newline {
                    format.push(b'\n');
                }
                self.sprintf(&format, &values, e.span)
            }
            ExprKind::PrintDelimited {
                kind,
                delimiter,
                args,
            } if kind.to_string => {
                let mut format = Vec::new();
                for (i, v) in args.iter().enumerate() {
                    if i > 0 {
                        for &b in delimiter {
                            if b == b'%' {
                                format.push(b'%');
                            }
                            format.push(b);
                        }
                    }
                    format.extend_from_slice(if v.ty == Type::String { b"%s" } else { b"%d" });
                }
                if kind.newline {
                    format.push(b'\n');
                }
                self.sprintf(&format, args, e.span)
            }
            _ => {
                self.unsupported("this string expression", e.span)?;
                unreachable!()
            }
        }
    }

    /// `r0 = __user_strlen(addr)`: the length of the string at the user address (at
    /// most the string width less one), 0 when it cannot be read.
    fn user_strlen(&mut self, addr: &Expr) -> G<()> {
        let a = self.long_slot(addr)?;
        self.fill(R3, a);
        self.copied_length(h::PROBE_READ_USER_STR)
    }

    /// `r0 = ` the length of the string at r3, as the string-reading `helper` counts it
    /// copying it into a scratch buffer (less the NUL; 0 when it fails).
    fn copied_length(&mut self, helper: i32) -> G<()> {
        let w = self.width();
        let t = self.temp(w)?;
        let done = self.asm.label();
        self.scratch_ptr(R1, t);
        self.asm.mov_imm(R2, w as i32);
        self.asm.call(helper);
        self.asm.alu64_imm(Alu::Sub, R0, 1);
        self.asm.jmp_imm(Cond::Sge, R0, 0, done);
        self.asm.mov_imm(R0, 0);
        self.asm.bind(done);
        Ok(())
    }

    /// `__user_args_text(start, end, delim)`: the user memory from `start` to `end`,
    /// strings each ending with a NUL (a process's arguments), as one string with the
    /// first character of `delim` for each NUL but the last, cut to the string width;
    /// "" when it cannot be read.
    fn user_args_text(&mut self, args: &[Expr]) -> G<Str> {
        let w = self.width();
        let start = self.long_slot(&args[0])?;
        let end = self.long_slot(&args[1])?;
        let delim = self.string(&args[2])?;
        let len = self.temp(8)?;
        let t = self.temp(w)?;
        for i in (0..w).step_by(8) {
            self.asm.store_imm(Size::U64, R7, Self::off(t + i), 0);
        }
        // len = end - start, within [0, w - 1].
        let (lo, hi) = (self.asm.label(), self.asm.label());
        self.fill(R0, end);
        self.fill(R1, start);
        self.asm.alu64_reg(Alu::Sub, R0, R1);
        self.asm.jmp_imm(Cond::Sge, R0, 0, lo);
        self.asm.mov_imm(R0, 0);
        self.asm.bind(lo);
        self.asm.jmp_imm(Cond::Le, R0, w as i32 - 1, hi);
        self.asm.mov_imm(R0, w as i32 - 1);
        self.asm.bind(hi);
        self.spill(len, R0);
        let done = self.asm.label();
        self.asm.jmp_imm(Cond::Eq, R0, 0, done);
        self.scratch_ptr(R1, t);
        self.fill(R2, len);
        // (Bounds again for the verifier, after the reload.)
        let ok = self.asm.label();
        self.asm.jmp_imm(Cond::Le, R2, w as i32 - 1, ok);
        self.asm.mov_imm(R2, w as i32 - 1);
        self.asm.bind(ok);
        self.fill(R3, start);
        self.asm.call(h::PROBE_READ_USER);
        let read = self.asm.label();
        self.asm.jmp_imm(Cond::Sge, R0, 0, read);
        self.asm.store_imm(Size::U8, R7, Self::off(t), 0);
        self.asm.ja(done);
        self.asm.bind(read);
        // Each NUL before the last byte read becomes the delimiter: for j in 0..len - 1.
        // (The loop always runs over the whole buffer, so that the verifier follows one
        // path out of it whatever the length.)
        self.fill(R2, len);
        self.asm.alu64_imm(Alu::Sub, R2, 1);
        self.asm.mov_imm(R1, 0);
        let (top, next) = (self.asm.label(), self.asm.label());
        self.asm.bind(top);
        self.asm.jmp_imm(Cond::Ge, R1, w as i32 - 1, done);
        self.asm.jmp_reg(Cond::Sge, R1, R2, next);
        self.scratch_ptr(R3, t);
        self.asm.alu64_reg(Alu::Add, R3, R1);
        self.asm.load(Size::U8, R4, R3, 0);
        self.asm.jmp_imm(Cond::Ne, R4, 0, next);
        self.asm.load(Size::U8, R4, R7, Self::off(delim.slot));
        self.asm.store(Size::U8, R3, 0, R4);
        self.asm.bind(next);
        self.asm.alu64_imm(Alu::Add, R1, 1);
        self.asm.ja(top);
        self.asm.bind(done);
        Ok(Str {
            slot: t,
            bound: w,
            padded: false,
        })
    }

    /// `r0 = strlen(s)`: the bytes `bpf_probe_read_kernel_str` copies, less the NUL.
    fn strlen(&mut self, s: &Expr) -> G<()> {
        let s = self.string(s)?;
        self.scratch_ptr(R3, s.slot);
        self.copied_length(h::PROBE_READ_KERNEL_STR)
    }

    /// `a . b` into a fresh slot, truncated to the string width.
    fn concat_slots(&mut self, a: Str, b: Str) -> G<Str> {
        let w = self.width();
        let t = self.temp(2 * w)?;
        let pos = self.asm.label();
        let fits = self.asm.label();
        self.scratch_ptr(R1, t);
        self.asm.mov_imm(R2, w as i32);
        self.scratch_ptr(R3, a.slot);
        self.asm.call(h::PROBE_READ_KERNEL_STR);
        self.asm.jmp_imm(Cond::Sgt, R0, 0, pos);
        self.asm.mov_imm(R0, 1);
        self.asm.bind(pos);
        self.asm.alu64_imm(Alu::Sub, R0, 1);
        self.asm.jmp_imm(Cond::Le, R0, w as i32 - 1, fits);
        self.asm.mov_imm(R0, w as i32 - 1);
        self.asm.bind(fits);
        self.scratch_ptr(R1, t);
        self.asm.alu64_reg(Alu::Add, R1, R0);
        self.asm.mov_imm(R2, w as i32);
        self.scratch_ptr(R3, b.slot);
        self.asm.call(h::PROBE_READ_KERNEL_STR);
        self.asm.store_imm(Size::U8, R7, Self::off(t + w - 1), 0);
        Ok(Str {
            slot: t,
            bound: w.min(a.bound + b.bound),
            padded: false,
        })
    }

    /// `sprintf` in a kernel probe, through `bpf_snprintf`: the format is translated to
    /// the kernel's dialect and kept in the read-only map; string arguments are passed by
    /// address.
    fn sprintf(&mut self, format: &[u8], args: &[Expr], span: Span) -> G<Str> {
        let bpf_format = match kernel_format(format) {
            Ok(f) => f,
            Err(what) => {
                self.unsupported(format!("{what} in a kernel `sprintf`"), span)?;
                unreachable!()
            }
        };
        if args.len() > 12 {
            self.unsupported("a kernel `sprintf` with more than 12 arguments", span)?;
        }
        self.refuse_token_padding(format, args, span)?;
        let mut vals = Vec::new();
        for a in args {
            if a.ty == Type::String {
                vals.push((true, self.string(a)?.slot));
            } else {
                let t = self.long_slot(a)?;
                vals.push((false, t));
            }
        }
        self.snprintf_slots(&bpf_format, &vals)
    }

    /// `bpf_snprintf` of a format in the kernel's dialect over evaluated arguments
    /// (`(is_string, slot)`), into a fresh string.
    fn snprintf_slots(&mut self, bpf_format: &[u8], vals: &[(bool, u32)]) -> G<Str> {
        let argv = self.temp(8 * vals.len().max(1) as u32)?;
        for (i, &(is_str, slot)) in vals.iter().enumerate() {
            if is_str {
                self.scratch_ptr(R1, slot);
            } else {
                self.fill(R1, slot);
            }
            self.spill(argv + 8 * i as u32, R1);
        }
        let w = self.width();
        let dst = self.temp(w)?;
        self.snprintf_to(dst, bpf_format, argv, vals.len());
        Ok(Str {
            slot: dst,
            bound: w,
            padded: false,
        })
    }

    /// `dst = bpf_snprintf(format, argv[0..nargs])` (each argument a u64 in scratch at
    /// `argv`, strings by address), an empty string if the helper fails. The format is
    /// already in the kernel's dialect and lands in the read-only map.
    fn snprintf_to(&mut self, dst: u32, format: &[u8], argv: u32, nargs: usize) {
        let at = self.rodata.len() as i32;
        self.rodata.extend_from_slice(format);
        self.rodata.push(0);
        let w = self.width();
        self.scratch_ptr(R1, dst);
        self.asm.mov_imm(R2, w as i32);
        self.asm.ld_map_value(R3, self.layout.rodata_map, at);
        if nargs == 0 {
            self.asm.mov_imm(R4, 0);
        } else {
            self.scratch_ptr(R4, argv);
        }
        self.asm.mov_imm(R5, 8 * nargs as i32);
        self.asm.call(h::SNPRINTF);
        let ok = self.asm.label();
        self.asm.jmp_imm(Cond::Sge, R0, 0, ok);
        self.asm.store_imm(Size::U8, R7, Self::off(dst), 0);
        self.asm.bind(ok);
    }

    /// A string literal in a fresh slot.
    fn literal(&mut self, s: &[u8]) -> G<Str> {
        let mut bytes = s.to_vec();
        bytes.truncate(self.width() as usize - 1);
        bytes.push(0);
        let t = self.temp(bytes.len() as u32)?;
        for (i, chunk) in bytes.chunks(8).enumerate() {
            let mut v = [0u8; 8];
            v[..chunk.len()].copy_from_slice(chunk);
            let v = i64::from_le_bytes(v);
            let off = Self::off(t + i as u32 * 8);
            if v == v as i32 as i64 {
                self.asm.store_imm(Size::U64, R7, off, v as i32);
            } else {
                self.asm.ld_imm64(R1, 0, v);
                self.asm.store(Size::U64, R7, off, R1);
            }
        }
        Ok(Str {
            slot: t,
            bound: bytes.len() as u32,
            padded: true,
        })
    }

    /// Copies a string into `dst` (at most `width` bytes, NUL included).
    fn copy_str(&mut self, dst: u32, s: Str, width: u32) -> G<()> {
        if dst == s.slot {
            return Ok(());
        }
        let n = width.min(s.bound.max(1));
        if s.padded && n <= 16 && n <= width {
            // Short strings: copy whole words (the source slot is at least this big).
            for i in 0..round8(n) / 8 {
                self.asm.load(Size::U64, R1, R7, Self::off(s.slot + i * 8));
                self.asm.store(Size::U64, R7, Self::off(dst + i * 8), R1);
            }
            return Ok(());
        }
        self.scratch_ptr(R1, dst);
        self.asm.mov_imm(R2, width as i32);
        self.scratch_ptr(R3, s.slot);
        self.asm.call(h::PROBE_READ_KERNEL_STR);
        Ok(())
    }

    /// `r0 = sign of strcmp(a, b)`, comparing at most the shorter bound.
    fn strcmp(&mut self, a: Str, b: Str) {
        let n = a.bound.min(b.bound).max(1);
        let diff = self.asm.label();
        let equal = self.asm.label();
        let done = self.asm.label();
        for i in 0..n {
            self.asm.load(Size::U8, R1, R7, Self::off(a.slot + i));
            self.asm.load(Size::U8, R2, R7, Self::off(b.slot + i));
            self.asm.jmp_reg(Cond::Ne, R1, R2, diff);
            self.asm.jmp_imm(Cond::Eq, R1, 0, equal);
        }
        self.asm.bind(equal);
        self.asm.mov_imm(R0, 0);
        self.asm.ja(done);
        self.asm.bind(diff);
        self.asm.mov(R0, R1);
        self.asm.alu64_reg(Alu::Sub, R0, R2);
        self.asm.bind(done);
    }

    // ----- output -----

    /// Evaluates the arguments into a record and sends it.
    fn record(&mut self, kind: SiteKind, args: &[&Expr], span: Span) -> G<()> {
        let mut vals = Vec::new();
        // Evaluate every argument first (they may print too), then assemble.
        for a in args {
            if a.ty == Type::String {
                let s = self.string(a)?;
                vals.push((Type::String, s.slot, s.bound));
            } else {
                let t = self.long_slot(a)?;
                vals.push((Type::Long, t, 8));
            }
        }
        self.record_values(kind, &vals, span)
    }

    /// Sends a record of evaluated arguments (`(type, slot, string bound)`).
    fn record_values(&mut self, kind: SiteKind, vals: &[(Type, u32, u32)], span: Span) -> G<()> {
        let mut slots = Vec::new();
        let mut size = RECORD_HEADER;
        for &(ty, _, bound) in vals {
            let width = if ty == Type::String { bound } else { 8 };
            slots.push(ArgSlot {
                ty,
                offset: size,
                width,
            });
            size = round8(size + width);
        }
        let rec = self.temp(size)?;
        let site = self.sites.len();
        self.asm
            .store_imm(Size::U64, R7, Self::off(rec), site as i32);
        for (slot, &(ty, src, bound)) in slots.iter().zip(vals) {
            if ty == Type::String {
                self.copy_str(
                    rec + slot.offset,
                    Str {
                        slot: src,
                        bound,
                        padded: false,
                    },
                    slot.width,
                )?;
            } else {
                self.fill(R1, src);
                self.asm
                    .store(Size::U64, R7, Self::off(rec + slot.offset), R1);
            }
        }
        self.sites.push(Site {
            kind,
            args: slots,
            span,
            size,
        });
        self.output(
            rec,
            size,
            !matches!(
                self.sites[site].kind,
                SiteKind::Print { .. }
                    | SiteKind::Printf { .. }
                    | SiteKind::PrintBacktrace
                    | SiteKind::PrintSyms
                    | SiteKind::PrintUbacktrace { .. }
                    | SiteKind::PrintUsyms
            ),
        );
        Ok(())
    }

    // ----- calls -----

    /// Calls a function: a long result is left in `r0`, a string result returned.
    fn call(&mut self, f: FuncId, args: &[Expr], span: Span) -> G<Option<Str>> {
        let func = self.program.function(f);
        match &func.body {
            FunctionBody::Intrinsic(name) => self.intrinsic(name, args, span),
            FunctionBody::Block(body) => {
                if self.frames.iter().any(|fr| fr.func == Some(f)) {
                    self.unsupported(
                        format!("the recursive call of function '{}'", func.name),
                        span,
                    )?;
                }
                // Arguments are evaluated in the caller's frame.
                let mut argvals = Vec::new();
                for a in args {
                    if a.ty == Type::String {
                        argvals.push((true, self.string(a)?.slot, self.width()));
                    } else {
                        let t = self.long_slot(a)?;
                        argvals.push((false, t, 8));
                    }
                }
                let locals = self.alloc_locals(&func.locals)?;
                for (i, &(is_str, src, w)) in argvals.iter().enumerate() {
                    if is_str {
                        self.copy_str(
                            locals[i],
                            Str {
                                slot: src,
                                bound: w,
                                padded: false,
                            },
                            w,
                        )?;
                    } else {
                        self.fill(R1, src);
                        self.spill(locals[i], R1);
                    }
                }
                let ret_size = if func.ret == Type::String {
                    self.width()
                } else {
                    8
                };
                let ret = self.temp(ret_size)?;
                self.asm.store_imm(Size::U64, R7, Self::off(ret), 0);
                let done = self.asm.label();
                self.frames.push(Frame {
                    locals,
                    ret: Some((ret, done)),
                    func: Some(f),
                    loops_base: self.loops.len(),
                });
                let r = self.block(body);
                self.frames.pop();
                r?;
                self.asm.bind(done);
                if func.ret == Type::String {
                    Ok(Some(Str {
                        slot: ret,
                        bound: self.width(),
                        padded: false,
                    }))
                } else {
                    self.fill(R0, ret);
                    Ok(None)
                }
            }
        }
    }

    fn intrinsic(&mut self, name: &str, args: &[Expr], span: Span) -> G<Option<Str>> {
        let a = &mut self.asm;
        match name {
            "pid" => {
                a.call(h::GET_CURRENT_PID_TGID);
                a.alu64_imm(Alu::Rsh, R0, 32);
            }
            "tid" => {
                a.call(h::GET_CURRENT_PID_TGID);
                a.alu64_imm(Alu::Lsh, R0, 32);
                a.alu64_imm(Alu::Rsh, R0, 32);
            }
            "uid" => {
                a.call(h::GET_CURRENT_UID_GID);
                a.alu64_imm(Alu::Lsh, R0, 32);
                a.alu64_imm(Alu::Rsh, R0, 32);
            }
            "gid" => {
                a.call(h::GET_CURRENT_UID_GID);
                a.alu64_imm(Alu::Rsh, R0, 32);
            }
            "cpu" => a.call(h::GET_SMP_PROCESSOR_ID),
            "ktime_get_ns" | "local_clock_ns" | "get_cycles" => a.call(h::KTIME_GET_NS),
            "jiffies" => a.call(h::JIFFIES64),
            "HZ" => a.mov_imm(R0, self.opts.hz as i32),
            "num_online_cpus" => a.mov_imm(R0, self.opts.online_cpus as i32),
            "target" => {
                a.ld_map_value(R1, CONF_MAP, 0);
                a.load(Size::U64, R0, R1, CONF_TARGET_PID as i16);
            }
            "stp_pid" => {
                a.ld_map_value(R1, CONF_MAP, 0);
                a.load(Size::U64, R0, R1, CONF_STP_PID as i16);
            }
            "gettimeofday_ns" | "gettimeofday_us" | "gettimeofday_ms" | "gettimeofday_s" => {
                a.call(h::KTIME_GET_BOOT_NS);
                a.ld_map_value(R1, CONF_MAP, 0);
                a.load(Size::U64, R1, R1, CONF_REALTIME_OFFSET as i16);
                a.alu64_reg(Alu::Add, R0, R1);
                let div = match name {
                    "gettimeofday_us" => 1_000,
                    "gettimeofday_ms" => 1_000_000,
                    "gettimeofday_s" => 1_000_000_000,
                    _ => 1,
                };
                if div > 1 {
                    a.alu64_imm(Alu::Div, R0, div);
                }
            }
            "execname" => {
                let t = self.temp(16)?;
                self.scratch_ptr(R1, t);
                self.asm.mov_imm(R2, 16);
                self.asm.call(h::GET_CURRENT_COMM);
                return Ok(Some(Str {
                    slot: t,
                    bound: 16,
                    padded: true,
                }));
            }
            "ppid" | "pexecname" | "euid" | "egid" => {
                let Some(task) = self.opts.task else {
                    self.unsupported(
                        format!("`{name}()` without the kernel's BTF type information"),
                        span,
                    )?;
                    unreachable!()
                };
                let t = self.temp(16)?;
                self.asm.call(h::GET_CURRENT_TASK);
                let (first, second, size) = match name {
                    "ppid" => (task.real_parent, task.tgid, 4),
                    "pexecname" => (task.real_parent, task.comm, 16),
                    "euid" => (task.cred, task.cred_euid, 4),
                    _ => (task.cred, task.cred_egid, 4),
                };
                self.read_kernel(t, 8, R0, first as i32);
                self.fill(R3, t);
                if size == 16 {
                    self.scratch_ptr(R1, t);
                    self.asm.mov_imm(R2, 16);
                    self.asm.alu64_imm(Alu::Add, R3, second as i32);
                    self.asm.call(h::PROBE_READ_KERNEL_STR);
                    return Ok(Some(Str {
                        slot: t,
                        bound: 16,
                        padded: false,
                    }));
                }
                self.asm.store_imm(Size::U64, R7, Self::off(t), 0);
                self.read_kernel(t, size, R3, second as i32);
                self.asm.load(Size::U32, R0, R7, Self::off(t));
            }
            "kernel_string" | "kernel_string_n" => {
                return self.read_string(false, name, args, span).map(Some);
            }
            "user_string" | "user_string_n" => {
                return self.read_string(true, name, args, span).map(Some);
            }
            "kernel_long" | "kernel_pointer" | "user_long" => {
                let what = if name == "kernel_pointer" {
                    "pointer"
                } else {
                    "long"
                };
                self.read_number(name.starts_with("user"), what, 8, args, span)?;
            }
            "kernel_int" | "user_int" => {
                self.read_number(name.starts_with("user"), "int", 4, args, span)?
            }
            "kernel_short" | "user_short" => {
                self.read_number(name.starts_with("user"), "short", 2, args, span)?
            }
            "kernel_char" | "user_char" => {
                self.read_number(name.starts_with("user"), "char", 1, args, span)?
            }
            "task_current" => a.call(h::GET_CURRENT_TASK),
            "user_string_quoted" => return self.user_string_quoted(&args[0]).map(Some),
            "errno_str" => {
                return self
                    .name_table(&args[0], &ERRNO_TABLE, true, b"E#%lld")
                    .map(Some);
            }
            "syscall_name" => {
                return self
                    .name_table(&args[0], &SYSCALL_TABLE, false, b"syscall_%lld")
                    .map(Some);
            }
            BLOCKDEV_NAME => return self.blockdev_name(&args[0], span).map(Some),
            "pp" => return self.literal(self.probe.pp.clone().as_bytes()).map(Some),
            "pn" => return self.literal(self.probe.pn.clone().as_bytes()).map(Some),
            "ppfunc" => return self.literal(self.probe.ppfunc().as_bytes()).map(Some),
            "strlen" => return self.strlen(&args[0]).map(|()| None),
            "__user_args_text" => return self.user_args_text(args).map(Some),
            "__user_strlen" => return self.user_strlen(&args[0]).map(|()| None),
            "is_return" => a.mov_imm(R0, i32::from(self.probe.is_return())),
            "exit" | "switch_file" => {
                let kind = if name == "exit" {
                    self.set_state(1);
                    SiteKind::Exit
                } else {
                    SiteKind::SwitchFile
                };
                let rec = self.temp(RECORD_HEADER)?;
                let site = self.sites.len();
                self.sites.push(Site {
                    kind,
                    args: vec![],
                    span,
                    size: RECORD_HEADER,
                });
                self.asm
                    .store_imm(Size::U64, R7, Self::off(rec), site as i32);
                self.output(rec, RECORD_HEADER, true);
                self.asm.mov_imm(R0, 0);
            }
            "error" | "warn" => {
                let arg: Vec<&Expr> = args.iter().collect();
                let kind = if name == "error" {
                    SiteKind::ScriptError
                } else {
                    SiteKind::Warn
                };
                if name == "error" && !self.tries.is_empty() {
                    // Caught: the message becomes the catch variable's value.
                    let m = self.string(&args[0])?;
                    let t = self.tries.last_mut().unwrap();
                    let site = self.sites.len();
                    t.raised.push(site);
                    let (err, msg) = (t.err, t.msg);
                    self.sites.push(Site {
                        kind: SiteKind::ScriptError,
                        args: vec![],
                        span,
                        size: RECORD_HEADER,
                    });
                    self.copy_str(msg, m, self.width())?;
                    self.asm.mov_imm(R1, site as i32);
                    self.spill(err, R1);
                    self.goto_catch();
                } else {
                    self.record(kind, &arg, span)?;
                    if name == "error" {
                        if self.opts.stop_on_error {
                            self.set_state(2);
                        }
                        self.abort();
                    }
                }
                self.asm.mov_imm(R0, 0);
            }
            "__tracepoint_name" | "__tracepoint_system" => {
                let ProbeKind::Tracepoint {
                    system, name: tp, ..
                } = &self.probe.kind
                else {
                    self.unsupported(format!("`{name}` outside a tracepoint"), span)?;
                    unreachable!()
                };
                let text = if name == "__tracepoint_name" {
                    tp.clone()
                } else {
                    system.clone()
                };
                return self.literal(text.as_bytes()).map(Some);
            }
            n if n.starts_with("__tracepoint_field_") => {
                return self.tracepoint_field(&n["__tracepoint_field_".len()..], span);
            }
            n if n.starts_with("__kfunc_arg_") => {
                let i: usize = n["__kfunc_arg_".len()..].parse().unwrap_or(usize::MAX);
                self.kfunc_arg(i, span)?;
            }
            n if n.starts_with(TRACEPOINT_ARG) => self.tracepoint_arg(n, span)?,
            "__kfunc_return" => self.kfunc_return(span)?,
            "__kfunc_parms" | "__kfunc_return_text" => {
                return self.kfunc_text(name == "__kfunc_parms", span).map(Some);
            }
            n => {
                if let Some(result) = self.uprobe_intrinsic(n, args, span) {
                    return result;
                }
                if let Some(result) = self.user_stack_intrinsic(n, args, span) {
                    return result;
                }
                match self.stack_intrinsic(n, args, span) {
                    Some(result) => return result,
                    None => self.unsupported(format!("function `{name}()`"), span)?,
                }
            }
        }
        Ok(None)
    }

    /// The name of the block device numbered `dev` from the runtime's table, or the
    /// empty string for a device it does not list.
    fn blockdev_name(&mut self, dev: &Expr, span: Span) -> G<Str> {
        let Some(map) = self.layout.blockdev_map else {
            self.unsupported("a block device name without its table", span)?;
            unreachable!()
        };
        let key = self.temp(8)?;
        self.long(dev)?;
        self.asm.store(Size::U32, R7, Self::off(key), R0);
        let n = BLOCKDEV_NAME_LEN.min(self.width());
        let t = self.temp(n)?;
        self.asm.store_imm(Size::U64, R7, Self::off(t), 0);
        self.asm.ld_map(R1, map);
        self.scratch_ptr(R2, key);
        self.asm.call(h::MAP_LOOKUP_ELEM);
        let done = self.asm.label();
        self.asm.jmp_imm(Cond::Eq, R0, 0, done);
        self.asm.mov(R3, R0);
        self.scratch_ptr(R1, t);
        self.asm.mov_imm(R2, n as i32);
        self.asm.call(h::PROBE_READ_KERNEL_STR);
        self.asm.bind(done);
        Ok(Str {
            slot: t,
            bound: n,
            padded: false,
        })
    }

    /// `scratch[t..t+size] = *(base + off)` via `bpf_probe_read_kernel`.
    fn read_kernel(&mut self, t: u32, size: u32, base: Reg, off: i32) {
        self.asm.mov(R3, base);
        self.asm.alu64_imm(Alu::Add, R3, off);
        self.scratch_ptr(R1, t);
        self.asm.mov_imm(R2, size as i32);
        self.asm.call(h::PROBE_READ_KERNEL);
    }

    fn tracepoint_field(&mut self, field: &str, span: Span) -> G<Option<Str>> {
        let ProbeKind::Tracepoint { fields, .. } = &self.probe.kind else {
            self.unsupported("a tracepoint field outside a tracepoint", span)?;
            unreachable!()
        };
        let Some(f) = fields.iter().find(|f| f.name == field).cloned() else {
            self.unsupported(format!("field `${field}`"), span)?;
            unreachable!()
        };
        let w = self.width();
        if let Some(r) = self.syscall {
            return self.raw_syscall_field(r, &f, span);
        }
        if self.kind == ProgKind::RawTracepoint {
            self.diags.push(
                Diagnostic::error(
                    Stage::Translate,
                    UNSUPPORTED,
                    format!(
                        "`${field}` is a field of the tracepoint's record, but this probe reads \
                         the tracepoint's arguments"
                    ),
                )
                .with_primary(span, "record field")
                .with_note(
                    "the kernel hands a BPF program either the record or the arguments, not both",
                )
                .with_help(
                    "read the same value through the arguments (e.g. `$next->pid` for \
                     `$next_pid`), or use the record's fields only",
                ),
            );
            return Err(());
        }
        match f.kind {
            FieldKind::EntryArg => {
                self.unsupported(format!("entry argument `${}` here", f.name), span)?;
                unreachable!()
            }
            FieldKind::Integer | FieldKind::Pointer => {
                let size = Size::from_bytes(f.size).filter(|s| f.offset % s.bytes() == 0);
                match size {
                    // Callbacks do not see the context pointer, only its address.
                    Some(sz) if self.kind == ProgKind::Tracepoint && self.cb.is_none() => {
                        self.asm.load(sz, R0, R6, f.offset as i16);
                    }
                    _ => {
                        let t = self.temp(8)?;
                        self.asm.store_imm(Size::U64, R7, Self::off(t), 0);
                        self.fill(R4, self.ctx_addr);
                        self.read_kernel(t, f.size.min(8), R4, f.offset as i32);
                        self.fill(R0, t);
                    }
                }
                if f.signed && f.size < 8 && f.kind == FieldKind::Integer {
                    let bits = 64 - 8 * f.size as i32;
                    self.asm.alu64_imm(Alu::Lsh, R0, bits);
                    self.asm.alu64_imm(Alu::Arsh, R0, bits);
                }
                Ok(None)
            }
            FieldKind::CharArray => {
                let n = (f.size + 1).min(w);
                let t = self.temp(n)?;
                self.fill(R3, self.ctx_addr);
                self.asm.alu64_imm(Alu::Add, R3, f.offset as i32);
                self.scratch_ptr(R1, t);
                self.asm.mov_imm(R2, n as i32);
                self.asm.call(h::PROBE_READ_KERNEL_STR);
                Ok(Some(Str {
                    slot: t,
                    bound: n,
                    padded: false,
                }))
            }
            FieldKind::DataLocString => {
                let t = self.temp(w)?;
                self.asm.store_imm(Size::U64, R7, Self::off(t), 0);
                self.fill(R4, self.ctx_addr);
                self.read_kernel(t, 4, R4, f.offset as i32);
                self.asm.load(Size::U32, R3, R7, Self::off(t));
                self.asm.alu64_imm(Alu::And, R3, 0xffff);
                self.fill(R4, self.ctx_addr);
                self.asm.alu64_reg(Alu::Add, R3, R4);
                self.scratch_ptr(R1, t);
                self.asm.mov_imm(R2, w as i32);
                self.asm.call(h::PROBE_READ_KERNEL_STR);
                Ok(Some(Str {
                    slot: t,
                    bound: w,
                    padded: false,
                }))
            }
        }
    }
}

impl Gen<'_> {
    fn kfunc_params(&self) -> &[FuncParam] {
        match &self.probe.kind {
            ProbeKind::KernelFunction { params, .. } => params,
            _ => &[],
        }
    }

    /// `r0 = parameter i` of the probed kernel function, extended from its width.
    fn kfunc_arg(&mut self, i: usize, span: Span) -> G<()> {
        let Some(p) = self.kfunc_params().get(i).cloned() else {
            self.unsupported("a parameter outside a kernel function probe", span)?;
            unreachable!()
        };
        let off = match crate::ctx::arg_offset(self.kind, i) {
            Ok(off) => off,
            Err(_) if self.kind == ProgKind::Kretprobe => {
                self.unsupported(
                    format!(
                        "`${}` in a kretprobe (arguments are gone at return: keep them in an array keyed by tid() from the entry probe)",
                        p.name
                    ),
                    span,
                )?;
                unreachable!()
            }
            Err(e) => {
                self.unsupported(format!("`${}` ({e})", p.name), span)?;
                unreachable!()
            }
        };
        self.ctx_word(R0, off)?;
        if p.size < 8 && p.size > 0 {
            let bits = 64 - 8 * p.size as i32;
            self.asm.alu64_imm(Alu::Lsh, R0, bits);
            self.asm
                .alu64_imm(if p.signed { Alu::Arsh } else { Alu::Rsh }, R0, bits);
        }
        Ok(())
    }

    /// `r0 = argument i` of a raw tracepoint, truncated to its type's width and sign- or
    /// zero-extended (the kernel passes every argument as a u64 holding its bits).
    fn tracepoint_arg(&mut self, name: &str, span: Span) -> G<()> {
        let Some((index, signed, bits)) = parse_tracepoint_arg(name) else {
            self.unsupported(format!("context read `{name}`"), span)?;
            unreachable!()
        };
        if self.kind != ProgKind::RawTracepoint {
            self.unsupported("a tracepoint argument outside a tracepoint", span)?;
        }
        self.ctx_word(R0, (index * 8) as i16)?;
        if bits < 64 {
            let shift = 64 - bits as i32;
            self.asm.alu64_imm(Alu::Lsh, R0, shift);
            self.asm
                .alu64_imm(if signed { Alu::Arsh } else { Alu::Rsh }, R0, shift);
        }
        Ok(())
    }

    /// `r0 = $return`.
    fn kfunc_return(&mut self, span: Span) -> G<()> {
        let n = self.kfunc_params().len();
        let off = match crate::ctx::return_offset(self.kind, n) {
            Ok(off) => off,
            Err(e) => {
                self.unsupported(format!("`$return`: {e}"), span)?;
                unreachable!()
            }
        };
        self.ctx_word(R0, off)
    }

    /// `$$parms` (`file=0x... count=0x...`) or `$$return` (`return=0x...`).
    fn kfunc_text(&mut self, parms: bool, span: Span) -> G<Str> {
        let names: Vec<String> = if parms {
            self.kfunc_params()
                .iter()
                .filter(|p| !p.name.is_empty())
                .map(|p| p.name.clone())
                .take(12)
                .collect()
        } else {
            vec!["return".into()]
        };
        let argv = self.temp(8 * names.len().max(1) as u32)?;
        let indexes: Vec<usize> = self
            .kfunc_params()
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.name.is_empty())
            .map(|(i, _)| i)
            .take(12)
            .collect();
        if parms {
            for (k, &i) in indexes.iter().enumerate() {
                self.kfunc_arg(i, span)?;
                self.spill(argv + 8 * k as u32, R0);
            }
        } else {
            self.kfunc_return(span)?;
            self.spill(argv, R0);
        }
        let format: Vec<String> = names.iter().map(|n| format!("{n}=0x%llx")).collect();
        let w = self.width();
        let dst = self.temp(w)?;
        self.snprintf_to(dst, format.join(" ").as_bytes(), argv, names.len());
        Ok(Str {
            slot: dst,
            bound: w,
            padded: false,
        })
    }

    /// `r = *(u64 *)(ctx + off)`: a direct load, or from a callback (which has no
    /// context pointer) a checked read at the saved context address.
    fn ctx_word(&mut self, r: Reg, off: i16) -> G<()> {
        if self.cb.is_none() {
            self.asm.load(Size::U64, r, R6, off);
            return Ok(());
        }
        let t = self.temp(8)?;
        self.asm.store_imm(Size::U64, R7, Self::off(t), 0);
        self.fill(R4, self.ctx_addr);
        self.read_kernel(t, 8, R4, off as i32);
        self.fill(r, t);
        Ok(())
    }

    /// A syscall tracepoint field read from a raw `sys_enter`/`sys_exit` context: the
    /// arguments come from the saved user registers, `ret` from the second argument.
    fn raw_syscall_field(
        &mut self,
        r: RawSyscall,
        f: &TracepointField,
        span: Span,
    ) -> G<Option<Str>> {
        match f.name.as_str() {
            "__syscall_nr" => {
                self.asm.load_const(R0, r.nr);
                return Ok(None);
            }
            "common_pid" => {
                self.asm.call(h::GET_CURRENT_PID_TGID);
                self.asm.alu64_imm(Alu::Lsh, R0, 32);
                self.asm.alu64_imm(Alu::Rsh, R0, 32);
                return Ok(None);
            }
            n if n.starts_with("common_") => {
                self.asm.mov_imm(R0, 0);
                return Ok(None);
            }
            _ => {}
        }
        if f.kind.is_string() {
            self.unsupported(format!("string field `${}` of a system call", f.name), span)?;
        }
        if f.kind == FieldKind::EntryArg {
            let index = (f.offset.saturating_sub(16) / 8) as usize;
            let (Some(map), Some(&reg)) = (
                self.entry_map,
                crate::ctx::X86_64_SYSCALL_ARG_REGS.get(index),
            ) else {
                self.unsupported(format!("entry argument `${}`", f.name), span)?;
                unreachable!()
            };
            self.entry_used = true;
            let key = self.temp(8)?;
            self.asm.call(h::GET_CURRENT_PID_TGID);
            self.spill(key, R0);
            self.asm.ld_map(R1, map);
            self.scratch_ptr(R2, key);
            self.asm.call(h::MAP_LOOKUP_ELEM);
            let done = self.asm.label();
            // A call that entered before the session started has nothing saved: 0.
            self.asm.jmp_imm(Cond::Eq, R0, 0, done);
            self.asm.load(Size::U64, R0, R0, reg - ENTRY_SAVE_FROM);
            self.asm.bind(done);
        } else if r.exit {
            // sys_exit_*: the only field after the number is `ret`.
            self.ctx_word(R0, 8)?;
        } else {
            let index = (f.offset.saturating_sub(16) / 8) as usize;
            let Some(&off) = crate::ctx::X86_64_SYSCALL_ARG_REGS.get(index) else {
                self.unsupported(format!("field `${}`", f.name), span)?;
                unreachable!()
            };
            let t = self.temp(8)?;
            self.asm.store_imm(Size::U64, R7, Self::off(t), 0);
            self.ctx_word(R4, 0)?;
            self.read_kernel(t, 8, R4, off as i32);
            self.fill(R0, t);
        }
        if f.size < 8 && f.kind == FieldKind::Integer {
            let bits = 64 - 8 * f.size as i32;
            self.asm.alu64_imm(Alu::Lsh, R0, bits);
            self.asm
                .alu64_imm(if f.signed { Alu::Arsh } else { Alu::Rsh }, R0, bits);
        }
        Ok(None)
    }
}

/// A SystemTap format in the dialect of the kernel's `bpf_snprintf` (64-bit
/// conversions, `%%` for literal percent signs), or what it cannot express.
fn kernel_format(format: &[u8]) -> Result<Vec<u8>, String> {
    use rstap_format::printf::{Conv, Count, Piece};
    let f = rstap_format::parse_format(format).map_err(|e| e.message.to_string())?;
    let mut out = Vec::new();
    for piece in &f.pieces {
        match piece {
            Piece::Text(t) => {
                for &b in t {
                    if b == b'%' {
                        out.push(b'%');
                    }
                    out.push(b);
                }
            }
            Piece::Conv(spec) => {
                if matches!(spec.width, Count::Star) || matches!(spec.precision, Count::Star) {
                    return Err("a `*` width or precision".into());
                }
                if spec.flag == Some(b'#') {
                    return Err("the `#` flag".into());
                }
                // The kernel's format checker takes flags and a width, not a precision.
                if spec.precision != Count::None {
                    return Err("a precision (`.N`)".into());
                }
                let conv: &[u8] = match spec.conv {
                    Conv::Signed => b"lld",
                    Conv::Unsigned => b"llu",
                    Conv::HexLower => b"llx",
                    Conv::HexUpper => b"llX",
                    Conv::Char => b"c",
                    Conv::Str => b"s",
                    Conv::Pointer
                        if spec.flag.is_none()
                            && spec.width == Count::None
                            && spec.precision == Count::None =>
                    {
                        out.extend_from_slice(b"0x%llx");
                        continue;
                    }
                    Conv::Pointer => return Err("a `%p` with flags or a width".into()),
                    Conv::Octal => return Err("`%o`".into()),
                    Conv::Binary => return Err("`%b`".into()),
                    Conv::Memory | Conv::MemoryHex => return Err("`%m`".into()),
                };
                out.push(b'%');
                if let Some(flag) = spec.flag {
                    out.push(flag);
                }
                if let Count::Fixed(n) = spec.width {
                    out.extend_from_slice(n.to_string().as_bytes());
                }
                out.extend_from_slice(conv);
            }
        }
    }
    Ok(out)
}

fn alu_of(op: BinaryOp) -> Alu {
    match op {
        BinaryOp::Add => Alu::Add,
        BinaryOp::Sub => Alu::Sub,
        BinaryOp::Mul => Alu::Mul,
        BinaryOp::Div => Alu::Div,
        BinaryOp::Mod => Alu::Mod,
        BinaryOp::Shl => Alu::Lsh,
        BinaryOp::Shr => Alu::Arsh,
        BinaryOp::UShr => Alu::Rsh,
        BinaryOp::BitAnd => Alu::And,
        BinaryOp::BitOr => Alu::Or,
        BinaryOp::BitXor => Alu::Xor,
    }
}

/// `EEXIST`, as a BPF helper returns it negated.
fn libc_eexist() -> i32 {
    17
}

fn rstap_code(c: &'static str) -> Code {
    Code(c)
}
