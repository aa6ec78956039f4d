//! Kernel stack and symbol functions in userspace probes, against a fixed symbol table:
//! no kernel stack there (empty backtraces, errors for frames), symbols resolved as
//! SystemTap prints them, and stack keys shown as frames in the display of globals.

use rstap_diag::SourceMap;
use rstap_interp::session::{self, SessionOptions};
use rstap_interp::{CaptureOutput, GlobalStore, MemoryStore, Stat, StoreResult, Value};
use rstap_ir::{GlobalId, Program};
use rstap_symbolize::{KernelSymbols, SharedKernelSymbols};
use rstap_syntax::{MacroLibrary, ParseOptions};

const KALLSYMS: &str = "\
ffffffff81000000 T _stext
ffffffff81000100 T vfs_read
ffffffff81000200 t ksys_read
ffffffff81000300 T do_syscall_64
ffffffff81000400 T _etext
";

fn compile(script: &str) -> (Program, SourceMap) {
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
    let library = ids
        .into_iter()
        .map(|id| {
            let (s, d) = rstap_syntax::parse_script(&sm, id, &lib_opts, &macros);
            diags.extend(d);
            s
        })
        .collect();
    let el = rstap_sema::elaborate_parsed(
        &sm,
        vec![user],
        library,
        &rstap_sema::StaticCatalog::default(),
        &rstap_sema::ElaborateOptions::default(),
    );
    diags.extend(el.diagnostics);
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
    (el.program.unwrap(), sm)
}

fn options() -> SessionOptions {
    SessionOptions {
        handle_signals: false,
        kernel_symbols: SharedKernelSymbols::from_table(KernelSymbols::parse(KALLSYMS).unwrap()),
        ..SessionOptions::default()
    }
}

fn run(script: &str) -> (String, String, i32) {
    let (program, sm) = compile(script);
    let mut out = CaptureOutput::default();
    let status = session::run(&program, &sm, &options(), &mut out).unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        status,
    )
}

#[test]
fn symbols_resolve_as_systemtap_prints_them() {
    let (out, err, status) = run(r#"probe begin {
  println(symname(0xffffffff81000110))
  println(symdata(0xffffffff81000110))
  println(symname(0xffffffff81000200))
  println(symdata(0x10))
  println(symname(0))
  print_stack("0xffffffff81000110 0xffffffff81000305  0x10")
  s = sprint_stack("0xffffffff81000110 0x10")
  printf("[%s]\n", s)
  print_syms("ffffffff81000200")
}"#);
    assert_eq!(
        out,
        "vfs_read\n\
         vfs_read+0x10/0x100 [kernel]\n\
         ksys_read\n\
         0x10\n\
         0x0\n \
         0xffffffff81000110 : vfs_read+0x10/0x100 [kernel]\n \
         0xffffffff81000305 : do_syscall_64+0x5/0x100 [kernel]\n \
         0x10 : 0x10\n\
         [ 0xffffffff81000110 : vfs_read+0x10/0x100 [kernel]\n \
         0x10 : 0x10\n]\n \
         ffffffff81000200 : ksys_read+0x0/0x100 [kernel]\n"
    );
    assert_eq!((err.as_str(), status), ("", 0));
}

#[test]
fn userspace_probes_have_no_kernel_stack() {
    let (out, err, status) = run(r#"probe begin {
  printf("[%s] [%s] [%s] [%s]\n", backtrace(), sprint_backtrace(), callers(-1), callers(-2))
  print_backtrace()
  printf("%d %d [%s]\n", addr(), user_mode(), probefunc())
  try { callers(0) } catch (e) { println(e) }
  try { stack(3) } catch (e) { println(e) }
  try { caller() } catch (e) { println(e) }
  caller_addr()
}"#);
    assert_eq!(
        out,
        "[] [] [] []\n\
         0 0 [0x0]\n\
         cannot unwind the kernel stack to level 0\n\
         cannot unwind the kernel stack to level 3\n\
         cannot unwind the kernel stack to level 1\n"
    );
    assert!(
        err.starts_with(
            "ERROR: cannot unwind the kernel stack to level 1 near identifier 'caller_addr'"
        ),
        "{err}"
    );
    assert_eq!(status, 1);
}

/// A store that says its strings starting with `0x` are kernel backtraces, as the live
/// runtime's store does for the values of kernel probes' `backtrace()`.
struct KernelStacks(MemoryStore);

impl GlobalStore for KernelStacks {
    fn scalar(&mut self, g: GlobalId) -> StoreResult<Value> {
        self.0.scalar(g)
    }
    fn set_scalar(&mut self, g: GlobalId, v: Value) -> StoreResult<()> {
        self.0.set_scalar(g, v)
    }
    fn element(&mut self, g: GlobalId, key: &[Value]) -> StoreResult<Option<Value>> {
        self.0.element(g, key)
    }
    fn set_element(&mut self, g: GlobalId, key: &[Value], v: Value) -> StoreResult<()> {
        self.0.set_element(g, key, v)
    }
    fn contains(&mut self, g: GlobalId, pattern: &[Option<Value>]) -> StoreResult<bool> {
        self.0.contains(g, pattern)
    }
    fn delete_matching(&mut self, g: GlobalId, pattern: &[Option<Value>]) -> StoreResult<()> {
        self.0.delete_matching(g, pattern)
    }
    fn clear(&mut self, g: GlobalId) -> StoreResult<()> {
        self.0.clear(g)
    }
    fn entries(&mut self, g: GlobalId) -> StoreResult<Vec<(Vec<Value>, Value)>> {
        self.0.entries(g)
    }
    fn stat_entries(&mut self, g: GlobalId) -> StoreResult<Vec<(Vec<Value>, Stat)>> {
        self.0.stat_entries(g)
    }
    fn aggregate(&mut self, g: GlobalId, key: &[Value], v: i64) -> StoreResult<()> {
        self.0.aggregate(g, key, v)
    }
    fn stat(&mut self, g: GlobalId, key: &[Value]) -> StoreResult<Option<Stat>> {
        self.0.stat(g, key)
    }
    fn is_kernel_backtrace(&self, s: &[u8]) -> bool {
        s.starts_with(b"0x")
    }
}

#[test]
fn the_display_of_globals_shows_kernel_stack_keys_as_frames() {
    let (program, sm) = compile(
        r#"global s, c
probe begin {
  s["0xffffffff81000110 0xffffffff81000305"] <<< 1
  s["0xffffffff81000110 0xffffffff81000305"] <<< 1
  s[""] <<< 1
  c["cat", "0xffffffff81000200"] = 4
  exit()
}"#,
    );
    let mut store = KernelStacks(MemoryStore::new(&program, 2048));
    let mut out = CaptureOutput::default();
    let status = session::run_with_store(&program, &sm, &options(), &mut store, &mut out).unwrap();
    assert_eq!(status, 0);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "s[\n \
         0xffffffff81000110 : vfs_read+0x10/0x100 [kernel]\n \
         0xffffffff81000305 : do_syscall_64+0x5/0x100 [kernel]\n\
         ] @count=2 @min=1 @max=1 @sum=2 @avg=1\n\
         s[\"\"] @count=1 @min=1 @max=1 @sum=1 @avg=1\n\
         c[\"cat\",\n \
         0xffffffff81000200 : ksys_read+0x0/0x100 [kernel]\n\
         ]=4\n"
    );
}
