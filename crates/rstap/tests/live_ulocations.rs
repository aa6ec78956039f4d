//! Live tests of the user-space probe points beyond symbols and marks: `.library(...)`,
//! `.plt(...)`, `.statement(...)`, `.function("f@file")`, `.inline` and `process(PID)`,
//! on `tests/workload/ulocs.c` linked here with the shared library
//! `tests/workload/ulib.c`. Probes run as root; resolution errors and listings need no
//! privileges. Tests run one at a time (`serial()`).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

mod support;
use support::{is_root, ok, text};

fn workload_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("ulocs"))
}

fn cc(args: &[&str]) -> bool {
    Command::new("cc")
        .args(args)
        .status()
        .is_ok_and(|s| s.success())
}

/// Builds, in [`workload_dir`]: `libulib.so`; `ulocs` (-g -O0) and `other` (the same
/// program, another file) linked with it; `ulocs-opt` (-g -O2, where `bump` is
/// inlined); `ulocs-nodebug` (no -g). `false` without a C compiler.
fn build() -> bool {
    static BUILT: OnceLock<bool> = OnceLock::new();
    *BUILT.get_or_init(|| {
        let dir = workload_dir();
        let _ = std::fs::create_dir_all(dir);
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/workload");
        let (lib_c, prog_c) = (src.join("ulib.c"), src.join("ulocs.c"));
        let d = dir.display().to_string();
        let lib = dir.join("libulib.so").display().to_string();
        if !cc(&[
            "-shared",
            "-fPIC",
            "-g",
            "-O1",
            "-o",
            &lib,
            lib_c.to_str().unwrap(),
        ]) {
            return false;
        }
        let rpath = format!("-Wl,-rpath,{d}");
        let libdir = format!("-L{d}");
        for (out, flags) in [
            ("ulocs", &["-g", "-O0"][..]),
            ("other", &["-g", "-O0"][..]),
            ("ulocs-opt", &["-g", "-O2"][..]),
            ("ulocs-nodebug", &["-O1"][..]),
        ] {
            let out = dir.join(out).display().to_string();
            let mut args: Vec<&str> = flags.to_vec();
            args.extend([
                "-o",
                &out,
                prog_c.to_str().unwrap(),
                &libdir,
                "-lulib",
                &rpath,
            ]);
            if !cc(&args) {
                return false;
            }
        }
        true
    })
}

fn built() -> bool {
    let ok = build();
    if !ok {
        eprintln!("skipped: no C compiler to build the workload");
    }
    ok
}

fn live() -> bool {
    if !is_root() {
        eprintln!("skipped: live tracing needs root");
        return false;
    }
    built()
}

fn rstap_in(args: &[&str]) -> Output {
    support::rstap_in(workload_dir(), args)
}

fn fails(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    text(&out.stderr)
}

/// The line of `ulocs.c` holding `marker`.
fn line_of(marker: &str) -> usize {
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/workload/ulocs.c"),
    )
    .unwrap();
    src.lines().position(|l| l.contains(marker)).unwrap() + 1
}

/// The linked address of a symbol of a workload binary, from `nm`.
fn symbol_address(bin: &str, symbol: &str) -> u64 {
    let out = Command::new("nm")
        .arg(workload_dir().join(bin))
        .output()
        .expect("nm");
    let t = text(&out.stdout);
    let line = t
        .lines()
        .find(|l| l.split_whitespace().nth(2) == Some(symbol))
        .unwrap_or_else(|| panic!("{symbol} in nm output"));
    u64::from_str_radix(line.split_whitespace().next().unwrap(), 16).unwrap()
}

#[test]
fn library_functions_count_only_the_program_s_calls() {
    let _guard = support::serial();
    if !live() {
        return;
    }
    // `other` maps the same library and calls lib_add 3 times: the probe names
    // ./ulocs's processes, so only its 5 calls count.
    let script = r#"
global calls, done
probe process("./ulocs").library("libulib.so").function("lib_add") { calls++ }
probe process("./ulocs").library("libulib.so").function("lib_done") { done = int_arg(1) }
probe end { printf("%d calls, total %d\n", calls, done) }
"#;
    let out = rstap_in(&["-e", script, "-c", "./other 3; ./ulocs 5"]);
    assert_eq!(ok(&out), "5 calls, total 165\n");
    // A library probe of the library itself fires in every process.
    let script = r#"
global calls
probe process("./libulib.so").function("lib_add") { calls++ }
probe end { printf("%d calls\n", calls) }
"#;
    let out = rstap_in(&["-e", script, "-c", "./other 3; ./ulocs 5"]);
    assert_eq!(ok(&out), "8 calls\n");
}

#[test]
fn plt_probes_count_calls_through_the_plt_and_name_the_symbol() {
    let _guard = support::serial();
    if !live() {
        return;
    }
    let script = r#"
global calls
probe process("./ulocs").plt("lib_*") { calls[$$name]++ }
probe process("./ulocs").plt("lib_add").return { printf("%s = %d\n", $$name, $return) }
probe end { foreach (n+ in calls) printf("%s %d\n", n, calls[n]) }
"#;
    let out = rstap_in(&["-e", script, "-c", "./ulocs 3"]);
    assert_eq!(
        ok(&out),
        "lib_add = 11\nlib_add = 22\nlib_add = 33\nlib_add 3\nlib_done 1\n"
    );
}

#[test]
fn statements_by_line_and_by_address() {
    let _guard = support::serial();
    if !live() {
        return;
    }
    let line = line_of("STEP-LINE");
    let step = symbol_address("ulocs", "step");
    let script = format!(
        r#"
global lines, at, entries
probe process("./ulocs").statement("main@ulocs.c:{line}") {{ lines++ }}
probe process("./ulocs").statement({step:#x}).absolute {{ at++ }}
probe process("./ulocs").function("step@ulocs.c") {{ entries++ }}
probe end {{ printf("%d %d %d\n", lines, at, entries) }}
"#
    );
    let out = rstap_in(&["-e", &script, "-c", "./ulocs 4"]);
    assert_eq!(ok(&out), "4 4 4\n");
}

/// A statement reads the parameters and locals in scope there, as the program holds
/// them before the line runs: at `total += step(i)`, i counts 1..4 and total is the sum
/// of the steps before (11 * i * (i - 1) / 2); `tries`, declared in another block, is
/// not in scope. In the -O2 build the line's first instruction is on the path of a
/// single step (no argument), where DWARF gives `argc` in a register and `i` and
/// `total` as constants.
#[test]
fn statements_read_the_variables_in_scope() {
    let _guard = support::serial();
    if !live() {
        return;
    }
    let line = line_of("STEP-LINE");
    let want: String = (1..=4)
        .map(|i| format!("main 0 {i} {} 4 2\n", 11 * i * (i - 1) / 2))
        .collect();
    let script = format!(
        r#"probe process("./ulocs").statement("main@ulocs.c:{line}") {{ printf("%s %d %d %d %d %d\n", ppfunc(), is_return(), $i, $total, $n, $argc) }}"#
    );
    let out = rstap_in(&["-e", &script, "-c", "./ulocs 4"]);
    assert_eq!(ok(&out), want);
    let script = format!(
        r#"probe process("./ulocs-opt").statement("main@ulocs.c:{line}") {{ printf("%d %d %d %s\n", $i, $total, $argc, $$vars) }}"#
    );
    let out = ok(&rstap_in(&["-e", &script, "-c", "./ulocs-opt"]));
    assert!(out.starts_with("1 0 1 argc=0x1 argv=0x7ff"), "{out}");
    assert!(out.ends_with(" total=0x0 i=0x1\n"), "{out}");
    let script = format!(
        r#"probe process("./ulocs").statement("main@ulocs.c:{line}") {{ println($$locals) println($$parms) }}"#
    );
    let out = ok(&rstap_in(&["-e", &script, "-c", "./ulocs 2"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert_eq!(lines[0], "n=0x2 total=0x0 i=0x1", "{out}");
    assert_eq!(lines[2], "n=0x2 total=0xb i=0x2", "{out}");
    assert!(lines[1].starts_with("argc=0x2 argv=0x7ff"), "{out}");
    // -L lists them with their C types; a name not in scope is an error that lists them.
    let listed = ok(&rstap_in(&[
        "-L",
        &format!("process(\"./ulocs\").statement(\"main@ulocs.c:{line}\")"),
    ]));
    assert!(
        listed.trim_end().ends_with(&format!(
            "ulocs.c:{line}\") $argc:int $argv:char** $n:int $total:int $i:int"
        )),
        "{listed}"
    );
    let err = fails(&rstap_in(&[
        "-e",
        &format!(
            r#"probe process("./ulocs").statement("main@ulocs.c:{line}") {{ println($tries) }}"#
        ),
    ]));
    assert!(err.contains("$tries"), "{err}");
}

/// `.function("work").label("again")` fires each time control reaches the label, with
/// the variables in scope there (`tests/workload/labels.c`: `labels 3` passes `again`
/// three times, before each `tries++`, and `done` once), the function's static
/// variable included, in a position-independent build and in one that is not.
#[test]
fn labels_are_probed_with_their_variables() {
    let _guard = support::serial();
    if !live() {
        return;
    }
    let Some(bin) = support::c_workload_with("labels", "ulocs/labels", &["-g", "-O0"]) else {
        return;
    };
    assert_eq!(bin.parent(), Some(workload_dir()));
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/workload/labels.c");
    let decl = std::fs::read_to_string(&src)
        .unwrap()
        .lines()
        .position(|l| l.contains("int work(int n)"))
        .unwrap()
        + 1;
    let nopie = support::c_workload_with(
        "labels",
        "ulocs/labels-nopie",
        &["-g", "-O0", "-fno-PIE", "-no-pie"],
    )
    .expect("a non-PIE build");
    for bin in [bin, nopie] {
        let name = bin.file_name().unwrap().to_str().unwrap();
        let script = format!(
            r#"probe process("./{name}").function("work").label("again") {{ printf("again %d %d\n", $tries, $n) }}
probe process("./{name}").function("w*").label("do*") {{ printf("%s %d %d\n", pp(), $tries, $calls) }}"#
        );
        // (The probe point is longer than kernel probes' strings hold by default.)
        let out = ok(&rstap_in(&[
            "-DMAXSTRINGLEN=256",
            "-e",
            &script,
            "-c",
            &format!("./{name} 3"),
        ]));
        assert_eq!(
            out,
            format!(
                "again 0 3\nagain 1 3\nagain 2 3\nprocess(\"{}\").function(\"work@{}:{decl}\").label(\"done\") 3 1\n",
                bin.display(),
                src.display()
            )
        );
    }
    let listed = ok(&rstap_in(&[
        "-l",
        r#"process("./labels").function("*").label("*")"#,
    ]));
    assert_eq!(listed.lines().count(), 2, "{listed}");
    assert!(listed.contains(".label(\"again\")\n"), "{listed}");
    let err = fails(&rstap_in(&[
        "-e",
        r#"probe process("./labels").function("work").label("agian") {}"#,
    ]));
    assert!(err.contains("did you mean: again?"), "{err}");
}

/// `@var("bumps")` reads the program's global: before step(i) it holds 1 + ... + (i-1)
/// (bump(i) adds i). Also named by its file and program, at entry for a return probe,
/// and a local in scope first; a misspelt name gets "did you mean".
#[test]
fn at_var_reads_the_program_s_globals() {
    let _guard = support::serial();
    if !live() {
        return;
    }
    let script = r#"probe process("./ulocs").function("step") { printf("entry %d %d %d\n", @var("i"), @var("bumps"), @var("bumps@ulocs.c", "./ulocs")) }
probe process("./ulocs").function("step").return { printf("return %d %d %d\n", @entry(@var("bumps")), $i, @defined(@var("nope"))) }"#;
    let out = ok(&rstap_in(&["-e", script, "-c", "./ulocs 3"]));
    assert_eq!(
        out,
        "entry 1 0 0\nreturn 0 1 0\nentry 2 1 1\nreturn 1 2 0\nentry 3 3 3\nreturn 3 3 0\n"
    );
    let err = fails(&rstap_in(&[
        "-e",
        r#"probe process("./ulocs").function("step") { println(@var("bumpz")) }"#,
    ]));
    assert!(
        err.contains(r#"`@var("bumpz")` cannot be read: no global variable 'bumpz'"#)
            && err.contains("did you mean: bumps?"),
        "{err}"
    );
}

#[test]
fn inlined_copies_are_probed_where_they_start() {
    let _guard = support::serial();
    if !live() {
        return;
    }
    // bump() is inlined into step() (once per call) and into main() (once); each copy
    // reads its parameter as DWARF places it there: bump(i), then bump(1).
    let script = r#"
global hits, sum
probe process("./ulocs-opt").function("bump").inline { hits++; sum += $v }
probe end { printf("%d %d\n", hits, sum) }
"#;
    let out = rstap_in(&["-e", script, "-c", "./ulocs-opt 5"]);
    assert_eq!(ok(&out), "6 16\n");
    let listed = ok(&rstap_in(&[
        "-L",
        r#"process("./ulocs-opt").function("bump").inline"#,
    ]));
    assert!(listed.ends_with(".inline $v:int\n"), "{listed}");
}

/// Kills and reaps the workloads of [`process_probes_fire_only_in_that_process`] on
/// every path out of the test.
struct Children(Vec<std::process::Child>);

impl Drop for Children {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

#[test]
fn process_probes_fire_only_in_that_process() {
    let _guard = support::serial();
    if !live() {
        return;
    }
    let dir = workload_dir();
    let go = dir.join("go");
    let _ = std::fs::remove_file(&go);
    // Two copies of the program wait for `go`; only the first is probed, by its pid
    // and, without a path, as the -x process.
    let spawn = |n: &str| {
        Command::new(dir.join("ulocs"))
            .args([n, go.to_str().unwrap()])
            .stderr(Stdio::null())
            .spawn()
            .expect("start the workload")
    };
    let mut children = Children(vec![spawn("5"), spawn("7")]);
    let pid = children.0[0].id();
    // Its address of step(): where the kernel mapped the start of the program.
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap();
    let exe = dir.join("ulocs").canonicalize().unwrap();
    let base = maps
        .lines()
        .find(|l| {
            l.ends_with(exe.to_str().unwrap()) && l.split_whitespace().nth(2) == Some("00000000")
        })
        .and_then(|l| u64::from_str_radix(l.split('-').next()?, 16).ok())
        .expect("the program's first mapping");
    let step = base + symbol_address("ulocs", "step");
    let listed = ok(&rstap_in(&[
        "-x",
        &pid.to_string(),
        "-l",
        "process.function(\"st*\")",
    ]));
    assert_eq!(listed, format!("process({pid}).function(\"step\")\n"));
    let script = format!(
        r#"
global steps, bare, plts, ats
probe process({pid}).function("step") {{ steps++ }}
probe process.function("step") {{ bare++ }}
probe process({pid}).plt("lib_add") {{ plts++ }}
probe process({pid}).statement({step:#x}).absolute {{ ats++ }}
probe process({pid}).library("libulib.so").function("lib_done") {{
  printf("%d %d %d %d total %d, target %d\n", steps, bare, plts, ats, int_arg(1), target() == pid())
  exit()
}}
"#
    );
    let mut rstap = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args(["-x", &pid.to_string(), "-e", &script])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rstap");
    // Let the workloads go once every probe is attached.
    let mut stderr = BufReader::new(rstap.stderr.take().unwrap());
    let mut notes = String::new();
    loop {
        let mut line = String::new();
        if stderr.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        notes.push_str(&line);
        if line.starts_with("Tracing") {
            break;
        }
    }
    std::fs::write(&go, "").unwrap();
    let out = rstap.wait_with_output().unwrap();
    let _ = std::fs::remove_file(&go);
    assert!(out.status.success(), "{notes}\n{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "5 5 5 5 total 165, target 1\n",
        "{notes}"
    );
    for c in &mut children.0 {
        assert!(c.wait().unwrap().success());
    }
}

#[test]
fn listing_plt_statements_and_library_functions() {
    let _guard = support::serial();
    if !built() {
        return;
    }
    let dir = workload_dir().canonicalize().unwrap();
    let d = dir.display();
    let out = rstap_in(&["-l", r#"process("./ulocs").plt("lib*")"#]);
    assert_eq!(
        ok(&out),
        format!(
            "process(\"{d}/ulocs\").plt(\"lib_add\")\nprocess(\"{d}/ulocs\").plt(\"lib_done\")\n"
        )
    );
    let out = rstap_in(&[
        "-l",
        r#"process("./ulocs").library("libul*").function("lib*")"#,
    ]);
    assert_eq!(
        ok(&out),
        format!(
            "process(\"{d}/ulocs\").library(\"{d}/libulib.so\").function(\"lib_add\")\n\
             process(\"{d}/ulocs\").library(\"{d}/libulib.so\").function(\"lib_done\")\n"
        )
    );
    // Every line of step() with code; -L gives a function's parameters.
    let out = rstap_in(&["-l", r#"process("./ulocs").statement("step@ulocs.c:*")"#]);
    let lines: Vec<String> = ok(&out)
        .lines()
        .map(|l| l.rsplit(':').next().unwrap().to_string())
        .collect();
    let first = line_of("int step(");
    let want: Vec<String> = (first + 1..first + 5).map(|l| format!("{l}\")")).collect();
    assert_eq!(lines, want);
    let out = rstap_in(&["-L", r#"process("./ulocs").function("step@ulocs.c")"#]);
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/workload/ulocs.c");
    let src = src.canonicalize().unwrap();
    assert_eq!(
        ok(&out),
        format!(
            "process(\"{d}/ulocs\").function(\"step@{}:{first}\") $i:int\n",
            src.display()
        )
    );
}

#[test]
fn missing_libraries_plt_entries_lines_and_processes_are_explained() {
    let _guard = support::serial();
    if !built() {
        return;
    }
    let err = |pp: &str| fails(&rstap_in(&["-p2", "-e", &format!("probe {pp} {{}}")]));
    let e = err(r#"process("./ulocs").library("libulb.so").function("lib_add")"#);
    assert!(e.contains("no library 'libulb.so' among those"), "{e}");
    assert!(e.contains("did you mean: libulib.so?"), "{e}");
    let e = err(r#"process("./ulocs").plt("lib_ad")"#);
    assert!(e.contains("no PLT entry 'lib_ad'"), "{e}");
    assert!(e.contains("did you mean: lib_add"), "{e}");
    let e = err(r#"process("./ulocs").library("libulib.so").function("lib_ad")"#);
    assert!(e.contains("did you mean: lib_add"), "{e}");
    let e = err(r#"process("./ulocs-nodebug").statement("main@ulocs.c:35")"#);
    assert!(e.contains("has none: rebuild it with -g"), "{e}");
    // A line without code names the nearest one; .nearest takes it.
    let blank = line_of("STEP-LINE") + 1;
    let e = err(&format!(
        r#"process("./ulocs").statement("main@ulocs.c:{blank}")"#
    ));
    assert!(e.contains("no code for the lines of"), "{e}");
    assert!(
        e.contains(&format!("the nearest line with code is {}", blank + 1)),
        "{e}"
    );
    let out = rstap_in(&[
        "-l",
        &format!(r#"process("./ulocs").statement("main@ulocs.c:{blank}").nearest"#),
    ]);
    assert!(ok(&out).ends_with(&format!(":{}\")\n", blank + 1)));
    let e = err(r#"process("./ulocs").statement("mian@ulocs.c:12")"#);
    assert!(e.contains("did you mean: main?"), "{e}");
    let e = err(r#"process("./ulocs").statement("main")"#);
    assert!(e.contains("names no source line"), "{e}");
    let e = err(r#"process("./ulocs").function("bump").inline"#);
    assert!(e.contains("no inlined copy of 'bump'"), "{e}");
    let e = err(r#"process(2147483646).function("main")"#);
    assert!(e.contains("process(2147483646): no such process"), "{e}");
    let e = err(r#"process("./ulocs").statement(0x10).absolute"#);
    assert!(e.contains("is not in code"), "{e}");
}
