//! A user program's data types from its DWARF (`rstap-debuginfo`), seen as the
//! [`TypeSource`] typed accesses walk (`$p->next->name`, `@cast(p, "struct point",
//! "/path/to/program")`): the same walk as over the kernel's BTF.

use rstap_debuginfo::{DwarfTypes, Shape, TypeId};
use rstap_sema::{KernelType, MemberInfo, TypeShape, TypeSource};

pub struct ProgramTypes {
    pub types: DwarfTypes,
}

fn id(ty: KernelType) -> TypeId {
    TypeId(ty.0)
}

fn kt(ty: TypeId) -> KernelType {
    KernelType(ty.0)
}

impl TypeSource for ProgramTypes {
    fn find(&self, name: &str) -> Option<KernelType> {
        self.types.find(name).map(kt)
    }

    fn shape(&self, ty: KernelType) -> TypeShape {
        match self.types.shape(id(ty)) {
            Shape::Int { size, signed, .. } => TypeShape::Int { size, signed },
            Shape::Pointer { target } => TypeShape::Pointer {
                target: target.map(kt),
            },
            Shape::Struct { size } => TypeShape::Aggregate { size },
            Shape::Array { elem, len } => TypeShape::Array {
                elem: kt(elem),
                len,
            },
            Shape::Float { .. } | Shape::Other => TypeShape::Other,
        }
    }

    fn member(&self, ty: KernelType, name: &str) -> Option<MemberInfo> {
        let m = self.types.member(id(ty), name)?;
        Some(MemberInfo {
            bit_offset: m.bit_offset,
            bitfield_size: m.bit_size,
            ty: kt(m.ty),
        })
    }

    fn size(&self, ty: KernelType) -> Option<u64> {
        self.types.size(id(ty))
    }

    fn members(&self, ty: KernelType) -> Vec<(String, MemberInfo)> {
        self.types
            .members(id(ty))
            .into_iter()
            .map(|m| {
                (
                    m.name,
                    MemberInfo {
                        bit_offset: m.bit_offset,
                        bitfield_size: m.bit_size,
                        ty: kt(m.ty),
                    },
                )
            })
            .collect()
    }

    fn type_name(&self, ty: KernelType) -> Option<String> {
        Some(self.types.name(id(ty)))
    }

    fn is_char(&self, ty: KernelType) -> bool {
        matches!(self.types.shape(id(ty)), Shape::Int { char: true, .. })
    }
}
