//! Questions the semantic analysis and code generator ask about kernel types: what a
//! typedef really is, how big and how aligned a type is, where a member lives, what an
//! enumerator is worth, what a function or tracepoint takes.

use crate::btf::Btf;
use crate::error::{BtfError, Result};
use crate::types::{IntEncoding, Kind, POINTER_SIZE, Param, Type, TypeId, TypeKind};

/// Chains longer than this are treated as loops (real kernels stay far below it).
pub(crate) const MAX_DEPTH: usize = 64;
/// Types visited by one query. Walks that branch (struct members, parameters) could
/// otherwise take exponential time on a malformed blob whose types fan into each other.
const MAX_STEPS: u32 = 200_000;

/// Bounds one recursive walk over the type graph.
pub(crate) struct Walk {
    steps: u32,
}

impl Walk {
    pub(crate) fn new() -> Walk {
        Walk { steps: 0 }
    }

    pub(crate) fn enter(&mut self, id: TypeId, depth: usize) -> Result<()> {
        if depth > MAX_DEPTH || self.steps >= MAX_STEPS {
            return Err(BtfError::TooDeep(id));
        }
        self.steps += 1;
        Ok(())
    }
}

/// A member found by [`Btf::find_member`], possibly through anonymous structs/unions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberHit {
    pub ty: TypeId,
    /// Offset in bits from the start of the outermost struct/union.
    pub bit_offset: u64,
    /// Bitfield width in bits; 0 when not a bitfield.
    pub bitfield_size: u32,
}

/// An integer type, after typedefs and qualifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntInfo {
    pub size: u32,
    pub signed: bool,
    pub encoding: IntEncoding,
    pub bits: u8,
}

/// An array type: element type and element count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArrayInfo {
    pub elem: TypeId,
    pub len: u32,
}

/// A parameter with an owned name, as returned by function and tracepoint queries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedParam {
    pub name: String,
    pub ty: TypeId,
}

/// A kernel function's signature from its FUNC and FUNC_PROTO records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuncSignature {
    pub func: TypeId,
    pub proto: TypeId,
    pub ret: TypeId,
    pub params: Vec<NamedParam>,
    pub variadic: bool,
}

impl Btf {
    /// Follows typedef, const, volatile, restrict and type_tag to the underlying type.
    pub fn resolve(&self, mut id: TypeId) -> Result<TypeId> {
        for _ in 0..MAX_DEPTH {
            match self.type_by_id(id)?.kind.modifier_target() {
                Some(next) => id = next,
                None => return Ok(id),
            }
        }
        Err(BtfError::TooDeep(id))
    }

    /// Decodes the type `id` resolves to.
    pub fn resolved(&self, id: TypeId) -> Result<Type<'_>> {
        self.type_by_id(self.resolve(id)?)
    }

    /// Size in bytes, as `sizeof` would give it.
    pub fn size_of(&self, id: TypeId) -> Result<u64> {
        self.size_of_depth(id, 0)
    }

    fn size_of_depth(&self, id: TypeId, depth: usize) -> Result<u64> {
        if depth > MAX_DEPTH {
            return Err(BtfError::TooDeep(id));
        }
        let ty = self.resolved(id)?;
        Ok(match ty.kind {
            TypeKind::Int { size, .. }
            | TypeKind::Struct { size, .. }
            | TypeKind::Union { size, .. }
            | TypeKind::Enum { size, .. }
            | TypeKind::Float { size }
            | TypeKind::Datasec { size, .. } => size as u64,
            TypeKind::Ptr(_) => POINTER_SIZE,
            TypeKind::Array { elem, len, .. } => {
                let elem_size = self.size_of_depth(elem, depth + 1)?;
                elem_size
                    .checked_mul(len as u64)
                    .ok_or(BtfError::TooDeep(id))?
            }
            TypeKind::Var { ty, .. } => self.size_of_depth(ty, depth + 1)?,
            _ => return Err(BtfError::NoSize(ty.id)),
        })
    }

    /// Alignment in bytes. BTF does not store it, so it is derived the way a C compiler
    /// would lay the type out; a struct whose members sit at offsets their natural alignment
    /// forbids is taken to be packed (alignment 1).
    pub fn align_of(&self, id: TypeId) -> Result<u64> {
        self.align_of_walk(id, 0, &mut Walk::new())
    }

    fn align_of_walk(&self, id: TypeId, depth: usize, walk: &mut Walk) -> Result<u64> {
        walk.enter(id, depth)?;
        let ty = self.resolved(id)?;
        Ok(match ty.kind {
            TypeKind::Int { size, .. } | TypeKind::Enum { size, .. } | TypeKind::Float { size } => {
                natural_align(size as u64)
            }
            TypeKind::Ptr(_) => POINTER_SIZE,
            TypeKind::Array { elem, .. } => self.align_of_walk(elem, depth + 1, walk)?,
            TypeKind::Var { ty, .. } => self.align_of_walk(ty, depth + 1, walk)?,
            TypeKind::Struct { size, members } | TypeKind::Union { size, members } => {
                let mut align = 1;
                for m in &members {
                    let a = self.align_of_walk(m.ty, depth + 1, walk)?;
                    let misplaced =
                        m.bitfield_size == 0 && !(m.bit_offset as u64).is_multiple_of(a * 8);
                    if misplaced {
                        return Ok(1);
                    }
                    align = align.max(a);
                }
                if (size as u64).is_multiple_of(align) {
                    align
                } else {
                    1
                }
            }
            _ => return Err(BtfError::NoSize(ty.id)),
        })
    }

    /// Looks up member `name` of the struct/union `id` (typedefs and qualifiers are looked
    /// through). Members of anonymous struct/union members are found too, with their offset
    /// accumulated. `Ok(None)` when there is no such member.
    pub fn find_member(&self, id: TypeId, name: &str) -> Result<Option<MemberHit>> {
        // Anonymous members have empty names; asking for "" must not pick one of them.
        if name.is_empty() {
            return Ok(None);
        }
        self.find_member_walk(id, name, 0, 0, &mut Walk::new())
    }

    fn find_member_walk(
        &self,
        id: TypeId,
        name: &str,
        base_bits: u64,
        depth: usize,
        walk: &mut Walk,
    ) -> Result<Option<MemberHit>> {
        walk.enter(id, depth)?;
        let ty = self.resolved(id)?;
        let members = match ty.kind {
            TypeKind::Struct { members, .. } | TypeKind::Union { members, .. } => members,
            other => {
                return Err(BtfError::UnexpectedKind {
                    id: ty.id,
                    expected: "struct or union",
                    found: other.kind().as_str(),
                });
            }
        };
        // Named members first: C resolves a direct member before any anonymous one.
        for m in &members {
            if m.name == name {
                return Ok(Some(MemberHit {
                    ty: m.ty,
                    bit_offset: base_bits + m.bit_offset as u64,
                    bitfield_size: m.bitfield_size,
                }));
            }
        }
        for m in members.iter().filter(|m| m.name.is_empty()) {
            if !matches!(
                self.kind_of(self.resolve(m.ty)?)?,
                Kind::Struct | Kind::Union
            ) {
                continue;
            }
            let inner_base = base_bits + m.bit_offset as u64;
            if let Some(hit) = self.find_member_walk(m.ty, name, inner_base, depth + 1, walk)? {
                return Ok(Some(hit));
            }
        }
        Ok(None)
    }

    /// Element type and count of an array (after resolving typedefs).
    pub fn array_info(&self, id: TypeId) -> Result<ArrayInfo> {
        match self.resolved(id)? {
            Type {
                kind: TypeKind::Array { elem, len, .. },
                ..
            } => Ok(ArrayInfo { elem, len }),
            other => Err(unexpected(&other, "array")),
        }
    }

    /// What a pointer points to (after resolving typedefs of the pointer itself).
    pub fn pointee(&self, id: TypeId) -> Result<TypeId> {
        match self.resolved(id)? {
            Type {
                kind: TypeKind::Ptr(target),
                ..
            } => Ok(target),
            other => Err(unexpected(&other, "pointer")),
        }
    }

    /// Size and signedness of an integer type. Enums count as integers of their size.
    pub fn int_info(&self, id: TypeId) -> Result<IntInfo> {
        match self.resolved(id)? {
            Type {
                kind:
                    TypeKind::Int {
                        size,
                        encoding,
                        bits,
                        ..
                    },
                ..
            } => Ok(IntInfo {
                size,
                signed: encoding.signed,
                encoding,
                bits,
            }),
            Type {
                kind: TypeKind::Enum { size, signed, .. },
                ..
            } => Ok(IntInfo {
                size,
                signed,
                encoding: IntEncoding {
                    signed,
                    ..IntEncoding::default()
                },
                bits: size.saturating_mul(8).min(u8::MAX as u32) as u8,
            }),
            other => Err(unexpected(&other, "integer")),
        }
    }

    /// Value of enumerator `name` in the enum `id`.
    pub fn enum_value(&self, id: TypeId, name: &str) -> Result<Option<i64>> {
        let values = self.enum_values(id)?;
        Ok(values.into_iter().find(|(n, _)| n == name).map(|(_, v)| v))
    }

    /// Name of the first enumerator of enum `id` whose value is `value`.
    pub fn enum_name(&self, id: TypeId, value: i64) -> Result<Option<&str>> {
        match self.resolved(id)? {
            Type {
                kind: TypeKind::Enum { values, .. },
                ..
            } => Ok(values.iter().find(|e| e.value == value).map(|e| e.name)),
            other => Err(unexpected(&other, "enum")),
        }
    }

    fn enum_values(&self, id: TypeId) -> Result<Vec<(String, i64)>> {
        match self.resolved(id)? {
            Type {
                kind: TypeKind::Enum { values, .. },
                ..
            } => Ok(values
                .iter()
                .map(|e| (e.name.to_string(), e.value))
                .collect()),
            other => Err(unexpected(&other, "enum")),
        }
    }

    /// Finds an enumerator by name across all enums: `(enum type id, value)`.
    /// Enumerators are not in the name index, so this scans every enum record.
    pub fn find_enumerator(&self, name: &str) -> Result<Option<(TypeId, i64)>> {
        for id in self.all_ids() {
            if !matches!(self.kind_of(id)?, Kind::Enum | Kind::Enum64) {
                continue;
            }
            if let TypeKind::Enum { values, .. } = self.type_by_id(id)?.kind
                && let Some(e) = values.iter().find(|e| e.name == name)
            {
                return Ok(Some((id, e.value)));
            }
        }
        Ok(None)
    }

    /// Parameters of a FUNC_PROTO with owned names.
    pub fn proto_params(&self, proto: TypeId) -> Result<(TypeId, Vec<NamedParam>, bool)> {
        match self.resolved(proto)? {
            Type {
                kind:
                    TypeKind::FuncProto {
                        ret,
                        params,
                        variadic,
                    },
                ..
            } => Ok((ret, params.iter().map(named).collect(), variadic)),
            other => Err(unexpected(&other, "function prototype")),
        }
    }

    /// Signature of the kernel function `name` (its FUNC record). `Ok(None)` when absent.
    pub fn function(&self, name: &str) -> Result<Option<FuncSignature>> {
        let Some(func) = self.find_by_name_kind(name, Kind::Func)? else {
            return Ok(None);
        };
        let proto = match self.type_by_id(func)?.kind {
            TypeKind::Func { proto, .. } => proto,
            _ => return Ok(None),
        };
        let (ret, params, variadic) = self.proto_params(proto)?;
        Ok(Some(FuncSignature {
            func,
            proto,
            ret,
            params,
            variadic,
        }))
    }

    /// Arguments of the raw tracepoint `name` (e.g. `sched_switch`), from the
    /// `btf_trace_<name>` typedef: a pointer to a prototype whose first parameter is the
    /// `void *` context, followed by the TP_PROTO arguments. The typedef's prototype is
    /// unnamed, so names come from the event class's `__bpf_trace_<class>` function: the
    /// one named after the event, else the only class function with identical parameter
    /// types. Names stay empty when neither exists or several classes match.
    pub fn tracepoint_args(&self, name: &str) -> Result<Option<Vec<NamedParam>>> {
        let typedef_name = format!("btf_trace_{name}");
        let Some(typedef) = self.find_by_name_kind(&typedef_name, Kind::Typedef)? else {
            return Ok(None);
        };
        let proto = self.pointee(typedef)?;
        let (_, mut params, _) = self.proto_params(proto)?;
        if params.is_empty() {
            return Err(BtfError::UnexpectedKind {
                id: proto,
                expected: "prototype with a context argument",
                found: "prototype without parameters",
            });
        }
        params.remove(0);
        if params.iter().any(|p| p.name.is_empty())
            && let Some(names) = self.tracepoint_arg_names(name, &params)?
        {
            for (p, n) in params.iter_mut().zip(names) {
                p.name = n;
            }
        }
        Ok(Some(params))
    }

    fn tracepoint_arg_names(
        &self,
        event: &str,
        params: &[NamedParam],
    ) -> Result<Option<Vec<String>>> {
        let same_types = |sig: &FuncSignature| {
            sig.params.len() == params.len() + 1
                && sig.params[1..]
                    .iter()
                    .zip(params)
                    .all(|(a, b)| a.ty == b.ty)
        };
        if let Some(sig) = self.function(&format!("__bpf_trace_{event}"))?
            && same_types(&sig)
        {
            return Ok(Some(
                sig.params[1..].iter().map(|p| p.name.clone()).collect(),
            ));
        }
        let mut found: Option<Vec<String>> = None;
        for id in self.all_ids() {
            if self.kind_of(id)? != Kind::Func || !self.name_of(id)?.starts_with("__bpf_trace_") {
                continue;
            }
            let TypeKind::Func { proto, .. } = self.type_by_id(id)?.kind else {
                continue;
            };
            let (ret, ps, variadic) = self.proto_params(proto)?;
            let sig = FuncSignature {
                func: id,
                proto,
                ret,
                params: ps,
                variadic,
            };
            if !same_types(&sig) {
                continue;
            }
            let names: Vec<String> = sig.params[1..].iter().map(|p| p.name.clone()).collect();
            match &found {
                None => found = Some(names),
                Some(prev) if *prev == names => {}
                Some(_) => return Ok(None),
            }
        }
        Ok(found)
    }

    /// Names of all raw tracepoints (`btf_trace_*` typedefs), without the prefix.
    pub fn tracepoint_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.all_ids().filter_map(move |id| match self.kind_of(id) {
            Ok(Kind::Typedef) => self.name_of(id).ok()?.strip_prefix("btf_trace_"),
            _ => None,
        })
    }

    /// The struct named `name` (`struct task_struct` → `find_struct("task_struct")`).
    pub fn find_struct(&self, name: &str) -> Result<Option<TypeId>> {
        self.find_by_name_kind(name, Kind::Struct)
    }
}

fn named(p: &Param<'_>) -> NamedParam {
    NamedParam {
        name: p.name.to_string(),
        ty: p.ty,
    }
}

fn unexpected(ty: &Type<'_>, expected: &'static str) -> BtfError {
    BtfError::UnexpectedKind {
        id: ty.id,
        expected,
        found: ty.kind.kind().as_str(),
    }
}

fn natural_align(size: u64) -> u64 {
    match size {
        0 => 1,
        s if s.is_power_of_two() => s.min(16),
        s => s.next_power_of_two().min(16),
    }
}
