//! Folded stacks and flame graphs.

use rstap_symbolize::{FoldedProfile, ModulePart, ResolvedAddress, SymbolPart, SymbolizeError};

fn named(address: u64, name: &str) -> ResolvedAddress {
    ResolvedAddress {
        address,
        symbol: Some(SymbolPart {
            name: name.to_string(),
            offset: 0,
            size: 0,
        }),
        module: Some(ModulePart {
            name: "m".to_string(),
            offset: 0,
            size: 0,
        }),
    }
}

fn sample_profile() -> FoldedProfile {
    let mut profile = FoldedProfile::new();
    profile.add(["main", "compute", "sort"], 2);
    // Leaf first, as stack maps hold it; merges with the line above.
    profile.add_leaf_first(&["sort", "compute", "main"], 3);
    // A `;` inside a frame name would split the frame.
    profile.add(["main", "compute", "hash;step"], 7);
    // Zero counts and empty stacks add nothing.
    profile.add(["main", "idle"], 0);
    profile.add(Vec::<String>::new(), 4);
    // User frames below kernel frames, unresolved frames as hex.
    profile.add_resolved(
        &[
            named(0x10, "read"),
            named(0x20, "read_input"),
            named(0x30, "main"),
        ],
        &[named(0xffffffff81000000, "vfs_read")],
        3,
    );
    profile.add_resolved(
        &[
            named(0x40, "do_work"),
            ResolvedAddress::unknown(0x7f0000001000),
        ],
        &[],
        1,
    );
    profile
}

#[test]
fn folded_output_matches_golden() {
    let profile = sample_profile();
    let expected = include_str!("fixtures/profile.folded");
    assert_eq!(profile.folded(), expected);
    assert_eq!(profile.len(), 4);
    assert_eq!(profile.total(), 16);
    assert!(!profile.is_empty());
}

#[test]
fn flame_graph_svg_names_the_frames() {
    let profile = sample_profile();
    let dir = std::env::temp_dir().join(format!("rstap-symbolize-fg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("profile.svg");
    profile
        .write_flamegraph_file("rstap profile", &path)
        .expect("flame graph written");
    let svg = std::fs::read_to_string(&path).expect("svg readable");
    std::fs::remove_dir_all(&dir).expect("clean up");
    assert!(!svg.is_empty());
    assert!(
        svg.starts_with("<?xml") || svg.starts_with("<svg"),
        "{}",
        &svg[..svg.len().min(80)]
    );
    assert!(svg.trim_end().ends_with("</svg>"));
    for name in [
        "rstap profile",
        "main",
        "compute",
        "sort",
        "hash:step",
        "vfs_read",
        "read_input",
        "do_work",
    ] {
        assert!(svg.contains(name), "SVG lacks {name}");
    }
}

#[test]
fn empty_profile_has_no_flame_graph() {
    let mut out = Vec::new();
    match FoldedProfile::new().write_flamegraph("t", &mut out) {
        Err(SymbolizeError::FlameGraph { message }) => {
            assert_eq!(message, "no stacks were recorded")
        }
        other => panic!("expected FlameGraph error, got {other:?}"),
    }
    assert!(out.is_empty());
    assert_eq!(FoldedProfile::new().folded(), "");
}
