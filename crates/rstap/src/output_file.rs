//! `-o FILE` output: strftime patterns in the name, `-S SIZE[,N]` rotation through
//! FILE.0, FILE.1, ... and `switch_file()`.
//!
//! A failed write never stops the session: the first failure is kept for the end of a
//! foreground run and reported once through the failure callback (a background session
//! notes it in its state file), and writing goes on with the next output.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::config::Rotation;

/// Called once, with the first write failure.
pub type FailureReport = Box<dyn FnMut(&std::io::Error) + Send>;

pub struct FileOutput {
    /// The name as given (absolute when the session runs in the background).
    pattern: PathBuf,
    rotation: Option<Rotation>,
    /// The number of the next rotated file.
    next: u32,
    /// Bytes written to the current file.
    written: u64,
    file: Option<BufWriter<File>>,
    /// The rotated files still on disk, oldest first.
    kept: VecDeque<PathBuf>,
    failure: Option<std::io::Error>,
    on_failure: Option<FailureReport>,
    /// Once set, warnings and errors go into the file too (a background session has no
    /// stderr once it runs detached).
    errors_to_file: Option<Arc<AtomicBool>>,
}

/// The file name for `pattern` now: strftime patterns expanded, and the rotation's
/// number appended with `-S`.
fn file_name(pattern: &Path, index: Option<u32>) -> PathBuf {
    let text = pattern.to_string_lossy();
    let mut name = if text.contains('%') {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        rstap_sys::daemon::strftime_local(&text, now)
    } else {
        text.into_owned()
    };
    if let Some(i) = index {
        name.push_str(&format!(".{i}"));
    }
    PathBuf::from(name)
}

impl FileOutput {
    /// Creates (truncating) the first output file.
    pub fn create(pattern: &Path, rotation: Option<Rotation>) -> std::io::Result<FileOutput> {
        let mut o = FileOutput {
            pattern: pattern.to_path_buf(),
            rotation,
            next: 0,
            written: 0,
            file: None,
            kept: VecDeque::new(),
            failure: None,
            on_failure: None,
            errors_to_file: None,
        };
        o.open_next()?;
        Ok(o)
    }

    pub fn report_failures_to(&mut self, report: FailureReport) {
        self.on_failure = Some(report);
    }

    /// Warnings and errors go into the file from the moment `when` is set.
    pub fn errors_to_file(&mut self, when: Arc<AtomicBool>) {
        self.errors_to_file = Some(when);
    }

    fn open_next(&mut self) -> std::io::Result<()> {
        let index = self.rotation.map(|_| {
            let i = self.next;
            self.next += 1;
            i
        });
        let path = file_name(&self.pattern, index);
        let f = File::create(&path)?;
        self.file = Some(BufWriter::new(f));
        self.written = 0;
        if index.is_some() {
            self.kept.push_back(path);
            let keep = self.rotation.and_then(|r| r.keep).unwrap_or(u32::MAX) as usize;
            while self.kept.len() > keep {
                if let Some(old) = self.kept.pop_front() {
                    // Already gone is as good as removed.
                    let _ = std::fs::remove_file(old);
                }
            }
        }
        Ok(())
    }

    /// Closes the current file and continues in the next one (with `-S`; without it
    /// there is no next file and output continues where it is).
    pub fn switch(&mut self) {
        if self.rotation.is_none() {
            return;
        }
        self.flush_file();
        self.file = None;
        if let Err(e) = self.open_next() {
            self.failed(e);
        }
    }

    fn failed(&mut self, e: std::io::Error) {
        if self.failure.is_none() {
            if let Some(report) = &mut self.on_failure {
                report(&e);
            }
            self.failure = Some(e);
        }
    }

    fn flush_file(&mut self) {
        if let Some(f) = &mut self.file
            && let Err(e) = f.flush()
        {
            self.failed(e);
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        if let Some(r) = self.rotation
            && self.written > 0
            && self.written + bytes.len() as u64 > r.size_bytes
        {
            self.switch();
        }
        let Some(f) = &mut self.file else { return };
        match f.write_all(bytes) {
            Ok(()) => self.written += bytes.len() as u64,
            Err(e) => self.failed(e),
        }
    }

    /// Flushes and returns the first write error, if any.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.flush_file();
        match self.failure.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl rstap_interp::Output for FileOutput {
    fn out(&mut self, bytes: &[u8]) {
        self.write(bytes);
    }

    fn err(&mut self, bytes: &[u8]) {
        if self
            .errors_to_file
            .as_ref()
            .is_some_and(|f| f.load(Ordering::Relaxed))
        {
            self.write(bytes);
            self.flush_file();
        } else {
            self.flush_file();
            let _ = std::io::stderr().write_all(bytes);
        }
    }

    fn flush(&mut self) {
        self.flush_file();
    }

    fn switch_file(&mut self) {
        self.switch();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstap_interp::Output as _;

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("rstap-output-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn rotation_switches_by_size_and_keeps_the_newest() {
        let d = temp_dir("rotate");
        let rot = Rotation {
            size_bytes: 10,
            keep: Some(2),
        };
        let mut o = FileOutput::create(&d.join("out"), Some(rot)).unwrap();
        for _ in 0..7 {
            o.out(b"abcd\n"); // two lines fit in 10 bytes
        }
        o.finish().unwrap();
        // Files 0..3 were written; 0 and 1 were removed.
        assert_eq!(names(&d), ["out.2", "out.3"]);
        assert_eq!(std::fs::read(d.join("out.2")).unwrap(), b"abcd\nabcd\n");
        assert_eq!(std::fs::read(d.join("out.3")).unwrap(), b"abcd\n");
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn switch_file_without_rotation_stays_in_the_file() {
        let d = temp_dir("plain");
        let mut o = FileOutput::create(&d.join("out"), None).unwrap();
        o.out(b"a\n");
        o.switch_file();
        o.out(b"b\n");
        o.finish().unwrap();
        assert_eq!(names(&d), ["out"]);
        assert_eq!(std::fs::read(d.join("out")).unwrap(), b"a\nb\n");
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn switch_file_with_rotation_starts_the_next_file() {
        let d = temp_dir("switch");
        let rot = Rotation {
            size_bytes: 1 << 20,
            keep: None,
        };
        let mut o = FileOutput::create(&d.join("out"), Some(rot)).unwrap();
        o.out(b"a\n");
        o.switch_file();
        o.out(b"b\n");
        o.finish().unwrap();
        assert_eq!(names(&d), ["out.0", "out.1"]);
        assert_eq!(std::fs::read(d.join("out.1")).unwrap(), b"b\n");
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn strftime_patterns_in_the_name() {
        let name = file_name(Path::new("/x/trace-%Y.out"), Some(3));
        let s = name.to_string_lossy();
        assert!(s.starts_with("/x/trace-2"), "{s}");
        assert!(s.ends_with(".out.3"), "{s}");
        assert_eq!(file_name(Path::new("plain"), None), PathBuf::from("plain"));
    }
}
