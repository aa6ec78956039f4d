//! Where a binary's loaded segments lie in its file: what turns a linked address into
//! the file offset a uprobe attaches at.

use object::elf;
use object::read::elf::{ElfFile64, FileHeader, ProgramHeader};

use crate::Error;

/// The `PT_LOAD` segments of an ELF file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segments {
    /// `(virtual address, bytes in the file, file offset)` of each.
    pub loads: Vec<(u64, u64, u64)>,
    /// Whether each of [`Self::loads`] is executable.
    pub executable: Vec<bool>,
}

impl Segments {
    pub fn parse(data: &[u8]) -> Result<Segments, Error> {
        let file = ElfFile64::<object::Endianness>::parse(data)
            .map_err(|e| Error::NotElf(format!("not a 64-bit ELF file ({e})")))?;
        let endian = file.endian();
        let headers = file
            .elf_header()
            .program_headers(endian, data)
            .map_err(|e| Error::NotElf(format!("damaged program headers ({e})")))?;
        let mut out = Segments::default();
        for p in headers.iter().filter(|p| p.p_type(endian) == elf::PT_LOAD) {
            out.loads
                .push((p.p_vaddr(endian), p.p_filesz(endian), p.p_offset(endian)));
            out.executable.push(p.p_flags(endian) & elf::PF_X != 0);
        }
        Ok(out)
    }

    /// The file offset of the linked address `address`, if a segment loads it from the
    /// file.
    pub fn offset(&self, address: u64) -> Option<u64> {
        self.loads
            .iter()
            .find(|(va, size, _)| address >= *va && address - *va < *size)
            .map(|(va, _, off)| address - va + off)
    }

    /// The linked address that a segment loads from the file offset `offset`.
    pub fn address(&self, offset: u64) -> Option<u64> {
        self.loads
            .iter()
            .find(|(_, size, off)| offset >= *off && offset - *off < *size)
            .map(|(va, _, off)| offset - off + va)
    }

    /// [`Self::offset`] of an address in an executable segment.
    pub fn code_offset(&self, address: u64) -> Option<u64> {
        self.loads
            .iter()
            .zip(&self.executable)
            .find(|((va, size, _), x)| **x && address >= *va && address - *va < *size)
            .map(|((va, _, off), _)| address - va + off)
    }
}
