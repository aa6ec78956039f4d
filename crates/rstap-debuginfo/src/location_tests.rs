//! PLT entries, line tables, inlined instances and library dependencies of programs
//! built here with `cc`, checked against `objdump` and the source's own line numbers.

use super::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Line numbers below are those of this text (line 1 is `#include <stdio.h>`); the file is built as `TAG.c`.
const PROGRAM: &str = r#"#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static inline int twice(int v) { return v * 2; }
__attribute__((noinline)) int step(int i) {
    int r = twice(i);
    r += getpid() > 0;
    return r;
}
int main(int argc, char **argv) {
    int total = 0;
    for (int i = 0; i < argc; i++) {
        total += step(i);
    }
    printf("%d\n", total + twice(argc));
    puts("done");
    return atoi(argc > 5 ? argv[1] : "0") & 1;
}
"#;

/// (One source per build: tests run in parallel.)
fn build(tag: &str, flags: &[&str]) -> Option<PathBuf> {
    crate::test_support::cc("rstap-locations", tag, PROGRAM, flags)
}

/// `name → address` of the `<name@plt>` labels `objdump -d` prints.
fn objdump_plt(path: &Path) -> Option<Vec<(String, u64)>> {
    let out = Command::new("objdump").arg("-d").arg(path).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut v: Vec<(String, u64)> = text
        .lines()
        .filter_map(|l| {
            let (addr, rest) = l.split_once(" <")?;
            let name = rest.strip_suffix("@plt>:")?;
            Some((name.to_string(), u64::from_str_radix(addr.trim(), 16).ok()?))
        })
        .collect();
    v.sort();
    Some(v)
}

fn check_plt(path: &Path) {
    let data = std::fs::read(path).unwrap();
    let entries = plt_entries(&data).unwrap();
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    for want in ["getpid", "printf", "puts", "strtol"] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    let segments = Segments::parse(&data).unwrap();
    for e in &entries {
        assert_eq!(segments.offset(e.address), Some(e.file_offset), "{e:?}");
        assert_eq!(segments.address(e.file_offset), Some(e.address), "{e:?}");
    }
    match objdump_plt(path) {
        Some(labels) => {
            let ours: Vec<(String, u64)> = entries
                .iter()
                .map(|e| (e.name.clone(), e.address))
                .collect();
            assert_eq!(ours, labels, "{}", path.display());
        }
        None => eprintln!("objdump unavailable: PLT addresses not cross-checked"),
    }
}

#[test]
fn plt_entries_of_lazy_ibt_and_non_pie_binaries() {
    let Some(lazy) = build("plt-lazy", &["-O1", "-fcf-protection=none"]) else {
        return;
    };
    check_plt(&lazy);
    if let Some(ibt) = build("plt-ibt", &["-O1", "-fcf-protection=full"]) {
        check_plt(&ibt);
    }
    if let Some(now) = build("plt-nopie", &["-O1", "-fno-PIE", "-no-pie", "-Wl,-z,now"]) {
        check_plt(&now);
    }
    // A file without a PLT has no entries (a relocatable object's sections are not).
    let dir = lazy.parent().unwrap();
    let obj = dir.join("loc.o");
    let ok = Command::new("cc")
        .args(["-c", "-o"])
        .arg(&obj)
        .arg(dir.join("plt-lazy.c"))
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        assert_eq!(plt_entries(&std::fs::read(&obj).unwrap()), Ok(Vec::new()));
    }
}

fn line_of(needle: &str) -> u64 {
    PROGRAM
        .lines()
        .position(|l| l.contains(needle))
        .map(|i| i as u64 + 1)
        .unwrap()
}

#[test]
fn line_table_functions_and_inlined_copies() {
    let Some(path) = build("lines", &["-g", "-O2"]) else {
        return;
    };
    let data = std::fs::read(&path).unwrap();
    let info = SourceInfo::parse(&data).unwrap();
    assert!(info.has_lines());
    let file = info
        .files
        .iter()
        .position(|f| f.ends_with("/lines.c"))
        .expect("lines.c among the files") as u32;
    let step = info.functions.iter().find(|f| f.name == "step").unwrap();
    assert_eq!((step.file, step.decl_line), (file, line_of("int step(")));
    assert_eq!(step.unit, file);
    let symbols = Binary::parse(&data).unwrap();
    assert_eq!(step.entry(), symbols.function("step").unwrap().address);
    // The line calling getpid() starts inside step().
    let line = line_of("getpid()");
    let rows: Vec<&LineRow> = info
        .lines
        .iter()
        .filter(|r| r.file == file && r.line == line)
        .collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| step.contains(r.address)), "{rows:?}");
    // twice() is inlined into step() and into main().
    let mut copies: Vec<(&str, u64)> = info
        .inlined
        .iter()
        .filter(|i| i.name == "twice")
        .map(|i| (i.caller.as_str(), i.call_line))
        .collect();
    copies.sort();
    assert_eq!(
        copies,
        [
            ("main", line_of("total + twice(argc)")),
            ("step", line_of("int r = twice(i)"))
        ]
    );
    // Without -g: no lines.
    let plain = build("nolines", &["-O2"]).unwrap();
    let info = SourceInfo::parse(&std::fs::read(&plain).unwrap()).unwrap();
    assert!(!info.has_lines());
    assert!(info.functions.is_empty());
}

#[test]
fn needed_libraries_resolve_like_the_dynamic_linker() {
    let Some(path) = build("deps", &["-O1"]) else {
        return;
    };
    let deps = dependencies(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(deps.needed, ["libc.so.6"]);
    let search = SearchPath::system();
    let libs = search.needed_libraries(&path);
    let libc = libs
        .iter()
        .find(|(n, _)| n == "libc.so.6")
        .and_then(|(_, p)| p.clone())
        .expect("libc.so.6 found");
    assert!(libc.is_file());
    // libc's own dependency (the dynamic linker) is listed too.
    assert!(
        libs.iter().any(|(n, _)| n.starts_with("ld-linux")),
        "{libs:?}"
    );
    // $ORIGIN in a run path names the directory of the object.
    let deps = Dependencies {
        needed: vec![],
        rpath: vec![],
        runpath: vec!["$ORIGIN".into()],
    };
    let dir = path.parent().unwrap();
    assert_eq!(
        search.find("deps", &dir.join("x"), &deps),
        Some(path.clone())
    );
    assert_eq!(
        search.find("deps", &dir.join("x"), &Dependencies::default()),
        None
    );
    if let Ok(cache) = std::fs::read("/etc/ld.so.cache") {
        let entries = ld_so_cache(&cache);
        assert!(entries.iter().any(|(k, _)| k == "libc.so.6"), "{entries:?}");
    }
}

/// Labels of a function's code: their names, function, declared line, and an address
/// where that line's code starts. A label in an inlined copy is left out.
#[test]
fn labels_of_functions() {
    const LABELS: &str = r#"static inline int twice(int v) {
    if (v > 3) goto big;
    return 2 * v;
big:
    return v;
}
__attribute__((noinline)) int work(int n) {
    int tries = 0;
again:
    tries++;
    if (tries < n)
        goto again;
    return tries + twice(n);
}
int main(int argc, char **argv) {
    (void)argv;
    return work(argc);
}
"#;
    let Some(out) = crate::test_support::cc("rstap-labels", "labels", LABELS, &["-g", "-O2"])
    else {
        return;
    };
    let info = SourceInfo::parse(&std::fs::read(&out).unwrap()).unwrap();
    let again: Vec<&SourceLabel> = info.labels.iter().filter(|l| l.name == "again").collect();
    assert_eq!(again.len(), 1, "{:?}", info.labels);
    assert_eq!((again[0].function.as_str(), again[0].line), ("work", 9));
    assert!(info.files[again[0].file as usize].ends_with("labels.c"));
    assert!(
        info.lines
            .iter()
            .any(|r| r.address == again[0].address && r.line == 10),
        "{:?} {:?}",
        again[0],
        info.lines
    );
    // `big` exists only inside twice()'s copy inlined into work().
    assert!(
        info.labels
            .iter()
            .all(|l| l.name != "big" || l.function == "twice"),
        "{:?}",
        info.labels
    );
}
