//! The shared libraries a program loads, found the way the dynamic linker finds them:
//! its `DT_NEEDED` entries (and theirs), searched in `DT_RPATH`, `LD_LIBRARY_PATH`,
//! `DT_RUNPATH`, `/etc/ld.so.cache` and the default directories.

use std::path::{Path, PathBuf};

use object::elf;
use object::read::elf::ElfFile64;
use object::{Object, ObjectSection};

use crate::Error;

/// What a file's `.dynamic` section says about its dependencies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dependencies {
    /// `DT_NEEDED`: the libraries it needs, by soname (`libc.so.6`).
    pub needed: Vec<String>,
    /// `DT_RPATH` directories (`$ORIGIN` not substituted).
    pub rpath: Vec<String>,
    /// `DT_RUNPATH` directories.
    pub runpath: Vec<String>,
}

/// The dependencies of an ELF file; empty for a static program.
pub fn dependencies(data: &[u8]) -> Result<Dependencies, Error> {
    let file = ElfFile64::<object::Endianness>::parse(data)
        .map_err(|e| Error::NotElf(format!("not a 64-bit ELF file ({e})")))?;
    let little = file.is_little_endian();
    let mut out = Dependencies::default();
    let (Some(dynamic), Some(strings)) = (
        file.section_by_name(".dynamic"),
        file.section_by_name(".dynstr"),
    ) else {
        return Ok(out);
    };
    let (Ok(dynamic), Ok(strings)) = (dynamic.data(), strings.data()) else {
        return Err(Error::NotElf("damaged .dynamic section".into()));
    };
    let word = |b: &[u8]| {
        let b: [u8; 8] = b.try_into().unwrap_or_default();
        if little {
            u64::from_le_bytes(b)
        } else {
            u64::from_be_bytes(b)
        }
    };
    let string = |at: u64| -> Option<String> {
        let rest = strings.get(at as usize..)?;
        let end = rest.iter().position(|&b| b == 0)?;
        Some(String::from_utf8_lossy(&rest[..end]).into_owned())
    };
    for entry in dynamic.chunks_exact(16) {
        let (tag, value) = (word(&entry[..8]), word(&entry[8..]));
        match tag as u32 {
            elf::DT_NULL if tag == 0 => break,
            elf::DT_NEEDED => out.needed.extend(string(value)),
            elf::DT_RPATH => out
                .rpath
                .extend(string(value).iter().flat_map(|s| split_path(s))),
            elf::DT_RUNPATH => out
                .runpath
                .extend(string(value).iter().flat_map(|s| split_path(s))),
            _ => {}
        }
    }
    Ok(out)
}

fn split_path(s: &str) -> Vec<String> {
    s.split(':')
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .collect()
}

/// The x86-64 libraries `/etc/ld.so.cache` lists, as `(soname, path)` pairs, from the
/// cache's `glibc-ld.so.cache1.1` format; empty when the file is absent or in another
/// format.
pub fn ld_so_cache(data: &[u8]) -> Vec<(String, String)> {
    const MAGIC: &[u8] = b"glibc-ld.so.cache1.1";
    // The new format may follow an old-format header.
    let Some(start) = data.windows(MAGIC.len()).position(|w| w == MAGIC) else {
        return Vec::new();
    };
    let u32_at = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
    };
    let string = |at: usize| -> Option<String> {
        let rest = data.get(at..)?;
        let end = rest.iter().position(|&b| b == 0)?;
        Some(String::from_utf8_lossy(&rest[..end]).into_owned())
    };
    let Some(count) = u32_at(start + MAGIC.len()) else {
        return Vec::new();
    };
    // The header: magic, nlibs, len_strings, flags (1 byte) and padding (3), an
    // extension offset and 3 unused words: 48 bytes. Each entry: flags, key, value,
    // osversion (4 bytes each) and hwcap (8).
    let entries = start + 48;
    let mut out = Vec::new();
    for i in 0..count.min(1 << 20) as usize {
        let at = entries + 24 * i;
        let (Some(flags), Some(key), Some(value)) = (u32_at(at), u32_at(at + 4), u32_at(at + 8))
        else {
            break;
        };
        // libc6 on x86-64 (FLAG_ELF_LIBC6 | FLAG_X8664_LIB64).
        if flags != 0x0303 {
            continue;
        }
        // String offsets in the new format count from the start of the file.
        if let (Some(k), Some(v)) = (string(key as usize), string(value as usize)) {
            out.push((k, v));
        }
    }
    out
}

/// The directories searched last, after the cache.
const DEFAULT_DIRS: [&str; 6] = [
    "/lib/x86_64-linux-gnu",
    "/usr/lib/x86_64-linux-gnu",
    "/lib64",
    "/usr/lib64",
    "/lib",
    "/usr/lib",
];

/// Where to look for libraries: the environment and cache the dynamic linker uses.
#[derive(Clone, Debug, Default)]
pub struct SearchPath {
    /// `LD_LIBRARY_PATH` directories.
    pub library_path: Vec<String>,
    /// `/etc/ld.so.cache`, as [`ld_so_cache`] reads it.
    pub cache: Vec<(String, String)>,
}

impl SearchPath {
    /// This process's `LD_LIBRARY_PATH` and the system's `/etc/ld.so.cache`.
    pub fn system() -> SearchPath {
        SearchPath {
            library_path: std::env::var("LD_LIBRARY_PATH")
                .map(|p| split_path(&p))
                .unwrap_or_default(),
            cache: std::fs::read("/etc/ld.so.cache")
                .map(|d| ld_so_cache(&d))
                .unwrap_or_default(),
        }
    }

    /// Finds the library `soname` that the object at `origin` (whose dependencies are
    /// `deps`) needs, as the dynamic linker would.
    pub fn find(&self, soname: &str, origin: &Path, deps: &Dependencies) -> Option<PathBuf> {
        if soname.contains('/') {
            let p = Path::new(soname);
            return p.is_file().then(|| p.to_path_buf());
        }
        let dir_of = origin.parent().unwrap_or(Path::new("/"));
        let expand = |d: &String| -> PathBuf {
            let origin = dir_of.to_string_lossy();
            PathBuf::from(d.replace("${ORIGIN}", &origin).replace("$ORIGIN", &origin))
        };
        let mut dirs: Vec<PathBuf> = Vec::new();
        if deps.runpath.is_empty() {
            dirs.extend(deps.rpath.iter().map(expand));
        }
        dirs.extend(self.library_path.iter().map(PathBuf::from));
        dirs.extend(deps.runpath.iter().map(expand));
        for d in &dirs {
            let p = d.join(soname);
            if p.is_file() {
                return Some(p);
            }
        }
        if let Some((_, p)) = self.cache.iter().find(|(k, _)| k == soname)
            && Path::new(p).is_file()
        {
            return Some(PathBuf::from(p));
        }
        DEFAULT_DIRS
            .iter()
            .map(|d| Path::new(d).join(soname))
            .find(|p| p.is_file())
    }

    /// Every library the program at `program` loads at start: its needed libraries and
    /// theirs, breadth first, as `(soname, path)`; the path is `None` for one not found.
    pub fn needed_libraries(&self, program: &Path) -> Vec<(String, Option<PathBuf>)> {
        let mut out: Vec<(String, Option<PathBuf>)> = Vec::new();
        let mut queue: Vec<PathBuf> = vec![program.to_path_buf()];
        let mut next = 0;
        while next < queue.len() && out.len() < 512 {
            let object = queue[next].clone();
            next += 1;
            let Ok(data) = std::fs::read(&object) else {
                continue;
            };
            let Ok(deps) = dependencies(&data) else {
                continue;
            };
            for soname in &deps.needed {
                if out.iter().any(|(n, _)| n == soname) {
                    continue;
                }
                let found = self.find(soname, &object, &deps);
                let found = found.map(|p| p.canonicalize().unwrap_or(p));
                if let Some(p) = &found {
                    queue.push(p.clone());
                }
                out.push((soname.clone(), found));
            }
        }
        out
    }
}
