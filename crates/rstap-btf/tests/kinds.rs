//! Small blobs covering every BTF kind: built with the writer, read back with the reader,
//! and queried. One blob is assembled byte by byte so the reader is also checked against
//! the format itself rather than only against the writer.

use std::sync::Arc;

use rstap_btf::{
    Btf, BtfBuilder, BtfError, Enumerator, IntEncoding, Kind, Linkage, Member, MemberSpec, Param,
    TypeKind, VarSecInfo,
};

const SIGNED: IntEncoding = IntEncoding {
    signed: true,
    char: false,
    bool: false,
};
const UNSIGNED: IntEncoding = IntEncoding {
    signed: false,
    char: false,
    bool: false,
};
const CHAR: IntEncoding = IntEncoding {
    signed: true,
    char: true,
    bool: false,
};
const BOOL: IntEncoding = IntEncoding {
    signed: false,
    char: false,
    bool: true,
};

/// Ids of the sample blob's types, in the order they are added.
struct Sample {
    btf: Btf,
    int: u32,
    uint: u32,
    chr: u32,
    boolean: u32,
    long: u32,
    char_ptr: u32,
    comm: u32,
    inner_union: u32,
    task: u32,
    task_ptr: u32,
    state_enum: u32,
    big_enum: u32,
    fwd: u32,
    pid_t: u32,
    volatile_int: u32,
    const_char: u32,
    const_char_ptr: u32,
    restrict_ptr: u32,
    proto: u32,
    func: u32,
    var: u32,
    datasec: u32,
    double: u32,
    decl_tag: u32,
    type_tag: u32,
    tagged_ptr: u32,
    proto_ptr: u32,
    variadic_proto: u32,
    arr_ptr: u32,
    packed: u32,
}

fn sample() -> Sample {
    let mut b = BtfBuilder::new();
    let int = b.add_int("int", 4, SIGNED);
    let uint = b.add_int("unsigned int", 4, UNSIGNED);
    let chr = b.add_int("char", 1, CHAR);
    let boolean = b.add_int("_Bool", 1, BOOL);
    let long = b.add_int("long int", 8, SIGNED);
    let char_ptr = b.add_ptr(chr);
    let comm = b.add_array(chr, int, 16);
    // union { int a; unsigned int b; } placed anonymously at byte 8 of the struct,
    // itself containing an anonymous struct { int deep; int flag:3; } at byte 0.
    let deep = b.add_struct(
        "",
        8,
        &[
            MemberSpec::new("deep", int, 0),
            MemberSpec::bitfield("flag", uint, 32, 3),
        ],
    );
    let inner_union = b.add_union(
        "",
        8,
        &[MemberSpec::new("a", int, 0), MemberSpec::new("", deep, 0)],
    );
    let task_id = b.next_id();
    let task_ptr = b.add_ptr(task_id + 1);
    let task = b.add_struct(
        "task",
        40,
        &[
            MemberSpec::new("pid", int, 0),
            MemberSpec::new("", inner_union, 64),
            MemberSpec::new("comm", comm, 128),
            MemberSpec::new("parent", task_ptr, 256),
        ],
    );
    assert_eq!(task, task_id + 1);
    let state_enum = b.add_enum(
        "state",
        4,
        true,
        &[("RUNNING", 0), ("DEAD", -1), ("ZOMBIE", 32)],
    );
    let big_enum = b.add_enum64("big", 8, false, &[("HUGE", 1 << 40), ("TOP", -1)]);
    let fwd = b.add_fwd("later", true);
    let pid_t = b.add_typedef("pid_t", int);
    let volatile_int = b.add_volatile(pid_t);
    let const_char = b.add_const(chr);
    let const_char_ptr = b.add_ptr(const_char);
    let restrict_ptr = b.add_restrict(char_ptr);
    let proto = b.add_func_proto(long, &[("t", task_ptr), ("buf", const_char_ptr)], false);
    let func = b.add_func("do_thing", proto, Linkage::Global);
    let var = b.add_var("counter", int, Linkage::Static);
    let datasec = b.add_datasec(".data", 4, &[(var, 0, 4)]);
    let double = b.add_float("double", 8);
    let decl_tag = b.add_decl_tag("user", func, 1);
    let type_tag = b.add_type_tag("rcu", task);
    let tagged_ptr = b.add_ptr(type_tag);
    let proto_ptr = b.add_ptr(proto);
    let variadic_proto = b.add_func_proto(int, &[("fmt", const_char_ptr)], true);
    let arr_ptr = b.add_ptr(comm);
    let packed = b.add_struct(
        "packed",
        5,
        &[MemberSpec::new("c", chr, 0), MemberSpec::new("i", int, 8)],
    );
    let btf = Btf::from_bytes(b.finish()).expect("writer output parses");
    Sample {
        btf,
        int,
        uint,
        chr,
        boolean,
        long,
        char_ptr,
        comm,
        inner_union,
        task,
        task_ptr,
        state_enum,
        big_enum,
        fwd,
        pid_t,
        volatile_int,
        const_char,
        const_char_ptr,
        restrict_ptr,
        proto,
        func,
        var,
        datasec,
        double,
        decl_tag,
        type_tag,
        tagged_ptr,
        proto_ptr,
        variadic_proto,
        arr_ptr,
        packed,
    }
}

#[test]
fn every_kind_decodes() {
    let s = sample();
    let cases: Vec<(u32, &str, TypeKind<'static>)> = vec![
        (
            s.int,
            "int",
            TypeKind::Int {
                size: 4,
                encoding: SIGNED,
                bit_offset: 0,
                bits: 32,
            },
        ),
        (
            s.chr,
            "char",
            TypeKind::Int {
                size: 1,
                encoding: CHAR,
                bit_offset: 0,
                bits: 8,
            },
        ),
        (
            s.boolean,
            "_Bool",
            TypeKind::Int {
                size: 1,
                encoding: BOOL,
                bit_offset: 0,
                bits: 8,
            },
        ),
        (s.char_ptr, "", TypeKind::Ptr(s.chr)),
        (
            s.comm,
            "",
            TypeKind::Array {
                elem: s.chr,
                index: s.int,
                len: 16,
            },
        ),
        (
            s.inner_union,
            "",
            TypeKind::Union {
                size: 8,
                members: vec![
                    Member {
                        name: "a",
                        ty: s.int,
                        bit_offset: 0,
                        bitfield_size: 0,
                    },
                    Member {
                        name: "",
                        ty: s.inner_union - 1,
                        bit_offset: 0,
                        bitfield_size: 0,
                    },
                ],
            },
        ),
        (
            s.inner_union - 1,
            "",
            TypeKind::Struct {
                size: 8,
                members: vec![
                    Member {
                        name: "deep",
                        ty: s.int,
                        bit_offset: 0,
                        bitfield_size: 0,
                    },
                    Member {
                        name: "flag",
                        ty: s.uint,
                        bit_offset: 32,
                        bitfield_size: 3,
                    },
                ],
            },
        ),
        (
            s.state_enum,
            "state",
            TypeKind::Enum {
                size: 4,
                signed: true,
                is64: false,
                values: vec![
                    Enumerator {
                        name: "RUNNING",
                        value: 0,
                    },
                    Enumerator {
                        name: "DEAD",
                        value: -1,
                    },
                    Enumerator {
                        name: "ZOMBIE",
                        value: 32,
                    },
                ],
            },
        ),
        (
            s.big_enum,
            "big",
            TypeKind::Enum {
                size: 8,
                signed: false,
                is64: true,
                values: vec![
                    Enumerator {
                        name: "HUGE",
                        value: 1 << 40,
                    },
                    Enumerator {
                        name: "TOP",
                        value: -1,
                    },
                ],
            },
        ),
        (s.fwd, "later", TypeKind::Fwd { is_union: true }),
        (s.pid_t, "pid_t", TypeKind::Typedef(s.int)),
        (s.volatile_int, "", TypeKind::Volatile(s.pid_t)),
        (s.const_char, "", TypeKind::Const(s.chr)),
        (s.restrict_ptr, "", TypeKind::Restrict(s.char_ptr)),
        (
            s.proto,
            "",
            TypeKind::FuncProto {
                ret: s.long,
                params: vec![
                    Param {
                        name: "t",
                        ty: s.task_ptr,
                    },
                    Param {
                        name: "buf",
                        ty: s.const_char_ptr,
                    },
                ],
                variadic: false,
            },
        ),
        (
            s.func,
            "do_thing",
            TypeKind::Func {
                proto: s.proto,
                linkage: Linkage::Global,
            },
        ),
        (
            s.var,
            "counter",
            TypeKind::Var {
                ty: s.int,
                linkage: Linkage::Static,
            },
        ),
        (
            s.datasec,
            ".data",
            TypeKind::Datasec {
                size: 4,
                vars: vec![VarSecInfo {
                    ty: s.var,
                    offset: 0,
                    size: 4,
                }],
            },
        ),
        (s.double, "double", TypeKind::Float { size: 8 }),
        (
            s.decl_tag,
            "user",
            TypeKind::DeclTag {
                target: s.func,
                component_idx: 1,
            },
        ),
        (s.type_tag, "rcu", TypeKind::TypeTag(s.task)),
        (
            s.variadic_proto,
            "",
            TypeKind::FuncProto {
                ret: s.int,
                params: vec![Param {
                    name: "fmt",
                    ty: s.const_char_ptr,
                }],
                variadic: true,
            },
        ),
        (0, "", TypeKind::Void),
    ];
    for (id, name, kind) in cases {
        let ty = s.btf.type_by_id(id).unwrap();
        assert_eq!((ty.name, &ty.kind), (name, &kind), "type [{id}]");
        assert_eq!(s.btf.kind_of(id).unwrap(), kind.kind(), "kind_of [{id}]");
    }
    assert!(matches!(
        s.btf.type_by_id(s.btf.type_count()),
        Err(BtfError::InvalidTypeId(_))
    ));
}

#[test]
fn type_names_print_like_c() {
    let s = sample();
    let cases = [
        (s.int, "int"),
        (s.uint, "unsigned int"),
        (s.char_ptr, "char *"),
        (s.comm, "char[16]"),
        (s.task, "struct task"),
        (s.task_ptr, "struct task *"),
        (s.inner_union, "union {...}"),
        (s.state_enum, "enum state"),
        (s.fwd, "union later"),
        (s.pid_t, "pid_t"),
        (s.volatile_int, "volatile pid_t"),
        (s.const_char_ptr, "const char *"),
        (s.restrict_ptr, "char *restrict"),
        (s.proto, "long int (struct task *t, const char *buf)"),
        (s.proto_ptr, "long int (*)(struct task *t, const char *buf)"),
        (s.func, "long int do_thing(struct task *t, const char *buf)"),
        (s.variadic_proto, "int (const char *fmt, ...)"),
        (s.arr_ptr, "char (*)[16]"),
        (s.tagged_ptr, "struct task *"),
        (s.double, "double"),
        (0, "void"),
    ];
    for (id, want) in cases {
        assert_eq!(s.btf.type_name(id).unwrap(), want, "type [{id}]");
    }
    assert_eq!(s.btf.declare(s.comm, "comm").unwrap(), "char comm[16]");
    assert_eq!(
        s.btf.declare(s.task_ptr, "prev").unwrap(),
        "struct task *prev"
    );
}

#[test]
fn resolve_size_align() {
    let s = sample();
    assert_eq!(s.btf.resolve(s.volatile_int).unwrap(), s.int);
    assert_eq!(s.btf.resolve(s.type_tag).unwrap(), s.task);
    assert_eq!(s.btf.resolve(s.restrict_ptr).unwrap(), s.char_ptr);
    let cases = [
        (s.int, 4, 4),
        (s.chr, 1, 1),
        (s.long, 8, 8),
        (s.char_ptr, 8, 8),
        (s.comm, 16, 1),
        (s.task, 40, 8),
        (s.inner_union, 8, 4),
        (s.state_enum, 4, 4),
        (s.big_enum, 8, 8),
        (s.volatile_int, 4, 4),
        (s.double, 8, 8),
        (s.var, 4, 4),
        (s.packed, 5, 1),
    ];
    for (id, size, align) in cases {
        assert_eq!(s.btf.size_of(id).unwrap(), size, "sizeof [{id}]");
        assert_eq!(s.btf.align_of(id).unwrap(), align, "alignof [{id}]");
    }
    for id in [0, s.func, s.proto, s.fwd] {
        assert!(
            matches!(s.btf.size_of(id), Err(BtfError::NoSize(_))),
            "[{id}] has no size"
        );
    }
}

#[test]
fn member_lookup_through_anonymous_members() {
    let s = sample();
    // (name, bit offset from struct start, bitfield size, type)
    let cases = [
        ("pid", 0, 0, s.int),
        ("a", 64, 0, s.int),
        ("deep", 64, 0, s.int),
        ("flag", 96, 3, s.uint),
        ("comm", 128, 0, s.comm),
        ("parent", 256, 0, s.task_ptr),
    ];
    for (name, bits, bitfield, ty) in cases {
        let hit = s
            .btf
            .find_member(s.task, name)
            .unwrap()
            .unwrap_or_else(|| panic!("{name}"));
        assert_eq!(
            (hit.bit_offset, hit.bitfield_size, hit.ty),
            (bits, bitfield, ty),
            "{name}"
        );
    }
    // Through the type tag and typedef-free pointer target too.
    let target = s.btf.pointee(s.tagged_ptr).unwrap();
    assert_eq!(
        s.btf
            .find_member(target, "comm")
            .unwrap()
            .unwrap()
            .bit_offset,
        128
    );
    assert_eq!(s.btf.find_member(s.task, "missing").unwrap(), None);
    assert_eq!(s.btf.find_member(s.task, "").unwrap(), None);
    assert!(matches!(
        s.btf.find_member(s.int, "x"),
        Err(BtfError::UnexpectedKind {
            expected: "struct or union",
            ..
        })
    ));
}

#[test]
fn arrays_pointers_ints_enums_functions() {
    let s = sample();
    let arr = s.btf.array_info(s.comm).unwrap();
    assert_eq!((arr.elem, arr.len), (s.chr, 16));
    assert_eq!(s.btf.pointee(s.task_ptr).unwrap(), s.task);
    assert!(s.btf.pointee(s.int).is_err());
    let cases = [
        (s.int, 4, true),
        (s.uint, 4, false),
        (s.pid_t, 4, true),
        (s.state_enum, 4, true),
        (s.big_enum, 8, false),
    ];
    for (id, size, signed) in cases {
        let info = s.btf.int_info(id).unwrap();
        assert_eq!((info.size, info.signed), (size, signed), "[{id}]");
    }
    assert_eq!(s.btf.enum_value(s.state_enum, "DEAD").unwrap(), Some(-1));
    assert_eq!(s.btf.enum_name(s.state_enum, 32).unwrap(), Some("ZOMBIE"));
    assert_eq!(s.btf.enum_name(s.state_enum, 7).unwrap(), None);
    assert_eq!(s.btf.enum_value(s.big_enum, "HUGE").unwrap(), Some(1 << 40));
    assert_eq!(
        s.btf.find_enumerator("TOP").unwrap(),
        Some((s.big_enum, -1))
    );
    assert_eq!(s.btf.find_enumerator("NOPE").unwrap(), None);

    let sig = s.btf.function("do_thing").unwrap().unwrap();
    assert_eq!(sig.ret, s.long);
    let params: Vec<(&str, u32)> = sig.params.iter().map(|p| (p.name.as_str(), p.ty)).collect();
    assert_eq!(params, [("t", s.task_ptr), ("buf", s.const_char_ptr)]);
    assert_eq!(s.btf.func_names().collect::<Vec<_>>(), ["do_thing"]);
    assert_eq!(s.btf.ids_by_name("pid_t"), [s.pid_t]);
    assert_eq!(
        s.btf.find_by_name_kind("task", Kind::Struct).unwrap(),
        Some(s.task)
    );
    assert_eq!(s.btf.find_by_name_kind("task", Kind::Union).unwrap(), None);
}

/// `btf_trace_<event>` typedefs carry unnamed parameters; names come from the class
/// function `__bpf_trace_<class>`, matched by event name or by identical parameter types.
#[test]
fn tracepoint_args_from_typedef_and_class_function() {
    let mut b = BtfBuilder::new();
    let void_ptr = b.add_ptr(0);
    let int = b.add_int("int", 4, SIGNED);
    let long = b.add_int("long int", 8, SIGNED);
    let tp_proto = b.add_func_proto(0, &[("", void_ptr), ("", int), ("", long)], false);
    let tp_ptr = b.add_ptr(tp_proto);
    b.add_typedef("btf_trace_own_class", tp_ptr);
    b.add_typedef("btf_trace_shared_event", tp_ptr);
    let other_proto = b.add_func_proto(0, &[("", void_ptr), ("", long)], false);
    let other_ptr = b.add_ptr(other_proto);
    b.add_typedef("btf_trace_nameless", other_ptr);
    let class_proto = b.add_func_proto(
        0,
        &[("__data", void_ptr), ("cpu", int), ("delta", long)],
        false,
    );
    b.add_func("__bpf_trace_own_class", class_proto, Linkage::Static);
    let btf = Btf::from_bytes(b.finish()).unwrap();

    let show = |name: &str| -> Vec<(String, u32)> {
        btf.tracepoint_args(name)
            .unwrap()
            .unwrap()
            .into_iter()
            .map(|p| (p.name, p.ty))
            .collect()
    };
    let named = vec![("cpu".to_string(), int), ("delta".to_string(), long)];
    assert_eq!(show("own_class"), named);
    assert_eq!(show("shared_event"), named);
    assert_eq!(show("nameless"), vec![(String::new(), long)]);
    assert_eq!(btf.tracepoint_args("absent").unwrap(), None);
    let mut names: Vec<&str> = btf.tracepoint_names().collect();
    names.sort();
    assert_eq!(names, ["nameless", "own_class", "shared_event"]);
}

fn blob(types: &[u32], strings: &[u8], big_endian: bool) -> Vec<u8> {
    let type_len = types.len() as u32 * 4;
    let header = [24, 0, type_len, type_len, strings.len() as u32];
    let conv = |w: &u32| {
        if big_endian {
            w.to_be_bytes()
        } else {
            w.to_le_bytes()
        }
    };
    let mut out = if big_endian {
        vec![0xeb, 0x9f, 1, 0]
    } else {
        vec![0x9f, 0xeb, 1, 0]
    };
    out.extend(header.iter().flat_map(conv));
    out.extend(types.iter().flat_map(conv));
    out.extend_from_slice(strings);
    out
}

/// A blob written by hand from the format description, in both byte orders.
#[test]
fn hand_assembled_blob() {
    let strings = b"\0int\0s\0x\0";
    #[rustfmt::skip]
    let types = [
        1, 1 << 24, 4, 1 << 24 | 32,        // [1] INT 'int' size 4, signed, 32 bits
        5, 4 << 24 | 1, 4, 7, 1, 0,         // [2] STRUCT 's' size 4 { int x @0 }
        0, 2 << 24, 2,                      // [3] PTR -> [2]
    ];
    for big in [false, true] {
        let btf = Btf::from_bytes(blob(&types, strings, big)).unwrap();
        assert_eq!(btf.type_count(), 4);
        assert_eq!(btf.type_name(3).unwrap(), "struct s *");
        let hit = btf.find_member(2, "x").unwrap().unwrap();
        assert_eq!((hit.ty, hit.bit_offset), (1, 0));
        assert!(btf.int_info(1).unwrap().signed, "big endian: {big}");
    }
}

/// Split BTF continues the base's type ids and string offsets.
#[test]
fn split_btf_on_top_of_base() {
    let mut b = BtfBuilder::new();
    let int = b.add_int("int", 4, SIGNED);
    let base_struct = b.add_struct("base_s", 4, &[MemberSpec::new("v", int, 0)]);
    let base_bytes = b.finish();
    let base = Arc::new(Btf::from_bytes(base_bytes).unwrap());
    // The builder's string section for this base is "\0int\0base_s\0v\0".
    let base_str_len = b"\0int\0base_s\0v\0".len() as u32;
    let first = base.type_count();
    assert_eq!(first, 3);

    // Local strings: "mod_s\0m\0" at base_str_len.., a member named with a base string.
    let strings = b"mod_s\0m\0";
    let mod_s = base_str_len;
    let m = base_str_len + 6;
    let v_in_base = base.type_by_id(base_struct).unwrap();
    let TypeKind::Struct { members, .. } = v_in_base.kind else {
        panic!()
    };
    assert_eq!(members[0].name, "v");
    #[rustfmt::skip]
    let types = [
        0, 2 << 24, base_struct,                                  // [3] PTR -> base_s
        mod_s, 4 << 24 | 2, 16, m, first, 0, 1 /* "int" */, int, 64, // [4] STRUCT mod_s
    ];
    let split = Btf::from_split_bytes(blob(&types, strings, false), base.clone()).unwrap();
    assert_eq!(split.local_ids(), 3..5);
    assert_eq!(split.type_name(first).unwrap(), "struct base_s *");
    assert_eq!(split.type_name(first + 1).unwrap(), "struct mod_s");
    assert_eq!(
        split
            .find_member(first + 1, "int")
            .unwrap()
            .unwrap()
            .bit_offset,
        64
    );
    let via_ptr = split.find_member(first + 1, "m").unwrap().unwrap();
    assert_eq!(split.type_name(via_ptr.ty).unwrap(), "struct base_s *");
    assert_eq!(split.ids_by_name("mod_s"), [first + 1]);
    assert_eq!(split.ids_by_name("base_s"), [base_struct]);
    assert_eq!(split.size_of(base_struct).unwrap(), 4);
}

#[test]
fn btf_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Btf>();
    let s = sample();
    let shared = Arc::new(s.btf);
    let worker = {
        let btf = Arc::clone(&shared);
        std::thread::spawn(move || btf.ids_by_name("task"))
    };
    assert_eq!(worker.join().unwrap(), shared.ids_by_name("task"));
}
