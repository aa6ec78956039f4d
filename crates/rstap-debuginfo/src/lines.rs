//! Source locations from DWARF (`cc -g`): which functions each source file defines, the
//! line table (which instruction starts each source line) and the inlined copies of
//! functions, for `.statement("func@file:line")`, `.function("func@file")` and
//! `.function("f").inline`.

use std::collections::HashMap;

use gimli::{AttributeValue, EndianSlice, RunTimeEndian, constants as dw};

use crate::Error;

/// A function DWARF describes as defined (with code) in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFunction {
    pub name: String,
    /// The source file declaring it (an index in [`SourceInfo::files`]).
    pub file: u32,
    pub decl_line: u64,
    /// The compilation unit's primary source file (an index in [`SourceInfo::files`]).
    pub unit: u32,
    /// Its code: `[start, end)` address ranges as linked, the entry first.
    pub ranges: Vec<(u64, u64)>,
}

impl SourceFunction {
    pub fn entry(&self) -> u64 {
        self.ranges.first().map_or(0, |r| r.0)
    }

    pub fn contains(&self, address: u64) -> bool {
        self.ranges
            .iter()
            .any(|&(lo, hi)| address >= lo && address < hi)
    }
}

/// A row of the line table starting a statement (`is_stmt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineRow {
    /// An index in [`SourceInfo::files`].
    pub file: u32,
    pub line: u64,
    pub address: u64,
}

/// A copy of a function inlined into another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlinedInstance {
    /// The inlined function.
    pub name: String,
    /// Where its copy starts (its entry pc, or its lowest address).
    pub address: u64,
    /// The function it was inlined into.
    pub caller: String,
    /// The call site (an index in [`SourceInfo::files`], 0 when DWARF does not say).
    pub call_file: u32,
    pub call_line: u64,
}

/// A label (`DW_TAG_label`) in the code of a function (not in an inlined copy).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLabel {
    pub name: String,
    /// The function holding it.
    pub function: String,
    pub address: u64,
    /// Where it is declared (an index in [`SourceInfo::files`]) and its line.
    pub file: u32,
    pub line: u64,
}

/// What a file's DWARF says about its source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceInfo {
    /// Source file paths, as DWARF names them (joined with the compilation directory).
    pub files: Vec<String>,
    pub functions: Vec<SourceFunction>,
    /// Statement rows, sorted by address.
    pub lines: Vec<LineRow>,
    pub inlined: Vec<InlinedInstance>,
    pub labels: Vec<SourceLabel>,
}

type Slice<'a> = EndianSlice<'a, RunTimeEndian>;

/// Source file names, deduplicated into indices.
#[derive(Default)]
struct Files {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl Files {
    fn intern(&mut self, name: String) -> u32 {
        if let Some(&i) = self.index.get(&name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.index.insert(name.clone(), i);
        self.names.push(name);
        i
    }
}

impl SourceInfo {
    /// Reads the DWARF of an ELF file; an empty [`SourceInfo`] when it has none.
    pub fn parse(data: &[u8]) -> Result<SourceInfo, Error> {
        let loaded = crate::dwarf::DwarfFile::parse(data)?;
        let dwarf = loaded.dwarf();
        let damaged = crate::dwarf::damaged;
        let mut files = Files::default();
        let mut out = SourceInfo::default();
        let mut headers = dwarf.units();
        while let Some(header) = headers.next().map_err(damaged)? {
            let unit = dwarf.unit(header).map_err(damaged)?;
            let comp_dir = unit
                .comp_dir
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default();
            let unit_name = unit
                .name
                .map(|n| join(&comp_dir, "", &n.to_string_lossy()))
                .unwrap_or_default();
            let unit_file = files.intern(unit_name);
            // The unit's file table, as indices in `files`.
            let mut table: Vec<Option<u32>> = Vec::new();
            if let Some(program) = unit.line_program.clone() {
                let header = program.header();
                let count = header.file_names().len() as u64;
                // DWARF 5 numbers files from 0, earlier versions from 1.
                let first = if header.version() >= 5 { 0 } else { 1 };
                table.resize((first + count) as usize, None);
                for i in first..first + count {
                    if let Some(f) = header.file(i) {
                        let dir = f
                            .directory(header)
                            .and_then(|d| dwarf.attr_string(&unit, d).ok())
                            .map(|d| d.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        let name = dwarf
                            .attr_string(&unit, f.path_name())
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        table[i as usize] = Some(files.intern(join(&comp_dir, &dir, &name)));
                    }
                }
                let mut rows = program.rows();
                while let Some((_, row)) = rows.next_row().map_err(damaged)? {
                    if row.end_sequence() || !row.is_stmt() {
                        continue;
                    }
                    let (Some(line), Some(Some(file))) =
                        (row.line(), table.get(row.file_index() as usize))
                    else {
                        continue;
                    };
                    out.lines.push(LineRow {
                        file: *file,
                        line: line.get(),
                        address: row.address(),
                    });
                }
            }
            let file_of = |v: Option<AttributeValue<Slice<'_>>>| match v {
                Some(AttributeValue::FileIndex(i)) | Some(AttributeValue::Udata(i)) => {
                    table.get(i as usize).copied().flatten()
                }
                _ => None,
            };
            let mut cursor = unit.entries();
            // The enclosing subprograms' names, by depth.
            let mut enclosing: Vec<(isize, String)> = Vec::new();
            // The depths of the inlined copies around the entry.
            let mut inlined: Vec<isize> = Vec::new();
            while let Some(entry) = cursor.next_dfs().map_err(damaged)? {
                let depth = entry.depth();
                while enclosing.last().is_some_and(|(d, _)| *d >= depth) {
                    enclosing.pop();
                }
                while inlined.last().is_some_and(|d| *d >= depth) {
                    inlined.pop();
                }
                match entry.tag() {
                    dw::DW_TAG_subprogram => {
                        let Some(name) = name_of(&dwarf, &unit, entry) else {
                            continue;
                        };
                        enclosing.push((depth, name.clone()));
                        let ranges = ranges_of(&dwarf, &unit, entry);
                        if ranges.is_empty() {
                            continue;
                        }
                        let (decl_file, decl_line) = declaration(&unit, entry);
                        out.functions.push(SourceFunction {
                            name,
                            file: file_of(decl_file).unwrap_or(unit_file),
                            decl_line,
                            unit: unit_file,
                            ranges,
                        });
                    }
                    dw::DW_TAG_label if inlined.is_empty() => {
                        let (Some(name), Some((_, function))) =
                            (name_of(&dwarf, &unit, entry), enclosing.last())
                        else {
                            continue;
                        };
                        let Some(address) = entry
                            .attr_value(dw::DW_AT_low_pc)
                            .and_then(|v| dwarf.attr_address(&unit, v).ok().flatten())
                        else {
                            continue;
                        };
                        let (decl_file, line) = declaration(&unit, entry);
                        out.labels.push(SourceLabel {
                            name,
                            function: function.clone(),
                            address,
                            file: file_of(decl_file).unwrap_or(unit_file),
                            line,
                        });
                    }
                    dw::DW_TAG_inlined_subroutine => {
                        inlined.push(depth);
                        let Some(name) = name_of(&dwarf, &unit, entry) else {
                            continue;
                        };
                        let entry_pc = entry
                            .attr_value(dw::DW_AT_entry_pc)
                            .and_then(|v| dwarf.attr_address(&unit, v).ok().flatten());
                        let address = entry_pc
                            .or_else(|| ranges_of(&dwarf, &unit, entry).iter().map(|r| r.0).min());
                        let Some(address) = address else { continue };
                        let call_line = match entry.attr_value(dw::DW_AT_call_line) {
                            Some(AttributeValue::Udata(n)) => n,
                            _ => 0,
                        };
                        out.inlined.push(InlinedInstance {
                            name,
                            address,
                            caller: enclosing
                                .iter()
                                .rev()
                                .map(|(_, n)| n.clone())
                                .next()
                                .unwrap_or_default(),
                            call_file: file_of(entry.attr_value(dw::DW_AT_call_file))
                                .unwrap_or(unit_file),
                            call_line,
                        });
                    }
                    _ => {}
                }
            }
        }
        out.lines.sort_by_key(|r| (r.address, r.line));
        out.files = files.names;
        Ok(out)
    }

    /// Whether the file has a line table (was built with `-g`).
    pub fn has_lines(&self) -> bool {
        !self.lines.is_empty()
    }
}

/// `comp_dir/dir/name`, where an absolute part restarts the path.
fn join(comp_dir: &str, dir: &str, name: &str) -> String {
    let mut path = std::path::PathBuf::from(comp_dir);
    if !dir.is_empty() {
        path.push(dir);
    }
    path.push(name);
    path.to_string_lossy().into_owned()
}

/// An entry's name, or that of its abstract origin / specification (one level, or two
/// for an out-of-line copy of an inline function declared in a class).
fn name_of(
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
        {
            if let Some(v) = origin.attr_value(dw::DW_AT_name) {
                return dwarf
                    .attr_string(unit, v)
                    .ok()
                    .map(|s| s.to_string_lossy().into_owned());
            }
            if let Some(AttributeValue::UnitRef(off)) = origin.attr_value(dw::DW_AT_specification)
                && let Ok(spec) = unit.entry(off)
                && let Some(v) = spec.attr_value(dw::DW_AT_name)
            {
                return dwarf
                    .attr_string(unit, v)
                    .ok()
                    .map(|s| s.to_string_lossy().into_owned());
            }
        }
    }
    None
}

/// The `DW_AT_decl_file` / `DW_AT_decl_line` of an entry or its abstract origin.
fn declaration<'a>(
    unit: &gimli::Unit<Slice<'a>>,
    entry: &gimli::DebuggingInformationEntry<Slice<'a>>,
) -> (Option<AttributeValue<Slice<'a>>>, u64) {
    let line =
        |e: &gimli::DebuggingInformationEntry<Slice<'a>>| match e.attr_value(dw::DW_AT_decl_line) {
            Some(AttributeValue::Udata(n)) => Some(n),
            _ => None,
        };
    if let Some(file) = entry.attr_value(dw::DW_AT_decl_file) {
        return (Some(file), line(entry).unwrap_or(0));
    }
    for link in [dw::DW_AT_abstract_origin, dw::DW_AT_specification] {
        if let Some(AttributeValue::UnitRef(off)) = entry.attr_value(link)
            && let Ok(origin) = unit.entry(off)
        {
            return (
                origin.attr_value(dw::DW_AT_decl_file),
                line(&origin).unwrap_or(0),
            );
        }
    }
    (None, 0)
}

/// The address ranges of an entry, its low_pc's range first.
fn ranges_of<'a>(
    dwarf: &gimli::Dwarf<Slice<'a>>,
    unit: &gimli::Unit<Slice<'a>>,
    entry: &gimli::DebuggingInformationEntry<Slice<'a>>,
) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    if let Ok(mut ranges) = dwarf.die_ranges(unit, entry) {
        while let Ok(Some(r)) = ranges.next() {
            if r.end > r.begin && r.begin != 0 {
                out.push((r.begin, r.end));
            }
        }
    }
    let low = entry
        .attr_value(dw::DW_AT_low_pc)
        .and_then(|v| dwarf.attr_address(unit, v).ok().flatten());
    if let Some(low) = low
        && let Some(i) = out.iter().position(|r| r.0 == low)
    {
        out.swap(0, i);
    }
    out
}
