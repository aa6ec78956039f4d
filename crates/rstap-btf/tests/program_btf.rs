//! Program BTF: what the writer produces reads back identically, and instruction offsets
//! map back to script positions through line info.

use rstap_btf::{
    Btf, BtfError, FuncInfo, IntEncoding, LineInfo, LineTable, ProgramBtf, SourceLocation,
    TypeKind, decode_func_infos, decode_line_infos, encode_func_infos, encode_line_infos,
};

fn program() -> ProgramBtf {
    let mut p = ProgramBtf::new();
    let int = p.types.add_int(
        "int",
        4,
        IntEncoding {
            signed: true,
            ..Default::default()
        },
    );
    let ctx = p.types.add_ptr(0);
    let proto = p.types.add_func_proto(int, &[("ctx", ctx)], false);
    p.add_subprogram(0, "probe_0", proto);
    p.add_subprogram(40, "probe_1", proto);
    p.add_line(0, "t.stp", "probe begin { x = 1", 1, 1);
    p.add_line(3, "t.stp", "  printf(\"%d\\n\", x)", 2, 3);
    p.add_line(3, "t.stp", "  printf(\"%d\\n\", x) }", 2, 5);
    p.add_line(40, "lib/other.stp", "probe end { exit() }", 7, 2000);
    p
}

#[test]
fn blob_reads_back() {
    let blob = program().finish();
    assert_eq!((blob.func_info_rec_size, blob.line_info_rec_size), (8, 16));
    let btf = Btf::from_bytes(blob.btf.clone()).unwrap();
    assert_eq!(btf.type_count(), 6);
    let sig = btf.function("probe_1").unwrap().unwrap();
    assert_eq!(btf.type_name(sig.proto).unwrap(), "int (void *ctx)");
    assert_eq!(
        decode_func_infos(&blob.func_info).unwrap(),
        [
            FuncInfo {
                insn_off: 0,
                type_id: 4
            },
            FuncInfo {
                insn_off: 40,
                type_id: 5
            }
        ]
    );
    let lines = decode_line_infos(&blob.line_info).unwrap();
    let summary: Vec<(u32, &str, u32, u32)> = lines
        .iter()
        .map(|l| {
            (
                l.insn_off,
                btf.string_at(l.file_name_off).unwrap(),
                l.line,
                l.col,
            )
        })
        .collect();
    // A second entry at the same offset replaces the first; columns clamp to 10 bits.
    assert_eq!(
        summary,
        [
            (0, "t.stp", 1, 1),
            (3, "t.stp", 2, 5),
            (40, "lib/other.stp", 7, 1023)
        ]
    );
    assert!(matches!(
        btf.type_by_id(4).unwrap().kind,
        TypeKind::Func { .. }
    ));
}

#[test]
fn line_col_packing() {
    let cases = [
        (1, 1, 1 << 10 | 1),
        (2, 1023, 2 << 10 | 1023),
        (3, 5000, 3 << 10 | 1023),
        (0, 0, 0),
    ];
    for (line, col, packed) in cases {
        let li = LineInfo {
            insn_off: 0,
            file_name_off: 0,
            line_off: 0,
            line,
            col,
        };
        assert_eq!(li.line_col(), packed, "line {line} col {col}");
        let bytes = encode_line_infos(&[li]);
        assert_eq!(bytes[12..16], packed.to_le_bytes());
    }
    let fi = [FuncInfo {
        insn_off: 7,
        type_id: 9,
    }];
    assert_eq!(encode_func_infos(&fi), [7, 0, 0, 0, 9, 0, 0, 0]);
    assert!(matches!(
        decode_line_infos(&[0; 15]),
        Err(BtfError::BadRecordArray { .. })
    ));
    assert!(matches!(
        decode_func_infos(&[0; 9]),
        Err(BtfError::BadRecordArray { .. })
    ));
}

#[test]
fn instruction_offsets_map_to_script_lines() {
    let table = LineTable::from_blob(&program().finish()).unwrap();
    let at = |file: &str, line, col, text: &str| {
        Some(SourceLocation {
            file: file.into(),
            line,
            col,
            text: text.into(),
        })
    };
    let cases = [
        (0, at("t.stp", 1, 1, "probe begin { x = 1")),
        (2, at("t.stp", 1, 1, "probe begin { x = 1")),
        (3, at("t.stp", 2, 5, "  printf(\"%d\\n\", x) }")),
        (39, at("t.stp", 2, 5, "  printf(\"%d\\n\", x) }")),
        (40, at("lib/other.stp", 7, 1023, "probe end { exit() }")),
        (1000, at("lib/other.stp", 7, 1023, "probe end { exit() }")),
    ];
    for (insn, want) in cases {
        assert_eq!(table.lookup(insn).unwrap(), want, "insn {insn}");
    }
    let empty = LineTable::from_blob(&ProgramBtf::new().finish()).unwrap();
    assert_eq!(empty.lookup(0).unwrap(), None);
}

#[test]
fn strings_are_deduplicated() {
    let mut p = ProgramBtf::new();
    let a = p.types.add_string("t.stp");
    let b = p.types.add_string("t.stp");
    let empty = p.types.add_string("");
    let cut = p.types.add_string("ab\0cd");
    assert_eq!((a, b, empty), (1, 1, 0));
    let btf = Btf::from_bytes(p.finish().btf).unwrap();
    assert_eq!(btf.string_at(cut).unwrap(), "ab");
}

#[test]
fn validation_follows_kernel_rules() {
    let ok = program();
    assert!(ok.validate(50).is_ok());
    let proto_of = |p: &ProgramBtf| p.func_infos()[0].type_id - 1;

    let mut past_end = program();
    past_end.add_line(60, "t.stp", "x", 9, 1);
    let mut late_start = ProgramBtf::new();
    let proto = late_start.types.add_func_proto(0, &[], false);
    late_start.add_subprogram(4, "f", proto);
    let mut missing_line = program();
    let p = proto_of(&missing_line);
    missing_line.add_subprogram(20, "probe_2", p);
    let mut duplicate = program();
    let p = proto_of(&duplicate);
    duplicate.add_subprogram(40, "again", p);

    let cases = [
        (past_end, 50, "instruction 60 is past"),
        (program(), 40, "instruction 40 is past"),
        (late_start, 10, "starts at instruction 4"),
        (missing_line, 50, "no line info at subprogram start 20"),
        (duplicate, 50, "two subprograms start at instruction 40"),
    ];
    for (prog, insns, needle) in cases {
        let err = prog.validate(insns).expect_err(needle).to_string();
        assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    }
}
