//! Malformed input must come back as an error, never a panic: random bytes, truncations
//! and byte flips of a valid blob (the live kernel's when present), with every query run
//! over whatever parses.

use proptest::prelude::*;
use rstap_btf::{Btf, BtfBuilder, BtfError, IntEncoding, Linkage, MemberSpec};

/// A blob with every query-relevant kind, small enough to mutate exhaustively.
fn small_blob() -> Vec<u8> {
    let mut b = BtfBuilder::new();
    let int = b.add_int(
        "int",
        4,
        IntEncoding {
            signed: true,
            ..Default::default()
        },
    );
    let arr = b.add_array(int, int, 4);
    let inner = b.add_union("", 4, &[MemberSpec::new("u", int, 0)]);
    let s = b.add_struct(
        "s",
        24,
        &[
            MemberSpec::new("a", arr, 0),
            MemberSpec::new("", inner, 128),
            MemberSpec::bitfield("f", int, 160, 3),
        ],
    );
    let ptr = b.add_ptr(s);
    let td = b.add_typedef("s_t", ptr);
    b.add_const(td);
    b.add_enum("e", 4, false, &[("E0", 0), ("E1", 1)]);
    b.add_enum64("e64", 8, true, &[("F", -5)]);
    let proto = b.add_func_proto(int, &[("p", td)], true);
    b.add_func("f", proto, Linkage::Global);
    let proto_ptr = b.add_ptr(proto);
    b.add_typedef("btf_trace_ev", proto_ptr);
    b.add_fwd("fw", false);
    b.add_float("float", 4);
    let v = b.add_var("v", int, Linkage::Global);
    b.add_datasec(".bss", 4, &[(v, 0, 4)]);
    b.add_decl_tag("tag", s, 0);
    b.add_type_tag("tt", s);
    b.finish()
}

/// Runs every query over every id; results are ignored, only panics matter.
fn exercise(btf: &Btf) {
    let limit = btf.type_count().min(64) + 2;
    for id in 0..limit {
        let _ = btf.type_by_id(id);
        let _ = btf.type_name(id);
        let _ = btf.size_of(id);
        let _ = btf.align_of(id);
        let _ = btf.resolve(id);
        let _ = btf.find_member(id, "u");
        let _ = btf.find_member(id, "f");
        let _ = btf.array_info(id);
        let _ = btf.pointee(id);
        let _ = btf.int_info(id);
        let _ = btf.enum_value(id, "E1");
        let _ = btf.enum_name(id, 1);
    }
    let _ = btf.ids_by_name("s");
    let _ = btf.function("f");
    let _ = btf.tracepoint_args("ev");
    let _ = btf.find_enumerator("F");
    let _ = btf.func_names().count();
    let _ = btf.tracepoint_names().count();
}

fn parse_and_exercise(bytes: Vec<u8>) {
    if let Ok(btf) = Btf::from_bytes(bytes) {
        exercise(&btf);
    }
}

#[test]
fn small_blob_is_valid() {
    let btf = Btf::from_bytes(small_blob()).unwrap();
    assert_eq!(btf.find_member(4, "u").unwrap().unwrap().bit_offset, 128);
    exercise(&btf);
}

#[test]
fn every_truncation_and_byte_flip_of_small_blob() {
    let blob = small_blob();
    for len in 0..blob.len() {
        parse_and_exercise(blob[..len].to_vec());
    }
    for i in 0..blob.len() {
        for v in [0x00, 0x01, 0x7f, 0x80, 0xff, blob[i] ^ 0x10] {
            let mut copy = blob.clone();
            copy[i] = v;
            parse_and_exercise(copy);
        }
    }
}

type ErrorCheck = fn(&BtfError) -> bool;

#[test]
fn header_errors_are_typed() {
    let blob = small_blob();
    let cases: Vec<(Vec<u8>, ErrorCheck)> = vec![
        (vec![], |e| matches!(e, BtfError::Truncated { .. })),
        (blob[..10].to_vec(), |e| {
            matches!(e, BtfError::Truncated { .. })
        }),
        (with(&blob, 0, 0), |e| matches!(e, BtfError::BadMagic(_))),
        (with(&blob, 2, 2), |e| {
            matches!(e, BtfError::UnsupportedVersion(2))
        }),
        (with(&blob, 16, 0xff), |e| {
            matches!(e, BtfError::BadHeader(_))
        }),
        (blob[..blob.len() - 1].to_vec(), |e| {
            matches!(e, BtfError::BadHeader(_))
        }),
    ];
    for (i, (bytes, check)) in cases.into_iter().enumerate() {
        let err = Btf::from_bytes(bytes).expect_err("must fail");
        assert!(check(&err), "case {i}: {err}");
        assert!(!err.to_string().is_empty());
    }
}

fn with(blob: &[u8], at: usize, value: u8) -> Vec<u8> {
    let mut copy = blob.to_vec();
    copy[at] = value;
    copy
}

/// Mutations of the live kernel blob, with a fixed-seed generator so failures reproduce.
#[test]
fn mutated_vmlinux_never_panics() {
    let Ok(blob) = std::fs::read(rstap_btf::VMLINUX_PATH) else {
        eprintln!("skipping: {} unreadable", rstap_btf::VMLINUX_PATH);
        return;
    };
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..12 {
        let mut copy = blob.clone();
        if round % 3 == 0 {
            copy.truncate((next() as usize) % blob.len());
        } else {
            // Flips concentrated in the first records so the queries below hit them.
            for _ in 0..32 {
                let window = if round % 3 == 1 { 4096 } else { copy.len() };
                let at = (next() as usize) % window.min(copy.len());
                copy[at] = next() as u8;
            }
        }
        parse_and_exercise(copy);
    }
}

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        parse_and_exercise(bytes);
    }

    #[test]
    fn random_bytes_behind_valid_header_never_panic(
        body in proptest::collection::vec(any::<u8>(), 0..256),
        str_len in 0u32..64,
    ) {
        let type_len = (body.len() as u32).saturating_sub(str_len);
        let mut bytes = vec![0x9f, 0xeb, 1, 0];
        for w in [24, 0, type_len, type_len, body.len() as u32 - type_len] {
            bytes.extend_from_slice(&w.to_le_bytes());
        }
        bytes.extend_from_slice(&body);
        parse_and_exercise(bytes);
    }

    #[test]
    fn random_line_info_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..96)) {
        let _ = rstap_btf::decode_line_infos(&bytes);
        let _ = rstap_btf::decode_func_infos(&bytes);
        if let Ok(table) = rstap_btf::LineTable::from_parts(small_blob(), &bytes[..bytes.len() / 8 * 8], &bytes[..bytes.len() / 16 * 16]) {
            for insn in [0, 1, 7, u32::MAX] {
                let _ = table.lookup(insn);
            }
        }
    }
}
