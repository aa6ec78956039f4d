//! `process("PATH").function("PATTERN")[.call|.return]`, `process("PATH").mark("NAME")`
//! and `process("PATH").provider("P").mark("NAME")`: user-space probes, resolved against
//! a binary's function symbols and USDT notes.
//!
//! The catalog sees binaries only through a [`UserBinarySource`]: in the CLI the ELF
//! files on disk, in tests fixed tables. Without a path (`process.function("f")`) the
//! point names the `-c` command's program.

mod locations;

use std::rc::Rc;

pub use locations::{SourceFunc, SourceLine, UserInline, UserLabel, UserLibrary, UserSource};
use rstap_ir::{ProbeKind, Type, UprobeSite, UsdtSite};
use rstap_syntax::ast::Literal;

use crate::catalog::{
    CatalogError, ContextVar, Executable, Pattern, PointComponent, ProbeCatalog, ResolvedPoint,
    point_text,
};
use crate::glob::{glob_match, has_wildcard};
use crate::kernel_types::{KernelType, TypeSource};

/// A function symbol of a user binary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserFunction {
    pub name: String,
    pub offset: u64,
}

/// A USDT site of a user binary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserMark {
    pub site: UsdtSite,
    pub offset: u64,
    /// The function holding the site (empty when no symbol covers it).
    pub function: String,
}

/// A parameter of a user function, from DWARF.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserParam {
    pub name: String,
    pub c_type: String,
    /// Bytes of the value and its signedness.
    pub size: u8,
    pub signed: bool,
    /// The integer argument register (0-5) passing it, if any.
    pub register: Option<usize>,
    /// Its slot on the stack at entry (an offset from the stack pointer), if passed there.
    pub stack: Option<u64>,
    /// A struct or union passed whole: its variable stands for its address.
    pub by_value: bool,
    /// Its type among the binary's types ([`UserBinarySource::types`]).
    pub ty: Option<KernelType>,
}

/// A parameter or local variable visible at a statement, from DWARF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserVar {
    pub name: String,
    pub c_type: String,
    /// Bytes of an integer or pointer value (0 for anything else) and its signedness.
    pub size: u8,
    pub signed: bool,
    /// A parameter of the function (else a local).
    pub parameter: bool,
    pub location: UserVarLocation,
    /// Its type among the binary's types ([`UserBinarySource::types`]).
    pub ty: Option<KernelType>,
}

/// Where a [`UserVar`] is at its statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UserVarLocation {
    /// In a register (named as in `pt_regs`: `ax`, `bp`, `r12`...).
    Register(&'static str),
    /// In memory, at the register's value plus `offset`.
    Memory { base: &'static str, offset: i64 },
    /// Known to be this constant there.
    Constant(i64),
    /// The register's value plus `offset` (a value computed from a register).
    Value { base: &'static str, offset: i64 },
    /// Not readable there, and why.
    Unavailable(String),
}

/// Intrinsic names standing for `$$parms`, `$$vars`, `$$locals` and `$$return` of a
/// user function probe: the elaborator expands them into the text of each variable.
pub(crate) const PARMS_TEXT: &str = "__uprobe_parms";
pub(crate) const VARS_TEXT: &str = "__uprobe_vars";
pub(crate) const LOCALS_TEXT: &str = "__uprobe_locals";
pub(crate) const RETURN_TEXT: &str = "__uprobe_return_text";

/// Whether a context variable's read is one of the texts above.
pub(crate) fn is_vars_text(read: &str) -> bool {
    [PARMS_TEXT, VARS_TEXT, LOCALS_TEXT, RETURN_TEXT].contains(&read)
}

/// What a binary offers to probes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserBinary {
    /// Absolute path.
    pub path: String,
    /// Sorted by name.
    pub functions: Vec<UserFunction>,
    pub marks: Vec<UserMark>,
    /// It has no `.symtab`: only the dynamic symbols are known.
    pub stripped: bool,
}

/// Where user binaries come from.
pub trait UserBinarySource {
    /// The binary a `process("PATH")` names (found through `$PATH` when `path` has no
    /// `/`), or why it cannot be read.
    fn binary(&self, path: &str) -> Result<Rc<UserBinary>, String>;
    /// The program of the `-c` command, for `process.function(...)` without a path.
    fn target_program(&self) -> Option<String>;
    /// The `-x` process: `process.function(...)` without a path probes it, as
    /// `process(PID).function(...)` would.
    fn target_process(&self) -> Option<u32> {
        None
    }
    /// The parameters of `function` in the binary at `path` (as [`Self::binary`]
    /// resolved it), from its DWARF; empty without DWARF.
    fn parameters(&self, _path: &str, _function: &str) -> Vec<UserParam> {
        Vec::new()
    }
    /// The PLT stubs of the binary at `path`, named by the symbol each one calls.
    fn plt(&self, _path: &str) -> Vec<UserFunction> {
        Vec::new()
    }
    /// What DWARF says of the source of the binary at `path`; empty without `-g`.
    fn source(&self, _path: &str) -> Rc<UserSource> {
        Rc::default()
    }
    /// The libraries the program at `program` loads at start or, for the running
    /// process `pid`, those it maps.
    fn libraries(&self, _program: &str, _pid: Option<u32>) -> Vec<UserLibrary> {
        Vec::new()
    }
    /// A library named without a `/` that [`Self::libraries`] does not list, found in
    /// the library search path.
    fn find_library(&self, _program: &str, _name: &str) -> Option<String> {
        None
    }
    /// The program the running process `pid` executes.
    fn process_program(&self, pid: u32) -> Result<String, String> {
        Err(format!("cannot probe process({pid}): no such process"))
    }
    /// The file, and the offset in it, that the address `address` of the running
    /// process `pid` maps.
    fn process_address(&self, pid: u32, address: u64) -> Result<(String, u64), String> {
        Err(format!(
            "cannot probe address {address:#x} of process {pid}: no such process"
        ))
    }
    /// The file offset from which the binary at `path` loads its linked `address`.
    fn address_offset(&self, _path: &str, _address: u64) -> Option<u64> {
        None
    }
    /// The inode number of the file at `path`.
    fn inode(&self, path: &str) -> Option<u64> {
        self.identity(path).map(|(inode, _)| inode)
    }
    /// The global variable `name` of the binary at `path` (one defined in a source file
    /// matching `unit` when given), located for a probe at the file offset `offset`; or
    /// why there is none.
    fn global_variable(
        &self,
        path: &str,
        _offset: u64,
        name: &str,
        _unit: Option<&str>,
    ) -> Result<UserVar, String> {
        Err(format!("no global variable '{name}' in '{path}'"))
    }
    /// The parameters and local variables visible at the file offset `offset` of the
    /// binary at `path` (a statement), from its DWARF; empty without DWARF.
    fn variables(&self, _path: &str, _offset: u64) -> Vec<UserVar> {
        Vec::new()
    }
    /// The data types of the binary at `path` (as [`Self::binary`] resolves it), from
    /// its DWARF, or why there are none.
    fn types(&self, path: &str) -> Result<Rc<dyn TypeSource>, String> {
        Err(format!("the types of '{path}' are not known"))
    }
    /// The inode number of the file at `path` and the kernel's number of the device
    /// holding it (`MKDEV(major, minor)`), to recognise processes running it.
    fn identity(&self, _path: &str) -> Option<(u64, u64)> {
        None
    }
}

/// The context of a function entry: each parameter, read by the intrinsic
/// `__uprobe_param_R_Ns`/`_Nu` (register R, N bytes, signed or not),
/// `__uprobe_param_stack_O_Ns`/`_Nu` (the stack slot O bytes above the stack pointer),
/// `__uprobe_param_stack_O_addr` (the address of a struct passed there whole) or
/// `__uprobe_param_none_NAME` (passed where rstap does not look); then `$$parms`,
/// `$$vars` and `$$locals`.
pub fn param_vars(params: &[UserParam]) -> Vec<ContextVar> {
    let mut vars: Vec<ContextVar> = params
        .iter()
        .filter(|p| !p.name.is_empty() && !p.name.starts_with('$'))
        .map(|p| {
            let sign = if p.signed { 's' } else { 'u' };
            ContextVar {
                name: p.name.clone(),
                ty: Type::Long,
                read: match (p.register, p.stack) {
                    (Some(r), _) => format!("__uprobe_param_{r}_{}{sign}", p.size),
                    (None, Some(o)) if p.by_value => format!("__uprobe_param_stack_{o}_addr"),
                    (None, Some(o)) => format!("__uprobe_param_stack_{o}_{}{sign}", p.size),
                    (None, None) => format!("__uprobe_param_none_{}", p.name),
                },
                write: None,
                kernel_type: p.ty,
            }
        })
        .collect();
    for (name, read) in [
        ("$parms", PARMS_TEXT),
        ("$vars", VARS_TEXT),
        ("$locals", LOCALS_TEXT),
    ] {
        vars.push(ContextVar {
            name: name.into(),
            ty: Type::String,
            read: read.into(),
            write: None,
            kernel_type: None,
        });
    }
    vars
}

/// The context of a statement: each variable visible there, read by the intrinsic
/// `__uprobe_param_at_LOC` (a parameter) or `__uprobe_local_LOC` (a local), where LOC
/// is `reg_R_Ns`/`_Nu` (N bytes of register R, signed or not), `mem_R_O_Ns`/`_Nu`
/// (N bytes at register R plus O, `m` marking a negative number), `mem_R_O_addr` (that
/// address: a struct, union or array), `val_R_O_Ns`/`_Nu` (register R plus O),
/// `const_V_Ns`/`_Nu` (the constant V) or `none_NAME:WHY`; then `$$parms`, `$$vars` and
/// `$$locals`.
pub fn statement_vars(vars: &[UserVar]) -> Vec<ContextVar> {
    let mut out: Vec<ContextVar> = Vec::new();
    for v in vars.iter().filter(|v| !v.name.is_empty()) {
        let sign = if v.signed { 's' } else { 'u' };
        let number = |n: i64| {
            if n < 0 {
                format!("m{}", n.unsigned_abs())
            } else {
                n.to_string()
            }
        };
        let loc = match &v.location {
            UserVarLocation::Constant(_) | UserVarLocation::Value { .. } if v.size == 0 => {
                format!("none_{}:its {} value is computed", v.name, v.c_type)
            }
            UserVarLocation::Constant(c) => format!("const_{}_{}{sign}", number(*c), v.size),
            UserVarLocation::Value { base, offset } => {
                format!("val_{base}_{}_{}{sign}", number(*offset), v.size)
            }
            UserVarLocation::Register(_) if v.size == 0 => {
                format!("none_{}:its {} value is in a register", v.name, v.c_type)
            }
            UserVarLocation::Register(r) => format!("reg_{r}_{}{sign}", v.size),
            UserVarLocation::Memory { base, offset } => {
                let o = number(*offset);
                if v.size == 0 {
                    format!("mem_{base}_{o}_addr")
                } else {
                    format!("mem_{base}_{o}_{}{sign}", v.size)
                }
            }
            UserVarLocation::Unavailable(why) => format!("none_{}:{why}", v.name),
        };
        let read = if v.parameter {
            format!("__uprobe_param_at_{loc}")
        } else {
            format!("__uprobe_local_{loc}")
        };
        // An inner declaration hides an outer one of the same name.
        out.retain(|c| c.name != v.name);
        out.push(ContextVar {
            name: v.name.clone(),
            ty: Type::Long,
            read,
            write: None,
            kernel_type: v.ty,
        });
    }
    for (name, read) in [
        ("$parms", PARMS_TEXT),
        ("$vars", VARS_TEXT),
        ("$locals", LOCALS_TEXT),
    ] {
        out.push(ContextVar {
            name: name.into(),
            ty: Type::String,
            read: read.into(),
            write: None,
            kernel_type: None,
        });
    }
    out
}

/// The `process(...)` families.
pub struct UprobeCatalog<'s> {
    source: &'s dyn UserBinarySource,
}

impl<'s> UprobeCatalog<'s> {
    pub fn new(source: &'s dyn UserBinarySource) -> Self {
        UprobeCatalog { source }
    }
}

fn string_arg(c: &PointComponent) -> Option<String> {
    match &c.arg {
        Some(Literal::String(s)) => Some(String::from_utf8_lossy(s).into_owned()),
        _ => None,
    }
}

fn matches(pattern: &str, name: &str) -> bool {
    if has_wildcard(pattern) {
        glob_match(pattern, name)
    } else {
        pattern == name
    }
}

/// `$return`: the raw `%rax`, or, when DWARF gives the function's result type (a
/// parameter named `$return`), `__uprobe_return_sN`/`_uN` extended from its N bits,
/// typed for `$return->member`; and `$$return`.
fn return_vars(params: &[UserParam]) -> Vec<ContextVar> {
    let result = params.iter().find(|p| p.name == "$return");
    let read = match result {
        Some(r) if r.size > 0 && r.size < 8 => {
            format!(
                "__uprobe_return_{}{}",
                if r.signed { 's' } else { 'u' },
                8 * r.size
            )
        }
        _ => "__uprobe_return".into(),
    };
    let mut vars = vec![ContextVar {
        name: "return".into(),
        ty: Type::Long,
        read,
        write: None,
        kernel_type: result.and_then(|r| r.ty),
    }];
    if result.is_some() {
        vars.push(ContextVar {
            name: "$return".into(),
            ty: Type::String,
            read: RETURN_TEXT.into(),
            write: None,
            kernel_type: None,
        });
    }
    vars
}

/// `$arg1`... of a USDT site, with `$$name` and `$$provider`.
fn mark_vars(site: &UsdtSite) -> Vec<ContextVar> {
    let mut vars: Vec<ContextVar> = (1..=site.args.len())
        .map(|i| ContextVar {
            name: format!("arg{i}"),
            ty: Type::Long,
            read: format!("__usdt_arg_{i}"),
            write: None,
            kernel_type: None,
        })
        .collect();
    for (name, read) in [("$name", "__usdt_name"), ("$provider", "__usdt_provider")] {
        vars.push(ContextVar {
            name: name.into(),
            ty: Type::String,
            read: read.into(),
            write: None,
            kernel_type: None,
        });
    }
    vars
}

impl ProbeCatalog for UprobeCatalog<'_> {
    fn patterns(&self) -> Vec<Pattern> {
        let tails = [
            "function(s)",
            "function(s).call",
            "function(s).return",
            "function(s).inline",
            "function(s).label(s)",
            "mark(s)",
            "provider(s).mark(s)",
            "plt(s?)",
            "plt(s?).return",
            "statement(s)",
            "statement(s).nearest",
            "statement(n)",
            "statement(n).absolute",
        ];
        let mut out = Vec::new();
        for head in ["process(s?)", "process(n)"] {
            for library in ["", "library(s)."] {
                for tail in tails {
                    out.push(Pattern::parse(&format!("{head}.{library}{tail}")));
                }
            }
        }
        out
    }

    /// A user probe whose body names something other than its context reads what DWARF
    /// says (only then: reading DWARF costs): a statement's variables, a function's
    /// parameters at its entry, the program's globals that `@var` names.
    fn argument_context(&self, point: &ResolvedPoint, names: &[String]) -> Option<Vec<ContextVar>> {
        let own = self.site_context(point, names);
        let globals = self.at_vars(point, names);
        if globals.is_empty() {
            return own;
        }
        let mut context = own.unwrap_or_else(|| point.context.clone());
        context.extend(globals);
        Some(context)
    }

    fn program_types(&self, path: &str) -> Option<Result<Rc<dyn TypeSource>, String>> {
        Some(self.source.types(path))
    }

    fn executable(&self, path: &str) -> Result<Option<Executable>, CatalogError> {
        let bin = self.source.binary(path).map_err(CatalogError::Invalid)?;
        let (inode, device) = self.source.identity(&bin.path).ok_or_else(|| {
            CatalogError::Invalid(format!("cannot read the file identity of '{}'", bin.path))
        })?;
        Ok(Some(Executable {
            path: bin.path.clone(),
            inode,
            device,
        }))
    }

    fn process_program(&self, pid: u32) -> Result<Option<String>, CatalogError> {
        self.source
            .process_program(pid)
            .map(Some)
            .map_err(CatalogError::Invalid)
    }

    fn resolve(&self, point: &[PointComponent]) -> Result<Vec<ResolvedPoint>, CatalogError> {
        if point.first().map(|c| c.name.as_str()) != Some("process") || point.len() < 2 {
            return Ok(Vec::new());
        }
        self.resolve_user(point)
    }
}

impl UprobeCatalog<'_> {
    /// The context a user probe offers a body naming `names` (see
    /// [`ProbeCatalog::argument_context`]): a statement's variables, a function's
    /// parameters at its entry.
    fn site_context(&self, point: &ResolvedPoint, names: &[String]) -> Option<Vec<ContextVar>> {
        if let ProbeKind::Uprobe {
            path,
            offset,
            ret: false,
            mark: None,
            site: UprobeSite::Statement | UprobeSite::Inline,
            ..
        } = &point.kind
        {
            // A statement, or the start of an inlined copy, sees the variables in scope
            // there (read only when named).
            if names.is_empty() {
                return None;
            }
            let vars = self.source.variables(path, *offset);
            if vars.is_empty() {
                return None;
            }
            let mut context = point.context.clone();
            context.extend(statement_vars(&vars));
            return Some(context);
        }
        let ProbeKind::Uprobe {
            path,
            function,
            ret: false,
            mark: None,
            site: UprobeSite::Entry,
            ..
        } = &point.kind
        else {
            return None;
        };
        if names
            .iter()
            .all(|n| point.context.iter().any(|c| &c.name == n))
        {
            return None;
        }
        let params = self.source.parameters(path, function);
        if params.is_empty() {
            return None;
        }
        let mut vars = point.context.clone();
        vars.extend(param_vars(&params));
        Some(vars)
    }

    /// The globals of the probed program that `@var(...)` names in `names`
    /// ([`crate::context_names::at_var_key`]), each located from the probed instruction.
    fn at_vars(&self, point: &ResolvedPoint, names: &[String]) -> Vec<ContextVar> {
        let ProbeKind::Uprobe {
            path, offset, ret, ..
        } = &point.kind
        else {
            return Vec::new();
        };
        let mut out: Vec<ContextVar> = Vec::new();
        for key in names.iter().filter(|n| n.starts_with("@var:")) {
            if out.iter().any(|c| &c.name == key) {
                continue;
            }
            let spec = &key["@var:".len()..];
            let (spec, module) = match spec.split_once('\u{1}') {
                Some((s, m)) => (s, Some(m)),
                None => (spec, None),
            };
            let (name, unit) = match spec.split_once('@') {
                Some((n, u)) => (n, Some(u)),
                None => (spec, None),
            };
            let found = match module.map(|m| self.source.binary(m)) {
                Some(Err(e)) => Err(e),
                Some(Ok(bin)) if &bin.path != path => Err(format!(
                    "rstap reads @var of the probed program only, here '{path}'"
                )),
                _ if *ret => Err(
                    "a global in a return probe (read it at the entry: @entry(@var(...)))".into(),
                ),
                _ => self.source.global_variable(path, *offset, name, unit),
            };
            let var = match found {
                Ok(v) => v,
                Err(why) => UserVar {
                    name: name.to_string(),
                    c_type: String::new(),
                    size: 0,
                    signed: false,
                    parameter: false,
                    location: UserVarLocation::Unavailable(why),
                    ty: None,
                },
            };
            // (Read like a statement's local, under a prefix of its own so that
            // `$$locals` leaves it out.)
            if let Some(mut cv) = statement_vars(std::slice::from_ref(&var))
                .into_iter()
                .next()
            {
                cv.name = key.clone();
                cv.read = cv.read.replacen("__uprobe_local_", "__uprobe_global_", 1);
                out.push(cv);
            }
        }
        out
    }

    /// The entry (or, with `ret`, the return) of function `name` of `bin`, which
    /// starts at file offset `offset`, named `pp`.
    pub(crate) fn function_point(
        &self,
        bin: &UserBinary,
        (name, offset): (&str, u64),
        pp: String,
        ret: bool,
    ) -> ResolvedPoint {
        ResolvedPoint {
            pp,
            context: if ret {
                return_vars(&self.source.parameters(&bin.path, name))
            } else {
                Vec::new()
            },
            kind: ProbeKind::Uprobe {
                path: bin.path.clone(),
                function: name.to_string(),
                offset,
                ret,
                mark: None,
                site: UprobeSite::Entry,
                only: None,
            },
        }
    }

    fn functions(
        &self,
        bin: &UserBinary,
        point: &[PointComponent],
        mut concrete: Vec<PointComponent>,
    ) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let Some(want) = string_arg(&point[1]) else {
            return Ok(Vec::new());
        };
        let ret = point.get(2).is_some_and(|c| c.name == "return");
        let mut out = Vec::new();
        for f in bin.functions.iter().filter(|f| matches(&want, &f.name)) {
            concrete[1].arg = Some(Literal::String(f.name.as_bytes().to_vec()));
            out.push(self.function_point(bin, (&f.name, f.offset), point_text(&concrete), ret));
        }
        if out.is_empty() {
            if bin.stripped && bin.functions.is_empty() {
                return Err(CatalogError::Invalid(format!(
                    "'{}' is stripped: it has no symbol table to find function '{want}' in (probe an unstripped build, or its USDT marks)",
                    bin.path
                )));
            }
            let similar =
                rstap_diag::similar(&want, bin.functions.iter().map(|f| f.name.as_str()), 5);
            let stripped = if bin.stripped {
                " (the binary is stripped: only its dynamic symbols are known)"
            } else {
                ""
            };
            return Err(CatalogError::Invalid(if similar.is_empty() {
                format!("no function '{want}' in '{}'{stripped}", bin.path)
            } else {
                format!(
                    "no function '{want}' in '{}'{stripped}; did you mean: {}?",
                    bin.path,
                    similar.join(", ")
                )
            }));
        }
        Ok(out)
    }

    fn marks(
        &self,
        bin: &UserBinary,
        point: &[PointComponent],
        mut concrete: Vec<PointComponent>,
    ) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let (provider, mark_at) = if point[1].name == "provider" {
            (string_arg(&point[1]), 2)
        } else {
            (None, 1)
        };
        let Some(want) = point.get(mark_at).and_then(string_arg) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for m in &bin.marks {
            if provider
                .as_deref()
                .is_some_and(|p| !matches(p, &m.site.provider))
                || !matches(&want, &m.site.name)
            {
                continue;
            }
            if mark_at == 2 {
                concrete[1].arg = Some(Literal::String(m.site.provider.as_bytes().to_vec()));
            }
            concrete[mark_at].arg = Some(Literal::String(m.site.name.as_bytes().to_vec()));
            let pp = point_text(&concrete);
            // A macro expanded in several places is one probe point with several sites.
            let pp_site = (pp.clone(), m.offset);
            if !seen.insert(pp_site) {
                continue;
            }
            out.push(ResolvedPoint {
                pp,
                context: mark_vars(&m.site),
                kind: ProbeKind::Uprobe {
                    path: bin.path.clone(),
                    function: m.function.clone(),
                    offset: m.offset,
                    ret: false,
                    mark: Some(m.site.clone()),
                    site: UprobeSite::Entry,
                    only: None,
                },
            });
        }
        if out.is_empty() {
            if bin.marks.is_empty() {
                return Err(CatalogError::Invalid(format!(
                    "'{}' has no USDT marks (no .note.stapsdt section)",
                    bin.path
                )));
            }
            let similar =
                rstap_diag::similar(&want, bin.marks.iter().map(|m| m.site.name.as_str()), 5);
            return Err(CatalogError::Invalid(if similar.is_empty() {
                format!("no mark '{want}' in '{}'", bin.path)
            } else {
                format!(
                    "no mark '{want}' in '{}'; did you mean: {}?",
                    bin.path,
                    similar.join(", ")
                )
            }));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstap_ir::{UsdtArg, UsdtLocation};

    struct Canned {
        stripped: bool,
    }

    impl UserBinarySource for Canned {
        fn binary(&self, path: &str) -> Result<Rc<UserBinary>, String> {
            if path != "./app" && path != "app" {
                return Err(format!("cannot find '{path}'"));
            }
            let f = |n: &str, o| UserFunction {
                name: n.into(),
                offset: o,
            };
            let arg = UsdtArg {
                size: 4,
                signed: true,
                location: UsdtLocation::Register("di".into()),
            };
            let mark = |p: &str, n: &str, o| UserMark {
                site: UsdtSite {
                    provider: p.into(),
                    name: n.into(),
                    semaphore: None,
                    args: vec![arg.clone(), arg.clone()],
                },
                offset: o,
                function: "main".into(),
            };
            Ok(Rc::new(UserBinary {
                path: "/opt/app".into(),
                functions: if self.stripped {
                    vec![]
                } else {
                    vec![f("add", 0x1100), f("add_all", 0x1140), f("main", 0x1200)]
                },
                marks: vec![mark("demo", "step", 0x1210), mark("other", "step", 0x1220)],
                stripped: self.stripped,
            }))
        }
        fn target_program(&self) -> Option<String> {
            Some("app".into())
        }
    }

    /// [`Canned`] with `-x 4242`, a process running the same program.
    struct Attached(Canned);

    impl UserBinarySource for Attached {
        fn binary(&self, path: &str) -> Result<Rc<UserBinary>, String> {
            self.0.binary(path)
        }
        fn target_program(&self) -> Option<String> {
            None
        }
        fn target_process(&self) -> Option<u32> {
            Some(4242)
        }
        fn process_program(&self, pid: u32) -> Result<String, String> {
            assert_eq!(pid, 4242);
            Ok("./app".into())
        }
    }

    #[test]
    fn without_a_path_the_x_process_is_probed_as_process_pid() {
        let src = Attached(Canned { stripped: false });
        let r = UprobeCatalog::new(&src)
            .resolve(&[comp("process", None), comp("function", Some("add"))])
            .unwrap();
        assert_eq!(r[0].pp, "process(4242).function(\"add\")");
        assert!(matches!(
            &r[0].kind,
            ProbeKind::Uprobe {
                offset: 0x1100,
                only: Some(rstap_ir::ProcessFilter::Pid(4242)),
                ..
            }
        ));
        // Neither -c nor -x: the error says which options give the program.
        struct Neither;
        impl UserBinarySource for Neither {
            fn binary(&self, path: &str) -> Result<Rc<UserBinary>, String> {
                Err(format!("cannot find '{path}'"))
            }
            fn target_program(&self) -> Option<String> {
                None
            }
        }
        let e = UprobeCatalog::new(&Neither)
            .resolve(&[comp("process", None), comp("function", Some("add"))])
            .unwrap_err()
            .to_string();
        assert!(e.contains("give -c CMD or -x PID"), "{e}");
    }

    fn comp(name: &str, arg: Option<&str>) -> PointComponent {
        PointComponent {
            name: name.into(),
            arg: arg.map(|a| Literal::String(a.as_bytes().to_vec())),
        }
    }

    #[test]
    fn functions_expand_wildcards_and_name_the_binary() {
        let src = Canned { stripped: false };
        let c = UprobeCatalog::new(&src);
        let r = c
            .resolve(&[
                comp("process", Some("./app")),
                comp("function", Some("add*")),
            ])
            .unwrap();
        let pps: Vec<&str> = r.iter().map(|p| p.pp.as_str()).collect();
        assert_eq!(
            pps,
            [
                "process(\"/opt/app\").function(\"add\")",
                "process(\"/opt/app\").function(\"add_all\")"
            ]
        );
        assert!(matches!(
            &r[1].kind,
            ProbeKind::Uprobe {
                offset: 0x1140,
                ret: false,
                ..
            }
        ));
        let r = c
            .resolve(&[
                comp("process", None),
                comp("function", Some("main")),
                comp("return", None),
            ])
            .unwrap();
        assert!(matches!(&r[0].kind, ProbeKind::Uprobe { ret: true, .. }));
        assert_eq!(r[0].context[0].read, "__uprobe_return");
    }

    #[test]
    fn unknown_functions_suggest_symbols_and_stripped_binaries_say_so() {
        let src = Canned { stripped: false };
        let e = UprobeCatalog::new(&src)
            .resolve(&[comp("process", Some("./app")), comp("function", Some("ad"))])
            .unwrap_err()
            .to_string();
        assert!(e.contains("did you mean: add"), "{e}");
        let src = Canned { stripped: true };
        let e = UprobeCatalog::new(&src)
            .resolve(&[
                comp("process", Some("./app")),
                comp("function", Some("add")),
            ])
            .unwrap_err()
            .to_string();
        assert!(e.contains("stripped"), "{e}");
        let e = UprobeCatalog::new(&src)
            .resolve(&[
                comp("process", Some("./nope")),
                comp("function", Some("add")),
            ])
            .unwrap_err()
            .to_string();
        assert!(e.contains("cannot find './nope'"), "{e}");
    }

    #[test]
    fn marks_by_name_and_provider() {
        let src = Canned { stripped: false };
        let c = UprobeCatalog::new(&src);
        let r = c
            .resolve(&[comp("process", Some("./app")), comp("mark", Some("step"))])
            .unwrap();
        assert_eq!(r.len(), 2);
        let r = c
            .resolve(&[
                comp("process", Some("./app")),
                comp("provider", Some("demo")),
                comp("mark", Some("*")),
            ])
            .unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(
            r[0].pp,
            "process(\"/opt/app\").provider(\"demo\").mark(\"step\")"
        );
        let names: Vec<&str> = r[0].context.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["arg1", "arg2", "$name", "$provider"]);
        let e = c
            .resolve(&[comp("process", Some("./app")), comp("mark", Some("stpe"))])
            .unwrap_err()
            .to_string();
        assert!(e.contains("did you mean: step"), "{e}");
    }
}
