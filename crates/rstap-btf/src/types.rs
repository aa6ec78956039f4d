//! The decoded view of one BTF type record. Records are decoded on demand from the raw
//! bytes; these values borrow names from the blob's string section.

/// A BTF type id. Id 0 is `void`.
pub type TypeId = u32;

/// Size of a pointer in bytes. BTF does not record it; rstap only targets 64-bit kernels.
pub const POINTER_SIZE: u64 = 8;

/// The kind number stored in bits 24..29 of a record's `info` word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Void = 0,
    Int = 1,
    Ptr = 2,
    Array = 3,
    Struct = 4,
    Union = 5,
    Enum = 6,
    Fwd = 7,
    Typedef = 8,
    Volatile = 9,
    Const = 10,
    Restrict = 11,
    Func = 12,
    FuncProto = 13,
    Var = 14,
    Datasec = 15,
    Float = 16,
    DeclTag = 17,
    TypeTag = 18,
    Enum64 = 19,
}

impl Kind {
    pub fn from_raw(raw: u8) -> Option<Kind> {
        Some(match raw {
            0 => Kind::Void,
            1 => Kind::Int,
            2 => Kind::Ptr,
            3 => Kind::Array,
            4 => Kind::Struct,
            5 => Kind::Union,
            6 => Kind::Enum,
            7 => Kind::Fwd,
            8 => Kind::Typedef,
            9 => Kind::Volatile,
            10 => Kind::Const,
            11 => Kind::Restrict,
            12 => Kind::Func,
            13 => Kind::FuncProto,
            14 => Kind::Var,
            15 => Kind::Datasec,
            16 => Kind::Float,
            17 => Kind::DeclTag,
            18 => Kind::TypeTag,
            19 => Kind::Enum64,
            _ => return None,
        })
    }

    /// Bytes of kind-specific data that follow the 12-byte common header.
    pub(crate) fn trailing_len(self, vlen: u32) -> usize {
        let vlen = vlen as usize;
        match self {
            Kind::Int | Kind::Var | Kind::DeclTag => 4,
            Kind::Array => 12,
            Kind::Struct | Kind::Union | Kind::Datasec | Kind::Enum64 => 12 * vlen,
            Kind::Enum | Kind::FuncProto => 8 * vlen,
            Kind::Void
            | Kind::Ptr
            | Kind::Fwd
            | Kind::Typedef
            | Kind::Volatile
            | Kind::Const
            | Kind::Restrict
            | Kind::Func
            | Kind::Float
            | Kind::TypeTag => 0,
        }
    }

    /// The upper-case name bpftool and the kernel documentation use.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Void => "VOID",
            Kind::Int => "INT",
            Kind::Ptr => "PTR",
            Kind::Array => "ARRAY",
            Kind::Struct => "STRUCT",
            Kind::Union => "UNION",
            Kind::Enum => "ENUM",
            Kind::Fwd => "FWD",
            Kind::Typedef => "TYPEDEF",
            Kind::Volatile => "VOLATILE",
            Kind::Const => "CONST",
            Kind::Restrict => "RESTRICT",
            Kind::Func => "FUNC",
            Kind::FuncProto => "FUNC_PROTO",
            Kind::Var => "VAR",
            Kind::Datasec => "DATASEC",
            Kind::Float => "FLOAT",
            Kind::DeclTag => "DECL_TAG",
            Kind::TypeTag => "TYPE_TAG",
            Kind::Enum64 => "ENUM64",
        }
    }
}

/// `BTF_INT_*` encoding bits of an INT record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IntEncoding {
    pub signed: bool,
    pub char: bool,
    pub bool: bool,
}

impl IntEncoding {
    pub const SIGNED: u32 = 1 << 0;
    pub const CHAR: u32 = 1 << 1;
    pub const BOOL: u32 = 1 << 2;

    pub(crate) fn from_bits(bits: u32) -> IntEncoding {
        IntEncoding {
            signed: bits & Self::SIGNED != 0,
            char: bits & Self::CHAR != 0,
            bool: bits & Self::BOOL != 0,
        }
    }

    pub(crate) fn bits(self) -> u32 {
        let bit = |on: bool, mask: u32| if on { mask } else { 0 };
        bit(self.signed, Self::SIGNED) | bit(self.char, Self::CHAR) | bit(self.bool, Self::BOOL)
    }
}

/// Linkage of a FUNC or VAR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Linkage {
    Static,
    Global,
    Extern,
    Other(u32),
}

impl Linkage {
    pub(crate) fn from_raw(raw: u32) -> Linkage {
        match raw {
            0 => Linkage::Static,
            1 => Linkage::Global,
            2 => Linkage::Extern,
            n => Linkage::Other(n),
        }
    }

    pub(crate) fn raw(self) -> u32 {
        match self {
            Linkage::Static => 0,
            Linkage::Global => 1,
            Linkage::Extern => 2,
            Linkage::Other(n) => n,
        }
    }
}

/// A struct or union member as stored (offsets relative to the containing type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member<'a> {
    pub name: &'a str,
    pub ty: TypeId,
    pub bit_offset: u32,
    /// Width of a bitfield in bits; 0 when the member is not a bitfield.
    pub bitfield_size: u32,
}

/// One enumerator. Values of unsigned enums are zero-extended, so an unsigned 64-bit value
/// above `i64::MAX` appears negative here; `Enum::signed` tells how to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Enumerator<'a> {
    pub name: &'a str,
    pub value: i64,
}

/// A FUNC_PROTO parameter. Unnamed parameters have an empty name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param<'a> {
    pub name: &'a str,
    pub ty: TypeId,
}

/// One variable placement in a DATASEC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VarSecInfo {
    pub ty: TypeId,
    pub offset: u32,
    pub size: u32,
}

/// Kind-specific content of a type record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeKind<'a> {
    Void,
    Int {
        size: u32,
        encoding: IntEncoding,
        bit_offset: u8,
        bits: u8,
    },
    Ptr(TypeId),
    Array {
        elem: TypeId,
        index: TypeId,
        len: u32,
    },
    Struct {
        size: u32,
        members: Vec<Member<'a>>,
    },
    Union {
        size: u32,
        members: Vec<Member<'a>>,
    },
    /// ENUM and ENUM64 (`is64` tells which record it came from).
    Enum {
        size: u32,
        signed: bool,
        is64: bool,
        values: Vec<Enumerator<'a>>,
    },
    Fwd {
        is_union: bool,
    },
    Typedef(TypeId),
    Volatile(TypeId),
    Const(TypeId),
    Restrict(TypeId),
    Func {
        proto: TypeId,
        linkage: Linkage,
    },
    FuncProto {
        ret: TypeId,
        params: Vec<Param<'a>>,
        variadic: bool,
    },
    Var {
        ty: TypeId,
        linkage: Linkage,
    },
    Datasec {
        size: u32,
        vars: Vec<VarSecInfo>,
    },
    Float {
        size: u32,
    },
    /// `component_idx` is -1 for a tag on the whole target, else a member/parameter index.
    DeclTag {
        target: TypeId,
        component_idx: i32,
    },
    TypeTag(TypeId),
}

impl TypeKind<'_> {
    pub fn kind(&self) -> Kind {
        match self {
            TypeKind::Void => Kind::Void,
            TypeKind::Int { .. } => Kind::Int,
            TypeKind::Ptr(_) => Kind::Ptr,
            TypeKind::Array { .. } => Kind::Array,
            TypeKind::Struct { .. } => Kind::Struct,
            TypeKind::Union { .. } => Kind::Union,
            TypeKind::Enum { is64: false, .. } => Kind::Enum,
            TypeKind::Enum { is64: true, .. } => Kind::Enum64,
            TypeKind::Fwd { .. } => Kind::Fwd,
            TypeKind::Typedef(_) => Kind::Typedef,
            TypeKind::Volatile(_) => Kind::Volatile,
            TypeKind::Const(_) => Kind::Const,
            TypeKind::Restrict(_) => Kind::Restrict,
            TypeKind::Func { .. } => Kind::Func,
            TypeKind::FuncProto { .. } => Kind::FuncProto,
            TypeKind::Var { .. } => Kind::Var,
            TypeKind::Datasec { .. } => Kind::Datasec,
            TypeKind::Float { .. } => Kind::Float,
            TypeKind::DeclTag { .. } => Kind::DeclTag,
            TypeKind::TypeTag(_) => Kind::TypeTag,
        }
    }

    /// The type a modifier or typedef refers to; `None` for everything else.
    pub fn modifier_target(&self) -> Option<TypeId> {
        match *self {
            TypeKind::Typedef(t)
            | TypeKind::Volatile(t)
            | TypeKind::Const(t)
            | TypeKind::Restrict(t)
            | TypeKind::TypeTag(t) => Some(t),
            _ => None,
        }
    }
}

/// A decoded type: its id, its name (empty when anonymous) and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Type<'a> {
    pub id: TypeId,
    pub name: &'a str,
    pub kind: TypeKind<'a>,
}
