//! Variables at an address of programs built here with `cc`, their locations checked
//! against the stores `objdump -d` shows and, at -O2, against the location lists read
//! independently.

use super::*;
use std::path::PathBuf;
use std::process::Command;

/// Line numbers below are those of this text; the file is built as `TAG.c`.
const PROGRAM: &str = r#"#include <stdio.h>
long global_sum;
__attribute__((noinline)) long work(int n, const char *tag) {
    static int calls;
    long total = 0;
    calls++;
    while (n > 0) {
        short sq = n * n;
        total += sq + tag[n % 4]; /* LOOP */
        n--;
    }
    global_sum += total;
    return total + calls;
}
__attribute__((noinline)) int shadow(int x) {
    int y = x * 3; /* OUTER */
    {
        int x = y + 1;
        y += x; /* INNER */
    }
    return y;
}
static inline int twice(int v) {
    int w[2] = {v, v};
    return w[0] + w[1];
}
int (*volatile twice_ptr)(int) = twice;
int main(int argc, char **argv) {
    printf("%ld %d\n", work(argc + 3, argc > 1 ? argv[1] : "abcd"), shadow(argc));
    return twice(argc) + twice_ptr(argc) == 0;
}
"#;

fn build(tag: &str, flags: &[&str]) -> Option<(PathBuf, Vec<u8>)> {
    let out = crate::test_support::cc("rstap-variables", tag, PROGRAM, flags)?;
    let data = std::fs::read(&out).ok()?;
    Some((out, data))
}

fn line_of(needle: &str) -> u64 {
    PROGRAM
        .lines()
        .position(|l| l.contains(needle))
        .map(|i| i as u64 + 1)
        .unwrap()
}

/// The first address of the line holding `needle`.
fn address_of(data: &[u8], needle: &str) -> u64 {
    let line = line_of(needle);
    let info = SourceInfo::parse(data).unwrap();
    info.lines
        .iter()
        .filter(|r| r.line == line && info.files[r.file as usize].ends_with(".c"))
        .map(|r| r.address)
        .min()
        .unwrap_or_else(|| panic!("no code for line {line}"))
}

fn function(data: &[u8], name: &str) -> Function {
    Binary::parse(data).unwrap().function(name).unwrap().clone()
}

/// The address of the local symbol whose name starts with `prefix` (gcc names a
/// function's static `calls` as `calls.0`).
fn data_symbol(data: &[u8], prefix: &str) -> u64 {
    use object::{Object, ObjectSymbol};
    let file = object::File::parse(data).unwrap();
    file.symbols()
        .find(|s| s.name().is_ok_and(|n| n.starts_with(prefix)))
        .map(|s| s.address())
        .unwrap()
}

/// The `%rbp` offsets of the stores at the start of `work`'s code at -O0, in the
/// order: `n` (from `%edi`), `tag` (from `%rsi`), `total` (`movq $0x0`), `sq` (from
/// `%ax`).
fn objdump_frame_slots(path: &std::path::Path) -> Option<[i64; 4]> {
    let out = Command::new("objdump")
        .args(["-d", "--no-show-raw-insn"])
        .arg(path)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let body = text.split("<work>:").nth(1)?.split("\n\n").next()?;
    let slot = |source: &str| -> Option<i64> {
        body.lines().find_map(|l| {
            let operands = l.split_whitespace().last()?;
            let rest = operands.strip_prefix(source)?;
            let hex = rest.strip_prefix(",-0x")?.strip_suffix("(%rbp)")?;
            i64::from_str_radix(hex, 16).ok().map(|v| -v)
        })
    };
    Some([slot("%edi")?, slot("%rsi")?, slot("$0x0")?, slot("%ax")?])
}

fn var(name: &str, c_type: &str, size: u8, signed: bool, parameter: bool) -> Variable {
    Variable {
        name: name.into(),
        c_type: c_type.into(),
        size,
        signed,
        ty: None,
        parameter,
        location: VarLocation::Unavailable(String::new()),
    }
}

/// The variables with `ty` cleared (checked separately) and the locations apart.
fn split(vars: &[Variable]) -> (Vec<Variable>, Vec<VarLocation>) {
    let shapes = vars
        .iter()
        .map(|v| Variable {
            ty: None,
            location: VarLocation::Unavailable(String::new()),
            ..v.clone()
        })
        .collect();
    (shapes, vars.iter().map(|v| v.location.clone()).collect())
}

fn expected_work_variables() -> Vec<Variable> {
    vec![
        var("n", "int", 4, true, true),
        var("tag", "const char*", 8, false, true),
        var("calls", "int", 4, true, false),
        var("total", "long int", 8, true, false),
        var("sq", "short int", 2, true, false),
    ]
}

/// Each variable's type id names its type in the binary's `DwarfTypes`.
fn check_types(data: &[u8], vars: &[Variable]) {
    let types = DwarfTypes::parse(data).unwrap();
    for v in vars {
        assert_eq!(types.name(v.ty.expect("a type")), v.c_type, "{v:?}");
    }
}

#[test]
fn parameters_and_locals_in_a_loop_at_o0() {
    let Some((path, data)) = build("vars-o0", &["-O0", "-g"]) else {
        return;
    };
    let vars = variables_at(&data, address_of(&data, "/* LOOP */")).unwrap();
    let (shapes, locations) = split(&vars);
    assert_eq!(shapes, expected_work_variables());
    check_types(&data, &vars);
    // The static is at its symbol's address; the rest are in the frame, below %rbp.
    assert_eq!(
        locations[2],
        VarLocation::Static {
            address: data_symbol(&data, "calls.")
        }
    );
    let offsets: Vec<i64> = [0, 1, 3, 4]
        .iter()
        .map(|&i| match locations[i] {
            VarLocation::Memory { base: "bp", offset } if offset < 0 => offset,
            ref other => panic!("{}: {other:?}", vars[i].name),
        })
        .collect();
    match objdump_frame_slots(&path) {
        Some(slots) => assert_eq!(offsets, slots, "offsets of n, tag, total, sq"),
        None => eprintln!("objdump unavailable: frame offsets not cross-checked"),
    }
}

#[test]
fn an_inner_declaration_hides_an_outer_one() {
    let Some((_, data)) = build("vars-shadow", &["-O0", "-g"]) else {
        return;
    };
    let outer = variables_at(&data, address_of(&data, "/* OUTER */")).unwrap();
    let (shapes, outer_locations) = split(&outer);
    assert_eq!(
        shapes,
        [
            var("x", "int", 4, true, true),
            var("y", "int", 4, true, false)
        ]
    );
    let inner = variables_at(&data, address_of(&data, "/* INNER */")).unwrap();
    let (shapes, inner_locations) = split(&inner);
    // The block's `x` replaces the parameter; `y` is the function's, at the same place.
    assert_eq!(
        shapes,
        [
            var("y", "int", 4, true, false),
            var("x", "int", 4, true, false)
        ]
    );
    assert_eq!(inner_locations[0], outer_locations[1]);
    assert_ne!(inner_locations[1], outer_locations[0]);
    assert!(matches!(
        inner_locations[1],
        VarLocation::Memory { base: "bp", .. }
    ));
}

/// gcc's frame base is the canonical frame address: at the first instruction it is
/// %rsp+8 (the return address was just pushed), after `push %rbp; mov %rsp,%rbp` it is
/// %rbp+16; the variable is at the same distance from it.
fn check_frame_base_through_cfi(data: &[u8]) {
    let entry = function(data, "work").address;
    let at_entry = variables_at(data, entry).unwrap();
    let in_loop = variables_at(data, address_of(data, "/* LOOP */")).unwrap();
    assert_eq!(at_entry[0].name, "n");
    let VarLocation::Memory {
        base: "sp",
        offset: from_sp,
    } = at_entry[0].location
    else {
        panic!("{:?}", at_entry[0]);
    };
    let VarLocation::Memory {
        base: "bp",
        offset: from_bp,
    } = in_loop[0].location
    else {
        panic!("{:?}", in_loop[0]);
    };
    assert_eq!(from_sp - 8, from_bp - 16);
    assert!(from_bp < 0);
}

#[test]
fn frame_base_from_eh_frame_and_from_debug_frame() {
    let Some((_, data)) = build("vars-cfi", &["-O0", "-g"]) else {
        return;
    };
    check_frame_base_through_cfi(&data);
    // Without unwind tables, gcc describes the frames in .debug_frame only.
    let Some((_, data)) = build(
        "vars-debug-frame",
        &[
            "-O0",
            "-g",
            "-fno-asynchronous-unwind-tables",
            "-fno-unwind-tables",
        ],
    ) else {
        return;
    };
    let file = object::File::parse(&*data).unwrap();
    use object::Object;
    assert!(file.section_by_name(".debug_frame").is_some());
    check_frame_base_through_cfi(&data);
}

/// `name → ranges` of the location lists of `work`'s parameters and variables, read
/// with gimli directly.
fn location_lists(data: &[u8]) -> Vec<(String, Vec<(u64, u64)>)> {
    use gimli::{AttributeValue, EndianSlice, RunTimeEndian, constants as dw};
    use object::{Object, ObjectSection};
    let file = object::File::parse(data).unwrap();
    let sections = gimli::DwarfSections::load(|id| -> Result<_, ()> {
        Ok(file
            .section_by_name(id.name())
            .and_then(|s| s.uncompressed_data().ok())
            .unwrap_or_default())
    })
    .unwrap();
    let dwarf = sections.borrow(|s| EndianSlice::new(s, RunTimeEndian::Little));
    let mut out = Vec::new();
    let mut units = dwarf.units();
    while let Some(header) = units.next().unwrap() {
        let unit = dwarf.unit(header).unwrap();
        let mut entries = unit.entries();
        let mut in_work = None;
        while let Some(e) = entries.next_dfs().unwrap() {
            let name = e
                .attr_value(dw::DW_AT_name)
                .and_then(|v| dwarf.attr_string(&unit, v).ok())
                .map(|s| s.to_string_lossy().into_owned());
            if in_work.is_some_and(|d| e.depth() <= d) {
                in_work = None;
            }
            if e.tag() == dw::DW_TAG_subprogram && name.as_deref() == Some("work") {
                in_work = Some(e.depth());
                continue;
            }
            if in_work.is_none() {
                continue;
            }
            let Some(name) = name else { continue };
            let Some(v @ AttributeValue::LocationListsRef(_)) = e.attr_value(dw::DW_AT_location)
            else {
                continue;
            };
            let mut list = dwarf.attr_locations(&unit, v).unwrap().unwrap();
            let mut ranges = Vec::new();
            while let Some(l) = list.next().unwrap() {
                ranges.push((l.range.begin, l.range.end));
            }
            out.push((name, ranges));
        }
    }
    out
}

#[test]
fn optimized_code_registers_and_location_lists() {
    let Some((_, data)) = build("vars-o2", &["-O2", "-g"]) else {
        return;
    };
    let work = function(&data, "work");
    // At the entry the parameters are where the calling convention passes them.
    let at_entry = variables_at(&data, work.address).unwrap();
    let names: Vec<&str> = at_entry.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["n", "tag", "calls", "total"]);
    assert_eq!(at_entry[0].location, VarLocation::Register("di"));
    assert_eq!(at_entry[1].location, VarLocation::Register("si"));
    check_types(&data, &at_entry);

    // In the loop the block's variable is visible too.
    let in_loop = variables_at(&data, address_of(&data, "/* LOOP */")).unwrap();
    let (shapes, _) = split(&in_loop);
    assert_eq!(shapes, expected_work_variables());

    // At every address of the function, a variable with a location list is
    // "optimized out" exactly where no entry of its list covers the address.
    let lists = location_lists(&data);
    assert!(lists.iter().any(|(n, _)| n == "n"), "{lists:?}");
    let mut gaps = 0;
    for address in work.address..work.address + work.size {
        for v in variables_at(&data, address).unwrap() {
            let Some((_, ranges)) = lists.iter().find(|(n, _)| *n == v.name) else {
                continue;
            };
            let covered = ranges.iter().any(|&(b, e)| b <= address && address < e);
            match &v.location {
                VarLocation::Unavailable(reason) if reason == "optimized out" => {
                    assert!(!covered, "{address:#x}: {v:?}");
                    gaps += 1;
                }
                VarLocation::Unavailable(reason) => {
                    assert!(covered, "{address:#x}: {v:?}");
                    assert!(
                        reason.starts_with("computed by a DWARF expression")
                            && reason.contains("(DW_OP_"),
                        "{address:#x}: {v:?}"
                    );
                }
                VarLocation::Register(_)
                | VarLocation::Memory { .. }
                | VarLocation::Constant(_)
                | VarLocation::Value { .. } => {
                    assert!(covered, "{address:#x}: {v:?}")
                }
                VarLocation::Static { .. } => panic!("{address:#x}: {v:?}"),
            }
        }
    }
    assert!(gaps > 0, "no address outside a location list: {lists:?}");
}

#[test]
fn nothing_outside_functions_or_without_dwarf() {
    let Some((_, data)) = build("vars-plain-g", &["-O0", "-g"]) else {
        return;
    };
    assert_eq!(variables_at(&data, 0), Ok(Vec::new()));
    // A data address lies in no function.
    let global = data_symbol(&data, "global_sum");
    assert_eq!(variables_at(&data, global), Ok(Vec::new()));
    // main has its parameters but not work's variables.
    let main = variables_at(&data, address_of(&data, "printf(")).unwrap();
    let (shapes, _) = split(&main);
    assert_eq!(
        shapes,
        [
            var("argc", "int", 4, true, true),
            var("argv", "char**", 8, false, true)
        ]
    );

    let Some((_, plain)) = build("vars-plain", &["-O0"]) else {
        return;
    };
    let work = function(&plain, "work");
    assert_eq!(variables_at(&plain, work.address), Ok(Vec::new()));
    assert!(variables_at(b"not an ELF file", 0).is_err());
}

#[test]
fn out_of_line_copy_of_an_inline_function() {
    let Some((_, data)) = build("vars-inline", &["-O2", "-g"]) else {
        return;
    };
    // `twice` is inlined into main and also has a copy of its own (its address is
    // taken), whose entries name their abstract origin for names and types.
    let copy = function(&data, "twice");
    let vars = variables_at(&data, copy.address).unwrap();
    let (shapes, _) = split(&vars);
    assert_eq!(
        shapes,
        [
            var("v", "int", 4, true, true),
            var("w", "int[2]", 0, false, false)
        ]
    );
    assert_eq!(vars[0].location, VarLocation::Register("di"));
    check_types(&data, &vars);
    // Where the copy inlined into main starts, twice's variables replace main's.
    let info = crate::SourceInfo::parse(&data).unwrap();
    let inlined = info
        .inlined
        .iter()
        .find(|i| i.name == "twice" && i.caller == "main")
        .expect("twice inlined into main");
    let vars = variables_at(&data, inlined.address).unwrap();
    let (shapes, _) = split(&vars);
    assert_eq!(
        shapes,
        [
            var("v", "int", 4, true, true),
            var("w", "int[2]", 0, false, false)
        ],
        "{vars:?}"
    );
    // Just before it, in main, main's own.
    let before = variables_at(&data, function(&data, "main").address).unwrap();
    let names: Vec<&str> = before.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["argc", "argv"]);
}

#[test]
fn damaged_dwarf_is_an_error_or_unavailable_never_a_panic() {
    let Some((_, data)) = build("vars-damaged", &["-O2", "-g"]) else {
        return;
    };
    use object::{Object, ObjectSection};
    let file = object::File::parse(&*data).unwrap();
    let address = address_of(&data, "/* LOOP */");
    let mut errors = 0;
    for name in [
        ".debug_info",
        ".debug_abbrev",
        ".debug_loclists",
        ".eh_frame",
    ] {
        let Some((start, size)) = file.section_by_name(name).and_then(|s| s.file_range()) else {
            continue;
        };
        // Every byte of a small section, a spread of those of a big one.
        let step = (size / 400).max(1) as usize;
        for at in (start as usize..(start + size) as usize).step_by(step) {
            let mut bad = data.clone();
            bad[at] ^= 0xff;
            if let Err(e) = variables_at(&bad, address) {
                assert!(e.to_string().starts_with("damaged DWARF"), "{e}");
                errors += 1;
            }
        }
    }
    assert!(errors > 0);
}

#[test]
fn globals_of_the_units() {
    let Some((_, data)) = build("vars-globals", &["-O0", "-g"]) else {
        return;
    };
    let found = globals(&data).unwrap();
    let names: Vec<&str> = found.iter().map(|g| g.variable.name.as_str()).collect();
    // A function's static (`calls`) is not a global of the unit.
    assert_eq!(names, ["global_sum", "twice_ptr"]);
    let sum = &found[0];
    assert!(sum.unit.ends_with("vars-globals.c"), "{sum:?}");
    assert_eq!(
        (
            sum.variable.c_type.as_str(),
            sum.variable.size,
            sum.variable.signed
        ),
        ("long int", 8, true)
    );
    assert_eq!(
        sum.variable.location,
        VarLocation::Static {
            address: data_symbol(&data, "global_sum")
        }
    );
    assert!(!sum.variable.parameter);
    check_types(&data, std::slice::from_ref(&sum.variable));
    // A file without DWARF has none.
    let Some((_, plain)) = build("vars-globals-plain", &["-O0"]) else {
        return;
    };
    assert_eq!(globals(&plain), Ok(Vec::new()));
}
