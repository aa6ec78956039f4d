//! The compile cache: `CACHE_PATH/<kernel release>/NAME.rstap` (the session file written
//! by `rstap -p4`) beside `NAME.opts`, whose first line is the identity of the kernel and
//! compiler it was built for and whose second line is the compile options.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The extension of cached session files.
pub const SESSION_EXT: &str = "rstap";

/// What a compiled session is only valid for: the kernel (its release and a hash of its
/// BTF, since structure offsets come from there) and the compiler's version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub rstap_version: String,
    pub kernel_release: String,
    pub kernel_btf: String,
}

impl Identity {
    /// The `NAME.opts` first line.
    pub fn line(&self) -> String {
        format!(
            "rstap {} kernel {} btf {}",
            self.rstap_version, self.kernel_release, self.kernel_btf
        )
    }
}

/// One script's cache entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub session: PathBuf,
    pub opts: PathBuf,
}

impl Entry {
    /// The entry of script `name` in the cache directory of one kernel release.
    pub fn new(release_dir: &Path, name: &str) -> Entry {
        Entry {
            session: release_dir.join(format!("{name}.{SESSION_EXT}")),
            opts: release_dir.join(format!("{name}.opts")),
        }
    }

    /// The `NAME.opts` contents for a session compiled with `options` for `identity`.
    pub fn opts_text(identity: &Identity, options: &[String]) -> String {
        format!("{}\n{}\n", identity.line(), options.join(" "))
    }
}

/// Whether a cache entry can be used, or why not (SystemTap's `check_cache` results).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Validity {
    Valid,
    /// The session file or its `.opts` is missing.
    Missing,
    /// The script was changed after it was compiled.
    ScriptNewer,
    /// Compiled for another kernel or by another rstap: (then, now).
    OtherKernel(String, String),
    /// Compiled with other options: (then, now).
    OptionsChanged(String, String),
}

impl std::fmt::Display for Validity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Validity::Valid => write!(f, "up to date"),
            Validity::Missing => write!(f, "not compiled yet"),
            Validity::ScriptNewer => write!(f, "the script changed since it was compiled"),
            Validity::OtherKernel(then, now) => {
                write!(f, "compiled for `{then}`, but this is `{now}`")
            }
            Validity::OptionsChanged(then, now) => {
                write!(f, "compiled with options `{then}`, now `{now}`")
            }
        }
    }
}

/// What [`check`] needs to know about the files, read by [`Facts::read`] or given by tests.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// The `.stp` file's modification time (`None` for a script that exists only in the
    /// cache, or cannot be read).
    pub script_mtime: Option<SystemTime>,
    pub session_mtime: Option<SystemTime>,
    /// The `.opts` contents.
    pub opts: Option<String>,
}

impl Facts {
    pub fn read(script: Option<&Path>, entry: &Entry) -> Facts {
        let mtime = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        Facts {
            script_mtime: script.and_then(mtime),
            session_mtime: mtime(&entry.session),
            opts: std::fs::read_to_string(&entry.opts).ok(),
        }
    }
}

/// Checks a cache entry for a script compiled with `options` on `identity`.
pub fn check(facts: &Facts, identity: &Identity, options: &[String]) -> Validity {
    let (Some(session_mtime), Some(opts)) = (facts.session_mtime, &facts.opts) else {
        return Validity::Missing;
    };
    if facts.script_mtime.is_some_and(|m| m > session_mtime) {
        return Validity::ScriptNewer;
    }
    let mut lines = opts.lines();
    let then_identity = lines.next().unwrap_or_default();
    let now_identity = identity.line();
    if then_identity != now_identity {
        return Validity::OtherKernel(then_identity.to_string(), now_identity);
    }
    let then_options = lines.next().unwrap_or_default();
    let now_options = options.join(" ");
    if then_options != now_options {
        return Validity::OptionsChanged(then_options.to_string(), now_options);
    }
    Validity::Valid
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn identity() -> Identity {
        Identity {
            rstap_version: "0.1.0".into(),
            kernel_release: "6.18.4".into(),
            kernel_btf: "0123456789abcdef".into(),
        }
    }

    fn opts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn facts(script_age: u64, session_age: u64, opts_text: Option<String>) -> Facts {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        Facts {
            script_mtime: Some(now - Duration::from_secs(script_age)),
            session_mtime: Some(now - Duration::from_secs(session_age)),
            opts: opts_text,
        }
    }

    #[test]
    fn the_opts_file() {
        assert_eq!(
            Entry::opts_text(&identity(), &opts(&["-w", "-D", "MAXACTION=10"])),
            "rstap 0.1.0 kernel 6.18.4 btf 0123456789abcdef\n-w -D MAXACTION=10\n"
        );
        let e = Entry::new(Path::new("/c/6.18.4"), "top");
        assert_eq!(e.session, Path::new("/c/6.18.4/top.rstap"));
        assert_eq!(e.opts, Path::new("/c/6.18.4/top.opts"));
    }

    #[test]
    fn validity_rules_in_order() {
        let o = opts(&["-w"]);
        let text = Some(Entry::opts_text(&identity(), &o));
        assert_eq!(
            check(&facts(10, 5, text.clone()), &identity(), &o),
            Validity::Valid
        );
        // Same second counts as not newer.
        assert_eq!(
            check(&facts(5, 5, text.clone()), &identity(), &o),
            Validity::Valid
        );
        assert_eq!(
            check(&facts(5, 10, text.clone()), &identity(), &o),
            Validity::ScriptNewer
        );
        assert_eq!(
            check(&facts(10, 5, None), &identity(), &o),
            Validity::Missing
        );
        let mut no_session = facts(10, 5, text.clone());
        no_session.session_mtime = None;
        assert_eq!(check(&no_session, &identity(), &o), Validity::Missing);

        let mut other = identity();
        other.kernel_btf = "fedcba9876543210".into();
        assert_eq!(
            check(&facts(10, 5, text.clone()), &other, &o).to_string(),
            "compiled for `rstap 0.1.0 kernel 6.18.4 btf 0123456789abcdef`, but this is `rstap 0.1.0 kernel 6.18.4 btf fedcba9876543210`"
        );
        let mut newer_rstap = identity();
        newer_rstap.rstap_version = "0.2.0".into();
        assert!(matches!(
            check(&facts(10, 5, text.clone()), &newer_rstap, &o),
            Validity::OtherKernel(..)
        ));
        assert_eq!(
            check(
                &facts(10, 5, text.clone()),
                &identity(),
                &opts(&["-w", "-u"])
            ),
            Validity::OptionsChanged("-w".into(), "-w -u".into())
        );
        assert_eq!(
            check(&facts(10, 5, text), &identity(), &[]).to_string(),
            "compiled with options `-w`, now ``"
        );
    }

    #[test]
    fn cache_only_scripts_skip_the_time_check() {
        let o = opts(&[]);
        let mut f = facts(0, 10, Some(Entry::opts_text(&identity(), &o)));
        f.script_mtime = None;
        assert_eq!(check(&f, &identity(), &o), Validity::Valid);
    }

    #[test]
    fn facts_from_files() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("a.stp");
        std::fs::write(&script, "probe begin {}").unwrap();
        let entry = Entry::new(dir.path(), "a");
        let f = Facts::read(Some(&script), &entry);
        assert!(f.script_mtime.is_some() && f.session_mtime.is_none() && f.opts.is_none());
        std::fs::write(&entry.session, "{}").unwrap();
        std::fs::write(&entry.opts, Entry::opts_text(&identity(), &[])).unwrap();
        let f = Facts::read(Some(&script), &entry);
        assert_eq!(check(&f, &identity(), &[]), Validity::Valid);
    }
}
