//! C data types from DWARF (`cc -g`): base types, pointers, structs and unions with
//! their members' offsets, arrays, enums, typedefs and qualifiers, for typed accesses
//! into a user program's memory (`$p->next->name`, `@cast(p, "struct point", PATH)`).
//!
//! Reading is lazy: opening a [`DwarfTypes`] parses the unit headers only; a type's
//! entry is decoded when asked about, and the index of type names is built on the
//! first lookup by name. A type is identified by its entry's offset in `.debug_info`
//! ([`TypeId`]), which is also how [`crate::Parameter::ty`] and [`crate::Variable::ty`]
//! name a parameter's or variable's type.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use gimli::{AttributeValue, EndianRcSlice, RunTimeEndian, constants as dw};
use object::{Object, ObjectSection};

use crate::Error;

type R = EndianRcSlice<RunTimeEndian>;
type Entry = gimli::DebuggingInformationEntry<R>;

/// A type: the offset of its entry in `.debug_info`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

/// What a type is, once typedefs and qualifiers are looked through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Integers, `bool`, characters (`char`: a `char`, `signed char` or `unsigned
    /// char`) and enums.
    Int {
        size: u32,
        signed: bool,
        char: bool,
    },
    Float {
        size: u32,
    },
    /// `target` is `None` for `void *` and pointers to functions.
    Pointer {
        target: Option<TypeId>,
    },
    /// A struct or union (or class) of `size` bytes.
    Struct {
        size: u64,
    },
    /// `len` elements (0 for a flexible array member).
    Array {
        elem: TypeId,
        len: u32,
    },
    /// `void`, functions, and anything else no script reads.
    Other,
}

/// A member of a struct or union.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    /// From the start of the outermost struct.
    pub bit_offset: u64,
    /// Width of a bitfield in bits; 0 when not a bitfield.
    pub bit_size: u32,
    pub ty: TypeId,
}

/// The types of one binary.
pub struct DwarfTypes {
    dwarf: gimli::Dwarf<R>,
    /// Units by their offset in `.debug_info`.
    units: Vec<gimli::Unit<R>>,
    /// `struct point`, `union u`, `enum color`, and bare names of typedefs and base
    /// types; complete definitions win over declarations.
    names: OnceCell<HashMap<String, TypeId>>,
    /// An array's inner dimensions (`int m[2][3]` has one `DW_TAG_array_type` with
    /// two subranges): the id of a subrange entry stands for the array from that
    /// dimension on, with its element type and length.
    dimensions: RefCell<HashMap<TypeId, (TypeId, u32)>>,
}

/// Looking through typedefs and qualifiers stops after this many steps (a loop in
/// damaged DWARF must not hang).
const MAX_CHAIN: usize = 32;

impl DwarfTypes {
    /// Reads the unit headers of the file's DWARF; a file without DWARF has no types
    /// ([`Self::is_empty`]).
    pub fn parse(data: &[u8]) -> Result<DwarfTypes, Error> {
        let file = object::File::parse(data)
            .map_err(|e| Error::NotElf(format!("not an ELF file ({e})")))?;
        let endian = if file.is_little_endian() {
            RunTimeEndian::Little
        } else {
            RunTimeEndian::Big
        };
        let dwarf = gimli::Dwarf::load(|id| -> Result<R, Error> {
            let bytes: Rc<[u8]> = file
                .section_by_name(id.name())
                .and_then(|s| s.uncompressed_data().ok())
                .map(|d| Rc::from(&*d))
                .unwrap_or_else(|| Rc::from(&[][..]));
            Ok(EndianRcSlice::new(bytes, endian))
        })?;
        let damaged = |e: gimli::Error| Error::NotElf(format!("damaged DWARF ({e})"));
        let mut units = Vec::new();
        let mut headers = dwarf.units();
        while let Some(header) = headers.next().map_err(damaged)? {
            units.push(dwarf.unit(header).map_err(damaged)?);
        }
        units.sort_by_key(|u| u.header.offset().0);
        Ok(DwarfTypes {
            dwarf,
            units,
            names: OnceCell::new(),
            dimensions: RefCell::default(),
        })
    }

    /// Whether the file has no DWARF units (it was built without `-g`).
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    fn unit_of(&self, id: TypeId) -> Option<&gimli::Unit<R>> {
        let at = id.0 as usize;
        let i = self
            .units
            .partition_point(|u| u.header.offset().0 <= at)
            .checked_sub(1)?;
        let u = &self.units[i];
        (at < u.header.offset().0 + u.header.length_including_self()).then_some(u)
    }

    fn entry(&self, id: TypeId) -> Option<(&gimli::Unit<R>, Entry)> {
        let unit = self.unit_of(id)?;
        let off = gimli::UnitOffset(id.0 as usize - unit.header.offset().0);
        let e = unit.entry(off).ok()?;
        Some((unit, e))
    }

    fn id_in(unit: &gimli::Unit<R>, off: gimli::UnitOffset) -> Option<TypeId> {
        u32::try_from(unit.header.offset().0 + off.0)
            .ok()
            .map(TypeId)
    }

    /// The entry's `DW_AT_type`.
    fn type_attr(unit: &gimli::Unit<R>, e: &Entry) -> Option<TypeId> {
        match e.attr_value(dw::DW_AT_type)? {
            AttributeValue::UnitRef(off) => Self::id_in(unit, off),
            AttributeValue::DebugInfoRef(off) => u32::try_from(off.0).ok().map(TypeId),
            _ => None,
        }
    }

    fn name_attr(&self, unit: &gimli::Unit<R>, e: &Entry) -> Option<String> {
        let v = e.attr_value(dw::DW_AT_name)?;
        let s = self.dwarf.attr_string(unit, v).ok()?;
        gimli::Reader::to_string_lossy(&s)
            .ok()
            .map(|c| c.into_owned())
    }

    fn byte_size(e: &Entry) -> Option<u64> {
        e.attr_value(dw::DW_AT_byte_size)?.udata_value()
    }

    /// The type behind typedefs and qualifiers (and, for a struct only declared in
    /// its unit, the definition elsewhere); `None` for `void`.
    pub fn resolve(&self, id: TypeId) -> Option<TypeId> {
        let mut id = id;
        for _ in 0..MAX_CHAIN {
            if self.dimensions.borrow().contains_key(&id) {
                return Some(id);
            }
            let (unit, e) = self.entry(id)?;
            match e.tag() {
                dw::DW_TAG_typedef
                | dw::DW_TAG_const_type
                | dw::DW_TAG_volatile_type
                | dw::DW_TAG_restrict_type
                | dw::DW_TAG_atomic_type => id = Self::type_attr(unit, &e)?,
                dw::DW_TAG_structure_type | dw::DW_TAG_union_type | dw::DW_TAG_class_type
                    if e.attr_value(dw::DW_AT_declaration).is_some() =>
                {
                    let key = self.tag_name(unit, &e);
                    return Some(
                        key.and_then(|k| self.names().get(&k).copied())
                            .unwrap_or(id),
                    );
                }
                _ => return Some(id),
            }
        }
        None
    }

    /// `struct point` / `union u` / `enum color` for a tagged type entry.
    fn tag_name(&self, unit: &gimli::Unit<R>, e: &Entry) -> Option<String> {
        let name = self.name_attr(unit, e)?;
        let tag = match e.tag() {
            dw::DW_TAG_structure_type => "struct",
            dw::DW_TAG_union_type => "union",
            dw::DW_TAG_enumeration_type => "enum",
            dw::DW_TAG_class_type => "class",
            _ => return Some(name),
        };
        Some(format!("{tag} {name}"))
    }

    /// What `id` is, through typedefs and qualifiers.
    pub fn shape(&self, id: TypeId) -> Shape {
        let Some(id) = self.resolve(id) else {
            return Shape::Other;
        };
        if let Some(&(elem, len)) = self.dimensions.borrow().get(&id) {
            return Shape::Array { elem, len };
        }
        let Some((unit, e)) = self.entry(id) else {
            return Shape::Other;
        };
        let size = Self::byte_size(&e);
        match e.tag() {
            dw::DW_TAG_base_type => {
                let encoding = match e.attr_value(dw::DW_AT_encoding) {
                    Some(AttributeValue::Encoding(x)) => x,
                    _ => dw::DW_ATE_signed,
                };
                let size = size.unwrap_or(0) as u32;
                match encoding {
                    dw::DW_ATE_float | dw::DW_ATE_complex_float => Shape::Float { size },
                    dw::DW_ATE_signed_char | dw::DW_ATE_unsigned_char => Shape::Int {
                        size,
                        signed: encoding == dw::DW_ATE_signed_char,
                        char: true,
                    },
                    dw::DW_ATE_signed => Shape::Int {
                        size,
                        signed: true,
                        char: false,
                    },
                    _ => Shape::Int {
                        size,
                        signed: false,
                        char: false,
                    },
                }
            }
            dw::DW_TAG_enumeration_type => {
                let signed = match Self::type_attr(unit, &e).map(|t| self.shape(t)) {
                    Some(Shape::Int { signed, .. }) => signed,
                    // Without an underlying type: signed when an enumerator is negative.
                    _ => self.enumerators(id).iter().any(|(_, v)| *v < 0),
                };
                Shape::Int {
                    size: size.unwrap_or(4) as u32,
                    signed,
                    char: false,
                }
            }
            dw::DW_TAG_pointer_type
            | dw::DW_TAG_reference_type
            | dw::DW_TAG_rvalue_reference_type => {
                let target = Self::type_attr(unit, &e).and_then(|t| {
                    let r = self.resolve(t)?;
                    match self.entry(r).map(|(_, e)| e.tag()) {
                        Some(dw::DW_TAG_subroutine_type) => None,
                        _ => Some(t),
                    }
                });
                Shape::Pointer { target }
            }
            dw::DW_TAG_structure_type | dw::DW_TAG_union_type | dw::DW_TAG_class_type => {
                Shape::Struct {
                    size: size.unwrap_or(0),
                }
            }
            dw::DW_TAG_array_type => {
                let Some(elem) = Self::type_attr(unit, &e) else {
                    return Shape::Other;
                };
                let dims = self.subranges(unit, e.offset());
                let Some(&(_, len)) = dims.first() else {
                    return Shape::Other;
                };
                // Inner dimensions are arrays named by their subrange entries.
                let mut next = elem;
                let mut map = self.dimensions.borrow_mut();
                for &(sub, sub_len) in dims.iter().skip(1).rev() {
                    map.insert(sub, (next, sub_len));
                    next = sub;
                }
                Shape::Array { elem: next, len }
            }
            _ => Shape::Other,
        }
    }

    /// The subrange children of an array entry: `(id, length)` per dimension.
    fn subranges(&self, unit: &gimli::Unit<R>, at: gimli::UnitOffset) -> Vec<(TypeId, u32)> {
        let mut out = Vec::new();
        let Ok(mut tree) = unit.entries_tree(Some(at)) else {
            return out;
        };
        let Ok(root) = tree.root() else {
            return out;
        };
        let mut children = root.children();
        while let Ok(Some(child)) = children.next() {
            let c = child.entry();
            if c.tag() != dw::DW_TAG_subrange_type {
                continue;
            }
            let len = if let Some(n) = c.attr_value(dw::DW_AT_count).and_then(|v| v.udata_value()) {
                n
            } else if let Some(u) = c
                .attr_value(dw::DW_AT_upper_bound)
                .and_then(|v| v.udata_value())
            {
                u + 1
            } else {
                0
            };
            if let Some(id) = Self::id_in(unit, c.offset()) {
                out.push((id, u32::try_from(len).unwrap_or(u32::MAX)));
            }
        }
        out
    }

    /// Size in bytes.
    pub fn size(&self, id: TypeId) -> Option<u64> {
        let r = self.resolve(id)?;
        match self.shape(r) {
            Shape::Array { elem, len } => Some(self.size(elem)? * len as u64),
            Shape::Pointer { .. } => Some(8),
            Shape::Other => None,
            _ => Self::byte_size(&self.entry(r)?.1),
        }
    }

    /// The members of a struct or union in declaration order, with the members of
    /// anonymous structs and unions in their place.
    pub fn members(&self, id: TypeId) -> Vec<Member> {
        let mut out = Vec::new();
        if let Some(r) = self.resolve(id) {
            self.collect_members(r, 0, &mut out, 0);
        }
        out
    }

    fn collect_members(&self, id: TypeId, base: u64, out: &mut Vec<Member>, depth: usize) {
        if depth > MAX_CHAIN {
            return;
        }
        let Some((unit, e)) = self.entry(id) else {
            return;
        };
        if !matches!(
            e.tag(),
            dw::DW_TAG_structure_type | dw::DW_TAG_union_type | dw::DW_TAG_class_type
        ) {
            return;
        }
        let Ok(mut tree) = unit.entries_tree(Some(e.offset())) else {
            return;
        };
        let Ok(root) = tree.root() else { return };
        let mut children = root.children();
        while let Ok(Some(child)) = children.next() {
            let c = child.entry();
            if c.tag() != dw::DW_TAG_member {
                continue;
            }
            let Some(ty) = Self::type_attr(unit, c) else {
                continue;
            };
            let byte = match c.attr_value(dw::DW_AT_data_member_location) {
                Some(AttributeValue::Exprloc(expr)) => plus_uconst(&expr, unit.encoding()),
                Some(v) => v.udata_value(),
                None => Some(0),
            };
            let bit_size = c
                .attr_value(dw::DW_AT_bit_size)
                .and_then(|v| v.udata_value())
                .unwrap_or(0) as u32;
            let bit_offset = if let Some(b) = c
                .attr_value(dw::DW_AT_data_bit_offset)
                .and_then(|v| v.udata_value())
            {
                b
            } else {
                let Some(byte) = byte else { continue };
                let mut bits = byte * 8;
                // DWARF 2/3 bitfields count from the storage unit's high end.
                if bit_size > 0
                    && let Some(old) = c
                        .attr_value(dw::DW_AT_bit_offset)
                        .and_then(|v| v.udata_value())
                {
                    let unit_bits = Self::byte_size(c).or_else(|| self.size(ty)).unwrap_or(4) * 8;
                    bits += unit_bits.saturating_sub(old + bit_size as u64);
                }
                bits
            };
            match self.name_attr(unit, c) {
                Some(name) => out.push(Member {
                    name,
                    bit_offset: base + bit_offset,
                    bit_size,
                    ty,
                }),
                None => {
                    if let Some(inner) = self.resolve(ty) {
                        self.collect_members(inner, base + bit_offset, out, depth + 1);
                    }
                }
            }
        }
    }

    /// The member called `name` (looking into anonymous members).
    pub fn member(&self, id: TypeId, name: &str) -> Option<Member> {
        self.members(id).into_iter().find(|m| m.name == name)
    }

    /// The enumerators of an enum type, in declaration order.
    pub fn enumerators(&self, id: TypeId) -> Vec<(String, i64)> {
        let mut out = Vec::new();
        let Some(r) = self.resolve(id) else {
            return out;
        };
        let Some((unit, e)) = self.entry(r) else {
            return out;
        };
        if e.tag() != dw::DW_TAG_enumeration_type {
            return out;
        }
        let Ok(mut tree) = unit.entries_tree(Some(e.offset())) else {
            return out;
        };
        let Ok(root) = tree.root() else { return out };
        let mut children = root.children();
        while let Ok(Some(child)) = children.next() {
            let c = child.entry();
            if c.tag() != dw::DW_TAG_enumerator {
                continue;
            }
            let value = match c.attr_value(dw::DW_AT_const_value) {
                Some(AttributeValue::Sdata(v)) => Some(v),
                Some(AttributeValue::Udata(v)) => Some(v as i64),
                Some(AttributeValue::Data1(v)) => Some(v as i8 as i64),
                Some(AttributeValue::Data2(v)) => Some(v as i16 as i64),
                Some(AttributeValue::Data4(v)) => Some(v as i32 as i64),
                Some(AttributeValue::Data8(v)) => Some(v as i64),
                _ => None,
            };
            if let (Some(n), Some(v)) = (self.name_attr(unit, c), value) {
                out.push((n, v));
            }
        }
        out
    }

    /// The C spelling of a type as SystemTap lists it: `int`, `char*`,
    /// `struct point*`, `const char*`, `char[16]`, `point_t`.
    pub fn name(&self, id: TypeId) -> String {
        self.name_at(Some(id), 0)
    }

    fn name_at(&self, id: Option<TypeId>, depth: usize) -> String {
        let Some(id) = id else {
            return "void".into();
        };
        if depth > MAX_CHAIN {
            return "?".into();
        }
        if let Some(&(elem, len)) = self.dimensions.borrow().get(&id) {
            return format!("{}[{len}]", self.name_at(Some(elem), depth + 1));
        }
        let Some((unit, e)) = self.entry(id) else {
            return "?".into();
        };
        let inner = || self.name_at(Self::type_attr(unit, &e), depth + 1);
        match e.tag() {
            dw::DW_TAG_pointer_type => format!("{}*", inner()),
            dw::DW_TAG_reference_type => format!("{}&", inner()),
            dw::DW_TAG_rvalue_reference_type => format!("{}&&", inner()),
            dw::DW_TAG_const_type => format!("const {}", inner()),
            dw::DW_TAG_volatile_type => format!("volatile {}", inner()),
            dw::DW_TAG_restrict_type | dw::DW_TAG_atomic_type => inner(),
            dw::DW_TAG_array_type => {
                let dims: String = self
                    .subranges(unit, e.offset())
                    .iter()
                    .map(|(_, n)| format!("[{n}]"))
                    .collect();
                format!("{}{dims}", inner())
            }
            dw::DW_TAG_subroutine_type => format!("{} ()", inner()),
            dw::DW_TAG_structure_type
            | dw::DW_TAG_union_type
            | dw::DW_TAG_enumeration_type
            | dw::DW_TAG_class_type => self.tag_name(unit, &e).unwrap_or_else(|| {
                let tag = match e.tag() {
                    dw::DW_TAG_union_type => "union",
                    dw::DW_TAG_enumeration_type => "enum",
                    _ => "struct",
                };
                format!("{tag} {{...}}")
            }),
            _ => self.name_attr(unit, &e).unwrap_or_else(|| "?".into()),
        }
    }

    /// The type named `name`: `struct point`, `union u`, `enum color`, a typedef or
    /// base type (`point_t`, `int`); a bare name also finds a struct, union or enum.
    pub fn find(&self, name: &str) -> Option<TypeId> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let names = self.names();
        if let Some(&id) = names.get(&name) {
            return Some(id);
        }
        ["struct", "union", "enum", "class"]
            .iter()
            .find_map(|tag| names.get(&format!("{tag} {name}")).copied())
    }

    /// Every name [`Self::find`] knows (for suggestions).
    pub fn type_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.names().keys().cloned().collect();
        v.sort();
        v
    }

    fn names(&self) -> &HashMap<String, TypeId> {
        self.names.get_or_init(|| {
            // A complete definition wins over a declaration of the same name.
            let mut map: HashMap<String, (TypeId, bool)> = HashMap::new();
            for unit in &self.units {
                let mut cursor = unit.entries();
                while let Ok(Some(e)) = cursor.next_dfs() {
                    if !matches!(
                        e.tag(),
                        dw::DW_TAG_structure_type
                            | dw::DW_TAG_union_type
                            | dw::DW_TAG_enumeration_type
                            | dw::DW_TAG_class_type
                            | dw::DW_TAG_typedef
                            | dw::DW_TAG_base_type
                    ) {
                        continue;
                    }
                    let Some(key) = self.tag_name(unit, e) else {
                        continue;
                    };
                    let Some(id) = Self::id_in(unit, e.offset()) else {
                        continue;
                    };
                    let complete = e.attr_value(dw::DW_AT_declaration).is_none();
                    match map.get(&key) {
                        Some((_, true)) => {}
                        Some((_, false)) if !complete => {}
                        _ => {
                            map.insert(key, (id, complete));
                        }
                    }
                }
            }
            map.into_iter().map(|(k, (id, _))| (k, id)).collect()
        })
    }
}

/// The constant of a `DW_OP_plus_uconst N` member location (older DWARF).
fn plus_uconst(expr: &gimli::Expression<R>, encoding: gimli::Encoding) -> Option<u64> {
    let mut ops = expr.clone().operations(encoding);
    match ops.next().ok()? {
        Some(gimli::Operation::PlusConstant { value }) => Some(value),
        Some(gimli::Operation::UnsignedConstant { value }) => Some(value),
        _ => None,
    }
}
