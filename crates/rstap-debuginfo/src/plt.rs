//! Procedure linkage table entries: the stubs through which a program or library calls
//! functions of other shared objects, named by the symbol each one jumps to.
//!
//! Every stub that calls out jumps through a slot of the global offset table
//! (`jmp *SLOT(%rip)`, possibly after `endbr64` and a `bnd` prefix); the dynamic
//! relocation filling that slot (`R_X86_64_JUMP_SLOT`, or `R_X86_64_GLOB_DAT` for
//! `.plt.got`) names the symbol. This covers lazy `.plt`, the `.plt.sec` of binaries
//! built with `-fcf-protection` (whose `.plt` entries only push and jump back to the
//! resolver) and `.plt.got`, without depending on the order of `.rela.plt`.

use std::collections::HashMap;

use object::elf;
use object::read::elf::{ElfFile64, SectionHeader};
use object::{Object, ObjectSection, ObjectSymbol, ObjectSymbolTable, RelocationFlags};

use crate::Error;

/// One PLT stub.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PltEntry {
    /// The symbol it calls, e.g. `puts`.
    pub name: String,
    /// The stub's virtual address as linked.
    pub address: u64,
    /// Where the stub lies in the file (what a uprobe attaches at).
    pub file_offset: u64,
}

/// The PLT stubs of an x86-64 ELF file, sorted by name then address (the same name can
/// have a stub in `.plt.sec` and one in `.plt.got`); empty when it has no PLT.
pub fn plt_entries(data: &[u8]) -> Result<Vec<PltEntry>, Error> {
    let file = ElfFile64::<object::Endianness>::parse(data)
        .map_err(|e| Error::NotElf(format!("not a 64-bit ELF file ({e})")))?;
    let endian = file.endian();
    if file.elf_header().e_machine.get(endian) != elf::EM_X86_64 {
        return Ok(Vec::new());
    }
    // Slot address → the symbol whose address the dynamic linker stores there.
    let mut slots: HashMap<u64, String> = HashMap::new();
    if let (Some(relocs), Some(dynsym)) = (file.dynamic_relocations(), file.dynamic_symbol_table())
    {
        for (slot, reloc) in relocs {
            let RelocationFlags::Elf { r_type } = reloc.flags() else {
                continue;
            };
            if r_type != elf::R_X86_64_JUMP_SLOT && r_type != elf::R_X86_64_GLOB_DAT {
                continue;
            }
            let object::RelocationTarget::Symbol(index) = reloc.target() else {
                continue;
            };
            if let Ok(sym) = dynsym.symbol_by_index(index)
                && let Ok(name) = sym.name()
                && !name.is_empty()
            {
                slots.insert(slot, name.to_string());
            }
        }
    }
    let mut out = Vec::new();
    for section in file.sections() {
        let Ok(name) = section.name() else { continue };
        if !matches!(name, ".plt" | ".plt.sec" | ".plt.got") {
            continue;
        }
        let Ok(bytes) = section.data() else { continue };
        let Some((file_start, _)) = section.file_range() else {
            continue;
        };
        let entsize = match section.elf_section_header().sh_entsize(endian) {
            0 => 16,
            n => n,
        } as usize;
        let base = section.address();
        for (i, stub) in bytes.chunks(entsize).enumerate() {
            let start = (i * entsize) as u64;
            let Some(slot) = jump_slot(stub, base + start) else {
                continue;
            };
            if let Some(name) = slots.get(&slot) {
                out.push(PltEntry {
                    name: name.clone(),
                    address: base + start,
                    file_offset: file_start + start,
                });
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.address.cmp(&b.address)));
    Ok(out)
}

/// The GOT slot a stub at `address` jumps through: `ff 25 disp32` at its start, after
/// a `bnd` prefix (`f2`), after `endbr64` (`f3 0f 1e fa`), or after both.
fn jump_slot(stub: &[u8], address: u64) -> Option<u64> {
    let endbr = [0xf3, 0x0f, 0x1e, 0xfa];
    let mut at = 0;
    if stub.starts_with(&endbr) {
        at = 4;
    }
    if stub.get(at) == Some(&0xf2) {
        at += 1;
    }
    if stub.get(at..at + 2) != Some(&[0xff, 0x25]) {
        return None;
    }
    let disp = i32::from_le_bytes(stub.get(at + 2..at + 6)?.try_into().ok()?);
    let next = address + at as u64 + 6;
    Some(next.wrapping_add(disp as i64 as u64))
}
