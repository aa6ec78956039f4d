//! User-space symbols of processes, kept usable after the process exits.
//!
//! A traced process often exits before its stacks are printed, and then
//! `/proc/PID/maps` is gone. A [`ProcessSnapshot`] taken while the process
//! lives records each mapping and, for every file with executable
//! mappings, an open handle and its build ID. Resolution later turns an
//! address into a file offset through the recorded mapping and symbolizes
//! the file through the handle, so it still works when the file was
//! deleted or replaced on disk, or lives in another mount namespace.
//!
//! Stacks from `bpf_get_stackid(BPF_F_USER_STACK)` are walked with frame
//! pointers; in code built without them the walk continues through
//! arbitrary stack words. Policy: a user stack ends before the first frame
//! that is not inside an executable mapping of the snapshot (file-backed,
//! `[vdso]`, or anonymous executable memory such as JIT code).

use std::collections::HashMap;
use std::fs::File;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::elf::{ElfAddressKind, ElfSymbolizer, read_build_id};
use crate::error::SymbolizeError;
use crate::maps::{Mapping, MappingSource, read_process_maps};
use crate::resolved::{ModulePart, ResolvedAddress, Resolver};

/// One mapped file of a snapshot, all of its mappings together.
#[derive(Debug)]
pub struct SnapshotModule {
    /// The path as `/proc/PID/maps` showed it.
    pub path: PathBuf,
    /// The kernel marked the file `(deleted)` at snapshot time.
    pub deleted: bool,
    /// GNU build ID, read for files with executable mappings.
    pub build_id: Option<Vec<u8>>,
    /// Lowest mapped address of the file.
    pub base: u64,
    /// Highest mapped address (exclusive).
    pub end: u64,
    pub executable: bool,
    /// Keeps the exact mapped file reachable after the process is gone (shared by
    /// every snapshot that maps the same file).
    handle: Option<Arc<File>>,
    /// The file's device and inode, as the maps line gives them.
    file_id: FileId,
}

/// Open files of recorded processes by device and inode, with their build ids: a file
/// mapped by many processes (the C library) is opened and read once, and a session
/// that sees thousands of processes holds one descriptor per distinct file.
#[derive(Debug, Default)]
pub struct OpenFiles {
    files: HashMap<FileId, (Arc<File>, Option<Vec<u8>>)>,
}

/// A file as `/proc/PID/maps` identifies it: device (major, minor) and inode.
type FileId = ((u32, u32), u64);

impl SnapshotModule {
    /// The path to give the ELF reader: the held handle when there is one.
    fn elf_path(&self) -> Option<PathBuf> {
        match &self.handle {
            Some(file) => Some(PathBuf::from(format!("/proc/self/fd/{}", file.as_raw_fd()))),
            // Without a handle only the path is left, and only if the file on
            // disk is still the one that was mapped.
            None if self.deleted => None,
            None => match &self.build_id {
                Some(recorded) => (read_build_id(&self.path).as_ref() == Some(recorded))
                    .then(|| self.path.clone()),
                None => Some(self.path.clone()),
            },
        }
    }
}

/// The address space of one process, frozen at one moment.
#[derive(Debug)]
pub struct ProcessSnapshot {
    pid: u32,
    /// Every mapping, in address order.
    mappings: Vec<Mapping>,
    modules: Vec<SnapshotModule>,
    /// For each mapping, its module's index in `modules`.
    mapping_module: Vec<Option<usize>>,
}

impl ProcessSnapshot {
    /// Reads `/proc/PID/maps` and opens each executable file it maps.
    pub fn capture(pid: u32) -> Result<Self, SymbolizeError> {
        Self::capture_sharing(pid, &mut OpenFiles::default())
    }

    /// [`ProcessSnapshot::capture`], reusing the files already open in `open`.
    pub fn capture_sharing(pid: u32, open: &mut OpenFiles) -> Result<Self, SymbolizeError> {
        let mappings = read_process_maps(pid)?;
        let mut snapshot = Self::from_mappings(pid, mappings);
        for (index, module) in snapshot.modules.iter_mut().enumerate() {
            if !module.executable {
                continue;
            }
            let mapping = snapshot
                .mappings
                .iter()
                .zip(&snapshot.mapping_module)
                .find(|(_, m)| **m == Some(index))
                .map(|(mapping, _)| mapping);
            if let Some((file, build_id)) = open.files.get(&module.file_id) {
                module.handle = Some(Arc::clone(file));
                module.build_id = build_id.clone();
                continue;
            }
            module.handle = mapping
                .and_then(|mapping| open_mapped_file(pid, mapping, module))
                .map(Arc::new);
            module.build_id = match &module.handle {
                Some(file) => {
                    read_build_id(Path::new(&format!("/proc/self/fd/{}", file.as_raw_fd())))
                }
                None if !module.deleted => read_build_id(&module.path),
                None => None,
            };
            if let Some(file) = &module.handle {
                open.files
                    .insert(module.file_id, (Arc::clone(file), module.build_id.clone()));
            }
        }
        Ok(snapshot)
    }

    /// A snapshot from already parsed mappings, without file handles or
    /// build IDs: files are then read by path when resolving.
    pub fn from_mappings(pid: u32, mut mappings: Vec<Mapping>) -> Self {
        mappings.sort_by_key(|m| m.start);
        let mut modules: Vec<SnapshotModule> = Vec::new();
        let mut by_file: HashMap<(PathBuf, (u32, u32), u64), usize> = HashMap::new();
        let mut mapping_module = Vec::with_capacity(mappings.len());
        for mapping in &mappings {
            let MappingSource::File { path, deleted } = &mapping.source else {
                mapping_module.push(None);
                continue;
            };
            let key = (path.clone(), mapping.device, mapping.inode);
            let index = *by_file.entry(key).or_insert_with(|| {
                modules.push(SnapshotModule {
                    path: path.clone(),
                    deleted: *deleted,
                    build_id: None,
                    base: mapping.start,
                    end: mapping.end,
                    executable: false,
                    handle: None,
                    file_id: (mapping.device, mapping.inode),
                });
                modules.len() - 1
            });
            let module = &mut modules[index];
            module.base = module.base.min(mapping.start);
            module.end = module.end.max(mapping.end);
            module.executable |= mapping.executable;
            mapping_module.push(Some(index));
        }
        Self {
            pid,
            mappings,
            modules,
            mapping_module,
        }
    }

    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// Every mapping, in address order.
    pub fn mappings(&self) -> &[Mapping] {
        &self.mappings
    }

    /// The mapped files, each with all of its mappings merged.
    pub fn modules(&self) -> &[SnapshotModule] {
        &self.modules
    }

    fn mapping_index(&self, address: u64) -> Option<usize> {
        let position = self.mappings.partition_point(|m| m.start <= address);
        let index = position.checked_sub(1)?;
        self.mappings[index].contains(address).then_some(index)
    }

    /// The mapping that contains `address`.
    pub fn mapping_for(&self, address: u64) -> Option<&Mapping> {
        self.mapping_index(address).map(|i| &self.mappings[i])
    }

    /// True when `address` lies in an executable mapping.
    pub fn is_code_address(&self, address: u64) -> bool {
        self.mapping_for(address).is_some_and(|m| m.executable)
    }

    /// The trustworthy prefix of a user stack (see the module docs).
    pub fn usable_stack<'a>(&self, stack: &'a [u64]) -> &'a [u64] {
        let end = stack
            .iter()
            .position(|&a| !self.is_code_address(a))
            .unwrap_or(stack.len());
        &stack[..end]
    }

    /// `umodname`: the short name of the module containing `address`.
    pub fn module_short_name(&self, address: u64) -> Option<String> {
        let mapping = self.mapping_for(address)?;
        let name = mapping.module_name()?;
        Some(crate::format::module_basename(&name).to_string())
    }

    /// Module information for `address`, without the symbol.
    fn module_part(&self, address: u64) -> Option<(ModulePart, Option<(usize, u64)>)> {
        let index = self.mapping_index(address)?;
        let mapping = &self.mappings[index];
        match (&mapping.source, self.mapping_module[index]) {
            (MappingSource::File { path, .. }, Some(module_index)) => {
                let module = &self.modules[module_index];
                let file_offset = address - mapping.start + mapping.file_offset;
                Some((
                    ModulePart {
                        name: path.display().to_string(),
                        offset: address - module.base,
                        size: module.end - module.base,
                    },
                    Some((module_index, file_offset)),
                ))
            }
            (MappingSource::Pseudo(name), _) => Some((
                ModulePart {
                    name: name.clone(),
                    offset: address - mapping.start,
                    size: mapping.end - mapping.start,
                },
                None,
            )),
            _ => None,
        }
    }
}

/// The name a file found by build id prints under: its path, or for a held handle the
/// file it was opened from.
fn display_path(path: &Path) -> String {
    if path.starts_with("/proc/self/fd")
        && let Ok(target) = std::fs::read_link(path)
    {
        let text = target.display().to_string();
        return text.strip_suffix(" (deleted)").unwrap_or(&text).to_string();
    }
    path.display().to_string()
}

/// Opens the file behind `mapping` so it outlives the process: through
/// `map_files` (exact file, even if deleted), then the process's root (its
/// mount namespace), then the plain path.
fn open_mapped_file(pid: u32, mapping: &Mapping, module: &SnapshotModule) -> Option<File> {
    let map_files = format!(
        "/proc/{pid}/map_files/{:x}-{:x}",
        mapping.start, mapping.end
    );
    if let Ok(file) = File::open(map_files) {
        return Some(file);
    }
    if module.deleted {
        return None;
    }
    let mut in_root = PathBuf::from(format!("/proc/{pid}/root"));
    in_root.push(module.path.strip_prefix("/").unwrap_or(&module.path));
    File::open(in_root)
        .or_else(|_| File::open(&module.path))
        .ok()
}

/// Snapshots of traced processes and the ELF reader that resolves them.
#[derive(Debug, Default)]
pub struct ProcessSymbolCache {
    elf: ElfSymbolizer,
    snapshots: HashMap<u32, ProcessSnapshot>,
    /// Files by build id (padded with zeros to 20 bytes, as the kernel records it),
    /// for stacks of processes that were never recorded.
    by_build_id: HashMap<[u8; 20], PathBuf>,
    /// Files to index by build id when a stack first needs it.
    known_files: Vec<PathBuf>,
    indexed: bool,
    /// Addresses resolved by build id: the text of a stack keeps resolving after
    /// its stack was printed (`print_ustack(k)` of a `ubacktrace()` key).
    by_address: HashMap<u64, ResolvedAddress>,
    open: OpenFiles,
    /// Processes [`Self::ensure_snapshot`] found gone.
    gone: std::collections::HashSet<u32>,
}

/// A build id as the kernel's stack map holds it.
fn padded_build_id(id: &[u8]) -> Option<[u8; 20]> {
    let mut out = [0u8; 20];
    (!id.is_empty() && id.len() <= 20).then(|| {
        out[..id.len()].copy_from_slice(id);
        out
    })
}

impl ProcessSymbolCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes (or retakes, after an exec or dlopen) a snapshot of `pid`.
    pub fn snapshot(&mut self, pid: u32) -> Result<&ProcessSnapshot, SymbolizeError> {
        let snapshot = ProcessSnapshot::capture_sharing(pid, &mut self.open)?;
        // An exiting process has already released its memory: its map reads empty.
        if !snapshot.mappings.iter().any(|m| m.executable) {
            return Err(SymbolizeError::NoSuchProcess { pid });
        }
        self.snapshots.insert(pid, snapshot);
        Ok(&self.snapshots[&pid])
    }

    /// Takes a snapshot of `pid` unless one is already held. A process found gone is
    /// not looked for again (only [`Self::snapshot`] tries anew).
    pub fn ensure_snapshot(&mut self, pid: u32) -> Result<&ProcessSnapshot, SymbolizeError> {
        if !self.snapshots.contains_key(&pid) {
            if self.gone.contains(&pid) {
                return Err(SymbolizeError::NoSuchProcess { pid });
            }
            if let Err(e) = self.snapshot(pid) {
                self.gone.insert(pid);
                return Err(e);
            }
        }
        Ok(&self.snapshots[&pid])
    }

    /// Adds a snapshot built elsewhere (for example from recorded maps text).
    pub fn insert_snapshot(&mut self, snapshot: ProcessSnapshot) {
        self.snapshots.insert(snapshot.pid, snapshot);
    }

    pub fn get(&self, pid: u32) -> Option<&ProcessSnapshot> {
        self.snapshots.get(&pid)
    }

    /// Drops the snapshot of `pid`, closing its file handles.
    pub fn forget(&mut self, pid: u32) -> Option<ProcessSnapshot> {
        self.snapshots.remove(&pid)
    }

    /// Resolves one address of `pid`; without a snapshot only the hex is known.
    pub fn resolve(&self, pid: u32, address: u64) -> ResolvedAddress {
        self.resolve_addresses(pid, &[address])
            .pop()
            .unwrap_or_else(|| ResolvedAddress::unknown(address))
    }

    /// Resolves a user stack after cutting it with the frame policy of the
    /// module docs ([`ProcessSnapshot::usable_stack`]).
    pub fn resolve_stack(&self, pid: u32, stack: &[u64]) -> Vec<ResolvedAddress> {
        match self.snapshots.get(&pid) {
            Some(snapshot) => self.resolve_addresses(pid, snapshot.usable_stack(stack)),
            None => stack.iter().map(|&a| ResolvedAddress::unknown(a)).collect(),
        }
    }

    /// Resolves addresses as given, one ELF query per module.
    pub fn resolve_addresses(&self, pid: u32, addresses: &[u64]) -> Vec<ResolvedAddress> {
        let Some(snapshot) = self.snapshots.get(&pid) else {
            return addresses
                .iter()
                .map(|&a| {
                    self.by_address
                        .get(&a)
                        .cloned()
                        .unwrap_or_else(|| ResolvedAddress::unknown(a))
                })
                .collect();
        };
        let mut resolved: Vec<ResolvedAddress> = Vec::with_capacity(addresses.len());
        // module index -> (positions in `resolved`, file offsets)
        let mut pending: HashMap<usize, (Vec<usize>, Vec<u64>)> = HashMap::new();
        for &address in addresses {
            let mut frame = ResolvedAddress::unknown(address);
            if let Some((module, file)) = snapshot.module_part(address) {
                frame.module = Some(module);
                if let Some((module_index, file_offset)) = file {
                    let entry = pending.entry(module_index).or_default();
                    entry.0.push(resolved.len());
                    entry.1.push(file_offset);
                }
            }
            resolved.push(frame);
        }
        for (module_index, (positions, offsets)) in pending {
            let Some(path) = snapshot.modules[module_index].elf_path() else {
                continue;
            };
            // A file that cannot be parsed leaves its frames module-only.
            let Ok(symbols) = self
                .elf
                .symbolize(&path, ElfAddressKind::FileOffset, &offsets)
            else {
                continue;
            };
            for (position, symbol) in positions.into_iter().zip(symbols) {
                resolved[position].symbol = symbol;
            }
        }
        resolved
    }

    /// How many files the recorded processes hold open (each once).
    pub fn open_files(&self) -> usize {
        self.open.files.len()
    }

    /// Adds a file that traced processes may map (a probed binary, the `-c` command):
    /// frames recorded by build id are found in it.
    pub fn add_known_file(&mut self, path: &Path) {
        self.known_files.push(path.to_path_buf());
        self.indexed = false;
    }

    /// The file whose build id is `build_id`: among the known files, the files of
    /// recorded processes, the files this process maps (the C library and the
    /// dynamic loader are usually the traced program's too), and
    /// `/usr/lib/debug/.build-id`.
    pub fn file_with_build_id(&mut self, build_id: &[u8; 20]) -> Option<PathBuf> {
        if !self.indexed {
            self.indexed = true;
            let mut candidates = self.known_files.clone();
            if let Ok(maps) = read_process_maps(std::process::id()) {
                candidates.extend(
                    maps.iter()
                        .filter(|m| m.executable)
                        .filter_map(|m| m.path().map(Path::to_path_buf)),
                );
            }
            for path in candidates {
                if let Some(id) = read_build_id(&path).as_deref().and_then(padded_build_id) {
                    self.by_build_id.entry(id).or_insert(path);
                }
            }
        }
        if let Some(path) = self.by_build_id.get(build_id) {
            return Some(path.clone());
        }
        for snapshot in self.snapshots.values() {
            for module in &snapshot.modules {
                if module.build_id.as_deref().and_then(padded_build_id) == Some(*build_id) {
                    return module.elf_path();
                }
            }
        }
        let len = build_id.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
        let hex: String = build_id[..len].iter().map(|b| format!("{b:02x}")).collect();
        if hex.len() > 2 {
            let debug = PathBuf::from(format!(
                "/usr/lib/debug/.build-id/{}/{}.debug",
                &hex[..2],
                &hex[2..]
            ));
            if debug.exists() {
                self.by_build_id.insert(*build_id, debug.clone());
                return Some(debug);
            }
        }
        None
    }

    /// Resolves frames recorded as (address, file with that build id, offset in it),
    /// for a process that was never recorded; frames whose file is not found keep
    /// their address only.
    pub fn resolve_file_frames(&mut self, frames: &[(u64, [u8; 20], u64)]) -> Vec<ResolvedAddress> {
        let mut resolved: Vec<ResolvedAddress> = frames
            .iter()
            .map(|&(address, ..)| ResolvedAddress::unknown(address))
            .collect();
        let mut by_file: HashMap<PathBuf, (Vec<usize>, Vec<u64>)> = HashMap::new();
        for (i, (_, build_id, offset)) in frames.iter().enumerate() {
            if let Some(path) = self.file_with_build_id(build_id) {
                let entry = by_file.entry(path).or_default();
                entry.0.push(i);
                entry.1.push(*offset);
            }
        }
        for (path, (positions, offsets)) in by_file {
            let name = display_path(&path);
            let size = std::fs::metadata(&path).map_or(0, |m| m.len());
            let symbols = self
                .elf
                .symbolize(&path, ElfAddressKind::FileOffset, &offsets)
                .unwrap_or_default();
            for (k, &i) in positions.iter().enumerate() {
                resolved[i].module = Some(ModulePart {
                    name: name.clone(),
                    offset: offsets[k],
                    size,
                });
                resolved[i].symbol = symbols.get(k).cloned().flatten();
                self.by_address
                    .insert(resolved[i].address, resolved[i].clone());
            }
        }
        resolved
    }

    /// An address of a process that was never recorded, located through the files of
    /// its stack's `frames` (address, build id, file offset): a frame's own address, or
    /// an address at the same distance from a file's offsets as a frame in that file
    /// (within the file's size).
    pub fn resolve_near_frames(
        &mut self,
        address: u64,
        frames: &[(u64, [u8; 20], u64)],
    ) -> ResolvedAddress {
        if let Some(i) = frames.iter().position(|f| f.0 == address) {
            return self.resolve_file_frames(&frames[i..=i]).remove(0);
        }
        for &(frame, build_id, offset) in frames {
            let Some(path) = self.file_with_build_id(&build_id) else {
                continue;
            };
            let size = std::fs::metadata(&path).map_or(0, |m| m.len());
            let delta = frame.wrapping_sub(offset);
            if let Some(off) = address.checked_sub(delta).filter(|&o| o < size) {
                return self
                    .resolve_file_frames(&[(address, build_id, off)])
                    .remove(0);
            }
        }
        ResolvedAddress::unknown(address)
    }

    /// `address` as a stack of some process resolved it by build id before.
    pub fn resolved_before(&self, address: u64) -> Option<&ResolvedAddress> {
        self.by_address.get(&address)
    }

    /// A recorded process with code mapped at `address` (the lowest pid, so the
    /// answer does not depend on the order of recording).
    pub fn process_with_code_at(&self, address: u64) -> Option<u32> {
        self.snapshots
            .iter()
            .filter(|(_, s)| s.is_code_address(address))
            .map(|(&pid, _)| pid)
            .min()
    }

    /// `umodname` for `pid`.
    pub fn module_short_name(&self, pid: u32, address: u64) -> Option<String> {
        self.snapshots.get(&pid)?.module_short_name(address)
    }

    /// A [`Resolver`] bound to one process.
    pub fn process(&self, pid: u32) -> ProcessResolver<'_> {
        ProcessResolver { cache: self, pid }
    }
}

/// [`ProcessSymbolCache`] seen as the [`Resolver`] of one process.
#[derive(Clone, Copy, Debug)]
pub struct ProcessResolver<'a> {
    cache: &'a ProcessSymbolCache,
    pid: u32,
}

impl Resolver for ProcessResolver<'_> {
    fn resolve(&self, address: u64) -> ResolvedAddress {
        self.cache.resolve(self.pid, address)
    }

    fn resolve_all(&self, addresses: &[u64]) -> Vec<ResolvedAddress> {
        self.cache.resolve_addresses(self.pid, addresses)
    }
}
