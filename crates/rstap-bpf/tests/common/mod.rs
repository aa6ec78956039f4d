//! Builds IR programs from script text against canned tracepoints, for code generator
//! tests.
#![allow(dead_code)]

use rstap_diag::{RenderOptions, SourceMap, render_all};
use rstap_ir::Program;
use rstap_sema::{
    Catalogs, FakeTypes, KernelType, StaticCatalog, TracepointArg, TracepointCatalog,
    TracepointSource, TypeSource,
};
use rstap_syntax::{MacroLibrary, ParseOptions};

pub const GETPPID: &str = "name: sys_enter_getppid
ID: 1
format:
\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;
\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;
\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;

\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;
";

pub const WRITE: &str = "name: sys_enter_write
ID: 2
format:
\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;
\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;
\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;

\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;
\tfield:unsigned int fd;\toffset:16;\tsize:8;\tsigned:0;
\tfield:const char * buf;\toffset:24;\tsize:8;\tsigned:0;
\tfield:size_t count;\toffset:32;\tsize:8;\tsigned:0;
";

pub const WRITE_EXIT: &str = "name: sys_exit_write
ID: 5
format:
\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;
\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;
\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;

\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;
\tfield:long ret;\toffset:16;\tsize:8;\tsigned:1;
";

pub const SCHED_SWITCH: &str = "name: sched_switch
ID: 3
format:
\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;
\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;
\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;

\tfield:char prev_comm[16];\toffset:8;\tsize:16;\tsigned:0;
\tfield:pid_t prev_pid;\toffset:24;\tsize:4;\tsigned:1;
\tfield:int prev_prio;\toffset:28;\tsize:4;\tsigned:1;
\tfield:long prev_state;\toffset:32;\tsize:8;\tsigned:1;
\tfield:char next_comm[16];\toffset:40;\tsize:16;\tsigned:0;
\tfield:pid_t next_pid;\toffset:56;\tsize:4;\tsigned:1;
\tfield:int next_prio;\toffset:60;\tsize:4;\tsigned:1;
";

pub const OPENAT: &str = "name: sys_enter_openat
ID: 4
format:
\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;
\tfield:int dfd;\toffset:16;\tsize:8;\tsigned:0;
\tfield:const char * filename;\toffset:24;\tsize:8;\tsigned:0;
\tfield:__data_loc char[] name;\toffset:32;\tsize:4;\tsigned:0;
";

/// Canned tracepoints, and kernel types where `sched_switch`'s arguments point:
/// `struct task_struct { int pid @8; int tgid @12; char comm[16] @16 }`.
struct Canned {
    types: FakeTypes,
    task_ptr: KernelType,
    uint: KernelType,
    boolean: KernelType,
}

impl Canned {
    fn new() -> Canned {
        let mut t = FakeTypes::new();
        let int = t.int("int", 4, true);
        let uint = t.int("unsigned int", 4, false);
        let boolean = t.int("bool", 1, false);
        let chr = t.int("char", 1, true);
        let comm = t.array(chr, 16);
        let task = t.aggregate("task_struct", 32);
        t.add_member(task, "pid", 8, int);
        t.add_member(task, "tgid", 12, int);
        t.add_member(task, "comm", 16, comm);
        let task_ptr = t.pointer(Some(task));
        Canned {
            types: t,
            task_ptr,
            uint,
            boolean,
        }
    }
}

impl TracepointSource for Canned {
    fn args(&self, _system: &str, name: &str) -> Option<Vec<TracepointArg>> {
        let arg = |name: &str, ty| TracepointArg {
            name: name.into(),
            ty,
        };
        (name == "sched_switch").then(|| {
            vec![
                arg("preempt", self.boolean),
                arg("prev", self.task_ptr),
                arg("next", self.task_ptr),
                arg("prev_state", self.uint),
            ]
        })
    }
    fn types(&self) -> Option<&dyn TypeSource> {
        Some(&self.types)
    }
    fn events(&self) -> Vec<String> {
        vec![
            "syscalls:sys_enter_getppid".into(),
            "syscalls:sys_enter_write".into(),
            "sched:sched_switch".into(),
            "syscalls:sys_enter_openat".into(),
            "syscalls:sys_exit_write".into(),
        ]
    }
    fn format(&self, system: &str, name: &str) -> Option<String> {
        Some(
            match (system, name) {
                ("syscalls", "sys_enter_getppid") => GETPPID,
                ("syscalls", "sys_enter_write") => WRITE,
                ("sched", "sched_switch") => SCHED_SWITCH,
                ("syscalls", "sys_enter_openat") => OPENAT,
                ("syscalls", "sys_exit_write") => WRITE_EXIT,
                _ => return None,
            }
            .to_string(),
        )
    }
}

/// One kernel function, `ssize_t vfs_read(struct file *file, char *buf, size_t count,
/// loff_t *pos)` with BTF id 4242, and a module function without BTF.
struct CannedFunctions;

impl rstap_sema::FunctionSource for CannedFunctions {
    fn functions(&self, module: Option<&str>) -> Vec<String> {
        match module {
            None => vec!["vfs_read".into()],
            Some("ext4") => vec!["ext4_file_open".into()],
            Some(_) => Vec::new(),
        }
    }
    fn signature(&self, module: Option<&str>, name: &str) -> Option<rstap_sema::FunctionSignature> {
        let param = |name: &str, c_type: &str, size: u32, signed: bool| rstap_ir::FuncParam {
            name: name.into(),
            c_type: c_type.into(),
            size,
            signed,
            btf_type: 0,
        };
        (module.is_none() && name == "vfs_read").then(|| rstap_sema::FunctionSignature {
            btf_id: 4242,
            params: vec![
                param("file", "struct file *", 8, false),
                param("buf", "char *", 8, false),
                param("count", "size_t", 8, false),
                param("pos", "loff_t *", 8, false),
            ],
            returns: true,
        })
    }
}

/// One user binary, `/opt/app`: functions `add` and `main`, and USDT sites
/// `app:step` (a register, a frame slot, a constant, a 16-bit register) and `app:odd`
/// (an argument addressed relative to %rip, which cannot be read).
struct CannedBinaries;

impl rstap_sema::UserBinarySource for CannedBinaries {
    fn binary(&self, path: &str) -> Result<std::rc::Rc<rstap_sema::UserBinary>, String> {
        use rstap_ir::{UsdtArg, UsdtLocation, UsdtSite};
        if path != "/opt/app" {
            return Err(format!("cannot probe process(\"{path}\"): no such file"));
        }
        let arg = |size, signed, location| UsdtArg {
            size,
            signed,
            location,
        };
        let mark = |name: &str, offset, args| rstap_sema::UserMark {
            site: UsdtSite {
                provider: "app".into(),
                name: name.into(),
                semaphore: Some(0x4020),
                args,
            },
            offset,
            function: "main".into(),
        };
        Ok(std::rc::Rc::new(rstap_sema::UserBinary {
            path: path.into(),
            functions: vec![
                rstap_sema::UserFunction {
                    name: "add".into(),
                    offset: 0x1139,
                },
                rstap_sema::UserFunction {
                    name: "by_value".into(),
                    offset: 0x1150,
                },
                rstap_sema::UserFunction {
                    name: "main".into(),
                    offset: 0x1160,
                },
                rstap_sema::UserFunction {
                    name: "visit".into(),
                    offset: 0x11c0,
                },
            ],
            marks: vec![
                mark(
                    "step",
                    0x1180,
                    vec![
                        arg(4, true, UsdtLocation::Register("di".into())),
                        arg(
                            8,
                            false,
                            UsdtLocation::Memory {
                                base: "bp".into(),
                                offset: -8,
                            },
                        ),
                        arg(4, true, UsdtLocation::Constant(5)),
                        arg(2, false, UsdtLocation::Register("r12".into())),
                    ],
                ),
                mark(
                    "odd",
                    0x11a0,
                    vec![arg(8, true, UsdtLocation::Unsupported("foo(%rip)".into()))],
                ),
            ],
            stripped: false,
        }))
    }
    fn target_program(&self) -> Option<String> {
        None
    }
    /// Process 4242 runs /opt/app.
    fn process_program(&self, pid: u32) -> Result<String, String> {
        if pid == 4242 {
            Ok("/opt/app".into())
        } else {
            Err(format!("cannot probe process({pid}): no such process"))
        }
    }
    fn inode(&self, _path: &str) -> Option<u64> {
        Some(0x1234_5678_9abc)
    }
    /// Code is loaded from the file at its linked addresses.
    fn address_offset(&self, _path: &str, address: u64) -> Option<u64> {
        Some(address)
    }
    /// At 0x11d0, in `visit`: the parameter `depth` at %rbp-20, a local `sum` (long)
    /// in %rbx, a local `corner` (a struct point) at %rbp-48, and `tmp`, optimized out.
    fn variables(&self, _path: &str, offset: u64) -> Vec<rstap_sema::UserVar> {
        use rstap_sema::UserVarLocation as L;
        if offset != 0x11d0 {
            return Vec::new();
        }
        let var = |name: &str, c_type: &str, size, parameter, location| rstap_sema::UserVar {
            name: name.into(),
            c_type: c_type.into(),
            size,
            signed: true,
            parameter,
            location,
            ty: None,
        };
        let types = ProgramTypes::new();
        vec![
            var(
                "depth",
                "int",
                4,
                true,
                L::Memory {
                    base: "bp",
                    offset: -20,
                },
            ),
            var("sum", "long", 8, false, L::Register("bx")),
            rstap_sema::UserVar {
                ty: Some(types.point),
                ..var(
                    "corner",
                    "struct point",
                    0,
                    false,
                    L::Memory {
                        base: "bp",
                        offset: -48,
                    },
                )
            },
            var(
                "tmp",
                "int",
                4,
                false,
                L::Unavailable("optimized out".into()),
            ),
        ]
    }
    fn plt(&self, _path: &str) -> Vec<rstap_sema::UserFunction> {
        vec![rstap_sema::UserFunction {
            name: "puts".into(),
            offset: 0x1030,
        }]
    }
    /// `add(int a, unsigned short b, double d)`, `visit(struct point *p, int depth)` and
    /// `by_value(struct big b, long k, ..., int late)` (`b` and `late` on the stack) as
    /// DWARF would describe them.
    fn parameters(&self, _path: &str, function: &str) -> Vec<rstap_sema::UserParam> {
        let param = |name: &str, c_type: &str, size, signed, register| rstap_sema::UserParam {
            name: name.into(),
            c_type: c_type.into(),
            size,
            signed,
            register,
            ..Default::default()
        };
        let types = ProgramTypes::new();
        match function {
            "add" => vec![
                param("a", "int", 4, true, Some(0)),
                param("b", "unsigned short", 2, false, Some(1)),
                param("d", "double", 8, false, None),
            ],
            "visit" => vec![
                rstap_sema::UserParam {
                    ty: Some(types.point_ptr),
                    ..param("p", "struct point*", 8, false, Some(0))
                },
                rstap_sema::UserParam {
                    ty: Some(types.int),
                    ..param("depth", "int", 4, true, Some(1))
                },
            ],
            "by_value" => vec![
                rstap_sema::UserParam {
                    ty: Some(types.big),
                    stack: Some(8),
                    by_value: true,
                    ..param("b", "struct big", 8, false, None)
                },
                rstap_sema::UserParam {
                    ty: Some(types.long),
                    ..param("k", "long", 8, true, Some(0))
                },
                rstap_sema::UserParam {
                    ty: Some(types.int),
                    stack: Some(32),
                    ..param("late", "int", 4, true, None)
                },
            ],
            _ => Vec::new(),
        }
    }
    fn types(&self, path: &str) -> Result<std::rc::Rc<dyn rstap_sema::TypeSource>, String> {
        if path != "/opt/app" {
            return Err(format!("cannot probe process(\"{path}\"): no such file"));
        }
        Ok(std::rc::Rc::new(ProgramTypes::new().types))
    }
}

/// The data types of `/opt/app`: `struct point { int x@0; char name[8]@4;
/// struct point *next@16; short arr[3]@24; }` and `struct big { long a, b, c; }`.
struct ProgramTypes {
    types: rstap_sema::FakeTypes,
    point: rstap_sema::KernelType,
    point_ptr: rstap_sema::KernelType,
    big: rstap_sema::KernelType,
    int: rstap_sema::KernelType,
    long: rstap_sema::KernelType,
}

impl ProgramTypes {
    fn new() -> ProgramTypes {
        let mut t = rstap_sema::FakeTypes::new();
        let int = t.int("int", 4, true);
        let long = t.int("long", 8, true);
        let short = t.int("short", 2, true);
        let chr = t.int("char", 1, true);
        let name = t.array(chr, 8);
        let arr = t.array(short, 3);
        let point = t.aggregate("point", 32);
        let point_ptr = t.pointer(Some(point));
        t.add_member(point, "x", 0, int);
        t.add_member(point, "name", 4, name);
        t.add_member(point, "next", 16, point_ptr);
        t.add_member(point, "arr", 24, arr);
        let big = t.aggregate("big", 24);
        for (i, m) in ["a", "b", "c"].iter().enumerate() {
            t.add_member(big, m, 8 * i as u64, long);
        }
        ProgramTypes {
            types: t,
            point,
            point_ptr,
            big,
            int,
            long,
        }
    }
}

/// Elaborates `script` against the embedded tapsets and canned tracepoints.
pub fn program(script: &str) -> (Program, SourceMap) {
    let (program, sm, errors) = elaborate(script);
    assert!(errors.is_empty(), "{errors}");
    (program.expect("a program"), sm)
}

/// The errors elaborating `script` reports, rendered (empty when there are none).
#[allow(dead_code)]
pub fn errors(script: &str) -> String {
    elaborate(script).2
}

fn elaborate(script: &str) -> (Option<Program>, SourceMap, String) {
    let mut sm = SourceMap::new();
    let file = sm.add("<input>", script);
    let macros = MacroLibrary::default();
    let (user, mut diags) =
        rstap_syntax::parse_script(&sm, file, &ParseOptions::default(), &macros);
    let lib_opts = ParseOptions {
        is_tapset: true,
        ..ParseOptions::default()
    };
    let ids: Vec<_> = rstap_tapsets::embedded()
        .into_iter()
        .filter(|t| !t.is_macro_file())
        .map(|t| sm.add(t.name, t.text))
        .collect();
    let mut library = Vec::new();
    for id in ids {
        let (s, d) = rstap_syntax::parse_script(&sm, id, &lib_opts, &macros);
        diags.extend(d);
        library.push(s);
    }
    let source = Canned::new();
    let tp = TracepointCatalog::new(&source);
    let stat = StaticCatalog::default();
    let functions = CannedFunctions;
    let kfuncs = rstap_sema::FunctionCatalog::new(&functions);
    let binaries = CannedBinaries;
    let uprobes = rstap_sema::UprobeCatalog::new(&binaries);
    let catalogs = Catalogs(vec![&stat, &tp, &kfuncs, &uprobes]);
    let el = rstap_sema::elaborate_parsed(
        &sm,
        vec![user],
        library,
        &catalogs,
        &rstap_sema::ElaborateOptions::default(),
    );
    diags.extend(el.diagnostics);
    let errors: Vec<_> = diags.into_iter().filter(|d| d.is_error()).collect();
    let text = render_all(&sm, &errors, RenderOptions::default());
    (el.program, sm, text)
}

/// The x86-64 numbers of the system calls the test scripts trace.
pub fn syscall_nr(name: &str) -> Option<i64> {
    Some(match name {
        "write" => 1,
        "getppid" => 110,
        "openat" => 257,
        _ => return None,
    })
}

/// Whether this process runs as root (tests that load BPF programs skip otherwise).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(2) == Some("0"))
        })
        .unwrap_or(false)
}

/// The probes that run in the kernel./// The probes that run in the kernel.
pub fn kernel_probes(p: &Program) -> Vec<rstap_ir::ProbeId> {
    p.probes
        .iter()
        .enumerate()
        .filter(|(_, pr)| {
            matches!(
                rstap_ir::placement::placement(p, pr),
                rstap_ir::placement::Placement::Kernel(_)
            )
        })
        .map(|(i, _)| rstap_ir::ProbeId(i as u32))
        .collect()
}
