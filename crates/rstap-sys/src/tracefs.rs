//! tracefs: where it is, which events it lists, and a tracepoint's id/format.

use std::io;
use std::path::PathBuf;

const CANDIDATES: &[&str] = &["/sys/kernel/tracing", "/sys/kernel/debug/tracing"];

/// The tracefs directory currently mounted (one holding `available_events`).
pub fn locate() -> io::Result<PathBuf> {
    CANDIDATES
        .iter()
        .map(PathBuf::from)
        .find(|p| p.join("available_events").exists())
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "tracefs is not mounted"))
}

/// Mounts tracefs at `/sys/kernel/tracing` when no tracefs is mounted and the mount
/// point exists. Needs root; returns whether tracefs is mounted afterwards.
pub fn mount_if_absent() -> bool {
    if locate().is_ok() {
        return true;
    }
    let target = c"/sys/kernel/tracing";
    if !std::path::Path::new("/sys/kernel/tracing").is_dir() {
        return false;
    }
    // SAFETY: all arguments are valid NUL-terminated strings; no mount data is passed.
    let r = unsafe {
        libc::mount(
            c"nodev".as_ptr(),
            target.as_ptr(),
            c"tracefs".as_ptr(),
            0,
            std::ptr::null(),
        )
    };
    r == 0 && locate().is_ok()
}

/// Every `system:name` tracepoint the kernel offers.
pub fn available_events() -> io::Result<Vec<String>> {
    let text = std::fs::read_to_string(locate()?.join("available_events"))?;
    Ok(text.lines().map(str::to_owned).collect())
}

fn event_dir(system: &str, name: &str) -> io::Result<PathBuf> {
    let bad = |s: &str| s.is_empty() || s.contains('/') || s.contains("..");
    if bad(system) || bad(name) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("bad tracepoint name `{system}:{name}`"),
        ));
    }
    Ok(locate()?.join("events").join(system).join(name))
}

/// The perf id of tracepoint `system:name`.
pub fn tracepoint_id(system: &str, name: &str) -> io::Result<u32> {
    let text = std::fs::read_to_string(event_dir(system, name)?.join("id"))?;
    text.trim()
        .parse()
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "tracepoint id is not a number"))
}

/// The text of tracepoint `system:name`'s `format` file.
pub fn tracepoint_format(system: &str, name: &str) -> io::Result<String> {
    std::fs::read_to_string(event_dir(system, name)?.join("format"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_path_like_names() {
        for (sys, name) in [("../x", "y"), ("a", "b/c"), ("", "x")] {
            let err = tracepoint_id(sys, name).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{sys}:{name}");
        }
    }

    #[test]
    fn sys_enter_has_id_and_format() {
        if locate().is_err() {
            eprintln!("skipped: tracefs not mounted or not readable");
            return;
        }
        assert!(tracepoint_id("raw_syscalls", "sys_enter").unwrap() > 0);
        let fmt = tracepoint_format("raw_syscalls", "sys_enter").unwrap();
        assert!(fmt.contains("field:long id;"), "{fmt}");
        assert!(
            available_events()
                .unwrap()
                .iter()
                .any(|e| e == "raw_syscalls:sys_enter")
        );
    }
}
