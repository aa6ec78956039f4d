//! Every program of the instruction-level file tests (`tests/asm/*.stp`) must be accepted
//! by this machine's BPF verifier. Needs root; skipped otherwise.

mod common;

use std::path::Path;

use rstap_bpf::layout::MapKind;
use rstap_bpf::{CompileOptions, compile};
use rstap_sys::bpf::{Map, MapType};
use rstap_sys::maps::{MapOps, UpdateFlag};
use rstap_sys::prog::{BtfObject, LoadOptions, Program};

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(2) == Some("0"))
        })
        .unwrap_or(false)
}

fn map_type(k: MapKind) -> MapType {
    match k {
        MapKind::Hash => MapType::Hash,
        MapKind::LruHash => MapType::LruHash,
        MapKind::Array => MapType::Array,
        MapKind::PercpuArray => MapType::PercpuArray,
        MapKind::PercpuHash => MapType::PercpuHash,
        MapKind::LruPercpuHash => MapType::PercpuHash,
        MapKind::Ringbuf => MapType::Ringbuf,
    }
}

/// The running kernel's `task_struct` offsets, from its BTF.
fn task_offsets() -> Option<rstap_bpf::TaskOffsets> {
    let btf = rstap_btf::Btf::load_vmlinux().ok()?;
    let task = btf
        .find_by_name_kind("task_struct", rstap_btf::Kind::Struct)
        .ok()??;
    let cred = btf
        .find_by_name_kind("cred", rstap_btf::Kind::Struct)
        .ok()??;
    let off = |id, name: &str| -> Option<u32> {
        Some((btf.find_member(id, name).ok()??.bit_offset / 8) as u32)
    };
    Some(rstap_bpf::TaskOffsets {
        real_parent: off(task, "real_parent")?,
        tgid: off(task, "tgid")?,
        comm: off(task, "comm")?,
        cred: off(task, "cred")?,
        cred_euid: off(cred, "euid")?,
        cred_egid: off(cred, "egid")?,
    })
}

/// The x86-64 numbers of the system calls the test scripts trace.
fn syscall_nr(name: &str) -> Option<i64> {
    Some(match name {
        "write" => 1,
        "getppid" => 110,
        "openat" => 257,
        _ => return None,
    })
}

#[test]
fn file_test_programs_pass_the_verifier() {
    if !is_root() {
        eprintln!("skipped: loading programs needs root");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/asm");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "stp"))
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    let mut loaded = 0;
    for path in paths {
        let script = std::fs::read_to_string(&path).unwrap();
        let (program, _) = common::program(&script);
        let kernel = common::kernel_probes(&program);
        let opts = CompileOptions {
            ringbuf_bytes: 1 << 16,
            task: task_offsets(),
            syscall_nr: Some(syscall_nr),
            possible_cpus: 2,
            ..CompileOptions::default()
        };
        let refused = path
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("unsupported");
        let c = match compile(&program, &kernel, &opts) {
            Ok(c) => c,
            Err(_) if refused => continue,
            Err(d) => panic!("{}: {d:?}", path.display()),
        };
        let mut maps: Vec<Map> = c
            .layout
            .maps
            .iter()
            .map(|m| {
                Map::create(
                    map_type(m.kind),
                    &m.name,
                    m.key_size,
                    m.value_size,
                    m.max_entries,
                    m.flags,
                )
                .unwrap()
            })
            .collect();
        let mut rodata = c.layout.rodata.clone();
        let ro = &maps[c.layout.rodata_map];
        rodata.resize(ro.value_size(), 0);
        let mut ro_mut = Map::create(MapType::Array, "unused", 4, 8, 1, 0).unwrap();
        std::mem::swap(&mut ro_mut, &mut maps[c.layout.rodata_map]);
        ro_mut
            .update(&0u32.to_le_bytes(), &rodata, UpdateFlag::Any)
            .unwrap();
        ro_mut.freeze().unwrap();
        maps[c.layout.rodata_map] = ro_mut;
        for p in &c.probes {
            let mut insns = p.code.insns.clone();
            for r in &p.code.map_relocs {
                insns[r.insn].imm = maps[r.map].fd();
            }
            let code: Vec<u64> = insns.iter().map(|i| i.encode()).collect();
            let btf = (!p.btf.is_empty()).then(|| BtfObject::load(&p.btf).unwrap());
            if let Err(e) = Program::load_with(&LoadOptions {
                prog_type: p.kind.prog_type(),
                expected_attach_type: p.kind.expected_attach_type(),
                insns: &code,
                name: &p.name,
                prog_btf_fd: btf.as_ref().map(|b| b.fd()),
                func_info: &p.func_info,
                func_info_rec_size: if btf.is_some() { 8 } else { 0 },
                log_level: 1,
                ..LoadOptions::default()
            }) {
                loaded -= 1;
                let tail: Vec<&str> = e.log.lines().rev().take(12).collect();
                failures.push(format!(
                    "{} {}: errno {}\n{}",
                    path.display(),
                    program.probe(p.probe).pp,
                    e.errno,
                    tail.into_iter().rev().collect::<Vec<_>>().join("\n")
                ));
            }
            loaded += 1;
        }
    }
    assert!(loaded >= 6, "only {loaded} programs");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
