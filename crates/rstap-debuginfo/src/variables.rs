//! The variables in scope at an instruction of a user program, from DWARF (`cc -g`):
//! the parameters and locals of the function around it and of the lexical blocks
//! containing it, each with where its value is at that instruction, so a
//! `statement` probe can read `$name`.
//!
//! Only the simple locations compilers use for most variables are given (a register,
//! a register plus an offset, the frame base plus an offset, a static address), each
//! looked up in the location list entry covering the address; anything computed is
//! [`VarLocation::Unavailable`] with the reason.

use std::cell::OnceCell;

use gimli::{AttributeValue, Operation, RunTimeEndian, UnwindSection, constants as dw};
use object::{Object, ObjectSection};

use crate::Error;
use crate::dwarf::{Class, DwarfFile, Slice, classify, damaged, name_of, type_of};
use crate::types::TypeId;

/// One variable (parameter or local) visible at an address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variable {
    pub name: String,
    /// The C type as written, e.g. `int`, `const char*`, `struct point`, `char[16]`
    /// (named as [`crate::Parameter::c_type`] is).
    pub c_type: String,
    /// Bytes of an integer, enum or pointer value (1, 2, 4, 8); 0 for anything else
    /// (struct, union, array, float).
    pub size: u8,
    pub signed: bool,
    /// Its type in the binary's [`crate::DwarfTypes`].
    pub ty: Option<TypeId>,
    /// A formal parameter of the function (else a local variable).
    pub parameter: bool,
    pub location: VarLocation,
}

/// Where a variable's value is at one address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VarLocation {
    /// The value is in this register, named as in `pt_regs` without the `r`/`e` prefix
    /// of the classic ones: `ax`, `bx`, `cx`, `dx`, `si`, `di`, `bp`, `sp`, `r8`..`r15`.
    Register(&'static str),
    /// The variable is in memory at (value of the `base` register) + `offset`. A
    /// location relative to the frame base is already resolved through it, and a frame
    /// base that is the canonical frame address through the call frame information at
    /// the address (`.eh_frame`, else `.debug_frame`).
    Memory { base: &'static str, offset: i64 },
    /// A static or global variable at this linked address.
    Static { address: u64 },
    /// The value is known here: a constant (`DW_AT_const_value`, or a constant with
    /// `DW_OP_stack_value`).
    Constant(i64),
    /// The value is (value of the `base` register) + `offset` (`DW_OP_bregN` or
    /// `DW_OP_fbreg` with `DW_OP_stack_value`).
    Value { base: &'static str, offset: i64 },
    /// Not readable here, with a short reason for an error message.
    Unavailable(String),
}

/// The reason given for a variable without a location at the address.
const OPTIMIZED_OUT: &str = "optimized out";

/// Scopes nested deeper than this are taken for damaged DWARF (and would exhaust the
/// stack).
const MAX_NESTING: usize = 256;

/// x86-64 DWARF register numbers 0 to 15, by their `pt_regs` names.
const X86_64_REGISTERS: [&str; 16] = [
    "ax", "dx", "cx", "bx", "si", "di", "bp", "sp", "r8", "r9", "r10", "r11", "r12", "r13", "r14",
    "r15",
];

type Dwarf<'a> = gimli::Dwarf<Slice<'a>>;
type Unit<'a> = gimli::Unit<Slice<'a>>;
type Entry<'a> = gimli::DebuggingInformationEntry<Slice<'a>>;

/// A location, or why there is none here.
type Found<T> = Result<T, String>;

/// The operations of an expression, each with its opcode.
type Ops<'a> = Vec<(dw::DwOp, Operation<Slice<'a>>)>;

/// The variables visible at the linked virtual `address` (DWARF pc): the parameters of
/// the innermost function containing it, then its locals, including those of every
/// lexical block containing the address; an inner declaration hides an outer one of
/// the same name. Inside a copy of an inlined function, that function's variables
/// (its caller's are out of scope there). Sorted: parameters in declaration
/// order, then locals in declaration order (outer blocks first). Empty without DWARF or
/// when no function contains the address.
pub fn variables_at(data: &[u8], address: u64) -> Result<Vec<Variable>, Error> {
    let loaded = DwarfFile::parse(data)?;
    let file = &loaded.file;
    let dwarf = loaded.dwarf();
    let mut headers = dwarf.units();
    while let Some(header) = headers.next().map_err(damaged)? {
        let unit = dwarf.unit(header).map_err(damaged)?;
        if !unit_may_contain(&dwarf, &unit, address)? {
            continue;
        }
        let mut tree = unit.entries_tree(None).map_err(damaged)?;
        let root = tree.root().map_err(damaged)?;
        if let Some(function) = innermost_function(&dwarf, &unit, root, address, 0)? {
            let scope = Scope {
                file,
                dwarf: &dwarf,
                unit: &unit,
                address,
                x86_64: file.architecture() == object::Architecture::X86_64,
                frame_base: OnceCell::new(),
            };
            return scope.variables(function);
        }
    }
    Ok(Vec::new())
}

/// A variable defined at the top level of a compilation unit: a C global, or a static
/// of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlobalVariable {
    /// The unit's source file, as DWARF names it.
    pub unit: String,
    /// Its location is [`VarLocation::Static`], its linked address.
    pub variable: Variable,
}

/// Every variable defined, with an address, at the top level of the file's
/// compilation units; empty without DWARF.
pub fn globals(data: &[u8]) -> Result<Vec<GlobalVariable>, Error> {
    let loaded = DwarfFile::parse(data)?;
    let file = &loaded.file;
    let dwarf = loaded.dwarf();
    let mut out = Vec::new();
    let mut headers = dwarf.units();
    while let Some(header) = headers.next().map_err(damaged)? {
        let unit = dwarf.unit(header).map_err(damaged)?;
        let scope = Scope {
            file,
            dwarf: &dwarf,
            unit: &unit,
            address: 0,
            x86_64: file.architecture() == object::Architecture::X86_64,
            frame_base: OnceCell::new(),
        };
        let mut tree = unit.entries_tree(None).map_err(damaged)?;
        let root = tree.root().map_err(damaged)?;
        let unit_name = root
            .entry()
            .attr_value(dw::DW_AT_name)
            .and_then(|v| dwarf.attr_string(&unit, v).ok())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut children = root.children();
        while let Some(child) = children.next().map_err(damaged)? {
            let entry = child.entry();
            if entry.tag() != dw::DW_TAG_variable
                || matches!(
                    entry.attr_value(dw::DW_AT_declaration),
                    Some(AttributeValue::Flag(true))
                )
            {
                continue;
            }
            if let Some(v) = scope.variable(entry, false, None)?
                && matches!(v.location, VarLocation::Static { .. })
            {
                out.push(GlobalVariable {
                    unit: unit_name.clone(),
                    variable: v,
                });
            }
        }
    }
    Ok(out)
}

/// Whether the unit's address ranges include `address` (or it states none).
fn unit_may_contain(dwarf: &Dwarf<'_>, unit: &Unit<'_>, address: u64) -> Result<bool, Error> {
    let mut ranges = dwarf.unit_ranges(unit).map_err(damaged)?;
    let mut any = false;
    while let Some(r) = ranges.next().map_err(damaged)? {
        any = true;
        if r.begin <= address && address < r.end {
            return Ok(true);
        }
    }
    Ok(!any)
}

/// Whether the entry's code (`DW_AT_low_pc`/`DW_AT_high_pc` or `DW_AT_ranges`)
/// includes `address`.
fn covers<'d>(
    dwarf: &Dwarf<'d>,
    unit: &Unit<'d>,
    entry: &Entry<'d>,
    address: u64,
) -> Result<bool, Error> {
    let mut ranges = dwarf.die_ranges(unit, entry).map_err(damaged)?;
    while let Some(r) = ranges.next().map_err(damaged)? {
        // A range at 0 is code the linker discarded.
        if r.begin != 0 && r.begin <= address && address < r.end {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The innermost function (a nested one inside another, if any) among the children
/// of `node` whose code includes `address`.
fn innermost_function<'d>(
    dwarf: &Dwarf<'d>,
    unit: &Unit<'d>,
    node: gimli::EntriesTreeNode<'_, '_, Slice<'d>>,
    address: u64,
    depth: usize,
) -> Result<Option<gimli::UnitOffset>, Error> {
    if depth > MAX_NESTING {
        return Err(Error::NotElf(
            "damaged DWARF (scopes nested too deeply)".into(),
        ));
    }
    let mut children = node.children();
    while let Some(child) = children.next().map_err(damaged)? {
        let entry = child.entry();
        let offset = entry.offset();
        let search_inside = match entry.tag() {
            dw::DW_TAG_subprogram | dw::DW_TAG_lexical_block => {
                covers(dwarf, unit, entry, address)?
            }
            dw::DW_TAG_namespace | dw::DW_TAG_module => true,
            _ => false,
        };
        if !search_inside {
            continue;
        }
        let is_function = entry.tag() == dw::DW_TAG_subprogram;
        let inner = innermost_function(dwarf, unit, child, address, depth + 1)?;
        match inner {
            Some(f) => return Ok(Some(f)),
            None if is_function => return Ok(Some(offset)),
            None => {}
        }
    }
    Ok(None)
}

/// What collecting the variables of one function at one address needs.
struct Scope<'a> {
    file: &'a object::File<'a>,
    dwarf: &'a Dwarf<'a>,
    unit: &'a Unit<'a>,
    address: u64,
    x86_64: bool,
    /// The function's frame base at the address, as a register and an offset; read
    /// when a variable first needs it.
    frame_base: OnceCell<Result<Found<(&'static str, i64)>, Error>>,
}

impl<'a> Scope<'a> {
    fn variables(&self, function: gimli::UnitOffset) -> Result<Vec<Variable>, Error> {
        let mut params: Vec<Variable> = Vec::new();
        let mut locals: Vec<Variable> = Vec::new();
        let mut frame_base = None;
        let mut scope = Some(function);
        // The function whose parameters are taken: the concrete one, or the copy of
        // an inlined function that contains the address, whose variables replace its
        // caller's (it keeps the caller's frame).
        let mut current = function;
        // Outer scopes first: all of a block's variables are taken before those of the
        // block inside it that contains the address, which may hide them. (A block's
        // entry follows its parent's: this ends.)
        while let Some(offset) = scope.take() {
            let mut tree = self.unit.entries_tree(Some(offset)).map_err(damaged)?;
            let root = tree.root().map_err(damaged)?;
            if offset == function {
                frame_base = root.entry().attr_value(dw::DW_AT_frame_base);
            }
            if root.entry().tag() == dw::DW_TAG_inlined_subroutine {
                current = offset;
                params.clear();
                locals.clear();
            }
            let in_function = offset == current;
            let mut children = root.children();
            while let Some(child) = children.next().map_err(damaged)? {
                let entry = child.entry();
                let parameter = match entry.tag() {
                    dw::DW_TAG_formal_parameter if in_function => true,
                    dw::DW_TAG_variable => false,
                    dw::DW_TAG_lexical_block | dw::DW_TAG_inlined_subroutine => {
                        // (An inlined copy merged into the code around it has no
                        // code of its own, only its entry address.)
                        let entry_pc = entry
                            .attr_value(dw::DW_AT_entry_pc)
                            .and_then(|v| self.dwarf.attr_address(self.unit, v).ok().flatten());
                        if scope.is_none()
                            && (covers(self.dwarf, self.unit, entry, self.address)?
                                || entry_pc == Some(self.address))
                        {
                            scope = Some(entry.offset());
                        }
                        continue;
                    }
                    _ => continue,
                };
                // A declaration (`extern int x;` in a block) is not a variable of the
                // function.
                if matches!(
                    entry.attr_value(dw::DW_AT_declaration),
                    Some(AttributeValue::Flag(true))
                ) {
                    continue;
                }
                let Some(v) = self.variable(entry, parameter, frame_base)? else {
                    continue;
                };
                params.retain(|p| p.name != v.name);
                locals.retain(|l| l.name != v.name);
                if parameter {
                    params.push(v);
                } else {
                    locals.push(v);
                }
            }
        }
        params.append(&mut locals);
        Ok(params)
    }

    /// A named parameter or variable; `None` for an artificial one without a name,
    /// which no script can refer to.
    fn variable(
        &self,
        entry: &Entry<'a>,
        parameter: bool,
        frame_base: Option<AttributeValue<Slice<'a>>>,
    ) -> Result<Option<Variable>, Error> {
        let Some(name) = name_of(self.dwarf, self.unit, entry) else {
            return Ok(None);
        };
        let ty = type_of(self.unit, entry);
        let (class, c_type) = match ty {
            Some(t) => classify(self.dwarf, self.unit, t, 0),
            None => (Class::Other, "?".into()),
        };
        let (size, signed) = match class {
            Class::Integer { size, signed } => (size, signed),
            _ => (0, false),
        };
        let unit_start = self.unit.header.offset().0;
        let ty = ty.and_then(|t| u32::try_from(unit_start + t.0).ok().map(TypeId));
        let constant = match entry.attr_value(dw::DW_AT_const_value) {
            Some(AttributeValue::Sdata(v)) => Some(v),
            Some(AttributeValue::Udata(v)) => Some(v as i64),
            Some(AttributeValue::Data1(v)) => Some(i64::from(v)),
            Some(AttributeValue::Data2(v)) => Some(i64::from(v)),
            Some(AttributeValue::Data4(v)) => Some(i64::from(v)),
            Some(AttributeValue::Data8(v)) => Some(v as i64),
            _ => None,
        };
        let location = match (constant, entry.attr_value(dw::DW_AT_location)) {
            (Some(v), None) => VarLocation::Constant(v),
            (_, attr) => match self.location(attr, frame_base)? {
                Ok(l) => l,
                Err(reason) => VarLocation::Unavailable(reason),
            },
        };
        Ok(Some(Variable {
            name,
            c_type,
            size,
            signed,
            ty,
            parameter,
            location,
        }))
    }

    fn location(
        &self,
        attr: Option<AttributeValue<Slice<'a>>>,
        frame_base: Option<AttributeValue<Slice<'a>>>,
    ) -> Result<Found<VarLocation>, Error> {
        let expr = match self.expression_at(attr)? {
            Ok(expr) => expr,
            Err(reason) => return Ok(Err(reason)),
        };
        let ops = match self.operations(expr)? {
            Ok(ops) => ops,
            Err(reason) => return Ok(Err(reason)),
        };
        let op = match ops.as_slice() {
            [] => return Ok(Err(OPTIMIZED_OUT.into())),
            [(_, op)] => op,
            // A value computed here rather than a place: a constant, or a register
            // (the frame base) plus an offset.
            [(_, value), (_, Operation::StackValue)] => {
                return Ok(match *value {
                    Operation::UnsignedConstant { value } => {
                        Ok(VarLocation::Constant(value as i64))
                    }
                    Operation::SignedConstant { value } => Ok(VarLocation::Constant(value)),
                    Operation::RegisterOffset {
                        register,
                        offset,
                        base_type,
                    } if base_type.0 == 0 => self
                        .register(register)
                        .map(|base| VarLocation::Value { base, offset }),
                    Operation::FrameOffset { offset } => self
                        .frame_relative(frame_base, offset)?
                        .map(|(base, offset)| VarLocation::Value { base, offset }),
                    _ => Err(not_evaluated(ops[0].0)),
                });
            }
            _ => return Ok(Err(not_evaluated(unsupported_op(&ops)))),
        };
        Ok(match *op {
            Operation::Register { register } => self.register(register).map(VarLocation::Register),
            Operation::RegisterOffset {
                register,
                offset,
                base_type,
            } if base_type.0 == 0 => self
                .register(register)
                .map(|base| VarLocation::Memory { base, offset }),
            Operation::FrameOffset { offset } => self
                .frame_relative(frame_base, offset)?
                .map(|(base, offset)| VarLocation::Memory { base, offset }),
            Operation::Address { address } => Ok(VarLocation::Static { address }),
            _ => Err(not_evaluated(ops[0].0)),
        })
    }

    /// `offset` past the function's frame base (read once), as a register and an
    /// offset.
    fn frame_relative(
        &self,
        frame_base: Option<AttributeValue<Slice<'a>>>,
        offset: i64,
    ) -> Result<Found<(&'static str, i64)>, Error> {
        let base = self
            .frame_base
            .get_or_init(|| self.frame_base(frame_base))
            .clone()?;
        Ok(base.and_then(|(base, at)| match at.checked_add(offset) {
            Some(offset) => Ok((base, offset)),
            None => Err(format!("frame offset {offset} out of range")),
        }))
    }

    /// The frame base at the address, as a register and an offset.
    fn frame_base(
        &self,
        attr: Option<AttributeValue<Slice<'a>>>,
    ) -> Result<Found<(&'static str, i64)>, Error> {
        let Some(attr) = attr else {
            return Ok(Err("the function has no frame base".into()));
        };
        let expr = match self.expression_at(Some(attr))? {
            Ok(expr) => expr,
            Err(reason) => return Ok(Err(format!("frame base {reason}"))),
        };
        let ops = match self.operations(expr)? {
            Ok(ops) => ops,
            Err(reason) => return Ok(Err(format!("frame base {reason}"))),
        };
        Ok(match ops.as_slice() {
            [(_, Operation::CallFrameCFA)] => self.cfa(),
            [(_, Operation::Register { register })] => self.register(*register).map(|r| (r, 0)),
            [
                (
                    _,
                    Operation::RegisterOffset {
                        register,
                        offset,
                        base_type,
                    },
                ),
            ] if base_type.0 == 0 => self.register(*register).map(|r| (r, *offset)),
            [] => Err("no frame base here".into()),
            _ => Err(format!(
                "frame base {}",
                not_evaluated(unsupported_op(&ops))
            )),
        })
    }

    /// The expression of a location attribute that applies at the address: the
    /// attribute's own, or that of the location list entry covering the address.
    fn expression_at(
        &self,
        attr: Option<AttributeValue<Slice<'a>>>,
    ) -> Result<Found<gimli::Expression<Slice<'a>>>, Error> {
        let attr = match attr {
            None => return Ok(Err(OPTIMIZED_OUT.into())),
            Some(AttributeValue::Exprloc(expr)) => return Ok(Ok(expr)),
            Some(attr) => attr,
        };
        let Some(mut list) = self
            .dwarf
            .attr_locations(self.unit, attr)
            .map_err(damaged)?
        else {
            return Ok(Err("location in a form rstap does not read".into()));
        };
        while let Some(entry) = list.next().map_err(damaged)? {
            if entry.range.begin <= self.address && self.address < entry.range.end {
                return Ok(Ok(entry.data));
            }
        }
        Ok(Err(OPTIMIZED_OUT.into()))
    }

    /// The operations of an expression, each with its opcode.
    fn operations(&self, expr: gimli::Expression<Slice<'a>>) -> Result<Found<Ops<'a>>, Error> {
        let bytes = expr.0.slice();
        let mut iter = expr.operations(self.unit.encoding());
        let mut out = Vec::new();
        loop {
            let at = iter.offset_from(&expr);
            match iter.next() {
                Ok(Some(op)) => {
                    let code = bytes.get(at).copied().unwrap_or(0);
                    out.push((dw::DwOp(code), op));
                }
                Ok(None) => return Ok(Ok(out)),
                Err(gimli::Error::InvalidExpression(op)) => return Ok(Err(not_evaluated(op))),
                Err(e) => return Err(damaged(e)),
            }
        }
    }

    /// The `pt_regs` name of a DWARF register.
    fn register(&self, register: gimli::Register) -> Found<&'static str> {
        if !self.x86_64 {
            return Err("in a register of an architecture rstap does not map".into());
        }
        X86_64_REGISTERS
            .get(usize::from(register.0))
            .copied()
            .ok_or_else(|| format!("in DWARF register {}, not a general register", register.0))
    }

    /// The canonical frame address at the address, from `.eh_frame` or else
    /// `.debug_frame`.
    fn cfa(&self) -> Found<(&'static str, i64)> {
        let endian = if self.file.is_little_endian() {
            RunTimeEndian::Little
        } else {
            RunTimeEndian::Big
        };
        let address_size = if self.file.is_64() { 8 } else { 4 };
        let section_address = |name: &str| self.file.section_by_name(name).map(|s| s.address());
        let data = |name: &str| {
            self.file
                .section_by_name(name)
                .and_then(|s| s.uncompressed_data().ok())
        };
        let mut ctx = gimli::UnwindContext::new();
        let mut reason = "no call frame information covers the address".to_string();
        if let Some(bytes) = data(".eh_frame") {
            let mut section = gimli::EhFrame::new(&bytes, endian);
            section.set_address_size(address_size);
            let mut bases = gimli::BaseAddresses::default();
            if let Some(a) = section_address(".eh_frame") {
                bases = bases.set_eh_frame(a);
            }
            if let Some(a) = section_address(".eh_frame_hdr") {
                bases = bases.set_eh_frame_hdr(a);
            }
            if let Some(a) = section_address(".text") {
                bases = bases.set_text(a);
            }
            if let Some(a) = section_address(".got") {
                bases = bases.set_got(a);
            }
            match cfa_in(&section, &bases, &mut ctx, self.address) {
                Ok(Some(rule)) => return self.cfa_rule(&rule),
                Ok(None) => {}
                Err(e) => reason = format!("damaged .eh_frame ({e})"),
            }
        }
        if let Some(bytes) = data(".debug_frame") {
            let mut section = gimli::DebugFrame::new(&bytes, endian);
            section.set_address_size(address_size);
            let bases = gimli::BaseAddresses::default();
            match cfa_in(&section, &bases, &mut ctx, self.address) {
                Ok(Some(rule)) => return self.cfa_rule(&rule),
                Ok(None) => {}
                Err(e) => reason = format!("damaged .debug_frame ({e})"),
            }
        }
        Err(format!("frame base unknown: {reason}"))
    }

    fn cfa_rule(&self, rule: &gimli::CfaRule<usize>) -> Found<(&'static str, i64)> {
        match rule {
            gimli::CfaRule::RegisterAndOffset { register, offset } => {
                Ok((self.register(*register)?, *offset))
            }
            gimli::CfaRule::Expression(_) => {
                Err("frame base computed by a call frame expression rstap does not evaluate".into())
            }
        }
    }
}

/// The rule for the canonical frame address at `address` in one call-frame section;
/// `None` when the section does not cover the address.
fn cfa_in<'d, S: UnwindSection<Slice<'d>>>(
    section: &S,
    bases: &gimli::BaseAddresses,
    ctx: &mut gimli::UnwindContext<usize>,
    address: u64,
) -> Result<Option<gimli::CfaRule<usize>>, gimli::Error> {
    match section.unwind_info_for_address(bases, ctx, address, S::cie_from_offset) {
        Ok(row) => Ok(Some(row.cfa().clone())),
        Err(gimli::Error::NoUnwindInfoForAddress) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The operation of a location expression that makes it more than a single simple
/// location: the first one that is not a simple location, else the second.
fn unsupported_op<R: gimli::Reader>(ops: &[(dw::DwOp, Operation<R>)]) -> dw::DwOp {
    let simple = |op: &Operation<R>| {
        matches!(
            op,
            Operation::Register { .. }
                | Operation::RegisterOffset { .. }
                | Operation::FrameOffset { .. }
                | Operation::Address { .. }
        )
    };
    ops.iter()
        .find(|(_, op)| !simple(op))
        .or(ops.get(1))
        .map_or(dw::DwOp(0), |(code, _)| *code)
}

fn not_evaluated(op: dw::DwOp) -> String {
    let name = match op.static_string() {
        Some(name) => name.to_string(),
        None => format!("opcode {:#x}", op.0),
    };
    format!("computed by a DWARF expression rstap does not evaluate ({name})")
}
