//! What rstap learns from a user-space ELF binary to probe it: its function symbols
//! with the file offsets a uprobe attaches at, its USDT (`.note.stapsdt`) probes, and
//! the parameters, variables and data types DWARF describes.
//!
//! Invariant: this crate reads files only; it knows nothing of BPF, probes or scripts.
//! Every malformed input is an [`Error`], never a panic.

mod dwarf;
mod libraries;
mod lines;
mod plt;
mod segments;
mod types;
mod usdt;
mod variables;

use std::collections::BTreeMap;
use std::path::Path;

use object::elf;
use object::read::elf::{ElfFile64, FileHeader, ProgramHeader};
use object::{Object, ObjectSection, ObjectSymbol, SymbolKind};

pub use dwarf::{Parameter, parameters};
pub use libraries::{Dependencies, SearchPath, dependencies, ld_so_cache};
pub use lines::{InlinedInstance, LineRow, SourceFunction, SourceInfo, SourceLabel};
pub use plt::{PltEntry, plt_entries};
pub use segments::Segments;
pub use types::{DwarfTypes, Member, Shape, TypeId};
pub use usdt::{UsdtArg, UsdtLocation, parse_usdt_args};
pub use variables::{GlobalVariable, VarLocation, Variable, globals, variables_at};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The file cannot be read.
    Io(String),
    /// Not a 64-bit little-endian ELF file, or a damaged one.
    NotElf(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Io(m) | Error::NotElf(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

/// A function symbol of the binary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Function {
    pub name: String,
    /// Its virtual address as linked.
    pub address: u64,
    pub size: u64,
    /// Where its first instruction lies in the file (what a uprobe attaches at).
    pub file_offset: u64,
}

/// A USDT probe site from `.note.stapsdt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsdtProbe {
    pub provider: String,
    pub name: String,
    /// The probed instruction's virtual address (adjusted for prelinking).
    pub address: u64,
    pub file_offset: u64,
    /// The semaphore's address and file offset, when the probe has one.
    pub semaphore: Option<(u64, u64)>,
    /// The argument specification, e.g. `-4@%edi 8@-8(%rbp)`.
    pub args: String,
}

/// One binary's symbols and USDT probes.
#[derive(Clone, Debug, Default)]
pub struct Binary {
    /// Function symbols by name, from `.symtab` and `.dynsym`, sorted by name.
    pub functions: Vec<Function>,
    pub usdt: Vec<UsdtProbe>,
    /// Whether the file has a `.symtab` (a stripped binary keeps only `.dynsym`).
    pub has_symtab: bool,
    /// Whether the file is position independent (ET_DYN).
    pub position_independent: bool,
}

impl Binary {
    pub fn open(path: &Path) -> Result<Binary, Error> {
        let data = std::fs::read(path)
            .map_err(|e| Error::Io(format!("cannot read '{}': {e}", path.display())))?;
        Binary::parse(&data)
    }

    pub fn parse(data: &[u8]) -> Result<Binary, Error> {
        let file = ElfFile64::<object::Endianness>::parse(data)
            .map_err(|e| Error::NotElf(format!("not a 64-bit ELF file ({e})")))?;
        let endian = file.endian();
        let header = file.elf_header();
        let segments: Vec<(u64, u64, u64)> = header
            .program_headers(endian, data)
            .map_err(|e| Error::NotElf(format!("damaged program headers ({e})")))?
            .iter()
            .filter(|p| p.p_type(endian) == elf::PT_LOAD)
            .map(|p| (p.p_vaddr(endian), p.p_filesz(endian), p.p_offset(endian)))
            .collect();
        let to_offset = |addr: u64| -> Option<u64> {
            segments
                .iter()
                .find(|(va, size, _)| addr >= *va && addr - *va < *size)
                .map(|(va, _, off)| addr - va + off)
        };

        let mut by_name: BTreeMap<String, Function> = BTreeMap::new();
        let symbols = file.symbols().chain(file.dynamic_symbols());
        for sym in symbols {
            if sym.kind() != SymbolKind::Text || sym.is_undefined() || sym.address() == 0 {
                continue;
            }
            let Ok(name) = sym.name() else { continue };
            if name.is_empty() || by_name.contains_key(name) {
                continue;
            }
            let Some(file_offset) = to_offset(sym.address()) else {
                continue;
            };
            by_name.insert(
                name.to_string(),
                Function {
                    name: name.to_string(),
                    address: sym.address(),
                    size: sym.size(),
                    file_offset,
                },
            );
        }

        let base_section = file.section_by_name(".stapsdt.base").map(|s| s.address());
        let mut usdt_probes = Vec::new();
        if let Some(notes) = file.section_by_name(".note.stapsdt") {
            let bytes = notes
                .data()
                .map_err(|e| Error::NotElf(format!("damaged .note.stapsdt ({e})")))?;
            let little = file.is_little_endian();
            for note in usdt::notes(bytes, little) {
                let mut p = note;
                // A prelinked file moved `.stapsdt.base`; its probes moved with it.
                if let (Some(actual), Some(linked)) = (base_section, p.linked_base)
                    && actual != linked
                {
                    let delta = actual.wrapping_sub(linked);
                    p.pc = p.pc.wrapping_add(delta);
                    if p.semaphore != 0 {
                        p.semaphore = p.semaphore.wrapping_add(delta);
                    }
                }
                let Some(file_offset) = to_offset(p.pc) else {
                    continue;
                };
                let semaphore = (p.semaphore != 0)
                    .then(|| to_offset(p.semaphore).map(|o| (p.semaphore, o)))
                    .flatten();
                usdt_probes.push(UsdtProbe {
                    provider: p.provider,
                    name: p.name,
                    address: p.pc,
                    file_offset,
                    semaphore,
                    args: p.args,
                });
            }
        }

        Ok(Binary {
            functions: by_name.into_values().collect(),
            usdt: usdt_probes,
            has_symtab: file.section_by_name(".symtab").is_some(),
            position_independent: header.e_type(endian) == elf::ET_DYN,
        })
    }

    pub fn function(&self, name: &str) -> Option<&Function> {
        self.functions
            .binary_search_by(|f| f.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.functions[i])
    }

    /// The function whose code holds `address`, if a symbol with a size covers it.
    pub fn function_at(&self, address: u64) -> Option<&Function> {
        self.functions
            .iter()
            .find(|f| address >= f.address && address - f.address < f.size.max(1))
    }
}

/// Finds a program the way a shell does: a name with a `/` is a path as given,
/// anything else is looked up in `path_var` (`$PATH`). The result is absolute.
pub fn find_program(name: &str, path_var: Option<&str>) -> Option<std::path::PathBuf> {
    let absolute = |p: &Path| {
        if p.is_absolute() {
            Some(p.to_path_buf())
        } else {
            std::env::current_dir().ok().map(|d| d.join(p))
        }
    };
    if name.contains('/') {
        let p = Path::new(name);
        return p.is_file().then(|| absolute(p)).flatten();
    }
    for dir in path_var.unwrap_or("").split(':') {
        let dir = if dir.is_empty() { "." } else { dir };
        let p = Path::new(dir).join(name);
        if p.is_file() {
            return absolute(&p);
        }
    }
    None
}

#[cfg(test)]
mod location_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod variables_tests;
