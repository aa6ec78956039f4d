//! C-like spelling of a type (`struct task_struct *`, `unsigned int`, `char[16]`,
//! `int (*)(void *)`) for listings and diagnostics. Built the way C declarators nest: each
//! layer wraps the declarator text of the layer outside it.

use crate::btf::Btf;
use crate::error::Result;
use crate::query::Walk;
use crate::types::{TypeId, TypeKind};

impl Btf {
    /// The C spelling of type `id` without a variable name.
    pub fn type_name(&self, id: TypeId) -> Result<String> {
        self.declare(id, "")
    }

    /// The C declaration of `var` with type `id` (`char comm[16]`, `struct task_struct *prev`).
    pub fn declare(&self, id: TypeId, var: &str) -> Result<String> {
        self.render(id, var.to_string(), 0, &mut Walk::new())
    }

    fn render(&self, id: TypeId, inner: String, depth: usize, walk: &mut Walk) -> Result<String> {
        walk.enter(id, depth)?;
        let ty = self.type_by_id(id)?;
        let next = depth + 1;
        Ok(match ty.kind {
            TypeKind::Ptr(target) => {
                let star = format!("*{inner}");
                let needs_parens = matches!(
                    self.type_by_id(target)?.kind,
                    TypeKind::Array { .. } | TypeKind::FuncProto { .. }
                );
                let inner = if needs_parens {
                    format!("({star})")
                } else {
                    star
                };
                self.render(target, inner, next, walk)?
            }
            TypeKind::Array { elem, len, .. } => {
                self.render(elem, format!("{inner}[{len}]"), next, walk)?
            }
            TypeKind::FuncProto {
                ret,
                params,
                variadic,
            } => {
                let mut list: Vec<String> = Vec::with_capacity(params.len() + 1);
                for p in &params {
                    list.push(self.render(p.ty, p.name.to_string(), next, walk)?);
                }
                if variadic {
                    list.push("...".into());
                }
                if list.is_empty() {
                    list.push("void".into());
                }
                self.render(ret, format!("{inner}({})", list.join(", ")), next, walk)?
            }
            TypeKind::Const(t) | TypeKind::Volatile(t) | TypeKind::Restrict(t) => {
                let qual = match ty.kind {
                    TypeKind::Const(_) => "const",
                    TypeKind::Volatile(_) => "volatile",
                    _ => "restrict",
                };
                // A qualified pointer puts the qualifier after the star: `char *const`.
                if matches!(self.type_by_id(t)?.kind, TypeKind::Ptr(_)) {
                    let inner = if inner.is_empty() {
                        qual.to_string()
                    } else {
                        format!("{qual} {inner}")
                    };
                    self.render(t, inner, next, walk)?
                } else {
                    format!("{qual} {}", self.render(t, inner, next, walk)?)
                }
            }
            TypeKind::TypeTag(t) => self.render(t, inner, next, walk)?,
            TypeKind::Func { proto, .. } => {
                self.render(proto, format!("{}{inner}", ty.name), next, walk)?
            }
            _ => attach(&base_name(&ty.kind, ty.name), &inner),
        })
    }
}

/// The spelling of a leaf type: a builtin, a tagged aggregate or a typedef name.
fn base_name(kind: &TypeKind<'_>, name: &str) -> String {
    let or_anon = |n: &str| {
        if n.is_empty() {
            "{...}".to_string()
        } else {
            n.to_string()
        }
    };
    match kind {
        TypeKind::Void => "void".into(),
        TypeKind::Struct { .. } => format!("struct {}", or_anon(name)),
        TypeKind::Union { .. } => format!("union {}", or_anon(name)),
        TypeKind::Enum { .. } => format!("enum {}", or_anon(name)),
        TypeKind::Fwd { is_union: true } => format!("union {name}"),
        TypeKind::Fwd { is_union: false } => format!("struct {name}"),
        TypeKind::Int { .. } | TypeKind::Float { .. } | TypeKind::Typedef(_) => name.to_string(),
        TypeKind::Var { .. } | TypeKind::Datasec { .. } | TypeKind::DeclTag { .. } => {
            name.to_string()
        }
        // Handled by the caller; listed so a new variant cannot be forgotten silently.
        TypeKind::Ptr(_)
        | TypeKind::Array { .. }
        | TypeKind::FuncProto { .. }
        | TypeKind::Const(_)
        | TypeKind::Volatile(_)
        | TypeKind::Restrict(_)
        | TypeKind::TypeTag(_)
        | TypeKind::Func { .. } => name.to_string(),
    }
}

fn attach(base: &str, inner: &str) -> String {
    if inner.is_empty() || inner.starts_with('[') {
        format!("{base}{inner}")
    } else {
        format!("{base} {inner}")
    }
}
