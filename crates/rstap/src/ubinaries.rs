//! User binaries for `process(...)` probes: read from disk on first use, through
//! `rstap-debuginfo`, and kept for the rest of the session (symbols, parameters and
//! DWARF types alike).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use rstap_debuginfo::{
    Binary, DwarfTypes, Parameter, Shape, UsdtLocation, VarLocation, find_program, parse_usdt_args,
};
use rstap_ir::{UsdtArg, UsdtSite};
use rstap_sema::{
    KernelType, SourceFunc, SourceLine, TypeSource, UserBinary, UserBinarySource, UserFunction,
    UserInline, UserLabel, UserLibrary, UserMark, UserParam, UserSource, UserVar, UserVarLocation,
};

use crate::program_types::ProgramTypes;

/// A binary's DWARF parameters, by function.
type Parameters = Rc<HashMap<String, Vec<Parameter>>>;

#[derive(Default)]
pub struct UserBinaries {
    /// The `-c` command, whose program `process.function(...)` names.
    pub command: Option<String>,
    /// The `-x` process, which `process.function(...)` probes.
    pub target_pid: Option<u32>,
    loaded: RefCell<HashMap<String, Result<Rc<UserBinary>, String>>>,
    /// DWARF parameters by binary, then by function.
    parameters: RefCell<HashMap<String, Parameters>>,
    /// DWARF source information by binary.
    sources: RefCell<HashMap<String, Rc<UserSource>>>,
    /// DWARF types by binary (as `binary` resolved its path).
    types: RefCell<HashMap<String, Result<Rc<ProgramTypes>, String>>>,
    /// The contents of binaries whose statements' variables were asked for.
    files: RefCell<HashMap<String, Option<Rc<Vec<u8>>>>>,
    /// The global variables of binaries, by path.
    globals: RefCell<HashMap<String, Rc<Vec<rstap_debuginfo::GlobalVariable>>>>,
}

impl UserBinaries {
    pub fn new(command: Option<String>, target_pid: Option<u32>) -> Self {
        UserBinaries {
            command,
            target_pid,
            loaded: RefCell::default(),
            parameters: RefCell::default(),
            sources: RefCell::default(),
            types: RefCell::default(),
            files: RefCell::default(),
            globals: RefCell::default(),
        }
    }

    /// The contents of the binary at `path`, read once.
    fn file(&self, path: &str) -> Option<Rc<Vec<u8>>> {
        self.files
            .borrow_mut()
            .entry(path.to_string())
            .or_insert_with(|| std::fs::read(path).ok().map(Rc::new))
            .clone()
    }

    fn load(path: &str) -> Result<Rc<UserBinary>, String> {
        let path_var = std::env::var("PATH").ok();
        let found = find_program(path, path_var.as_deref()).ok_or_else(|| {
            if path.contains('/') {
                format!("cannot probe process(\"{path}\"): no such file")
            } else {
                format!("cannot probe process(\"{path}\"): no program of that name in $PATH")
            }
        })?;
        let found = found.canonicalize().unwrap_or(found);
        let text = found.to_string_lossy().into_owned();
        let bin = Binary::open(&found).map_err(|e| format!("cannot probe '{text}': {e}"))?;
        let marks = bin
            .usdt
            .iter()
            .map(|p| UserMark {
                site: UsdtSite {
                    provider: p.provider.clone(),
                    name: p.name.clone(),
                    semaphore: p.semaphore.map(|(_, off)| off),
                    args: parse_usdt_args(&p.args).into_iter().map(ir_arg).collect(),
                },
                offset: p.file_offset,
                function: bin
                    .function_at(p.address)
                    .map(|f| f.name.clone())
                    .unwrap_or_default(),
            })
            .collect();
        Ok(Rc::new(UserBinary {
            path: text,
            functions: bin
                .functions
                .iter()
                .map(|f| UserFunction {
                    name: f.name.clone(),
                    offset: f.file_offset,
                })
                .collect(),
            marks,
            stripped: !bin.has_symtab,
        }))
    }
}

fn ir_arg(a: rstap_debuginfo::UsdtArg) -> UsdtArg {
    UsdtArg {
        size: a.size,
        signed: a.signed,
        location: match a.location {
            UsdtLocation::Register(r) => rstap_ir::UsdtLocation::Register(r),
            UsdtLocation::Memory { base, offset } => {
                rstap_ir::UsdtLocation::Memory { base, offset }
            }
            UsdtLocation::Constant(v) => rstap_ir::UsdtLocation::Constant(v),
            UsdtLocation::Unsupported(t) => rstap_ir::UsdtLocation::Unsupported(t),
        },
    }
}

impl UserBinaries {
    /// The DWARF types of the program at `path` (a probe's binary, or the module of an
    /// `@cast`), read once.
    fn program_types(&self, path: &str) -> Result<Rc<ProgramTypes>, String> {
        let bin = self.binary(path)?;
        self.types
            .borrow_mut()
            .entry(bin.path.clone())
            .or_insert_with(|| {
                let data = std::fs::read(&bin.path)
                    .map_err(|e| format!("cannot read '{}': {e}", bin.path))?;
                let types = DwarfTypes::parse(&data)
                    .map_err(|e| format!("cannot read the types of '{}': {e}", bin.path))?;
                if types.is_empty() {
                    return Err(format!(
                        "'{}' has no DWARF debugging information, so its types are unknown (build it with -g)",
                        bin.path
                    ));
                }
                Ok(Rc::new(ProgramTypes { types }))
            })
            .clone()
    }
}

impl UserBinarySource for UserBinaries {
    fn binary(&self, path: &str) -> Result<Rc<UserBinary>, String> {
        self.loaded
            .borrow_mut()
            .entry(path.to_string())
            .or_insert_with(|| UserBinaries::load(path))
            .clone()
    }

    fn types(&self, path: &str) -> Result<Rc<dyn TypeSource>, String> {
        self.program_types(path).map(|t| t as Rc<dyn TypeSource>)
    }

    fn parameters(&self, path: &str, function: &str) -> Vec<UserParam> {
        let all = self
            .parameters
            .borrow_mut()
            .entry(path.to_string())
            .or_insert_with(|| {
                // A file without DWARF, or with DWARF rstap cannot read, names no parameters.
                let read = std::fs::read(path)
                    .ok()
                    .and_then(|data| rstap_debuginfo::parameters(&data).ok());
                Rc::new(read.unwrap_or_default())
            })
            .clone();
        let Some(ps) = all.get(function) else {
            return Vec::new();
        };
        let types = self.program_types(path).ok();
        ps.iter()
            .map(|p| UserParam {
                name: p.name.clone(),
                c_type: p.c_type.clone(),
                size: p.size,
                signed: p.signed,
                register: p.register,
                stack: p.stack,
                by_value: matches!(
                    (&types, p.ty),
                    (Some(t), Some(ty)) if matches!(t.types.shape(ty), Shape::Struct { .. })
                ),
                ty: p.ty.map(|t| KernelType(t.0)),
            })
            .collect()
    }

    fn global_variable(
        &self,
        path: &str,
        offset: u64,
        name: &str,
        unit: Option<&str>,
    ) -> Result<UserVar, String> {
        let data = self
            .file(path)
            .ok_or_else(|| format!("cannot read '{path}'"))?;
        let globals = self
            .globals
            .borrow_mut()
            .entry(path.to_string())
            .or_insert_with(|| Rc::new(rstap_debuginfo::globals(&data).unwrap_or_default()))
            .clone();
        if globals.is_empty() {
            return Err(format!(
                "'{path}' has no DWARF variables (build it with -g)"
            ));
        }
        let in_unit = |u: &str| match unit {
            None => true,
            Some(want) => u == want || u.ends_with(&format!("/{want}")),
        };
        let found: Vec<&rstap_debuginfo::GlobalVariable> = globals
            .iter()
            .filter(|g| g.variable.name == name && in_unit(&g.unit))
            .collect();
        let g = match found.as_slice() {
            [g] => *g,
            [] => {
                let similar =
                    rstap_diag::similar(name, globals.iter().map(|g| g.variable.name.as_str()), 5);
                return Err(if similar.is_empty() {
                    format!("no global variable '{name}' in '{path}'")
                } else {
                    format!(
                        "no global variable '{name}' in '{path}'; did you mean: {}?",
                        similar.join(", ")
                    )
                });
            }
            several => {
                let units: Vec<&str> = several.iter().map(|g| g.unit.as_str()).collect();
                return Err(format!(
                    "several globals are named '{name}' (in {}): name the file, as @var(\"{name}@FILE\")",
                    units.join(", ")
                ));
            }
        };
        let (VarLocation::Static { address: at }, Some(address)) = (
            &g.variable.location,
            rstap_debuginfo::Segments::parse(&data)
                .ok()
                .and_then(|s| s.address(offset)),
        ) else {
            return Err(format!("the address of '{name}' is not known"));
        };
        let v = &g.variable;
        Ok(UserVar {
            name: v.name.clone(),
            c_type: v.c_type.clone(),
            size: v.size,
            signed: v.signed,
            parameter: false,
            // As for a function's statics: as far from the probed instruction as in
            // the file.
            location: UserVarLocation::Memory {
                base: "ip",
                offset: at.wrapping_sub(address) as i64,
            },
            ty: v.ty.map(|t| KernelType(t.0)),
        })
    }

    fn variables(&self, path: &str, offset: u64) -> Vec<UserVar> {
        let Some(data) = self.file(path) else {
            return Vec::new();
        };
        let Some(address) = rstap_debuginfo::Segments::parse(&data)
            .ok()
            .and_then(|s| s.address(offset))
        else {
            return Vec::new();
        };
        let found = rstap_debuginfo::variables_at(&data, address).unwrap_or_default();
        found
            .into_iter()
            .map(|v| UserVar {
                location: match v.location {
                    VarLocation::Register(r) => UserVarLocation::Register(r),
                    VarLocation::Memory { base, offset } => {
                        UserVarLocation::Memory { base, offset }
                    }
                    VarLocation::Constant(c) => UserVarLocation::Constant(c),
                    VarLocation::Value { base, offset } => UserVarLocation::Value { base, offset },
                    // The probed instruction's address (%rip when the uprobe fires)
                    // locates the program in memory: the variable lies as far from it
                    // as in the file, whether the program is position independent
                    // or not.
                    VarLocation::Static { address: at } => UserVarLocation::Memory {
                        base: "ip",
                        offset: at.wrapping_sub(address) as i64,
                    },
                    VarLocation::Unavailable(why) => UserVarLocation::Unavailable(why),
                },
                name: v.name,
                c_type: v.c_type,
                size: v.size,
                signed: v.signed,
                parameter: v.parameter,
                ty: v.ty.map(|t| KernelType(t.0)),
            })
            .collect()
    }

    fn plt(&self, path: &str) -> Vec<UserFunction> {
        let stubs = std::fs::read(path)
            .ok()
            .and_then(|d| rstap_debuginfo::plt_entries(&d).ok())
            .unwrap_or_default();
        stubs
            .into_iter()
            .map(|e| UserFunction {
                name: e.name,
                offset: e.file_offset,
            })
            .collect()
    }

    fn source(&self, path: &str) -> Rc<UserSource> {
        self.sources
            .borrow_mut()
            .entry(path.to_string())
            .or_insert_with(|| Rc::new(read_source(path).unwrap_or_default()))
            .clone()
    }

    fn libraries(&self, program: &str, pid: Option<u32>) -> Vec<UserLibrary> {
        if let Some(pid) = pid {
            let mut out: Vec<UserLibrary> = Vec::new();
            for (path, ..) in process_maps(pid) {
                let name = path.rsplit('/').next().unwrap_or("").to_string();
                let shared = name.ends_with(".so") || name.contains(".so.");
                if shared && !out.iter().any(|l| l.path.as_deref() == Some(&path)) {
                    out.push(UserLibrary {
                        soname: name,
                        path: Some(path),
                    });
                }
            }
            return out;
        }
        rstap_debuginfo::SearchPath::system()
            .needed_libraries(std::path::Path::new(program))
            .into_iter()
            .map(|(soname, path)| UserLibrary {
                soname,
                path: path.map(|p| p.to_string_lossy().into_owned()),
            })
            .collect()
    }

    fn find_library(&self, program: &str, name: &str) -> Option<String> {
        let deps = std::fs::read(program)
            .ok()
            .and_then(|d| rstap_debuginfo::dependencies(&d).ok())
            .unwrap_or_default();
        let found = rstap_debuginfo::SearchPath::system().find(
            name,
            std::path::Path::new(program),
            &deps,
        )?;
        Some(
            found
                .canonicalize()
                .unwrap_or(found)
                .to_string_lossy()
                .into_owned(),
        )
    }

    fn process_program(&self, pid: u32) -> Result<String, String> {
        let exe = std::fs::read_link(format!("/proc/{pid}/exe")).map_err(|e| {
            if std::path::Path::new(&format!("/proc/{pid}")).exists() {
                format!("cannot probe process({pid}): its program cannot be read ({e})")
            } else {
                format!("cannot probe process({pid}): no such process")
            }
        })?;
        let text = exe.to_string_lossy().into_owned();
        if !exe.is_file() {
            return Err(format!(
                "cannot probe process({pid}): its program '{text}' is no longer on disk"
            ));
        }
        Ok(text)
    }

    fn process_address(&self, pid: u32, address: u64) -> Result<(String, u64), String> {
        let maps = process_maps(pid);
        if maps.is_empty() {
            return Err(format!(
                "cannot probe address {address:#x} of process {pid}: no such process"
            ));
        }
        maps.into_iter()
            .find(|(_, start, end, _, x)| *x && address >= *start && address < *end)
            .map(|(path, start, _, offset, _)| (path, address - start + offset))
            .ok_or_else(|| {
                format!(
                    "address {address:#x} is not in code of a file process {pid} maps (see /proc/{pid}/maps)"
                )
            })
    }

    fn address_offset(&self, path: &str, address: u64) -> Option<u64> {
        let data = std::fs::read(path).ok()?;
        rstap_debuginfo::Segments::parse(&data)
            .ok()?
            .code_offset(address)
    }

    fn identity(&self, path: &str) -> Option<(u64, u64)> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok()?;
        // glibc's dev_t packs major and minor in two pieces each; the kernel's s_dev
        // is major << 20 | minor.
        let dev = meta.dev();
        let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff);
        let minor = (dev & 0xff) | ((dev >> 12) & !0xff);
        Some((meta.ino(), (major << 20) | minor))
    }

    fn target_process(&self) -> Option<u32> {
        self.target_pid
    }

    fn target_program(&self) -> Option<String> {
        self.command
            .as_deref()?
            .split_whitespace()
            .next()
            .map(str::to_string)
    }
}

/// A binary's DWARF source information with file offsets; `None` when it cannot be read.
fn read_source(path: &str) -> Option<UserSource> {
    let data = std::fs::read(path).ok()?;
    let info = rstap_debuginfo::SourceInfo::parse(&data).ok()?;
    let segments = rstap_debuginfo::Segments::parse(&data).ok()?;
    Some(UserSource {
        files: info.files,
        functions: info
            .functions
            .into_iter()
            .filter_map(|f| {
                Some(SourceFunc {
                    offset: segments.offset(f.entry())?,
                    name: f.name,
                    file: f.file,
                    unit: f.unit,
                    decl_line: f.decl_line,
                    ranges: f.ranges,
                })
            })
            .collect(),
        lines: info
            .lines
            .into_iter()
            .filter_map(|r| {
                Some(SourceLine {
                    file: r.file,
                    line: r.line,
                    address: r.address,
                    offset: segments.offset(r.address)?,
                })
            })
            .collect(),
        inlined: info
            .inlined
            .into_iter()
            .filter_map(|i| {
                Some(UserInline {
                    offset: segments.offset(i.address)?,
                    name: i.name,
                    caller: i.caller,
                })
            })
            .collect(),
        labels: info
            .labels
            .into_iter()
            .filter_map(|l| {
                Some(UserLabel {
                    offset: segments.offset(l.address)?,
                    name: l.name,
                    function: l.function,
                    file: l.file,
                    line: l.line,
                })
            })
            .collect(),
    })
}

/// The file-backed mappings of a process: `(path, start, end, file offset, executable)`.
fn process_maps(pid: u32) -> Vec<(String, u64, u64, u64, bool)> {
    let Ok(text) = std::fs::read_to_string(format!("/proc/{pid}/maps")) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let (range, perms, offset) = (f.next()?, f.next()?, f.next()?);
            let (_dev, _inode) = (f.next()?, f.next()?);
            let path = f.collect::<Vec<_>>().join(" ");
            if !path.starts_with('/') {
                return None;
            }
            let (a, b) = range.split_once('-')?;
            Some((
                path,
                u64::from_str_radix(a, 16).ok()?,
                u64::from_str_radix(b, 16).ok()?,
                u64::from_str_radix(offset, 16).ok()?,
                perms.contains('x'),
            ))
        })
        .collect()
}
