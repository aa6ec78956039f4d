//! `kernel.function("PATTERN")[.call|.return]`, `module("M").function(...)` and
//! `kprobe.function(...)`, resolved against the kernel's functions.
//!
//! The catalog sees the system only through a [`FunctionSource`]: in the CLI the
//! functions that have BTF and can be traced, in tests a fixed list. Whether the kernel
//! can attach to them (fentry/fexit, kprobes) is the runtime's business: a point that
//! resolves here may still be refused, with an explanation, when the session starts.

use std::cell::RefCell;

use rstap_ir::{FuncParam, ProbeKind, Type};
use rstap_syntax::ast::Literal;

use crate::catalog::{
    CatalogError, ContextVar, Pattern, PointComponent, ProbeCatalog, ResolvedPoint, point_text,
};
use crate::glob::{glob_match, has_wildcard};
use crate::kernel_types::KernelType;

/// A kernel function's signature, as BTF describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionSignature {
    pub btf_id: u32,
    pub params: Vec<FuncParam>,
    /// Whether it returns a value (`$return`).
    pub returns: bool,
}

/// Where kernel functions come from.
pub trait FunctionSource {
    /// The functions of `module` (`None`: the kernel itself) that can be probed, sorted.
    fn functions(&self, module: Option<&str>) -> Vec<String>;
    /// The signature of one of them; `None` when no BTF describes it.
    fn signature(&self, module: Option<&str>, name: &str) -> Option<FunctionSignature>;
    /// Whether `name` can be probed by name although [`Self::functions`] leaves it out
    /// (no BTF: kprobes only; compiler-made names such as `f.isra.0`).
    fn traceable(&self, _module: Option<&str>, _name: &str) -> bool {
        false
    }
    /// Why no function can be listed at all (no BTF, no permission), if so.
    fn unavailable(&self) -> Option<String> {
        None
    }
}

/// The `kernel.function(...)` families.
pub struct FunctionCatalog<'s> {
    source: &'s dyn FunctionSource,
    names: RefCell<Vec<(Option<String>, Vec<String>)>>,
}

impl<'s> FunctionCatalog<'s> {
    pub fn new(source: &'s dyn FunctionSource) -> Self {
        FunctionCatalog {
            source,
            names: RefCell::new(Vec::new()),
        }
    }

    fn names(&self, module: Option<&str>) -> Vec<String> {
        if let Some((_, n)) = self
            .names
            .borrow()
            .iter()
            .find(|(m, _)| m.as_deref() == module)
        {
            return n.clone();
        }
        let n = self.source.functions(module);
        self.names
            .borrow_mut()
            .push((module.map(str::to_string), n.clone()));
        n
    }
}

/// The context variables of a kernel function probe: its parameters, `$return` at
/// return, and `$$parms`/`$$return`.
/// `typed`: the parameters' BTF ids are the kernel's own (not a module's), so
/// `$param->member` walks them.
pub fn context_vars(
    params: &[FuncParam],
    ret: bool,
    returns: bool,
    typed: bool,
) -> Vec<ContextVar> {
    let mut vars: Vec<ContextVar> = params
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.name.is_empty())
        .map(|(i, p)| ContextVar {
            name: p.name.clone(),
            ty: Type::Long,
            read: format!("__kfunc_arg_{i}"),
            write: None,
            kernel_type: (typed && p.btf_type != 0).then_some(KernelType(p.btf_type)),
        })
        .collect();
    vars.push(ContextVar {
        name: "$parms".into(),
        ty: Type::String,
        read: "__kfunc_parms".into(),
        write: None,
        kernel_type: None,
    });
    if ret && returns {
        vars.push(ContextVar {
            name: "return".into(),
            ty: Type::Long,
            read: "__kfunc_return".into(),
            write: None,
            kernel_type: None,
        });
        vars.push(ContextVar {
            name: "$return".into(),
            ty: Type::String,
            read: "__kfunc_return_text".into(),
            write: None,
            kernel_type: None,
        });
    }
    vars
}

/// `vfs_read@fs/read_write.c:450`: the function part (source locations need DWARF,
/// which rstap does not read for the kernel; they are ignored).
fn function_part(pattern: &str) -> &str {
    pattern.split('@').next().unwrap_or(pattern)
}

impl ProbeCatalog for FunctionCatalog<'_> {
    fn patterns(&self) -> Vec<Pattern> {
        [
            "kernel.function(s)",
            "kernel.function(s).call",
            "kernel.function(s).return",
            "module(s).function(s)",
            "module(s).function(s).call",
            "module(s).function(s).return",
            "kprobe.function(s)",
            "kprobe.function(s).call",
            "kprobe.function(s).return",
        ]
        .iter()
        .map(|p| Pattern::parse(p))
        .collect()
    }

    fn resolve(&self, point: &[PointComponent]) -> Result<Vec<ResolvedPoint>, CatalogError> {
        let (module, func_at) = match point.first().map(|c| c.name.as_str()) {
            Some("kernel") | Some("kprobe") => (None, 1),
            Some("module") => match &point[0].arg {
                Some(Literal::String(m)) => (Some(String::from_utf8_lossy(m).into_owned()), 1),
                _ => return Ok(Vec::new()),
            },
            _ => return Ok(Vec::new()),
        };
        let kprobe_only = point[0].name == "kprobe";
        let Some(func) = point.get(func_at).filter(|c| c.name == "function") else {
            return Ok(Vec::new());
        };
        let Some(Literal::String(want)) = &func.arg else {
            return Ok(Vec::new());
        };
        let ret = point.get(func_at + 1).is_some_and(|c| c.name == "return");
        let want = String::from_utf8_lossy(want).into_owned();
        let want = function_part(&want).to_string();
        if let Some(m) = &module
            && has_wildcard(m)
        {
            return Err(CatalogError::Invalid(
                "module name wildcards are not supported: name the module".into(),
            ));
        }
        if let Some(why) = self.source.unavailable() {
            return Err(CatalogError::Invalid(why));
        }
        let names = self.names(module.as_deref());
        let mut out = Vec::new();
        let exact = [want.clone()];
        let hits: Vec<&String> = if has_wildcard(&want) {
            names.iter().filter(|n| glob_match(&want, n)).collect()
        } else if names.contains(&want) || self.source.traceable(module.as_deref(), &want) {
            exact.iter().collect()
        } else {
            Vec::new()
        };
        for name in hits {
            let sig = self.source.signature(module.as_deref(), name);
            let (btf_id, params, returns) = match sig {
                Some(s) => (s.btf_id, s.params, s.returns),
                None => (0, Vec::new(), true),
            };
            let mut concrete = point.to_vec();
            concrete[func_at].arg = Some(Literal::String(name.as_bytes().to_vec()));
            out.push(ResolvedPoint {
                pp: point_text(&concrete),
                context: context_vars(&params, ret, returns, module.is_none()),
                kind: ProbeKind::KernelFunction {
                    function: name.clone(),
                    module: module.clone(),
                    ret,
                    kprobe_only,
                    btf_id,
                    params,
                },
            });
        }
        if out.is_empty() {
            let similar = rstap_diag::similar(&want, names.iter().map(String::as_str), 5);
            return Err(CatalogError::NoMatch {
                what: "function(s)".into(),
                similar,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Canned;

    impl FunctionSource for Canned {
        fn functions(&self, module: Option<&str>) -> Vec<String> {
            match module {
                None => vec!["vfs_read".into(), "vfs_readv".into(), "vfs_write".into()],
                Some("ext4") => vec!["ext4_file_open".into()],
                Some(_) => Vec::new(),
            }
        }
        fn signature(&self, _: Option<&str>, name: &str) -> Option<FunctionSignature> {
            (name == "vfs_read").then(|| FunctionSignature {
                btf_id: 42,
                params: vec![
                    FuncParam {
                        name: "file".into(),
                        c_type: "struct file *".into(),
                        size: 8,
                        signed: false,
                        btf_type: 0,
                    },
                    FuncParam {
                        name: "count".into(),
                        c_type: "size_t".into(),
                        size: 8,
                        signed: false,
                        btf_type: 0,
                    },
                ],
                returns: true,
            })
        }
    }

    fn comp(name: &str, arg: Option<&str>) -> PointComponent {
        PointComponent {
            name: name.into(),
            arg: arg.map(|a| Literal::String(a.as_bytes().to_vec())),
        }
    }

    #[test]
    fn wildcards_expand_over_the_kernel_functions() {
        let src = Canned;
        let c = FunctionCatalog::new(&src);
        let r = c
            .resolve(&[comp("kernel", None), comp("function", Some("vfs_read*"))])
            .unwrap();
        let pps: Vec<&str> = r.iter().map(|p| p.pp.as_str()).collect();
        assert_eq!(
            pps,
            [
                "kernel.function(\"vfs_read\")",
                "kernel.function(\"vfs_readv\")"
            ]
        );
        let ProbeKind::KernelFunction {
            btf_id,
            params,
            ret,
            ..
        } = &r[0].kind
        else {
            panic!("{:?}", r[0].kind)
        };
        assert_eq!((*btf_id, params.len(), *ret), (42, 2, false));
        let names: Vec<&str> = r[0].context.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["file", "count", "$parms"]);
    }

    #[test]
    fn return_probes_offer_the_return_value() {
        let src = Canned;
        let c = FunctionCatalog::new(&src);
        let r = c
            .resolve(&[
                comp("kernel", None),
                comp("function", Some("vfs_read@fs/read_write.c:450")),
                comp("return", None),
            ])
            .unwrap();
        assert_eq!(r.len(), 1);
        assert!(r[0].context.iter().any(|v| v.name == "return"));
        assert_eq!(r[0].pp, "kernel.function(\"vfs_read\").return");
    }

    #[test]
    fn unknown_functions_suggest_near_names() {
        let src = Canned;
        let c = FunctionCatalog::new(&src);
        let e = c
            .resolve(&[comp("kernel", None), comp("function", Some("vfs_raed"))])
            .unwrap_err();
        let CatalogError::NoMatch { similar, .. } = e else {
            panic!("{e:?}")
        };
        assert!(similar.contains(&"vfs_read".to_string()), "{similar:?}");
        let r = c
            .resolve(&[
                comp("module", Some("ext4")),
                comp("function", Some("ext4_*")),
            ])
            .unwrap();
        assert_eq!(r[0].pp, "module(\"ext4\").function(\"ext4_file_open\")");
    }
}
