//! Typed accesses in user-space probes (`$p->member`, `$p$`, `$$parms`, `@cast` into a
//! program), against a canned binary whose DWARF types are declared here. The walk is
//! the kernel's (see kernel_types.rs); what differs is where types come from and that
//! memory is read with the `user_*` functions.

use std::rc::Rc;

use rstap_diag::{RenderOptions, SourceMap, render_all};
use rstap_sema::{
    Catalogs, ElaborateOptions, FakeTypes, KernelType, StaticCatalog, TypeSource, UprobeCatalog,
    UserBinary, UserBinarySource, UserFunction, UserParam, dump, elaborate_parsed,
};
use rstap_syntax::{MacroLibrary, ParseOptions};

/// `/opt/app` (with DWARF) and `/opt/plain` (without): `visit(struct point *p, int
/// depth)`, `struct point { int x@0; char name[8]@4; struct point *next@16; unsigned
/// flags:3 at bit 192 }`, and `struct point *find(int)` for return probes.
struct App {
    types: FakeTypes,
    point_ptr: KernelType,
    int: KernelType,
}

impl App {
    fn new() -> App {
        let mut t = FakeTypes::new();
        let int = t.int("int", 4, true);
        let uint = t.int("unsigned int", 4, false);
        let chr = t.int("char", 1, true);
        let name = t.array(chr, 8);
        let point = t.aggregate("point", 32);
        let point_ptr = t.pointer(Some(point));
        t.add_member(point, "x", 0, int);
        t.add_member(point, "name", 4, name);
        t.add_member(point, "next", 16, point_ptr);
        t.add_bitfield(point, "flags", 192, 3, uint);
        App {
            types: t,
            point_ptr,
            int,
        }
    }
}

impl UserBinarySource for App {
    fn binary(&self, path: &str) -> Result<Rc<UserBinary>, String> {
        if !["/opt/app", "/opt/plain"].contains(&path) {
            return Err(format!("cannot probe process(\"{path}\"): no such file"));
        }
        let f = |name: &str, offset| UserFunction {
            name: name.into(),
            offset,
        };
        Ok(Rc::new(UserBinary {
            path: path.into(),
            functions: vec![f("find", 0x1100), f("visit", 0x1140)],
            marks: Vec::new(),
            stripped: false,
        }))
    }
    fn target_program(&self) -> Option<String> {
        None
    }
    fn parameters(&self, path: &str, function: &str) -> Vec<UserParam> {
        if path != "/opt/app" {
            return Vec::new();
        }
        let p = |name: &str, c_type: &str, size, signed, register, ty| UserParam {
            name: name.into(),
            c_type: c_type.into(),
            size,
            signed,
            register,
            ty: Some(ty),
            ..UserParam::default()
        };
        match function {
            "visit" => vec![
                p("p", "struct point*", 8, false, Some(0), self.point_ptr),
                p("depth", "int", 4, true, Some(1), self.int),
            ],
            "find" => vec![
                p("$return", "struct point*", 8, false, None, self.point_ptr),
                p("x", "int", 4, true, Some(0), self.int),
            ],
            _ => Vec::new(),
        }
    }
    fn types(&self, path: &str) -> Result<Rc<dyn TypeSource>, String> {
        match path {
            "/opt/app" => Ok(Rc::new(self.types.clone())),
            "/opt/plain" => Err(format!(
                "'{path}' has no DWARF debugging information (build it with -g)"
            )),
            _ => Err(format!("cannot probe process(\"{path}\"): no such file")),
        }
    }
}

/// Elaborates `script`; the verbose `-p2` listing, or the rendered errors.
fn elaborate(script: &str) -> Result<String, String> {
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
    let app = App::new();
    let statics = StaticCatalog::default();
    let uprobes = UprobeCatalog::new(&app);
    let catalogs = Catalogs(vec![&statics, &uprobes]);
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

fn probe_body(listing: &str) -> String {
    let at = listing.find("# probes").expect("probes section");
    listing[at..].to_string()
}

const VISIT: &str = "process(\"/opt/app\").function(\"visit\")";

#[test]
fn members_through_pointers_become_user_reads() {
    let out = elaborate(&format!(
        "probe {VISIT} {{ println($p->next->x, $p->flags, user_string($p->name), &$p->next, $p->name[2]) }}"
    ))
    .unwrap();
    let body = probe_body(&out);
    let p = "__uprobe_param_0_8u()";
    assert!(
        body.contains(&format!("user_int(user_long({p} + 16))")),
        "{body}"
    );
    assert!(body.contains(&format!("user_char({p} + 24) & 7")), "{body}");
    assert!(body.contains(&format!("user_string({p} + 4)")), "{body}");
    assert!(body.contains(&format!(", {p} + 16, ")), "{body}");
    assert!(
        body.contains(&format!("user_char(({p} + 4) + (2 * 1))")),
        "{body}"
    );
    assert!(!body.contains("kernel_"), "{body}");
}

#[test]
fn casts_default_to_the_probed_program() {
    let out = elaborate(&format!(
        "probe {VISIT} {{ println(@cast(pointer_arg(1), \"point\")->x + @cast(pointer_arg(1), \"struct point\", \"/opt/app\")->next) }}"
    ))
    .unwrap();
    let body = probe_body(&out);
    assert!(body.contains("user_int(pointer_arg(1))"), "{body}");
    assert!(body.contains("user_long(pointer_arg(1) + 16)"), "{body}");
    // Outside a user probe, @cast names the program by its path.
    let out =
        elaborate("probe begin { println(@cast(0, \"struct point\", \"/opt/app\")->x) }").unwrap();
    assert!(probe_body(&out).contains("user_int(0)"), "{out}");
}

#[test]
fn return_values_are_typed() {
    let out = elaborate(
        "probe process(\"/opt/app\").function(\"find\").return { println($return->x, $$return) }",
    )
    .unwrap();
    let body = probe_body(&out);
    assert!(body.contains("user_int(__uprobe_return())"), "{body}");
    assert!(
        body.contains("sprintf(\"return=0x%x\", __uprobe_return())"),
        "{body}"
    );
}

#[test]
fn pretty_printing_and_parameter_texts() {
    let out = elaborate(&format!(
        "probe {VISIT} {{ println($p$); println($$parms); println($$parms$); println($$vars, $$locals) }}"
    ))
    .unwrap();
    let body = probe_body(&out);
    let p = "__uprobe_param_0_8u()";
    // The struct behind the pointer, its char array as a quoted string, the pointer
    // member in hex, the bitfield masked.
    let pretty = format!(
        "sprintf(\"{{.x=%d, .name=%s, .next=%p, .flags=%u}}\", user_int({p}), user_string_quoted({p} + 4), user_long({p} + 16), user_char({p} + 24) & 7)"
    );
    assert!(body.contains(&pretty), "{body}");
    assert!(
        body.contains(&format!(
            "sprintf(\"p=0x%x depth=0x%x\", {p}, __uprobe_param_1_4s())"
        )),
        "{body}"
    );
    assert!(body.contains("sprintf(\"p={.x=%d"), "{body}");
    assert!(body.contains("} depth=%d\""), "{body}");
    // $$vars lists the parameters; locals are not read.
    assert!(
        body.contains("println(sprintf(\"p=0x%x depth=0x%x\""),
        "{body}"
    );
    assert!(body.contains(", \"\")"), "{body}");
}

#[test]
fn bad_paths_are_reported() {
    let cases = [
        (
            "$p->nmae",
            "unable to find member 'nmae' in struct point; did you mean: name?",
        ),
        ("$p->x->y", "cannot read member 'y' of an integer (int)"),
        ("$depth->x", "cannot read member 'x' of an integer (int)"),
        ("$depth[0]", "cannot index an integer (int)"),
        ("$p->next", ""),
        ("$p[0]", "struct point cannot be read as a value"),
        ("$p[0]->x", ""),
        (
            "@cast($p, \"struct nosuch\")->x",
            "type definition 'nosuch' not found in the program's types",
        ),
        (
            "@cast($p, \"point\", \"/opt/plain\")->x",
            "@cast into module '/opt/plain': '/opt/plain' has no DWARF debugging information (build it with -g)",
        ),
        ("@cast($p, \"point\", \"/opt/none\")->x", "no such file"),
        ("$$parms->x", "$$parms is a string: it has no members"),
        ("&$p$", "cannot take the address of a pretty-printed value"),
        (
            "&$p",
            "cannot take the address of a value that is not in memory",
        ),
    ];
    for (expr, want) in cases {
        let script = format!("probe {VISIT} {{ println({expr}) }}");
        match elaborate(&script) {
            Ok(out) => assert!(want.is_empty(), "{expr} elaborated:\n{out}"),
            Err(e) => assert!(!want.is_empty() && e.contains(want), "{expr}: {e}"),
        }
    }
}

#[test]
fn programs_without_dwarf_point_to_dash_g_and_the_positional_functions() {
    let e = elaborate("probe process(\"/opt/plain\").function(\"visit\") { println($p->x) }")
        .unwrap_err();
    assert!(e.contains("unresolved target-symbol expression"), "{e}");
    assert!(e.contains("built with -g"), "{e}");
    assert!(e.contains("pointer_arg(n)"), "{e}");
}

#[test]
fn defined_tests_members() {
    let out = elaborate(&format!(
        "probe {VISIT} {{ println(@defined($p->x) ? 1 : 2, @defined($p->nosuch) ? 3 : 4, @defined(@cast(0, \"point\")->next->x)) }}"
    ))
    .unwrap();
    assert!(probe_body(&out).contains("println(1, 4, 1)"), "{out}");
}
