//! kallsyms parsing on a hand-written sample and on the live kernel.

use std::path::Path;

use rstap_symbolize::format::{FrameStyle, frame_line, symdata, symname};
use rstap_symbolize::kallsyms::{ModuleExtent, parse_proc_modules};
use rstap_symbolize::{KernelSymbols, Resolver, SymbolizeError};

const SAMPLE: &str = include_str!("fixtures/kallsyms.sample");

fn sample() -> KernelSymbols {
    KernelSymbols::parse(SAMPLE).expect("sample parses")
}

#[test]
fn text_lookups_on_sample() {
    let symbols = sample();
    // (address, expected symdata, or None when no text symbol contains it)
    let cases: &[(u64, Option<&str>)] = &[
        (0xffff_ffff_8000_0000, None),
        // Aliases at one address: the global, least-underscored name wins.
        (0xffff_ffff_8100_0000, Some("_stext+0x0/0x100 [kernel]")),
        (0xffff_ffff_8100_00ff, Some("_stext+0xff/0x100 [kernel]")),
        (
            0xffff_ffff_8100_0105,
            Some("__pfx_do_one+0x5/0x10 [kernel]"),
        ),
        (0xffff_ffff_8100_0110, Some("do_one+0x0/0x70 [kernel]")),
        (0xffff_ffff_8100_0185, Some("vfs_read+0x5/0x180 [kernel]")),
        (0xffff_ffff_8100_0300, Some("weak_hook+0x0/0x40 [kernel]")),
        (
            0xffff_ffff_c000_1004,
            Some("ext4_fill_super+0x4/0x80 [ext4]"),
        ),
        // Last symbol of a module without a known extent: exact address only.
        (0xffff_ffff_c000_1080, Some("ext4_mount+0x0/0x0 [ext4]")),
        (0xffff_ffff_c000_1090, None),
        (
            0xffff_ffff_c000_2000,
            Some("ftrace_trampoline+0x0/0x0 [__builtin__ftrace]"),
        ),
    ];
    for &(address, expected) in cases {
        let got = symbols
            .lookup_text(address)
            .map(|_| symdata(&symbols.resolve(address)));
        assert_eq!(got.as_deref(), expected, "address {address:#x}");
    }
}

#[test]
fn data_lookups_on_sample() {
    let symbols = sample();
    // (address, expected (name, offset, size))
    type Case<'a> = (u64, Option<(&'a str, u64, u64)>);
    let cases: &[Case] = &[
        (0xffff_ffff_8200_0004, Some(("jiffies", 4, 8))),
        (0xffff_ffff_8200_0010, Some(("local_counter", 8, 0x38))),
        (0xffff_ffff_8100_0185, None),
    ];
    for &(address, expected) in cases {
        let got = symbols
            .lookup_data(address)
            .map(|s| (s.name, s.offset, s.size));
        assert_eq!(got, expected, "address {address:#x}");
    }
    // Text lookups never answer with a data symbol.
    assert_eq!(symbols.lookup_text(0xffff_ffff_8200_0004), None);
    // The combined lookup used by symdata falls back to data.
    assert_eq!(
        symdata(&symbols.resolve(0xffff_ffff_8200_0004)),
        "jiffies+0x4/0x8 [kernel]"
    );
}

#[test]
fn absolute_symbols_are_not_kept() {
    let symbols = sample();
    assert_eq!(symbols.address_of("fixed_percpu_data"), None);
    assert_eq!(symbols.address_of("vfs_read"), Some(0xffff_ffff_8100_0180));
    assert_eq!(symbols.address_of("jiffies"), Some(0xffff_ffff_8200_0000));
    assert_eq!(symbols.len(), 14);
}

#[test]
fn module_extents_bound_the_last_symbol() {
    let mut symbols = sample();
    let extents = parse_proc_modules(
        "ext4 4096 1 - Live 0xffffffffc0001000\n\
         hidden 100 0 - Live 0x0000000000000000\n\
         not a module line\n",
    );
    assert_eq!(
        extents,
        vec![ModuleExtent {
            name: "ext4".to_string(),
            start: 0xffff_ffff_c000_1000,
            size: 4096
        }]
    );
    symbols.set_module_extents(&extents);
    // The module ends at 0xc0002000 where the next allocation starts.
    assert_eq!(
        symdata(&symbols.resolve(0xffff_ffff_c000_1090)),
        "ext4_mount+0x10/0xf80 [ext4]"
    );
    assert_eq!(symbols.lookup_text(0xffff_ffff_c000_2004), None);
    // Inside the module's range but before its first symbol: module only.
    symbols.set_module_extents(&[ModuleExtent {
        name: "ext4".to_string(),
        start: 0xffff_ffff_c000_0000,
        size: 0x2000,
    }]);
    let resolved = symbols.resolve(0xffff_ffff_c000_0010);
    assert_eq!(symdata(&resolved), "0xffffffffc0000010 [ext4+0x10/0x2000]");
    assert_eq!(
        frame_line(&resolved, FrameStyle::Full),
        " 0xffffffffc0000010 [ext4+0x10/0x2000]\n"
    );
    assert_eq!(symbols.module_at(0xffff_ffff_c000_2000), None);
    assert_eq!(symbols.module_at(0xffff_ffff_bfff_ffff), None);
}

#[test]
fn zero_addresses_mean_hidden() {
    let hidden = "0000000000000000 T _stext\n0000000000000000 t do_one\n\
                  0000000000000000 t ext4_mount\t[ext4]\n";
    let err = KernelSymbols::parse(hidden).expect_err("hidden addresses");
    assert!(
        matches!(err, SymbolizeError::KernelAddressesHidden { .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("kernel symbol addresses are hidden")
    );
}

#[test]
fn malformed_lines_report_their_line() {
    let cases: &[(&str, usize, &str)] = &[
        (
            "ffffffff81000000 T ok\nnothex T bad\n",
            2,
            "address is not hexadecimal",
        ),
        ("ffffffff81000000\n", 1, "expected `ADDRESS TYPE NAME`"),
        (
            "ffffffff81000000 TT name\n",
            1,
            "symbol type is not one letter",
        ),
        (
            "ffffffff81000000 t name\text4\n",
            1,
            "module is not in brackets",
        ),
        ("ffffffff81000000 t \n", 1, "empty symbol name"),
    ];
    for &(text, line, reason) in cases {
        match KernelSymbols::parse(text) {
            Err(SymbolizeError::Malformed {
                line: got_line,
                reason: got_reason,
                ..
            }) => assert_eq!((got_line, got_reason), (line, reason), "{text:?}"),
            other => panic!("{text:?}: expected Malformed, got {other:?}"),
        }
    }
}

#[test]
fn backtrace_lines_from_kernel_symbols() {
    let symbols = sample();
    let cases: &[(u64, FrameStyle, &str)] = &[
        (
            0xffff_ffff_8100_0185,
            FrameStyle::Full,
            " 0xffffffff81000185 : vfs_read+0x5/0x180 [kernel]\n",
        ),
        (
            0xffff_ffff_8100_0185,
            FrameStyle::Simple,
            "vfs_read+0x5 [kernel]\n",
        ),
        (0xffff_ffff_8100_0185, FrameStyle::Brief, "vfs_read+0x5\n"),
        (
            0xffff_ffff_8000_0000,
            FrameStyle::Full,
            " 0xffffffff80000000\n",
        ),
        (
            0xffff_ffff_8000_0000,
            FrameStyle::Simple,
            "0xffffffff80000000\n",
        ),
    ];
    for &(address, style, expected) in cases {
        assert_eq!(frame_line(&symbols.resolve(address), style), expected);
    }
    assert_eq!(symname(&symbols.resolve(0xffff_ffff_8100_0185)), "vfs_read");
    assert_eq!(
        symname(&symbols.resolve(0xffff_ffff_8000_0000)),
        "0xffffffff80000000"
    );
}

/// The live table, or `None` with the reason printed when this machine
/// cannot provide it.
fn live_kallsyms() -> Option<KernelSymbols> {
    if !Path::new("/proc/kallsyms").exists() {
        eprintln!("skipped: /proc/kallsyms does not exist here");
        return None;
    }
    match KernelSymbols::load() {
        Ok(symbols) => Some(symbols),
        Err(err @ SymbolizeError::KernelAddressesHidden { .. }) => {
            eprintln!("skipped: {err}");
            None
        }
        Err(err) => panic!("/proc/kallsyms exists but cannot be read: {err}"),
    }
}

#[test]
fn live_kallsyms_resolves_vfs_read() {
    let Some(symbols) = live_kallsyms() else {
        return;
    };
    let address = symbols
        .address_of("vfs_read")
        .expect("every kernel has vfs_read");
    let resolved = symbols.resolve(address + 5);
    let data = symdata(&resolved);
    assert!(
        data.starts_with("vfs_read+0x5/0x") && data.ends_with(" [kernel]"),
        "{data}"
    );
    let symbol = symbols.lookup_text(address + 5).expect("text symbol");
    assert!(symbol.size > 5, "vfs_read is more than 5 bytes: {symbol:?}");
    assert_eq!(
        frame_line(&resolved, FrameStyle::Full),
        format!(" {:#x} : {data}\n", address + 5)
    );
}
