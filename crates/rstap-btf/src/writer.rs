//! Building a BTF blob from scratch (little-endian, the byte order of the BPF targets rstap
//! supports). Strings are deduplicated; ids are handed out in insertion order from 1.

use std::collections::HashMap;

use crate::btf::{BTF_MAGIC, HEADER_LEN};
use crate::types::{IntEncoding, Kind, Linkage, TypeId};

/// A struct/union member to write. `bitfield_size` 0 means an ordinary member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberSpec {
    pub name: String,
    pub ty: TypeId,
    pub bit_offset: u32,
    pub bitfield_size: u32,
}

impl MemberSpec {
    pub fn new(name: &str, ty: TypeId, bit_offset: u32) -> MemberSpec {
        MemberSpec {
            name: name.to_string(),
            ty,
            bit_offset,
            bitfield_size: 0,
        }
    }

    pub fn bitfield(name: &str, ty: TypeId, bit_offset: u32, bits: u32) -> MemberSpec {
        MemberSpec {
            name: name.to_string(),
            ty,
            bit_offset,
            bitfield_size: bits,
        }
    }
}

/// Accumulates strings and type records and serialises them into a BTF blob.
#[derive(Debug, Clone)]
pub struct BtfBuilder {
    strings: Vec<u8>,
    string_offsets: HashMap<String, u32>,
    types: Vec<u8>,
    next_id: TypeId,
}

impl Default for BtfBuilder {
    fn default() -> Self {
        BtfBuilder::new()
    }
}

impl BtfBuilder {
    pub fn new() -> BtfBuilder {
        let mut string_offsets = HashMap::new();
        string_offsets.insert(String::new(), 0);
        BtfBuilder {
            strings: vec![0],
            string_offsets,
            types: Vec::new(),
            next_id: 1,
        }
    }

    /// Adds `s` to the string section (once) and returns its offset. An interior NUL would
    /// cut the string short, so the text is truncated there.
    pub fn add_string(&mut self, s: &str) -> u32 {
        let s = s.split('\0').next().unwrap_or("");
        if let Some(&off) = self.string_offsets.get(s) {
            return off;
        }
        let off = self.strings.len() as u32;
        self.strings.extend_from_slice(s.as_bytes());
        self.strings.push(0);
        self.string_offsets.insert(s.to_string(), off);
        off
    }

    /// Id the next added type will get.
    pub fn next_id(&self) -> TypeId {
        self.next_id
    }

    fn push_u32(&mut self, v: u32) {
        self.types.extend_from_slice(&v.to_le_bytes());
    }

    fn record(
        &mut self,
        name: &str,
        kind: Kind,
        vlen: usize,
        kflag: bool,
        size_or_type: u32,
    ) -> TypeId {
        let name_off = self.add_string(name);
        let info = (kflag as u32) << 31 | (kind as u32) << 24 | (vlen as u32 & 0xffff);
        self.push_u32(name_off);
        self.push_u32(info);
        self.push_u32(size_or_type);
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    pub fn add_int(&mut self, name: &str, size: u32, encoding: IntEncoding) -> TypeId {
        let id = self.record(name, Kind::Int, 0, false, size);
        self.push_u32(encoding.bits() << 24 | size.saturating_mul(8).min(128));
        id
    }

    pub fn add_ptr(&mut self, target: TypeId) -> TypeId {
        self.record("", Kind::Ptr, 0, false, target)
    }

    pub fn add_array(&mut self, elem: TypeId, index: TypeId, len: u32) -> TypeId {
        let id = self.record("", Kind::Array, 0, false, 0);
        self.push_u32(elem);
        self.push_u32(index);
        self.push_u32(len);
        id
    }

    pub fn add_struct(&mut self, name: &str, size: u32, members: &[MemberSpec]) -> TypeId {
        self.composite(name, Kind::Struct, size, members)
    }

    pub fn add_union(&mut self, name: &str, size: u32, members: &[MemberSpec]) -> TypeId {
        self.composite(name, Kind::Union, size, members)
    }

    fn composite(&mut self, name: &str, kind: Kind, size: u32, members: &[MemberSpec]) -> TypeId {
        let kflag = members.iter().any(|m| m.bitfield_size != 0);
        let id = self.record(name, kind, members.len(), kflag, size);
        for m in members {
            let name_off = self.add_string(&m.name);
            self.push_u32(name_off);
            self.push_u32(m.ty);
            let off = if kflag {
                m.bitfield_size << 24 | (m.bit_offset & 0xff_ffff)
            } else {
                m.bit_offset
            };
            self.push_u32(off);
        }
        id
    }

    /// A 32-bit-valued enum (ENUM record).
    pub fn add_enum(
        &mut self,
        name: &str,
        size: u32,
        signed: bool,
        values: &[(&str, i32)],
    ) -> TypeId {
        let id = self.record(name, Kind::Enum, values.len(), signed, size);
        for (n, v) in values {
            let off = self.add_string(n);
            self.push_u32(off);
            self.push_u32(*v as u32);
        }
        id
    }

    /// A 64-bit-valued enum (ENUM64 record).
    pub fn add_enum64(
        &mut self,
        name: &str,
        size: u32,
        signed: bool,
        values: &[(&str, i64)],
    ) -> TypeId {
        let id = self.record(name, Kind::Enum64, values.len(), signed, size);
        for (n, v) in values {
            let off = self.add_string(n);
            self.push_u32(off);
            self.push_u32(*v as u64 as u32);
            self.push_u32((*v as u64 >> 32) as u32);
        }
        id
    }

    pub fn add_fwd(&mut self, name: &str, is_union: bool) -> TypeId {
        self.record(name, Kind::Fwd, 0, is_union, 0)
    }

    pub fn add_typedef(&mut self, name: &str, target: TypeId) -> TypeId {
        self.record(name, Kind::Typedef, 0, false, target)
    }

    pub fn add_volatile(&mut self, target: TypeId) -> TypeId {
        self.record("", Kind::Volatile, 0, false, target)
    }

    pub fn add_const(&mut self, target: TypeId) -> TypeId {
        self.record("", Kind::Const, 0, false, target)
    }

    pub fn add_restrict(&mut self, target: TypeId) -> TypeId {
        self.record("", Kind::Restrict, 0, false, target)
    }

    pub fn add_type_tag(&mut self, tag: &str, target: TypeId) -> TypeId {
        self.record(tag, Kind::TypeTag, 0, false, target)
    }

    pub fn add_func_proto(
        &mut self,
        ret: TypeId,
        params: &[(&str, TypeId)],
        variadic: bool,
    ) -> TypeId {
        let vlen = params.len() + variadic as usize;
        let id = self.record("", Kind::FuncProto, vlen, false, ret);
        for (n, t) in params {
            let off = self.add_string(n);
            self.push_u32(off);
            self.push_u32(*t);
        }
        if variadic {
            self.push_u32(0);
            self.push_u32(0);
        }
        id
    }

    pub fn add_func(&mut self, name: &str, proto: TypeId, linkage: Linkage) -> TypeId {
        self.record(name, Kind::Func, linkage.raw() as usize, false, proto)
    }

    pub fn add_var(&mut self, name: &str, ty: TypeId, linkage: Linkage) -> TypeId {
        let id = self.record(name, Kind::Var, 0, false, ty);
        self.push_u32(linkage.raw());
        id
    }

    /// `vars` are (VAR id, offset, size) triples.
    pub fn add_datasec(&mut self, name: &str, size: u32, vars: &[(TypeId, u32, u32)]) -> TypeId {
        let id = self.record(name, Kind::Datasec, vars.len(), false, size);
        for &(t, off, sz) in vars {
            self.push_u32(t);
            self.push_u32(off);
            self.push_u32(sz);
        }
        id
    }

    pub fn add_float(&mut self, name: &str, size: u32) -> TypeId {
        self.record(name, Kind::Float, 0, false, size)
    }

    /// `component_idx` -1 tags the whole target.
    pub fn add_decl_tag(&mut self, tag: &str, target: TypeId, component_idx: i32) -> TypeId {
        let id = self.record(tag, Kind::DeclTag, 0, false, target);
        self.push_u32(component_idx as u32);
        id
    }

    /// Serialises header, type section and string section.
    pub fn finish(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + self.types.len() + self.strings.len());
        out.extend_from_slice(&BTF_MAGIC.to_le_bytes());
        out.push(1); // version
        out.push(0); // flags
        for v in [
            HEADER_LEN as u32,
            0,
            self.types.len() as u32,
            self.types.len() as u32,
            self.strings.len() as u32,
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.types);
        out.extend_from_slice(&self.strings);
        out
    }
}
