//! The `bpf_func_info` and `bpf_line_info` arrays that accompany program BTF at load time.
//! Line info points at the script, not at generated code, so a verifier complaint about
//! instruction N can be reported at the script's file:line:col.

use crate::btf::Btf;
use crate::error::{BtfError, Result};
use crate::types::{Linkage, TypeId};
use crate::writer::BtfBuilder;

pub const FUNC_INFO_REC_SIZE: usize = 8;
pub const LINE_INFO_REC_SIZE: usize = 16;
/// Columns live in the low 10 bits of `line_col`; larger columns are clamped.
const COL_BITS: u32 = 10;
const MAX_COL: u32 = (1 << COL_BITS) - 1;
const MAX_LINE: u32 = u32::MAX >> COL_BITS;

/// `struct bpf_func_info`: the FUNC type of the subprogram starting at `insn_off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FuncInfo {
    pub insn_off: u32,
    pub type_id: TypeId,
}

/// `struct bpf_line_info` with `line_col` split into its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineInfo {
    pub insn_off: u32,
    pub file_name_off: u32,
    pub line_off: u32,
    pub line: u32,
    pub col: u32,
}

impl LineInfo {
    pub fn line_col(&self) -> u32 {
        self.line.min(MAX_LINE) << COL_BITS | self.col.min(MAX_COL)
    }
}

pub fn encode_func_infos(infos: &[FuncInfo]) -> Vec<u8> {
    let mut out = Vec::with_capacity(infos.len() * FUNC_INFO_REC_SIZE);
    for fi in infos {
        out.extend_from_slice(&fi.insn_off.to_le_bytes());
        out.extend_from_slice(&fi.type_id.to_le_bytes());
    }
    out
}

pub fn encode_line_infos(infos: &[LineInfo]) -> Vec<u8> {
    let mut out = Vec::with_capacity(infos.len() * LINE_INFO_REC_SIZE);
    for li in infos {
        for v in [li.insn_off, li.file_name_off, li.line_off, li.line_col()] {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out
}

fn words(bytes: &[u8], what: &'static str, rec_size: usize) -> Result<Vec<u32>> {
    if !bytes.len().is_multiple_of(rec_size) {
        return Err(BtfError::BadRecordArray {
            what,
            len: bytes.len(),
            rec_size,
        });
    }
    Ok(bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
}

pub fn decode_func_infos(bytes: &[u8]) -> Result<Vec<FuncInfo>> {
    let w = words(bytes, "func_info", FUNC_INFO_REC_SIZE)?;
    Ok(w.chunks_exact(2)
        .map(|r| FuncInfo {
            insn_off: r[0],
            type_id: r[1],
        })
        .collect())
}

pub fn decode_line_infos(bytes: &[u8]) -> Result<Vec<LineInfo>> {
    let w = words(bytes, "line_info", LINE_INFO_REC_SIZE)?;
    Ok(w.chunks_exact(4)
        .map(|r| LineInfo {
            insn_off: r[0],
            file_name_off: r[1],
            line_off: r[2],
            line: r[3] >> COL_BITS,
            col: r[3] & MAX_COL,
        })
        .collect())
}

/// A script position recovered from line info.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLocation {
    pub file: String,
    pub line: u32,
    pub col: u32,
    /// The text of the source line.
    pub text: String,
}

/// Everything the program-load syscall takes besides the instructions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramBtfBlob {
    pub btf: Vec<u8>,
    pub func_info: Vec<u8>,
    pub line_info: Vec<u8>,
    pub func_info_rec_size: u32,
    pub line_info_rec_size: u32,
}

/// Program BTF under construction: types through [`ProgramBtf::types`], plus func and line
/// info records added in instruction order.
#[derive(Debug, Clone, Default)]
pub struct ProgramBtf {
    pub types: BtfBuilder,
    func_infos: Vec<FuncInfo>,
    line_infos: Vec<LineInfo>,
}

impl ProgramBtf {
    pub fn new() -> ProgramBtf {
        ProgramBtf::default()
    }

    /// Declares a subprogram: adds a FUNC of `proto` named `name` and its func_info.
    pub fn add_subprogram(&mut self, insn_off: u32, name: &str, proto: TypeId) -> TypeId {
        let func = self.types.add_func(name, proto, Linkage::Global);
        self.func_infos.push(FuncInfo {
            insn_off,
            type_id: func,
        });
        func
    }

    /// Records that the instructions from `insn_off` come from `file` at `line`:`col`,
    /// whose text is `source_line`. The kernel wants strictly increasing offsets, so an
    /// entry for an offset already covered replaces the earlier one.
    pub fn add_line(&mut self, insn_off: u32, file: &str, source_line: &str, line: u32, col: u32) {
        let file_name_off = self.types.add_string(file);
        let line_off = self.types.add_string(source_line);
        let info = LineInfo {
            insn_off,
            file_name_off,
            line_off,
            line,
            col,
        };
        match self.line_infos.last_mut() {
            Some(last) if last.insn_off == insn_off => *last = info,
            _ => self.line_infos.push(info),
        }
    }

    pub fn func_infos(&self) -> &[FuncInfo] {
        &self.func_infos
    }

    pub fn line_infos(&self) -> &[LineInfo] {
        &self.line_infos
    }

    /// Checks what the kernel checks at load time for a program of `insn_count`
    /// instructions: func_info starts at instruction 0 with strictly increasing offsets, every
    /// offset is inside the program, and every subprogram start has a line_info entry.
    pub fn validate(&self, insn_count: u32) -> Result<()> {
        let bad = |why: String| Err(BtfError::InvalidProgramInfo(why));
        let mut funcs = self.func_infos.clone();
        funcs.sort_by_key(|f| f.insn_off);
        let mut lines = self.line_infos.clone();
        lines.sort_by_key(|l| l.insn_off);
        if let Some(first) = funcs.first()
            && first.insn_off != 0
        {
            return bad(format!(
                "first subprogram starts at instruction {}, not 0",
                first.insn_off
            ));
        }
        if let Some(pair) = funcs.windows(2).find(|w| w[0].insn_off == w[1].insn_off) {
            return bad(format!(
                "two subprograms start at instruction {}",
                pair[0].insn_off
            ));
        }
        let offsets = funcs
            .iter()
            .map(|f| f.insn_off)
            .chain(lines.iter().map(|l| l.insn_off));
        if let Some(off) = offsets.clone().find(|&o| o >= insn_count) {
            return bad(format!(
                "instruction {off} is past the program's {insn_count} instructions"
            ));
        }
        if !lines.is_empty() {
            for f in &funcs {
                if lines
                    .binary_search_by_key(&f.insn_off, |l| l.insn_off)
                    .is_err()
                {
                    return bad(format!("no line info at subprogram start {}", f.insn_off));
                }
            }
        }
        Ok(())
    }

    /// Serialises; func and line infos are sorted by instruction offset as the kernel demands.
    pub fn finish(&self) -> ProgramBtfBlob {
        let mut funcs = self.func_infos.clone();
        funcs.sort_by_key(|f| f.insn_off);
        let mut lines = self.line_infos.clone();
        lines.sort_by_key(|l| l.insn_off);
        lines.dedup_by_key(|l| l.insn_off);
        ProgramBtfBlob {
            btf: self.types.finish(),
            func_info: encode_func_infos(&funcs),
            line_info: encode_line_infos(&lines),
            func_info_rec_size: FUNC_INFO_REC_SIZE as u32,
            line_info_rec_size: LINE_INFO_REC_SIZE as u32,
        }
    }
}

/// Maps instruction offsets back to script positions, read from a [`ProgramBtfBlob`].
#[derive(Debug)]
pub struct LineTable {
    btf: Btf,
    lines: Vec<LineInfo>,
    funcs: Vec<FuncInfo>,
}

impl LineTable {
    pub fn from_blob(blob: &ProgramBtfBlob) -> Result<LineTable> {
        LineTable::from_parts(blob.btf.clone(), &blob.func_info, &blob.line_info)
    }

    pub fn from_parts(btf: Vec<u8>, func_info: &[u8], line_info: &[u8]) -> Result<LineTable> {
        let btf = Btf::from_bytes(btf)?;
        let mut lines = decode_line_infos(line_info)?;
        lines.sort_by_key(|l| l.insn_off);
        let funcs = decode_func_infos(func_info)?;
        Ok(LineTable { btf, lines, funcs })
    }

    pub fn btf(&self) -> &Btf {
        &self.btf
    }

    pub fn lines(&self) -> &[LineInfo] {
        &self.lines
    }

    pub fn funcs(&self) -> &[FuncInfo] {
        &self.funcs
    }

    /// The entry covering `insn_off`: the last one starting at or before it.
    pub fn entry_for(&self, insn_off: u32) -> Option<&LineInfo> {
        let after = self.lines.partition_point(|l| l.insn_off <= insn_off);
        after.checked_sub(1).map(|i| &self.lines[i])
    }

    /// The script position of instruction `insn_off`, if any line info covers it.
    pub fn lookup(&self, insn_off: u32) -> Result<Option<SourceLocation>> {
        let Some(li) = self.entry_for(insn_off) else {
            return Ok(None);
        };
        Ok(Some(SourceLocation {
            file: self.btf.string_at(li.file_name_off)?.to_string(),
            line: li.line,
            col: li.col,
            text: self.btf.string_at(li.line_off)?.to_string(),
        }))
    }
}
