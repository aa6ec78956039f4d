//! User-space symbolization: maps parsing, the frame policy, the running
//! test binary itself and a child process resolved after it exited.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rstap_symbolize::format::{FrameStyle, frame_line, render_stack, symdata, symname};
use rstap_symbolize::maps::parse_maps;
use rstap_symbolize::{
    ElfAddressKind, ElfSymbolizer, MappingSource, ProcessSnapshot, ProcessSymbolCache, Resolver,
    SymbolizeError,
};

const MAPS: &str = include_str!("fixtures/maps.sample");
const FIXTURE_PID: u32 = 4242;

fn fixture_cache() -> ProcessSymbolCache {
    let mappings = parse_maps(MAPS, Path::new("maps.sample")).expect("sample parses");
    let mut cache = ProcessSymbolCache::new();
    cache.insert_snapshot(ProcessSnapshot::from_mappings(FIXTURE_PID, mappings));
    cache
}

#[test]
fn maps_lines_parse() {
    let mappings = parse_maps(MAPS, Path::new("maps.sample")).expect("sample parses");
    assert_eq!(mappings.len(), 10);
    let text = &mappings[1];
    assert_eq!(
        (text.start, text.end, text.file_offset, text.inode),
        (0x40_1000, 0x40_3000, 0x1000, 1001)
    );
    assert!(text.readable && text.executable && !text.writable);
    assert_eq!(text.device, (0xfe, 0));
    let sources: Vec<MappingSource> = mappings.iter().map(|m| m.source.clone()).collect();
    assert_eq!(sources[3], MappingSource::Pseudo("[heap]".to_string()));
    assert_eq!(sources[4], MappingSource::Anonymous);
    assert_eq!(
        sources[5],
        MappingSource::File {
            path: PathBuf::from("/usr/lib/lib with space.so"),
            deleted: false
        }
    );
    assert_eq!(
        sources[7],
        MappingSource::File {
            path: PathBuf::from("/tmp/plugin.so"),
            deleted: true
        }
    );
}

#[test]
fn malformed_maps_lines_report_their_line() {
    let cases: &[(&str, usize, &str)] = &[
        (
            "00400000 r-xp 0 fe:00 1 /a\n",
            1,
            "address range without `-`",
        ),
        (
            "00400000-zz r-xp 0 fe:00 1 /a\n",
            1,
            "end address is not hexadecimal",
        ),
        (
            "00401000-00400000 r-xp 0 fe:00 1 /a\n",
            1,
            "end address below start address",
        ),
        (
            "00400000-00401000 r-x 0 fe:00 1 /a\n",
            1,
            "permissions are not four characters",
        ),
        (
            "00400000-00401000 r-xp 0 fe00 1 /a\n",
            1,
            "device without `:`",
        ),
        (
            "00400000-00401000 r-xp 0 fe:00 x /a\n",
            1,
            "inode is not decimal",
        ),
        (
            "\n00400000-00401000 r-xp\n",
            2,
            "expected `START-END PERMS OFFSET DEV INODE [PATH]`",
        ),
    ];
    for &(text, line, reason) in cases {
        match parse_maps(text, Path::new("maps")) {
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
fn stacks_stop_at_the_first_frame_outside_code() {
    let cache = fixture_cache();
    let snapshot = cache.get(FIXTURE_PID).expect("inserted");
    // (stack leaf first, frames kept)
    let cases: &[(&[u64], usize)] = &[
        (&[0x40_1010, 0x7f10_0002_9000, 0x40_2000], 3),
        // Heap word (garbage from a frame-pointer-less caller) ends the stack.
        (&[0x40_1010, 0x0100_0010, 0x40_2000], 1),
        // Read-only part of the executable is not code.
        (&[0x40_1010, 0x40_0010], 1),
        // Anonymous executable memory (JIT) and the vDSO count as code.
        (&[0x7f00_0000_0010, 0x7ffc_000f_0010, 0x40_1000], 3),
        (&[0xdead], 0),
        (&[], 0),
    ];
    for &(stack, kept) in cases {
        assert_eq!(snapshot.usable_stack(stack), &stack[..kept], "{stack:x?}");
        assert_eq!(cache.resolve_stack(FIXTURE_PID, stack).len(), kept);
    }
}

#[test]
fn unreadable_files_fall_back_to_module_offsets() {
    // The fixture's files do not exist, so only mapping facts are known:
    // SystemTap then prints the offset into the module and its extent.
    let cache = fixture_cache();
    let cases: &[(u64, &str, &str, &str)] = &[
        (
            0x40_1234,
            " 0x401234 [/opt/app/bin/app+0x1234/0x4000]\n",
            "0x401234 [app+0x1234]\n",
            "0x401234 [/opt/app/bin/app+0x1234/0x4000]",
        ),
        (
            0x7f10_0002_8010,
            " 0x7f1000028010 [/usr/lib/lib with space.so+0x28010/0x1bd000]\n",
            "0x7f1000028010 [lib with space.so+0x28010]\n",
            "0x7f1000028010 [/usr/lib/lib with space.so+0x28010/0x1bd000]",
        ),
        (
            0x7ffc_000f_0100,
            " 0x7ffc000f0100 [[vdso]+0x100/0x2000]\n",
            "0x7ffc000f0100 [[vdso]+0x100]\n",
            "0x7ffc000f0100 [[vdso]+0x100/0x2000]",
        ),
        (
            0x7f00_0000_0010,
            " 0x7f0000000010\n",
            "0x7f0000000010\n",
            "0x7f0000000010",
        ),
        (0x10, " 0x10\n", "0x10\n", "0x10"),
    ];
    for &(address, full, simple, data) in cases {
        let resolved = cache.resolve(FIXTURE_PID, address);
        assert_eq!(frame_line(&resolved, FrameStyle::Full), full);
        assert_eq!(frame_line(&resolved, FrameStyle::Simple), simple);
        assert_eq!(symdata(&resolved), data);
        assert_eq!(symname(&resolved), format!("{address:#x}"));
    }
    let names: Vec<Option<String>> = [
        0x40_1234,
        0x7f10_0000_0010,
        0x7ffc_000f_0100,
        0x7f00_0000_0010,
    ]
    .iter()
    .map(|&a| cache.module_short_name(FIXTURE_PID, a))
    .collect();
    assert_eq!(
        names,
        vec![
            Some("app".to_string()),
            Some("lib with space.so".to_string()),
            Some("[vdso]".to_string()),
            None
        ]
    );
    // No snapshot for a pid: only the hex.
    assert_eq!(symname(&cache.resolve(1, 0x40_1234)), "0x401234");
}

#[inline(never)]
fn rstap_symbolize_marker_function(x: u64) -> u64 {
    std::hint::black_box(x.wrapping_mul(31).rotate_left(7))
}

#[test]
fn resolves_a_function_of_this_test_binary() {
    let marker: fn(u64) -> u64 = rstap_symbolize_marker_function;
    assert_ne!(marker(3), 0);
    let address = marker as usize as u64;
    let pid = std::process::id();
    let mut cache = ProcessSymbolCache::new();
    cache.snapshot(pid).expect("own maps are readable");
    let snapshot = cache.get(pid).expect("snapshot kept");
    assert!(snapshot.is_code_address(address));

    let resolved = cache.process(pid).resolve(address + 1);
    let symbol = resolved.symbol.as_ref().expect("symbol for the marker");
    assert!(
        symbol.name.contains("rstap_symbolize_marker_function"),
        "{symbol:?}"
    );
    assert_eq!(symbol.offset, 1);
    assert!(symbol.size > 1, "{symbol:?}");
    let module = resolved.module.as_ref().expect("module");
    let exe = std::fs::canonicalize("/proc/self/exe").expect("own executable");
    assert_eq!(Path::new(&module.name), exe);
    let line = frame_line(&resolved, FrameStyle::Full);
    assert!(
        line.starts_with(&format!(" {:#x} : ", address + 1))
            && line.contains("rstap_symbolize_marker_function+0x1/0x")
            && line.ends_with(&format!(" [{}]\n", exe.display())),
        "{line}"
    );

    // The same answer straight from the ELF file by file offset.
    let mapping = snapshot.mapping_for(address).expect("mapped");
    let file_offset = address - mapping.start + mapping.file_offset;
    let elf = ElfSymbolizer::new();
    let by_offset = elf
        .symbolize(&exe, ElfAddressKind::FileOffset, &[file_offset])
        .expect("own executable is ELF");
    assert_eq!(by_offset[0].as_ref().map(|s| &s.name), Some(&symbol.name));
}

#[inline(never)]
fn rstap_symbolize_second_marker(x: u64) -> u64 {
    std::hint::black_box(x.wrapping_add(17).rotate_right(3))
}

#[test]
fn frames_recorded_by_build_id_resolve_without_the_process_map() {
    let marker: fn(u64) -> u64 = rstap_symbolize_marker_function;
    let second: fn(u64) -> u64 = rstap_symbolize_second_marker;
    assert_ne!(marker(3).wrapping_add(second(4)), 0);
    let (address, other) = (marker as usize as u64 + 2, second as usize as u64);
    let exe = std::fs::canonicalize("/proc/self/exe").expect("own executable");
    // What the kernel records for a frame: the file's build id and the offset in it.
    let mut own = ProcessSymbolCache::new();
    own.snapshot(std::process::id())
        .expect("own maps are readable");
    let mapping = own
        .get(std::process::id())
        .unwrap()
        .mapping_for(address)
        .unwrap();
    let offset = address - mapping.start + mapping.file_offset;
    let Some(id) = rstap_symbolize::elf::read_build_id(&exe) else {
        eprintln!("skipped: the test binary has no build id");
        return;
    };
    let mut build_id = [0u8; 20];
    build_id[..id.len()].copy_from_slice(&id);

    // A cache that never recorded this process finds the file among known files.
    let mut cache = ProcessSymbolCache::new();
    cache.add_known_file(&exe);
    assert_eq!(
        cache.file_with_build_id(&build_id).as_deref(),
        Some(exe.as_path())
    );
    let frames = [(address, build_id, offset)];
    let resolved = cache.resolve_file_frames(&frames);
    let line = frame_line(&resolved[0], FrameStyle::Full);
    assert!(
        line.starts_with(&format!(" {address:#x} : "))
            && line.contains("rstap_symbolize_marker_function+0x2/0x")
            && line.ends_with(&format!(" [{}]\n", exe.display())),
        "{line}"
    );
    // Another address of the same file, located from the frame's distance to its
    // offset, and the frame's own address remembered for text that names it later.
    let near = cache.resolve_near_frames(other, &frames);
    assert_eq!(
        symname(&near),
        symname(&cache.resolve_near_frames(other, &frames))
    );
    assert!(
        symname(&near).contains("rstap_symbolize_second_marker"),
        "{near:?}"
    );
    assert_eq!(cache.resolved_before(address), Some(&resolved[0]));
    assert!(symname(&cache.resolve(4242, address)).contains("marker_function"));
    // An unknown build id resolves to nothing.
    assert_eq!(cache.file_with_build_id(&[0x5a; 20]), None);
    let unknown = cache.resolve_file_frames(&[(0x1000, [0x5a; 20], 0x10)]);
    assert_eq!(symname(&unknown[0]), "0x1000");
}

/// Polls until `pid` maps a file whose name contains `needle`
/// (the dynamic loader maps libraries shortly after exec).
fn wait_for_mapping(pid: u32, needle: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(text) = std::fs::read_to_string(format!("/proc/{pid}/maps"))
            && text.lines().any(|l| l.contains(needle))
        {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

#[test]
fn resolves_a_child_process_after_it_exited() {
    let sleep = match which("sleep") {
        Some(path) => path,
        None => {
            eprintln!("skipped: no `sleep` executable on PATH");
            return;
        }
    };
    let mut child = Command::new(&sleep)
        .arg("0.2")
        .spawn()
        .expect("spawn sleep");
    let pid = child.id();
    // Rust's spawn returns after exec; libc appears once ld.so ran.
    let libc_mapped = wait_for_mapping(pid, "libc");
    let mut cache = ProcessSymbolCache::new();
    cache.snapshot(pid).expect("child is alive");
    let status = child.wait().expect("wait for sleep");
    assert!(status.success());
    assert!(
        !Path::new(&format!("/proc/{pid}/maps")).exists()
            || std::fs::read_to_string(format!("/proc/{pid}/maps")).is_ok_and(|t| t.is_empty()),
        "child {pid} is gone"
    );
    let snapshot = cache.get(pid).expect("kept after exit");

    // 1. An address in the main executable's code.
    let exe = std::fs::canonicalize(&sleep).expect("sleep path");
    let text = snapshot
        .mappings()
        .iter()
        .find(|m| m.executable && m.path() == Some(exe.as_path()))
        .expect("sleep's code is mapped");
    let module = snapshot
        .modules()
        .iter()
        .find(|m| m.path == exe)
        .expect("sleep module");
    let address = text.start + 0x10;
    let resolved = cache.resolve(pid, address);
    let line = frame_line(&resolved, FrameStyle::Full);
    match &resolved.symbol {
        // Distribution binaries are stripped; a dynamic symbol may still cover it.
        Some(symbol) => {
            assert!(!symbol.name.is_empty());
            assert!(
                line.starts_with(&format!(" {address:#x} : {}+0x", symbol.name))
                    && line.ends_with(&format!(" [{}]\n", exe.display())),
                "{line}"
            );
        }
        // The documented fallback: offset into the module and its extent.
        None => assert_eq!(
            line,
            format!(
                " {address:#x} [{}+{:#x}/{:#x}]\n",
                exe.display(),
                address - module.base,
                module.end - module.base
            )
        ),
    }

    // 2. A libc function: named even though the process is gone.
    if !libc_mapped {
        eprintln!("skipped libc check: sleep maps no libc (static build?)");
        return;
    }
    let libc = snapshot
        .modules()
        .iter()
        .find(|m| m.executable && m.path.to_string_lossy().contains("libc"))
        .expect("libc module");
    let elf = ElfSymbolizer::new();
    let target = ["clock_nanosleep", "nanosleep", "exit"]
        .iter()
        .find_map(|name| {
            let found = elf.find_symbol(&libc.path, name).ok()?;
            let location = found.into_iter().find(|f| f.file_offset.is_some())?;
            Some((name, location.file_offset?, location.virtual_address))
        });
    let Some((name, file_offset, virtual_address)) = target else {
        panic!(
            "libc at {} exports none of the expected functions",
            libc.path.display()
        );
    };
    let mapping = snapshot
        .mappings()
        .iter()
        .find(|m| {
            m.executable
                && m.path() == Some(libc.path.as_path())
                && (m.file_offset..m.file_offset + (m.end - m.start)).contains(&file_offset)
        })
        .expect("function lies in libc's code mapping");
    let address = mapping.start + (file_offset - mapping.file_offset) + 2;
    let by_vaddr = elf
        .symbolize(
            &libc.path,
            ElfAddressKind::VirtualAddress,
            &[virtual_address + 2],
        )
        .expect("libc is ELF");
    let by_vaddr = by_vaddr[0]
        .as_ref()
        .expect("libc symbol by virtual address");
    assert!(
        by_vaddr.name.contains(name) && by_vaddr.offset == 2,
        "{by_vaddr:?}"
    );
    let stack = [address];
    let frames = cache.resolve_stack(pid, &stack);
    let rendered = render_stack(&frames, FrameStyle::Full);
    let symbol = frames[0].symbol.as_ref().expect("libc symbol after exit");
    assert!(symbol.name.contains(name), "{rendered}");
    assert_eq!(symbol.offset, 2, "{rendered}");
    assert!(
        rendered.ends_with(&format!(" [{}]\n", libc.path.display())),
        "{rendered}"
    );
}

fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

#[test]
fn processes_mapping_the_same_files_share_their_handles() {
    let spawn = || Command::new("sleep").arg("5").spawn().expect("sleep runs");
    let (mut a, mut b) = (spawn(), spawn());
    let ready = wait_for_mapping(a.id(), "libc") && wait_for_mapping(b.id(), "libc");
    let mut cache = ProcessSymbolCache::new();
    if ready {
        cache.snapshot(a.id()).expect("first sleep recorded");
        let per_process = cache.open_files();
        cache.snapshot(b.id()).expect("second sleep recorded");
        // The program, the C library and the loader: opened once for both.
        assert!(per_process >= 2, "{per_process}");
        assert_eq!(cache.open_files(), per_process);
    }
    let _ = (a.kill(), b.kill(), a.wait(), b.wait());
    assert!(ready, "sleep never mapped libc");
}
