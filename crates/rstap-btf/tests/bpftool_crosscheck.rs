//! Cross-check against an independent BTF reader: when `bpftool` is installed, every
//! struct and union of the live kernel BTF must decode to the same name, size and member
//! list (names, type ids, bit offsets, bitfield sizes) as `bpftool btf dump` prints.
//! Skipped with a message when bpftool or the kernel BTF is missing.

use std::process::Command;

use rstap_btf::{Btf, TypeKind};

/// Our decoding of struct/union records in bpftool's raw text layout.
fn render_composites(btf: &Btf) -> Vec<String> {
    let mut out = Vec::new();
    for id in btf.all_ids() {
        let ty = btf.type_by_id(id).unwrap();
        let (word, size, members) = match &ty.kind {
            TypeKind::Struct { size, members } => ("STRUCT", size, members),
            TypeKind::Union { size, members } => ("UNION", size, members),
            _ => continue,
        };
        let anon = |n: &str| {
            if n.is_empty() {
                "(anon)".to_string()
            } else {
                n.to_string()
            }
        };
        out.push(format!(
            "[{id}] {word} '{}' size={size} vlen={}",
            anon(ty.name),
            members.len()
        ));
        for m in members {
            let bitfield = match m.bitfield_size {
                0 => String::new(),
                n => format!(" bitfield_size={n}"),
            };
            out.push(format!(
                "\t'{}' type_id={} bits_offset={}{bitfield}",
                anon(m.name),
                m.ty,
                m.bit_offset
            ));
        }
    }
    out
}

#[test]
fn structs_and_unions_match_bpftool() {
    let Ok(btf) = Btf::load_vmlinux() else {
        eprintln!("skipping: kernel BTF unavailable");
        return;
    };
    let dump = Command::new("bpftool")
        .args(["btf", "dump", "file", rstap_btf::VMLINUX_PATH])
        .output();
    let Ok(dump) = dump.map_err(|e| eprintln!("skipping: bpftool not runnable: {e}")) else {
        return;
    };
    if !dump.status.success() {
        eprintln!(
            "skipping: bpftool failed: {}",
            String::from_utf8_lossy(&dump.stderr)
        );
        return;
    }
    let text = String::from_utf8_lossy(&dump.stdout);
    let mut keep = false;
    let theirs: Vec<&str> = text
        .lines()
        .filter(|line| {
            if line.starts_with('[') {
                let word = line.split_whitespace().nth(1).unwrap_or("");
                keep = word == "STRUCT" || word == "UNION";
            }
            keep
        })
        .collect();
    let ours = render_composites(&btf);
    assert!(
        ours.len() > 10_000,
        "kernel BTF suspiciously small: {} lines",
        ours.len()
    );
    let first_difference = ours.iter().zip(&theirs).position(|(a, b)| a != b);
    if let Some(i) = first_difference {
        panic!(
            "line {i} differs:\n ours:    {}\n bpftool: {}",
            ours[i], theirs[i]
        );
    }
    assert_eq!(ours.len(), theirs.len());
}
