//! Which scripts the service knows: `SCRIPT_PATH/*.stp` named by SystemTap's rule.

use std::path::{Path, PathBuf};

/// SystemTap's rule for service script names, `^[a-zA-Z_][a-zA-Z0-9_]*$`: the name is
/// also part of shell variable names (`NAME_OPT`, `NAME_REQ`).
pub fn valid_name(name: &str) -> bool {
    crate::shell::is_name(name)
}

/// The scripts of a directory of `*.stp` files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// Valid names, sorted.
    pub names: Vec<String>,
    /// `*.stp` files whose names break the rule (they are not services).
    pub ignored: Vec<PathBuf>,
}

/// Lists `dir/*.EXT` (a missing directory has none).
pub fn find(dir: &Path, ext: &str) -> Found {
    let mut found = Found::default();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in rd.filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != ext) || !path.is_file() {
            continue;
        }
        match path.file_stem().and_then(|s| s.to_str()) {
            Some(stem) if valid_name(stem) => found.names.push(stem.to_string()),
            _ => found.ignored.push(path),
        }
    }
    found.names.sort();
    found.ignored.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_rule() {
        for ok in ["a", "syscalls", "_x", "Top10", "a_b_9"] {
            assert!(valid_name(ok), "{ok}");
        }
        for bad in ["", "9lives", "a-b", "a.b", "a b", "ä", "-a"] {
            assert!(!valid_name(bad), "{bad}");
        }
    }

    #[test]
    fn finds_stp_files_with_valid_names() {
        let dir = tempfile::tempdir().unwrap();
        for f in [
            "b.stp",
            "a.stp",
            "2fast.stp",
            "no-dash.stp",
            "notes.txt",
            "c.stp.bak",
        ] {
            std::fs::write(dir.path().join(f), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("d.stp")).unwrap();
        let found = find(dir.path(), "stp");
        assert_eq!(found.names, ["a", "b"]);
        assert_eq!(
            found.ignored,
            [dir.path().join("2fast.stp"), dir.path().join("no-dash.stp")]
        );
        assert_eq!(find(&dir.path().join("missing"), "stp"), Found::default());
    }
}
