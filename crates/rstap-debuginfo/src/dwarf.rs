//! Function parameters from DWARF (`cc -g`): their names, C types and where the x86-64
//! calling convention passes them, so `$name` can be read from a register at entry.

use std::borrow::Cow;
use std::collections::HashMap;

use gimli::{AttributeValue, EndianSlice, RunTimeEndian, constants as dw};
use object::{Object, ObjectSection};

use crate::Error;
use crate::types::TypeId;

/// One parameter of a function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parameter {
    pub name: String,
    /// The C type, e.g. `int`, `const char *`.
    pub c_type: String,
    /// Bytes of the integer or pointer value.
    pub size: u8,
    pub signed: bool,
    /// Which integer argument register (0: `%rdi` ... 5: `%r9`) passes it; `None` when
    /// it travels elsewhere (floating point, a struct, past the sixth register).
    pub register: Option<usize>,
    /// Where on the stack it is passed, as an offset from the stack pointer at the
    /// function's entry (the seventh integer argument is at 8, after the return
    /// address; a struct of more than 16 bytes is passed there whole).
    pub stack: Option<u64>,
    /// Its type in the binary's [`crate::DwarfTypes`].
    pub ty: Option<TypeId>,
}

/// An ELF file with its DWARF sections (empty where absent, decompressed where
/// compressed).
pub(crate) struct DwarfFile<'d> {
    pub file: object::File<'d>,
    pub endian: RunTimeEndian,
    sections: gimli::DwarfSections<Cow<'d, [u8]>>,
}

impl<'d> DwarfFile<'d> {
    pub fn parse(data: &'d [u8]) -> Result<DwarfFile<'d>, Error> {
        let file = object::File::parse(data)
            .map_err(|e| Error::NotElf(format!("not an ELF file ({e})")))?;
        let endian = if file.is_little_endian() {
            RunTimeEndian::Little
        } else {
            RunTimeEndian::Big
        };
        let sections = gimli::DwarfSections::load(|id| -> Result<Cow<'d, [u8]>, Error> {
            Ok(file
                .section_by_name(id.name())
                .and_then(|s| s.uncompressed_data().ok())
                .unwrap_or(Cow::Borrowed(&[])))
        })?;
        Ok(DwarfFile {
            file,
            endian,
            sections,
        })
    }

    pub fn dwarf(&self) -> gimli::Dwarf<Slice<'_>> {
        self.sections.borrow(|s| EndianSlice::new(s, self.endian))
    }
}

/// The error for DWARF that cannot be read.
pub(crate) fn damaged(e: gimli::Error) -> Error {
    Error::NotElf(format!("damaged DWARF ({e})"))
}

/// The name under which [`parameters`] lists a function's integer or pointer result.
pub const RETURN: &str = "$return";

pub(crate) type Slice<'a> = EndianSlice<'a, RunTimeEndian>;

/// How a type is passed.
pub(crate) enum Class {
    Integer {
        size: u8,
        signed: bool,
    },
    /// Floating point: in a vector register, without using an integer one.
    Float {
        size: u64,
    },
    /// A struct or union of `size` bytes.
    Aggregate {
        size: u64,
    },
    /// Anything else: rstap stops assigning locations.
    Other,
}

/// Where the x86-64 calling convention has put the parameters seen so far.
#[derive(Default)]
struct Abi {
    next_reg: usize,
    next_vector: usize,
    /// The next stack slot, from the stack pointer at entry.
    stack: u64,
    /// A parameter rstap cannot place was seen: the following ones are unknown too.
    lost: bool,
}

impl Abi {
    fn new() -> Abi {
        Abi {
            stack: 8,
            ..Abi::default()
        }
    }

    /// `(register, stack offset)` of the next parameter of class `class`.
    fn place(&mut self, class: &Class) -> (Option<usize>, Option<u64>) {
        if self.lost {
            return (None, None);
        }
        let on_stack = |abi: &mut Abi, size: u64| {
            let at = abi.stack;
            abi.stack += size.div_ceil(8).max(1) * 8;
            (None, Some(at))
        };
        match class {
            Class::Integer { .. } if self.next_reg < 6 => {
                self.next_reg += 1;
                (Some(self.next_reg - 1), None)
            }
            Class::Integer { .. } => on_stack(self, 8),
            Class::Float { size } if *size <= 8 && self.next_vector < 8 => {
                self.next_vector += 1;
                (None, None)
            }
            Class::Float { size } if *size <= 8 => on_stack(self, 8),
            // Larger than 16 bytes: passed in memory, whole, on the stack.
            Class::Aggregate { size } if *size > 16 => on_stack(self, *size),
            // Small structs are split over registers by the types of their parts, and
            // long doubles use the x87 stack: rstap does not follow those.
            _ => {
                self.lost = true;
                (None, None)
            }
        }
    }
}

/// The parameters of every function defined in the file, by function name (its result
/// first, as [`RETURN`], when that is an integer or a pointer); empty when the file has
/// no DWARF.
pub fn parameters(data: &[u8]) -> Result<HashMap<String, Vec<Parameter>>, Error> {
    let loaded = DwarfFile::parse(data)?;
    let dwarf = loaded.dwarf();
    let mut out = HashMap::new();
    let mut headers = dwarf.units();
    while let Some(header) = headers.next().map_err(damaged)? {
        let unit = dwarf.unit(header).map_err(damaged)?;
        let mut cursor = unit.entries();
        // The function whose parameters are being collected, and its depth.
        let mut current: Option<(String, isize, Vec<Parameter>, Abi)> = None;
        let unit_start = unit.header.offset().0;
        let id_of = |off: gimli::UnitOffset| u32::try_from(unit_start + off.0).ok().map(TypeId);
        while let Some(entry) = cursor.next_dfs().map_err(damaged)? {
            let depth = entry.depth();
            if let Some((_, d, ..)) = &current
                && depth <= *d
                && let Some((name, _, params, ..)) = current.take()
            {
                out.entry(name).or_insert(params);
            }
            match entry.tag() {
                dw::DW_TAG_subprogram => {
                    let defined = entry.attr_value(dw::DW_AT_low_pc).is_some();
                    if !defined {
                        continue;
                    }
                    if let Some(name) = name_of(&dwarf, &unit, entry) {
                        // An integer or pointer result comes first, under the name
                        // [`RETURN`] (a C parameter cannot be called that).
                        let mut params = Vec::new();
                        if let Some(t) = type_of(&unit, entry)
                            && let (Class::Integer { size, signed }, c_type) =
                                classify(&dwarf, &unit, t, 0)
                        {
                            params.push(Parameter {
                                name: RETURN.into(),
                                c_type,
                                size,
                                signed,
                                register: None,
                                stack: None,
                                ty: id_of(t),
                            });
                        }
                        current = Some((name, depth, params, Abi::new()));
                    }
                }
                dw::DW_TAG_formal_parameter => {
                    let Some((_, fdepth, params, abi)) = current.as_mut() else {
                        continue;
                    };
                    if depth != *fdepth + 1 {
                        continue;
                    }
                    let name = name_of(&dwarf, &unit, entry).unwrap_or_default();
                    let ty = type_of(&unit, entry);
                    let (class, c_type) = match ty {
                        Some(t) => classify(&dwarf, &unit, t, 0),
                        None => (Class::Other, "?".into()),
                    };
                    let (register, stack) = abi.place(&class);
                    let (size, signed) = match class {
                        Class::Integer { size, signed } => (size, signed),
                        _ => (8, false),
                    };
                    params.push(Parameter {
                        name,
                        c_type,
                        size,
                        signed,
                        register,
                        stack,
                        ty: ty.and_then(id_of),
                    });
                }
                _ => {}
            }
        }
        if let Some((name, _, params, ..)) = current.take() {
            out.entry(name).or_insert(params);
        }
    }
    Ok(out)
}

/// An entry's name, or that of its abstract origin / specification.
pub(crate) fn name_of(
    dwarf: &gimli::Dwarf<Slice<'_>>,
    unit: &gimli::Unit<Slice<'_>>,
    entry: &gimli::DebuggingInformationEntry<Slice<'_>>,
) -> Option<String> {
    if let Some(v) = entry.attr_value(dw::DW_AT_name) {
        return dwarf
            .attr_string(unit, v)
            .ok()
            .map(|s| s.to_string_lossy().into_owned());
    }
    for link in [dw::DW_AT_abstract_origin, dw::DW_AT_specification] {
        if let Some(AttributeValue::UnitRef(off)) = entry.attr_value(link)
            && let Ok(origin) = unit.entry(off)
            && let Some(v) = origin.attr_value(dw::DW_AT_name)
        {
            return dwarf
                .attr_string(unit, v)
                .ok()
                .map(|s| s.to_string_lossy().into_owned());
        }
    }
    None
}

/// The type of an entry (following its abstract origin), as an offset in the unit.
pub(crate) fn type_of(
    unit: &gimli::Unit<Slice<'_>>,
    entry: &gimli::DebuggingInformationEntry<Slice<'_>>,
) -> Option<gimli::UnitOffset> {
    if let Some(AttributeValue::UnitRef(t)) = entry.attr_value(dw::DW_AT_type) {
        return Some(t);
    }
    if let Some(AttributeValue::UnitRef(off)) = entry.attr_value(dw::DW_AT_abstract_origin)
        && let Ok(origin) = unit.entry(off)
        && let Some(AttributeValue::UnitRef(t)) = origin.attr_value(dw::DW_AT_type)
    {
        return Some(t);
    }
    None
}

/// How a type is passed, and its C name.
pub(crate) fn classify(
    dwarf: &gimli::Dwarf<Slice<'_>>,
    unit: &gimli::Unit<Slice<'_>>,
    offset: gimli::UnitOffset,
    depth: u32,
) -> (Class, String) {
    if depth > 16 {
        return (Class::Other, "?".into());
    }
    let Ok(entry) = unit.entry(offset) else {
        return (Class::Other, "?".into());
    };
    let name = name_of(dwarf, unit, &entry);
    let size = match entry.attr_value(dw::DW_AT_byte_size) {
        Some(AttributeValue::Udata(n)) => n,
        Some(AttributeValue::Data1(n)) => n as u64,
        Some(AttributeValue::Data2(n)) => n as u64,
        Some(AttributeValue::Data4(n)) => n as u64,
        _ => 0,
    };
    let inner = || match entry.attr_value(dw::DW_AT_type) {
        Some(AttributeValue::UnitRef(t)) => Some(classify(dwarf, unit, t, depth + 1)),
        _ => None,
    };
    match entry.tag() {
        dw::DW_TAG_base_type => {
            let encoding = match entry.attr_value(dw::DW_AT_encoding) {
                Some(AttributeValue::Encoding(e)) => e,
                _ => dw::DW_ATE_signed,
            };
            let name = name.unwrap_or_else(|| "?".into());
            let class = match encoding {
                dw::DW_ATE_float | dw::DW_ATE_complex_float => Class::Float { size },
                _ if !(1..=8).contains(&size) => Class::Other,
                dw::DW_ATE_signed | dw::DW_ATE_signed_char => Class::Integer {
                    size: size as u8,
                    signed: true,
                },
                _ => Class::Integer {
                    size: size as u8,
                    signed: false,
                },
            };
            (class, name)
        }
        dw::DW_TAG_pointer_type | dw::DW_TAG_reference_type | dw::DW_TAG_rvalue_reference_type => {
            let target = inner().map(|(_, n)| n).unwrap_or_else(|| "void".into());
            (
                Class::Integer {
                    size: 8,
                    signed: false,
                },
                format!("{target}*"),
            )
        }
        dw::DW_TAG_enumeration_type => {
            let signed = matches!(inner(), Some((Class::Integer { signed: true, .. }, _)));
            let size = if (1..=8).contains(&size) {
                size as u8
            } else {
                4
            };
            (
                Class::Integer { size, signed },
                format!("enum {}", name.unwrap_or_default()),
            )
        }
        dw::DW_TAG_typedef => match inner() {
            Some((class, _)) => (class, name.unwrap_or_else(|| "?".into())),
            None => (Class::Other, name.unwrap_or_else(|| "?".into())),
        },
        dw::DW_TAG_const_type
        | dw::DW_TAG_volatile_type
        | dw::DW_TAG_restrict_type
        | dw::DW_TAG_atomic_type => {
            let qualifier = match entry.tag() {
                dw::DW_TAG_const_type => "const ",
                dw::DW_TAG_volatile_type => "volatile ",
                _ => "",
            };
            match inner() {
                Some((class, n)) => (class, format!("{qualifier}{n}")),
                None => (Class::Other, format!("{qualifier}void")),
            }
        }
        dw::DW_TAG_array_type => {
            let elem = inner().map(|(_, n)| n).unwrap_or_else(|| "?".into());
            (Class::Other, format!("{elem}{}", dimensions(unit, offset)))
        }
        dw::DW_TAG_structure_type => (
            Class::Aggregate { size },
            format!("struct {}", name.unwrap_or_default()),
        ),
        dw::DW_TAG_union_type => (
            Class::Aggregate { size },
            format!("union {}", name.unwrap_or_default()),
        ),
        _ => (Class::Other, name.unwrap_or_else(|| "?".into())),
    }
}

/// The dimensions of an array type as C writes them after the element type: `[4]`,
/// `[2][3]`, `[]` for one of unknown length.
fn dimensions(unit: &gimli::Unit<Slice<'_>>, offset: gimli::UnitOffset) -> String {
    let constant = |v: Option<AttributeValue<Slice<'_>>>| match v? {
        AttributeValue::Udata(n) => Some(n),
        AttributeValue::Data1(n) => Some(n.into()),
        AttributeValue::Data2(n) => Some(n.into()),
        AttributeValue::Data4(n) => Some(n.into()),
        AttributeValue::Data8(n) => Some(n),
        AttributeValue::Sdata(n) => u64::try_from(n).ok(),
        _ => None,
    };
    let mut out = String::new();
    let Ok(mut tree) = unit.entries_tree(Some(offset)) else {
        return "[]".into();
    };
    let Ok(root) = tree.root() else {
        return "[]".into();
    };
    let mut children = root.children();
    while let Ok(Some(child)) = children.next() {
        let e = child.entry();
        if e.tag() != dw::DW_TAG_subrange_type {
            continue;
        }
        let len = constant(e.attr_value(dw::DW_AT_count)).or_else(|| {
            constant(e.attr_value(dw::DW_AT_upper_bound)).and_then(|u| u.checked_add(1))
        });
        match len {
            Some(n) => out.push_str(&format!("[{n}]")),
            None => out.push_str("[]"),
        }
    }
    if out.is_empty() { "[]".into() } else { out }
}
