//! Kernel symbols from `/proc/kallsyms`.
//!
//! kallsyms carries no sizes, so a symbol's size is the distance to the next
//! higher address in the whole table (the kernel sizes its own symbols the
//! same way). The last symbol of a module is bounded by the module's extent
//! from `/proc/modules` when that is known, and otherwise gets size 0, which
//! only matches its exact address: an unbounded last symbol would otherwise
//! swallow every address up to the next module.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::SymbolizeError;

/// Where the live kernel lists its symbols.
pub const PROC_KALLSYMS: &str = "/proc/kallsyms";
/// Where the live kernel lists loaded modules and their extents.
pub const PROC_MODULES: &str = "/proc/modules";
/// The module name SystemTap prints for the core kernel image.
pub const KERNEL_MODULE: &str = "kernel";

/// What kind of object a symbol names, from its kallsyms type letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    /// `T t W w`: code.
    Text,
    /// `D d B b R r G g S s V v`: data, bss, read-only data.
    Data,
    /// Absolute and other letters: never used for lookups.
    Other,
}

impl SymbolKind {
    fn from_letter(letter: u8) -> Self {
        match letter.to_ascii_lowercase() {
            b't' | b'w' => Self::Text,
            b'd' | b'b' | b'r' | b'g' | b's' | b'v' => Self::Data,
            _ => Self::Other,
        }
    }
}

/// A resolved kernel address: the symbol containing it and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KernelSymbol<'a> {
    pub name: &'a str,
    /// Start address of the symbol.
    pub address: u64,
    /// Distance of the looked-up address from `address`.
    pub offset: u64,
    /// Size of the symbol (0 when unknown).
    pub size: u64,
    /// Module name without brackets; [`KERNEL_MODULE`] for the core image.
    pub module: &'a str,
    pub kind: SymbolKind,
}

/// Address range of a loaded module, from `/proc/modules`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleExtent {
    pub name: String,
    pub start: u64,
    pub size: u64,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    address: u64,
    size: u64,
    name_start: u32,
    name_len: u32,
    module: u32,
    kind: SymbolKind,
    global: bool,
}

/// The kernel symbol table, sorted for binary search.
#[derive(Clone, Debug, Default)]
pub struct KernelSymbols {
    names: String,
    modules: Vec<String>,
    /// Every text and data symbol, sorted by address (file order among equals).
    entries: Vec<Entry>,
    /// One entry index per distinct text address: the preferred alias.
    text: Vec<u32>,
    /// One entry index per distinct data address: the preferred alias.
    data: Vec<u32>,
    /// Loaded modules' ranges, sorted by start, when known.
    extents: Vec<ModuleExtent>,
}

impl KernelSymbols {
    /// Reads the live `/proc/kallsyms`, bounding module symbols with
    /// `/proc/modules` when it is readable.
    pub fn load() -> Result<Self, SymbolizeError> {
        let mut symbols = Self::load_from(Path::new(PROC_KALLSYMS))?;
        if let Ok(text) = std::fs::read_to_string(PROC_MODULES) {
            symbols.set_module_extents(&parse_proc_modules(&text));
        }
        Ok(symbols)
    }

    /// Reads a kallsyms-format file. Zero addresses everywhere means the
    /// kernel hid them and is reported as
    /// [`SymbolizeError::KernelAddressesHidden`].
    pub fn load_from(path: &Path) -> Result<Self, SymbolizeError> {
        let text = std::fs::read_to_string(path).map_err(|source| SymbolizeError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let symbols = Self::parse_with_origin(&text, path)?;
        if symbols.entries.is_empty() {
            return Err(SymbolizeError::Malformed {
                path: path.to_path_buf(),
                line: 0,
                reason: "no symbols",
            });
        }
        Ok(symbols)
    }

    /// Parses kallsyms text (`ADDRESS TYPE NAME [\t[MODULE]]` per line).
    pub fn parse(text: &str) -> Result<Self, SymbolizeError> {
        Self::parse_with_origin(text, Path::new("<kallsyms>"))
    }

    fn parse_with_origin(text: &str, origin: &Path) -> Result<Self, SymbolizeError> {
        let malformed = |line: usize, reason: &'static str| SymbolizeError::Malformed {
            path: PathBuf::from(origin),
            line,
            reason,
        };
        let mut table = Self {
            modules: vec![KERNEL_MODULE.to_string()],
            ..Self::default()
        };
        let mut module_ids: HashMap<String, u32> = HashMap::new();
        module_ids.insert(KERNEL_MODULE.to_string(), 0);
        let mut saw_nonzero = false;
        let mut saw_any = false;

        for (index, line) in text.lines().enumerate() {
            let line_no = index + 1;
            if line.trim().is_empty() {
                continue;
            }
            let (address, rest) = line
                .split_once(' ')
                .ok_or_else(|| malformed(line_no, "expected `ADDRESS TYPE NAME`"))?;
            let address = u64::from_str_radix(address, 16)
                .map_err(|_| malformed(line_no, "address is not hexadecimal"))?;
            let (letter, rest) = rest
                .split_once(' ')
                .ok_or_else(|| malformed(line_no, "expected `ADDRESS TYPE NAME`"))?;
            let &[letter] = letter.as_bytes() else {
                return Err(malformed(line_no, "symbol type is not one letter"));
            };
            let (name, module) = match rest.split_once('\t') {
                Some((name, module)) => {
                    let module = module
                        .trim()
                        .strip_prefix('[')
                        .and_then(|m| m.strip_suffix(']'))
                        .ok_or_else(|| malformed(line_no, "module is not in brackets"))?;
                    (name, Some(module))
                }
                None => (rest.trim_end(), None),
            };
            if name.is_empty() {
                return Err(malformed(line_no, "empty symbol name"));
            }
            saw_any = true;
            saw_nonzero |= address != 0;
            let kind = SymbolKind::from_letter(letter);
            if kind == SymbolKind::Other {
                continue;
            }
            let module = match module {
                None => 0,
                Some(module) => match module_ids.get(module) {
                    Some(&id) => id,
                    None => {
                        let id = u32::try_from(table.modules.len())
                            .map_err(|_| malformed(line_no, "too many modules"))?;
                        table.modules.push(module.to_string());
                        module_ids.insert(module.to_string(), id);
                        id
                    }
                },
            };
            let name_start = u32::try_from(table.names.len())
                .map_err(|_| malformed(line_no, "symbol names exceed 4 GiB"))?;
            let name_len = u32::try_from(name.len())
                .map_err(|_| malformed(line_no, "symbol name too long"))?;
            table.names.push_str(name);
            table.entries.push(Entry {
                address,
                size: 0,
                name_start,
                name_len,
                module,
                kind,
                global: letter.is_ascii_uppercase(),
            });
        }
        if saw_any && !saw_nonzero {
            return Err(SymbolizeError::KernelAddressesHidden {
                path: PathBuf::from(origin),
            });
        }
        // A stable sort keeps file order among aliases.
        table.entries.sort_by_key(|e| e.address);
        table.compute_sizes(&HashMap::new());
        table.build_indexes();
        Ok(table)
    }

    /// Bounds the last symbol of each listed module by the module's end.
    /// Also lets [`KernelSymbols::module_at`] answer for addresses that no
    /// symbol covers.
    pub fn set_module_extents(&mut self, extents: &[ModuleExtent]) {
        self.extents = extents.to_vec();
        self.extents.sort_by_key(|e| e.start);
        let ends: HashMap<u32, u64> = extents
            .iter()
            .filter_map(|extent| {
                let id = self.modules.iter().position(|m| *m == extent.name)?;
                Some((
                    u32::try_from(id).ok()?,
                    extent.start.saturating_add(extent.size),
                ))
            })
            .collect();
        self.compute_sizes(&ends);
    }

    fn compute_sizes(&mut self, module_ends: &HashMap<u32, u64>) {
        let count = self.entries.len();
        let mut i = 0;
        while i < count {
            let address = self.entries[i].address;
            let mut j = i;
            while j < count && self.entries[j].address == address {
                j += 1;
            }
            // Aliases [i, j) share an address; the next symbol is at j.
            for k in i..j {
                let module = self.entries[k].module;
                let size = match self.entries.get(j) {
                    Some(next) if next.module == module => next.address - address,
                    _ => module_ends
                        .get(&module)
                        .filter(|&&end| end > address)
                        .map_or(0, |&end| {
                            let bound = self.entries.get(j).map_or(end, |n| n.address.min(end));
                            bound.saturating_sub(address)
                        }),
                };
                self.entries[k].size = size;
            }
            i = j;
        }
    }

    fn build_indexes(&mut self) {
        self.text = self.preferred_aliases(SymbolKind::Text);
        self.data = self.preferred_aliases(SymbolKind::Data);
    }

    /// For each distinct address with symbols of `kind`, the alias to print:
    /// a global symbol before a local one, then fewer leading underscores
    /// (`vfs_read` before `__vfs_read`), then file order.
    fn preferred_aliases(&self, kind: SymbolKind) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for (index, entry) in self.entries.iter().enumerate() {
            if entry.kind != kind {
                continue;
            }
            let Ok(index) = u32::try_from(index) else {
                break;
            };
            match out.last_mut() {
                Some(last) if self.entries[*last as usize].address == entry.address => {
                    if self.alias_rank(entry) < self.alias_rank(&self.entries[*last as usize]) {
                        *last = index;
                    }
                }
                _ => out.push(index),
            }
        }
        out
    }

    fn alias_rank(&self, entry: &Entry) -> (bool, usize) {
        let name = self.name_of(entry);
        let underscores = name.bytes().take_while(|&b| b == b'_').count();
        (!entry.global, underscores)
    }

    fn name_of(&self, entry: &Entry) -> &str {
        let start = entry.name_start as usize;
        self.names
            .get(start..start + entry.name_len as usize)
            .unwrap_or("")
    }

    fn view(&self, entry: &Entry, address: u64) -> KernelSymbol<'_> {
        KernelSymbol {
            name: self.name_of(entry),
            address: entry.address,
            offset: address - entry.address,
            size: entry.size,
            module: self
                .modules
                .get(entry.module as usize)
                .map_or(KERNEL_MODULE, String::as_str),
            kind: entry.kind,
        }
    }

    fn lookup_in(&self, index: &[u32], address: u64) -> Option<KernelSymbol<'_>> {
        let position = index.partition_point(|&i| self.entries[i as usize].address <= address);
        let entry = &self.entries[*index.get(position.checked_sub(1)?)? as usize];
        let offset = address - entry.address;
        let inside = if entry.size == 0 {
            offset == 0
        } else {
            offset < entry.size
        };
        inside.then(|| self.view(entry, address))
    }

    /// The function containing `address` (for backtraces, `symname`).
    pub fn lookup_text(&self, address: u64) -> Option<KernelSymbol<'_>> {
        self.lookup_in(&self.text, address)
    }

    /// The data object containing `address` (for `symdata` of variables).
    pub fn lookup_data(&self, address: u64) -> Option<KernelSymbol<'_>> {
        self.lookup_in(&self.data, address)
    }

    /// A function if one contains `address`, else a data object.
    pub fn lookup(&self, address: u64) -> Option<KernelSymbol<'_>> {
        self.lookup_text(address)
            .or_else(|| self.lookup_data(address))
    }

    /// The loaded module whose range contains `address`, from the extents
    /// given to [`KernelSymbols::set_module_extents`].
    pub fn module_at(&self, address: u64) -> Option<&ModuleExtent> {
        let position = self.extents.partition_point(|e| e.start <= address);
        let extent = self.extents.get(position.checked_sub(1)?)?;
        (address - extent.start < extent.size).then_some(extent)
    }

    /// The address of the first symbol called `name` (text before data).
    pub fn address_of(&self, name: &str) -> Option<u64> {
        let find = |kind| {
            self.entries
                .iter()
                .find(|e| e.kind == kind && self.name_of(e) == name)
                .map(|e| e.address)
        };
        find(SymbolKind::Text).or_else(|| find(SymbolKind::Data))
    }

    /// Number of text and data symbols kept (aliases included).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Parses `/proc/modules` (`NAME SIZE REFS DEPS STATE ADDRESS ...`).
/// Lines that do not fit, and modules shown at address 0 (hidden), are skipped:
/// extents only refine sizes, so a partial list is still useful.
pub fn parse_proc_modules(text: &str) -> Vec<ModuleExtent> {
    text.lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let name = *fields.first()?;
            let size = fields.get(1)?.parse::<u64>().ok()?;
            let address = fields.get(5)?;
            let start = u64::from_str_radix(address.trim_start_matches("0x"), 16).ok()?;
            (start != 0).then(|| ModuleExtent {
                name: name.to_string(),
                start,
                size,
            })
        })
        .collect()
}
