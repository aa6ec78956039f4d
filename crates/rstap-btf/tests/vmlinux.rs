//! Checks against the running kernel's BTF. Each test prints why it is skipped when the
//! machine has no `/sys/kernel/btf/vmlinux`.

use std::sync::OnceLock;
use std::time::Instant;

use rstap_btf::{Btf, Kind, MemberHit};

fn vmlinux() -> Option<&'static Btf> {
    static BTF: OnceLock<Option<Btf>> = OnceLock::new();
    BTF.get_or_init(|| match Btf::load_vmlinux() {
        Ok(btf) => Some(btf),
        Err(e) => {
            eprintln!("skipping: kernel BTF unavailable: {e}");
            None
        }
    })
    .as_ref()
}

macro_rules! require_vmlinux {
    () => {
        match vmlinux() {
            Some(btf) => btf,
            None => return,
        }
    };
}

fn struct_id(btf: &Btf, name: &str) -> u32 {
    btf.find_struct(name)
        .unwrap()
        .unwrap_or_else(|| panic!("struct {name} missing"))
}

fn member(btf: &Btf, strukt: &str, name: &str) -> MemberHit {
    let id = struct_id(btf, strukt);
    btf.find_member(id, name)
        .unwrap()
        .unwrap_or_else(|| panic!("{strukt}.{name} missing"))
}

#[test]
fn load_and_first_lookup_timing() {
    let started = Instant::now();
    let Ok(btf) = Btf::load_vmlinux() else {
        eprintln!("skipping: kernel BTF unavailable");
        return;
    };
    let loaded = started.elapsed();
    let id = btf.find_struct("task_struct").unwrap();
    let looked_up = started.elapsed();
    let member = btf.find_member(id.unwrap(), "pid").unwrap();
    let member_done = started.elapsed();
    println!(
        "vmlinux: {} types; load {:?}, first name lookup {:?}, first member lookup {:?}",
        btf.type_count(),
        loaded,
        looked_up - loaded,
        member_done - looked_up
    );
    assert!(member.is_some());
}

#[test]
fn task_struct_members() {
    let btf = require_vmlinux!();
    let cases: &[(&str, &str, u64)] = &[
        ("pid", "pid_t", 4),
        ("tgid", "pid_t", 4),
        ("comm", "char[16]", 16),
        ("real_parent", "struct task_struct *", 8),
        ("__state", "unsigned int", 4),
    ];
    for &(name, printed, size) in cases {
        let hit = member(btf, "task_struct", name);
        assert_eq!(
            btf.type_name(hit.ty).unwrap(),
            printed,
            "task_struct.{name}"
        );
        assert_eq!(
            btf.size_of(hit.ty).unwrap(),
            size,
            "sizeof task_struct.{name}"
        );
        assert_eq!(hit.bit_offset % 8, 0, "task_struct.{name} is byte aligned");
        assert_eq!(hit.bitfield_size, 0);
    }
    let pid = member(btf, "task_struct", "pid");
    let int = btf.int_info(pid.ty).unwrap();
    assert!(int.signed);
    assert_eq!(int.size, 4);
    assert_eq!(btf.type_name(btf.resolve(pid.ty).unwrap()).unwrap(), "int");

    let comm = member(btf, "task_struct", "comm");
    let array = btf.array_info(comm.ty).unwrap();
    assert_eq!(array.len, 16);
    assert_eq!(btf.type_name(array.elem).unwrap(), "char");

    let parent = member(btf, "task_struct", "real_parent");
    let target = btf.pointee(parent.ty).unwrap();
    assert_eq!(target, struct_id(btf, "task_struct"));
    assert!(btf.find_member(target, "no_such_member").unwrap().is_none());
}

#[test]
fn members_behind_anonymous_unions() {
    let btf = require_vmlinux!();
    // Offsets follow from the layouts: struct page starts with an 8-byte flags word and a
    // union whose first arm is { union { struct list_head lru; ... }; mapping; union {
    // __folio_index; ... }; private }; struct sk_buff starts with a union whose first arm is
    // { next; prev; union { dev; dev_scratch } }.
    let cases: &[(&str, &str, u64, &str)] = &[
        ("page", "mapping", 24 * 8, "struct address_space *"),
        ("page", "__folio_index", 32 * 8, "long unsigned int"),
        ("page", "lru", 8 * 8, "struct list_head"),
        ("page", "pp", 16 * 8, "struct page_pool *"),
        ("sk_buff", "next", 0, "struct sk_buff *"),
        ("sk_buff", "dev", 16 * 8, "struct net_device *"),
        ("sk_buff", "dev_scratch", 16 * 8, "long unsigned int"),
    ];
    for &(strukt, name, bits, printed) in cases {
        let hit = member(btf, strukt, name);
        assert_eq!(hit.bit_offset, bits, "{strukt}.{name} offset");
        assert_eq!(
            btf.type_name(hit.ty).unwrap(),
            printed,
            "{strukt}.{name} type"
        );
    }
    // The member really is not a direct one: the top-level list has no `mapping`.
    let page = btf.type_by_id(struct_id(btf, "page")).unwrap();
    let rstap_btf::TypeKind::Struct { members, .. } = page.kind else {
        panic!("not a struct")
    };
    assert!(members.iter().all(|m| m.name != "mapping"));
    assert!(members.iter().any(|m| m.name.is_empty()));
}

#[test]
fn tracepoint_arguments() {
    let btf = require_vmlinux!();
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "sched_switch",
            &[
                ("preempt", "bool"),
                ("prev", "struct task_struct *"),
                ("next", "struct task_struct *"),
                ("prev_state", "unsigned int"),
            ],
        ),
        (
            "sys_enter",
            &[("regs", "struct pt_regs *"), ("id", "long int")],
        ),
    ];
    for &(tp, expected) in cases {
        let args = btf
            .tracepoint_args(tp)
            .unwrap()
            .unwrap_or_else(|| panic!("{tp} missing"));
        let got: Vec<(String, String)> = args
            .iter()
            .map(|a| (a.name.clone(), btf.type_name(a.ty).unwrap()))
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want, "tracepoint {tp}");
    }
    assert!(btf.tracepoint_args("no_such_tracepoint").unwrap().is_none());
    assert!(btf.tracepoint_names().any(|n| n == "sched_switch"));
}

#[test]
fn vfs_read_signature() {
    let btf = require_vmlinux!();
    let sig = btf.function("vfs_read").unwrap().expect("vfs_read FUNC");
    let got: Vec<(&str, String)> = sig
        .params
        .iter()
        .map(|p| (p.name.as_str(), btf.type_name(p.ty).unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("file", "struct file *".to_string()),
            ("buf", "char *".to_string()),
            ("count", "size_t".to_string()),
            ("pos", "loff_t *".to_string()),
        ]
    );
    assert_eq!(btf.type_name(sig.ret).unwrap(), "ssize_t");
    assert!(!sig.variadic);
    assert!(btf.function("no_such_function_anywhere").unwrap().is_none());
    assert!(btf.func_names().any(|n| n == "vfs_read"));
    assert!(btf.func_names().all(|n| !n.is_empty()));
}

#[test]
fn enums() {
    let btf = require_vmlinux!();
    let map_type = btf
        .find_by_name_kind("bpf_map_type", Kind::Enum)
        .unwrap()
        .expect("enum bpf_map_type");
    assert_eq!(
        btf.enum_value(map_type, "BPF_MAP_TYPE_RINGBUF").unwrap(),
        Some(27)
    );
    assert_eq!(
        btf.enum_value(map_type, "BPF_MAP_TYPE_HASH").unwrap(),
        Some(1)
    );
    assert_eq!(
        btf.enum_name(map_type, 27).unwrap(),
        Some("BPF_MAP_TYPE_RINGBUF")
    );
    assert_eq!(btf.enum_value(map_type, "NOPE").unwrap(), None);
    let (owner, value) = btf
        .find_enumerator("BPF_MAP_TYPE_RINGBUF")
        .unwrap()
        .unwrap();
    assert_eq!((owner, value), (map_type, 27));
    assert_eq!(btf.type_name(map_type).unwrap(), "enum bpf_map_type");
}

#[test]
fn sizes_and_alignment() {
    let btf = require_vmlinux!();
    let cases: &[(&str, Kind, u64, u64)] = &[
        ("list_head", Kind::Struct, 16, 8),
        ("u8", Kind::Typedef, 1, 1),
        ("u16", Kind::Typedef, 2, 2),
        ("u64", Kind::Typedef, 8, 8),
        ("pid_t", Kind::Typedef, 4, 4),
    ];
    for &(name, kind, size, align) in cases {
        let id = btf
            .find_by_name_kind(name, kind)
            .unwrap()
            .unwrap_or_else(|| panic!("{name}"));
        assert_eq!(btf.size_of(id).unwrap(), size, "sizeof {name}");
        assert_eq!(btf.align_of(id).unwrap(), align, "alignof {name}");
    }
}
