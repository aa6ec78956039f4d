//! The running kernel's types from its BTF (`/sys/kernel/btf/vmlinux`), for typed
//! accesses (`$next->tgid`, `@cast`) and tracepoint arguments.
//!
//! Reading the BTF costs tens of milliseconds, so it happens on the first question only:
//! scripts that use neither never pay for it.

use std::cell::OnceCell;

use rstap_btf::{Btf, Kind, TypeKind};
use rstap_sema::{KernelType, MemberInfo, TracepointArg, TypeShape, TypeSource};

#[derive(Default)]
pub struct KernelBtf {
    btf: OnceCell<Result<Btf, String>>,
}

impl KernelBtf {
    fn loaded(&self) -> &Result<Btf, String> {
        self.btf.get_or_init(|| {
            Btf::load_vmlinux()
                .map_err(|e| format!("cannot read the kernel's type information (BTF): {e}"))
        })
    }

    fn btf(&self) -> Option<&Btf> {
        self.loaded().as_ref().ok()
    }

    /// The arguments of the raw tracepoint `name`, from its `btf_trace_<name>` typedef.
    pub fn tracepoint_args(&self, name: &str) -> Option<Vec<TracepointArg>> {
        let btf = self.btf()?;
        let params = btf.tracepoint_args(name).ok()??;
        Some(
            params
                .into_iter()
                .map(|p| TracepointArg {
                    name: p.name,
                    ty: KernelType(p.ty),
                })
                .collect(),
        )
    }
}

impl TypeSource for KernelBtf {
    fn find(&self, name: &str) -> Option<KernelType> {
        let btf = self.btf()?;
        let name = rstap_sema::kernel_types::bare_type_name(name);
        [Kind::Struct, Kind::Union, Kind::Typedef]
            .into_iter()
            .find_map(|k| btf.find_by_name_kind(name, k).ok().flatten())
            .map(KernelType)
    }

    fn shape(&self, ty: KernelType) -> TypeShape {
        let Some(btf) = self.btf() else {
            return TypeShape::Other;
        };
        let Ok(t) = btf.resolved(ty.0) else {
            return TypeShape::Other;
        };
        match t.kind {
            TypeKind::Int { .. } | TypeKind::Enum { .. } => match btf.int_info(t.id) {
                Ok(i) => TypeShape::Int {
                    size: i.size,
                    signed: i.signed,
                },
                Err(_) => TypeShape::Other,
            },
            TypeKind::Ptr(target) => {
                let target = btf.resolved(target).ok().and_then(|t| match t.kind {
                    TypeKind::Void | TypeKind::FuncProto { .. } => None,
                    _ => Some(KernelType(t.id)),
                });
                TypeShape::Pointer { target }
            }
            TypeKind::Struct { size, .. } | TypeKind::Union { size, .. } => {
                TypeShape::Aggregate { size: size as u64 }
            }
            TypeKind::Array { elem, len, .. } => TypeShape::Array {
                elem: KernelType(elem),
                len,
            },
            _ => TypeShape::Other,
        }
    }

    fn member(&self, ty: KernelType, name: &str) -> Option<MemberInfo> {
        let btf = self.btf()?;
        let hit = btf.find_member(btf.resolve(ty.0).ok()?, name).ok()??;
        Some(MemberInfo {
            bit_offset: hit.bit_offset,
            bitfield_size: hit.bitfield_size,
            ty: KernelType(hit.ty),
        })
    }

    fn size(&self, ty: KernelType) -> Option<u64> {
        self.btf()?.size_of(ty.0).ok()
    }

    fn unavailable(&self) -> Option<String> {
        self.loaded().as_ref().err().cloned()
    }

    fn members(&self, ty: KernelType) -> Vec<(String, MemberInfo)> {
        let mut out = Vec::new();
        if let Some(btf) = self.btf() {
            collect_members(btf, ty.0, 0, 0, &mut out);
        }
        out
    }

    fn type_name(&self, ty: KernelType) -> Option<String> {
        self.btf()?.type_name(ty.0).ok()
    }

    fn is_char(&self, ty: KernelType) -> bool {
        let Some(btf) = self.btf() else { return false };
        let Ok(id) = btf.resolve(ty.0) else {
            return false;
        };
        matches!(
            btf.type_name(id).as_deref(),
            Ok("char" | "signed char" | "unsigned char")
        )
    }
}

/// The members of struct or union `id` in order, those of anonymous members in their
/// place, with offsets from the outermost struct.
fn collect_members(
    btf: &Btf,
    id: u32,
    base_bits: u64,
    depth: usize,
    out: &mut Vec<(String, MemberInfo)>,
) {
    if depth > 16 {
        return;
    }
    let Ok(t) = btf.resolved(id) else { return };
    let members = match t.kind {
        TypeKind::Struct { members, .. } | TypeKind::Union { members, .. } => members,
        _ => return,
    };
    for m in members {
        let bit_offset = base_bits + m.bit_offset as u64;
        if m.name.is_empty() {
            collect_members(btf, m.ty, bit_offset, depth + 1, out);
        } else {
            out.push((
                m.name.to_string(),
                MemberInfo {
                    bit_offset,
                    bitfield_size: m.bitfield_size,
                    ty: KernelType(m.ty),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checked against this machine's kernel when it has BTF.
    #[test]
    fn task_struct_members_and_sched_switch_arguments() {
        let k = KernelBtf::default();
        if k.unavailable().is_some() {
            eprintln!("skipped: no kernel BTF");
            return;
        }
        let task = k.find("struct task_struct").expect("task_struct");
        assert!(matches!(k.shape(task), TypeShape::Aggregate { .. }));
        let tgid = k.member(task, "tgid").expect("tgid");
        assert_eq!(tgid.bitfield_size, 0);
        assert_eq!(
            k.shape(tgid.ty),
            TypeShape::Int {
                size: 4,
                signed: true
            }
        );
        let comm = k.member(task, "comm").expect("comm");
        assert!(matches!(k.shape(comm.ty), TypeShape::Array { len: 16, .. }));
        let TypeShape::Array { elem, .. } = k.shape(comm.ty) else {
            unreachable!()
        };
        assert!(k.is_char(elem));
        assert!(!k.is_char(tgid.ty));
        let members = k.members(task);
        let listed = members.iter().find(|(n, _)| n == "tgid").map(|(_, m)| *m);
        assert_eq!(listed, Some(tgid));
        assert_eq!(k.type_name(task).as_deref(), Some("struct task_struct"));
        let args = k
            .tracepoint_args("sched_switch")
            .expect("sched_switch args");
        let names: Vec<&str> = args.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["preempt", "prev", "next", "prev_state"]);
        assert_eq!(
            k.shape(args[2].ty),
            TypeShape::Pointer { target: Some(task) }
        );
    }
}
