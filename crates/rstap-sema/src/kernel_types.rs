//! Data types, for `$var->member`, `$var[i]`, `&$var->member`, `$var$` and
//! `@cast(addr, "type")->member`, seen through a [`TypeSource`]: the kernel's BTF, or a
//! user program's DWARF, in the CLI; [`FakeTypes`] in tests.
//!
//! A typed access lowers to address arithmetic and the library's `kernel_char`,
//! `kernel_short`, `kernel_int`, `kernel_long` reads (`user_char`... for a user
//! program's memory), so neither executor needs anything new: member offsets are fixed
//! at elaboration, for the kernel or binary whose types were read.

/// A type as the source identifies it (a BTF type id for the kernel's BTF, the entry's
/// `.debug_info` offset for a program's DWARF).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KernelType(pub u32);

/// What a type is, after typedefs and qualifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeShape {
    /// Integers, `bool`, `char` and enums.
    Int {
        size: u32,
        signed: bool,
    },
    /// A pointer; `target` is `None` for `void *` and pointers to functions.
    Pointer {
        target: Option<KernelType>,
    },
    /// A struct or union of `size` bytes.
    Aggregate {
        size: u64,
    },
    Array {
        elem: KernelType,
        len: u32,
    },
    /// `void`, functions, floating point: nothing a script can read.
    Other,
}

/// A member found in a struct or union (through anonymous members too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemberInfo {
    /// From the start of the outermost struct.
    pub bit_offset: u64,
    /// Width of a bitfield in bits; 0 when not a bitfield.
    pub bitfield_size: u32,
    pub ty: KernelType,
}

/// The kernel's or a program's types. `rstap-sema` sees them only through this.
pub trait TypeSource {
    /// The struct, union or typedef called `name` (`task_struct`, `struct bio`).
    fn find(&self, name: &str) -> Option<KernelType>;
    fn shape(&self, ty: KernelType) -> TypeShape;
    fn member(&self, ty: KernelType, name: &str) -> Option<MemberInfo>;
    /// Size in bytes.
    fn size(&self, ty: KernelType) -> Option<u64>;
    /// Why no type can be found (no BTF on this kernel), if so.
    fn unavailable(&self) -> Option<String> {
        None
    }
    /// Every member of a struct or union in order (for pretty printing and
    /// suggestions); empty when the source cannot list them.
    fn members(&self, _ty: KernelType) -> Vec<(String, MemberInfo)> {
        Vec::new()
    }
    /// The C spelling of a type (`struct point*`), for messages.
    fn type_name(&self, _ty: KernelType) -> Option<String> {
        None
    }
    /// Whether an integer type is a C character (`char`, `signed`/`unsigned char`):
    /// arrays of and pointers to them print as strings.
    fn is_char(&self, _ty: KernelType) -> bool {
        false
    }
}

/// `struct task_struct` → `task_struct`: `@cast` accepts both spellings.
pub fn bare_type_name(name: &str) -> &str {
    let name = name.trim();
    for prefix in ["struct ", "union ", "enum "] {
        if let Some(rest) = name.strip_prefix(prefix) {
            return rest.trim();
        }
    }
    name
}

/// Types declared by tests as data.
#[derive(Clone, Debug, Default)]
pub struct FakeTypes {
    types: Vec<FakeType>,
}

#[derive(Clone, Debug)]
struct FakeType {
    name: String,
    shape: TypeShape,
    size: u64,
    members: Vec<(String, MemberInfo)>,
}

impl FakeTypes {
    pub fn new() -> FakeTypes {
        FakeTypes::default()
    }

    fn push(&mut self, name: &str, shape: TypeShape, size: u64) -> KernelType {
        self.types.push(FakeType {
            name: name.to_string(),
            shape,
            size,
            members: Vec::new(),
        });
        KernelType(self.types.len() as u32 - 1)
    }

    pub fn int(&mut self, name: &str, size: u32, signed: bool) -> KernelType {
        self.push(name, TypeShape::Int { size, signed }, size as u64)
    }

    pub fn pointer(&mut self, target: Option<KernelType>) -> KernelType {
        self.push("", TypeShape::Pointer { target }, 8)
    }

    pub fn array(&mut self, elem: KernelType, len: u32) -> KernelType {
        let size = self.size(elem).unwrap_or(0) * len as u64;
        self.push("", TypeShape::Array { elem, len }, size)
    }

    /// A struct of `size` bytes; add its members with [`Self::add_member`].
    pub fn aggregate(&mut self, name: &str, size: u64) -> KernelType {
        self.push(name, TypeShape::Aggregate { size }, size)
    }

    pub fn add_member(&mut self, of: KernelType, name: &str, byte_offset: u64, ty: KernelType) {
        self.add_bitfield(of, name, byte_offset * 8, 0, ty);
    }

    pub fn add_bitfield(
        &mut self,
        of: KernelType,
        name: &str,
        bit_offset: u64,
        bits: u32,
        ty: KernelType,
    ) {
        if let Some(t) = self.types.get_mut(of.0 as usize) {
            t.members.push((
                name.to_string(),
                MemberInfo {
                    bit_offset,
                    bitfield_size: bits,
                    ty,
                },
            ));
        }
    }
}

impl TypeSource for FakeTypes {
    fn find(&self, name: &str) -> Option<KernelType> {
        let name = bare_type_name(name);
        self.types
            .iter()
            .position(|t| t.name == name)
            .map(|i| KernelType(i as u32))
    }

    fn shape(&self, ty: KernelType) -> TypeShape {
        self.types
            .get(ty.0 as usize)
            .map_or(TypeShape::Other, |t| t.shape)
    }

    fn member(&self, ty: KernelType, name: &str) -> Option<MemberInfo> {
        let t = self.types.get(ty.0 as usize)?;
        t.members.iter().find(|(n, _)| n == name).map(|(_, m)| *m)
    }

    fn size(&self, ty: KernelType) -> Option<u64> {
        self.types.get(ty.0 as usize).map(|t| t.size)
    }

    fn members(&self, ty: KernelType) -> Vec<(String, MemberInfo)> {
        self.types
            .get(ty.0 as usize)
            .map(|t| t.members.clone())
            .unwrap_or_default()
    }

    fn type_name(&self, ty: KernelType) -> Option<String> {
        let t = self.types.get(ty.0 as usize)?;
        Some(match t.shape {
            TypeShape::Pointer { target } => format!(
                "{}*",
                target
                    .and_then(|x| self.type_name(x))
                    .unwrap_or_else(|| "void".into())
            ),
            TypeShape::Array { elem, len } => {
                format!("{}[{len}]", self.type_name(elem).unwrap_or_default())
            }
            TypeShape::Aggregate { .. } => format!("struct {}", t.name),
            _ => t.name.clone(),
        })
    }

    fn is_char(&self, ty: KernelType) -> bool {
        self.types.get(ty.0 as usize).is_some_and(|t| {
            matches!(t.shape, TypeShape::Int { size: 1, .. }) && t.name.ends_with("char")
        })
    }
}
