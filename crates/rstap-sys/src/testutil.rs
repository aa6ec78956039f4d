//! Helpers shared by this crate's tests: root check and tiny hand-encoded programs.

use crate::bpf::{Map, MapType};
use crate::maps::MapOps;

/// Whether tests that need the kernel's BPF can run (skips print a note).
pub(crate) fn is_root(what: &str) -> bool {
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    if !root {
        eprintln!("skipped: {what} needs root");
    }
    root
}

/// One encoded instruction: opcode, dst, src, offset, immediate.
pub(crate) fn insn(op: u8, dst: u8, src: u8, off: i16, imm: i32) -> u64 {
    u64::from(op)
        | (u64::from(dst & 0xf) << 8)
        | (u64::from(src & 0xf) << 12)
        | (u64::from(off as u16) << 16)
        | (u64::from(imm as u32) << 32)
}

/// `ld_imm64 dst, map` with BPF_PSEUDO_MAP_FD: two slots.
pub(crate) fn ld_map_fd(dst: u8, fd: i32) -> [u64; 2] {
    [insn(0x18, dst, 1, 0, fd), 0]
}

/// A one-slot u64 array map used as an event counter.
pub(crate) fn counter_map() -> Map {
    Map::create(MapType::Array, "rstap_count", 4, 8, 1, 0).unwrap()
}

/// The counter's value.
pub(crate) fn counter(map: &Map) -> u64 {
    let v = map.lookup(&0u32.to_ne_bytes()).unwrap().unwrap();
    u64::from_ne_bytes(v.try_into().unwrap())
}

/// A program that atomically adds 1 to slot 0 of `map` and returns 0.
pub(crate) fn counting_prog(map: &Map) -> Vec<u64> {
    let mut p = vec![
        insn(0x62, 10, 0, -4, 0), // *(u32 *)(r10 - 4) = 0
        insn(0xbf, 2, 10, 0, 0),  // r2 = r10
        insn(0x07, 2, 0, 0, -4),  // r2 += -4
    ];
    p.extend(ld_map_fd(1, map.fd())); // r1 = map
    p.extend([
        insn(0x85, 0, 0, 0, 1), // call bpf_map_lookup_elem
        insn(0x15, 0, 0, 2, 0), // if r0 == 0 goto +2
        insn(0xb7, 1, 0, 0, 1), // r1 = 1
        insn(0xdb, 0, 1, 0, 0), // lock *(u64 *)(r0 + 0) += r1
        insn(0xb7, 0, 0, 0, 0), // r0 = 0
        insn(0x95, 0, 0, 0, 0), // exit
    ]);
    p
}
