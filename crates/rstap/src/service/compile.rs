//! compile and cleanup: the compile cache `CACHE_PATH/KREL/NAME.rstap` + `NAME.opts`.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::Command;

use rstap_service::cache::{self, Entry, Identity, Validity};
use rstap_service::options::ScriptOptions;

use super::Service;

/// The kernel a compile is for.
struct Target {
    identity: Identity,
    /// `--kernel-btf` for another kernel.
    btf: Option<PathBuf>,
}

impl Service {
    /// The kernel of `-r` (with its BTF), or this one.
    fn target(&self) -> Result<Target, String> {
        let release = match &self.args.release {
            Some(r) if *r != self.identity.kernel_release || self.args.kernel_btf.is_some() => {
                r.clone()
            }
            _ => {
                return Ok(Target {
                    identity: self.identity.clone(),
                    btf: None,
                });
            }
        };
        let btf = self
            .args
            .kernel_btf
            .clone()
            .unwrap_or_else(|| self.settings.btf_path.join(&release));
        let bytes = std::fs::read(&btf).map_err(|e| {
            format!(
                "compiling for kernel {release} needs its vmlinux BTF, and {} cannot be read ({e}): copy /sys/kernel/btf/vmlinux of a machine running {release} to {}, or give --kernel-btf FILE",
                btf.display(),
                self.settings.btf_path.join(&release).display()
            )
        })?;
        Ok(Target {
            identity: Identity {
                rstap_version: self.identity.rstap_version.clone(),
                kernel_release: release,
                kernel_btf: rstap_runtime::session_file::btf_hash(&bytes),
            },
            btf: Some(btf),
        })
    }

    /// The session file to start `name` from: the cached one when valid, else a new
    /// compile (AUTOCOMPILE), else the reason neither is possible.
    pub(super) fn ensure_compiled(
        &self,
        name: &str,
        options: &ScriptOptions,
    ) -> Result<PathBuf, String> {
        let dir = self.settings.cache_dir(&self.identity.kernel_release);
        let entry = Entry::new(&dir, name);
        let script = self.script_file(name);
        let facts = cache::Facts::read(script.as_deref(), &entry);
        let validity = cache::check(&facts, &self.identity, &options.compile);
        if validity == Validity::Valid {
            self.note(&format!(
                "using cached {name} ({})",
                entry.session.display()
            ));
            return Ok(entry.session);
        }
        if script.is_none() {
            return Err(format!(
                "its compiled session cannot be used ({validity}) and there is no {name}.stp to compile"
            ));
        }
        if !self.settings.autocompile {
            return Err(format!(
                "its compiled session cannot be used ({validity}) and AUTOCOMPILE is off: run 'rstap service compile {name}'"
            ));
        }
        let target = Target {
            identity: self.identity.clone(),
            btf: None,
        };
        self.compile_one(name, options, &target, &validity.to_string())
    }

    /// Compiles `name` into the cache of `target`'s release.
    fn compile_one(
        &self,
        name: &str,
        options: &ScriptOptions,
        target: &Target,
        why: &str,
    ) -> Result<PathBuf, String> {
        let Some(script) = self.script_file(name) else {
            return Err(format!(
                "there is no script {name}.stp in {}",
                self.settings.script_path.display()
            ));
        };
        let release = &target.identity.kernel_release;
        self.note(&format!("compiling {name} for kernel {release} ({why})"));
        if !options.ignored.is_empty() {
            self.warn(&format!(
                "{name}_OPT: ignoring {} (the service decides these)",
                options.ignored.join(" ")
            ));
        }
        let work = self
            .settings
            .temp_path
            .join(format!("rstap-service.{name}.{}", std::process::id()));
        std::fs::create_dir_all(&work)
            .map_err(|e| format!("cannot create {}: {e}", work.display()))?;
        let result = self.compile_in(&work, name, &script, options, target);
        let _ = std::fs::remove_dir_all(&work);
        match &result {
            Ok(session) => self.note(&format!("compiled {name} into {}", session.display())),
            Err(why) => self.log(&format!("compiling {name} failed: {why}")),
        }
        result
    }

    fn compile_in(
        &self,
        work: &Path,
        name: &str,
        script: &Path,
        options: &ScriptOptions,
        target: &Target,
    ) -> Result<PathBuf, String> {
        let mut cmd = Command::new(&self.rstap);
        cmd.current_dir(work).arg("-p4");
        if let Some(btf) = &target.btf {
            cmd.arg("-r")
                .arg(&target.identity.kernel_release)
                .arg("--kernel-btf")
                .arg(absolute(btf));
        }
        let out = cmd
            .args(&options.compile)
            .arg(absolute(script))
            .env("NO_COLOR", "1")
            .output()
            .map_err(|e| format!("cannot run {}: {e}", self.rstap.display()))?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() {
            eprint!("{stderr}");
            let first = stderr
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("no diagnostics");
            return Err(format!("compile error: {first}"));
        }
        let produced = work.join(String::from_utf8_lossy(&out.stdout).trim());
        let dir = self.settings.cache_dir(&target.identity.kernel_release);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create the cache directory {}: {e}", dir.display()))?;
        let entry = Entry::new(&dir, name);
        // The session first, then the options that make it valid.
        let _ = std::fs::remove_file(&entry.opts);
        if std::fs::rename(&produced, &entry.session).is_err() {
            std::fs::copy(&produced, &entry.session).map_err(|e| {
                format!(
                    "cannot store the session in {}: {e}",
                    entry.session.display()
                )
            })?;
        }
        std::fs::write(
            &entry.opts,
            Entry::opts_text(&target.identity, &options.compile),
        )
        .map_err(|e| format!("cannot write {}: {e}", entry.opts.display()))?;
        Ok(entry.session)
    }

    pub(super) fn compile(&self, names: &[String]) -> u8 {
        let target = match self.target() {
            Ok(t) => t,
            Err(e) => {
                self.problem(&e);
                return 1;
            }
        };
        let names = if names.is_empty() {
            rstap_service::scripts::find(&self.settings.script_path, "stp").names
        } else {
            names.to_vec()
        };
        let mut failures = BTreeMap::new();
        for name in &names {
            let options = rstap_service::options::split(&self.settings.script_options(name));
            let result = if rstap_service::scripts::valid_name(name) {
                self.compile_one(name, &options, &target, "compile command")
            } else {
                Err(format!("'{name}' is not a valid script name"))
            };
            if let Err(why) = result {
                self.problem(&format!("{name} not compiled: {why}"));
                failures.insert(name.clone(), why);
            }
        }
        self.outcome("compile", &failures, names.len())
    }

    /// Compiles `names` for boot unless their cache entries are valid.
    pub(super) fn compile_for_boot(&self, names: &[String]) -> bool {
        let target = match self.target() {
            Ok(t) => t,
            Err(e) => {
                self.problem(&e);
                return false;
            }
        };
        let dir = self.settings.cache_dir(&target.identity.kernel_release);
        let mut ok = true;
        for name in names {
            let options = rstap_service::options::split(&self.settings.script_options(name));
            let entry = Entry::new(&dir, name);
            let script = self.script_file(name);
            let facts = cache::Facts::read(script.as_deref(), &entry);
            let validity = cache::check(&facts, &target.identity, &options.compile);
            if validity == Validity::Valid {
                self.note(&format!(
                    "using cached {name} ({})",
                    entry.session.display()
                ));
                continue;
            }
            if let Err(why) = self.compile_one(name, &options, &target, &validity.to_string()) {
                self.problem(&format!("{name} not compiled: {why}"));
                ok = false;
            }
        }
        ok
    }

    pub(super) fn cleanup(&self, names: &[String]) -> u8 {
        for n in names {
            if !rstap_service::scripts::valid_name(n) {
                self.problem(&format!("'{n}' is not a valid script name"));
                return 1;
            }
        }
        let cache = &self.settings.cache_path;
        let releases: Vec<PathBuf> = match &self.args.release {
            Some(r) => vec![cache.join(r)],
            None if !names.is_empty() => vec![cache.join(&self.identity.kernel_release)],
            None => std::fs::read_dir(cache)
                .map(|rd| {
                    rd.filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.is_dir())
                        .collect()
                })
                .unwrap_or_default(),
        };
        let mut files = Vec::new();
        for dir in &releases {
            let Ok(rd) = std::fs::read_dir(dir) else {
                continue;
            };
            for e in rd.filter_map(Result::ok) {
                let path = e.path();
                let ext_ok = path
                    .extension()
                    .is_some_and(|x| x == cache::SESSION_EXT || x == "opts");
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                if ext_ok && (names.is_empty() || names.iter().any(|n| n == stem)) {
                    files.push(path);
                }
            }
        }
        files.sort();
        let sessions = files
            .iter()
            .filter(|f| f.extension().is_some_and(|x| x == cache::SESSION_EXT))
            .count();
        if files.is_empty() {
            println!("No compiled sessions to delete in {}", cache.display());
            return 0;
        }
        if !self.args.yes {
            print!(
                "Delete {sessions} compiled session(s) ({} files) from {}? [y/N] ",
                files.len(),
                cache.display()
            );
            let _ = std::io::Write::flush(&mut std::io::stdout());
            let mut answer = String::new();
            let _ = std::io::stdin().lock().read_line(&mut answer);
            if !matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes") {
                println!("Nothing deleted.");
                return 0;
            }
        }
        let mut failed = false;
        for f in &files {
            if let Err(e) = std::fs::remove_file(f) {
                self.problem(&format!("cannot delete {}: {e}", f.display()));
                failed = true;
            }
        }
        for dir in &releases {
            // Only removes directories left empty.
            let _ = std::fs::remove_dir(dir);
        }
        self.note(&format!(
            "cleanup: deleted {sessions} compiled session(s) from {}",
            cache.display()
        ));
        u8::from(failed)
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}
