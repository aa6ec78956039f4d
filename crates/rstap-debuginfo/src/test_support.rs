//! Building the C programs the tests read.

use std::path::PathBuf;
use std::process::Command;

/// Compiles `source` (written as `NAME.c`) with `cc` and `flags` into `NAME`, in a
/// directory of the system's temporary one named after `dir` and this process;
/// `None`, saying why, when that fails (no compiler, or a missing header).
pub fn cc(dir: &str, name: &str, source: &str, flags: &[&str]) -> Option<PathBuf> {
    let dir = std::env::temp_dir().join(format!("{dir}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let src = dir.join(format!("{name}.c"));
    std::fs::write(&src, source).ok()?;
    let out = dir.join(name);
    let ok = Command::new("cc")
        .args(flags)
        .arg("-o")
        .arg(&out)
        .arg(&src)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!(
            "skipped: `cc {}` failed (no C compiler, or a header missing)",
            flags.join(" ")
        );
        return None;
    }
    Some(out)
}
