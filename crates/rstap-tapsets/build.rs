//! Embeds every file under `tapset/` so the binary needs no tapset directory at run time.

use std::fmt::Write;
use std::path::Path;

fn collect(dir: &Path, base: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, base, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("stp" | "stpm")) {
            let rel = p
                .strip_prefix(base)
                .unwrap_or(&p)
                .to_string_lossy()
                .into_owned();
            out.push(rel);
        }
    }
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("tapset");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let mut code = String::from("pub static FILES: &[(&str, &str)] = &[\n");
    for rel in &files {
        println!("cargo:rerun-if-changed={}", root.join(rel).display());
        let _ = writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            root.join(rel).display().to_string()
        );
    }
    // The syscall tapset, generated from the table of calls.
    let table = Path::new(&manifest).join("syscalls/x86_64.tbl");
    println!("cargo:rerun-if-changed={}", table.display());
    let text = std::fs::read_to_string(&table).expect("read syscalls/x86_64.tbl");
    let stp = syscalls::generate(&text).unwrap_or_else(|e| panic!("syscalls/x86_64.tbl: {e}"));
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let stp_path = Path::new(&out_dir).join("syscalls.stp");
    std::fs::write(&stp_path, stp).expect("write syscalls.stp");
    let _ = writeln!(
        code,
        "    (\"syscalls.stp\", include_str!({:?})),",
        stp_path.display().to_string()
    );
    code.push_str("];\n");
    let out = Path::new(&out_dir).join("embedded.rs");
    std::fs::write(out, code).expect("write embedded tapset table");
}

/// Generates `syscalls.stp` from `syscalls/x86_64.tbl`.
///
/// Each table line `NAME ARG... [-> RETFMT]` describes the call whose kernel
/// tracepoints are `syscalls:sys_enter_NAME`/`sys_exit_NAME`. An ARG `VAR=FIELD:KIND`
/// defines the alias variable VAR from the tracepoint field `$FIELD` and its place in
/// `argstr`:
///
/// | KIND | variables | in argstr |
/// |---|---|---|
/// | `int` / `uint` | VAR = the field's low 32 bits, signed / unsigned | `%d` / `%u` |
/// | `long` / `ulong` | VAR = the field | `%d` / `%u` |
/// | `ptr` / `hex` | VAR = the field | `%p` / `0x%x` |
/// | `oct` | VAR (unsigned 32 bits) | octal with a leading 0 |
/// | `str` | VAR = the quoted user string, VAR_uaddr, VAR_unquoted | VAR |
/// | `dfd` | VAR, VAR_str (`AT_FDCWD` or the number) | VAR_str |
/// | `openflags` | VAR, VAR_str (`O_RDONLY\|O_CLOEXEC`) | VAR_str |
/// | `flags(FN)` | VAR (unsigned 32 bits), VAR_str = FN(VAR) | VAR_str |
/// | `sym(FN,NAME)` | VAR (signed 32 bits), NAME = FN(VAR) | NAME |
/// | `creatmode` | VAR (unsigned 32 bits) | octal, only when the call creates a file |
///
/// Every alias also has `name` and `argstr`; the `.return` aliases have `name`, the same
/// argument variables (read from what was saved at entry), `retval` and `retstr`
/// (RETFMT 1 decimal, 2 hex). Each alias is optional (`?`): a call this kernel lacks
/// simply has no probe. A field the kernel names differently reads as 0.
mod syscalls {
    use std::fmt::Write;

    /// SystemTap's names of calls whose tracepoints are named differently.
    const RENAMED: &[(&str, &str)] = &[
        ("newfstat", "fstat"),
        ("newlstat", "lstat"),
        ("newstat", "stat"),
        ("newuname", "uname"),
        ("sendfile64", "sendfile"),
    ];

    struct Arg<'a> {
        var: String,
        field: &'a str,
        kind: &'a str,
    }

    pub fn generate(table: &str) -> Result<String, String> {
        let mut out = String::from(
            "// Generated from syscalls/x86_64.tbl by build.rs: the syscall.*, nd_syscall.* and\n\
             // tp_syscall.* probe aliases over the kernel's system call tracepoints.\n\n",
        );
        for (no, line) in table.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            entry(line, &mut out).map_err(|e| format!("line {}: {e}", no + 1))?;
        }
        out.push_str(SYSCALL_ANY);
        Ok(out)
    }

    fn entry(line: &str, out: &mut String) -> Result<(), String> {
        let (spec, ret_fmt) = match line.split_once("->") {
            Some((s, r)) => (s.trim(), r.trim()),
            None => (line, "1"),
        };
        let mut words = spec.split_whitespace();
        let tp = words.next().ok_or("empty line")?;
        let name = RENAMED
            .iter()
            .find(|(t, _)| *t == tp)
            .map_or(tp, |(_, n)| *n);
        let mut args = Vec::new();
        for w in words {
            let (var, rest) = w
                .split_once('=')
                .ok_or(format!("`{w}`: expected VAR=FIELD:KIND"))?;
            let (field, kind) = rest
                .split_once(':')
                .ok_or(format!("`{w}`: expected FIELD:KIND"))?;
            // An argument must not take the name of a variable every alias defines.
            let var = match var {
                "name" | "argstr" | "retval" | "retstr" if kind == "ptr" => {
                    format!("{var}_uaddr")
                }
                "name" | "argstr" | "retval" | "retstr" => format!("{var}_arg"),
                v => v.to_string(),
            };
            args.push(Arg { var, field, kind });
        }
        let mut vars = String::new();
        let mut fmt = Vec::new();
        let mut vals = Vec::new();
        let mut creat = None;
        let mut open_flags = None;
        for a in &args {
            let f = format!("${}", a.field);
            let guard = |e: &str, zero: &str| format!("@defined({f}) ? {e} : {zero}");
            let (var, field) = (a.var.as_str(), &f);
            match a.kind {
                "int" => {
                    let _ = writeln!(
                        vars,
                        "\t{var} = {}",
                        guard(&format!("__int32({field})"), "0")
                    );
                    fmt.push("%d");
                    vals.push(var.to_string());
                }
                "uint" => {
                    let _ = writeln!(
                        vars,
                        "\t{var} = {}",
                        guard(&format!("__uint32({field})"), "0")
                    );
                    fmt.push("%u");
                    vals.push(var.to_string());
                }
                "long" | "ulong" | "ptr" | "hex" => {
                    let _ = writeln!(vars, "\t{var} = {}", guard(field, "0"));
                    fmt.push(match a.kind {
                        "long" => "%d",
                        "ulong" => "%u",
                        "ptr" => "%p",
                        _ => "0x%x",
                    });
                    vals.push(var.to_string());
                }
                "oct" => {
                    let _ = writeln!(
                        vars,
                        "\t{var} = {}",
                        guard(&format!("__uint32({field})"), "0")
                    );
                    fmt.push("%s");
                    vals.push(format!("__octal({var})"));
                }
                "str" => {
                    let _ = writeln!(vars, "\t{var}_uaddr = {}", guard(field, "0"));
                    let _ = writeln!(vars, "\t{var} = user_string_quoted({var}_uaddr)");
                    let _ = writeln!(vars, "\t{var}_unquoted = user_string({var}_uaddr, \"\")");
                    fmt.push("%s");
                    vals.push(var.to_string());
                }
                "dfd" => {
                    let _ = writeln!(
                        vars,
                        "\t{var} = {}",
                        guard(&format!("__int32({field})"), "0")
                    );
                    let _ = writeln!(vars, "\t{var}_str = _dfd_str({var})");
                    fmt.push("%s");
                    vals.push(format!("{var}_str"));
                }
                "openflags" => {
                    let _ = writeln!(
                        vars,
                        "\t{var} = {}",
                        guard(&format!("__int32({field})"), "0")
                    );
                    let _ = writeln!(vars, "\t{var}_str = _sys_open_flag_str({var})");
                    fmt.push("%s");
                    vals.push(format!("{var}_str"));
                    open_flags = Some(var);
                }
                "creatmode" => {
                    let _ = writeln!(
                        vars,
                        "\t{var} = {}",
                        guard(&format!("__uint32({field})"), "0")
                    );
                    creat = Some(var);
                }
                k if k.starts_with("flags(") && k.ends_with(')') => {
                    let func = &k[6..k.len() - 1];
                    let _ = writeln!(
                        vars,
                        "\t{var} = {}",
                        guard(&format!("__uint32({field})"), "0")
                    );
                    let _ = writeln!(vars, "\t{var}_str = {func}({var})");
                    fmt.push("%s");
                    vals.push(format!("{var}_str"));
                }
                k if k.starts_with("sym(") && k.ends_with(')') => {
                    let (func, sym) = k[4..k.len() - 1]
                        .split_once(',')
                        .ok_or(format!("`{k}`: expected sym(FUNCTION,VARIABLE)"))?;
                    let _ = writeln!(
                        vars,
                        "\t{var} = {}",
                        guard(&format!("__int32({field})"), "0")
                    );
                    let _ = writeln!(vars, "\t{sym} = {func}({var})");
                    fmt.push("%s");
                    vals.push(sym.to_string());
                }
                k => return Err(format!("unknown kind `{k}`")),
            }
        }
        let sprintf = |fmt: &[&str], vals: &[String]| {
            if fmt.is_empty() {
                "\"\"".to_string()
            } else {
                format!("sprintf(\"{}\", {})", fmt.join(", "), vals.join(", "))
            }
        };
        let argstr = match (creat, open_flags) {
            (Some(mode), Some(flags)) => {
                let mut f2 = fmt.clone();
                f2.push("%s");
                let mut v2 = vals.clone();
                v2.push(format!("__octal({mode})"));
                format!(
                    "({flags} & 0x40 || ({flags} & 0x410000) == 0x410000) ? {} : {}",
                    sprintf(&f2, &v2),
                    sprintf(&fmt, &vals)
                )
            }
            (Some(_), None) => return Err("`creatmode` needs an `openflags` argument".into()),
            _ => sprintf(&fmt, &vals),
        };
        let names = |suffix: &str| {
            ["syscall", "nd_syscall", "tp_syscall"]
                .iter()
                .map(|p| format!("{p}.{name}{suffix}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "probe {} = kernel.trace(\"syscalls:sys_enter_{tp}\") ? {{\n\tname = \"{name}\"\n{vars}\targstr = {argstr}\n}}",
            names("")
        );
        let _ = writeln!(
            out,
            "probe {} = kernel.trace(\"syscalls:sys_exit_{tp}\") ? {{\n\tname = \"{name}\"\n{vars}\tretval = $ret\n\tretstr = return_str({ret_fmt}, retval)\n}}\n",
            names(".return")
        );
        Ok(())
    }

    const SYSCALL_ANY: &str = "\
// Every system call, without per-call variables.
probe syscall_any = kernel.trace(\"raw_syscalls:sys_enter\") {
\tsyscall_nr = $id
\tname = syscall_name(syscall_nr)
}
probe syscall_any.return = kernel.trace(\"raw_syscalls:sys_exit\") {
\tsyscall_nr = $id
\tname = syscall_name(syscall_nr)
\tretval = $ret
}
";
}
