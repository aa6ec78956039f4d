//! bpf(2) maps: creation and element operations on a kernel-owned map.

use crate::maps::{MapError, MapOps, UpdateFlag};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

const BPF_MAP_CREATE: libc::c_long = 0;
const BPF_MAP_LOOKUP_ELEM: libc::c_long = 1;
const BPF_MAP_UPDATE_ELEM: libc::c_long = 2;
const BPF_MAP_DELETE_ELEM: libc::c_long = 3;
const BPF_MAP_GET_NEXT_KEY: libc::c_long = 4;
const BPF_MAP_FREEZE: libc::c_long = 22;

/// Kernel map types this crate creates (`enum bpf_map_type` numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapType {
    Hash = 1,
    Array = 2,
    ProgArray = 3,
    PerfEventArray = 4,
    PercpuHash = 5,
    PercpuArray = 6,
    StackTrace = 7,
    LruHash = 9,
    LruPercpuHash = 10,
    Ringbuf = 27,
}

/// An `union bpf_attr` image: 128 zeroed bytes written field by field.
pub(crate) struct Attr(pub(crate) [u8; 128]);

impl MapType {
    /// Whether the kernel keeps one value per possible CPU for each key.
    pub fn is_percpu(self) -> bool {
        matches!(
            self,
            MapType::PercpuHash | MapType::PercpuArray | MapType::LruPercpuHash
        )
    }
}

impl Attr {
    pub(crate) fn new() -> Self {
        Attr([0; 128])
    }
    pub(crate) fn u32(&mut self, off: usize, v: u32) {
        self.0[off..off + 4].copy_from_slice(&v.to_ne_bytes());
    }
    pub(crate) fn u64(&mut self, off: usize, v: u64) {
        self.0[off..off + 8].copy_from_slice(&v.to_ne_bytes());
    }
    pub(crate) fn get_u32(&self, off: usize) -> u32 {
        let mut b = [0u8; 4];
        b.copy_from_slice(&self.0[off..off + 4]);
        u32::from_ne_bytes(b)
    }
}

pub(crate) fn sys_bpf(cmd: libc::c_long, attr: &mut Attr) -> Result<libc::c_long, i32> {
    // SAFETY: attr points to 128 writable bytes, at least the size the kernel reads
    // for these commands, and every pointer stored in it outlives the call.
    let r = unsafe {
        libc::syscall(
            libc::SYS_bpf,
            cmd,
            attr.0.as_mut_ptr(),
            attr.0.len() as libc::c_uint,
        )
    };
    if r < 0 {
        Err(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EIO))
    } else {
        Ok(r)
    }
}

/// A kernel BPF map, closed on drop.
#[derive(Debug)]
pub struct Map {
    fd: OwnedFd,
    ty: MapType,
    key_size: usize,
    value_size: usize,
    max_entries: u32,
    /// Number of possible CPUs for per-CPU maps, 1 otherwise.
    ncpus: usize,
}

impl Map {
    /// Creates a map; `name` is cut to 15 bytes as the kernel requires.
    pub fn create(
        ty: MapType,
        name: &str,
        key_size: u32,
        value_size: u32,
        max_entries: u32,
        flags: u32,
    ) -> Result<Map, MapError> {
        let ncpus = if ty.is_percpu() {
            crate::discovery::possible_cpus()
                .map_err(|e| MapError {
                    op: "create",
                    errno: e.raw_os_error().unwrap_or(libc::EIO),
                })?
                .len()
                .max(1)
        } else {
            1
        };
        let mut a = Attr::new();
        a.u32(0, ty as u32);
        a.u32(4, key_size);
        a.u32(8, value_size);
        a.u32(12, max_entries);
        a.u32(16, flags);
        let n = name.len().min(15);
        a.0[28..28 + n].copy_from_slice(&name.as_bytes()[..n]);
        let fd = sys_bpf(BPF_MAP_CREATE, &mut a).map_err(|errno| MapError {
            op: "create",
            errno,
        })?;
        // SAFETY: a successful BPF_MAP_CREATE returns a new fd that nothing else owns.
        let fd = unsafe { OwnedFd::from_raw_fd(fd as i32) };
        Ok(Map {
            fd,
            ty,
            key_size: key_size as usize,
            value_size: value_size as usize,
            max_entries,
            ncpus,
        })
    }

    /// Makes the map read-only for userspace from now on; a map created with
    /// `BPF_F_RDONLY_PROG` must be frozen before programs may rely on its contents
    /// (constant format strings for `bpf_snprintf`).
    pub fn freeze(&self) -> Result<(), MapError> {
        let mut a = Attr::new();
        a.u32(0, self.fd.as_raw_fd() as u32);
        sys_bpf(BPF_MAP_FREEZE, &mut a)
            .map(|_| ())
            .map_err(|errno| MapError {
                op: "freeze",
                errno,
            })
    }

    /// The map's descriptor (borrowed; the map still owns it).
    pub fn fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    /// The type the map was created with.
    pub fn map_type(&self) -> MapType {
        self.ty
    }

    /// The `max_entries` the map was created with (data size for ring buffers).
    pub fn max_entries(&self) -> u32 {
        self.max_entries
    }

    /// Number of values per key: possible CPUs for per-CPU maps, else 1.
    pub fn values_per_key(&self) -> usize {
        self.ncpus
    }

    /// Per-CPU slot stride in the kernel buffer: value size rounded up to 8.
    fn stride(&self) -> usize {
        if self.ty.is_percpu() {
            self.value_size.div_ceil(8) * 8
        } else {
            self.value_size
        }
    }

    /// Looks `key` up returning one value per possible CPU (one value for other maps).
    pub fn lookup_percpu(&self, key: &[u8]) -> Result<Option<Vec<Vec<u8>>>, MapError> {
        let stride = self.stride();
        let mut out = vec![0u8; stride * self.ncpus];
        match self.elem(
            BPF_MAP_LOOKUP_ELEM,
            "lookup",
            Some(key),
            out.as_mut_ptr() as u64,
            0,
        ) {
            Ok(()) => Ok(Some(
                out.chunks(stride)
                    .map(|c| c[..self.value_size].to_vec())
                    .collect(),
            )),
            Err(e) if e.errno == libc::ENOENT => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Sets one value per possible CPU (`values.len()` must equal [`Map::values_per_key`]).
    pub fn update_percpu(
        &mut self,
        key: &[u8],
        values: &[Vec<u8>],
        flag: UpdateFlag,
    ) -> Result<(), MapError> {
        let einval = MapError {
            op: "update",
            errno: libc::EINVAL,
        };
        if values.len() != self.ncpus || values.iter().any(|v| v.len() != self.value_size) {
            return Err(einval);
        }
        let stride = self.stride();
        let mut buf = vec![0u8; stride * self.ncpus];
        for (slot, v) in buf.chunks_mut(stride).zip(values) {
            slot[..v.len()].copy_from_slice(v);
        }
        self.elem(
            BPF_MAP_UPDATE_ELEM,
            "update",
            Some(key),
            buf.as_ptr() as u64,
            flag as u64,
        )
    }

    /// Every key currently in the map, in the kernel's iteration order.
    pub fn keys(&self) -> Result<Vec<Vec<u8>>, MapError> {
        let mut keys = Vec::new();
        let mut cur: Option<Vec<u8>> = None;
        while let Some(k) = self.next_key(cur.as_deref())? {
            keys.push(k.clone());
            cur = Some(k);
            if keys.len() > self.max_entries as usize {
                // A concurrently changing hash can restart iteration; stop at capacity.
                break;
            }
        }
        Ok(keys)
    }

    fn elem(
        &self,
        cmd: libc::c_long,
        op: &'static str,
        key: Option<&[u8]>,
        val: u64,
        flags: u64,
    ) -> Result<(), MapError> {
        if key.is_some_and(|k| k.len() != self.key_size) {
            return Err(MapError {
                op,
                errno: libc::EINVAL,
            });
        }
        let mut a = Attr::new();
        a.u32(0, self.fd.as_raw_fd() as u32);
        a.u64(8, key.map_or(0, |k| k.as_ptr() as u64));
        a.u64(16, val);
        a.u64(24, flags);
        sys_bpf(cmd, &mut a)
            .map(|_| ())
            .map_err(|errno| MapError { op, errno })
    }
}

impl MapOps for Map {
    fn key_size(&self) -> usize {
        self.key_size
    }
    fn value_size(&self) -> usize {
        self.value_size
    }
    /// On per-CPU maps this returns CPU 0's value; use [`Map::lookup_percpu`] for all.
    fn lookup(&self, key: &[u8]) -> Result<Option<Vec<u8>>, MapError> {
        if self.ty.is_percpu() {
            return Ok(self.lookup_percpu(key)?.map(|mut v| v.swap_remove(0)));
        }
        let mut out = vec![0u8; self.value_size];
        match self.elem(
            BPF_MAP_LOOKUP_ELEM,
            "lookup",
            Some(key),
            out.as_mut_ptr() as u64,
            0,
        ) {
            Ok(()) => Ok(Some(out)),
            Err(e) if e.errno == libc::ENOENT => Ok(None),
            Err(e) => Err(e),
        }
    }
    /// On per-CPU maps this stores `value` on every possible CPU.
    fn update(&mut self, key: &[u8], value: &[u8], flag: UpdateFlag) -> Result<(), MapError> {
        if value.len() != self.value_size {
            return Err(MapError {
                op: "update",
                errno: libc::EINVAL,
            });
        }
        if self.ty.is_percpu() {
            let all = vec![value.to_vec(); self.ncpus];
            return self.update_percpu(key, &all, flag);
        }
        self.elem(
            BPF_MAP_UPDATE_ELEM,
            "update",
            Some(key),
            value.as_ptr() as u64,
            flag as u64,
        )
    }
    fn delete(&mut self, key: &[u8]) -> Result<(), MapError> {
        self.elem(BPF_MAP_DELETE_ELEM, "delete", Some(key), 0, 0)
    }
    fn next_key(&self, key: Option<&[u8]>) -> Result<Option<Vec<u8>>, MapError> {
        let mut out = vec![0u8; self.key_size];
        match self.elem(
            BPF_MAP_GET_NEXT_KEY,
            "get_next_key",
            key,
            out.as_mut_ptr() as u64,
            0,
        ) {
            Ok(()) => Ok(Some(out)),
            Err(e) if e.errno == libc::ENOENT => Ok(None),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_and_array_round_trip() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("skipped: bpf map tests need root");
            return;
        }
        for ty in [MapType::Hash, MapType::LruHash, MapType::Array] {
            let mut m = Map::create(ty, "rstap_test", 4, 8, 4, 0).unwrap();
            let k = 1u32.to_ne_bytes();
            let v = 42u64.to_ne_bytes();
            m.update(&k, &v, UpdateFlag::Any).unwrap();
            assert_eq!(m.lookup(&k).unwrap(), Some(v.to_vec()), "{ty:?}");
            if ty != MapType::Array {
                assert_eq!(
                    m.update(&k, &v, UpdateFlag::NoExist).unwrap_err().errno,
                    libc::EEXIST
                );
                m.delete(&k).unwrap();
                assert_eq!(m.lookup(&k).unwrap(), None, "{ty:?}");
            }
        }
    }

    #[test]
    fn percpu_round_trip_and_keys() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("skipped: bpf map tests need root");
            return;
        }
        let ncpu = crate::discovery::possible_cpus().unwrap().len();
        // Value size 12 exercises the round-up-to-8 stride.
        for ty in [MapType::PercpuArray, MapType::PercpuHash] {
            let mut m = Map::create(ty, "rstap_pcpu", 4, 12, 8, 0).unwrap();
            assert_eq!(m.map_type(), ty);
            assert_eq!(m.max_entries(), 8);
            assert_eq!(m.values_per_key(), ncpu);
            assert!(m.fd() >= 0);
            let k = 3u32.to_ne_bytes();
            let vals: Vec<Vec<u8>> = (0..ncpu).map(|c| vec![c as u8 + 1; 12]).collect();
            m.update_percpu(&k, &vals, UpdateFlag::Any).unwrap();
            assert_eq!(m.lookup_percpu(&k).unwrap(), Some(vals.clone()), "{ty:?}");
            assert_eq!(m.lookup(&k).unwrap(), Some(vals[0].clone()), "{ty:?}");
            m.update(&k, &[9; 12], UpdateFlag::Any).unwrap();
            assert_eq!(m.lookup_percpu(&k).unwrap(), Some(vec![vec![9; 12]; ncpu]));
            assert_eq!(
                m.update_percpu(&k, &vals[..0], UpdateFlag::Any)
                    .unwrap_err()
                    .errno,
                libc::EINVAL
            );
            let keys = m.keys().unwrap();
            if ty == MapType::PercpuArray {
                assert_eq!(keys.len(), 8);
            } else {
                assert_eq!(keys, vec![k.to_vec()]);
                assert_eq!(m.lookup_percpu(&[0; 4]).unwrap(), None);
            }
        }
        let mut h = Map::create(MapType::Hash, "rstap_keys", 4, 4, 16, 0).unwrap();
        for i in 0..5u32 {
            h.update(&i.to_ne_bytes(), &[0; 4], UpdateFlag::Any)
                .unwrap();
        }
        let mut keys = h.keys().unwrap();
        keys.sort();
        let mut want: Vec<Vec<u8>> = (0..5u32).map(|i| i.to_ne_bytes().to_vec()).collect();
        want.sort();
        assert_eq!(keys, want);
    }
}
