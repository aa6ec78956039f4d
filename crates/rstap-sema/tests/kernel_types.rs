//! Typed kernel accesses (`$var->member`, `@cast`) and tracepoint arguments, against a
//! canned tracepoint source whose kernel types are declared here.

use rstap_diag::{RenderOptions, SourceMap, render_all};
use rstap_sema::{
    Catalogs, ElaborateOptions, FakeTypes, KernelType, StaticCatalog, TracepointArg,
    TracepointCatalog, TracepointSource, TypeSource, dump, elaborate_parsed,
};
use rstap_syntax::{MacroLibrary, ParseOptions};

const SCHED_SWITCH: &str = "name: sched_switch
format:
\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
\tfield:char prev_comm[16];\toffset:8;\tsize:16;\tsigned:0;
\tfield:pid_t prev_pid;\toffset:24;\tsize:4;\tsigned:1;
\tfield:long prev_state;\toffset:32;\tsize:8;\tsigned:1;
\tfield:pid_t next_pid;\toffset:56;\tsize:4;\tsigned:1;
";

/// `struct task_struct { int pid@8; int tgid@12; char comm[16]@16; u16 flags@32;
/// unsigned int prio:7 at bit 272, int nice:4 at bit 279; struct task_struct *parent@40 }`
struct Kernel {
    types: FakeTypes,
    task_ptr: KernelType,
    boolean: KernelType,
    uint: KernelType,
    available: bool,
}

impl Kernel {
    fn new(available: bool) -> Kernel {
        let mut t = FakeTypes::new();
        let int = t.int("int", 4, true);
        let uint = t.int("unsigned int", 4, false);
        let u16_ = t.int("u16", 2, false);
        let chr = t.int("char", 1, true);
        let boolean = t.int("bool", 1, false);
        let comm = t.array(chr, 16);
        let task = t.aggregate("task_struct", 64);
        let task_ptr = t.pointer(Some(task));
        t.add_member(task, "pid", 8, int);
        t.add_member(task, "tgid", 12, int);
        t.add_member(task, "comm", 16, comm);
        t.add_member(task, "flags", 32, u16_);
        t.add_bitfield(task, "prio", 272, 7, uint);
        t.add_bitfield(task, "nice", 279, 4, int);
        t.add_member(task, "parent", 40, task_ptr);
        Kernel {
            types: t,
            task_ptr,
            boolean,
            uint,
            available,
        }
    }
}

impl TypeSource for Kernel {
    fn find(&self, name: &str) -> Option<KernelType> {
        self.types.find(name)
    }
    fn shape(&self, ty: KernelType) -> rstap_sema::TypeShape {
        self.types.shape(ty)
    }
    fn member(&self, ty: KernelType, name: &str) -> Option<rstap_sema::MemberInfo> {
        self.types.member(ty, name)
    }
    fn size(&self, ty: KernelType) -> Option<u64> {
        self.types.size(ty)
    }
    fn unavailable(&self) -> Option<String> {
        (!self.available).then(|| "the kernel has no BTF".to_string())
    }
    fn members(&self, ty: KernelType) -> Vec<(String, rstap_sema::MemberInfo)> {
        self.types.members(ty)
    }
    fn type_name(&self, ty: KernelType) -> Option<String> {
        self.types.type_name(ty)
    }
    fn is_char(&self, ty: KernelType) -> bool {
        self.types.is_char(ty)
    }
}

impl TracepointSource for Kernel {
    fn events(&self) -> Vec<String> {
        vec!["sched:sched_switch".into()]
    }
    fn format(&self, _system: &str, name: &str) -> Option<String> {
        (name == "sched_switch").then(|| SCHED_SWITCH.to_string())
    }
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
        Some(self)
    }
}

/// Elaborates `script`; the verbose `-p2` listing, or the rendered errors.
fn elaborate_with(kernel: &Kernel, script: &str) -> Result<String, String> {
    let mut sm = SourceMap::new();
    let file = sm.add("<input>", script);
    let macros = MacroLibrary::default();
    let (user, diags) = rstap_syntax::parse_script(&sm, file, &ParseOptions::default(), &macros);
    assert!(diags.is_empty());
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
    let tp = TracepointCatalog::new(kernel);
    let catalogs = Catalogs(vec![&statics, &tp]);
    let e = elaborate_parsed(
        &sm,
        vec![user],
        library,
        &catalogs,
        &ElaborateOptions::default(),
    );
    match e.program {
        Some(p) => Ok(dump(&p, true)),
        None => Err(render_all(&sm, &e.diagnostics, RenderOptions::default())),
    }
}

fn elaborate(script: &str) -> Result<String, String> {
    elaborate_with(&Kernel::new(true), script)
}

fn probe_body(listing: &str) -> String {
    let at = listing.find("# probes").expect("probes section");
    listing[at..].to_string()
}

#[test]
fn record_fields_stay_record_fields() {
    let out = elaborate("probe kernel.trace(\"sched_switch\") { println($prev_pid, $prev_state) }")
        .unwrap();
    assert!(out.contains("__tracepoint_field_prev_pid"), "{out}");
    assert!(out.contains("__tracepoint_field_prev_state"), "{out}");
    assert!(!out.contains("__tracepoint_arg_"), "{out}");
}

#[test]
fn naming_an_argument_switches_the_probe_to_the_arguments() {
    let out = elaborate(
        "probe kernel.trace(\"sched_switch\") { println($next, $prev_state, $arg1, $preempt) }",
    )
    .unwrap();
    // `prev_state` is both a field and an argument: the argument wins in such a probe.
    for read in [
        "__tracepoint_arg_2_u64",
        "__tracepoint_arg_3_u32",
        "__tracepoint_arg_0_u8",
    ] {
        assert!(out.contains(read), "{read} in {out}");
    }
    assert!(!out.contains("__tracepoint_field_"), "{out}");
}

#[test]
fn members_through_pointers_become_kernel_reads() {
    let out = elaborate(
        "probe kernel.trace(\"sched_switch\") { println($next->tgid, $prev->parent->pid) }",
    )
    .unwrap();
    let body = probe_body(&out);
    assert!(
        body.contains("kernel_int(__tracepoint_arg_2_u64() + 12)"),
        "{body}"
    );
    assert!(
        body.contains("kernel_int(kernel_long(__tracepoint_arg_1_u64() + 40) + 8)"),
        "{body}"
    );
}

#[test]
fn casts_arrays_unsigned_and_bitfields() {
    let out = elaborate(
        "probe kernel.trace(\"sched_switch\") {\n\
         t = $next\n\
         println(kernel_string(@cast(t, \"struct task_struct\")->comm))\n\
         println(@cast(t, \"task_struct\", \"kernel<linux/sched.h>\")->flags)\n\
         println(@cast(t, \"task_struct\")->prio, @cast(t, \"task_struct\")->nice)\n\
         println(&@cast(t, \"task_struct\")->tgid, @cast(t, \"task_struct\")->comm[2])\n\
         }",
    )
    .unwrap();
    let body = probe_body(&out);
    // An array is its address; an unsigned short is masked to 16 bits.
    assert!(body.contains("kernel_string(t + 16)"), "{body}");
    assert!(body.contains("kernel_short(t + 32) & 65535"), "{body}");
    // prio: 7 bits at bit 272 = byte 34, bit 0; nice: 4 signed bits at byte 34, bit 7.
    assert!(body.contains("kernel_char(t + 34) & 127"), "{body}");
    assert!(
        body.contains("(((kernel_short(t + 34) >>> 7) & 15) << 60) >> 60"),
        "{body}"
    );
    assert!(body.contains("println(t + 12, "), "{body}");
    assert!(body.contains("kernel_char((t + 16) + (2 * 1))"), "{body}");
}

#[test]
fn defined_guards_drop_the_branch_they_rule_out() {
    let out = elaborate(
        "probe kernel.trace(\"sched_switch\") {\n\
         x = @defined($next->nosuch) ? $next->nosuch : 7\n\
         if (@defined(@cast(0, \"task_struct\")->tgid)) y = $next->tgid else y = $next->nosuch\n\
         if (!@defined($nosuch)) z = 3\n\
         println(x, y, z)\n\
         }",
    )
    .unwrap();
    let body = probe_body(&out);
    assert!(body.contains("x = 7"), "{body}");
    assert!(body.contains("z = 3"), "{body}");
    assert!(!body.contains("nosuch"), "{body}");
}

#[test]
fn bad_paths_are_reported() {
    let cases = [
        ("$next->nosuch", "unable to find member 'nosuch'"),
        ("$next->parent", ""),
        (
            "@cast($next, \"task_struct\")",
            "struct task_struct cannot be read as a value",
        ),
        (
            "@cast($next, \"nosuch_struct\")->pid",
            "type definition 'nosuch_struct' not found",
        ),
        (
            "@cast($next, \"task_struct\", \"ext4\")->pid",
            "only kernel types are known",
        ),
        ("$next->tgid->pid", "cannot read member 'pid' of an integer"),
        ("$preempt->x", "unresolved target-symbol expression"),
        ("&$next", "unresolved target-symbol expression"),
    ];
    for (expr, want) in cases {
        let script = format!("probe kernel.trace(\"sched_switch\") {{ println({expr}) }}");
        match elaborate(&script) {
            Ok(out) => assert!(want.is_empty(), "{expr} elaborated:\n{out}"),
            Err(e) => assert!(!want.is_empty() && e.contains(want), "{expr}: {e}"),
        }
    }
}

#[test]
fn missing_type_information_is_explained() {
    let e = elaborate_with(
        &Kernel::new(false),
        "probe kernel.trace(\"sched_switch\") { println($next->pid) }",
    )
    .unwrap_err();
    assert!(e.contains("the kernel has no BTF"), "{e}");
}

#[test]
fn kernel_values_pretty_print_from_their_members() {
    let out = elaborate("probe kernel.trace(\"sched_switch\") { println($next$) }").unwrap();
    let body = probe_body(&out);
    // The struct behind the pointer; comm as a string of at most 16 bytes; the parent
    // pointer in hex; bitfields masked.
    assert!(
        body.contains("sprintf(\"{.pid=%d, .tgid=%d, .comm=\\\"%s\\\", .flags=%u, .prio=%u, .nice=%d, .parent=%p}\""),
        "{body}"
    );
    assert!(
        body.contains("kernel_string_n(__tracepoint_arg_2_u64() + 16, 16)"),
        "{body}"
    );
    let e =
        elaborate("probe kernel.trace(\"sched_switch\") { println(&$next->parent$) }").unwrap_err();
    assert!(
        e.contains("cannot take the address of a pretty-printed value"),
        "{e}"
    );
}
