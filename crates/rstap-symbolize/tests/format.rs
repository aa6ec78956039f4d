//! SystemTap's address and stack text, independent of any symbol source.

use rstap_symbolize::format::{
    FrameStyle, backtrace_text, caller, callers, callers_frames, frame_line, hex_stack,
    module_basename, parse_hex_stack, print_syms, render_stack, sprint_backtrace_text, sprint_syms,
    symdata, symname, syms_words,
};
use rstap_symbolize::stack::{frames_from_bytes, frames_from_words, limit_to_maxbacktrace};
use rstap_symbolize::{MAXBACKTRACE, ModulePart, ResolvedAddress, Resolver, SymbolPart};

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
    // SystemTap's callers(n) walks levels 0..=n (the probed location is level
    // 0); -1 is the whole stack, other negative counts give nothing, and a
    // stack shorter than n + 1 frames is an error (None).
    let cases: &[(i64, Option<&[u64]>)] = &[
        (-1, Some(&stack[..])),
        (-7, Some(&[])),
        (0, Some(&stack[..1])),
        (1, Some(&stack[..2])),
        (2, Some(&stack[..])),
        (3, None),
        (99, None),
    ];
    for &(n, expected) in cases {
        assert_eq!(callers_frames(&stack, n), expected, "callers({n})");
        assert_eq!(
            callers(&stack, n, 512),
            expected.map(hex_stack),
            "callers({n})"
        );
    }
    assert_eq!(callers(&[], -1, 512).as_deref(), Some(""));
    assert_eq!(callers(&[], 0, 512), None);
    // Whole entries only within MAXSTRINGLEN: 18 bytes, then 19 per entry.
    assert_eq!(
        callers(&stack, -1, 40).as_deref(),
        Some("0xffffffff81000010 0xffffffff81000020")
    );
    assert_eq!(
        callers(&stack, -1, 36).as_deref(),
        Some("0xffffffff81000010")
    );
}

#[test]
fn backtrace_strings_drop_the_last_separator_and_fit_maxstringlen() {
    let stack = [0xffffffff81000010u64, 0x20];
    assert_eq!(backtrace_text(&stack, 512), "0xffffffff81000010 0x20");
    assert_eq!(backtrace_text(&[], 512), "");
    // A MAXSTRINGLEN buffer of 8 holds 7 bytes.
    assert_eq!(backtrace_text(&stack, 8), "0xfffff");
    let frames = [
        frame(
            0xffffffff811c3f50,
            Some(("vfs_read", 0x10, 0x180)),
            Some(("kernel", 0, 0)),
        ),
        frame(0x20, None, None),
    ];
    assert_eq!(
        sprint_backtrace_text(&frames, 512),
        b"vfs_read+0x10 [kernel]\n0x20".to_vec()
    );
    assert_eq!(sprint_backtrace_text(&[], 512), Vec::<u8>::new());
    assert_eq!(sprint_backtrace_text(&frames, 9), b"vfs_read".to_vec());
}

struct Table;

impl Resolver for Table {
    fn resolve(&self, address: u64) -> ResolvedAddress {
        match address {
            0xffffffff811c3f60 => frame(
                address,
                Some(("vfs_read", 0x10, 0x180)),
                Some(("kernel", 0, 0)),
            ),
            _ => ResolvedAddress::unknown(address),
        }
    }
}

#[test]
fn print_syms_lines_echo_each_word_and_its_symdata() {
    let text = b"0xffffffff811c3f60  ffffffff811c3f60 junk -0x1";
    let words: Vec<(&[u8], u64)> = syms_words(text);
    assert_eq!(
        words,
        vec![
            (&b"0xffffffff811c3f60"[..], 0xffffffff811c3f60),
            (&b"ffffffff811c3f60"[..], 0xffffffff811c3f60),
            (&b"junk"[..], 0),
            (&b"-0x1"[..], u64::MAX),
        ]
    );
    let printed = String::from_utf8(print_syms(text, &Table)).unwrap();
    assert_eq!(
        printed,
        " 0xffffffff811c3f60 : vfs_read+0x10/0x180 [kernel]\n \
         ffffffff811c3f60 : vfs_read+0x10/0x180 [kernel]\n \
         junk : 0x0\n \
         -0x1 : 0xffffffffffffffff\n"
    );
    assert!(print_syms(b"", &Table).is_empty());
    // sprint_syms keeps whole lines within MAXSTRINGLEN (51 bytes each here).
    let two = b"0xffffffff811c3f60 0xffffffff811c3f60";
    assert_eq!(sprint_syms(two, &Table, 512), print_syms(two, &Table));
    assert_eq!(sprint_syms(two, &Table, 60).len(), 51);
    assert_eq!(
        sprint_syms(two, &Table, 102),
        print_syms(two, &Table)[..101].to_vec()
    );
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
