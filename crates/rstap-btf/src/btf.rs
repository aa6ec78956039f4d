//! The reader: header and section checks, a one-pass offset table over the type section,
//! on-demand decoding of single records, and a name index built on first use.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::error::{BtfError, Result};
use crate::types::{
    Enumerator, IntEncoding, Kind, Linkage, Member, Param, Type, TypeId, TypeKind, VarSecInfo,
};

pub const BTF_MAGIC: u16 = 0xeb9f;
pub const VMLINUX_PATH: &str = "/sys/kernel/btf/vmlinux";
/// The vmlinux BTF of the kernel being compiled for, when it is not the running one.
static TARGET_VMLINUX: OnceLock<std::path::PathBuf> = OnceLock::new();
/// Size of `struct btf_header` as of version 1 (later fields, if any, are ignored).
pub(crate) const HEADER_LEN: usize = 24;
const RECORD_HEADER_LEN: usize = 12;

/// Byte order of a blob, fixed by how its magic reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Endian {
    pub big: bool,
}

impl Endian {
    pub fn u32_at(self, data: &[u8], off: usize) -> Option<u32> {
        let bytes: [u8; 4] = data.get(off..off.checked_add(4)?)?.try_into().ok()?;
        Some(if self.big {
            u32::from_be_bytes(bytes)
        } else {
            u32::from_le_bytes(bytes)
        })
    }
}

/// A parsed BTF blob (vmlinux, a module on top of vmlinux, or a program's own BTF).
pub struct Btf {
    data: Vec<u8>,
    endian: Endian,
    types: std::ops::Range<usize>,
    strings: std::ops::Range<usize>,
    /// Byte offset (within the type section) of each local type, in id order.
    offsets: Vec<u32>,
    base: Option<Arc<Btf>>,
    /// Id of the first local type: 1 for standalone BTF, the base's type count for split BTF.
    first_id: u32,
    /// String offsets below this belong to the base.
    str_base: u32,
    names: OnceLock<NameIndex>,
}

impl std::fmt::Debug for Btf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Btf")
            .field("types", &self.offsets.len())
            .field("first_id", &self.first_id)
            .field("split", &self.base.is_some())
            .finish()
    }
}

impl Btf {
    /// Parses standalone BTF.
    pub fn from_bytes(data: Vec<u8>) -> Result<Btf> {
        Btf::parse(data, None)
    }

    /// Parses split BTF (a kernel module's) whose ids and strings continue those of `base`.
    pub fn from_split_bytes(data: Vec<u8>, base: Arc<Btf>) -> Result<Btf> {
        Btf::parse(data, Some(base))
    }

    pub fn from_file(path: impl AsRef<Path>) -> Result<Btf> {
        Btf::from_bytes(read(path.as_ref())?)
    }

    /// Loads the BTF of the kernel being compiled for: the running kernel's
    /// `/sys/kernel/btf/vmlinux`, or the file given to [`Btf::set_target_vmlinux`].
    pub fn load_vmlinux() -> Result<Btf> {
        match TARGET_VMLINUX.get() {
            Some(path) => Btf::from_file(path),
            None => Btf::from_file(VMLINUX_PATH),
        }
    }

    /// Compiles for another kernel: [`Btf::load_vmlinux`] reads `path` (that kernel's
    /// `vmlinux` BTF) from now on, and [`Btf::load_module`] finds no module BTF. Set
    /// once per process, before the first load; a second call is ignored.
    pub fn set_target_vmlinux(path: impl Into<std::path::PathBuf>) {
        let _ = TARGET_VMLINUX.set(path.into());
    }

    /// Loads `/sys/kernel/btf/<module>` on top of `vmlinux` (the running kernel's modules:
    /// none when compiling for another kernel).
    pub fn load_module(module: &str, vmlinux: Arc<Btf>) -> Result<Btf> {
        let path = Path::new("/sys/kernel/btf").join(module);
        if TARGET_VMLINUX.get().is_some() {
            return Err(BtfError::Io {
                path,
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "module BTF of the target kernel is not available (only its vmlinux BTF was given)",
                ),
            });
        }
        Btf::from_split_bytes(read(&path)?, vmlinux)
    }

    fn parse(data: Vec<u8>, base: Option<Arc<Btf>>) -> Result<Btf> {
        if data.len() < HEADER_LEN {
            return Err(BtfError::Truncated {
                what: "header",
                offset: 0,
            });
        }
        let magic_le = u16::from_le_bytes([data[0], data[1]]);
        let endian = if magic_le == BTF_MAGIC {
            Endian { big: false }
        } else if u16::from_be_bytes([data[0], data[1]]) == BTF_MAGIC {
            Endian { big: true }
        } else {
            return Err(BtfError::BadMagic(magic_le));
        };
        if data[2] != 1 {
            return Err(BtfError::UnsupportedVersion(data[2]));
        }
        let field = |i: usize| endian.u32_at(&data, 4 + 4 * i).unwrap_or(0) as usize;
        let (hdr_len, type_off, type_len, str_off, str_len) =
            (field(0), field(1), field(2), field(3), field(4));
        if hdr_len < HEADER_LEN || hdr_len > data.len() {
            return Err(BtfError::BadHeader("header length out of range"));
        }
        let section = |off: usize, len: usize, what: &'static str| {
            let start = hdr_len.checked_add(off).ok_or(BtfError::BadHeader(what))?;
            let end = start.checked_add(len).ok_or(BtfError::BadHeader(what))?;
            if end > data.len() {
                return Err(BtfError::BadHeader(what));
            }
            Ok(start..end)
        };
        let types = section(type_off, type_len, "type section outside the blob")?;
        let strings = section(str_off, str_len, "string section outside the blob")?;
        if !types.start.is_multiple_of(4) && type_len != 0 {
            return Err(BtfError::BadHeader("type section not 4-byte aligned"));
        }
        if types.start < strings.end && strings.start < types.end {
            return Err(BtfError::BadHeader("type and string sections overlap"));
        }
        if base.is_none() && data.get(strings.start) != Some(&0) {
            return Err(BtfError::BadHeader(
                "string section does not start with NUL",
            ));
        }
        if str_len > 0 && data[strings.end - 1] != 0 {
            return Err(BtfError::BadHeader("string section not NUL terminated"));
        }
        let (first_id, str_base) = match &base {
            Some(b) => {
                let base_strings = u32::try_from(b.strings.len()).ok();
                let str_base = base_strings.and_then(|n| b.str_base.checked_add(n));
                (
                    b.type_count(),
                    str_base.ok_or(BtfError::BadHeader("base strings too large"))?,
                )
            }
            None => (1, 0),
        };
        let offsets = index_records(&data[types.clone()], endian, first_id)?;
        Ok(Btf {
            data,
            endian,
            types,
            strings,
            offsets,
            base,
            first_id,
            str_base,
            names: OnceLock::new(),
        })
    }

    /// One past the largest valid type id (ids `0..type_count()` exist; 0 is void).
    pub fn type_count(&self) -> u32 {
        self.first_id + self.offsets.len() as u32
    }

    /// Ids held by this blob itself (excludes the base of split BTF).
    pub fn local_ids(&self) -> std::ops::Range<TypeId> {
        self.first_id..self.type_count()
    }

    pub fn base(&self) -> Option<&Arc<Btf>> {
        self.base.as_ref()
    }

    /// The NUL-terminated string at `off` in the (possibly base) string section.
    pub fn string_at(&self, off: u32) -> Result<&str> {
        if off < self.str_base {
            return match &self.base {
                Some(b) => b.string_at(off),
                None => Err(BtfError::BadStringOffset(off)),
            };
        }
        let bytes = self.string_bytes(off)?;
        std::str::from_utf8(bytes).map_err(|_| BtfError::BadUtf8(off))
    }

    fn string_bytes(&self, off: u32) -> Result<&[u8]> {
        let local = (off - self.str_base) as usize;
        let section = &self.data[self.strings.clone()];
        let tail = section.get(local..).ok_or(BtfError::BadStringOffset(off))?;
        let end = tail
            .iter()
            .position(|&b| b == 0)
            .ok_or(BtfError::BadStringOffset(off))?;
        Ok(&tail[..end])
    }

    fn u32_in_types(&self, off: usize) -> Result<u32> {
        self.endian
            .u32_at(&self.data[self.types.clone()], off)
            .ok_or(BtfError::Truncated {
                what: "type record",
                offset: self.types.start + off,
            })
    }

    /// The record owning `id`: this blob, or the base for low ids of split BTF.
    fn owner(&self, id: TypeId) -> Result<(&Btf, usize)> {
        if id < self.first_id {
            return match &self.base {
                Some(b) => b.owner(id),
                None => Err(BtfError::InvalidTypeId(id)),
            };
        }
        let idx = (id - self.first_id) as usize;
        let off = *self.offsets.get(idx).ok_or(BtfError::InvalidTypeId(id))?;
        Ok((self, off as usize))
    }

    /// Kind and name of a type without decoding its members.
    pub fn kind_of(&self, id: TypeId) -> Result<Kind> {
        if id == 0 {
            return Ok(Kind::Void);
        }
        let (btf, off) = self.owner(id)?;
        let info = btf.u32_in_types(off + 4)?;
        let raw = ((info >> 24) & 0x1f) as u8;
        Kind::from_raw(raw).ok_or(BtfError::UnknownKind { id, kind: raw })
    }

    pub fn name_of(&self, id: TypeId) -> Result<&str> {
        if id == 0 {
            return Ok("");
        }
        let (btf, off) = self.owner(id)?;
        let name_off = btf.u32_in_types(off)?;
        self.string_at(name_off)
    }

    /// Decodes the record of `id`. Id 0 decodes to `void`.
    pub fn type_by_id(&self, id: TypeId) -> Result<Type<'_>> {
        if id == 0 {
            return Ok(Type {
                id,
                name: "",
                kind: TypeKind::Void,
            });
        }
        let (btf, off) = self.owner(id)?;
        btf.decode(id, off, self)
    }

    /// Decodes one record of this blob; `names` resolves strings (the top split BTF, so
    /// base offsets still work).
    fn decode<'a>(&'a self, id: TypeId, off: usize, names: &'a Btf) -> Result<Type<'a>> {
        let at = |i: usize| self.u32_in_types(off + i);
        let name = names.string_at(at(0)?)?;
        let info = at(4)?;
        let size_or_type = at(8)?;
        let raw_kind = ((info >> 24) & 0x1f) as u8;
        let kind = Kind::from_raw(raw_kind).ok_or(BtfError::UnknownKind { id, kind: raw_kind })?;
        let vlen = (info & 0xffff) as usize;
        let kflag = info >> 31 == 1;
        let extra = |i: usize| at(RECORD_HEADER_LEN + i);
        let kind = match kind {
            Kind::Void => TypeKind::Void,
            Kind::Int => {
                let word = extra(0)?;
                TypeKind::Int {
                    size: size_or_type,
                    encoding: IntEncoding::from_bits((word >> 24) & 0xf),
                    bit_offset: ((word >> 16) & 0xff) as u8,
                    bits: (word & 0xff) as u8,
                }
            }
            Kind::Ptr => TypeKind::Ptr(size_or_type),
            Kind::Array => TypeKind::Array {
                elem: extra(0)?,
                index: extra(4)?,
                len: extra(8)?,
            },
            Kind::Struct | Kind::Union => {
                let mut members = Vec::with_capacity(vlen);
                for i in 0..vlen {
                    let base = 12 * i;
                    let raw_off = extra(base + 8)?;
                    let (bit_offset, bitfield_size) = if kflag {
                        (raw_off & 0xff_ffff, raw_off >> 24)
                    } else {
                        (raw_off, 0)
                    };
                    members.push(Member {
                        name: names.string_at(extra(base)?)?,
                        ty: extra(base + 4)?,
                        bit_offset,
                        bitfield_size,
                    });
                }
                if kind == Kind::Struct {
                    TypeKind::Struct {
                        size: size_or_type,
                        members,
                    }
                } else {
                    TypeKind::Union {
                        size: size_or_type,
                        members,
                    }
                }
            }
            Kind::Enum => {
                let mut values = Vec::with_capacity(vlen);
                for i in 0..vlen {
                    let raw = extra(8 * i + 4)?;
                    let value = if kflag { raw as i32 as i64 } else { raw as i64 };
                    values.push(Enumerator {
                        name: names.string_at(extra(8 * i)?)?,
                        value,
                    });
                }
                TypeKind::Enum {
                    size: size_or_type,
                    signed: kflag,
                    is64: false,
                    values,
                }
            }
            Kind::Enum64 => {
                let mut values = Vec::with_capacity(vlen);
                for i in 0..vlen {
                    let lo = extra(12 * i + 4)? as u64;
                    let hi = extra(12 * i + 8)? as u64;
                    let name = names.string_at(extra(12 * i)?)?;
                    values.push(Enumerator {
                        name,
                        value: (hi << 32 | lo) as i64,
                    });
                }
                TypeKind::Enum {
                    size: size_or_type,
                    signed: kflag,
                    is64: true,
                    values,
                }
            }
            Kind::Fwd => TypeKind::Fwd { is_union: kflag },
            Kind::Typedef => TypeKind::Typedef(size_or_type),
            Kind::Volatile => TypeKind::Volatile(size_or_type),
            Kind::Const => TypeKind::Const(size_or_type),
            Kind::Restrict => TypeKind::Restrict(size_or_type),
            Kind::TypeTag => TypeKind::TypeTag(size_or_type),
            Kind::Func => TypeKind::Func {
                proto: size_or_type,
                linkage: Linkage::from_raw(vlen as u32),
            },
            Kind::FuncProto => {
                let mut params = Vec::with_capacity(vlen);
                for i in 0..vlen {
                    params.push(Param {
                        name: names.string_at(extra(8 * i)?)?,
                        ty: extra(8 * i + 4)?,
                    });
                }
                // A trailing unnamed parameter of type void marks `...`.
                let variadic = params
                    .last()
                    .is_some_and(|p| p.ty == 0 && p.name.is_empty());
                if variadic {
                    params.pop();
                }
                TypeKind::FuncProto {
                    ret: size_or_type,
                    params,
                    variadic,
                }
            }
            Kind::Var => TypeKind::Var {
                ty: size_or_type,
                linkage: Linkage::from_raw(extra(0)?),
            },
            Kind::Datasec => {
                let mut vars = Vec::with_capacity(vlen);
                for i in 0..vlen {
                    vars.push(VarSecInfo {
                        ty: extra(12 * i)?,
                        offset: extra(12 * i + 4)?,
                        size: extra(12 * i + 8)?,
                    });
                }
                TypeKind::Datasec {
                    size: size_or_type,
                    vars,
                }
            }
            Kind::Float => TypeKind::Float { size: size_or_type },
            Kind::DeclTag => TypeKind::DeclTag {
                target: size_or_type,
                component_idx: extra(0)? as i32,
            },
        };
        Ok(Type { id, name, kind })
    }

    /// All ids (including the base's) whose type is named `name`, in id order.
    pub fn ids_by_name(&self, name: &str) -> Vec<TypeId> {
        let mut out = match &self.base {
            Some(b) => b.ids_by_name(name),
            None => Vec::new(),
        };
        let index = self.names.get_or_init(|| NameIndex::build(self));
        out.extend(index.lookup(self, name.as_bytes()));
        out
    }

    /// The first type named `name` whose kind is `kind`.
    pub fn find_by_name_kind(&self, name: &str, kind: Kind) -> Result<Option<TypeId>> {
        for id in self.ids_by_name(name) {
            if self.kind_of(id)? == kind {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// Names of all FUNC types (for expanding `kernel.function("*")`-style wildcards).
    /// Records with unreadable names are skipped.
    pub fn func_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.all_ids().filter_map(move |id| match self.kind_of(id) {
            Ok(Kind::Func) => self.name_of(id).ok(),
            _ => None,
        })
    }

    /// Every valid non-void id, base ids first for split BTF.
    pub fn all_ids(&self) -> std::ops::Range<TypeId> {
        1..self.type_count()
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| BtfError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Walks the type section once, recording where each record starts and checking that it
/// lies entirely inside the section.
fn index_records(section: &[u8], endian: Endian, first_id: u32) -> Result<Vec<u32>> {
    // Smallest record is 12 bytes; the estimate avoids most reallocations for vmlinux.
    let mut offsets = Vec::with_capacity(section.len() / 24);
    let mut off = 0usize;
    while off < section.len() {
        let id = first_id.saturating_add(offsets.len() as u32);
        let info = endian
            .u32_at(section, off + 4)
            .filter(|_| off + RECORD_HEADER_LEN <= section.len())
            .ok_or(BtfError::Truncated {
                what: "type record",
                offset: off,
            })?;
        let raw = ((info >> 24) & 0x1f) as u8;
        let kind = Kind::from_raw(raw).ok_or(BtfError::UnknownKind { id, kind: raw })?;
        if kind == Kind::Void {
            return Err(BtfError::UnknownKind { id, kind: raw });
        }
        let len = RECORD_HEADER_LEN + kind.trailing_len(info & 0xffff);
        if off + len > section.len() {
            return Err(BtfError::Truncated {
                what: "type record",
                offset: off,
            });
        }
        let off32 =
            u32::try_from(off).map_err(|_| BtfError::BadHeader("type section too large"))?;
        offsets.push(off32);
        off += len;
        if offsets.len() >= u32::MAX as usize - first_id as usize {
            return Err(BtfError::BadHeader("too many types"));
        }
    }
    Ok(offsets)
}

/// Local named types sorted by name; looked up by binary search.
struct NameIndex {
    /// (string offset relative to the local string section or base, name length, id)
    entries: Vec<(u32, u32, TypeId)>,
}

impl NameIndex {
    fn build(btf: &Btf) -> NameIndex {
        let mut entries = Vec::with_capacity(btf.offsets.len());
        for (i, &off) in btf.offsets.iter().enumerate() {
            let Ok(name_off) = btf.u32_in_types(off as usize) else {
                continue;
            };
            if name_off == 0 {
                continue;
            }
            let Some(len) = btf.name_bytes(name_off).map(|n| n.len()) else {
                continue;
            };
            if len > 0 {
                entries.push((name_off, len as u32, btf.first_id + i as u32));
            }
        }
        // Lengths are known now, so comparisons slice directly instead of scanning for NUL.
        entries.sort_unstable_by(|a, b| {
            NameIndex::key(btf, a)
                .cmp(NameIndex::key(btf, b))
                .then(a.2.cmp(&b.2))
        });
        NameIndex { entries }
    }

    fn key<'b>(btf: &'b Btf, e: &(u32, u32, TypeId)) -> &'b [u8] {
        let (off, len) = (e.0, e.1 as usize);
        if off < btf.str_base {
            return btf.name_bytes(off).unwrap_or(&[]);
        }
        let start = btf.strings.start + (off - btf.str_base) as usize;
        btf.data.get(start..start + len).unwrap_or(&[])
    }

    fn lookup<'s>(&'s self, btf: &'s Btf, name: &'s [u8]) -> impl Iterator<Item = TypeId> + 's {
        let start = self
            .entries
            .partition_point(|e| NameIndex::key(btf, e) < name);
        self.entries[start..]
            .iter()
            .take_while(move |e| NameIndex::key(btf, e) == name)
            .map(|e| e.2)
    }
}

impl Btf {
    /// Raw name bytes at a string offset, looking through to the base for low offsets.
    fn name_bytes(&self, off: u32) -> Option<&[u8]> {
        if off < self.str_base {
            return self.base.as_ref()?.name_bytes(off);
        }
        self.string_bytes(off).ok()
    }
}
