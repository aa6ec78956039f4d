//! rstap's tapset library: our own `.stp` (functions, probe aliases) and `.stpm` (macros)
//! files, written from SystemTap's documented behaviour and embedded in the binary.
//!
//! Architecture invariant: this crate only stores and finds library text; parsing and
//! deciding which files a script uses belong to `rstap-syntax` and `rstap-sema`.
//!
//! Functions that the language cannot express are declared here with an embedded body
//! `%{ /* intrinsic */ %}` (or `%{ /* intrinsic: NAME */ %}`): each executor implements
//! them natively under that name.

use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// One library file: a display name (`<tapset>/string.stp` or its path on disk) and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TapsetFile {
    pub name: String,
    pub text: String,
}

impl TapsetFile {
    pub fn is_macro_file(&self) -> bool {
        self.name.ends_with(".stpm")
    }
}

/// The embedded library, in a stable order.
pub fn embedded() -> Vec<TapsetFile> {
    embedded::FILES
        .iter()
        .map(|(name, text)| TapsetFile {
            name: format!("<tapset>/{name}"),
            text: (*text).to_string(),
        })
        .collect()
}

/// The library as a user sees it: the embedded files, then each `-I DIR` in order.
///
/// A file in a `-I` directory replaces an embedded file of the same relative name, the way
/// a later tapset directory overrides an earlier one.
pub fn library(include_dirs: &[PathBuf]) -> std::io::Result<Vec<TapsetFile>> {
    let mut files = embedded();
    for dir in include_dirs {
        let mut found = Vec::new();
        collect(dir, &mut found)?;
        found.sort();
        for path in found {
            let text = std::fs::read_to_string(&path)?;
            let rel = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            let embedded_name = format!("<tapset>/{rel}");
            files.retain(|f| f.name != embedded_name);
            files.push(TapsetFile {
                name: path.display().to_string(),
                text,
            });
        }
    }
    Ok(files)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("stp" | "stpm")
        ) {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn include_dir_adds_and_overrides() {
        let dir = std::env::temp_dir().join(format!("rstap-tapsets-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("sub/extra.stp"), "function extra() { }").unwrap();
        std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
        let lib = library(std::slice::from_ref(&dir)).unwrap();
        let extra = lib
            .iter()
            .find(|f| f.name.ends_with("sub/extra.stp"))
            .unwrap();
        assert_eq!(extra.text, "function extra() { }");
        assert!(!lib.iter().any(|f| f.name.ends_with("notes.txt")));
        assert_eq!(lib.len(), embedded().len() + 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn missing_include_dir_is_an_error() {
        assert!(library(&[PathBuf::from("/nonexistent/rstap/tapsets")]).is_err());
    }
}
