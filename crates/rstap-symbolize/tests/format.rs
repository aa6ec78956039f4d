//! SystemTap's address and stack text, independent of any symbol source.

use rstap_symbolize::format::{
    FrameStyle, caller, callers, callers_frames, frame_line, hex_stack, module_basename,
    parse_hex_stack, render_stack, symdata, symname,
};
use rstap_symbolize::stack::{frames_from_bytes, frames_from_words, limit_to_maxbacktrace};
use rstap_symbolize::{MAXBACKTRACE, ModulePart, ResolvedAddress, SymbolPart};

fn frame(
    address: u64,
    symbol: Option<(&str, u64, u64)>,
    module: Option<(&str, u64, u64)>,
) -> ResolvedAddress {
    ResolvedAddress {
        address,
        symbol: symbol.map(|(name, offset, size)| SymbolPart {
            name: name.to_string(),
            offset,
            size,
        }),
        module: module.map(|(name, offset, size)| ModulePart {
            name: name.to_string(),
            offset,
            size,
        }),
    }
}

#[test]
fn every_style_for_every_kind_of_knowledge() {
    let user_sym = frame(
        0x401136,
        Some(("main", 0x10, 0x2a)),
        Some(("/usr/bin/app", 0x1136, 0x4000)),
    );
    let kernel_at_start = frame(
        0xffffffff811c3f50,
        Some(("vfs_read", 0, 0x180)),
        Some(("kernel", 0, 0)),
    );
    let module_only = frame(
        0x7f0000001234,
        None,
        Some(("/lib/libz.so.1", 0x1234, 0x20000)),
    );
    let bare = frame(0x10, None, None);
    let no_module = frame(0x20, Some(("orphan", 4, 8)), None);
    let dotted = frame(0x30, Some((".entry", 0, 4)), Some(("kernel", 0, 0)));
    // (frame, Full, Simple, Brief, symdata, symname)
    let cases: Vec<(&ResolvedAddress, &str, &str, &str, &str, &str)> = vec![
        (
            &user_sym,
            " 0x401136 : main+0x10/0x2a [/usr/bin/app]\n",
            "main+0x10 [app]\n",
            "main+0x10\n",
            "main+0x10/0x2a [/usr/bin/app]",
            "main",
        ),
        (
            &kernel_at_start,
            " 0xffffffff811c3f50 : vfs_read+0x0/0x180 [kernel]\n",
            "vfs_read+0x0 [kernel]\n",
            "vfs_read+0x0\n",
            "vfs_read+0x0/0x180 [kernel]",
            "vfs_read",
        ),
        (
            &module_only,
            " 0x7f0000001234 [/lib/libz.so.1+0x1234/0x20000]\n",
            "0x7f0000001234 [libz.so.1+0x1234]\n",
            "0x7f0000001234\n",
            "0x7f0000001234 [/lib/libz.so.1+0x1234/0x20000]",
            "0x7f0000001234",
        ),
        (&bare, " 0x10\n", "0x10\n", "0x10\n", "0x10", "0x10"),
        (
            &no_module,
            " 0x20 : orphan+0x4/0x8\n",
            "orphan+0x4\n",
            "orphan+0x4\n",
            "orphan+0x4/0x8",
            "orphan",
        ),
        (
            &dotted,
            " 0x30 : entry+0x0/0x4 [kernel]\n",
            "entry+0x0 [kernel]\n",
            "entry+0x0\n",
            "entry+0x0/0x4 [kernel]",
            "entry",
        ),
    ];
    for (frame, full, simple, brief, data, name) in cases {
        assert_eq!(frame_line(frame, FrameStyle::Full), full, "{frame:?}");
        assert_eq!(frame_line(frame, FrameStyle::Simple), simple, "{frame:?}");
        assert_eq!(frame_line(frame, FrameStyle::Brief), brief, "{frame:?}");
        assert_eq!(symdata(frame), data, "{frame:?}");
        assert_eq!(symname(frame), name, "{frame:?}");
    }
    assert_eq!(
        render_stack(&[kernel_at_start.clone(), bare.clone()], FrameStyle::Full),
        " 0xffffffff811c3f50 : vfs_read+0x0/0x180 [kernel]\n 0x10\n"
    );
    assert_eq!(render_stack(&[], FrameStyle::Full), "");
    assert_eq!(caller(&kernel_at_start), "vfs_read 0xffffffff811c3f50");
    assert_eq!(caller(&bare), "0x10 0x10");
}

#[test]
fn hex_stacks_and_callers() {
    let stack = [
        0xffffffff81000010u64,
        0xffffffff81000020,
        0xffffffff81000030,
    ];
    assert_eq!(
        hex_stack(&stack),
        "0xffffffff81000010 0xffffffff81000020 0xffffffff81000030"
    );
    assert_eq!(hex_stack(&[]), "");
    // (n, frames after the probed location)
    let cases: &[(i64, &[u64])] = &[
        (-1, &stack[1..]),
        (-7, &stack[1..]),
        (0, &[]),
        (1, &stack[1..2]),
        (2, &stack[1..3]),
        (99, &stack[1..]),
    ];
    for &(n, expected) in cases {
        assert_eq!(callers_frames(&stack, n), expected, "callers({n})");
        assert_eq!(callers(&stack, n), hex_stack(expected), "callers({n})");
    }
    assert_eq!(callers(&[], -1), "");
}

#[test]
fn hex_stack_strings_read_back() {
    let cases: &[(&str, &[u64])] = &[
        (
            "0xffffffff81000010 0x401136",
            &[0xffffffff81000010, 0x401136],
        ),
        ("  0x1\t0X2\n3 ", &[1, 2, 3]),
        ("0x1 junk 0x2", &[1]),
        ("", &[]),
    ];
    for &(text, expected) in cases {
        assert_eq!(parse_hex_stack(text), expected, "{text:?}");
    }
    let stack = [0x7f00_0000_1000u64, 0x40_1000];
    assert_eq!(parse_hex_stack(&hex_stack(&stack)), stack);
}

#[test]
fn module_basenames() {
    let cases = [
        ("/usr/lib/libc.so.6", "libc.so.6"),
        ("kernel", "kernel"),
        ("[vdso]", "[vdso]"),
        ("dir/", ""),
    ];
    for (name, expected) in cases {
        assert_eq!(module_basename(name), expected);
    }
}

#[test]
fn stack_map_values_decode() {
    let words = [0xffffffff81000010u64, 0x20, 0, 0x30, 0];
    assert_eq!(frames_from_words(&words), &words[..2]);
    assert_eq!(frames_from_words(&[0, 1]), &[] as &[u64]);
    let bytes: Vec<u8> = words
        .iter()
        .flat_map(|w| w.to_ne_bytes())
        .chain([1, 2, 3])
        .collect();
    assert_eq!(frames_from_bytes(&bytes), vec![0xffffffff81000010, 0x20]);
    assert_eq!(frames_from_bytes(&[1, 2, 3]), Vec::<u64>::new());
    let long: Vec<u64> = (1..=30).collect();
    assert_eq!(limit_to_maxbacktrace(&long).len(), MAXBACKTRACE);
    assert_eq!(MAXBACKTRACE, 20);
    assert_eq!(limit_to_maxbacktrace(&long[..3]), &long[..3]);
}
