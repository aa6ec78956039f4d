//! ELF symbolization of files on disk, through blazesym.

use std::path::Path;

use blazesym::inspect::Inspector;
use blazesym::symbolize::source::{Elf, Source};
use blazesym::symbolize::{Input, Symbolized, Symbolizer};

use crate::error::SymbolizeError;
use crate::resolved::SymbolPart;

/// How an address inside an ELF file is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElfAddressKind {
    /// Linear offset in the file (what `/proc/PID/maps` arithmetic yields).
    FileOffset,
    /// Link-time virtual address (what `nm`/`readelf -s` print).
    VirtualAddress,
}

/// Where a named symbol lies in an ELF file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElfSymbolLocation {
    pub name: String,
    /// Link-time virtual address.
    pub virtual_address: u64,
    /// Offset in the file (for uprobes), when the symbol lies in a section
    /// with file contents.
    pub file_offset: Option<u64>,
    /// Size; 0 when unknown.
    pub size: u64,
}

/// Symbolizes addresses of ELF files; keeps parsed files cached between calls.
pub struct ElfSymbolizer {
    inner: Symbolizer,
    inspector: Inspector,
}

impl Default for ElfSymbolizer {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for ElfSymbolizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ElfSymbolizer")
    }
}

impl ElfSymbolizer {
    pub fn new() -> Self {
        // Stack lines show function+offset only: source lines and inline
        // chains would cost DWARF line-table parsing for nothing.
        let inner = Symbolizer::builder()
            .enable_code_info(false)
            .enable_inlined_fns(false)
            .enable_demangling(true)
            .build();
        Self {
            inner,
            inspector: Inspector::new(),
        }
    }

    /// Every symbol called exactly `name` in the file (names as stored,
    /// not demangled).
    pub fn find_symbol(
        &self,
        path: &Path,
        name: &str,
    ) -> Result<Vec<ElfSymbolLocation>, SymbolizeError> {
        // The ELF symbol tables, not DWARF: only they carry file offsets.
        let mut elf = blazesym::inspect::source::Elf::new(path);
        elf.debug_syms = false;
        let source = blazesym::inspect::source::Source::from(elf);
        let mut found =
            self.inspector
                .lookup(&source, &[name])
                .map_err(|error| SymbolizeError::Elf {
                    path: path.to_path_buf(),
                    message: error.to_string(),
                })?;
        Ok(found
            .pop()
            .unwrap_or_default()
            .into_iter()
            .map(|info| ElfSymbolLocation {
                name: info.name.into_owned(),
                virtual_address: info.addr,
                file_offset: info.file_offset,
                size: info.size.map_or(0, |s| s as u64),
            })
            .collect())
    }

    /// One result per input: the containing symbol, or `None`.
    pub fn symbolize(
        &self,
        path: &Path,
        kind: ElfAddressKind,
        addresses: &[u64],
    ) -> Result<Vec<Option<SymbolPart>>, SymbolizeError> {
        let source = Source::from(Elf::new(path));
        let input = match kind {
            ElfAddressKind::FileOffset => Input::FileOffset(addresses),
            ElfAddressKind::VirtualAddress => Input::VirtOffset(addresses),
        };
        let results =
            self.inner
                .symbolize(&source, input)
                .map_err(|error| SymbolizeError::Elf {
                    path: path.to_path_buf(),
                    message: error.to_string(),
                })?;
        Ok(results
            .into_iter()
            .map(|result| match result {
                Symbolized::Sym(sym) => Some(SymbolPart {
                    name: sym.name.into_owned(),
                    offset: sym.offset as u64,
                    size: sym.size.map_or(0, |s| s as u64),
                }),
                Symbolized::Unknown(_) => None,
            })
            .collect())
    }
}

/// The GNU build ID of an ELF file, if it has one.
pub fn read_build_id(path: &Path) -> Option<Vec<u8>> {
    blazesym::helper::read_elf_build_id(path)
        .ok()
        .flatten()
        .map(|id| id.into_owned())
}
