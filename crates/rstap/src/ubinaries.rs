//! User binaries for `process(...)` probes: read from disk on first use, through
//! `rstap-debuginfo`, and kept for the rest of the session (symbols, parameters and
//! DWARF types alike).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use rstap_debuginfo::{
    Binary, DwarfTypes, Parameter, Shape, UsdtLocation, find_program, parse_usdt_args,
};
use rstap_ir::{UsdtArg, UsdtSite};
use rstap_sema::{
    KernelType, TypeSource, UserBinary, UserBinarySource, UserFunction, UserMark, UserParam,
};

use crate::program_types::ProgramTypes;

/// A binary's DWARF parameters, by function.
type Parameters = Rc<HashMap<String, Vec<Parameter>>>;

#[derive(Default)]
pub struct UserBinaries {
    /// The `-c` command, whose program `process.function(...)` names.
    pub command: Option<String>,
    loaded: RefCell<HashMap<String, Result<Rc<UserBinary>, String>>>,
    /// DWARF parameters by binary, then by function.
    parameters: RefCell<HashMap<String, Parameters>>,
    /// DWARF types by binary (as `binary` resolved its path).
    types: RefCell<HashMap<String, Result<Rc<ProgramTypes>, String>>>,
}

impl UserBinaries {
    pub fn new(command: Option<String>) -> Self {
        UserBinaries {
            command,
            loaded: RefCell::default(),
            parameters: RefCell::default(),
            types: RefCell::default(),
        }
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

    fn target_program(&self) -> Option<String> {
        self.command
            .as_deref()?
            .split_whitespace()
            .next()
            .map(str::to_string)
    }
}
