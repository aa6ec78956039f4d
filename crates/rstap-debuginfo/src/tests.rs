use super::*;
use std::path::PathBuf;
use std::process::Command;

const PROGRAM: &str = r#"
#include <sys/sdt.h>
int counter;
__attribute__((noinline)) int add(int a, int b) { return a + b; }
__attribute__((noinline)) long scale(long v) { counter++; return v * 3; }
int main(int argc, char **argv) {
    long total = 0;
    for (int i = 0; i < argc; i++) {
        total += add(i, argc);
        DTRACE_PROBE2(demo, step, i, total);
    }
    DTRACE_PROBE(demo, done);
    return (int)scale(total) & 1;
}
"#;

/// Builds PROGRAM with `flags`; `None` (and a note on stderr) without a C compiler
/// or <sys/sdt.h>.
fn build(tag: &str, flags: &[&str]) -> Option<PathBuf> {
    crate::test_support::cc("rstap-debuginfo", tag, PROGRAM, flags)
}

/// The file offset of `address` computed from the section headers, independently of
/// the program headers the crate uses.
fn offset_by_sections(path: &PathBuf, address: u64) -> u64 {
    let data = std::fs::read(path).unwrap();
    let file = object::File::parse(&*data).unwrap();
    let s = file
        .sections()
        .find(|s| address >= s.address() && address < s.address() + s.size())
        .expect("a section holds the address");
    s.file_range().unwrap().0 + (address - s.address())
}

fn check_functions(path: &PathBuf, pie: bool) {
    let bin = Binary::open(path).unwrap();
    assert_eq!(bin.position_independent, pie);
    assert!(bin.has_symtab);
    for name in ["add", "scale", "main"] {
        let f = bin
            .function(name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert!(f.size > 0, "{f:?}");
        assert_eq!(f.file_offset, offset_by_sections(path, f.address), "{f:?}");
    }
    if !pie {
        // Non-PIE executables are linked above 4 MiB while their file starts at 0.
        let add = bin.function("add").unwrap();
        assert_ne!(add.address, add.file_offset);
    }
    assert!(bin.function("nosuch").is_none());
    let names: Vec<&str> = bin.functions.iter().map(|f| f.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn function_symbols_of_pie_and_non_pie_executables() {
    let Some(pie) = build("pie", &["-O1", "-fPIE", "-pie"]) else {
        return;
    };
    check_functions(&pie, true);
    let Some(fixed) = build("nopie", &["-O1", "-fno-PIE", "-no-pie"]) else {
        return;
    };
    check_functions(&fixed, false);
}

#[test]
fn usdt_notes_give_sites_and_arguments() {
    let Some(path) = build("usdt", &["-O1"]) else {
        return;
    };
    let bin = Binary::open(&path).unwrap();
    let names: Vec<(&str, &str)> = bin
        .usdt
        .iter()
        .map(|p| (p.provider.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(names, [("demo", "step"), ("demo", "done")]);
    let step = &bin.usdt[0];
    assert_eq!(step.file_offset, offset_by_sections(&path, step.address));
    let main = bin.function("main").unwrap();
    assert_eq!(
        bin.function_at(step.address).map(|f| &f.name),
        Some(&main.name)
    );
    assert!(step.semaphore.is_none());
    let args = parse_usdt_args(&step.args);
    assert_eq!(args.len(), 2, "{}", step.args);
    assert_eq!((args[0].size, args[0].signed), (4, true), "{}", step.args);
    assert_eq!((args[1].size, args[1].signed), (8, true), "{}", step.args);
    assert!(bin.usdt[1].args.is_empty());
}

#[test]
fn usdt_semaphores_are_located_in_the_file() {
    let src = r#"
#define _SDT_HAS_SEMAPHORES 1
#include <sys/sdt.h>
__extension__ unsigned short demo_tick_semaphore __attribute__((unused)) __attribute__((section(".probes")));
int main(void) { if (demo_tick_semaphore) DTRACE_PROBE1(demo, tick, 7); return 0; }
"#;
    let dir = std::env::temp_dir().join(format!("rstap-debuginfo-sem-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("sem.c"), src).unwrap();
    let out = dir.join("sem");
    let ok = Command::new("cc")
        .arg("-o")
        .arg(&out)
        .arg(dir.join("sem.c"))
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: cc with <sys/sdt.h> is not available");
        return;
    }
    let bin = Binary::open(&out).unwrap();
    let tick = bin.usdt.iter().find(|p| p.name == "tick").unwrap();
    let (addr, off) = tick.semaphore.expect("a semaphore");
    assert_eq!(off, offset_by_sections(&out, addr));
    assert_eq!(
        parse_usdt_args(&tick.args),
        [UsdtArg {
            size: 4,
            signed: true,
            location: UsdtLocation::Constant(7)
        }]
    );
}

#[test]
fn stripped_binaries_keep_only_dynamic_symbols() {
    let Some(path) = build("stripped", &["-O1", "-s"]) else {
        return;
    };
    let bin = Binary::open(&path).unwrap();
    assert!(!bin.has_symtab);
    assert!(bin.function("add").is_none());
}

#[test]
fn argument_specifications() {
    let args =
        parse_usdt_args("-4@%edi 8@-8(%rbp) 2@(%r12) 1@%r9b -8@$-3 4@%ah 8@foo(%rip) 8@%rax");
    let locs: Vec<(u8, bool, UsdtLocation)> = args
        .into_iter()
        .map(|a| (a.size, a.signed, a.location))
        .collect();
    use UsdtLocation::*;
    assert_eq!(
        locs,
        [
            (4, true, Register("di".into())),
            (
                8,
                false,
                Memory {
                    base: "bp".into(),
                    offset: -8
                }
            ),
            (
                2,
                false,
                Memory {
                    base: "r12".into(),
                    offset: 0
                }
            ),
            (1, false, Register("r9".into())),
            (8, true, Constant(-3)),
            (4, false, Unsupported("%ah".into())),
            (8, false, Unsupported("foo(%rip)".into())),
            (8, false, Register("ax".into())),
        ]
    );
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    assert!(matches!(
        Binary::parse(b"not an elf"),
        Err(Error::NotElf(_))
    ));
    assert!(matches!(
        Binary::open(Path::new("/nonexistent/binary")),
        Err(Error::Io(_))
    ));
    // Damaged notes end the walk quietly.
    assert!(usdt::notes(&[0xff; 40], true).is_empty());
    assert!(parse_usdt_args("@@ 3@ -9@%eax").len() == 3);
}

#[test]
fn programs_are_found_through_path() {
    let sh = find_program("sh", Some("/nonexistent:/bin:/usr/bin")).unwrap();
    assert!(sh.is_absolute() && sh.ends_with("sh"));
    assert!(find_program("no-such-program-here", Some("/bin")).is_none());
    assert_eq!(
        find_program("/bin/sh", None).as_deref(),
        Some(Path::new("/bin/sh"))
    );
}

#[test]
fn dwarf_parameters_with_types_and_registers() {
    let src = r#"
struct pair { long a, b, c; };
__attribute__((noinline)) long mixed(int a, double d, const char *s, unsigned short u,
                                     struct pair p, long after) {
    return a + (long)d + s[0] + u + p.a + after;
}
int main(void) { struct pair p = {1, 2, 3}; return (int)mixed(1, 2.0, "x", 3, p, 4); }
"#;
    let dir = std::env::temp_dir().join(format!("rstap-debuginfo-dwarf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("m.c"), src).unwrap();
    let out = dir.join("m");
    let ok = Command::new("cc")
        .args(["-g", "-O1", "-o"])
        .arg(&out)
        .arg(dir.join("m.c"))
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: no C compiler");
        return;
    }
    let data = std::fs::read(&out).unwrap();
    let all = parameters(&data).unwrap();
    let mixed = &all["mixed"];
    type Row<'a> = (&'a str, &'a str, u8, bool, Option<usize>, Option<u64>);
    let got: Vec<Row> = mixed
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.c_type.as_str(),
                p.size,
                p.signed,
                p.register,
                p.stack,
            )
        })
        .collect();
    // The 24-byte struct travels on the stack, after the return address; `after`
    // takes the next free register.
    assert_eq!(
        got,
        [
            (crate::dwarf::RETURN, "long int", 8, true, None, None),
            ("a", "int", 4, true, Some(0), None),
            ("d", "double", 8, false, None, None),
            ("s", "const char*", 8, false, Some(1), None),
            ("u", "short unsigned int", 2, false, Some(2), None),
            ("p", "struct pair", 8, false, None, Some(8)),
            ("after", "long int", 8, true, Some(3), None),
        ]
    );
    let types = DwarfTypes::parse(&data).unwrap();
    let p = mixed[5].ty.expect("a type for p");
    assert_eq!(types.name(p), "struct pair");
    assert_eq!(types.size(p), Some(24));
    // main(void) has its int result only.
    let main: Vec<(&str, u8, bool)> = all["main"]
        .iter()
        .map(|p| (p.name.as_str(), p.size, p.signed))
        .collect();
    assert_eq!(main, [(crate::dwarf::RETURN, 4, true)]);
    // Without -g there is nothing to read, and that is not an error.
    let Some(plain) = build("nodwarf", &["-O1"]) else {
        return;
    };
    assert!(
        parameters(&std::fs::read(plain).unwrap())
            .unwrap()
            .is_empty()
    );
}

const TYPES_PROGRAM: &str = r#"
#include <string.h>
enum color { RED, GREEN = 5, BLUE };
typedef unsigned long ulong_t;
struct inner { int y; const char *label; };
struct opaque;
struct node {
    int x;
    char name[16];
    struct inner *inner;
    struct inner nested;
    short arr[4];
    int grid[2][3];
    enum color color;
    ulong_t big;
    unsigned flag : 1, level : 3;
    union { long as_long; char as_bytes[8]; };
    struct node *next;
    struct opaque *hidden;
    void (*callback)(int);
    void *any;
};
typedef struct node node_t;
__attribute__((noinline)) int visit(node_t *n, volatile const struct inner *i) {
    return n->x + i->y;
}
int main(void) {
    struct inner in = { 7, "lbl" };
    struct node n;
    memset(&n, 0, sizeof n);
    n.inner = &in;
    return visit(&n, &in);
}
"#;

#[test]
fn dwarf_types_of_structs_arrays_enums_and_typedefs() {
    let dir = std::env::temp_dir().join(format!("rstap-debuginfo-types-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("t.c"), TYPES_PROGRAM).unwrap();
    let out = dir.join("t");
    let ok = Command::new("cc")
        .args(["-g", "-O1", "-o"])
        .arg(&out)
        .arg(dir.join("t.c"))
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: no C compiler");
        return;
    }
    let data = std::fs::read(&out).unwrap();
    let types = DwarfTypes::parse(&data).unwrap();
    assert!(!types.is_empty());
    let params = parameters(&data).unwrap();
    let visit = &params["visit"];
    let n = visit[1].ty.unwrap();
    assert_eq!(types.name(n), "node_t*");
    assert_eq!(visit[1].c_type, "node_t*");
    assert_eq!(
        types.name(visit[2].ty.unwrap()),
        "volatile const struct inner*"
    );
    let Shape::Pointer { target: Some(node) } = types.shape(n) else {
        panic!("{:?}", types.shape(n));
    };
    assert_eq!(types.name(node), "node_t");
    assert_eq!(
        types.find("struct node").map(|t| types.resolve(t)),
        Some(types.resolve(node))
    );
    assert_eq!(types.find("node_t"), Some(node));
    assert_eq!(types.size(node), Some(144));
    assert!(matches!(types.shape(node), Shape::Struct { size: 144 }));

    let m = |name: &str| types.member(node, name).unwrap_or_else(|| panic!("{name}"));
    let names: Vec<String> = types.members(node).into_iter().map(|m| m.name).collect();
    assert_eq!(
        names,
        [
            "x", "name", "inner", "nested", "arr", "grid", "color", "big", "flag", "level",
            "as_long", "as_bytes", "next", "hidden", "callback", "any"
        ]
    );
    assert_eq!(m("x").bit_offset, 0);
    assert_eq!(
        types.shape(m("x").ty),
        Shape::Int {
            size: 4,
            signed: true,
            char: false
        }
    );
    // char name[16]
    let name = m("name");
    assert_eq!(name.bit_offset, 32);
    assert_eq!(types.name(name.ty), "char[16]");
    let Shape::Array { elem, len: 16 } = types.shape(name.ty) else {
        panic!()
    };
    assert!(matches!(
        types.shape(elem),
        Shape::Int {
            size: 1,
            char: true,
            ..
        }
    ));
    // struct inner *inner, and the member of what it points to
    let inner = m("inner");
    assert_eq!(inner.bit_offset, 24 * 8);
    assert_eq!(types.name(inner.ty), "struct inner*");
    let Shape::Pointer { target: Some(it) } = types.shape(inner.ty) else {
        panic!()
    };
    let label = types.member(it, "label").unwrap();
    assert_eq!(label.bit_offset, 64);
    assert_eq!(types.name(label.ty), "const char*");
    // struct inner nested (by value)
    assert_eq!(m("nested").bit_offset, 32 * 8);
    assert!(matches!(
        types.shape(m("nested").ty),
        Shape::Struct { size: 16 }
    ));
    // short arr[4]; int grid[2][3]
    assert_eq!(m("arr").bit_offset, 48 * 8);
    assert_eq!(types.size(m("arr").ty), Some(8));
    let grid = m("grid");
    assert_eq!(types.name(grid.ty), "int[2][3]");
    assert_eq!(types.size(grid.ty), Some(24));
    let Shape::Array { elem: row, len: 2 } = types.shape(grid.ty) else {
        panic!()
    };
    assert_eq!(types.size(row), Some(12));
    assert_eq!(types.name(row), "int[3]");
    let Shape::Array { elem: cell, len: 3 } = types.shape(row) else {
        panic!()
    };
    assert_eq!(types.size(cell), Some(4));
    // enum color, typedef ulong_t
    let color = m("color").ty;
    assert_eq!(types.name(color), "enum color");
    assert_eq!(
        types.shape(color),
        Shape::Int {
            size: 4,
            signed: false,
            char: false
        }
    );
    assert_eq!(
        types.enumerators(color),
        [
            ("RED".to_string(), 0),
            ("GREEN".to_string(), 5),
            ("BLUE".to_string(), 6)
        ]
    );
    assert_eq!(types.find("enum color"), Some(color));
    assert_eq!(types.name(m("big").ty), "ulong_t");
    assert_eq!(
        types.shape(m("big").ty),
        Shape::Int {
            size: 8,
            signed: false,
            char: false
        }
    );
    // bitfields
    let (flag, level) = (m("flag"), m("level"));
    assert_eq!((flag.bit_size, level.bit_size), (1, 3));
    assert_eq!(level.bit_offset, flag.bit_offset + 1);
    assert_eq!(flag.bit_offset, 96 * 8);
    // anonymous union members share their offset
    assert_eq!(m("as_long").bit_offset, 104 * 8);
    assert_eq!(m("as_bytes").bit_offset, 104 * 8);
    // a pointer to the struct itself, to an incomplete struct, to a function, to void
    let Shape::Pointer { target: Some(next) } = types.shape(m("next").ty) else {
        panic!()
    };
    assert_eq!(types.resolve(next), types.resolve(node));
    assert_eq!(types.name(m("hidden").ty), "struct opaque*");
    assert_eq!(
        types.shape(m("callback").ty),
        Shape::Pointer { target: None }
    );
    assert_eq!(types.shape(m("any").ty), Shape::Pointer { target: None });
    assert_eq!(types.name(m("any").ty), "void*");
    assert!(types.member(node, "nosuch").is_none());
    assert!(types.find("struct nosuch").is_none());
    assert_eq!(
        types.find("int").map(|t| types.shape(t)),
        Some(Shape::Int {
            size: 4,
            signed: true,
            char: false
        })
    );

    // Without -g: no types, and no error.
    let plain = dir.join("plain");
    assert!(
        Command::new("cc")
            .args(["-O1", "-o"])
            .arg(&plain)
            .arg(dir.join("t.c"))
            .status()
            .unwrap()
            .success()
    );
    let none = DwarfTypes::parse(&std::fs::read(&plain).unwrap()).unwrap();
    assert!(none.is_empty());
    assert!(none.find("struct node").is_none());
}
