//! Where a session's output goes: the script's stream (stdout or `-o FILE`) and stderr.

use std::io::Write;

/// The two streams of a session. Writes never fail from the script's point of view;
/// an implementation that cannot write remembers the failure for the caller.
pub trait Output {
    /// The script's output stream (print, printf, log, the display of globals).
    fn out(&mut self, bytes: &[u8]);
    /// Warnings and errors.
    fn err(&mut self, bytes: &[u8]);
    fn flush(&mut self) {}
    /// `switch_file()`: continue in the next output file (only rotated `-o` files have
    /// one; elsewhere nothing happens).
    fn switch_file(&mut self) {}
}

/// Output kept in memory (tests, `-p` pipelines that post-process output).
#[derive(Clone, Debug, Default)]
pub struct CaptureOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Output for CaptureOutput {
    fn out(&mut self, bytes: &[u8]) {
        self.stdout.extend_from_slice(bytes);
    }
    fn err(&mut self, bytes: &[u8]) {
        self.stderr.extend_from_slice(bytes);
    }
}

/// The process's stdout (or a file given with `-o`) and stderr.
pub struct StdOutput {
    out: Box<dyn Write + Send>,
    /// The first write error, reported by [`StdOutput::finish`].
    failure: Option<std::io::Error>,
}

impl StdOutput {
    pub fn stdout() -> StdOutput {
        StdOutput {
            out: Box::new(std::io::stdout()),
            failure: None,
        }
    }

    /// `-o FILE`: the script's output goes to a newly created (truncated) file.
    pub fn file(path: &std::path::Path) -> std::io::Result<StdOutput> {
        let f = std::fs::File::create(path)?;
        Ok(StdOutput {
            out: Box::new(std::io::BufWriter::new(f)),
            failure: None,
        })
    }

    /// Flushes and returns the first write error, if any.
    pub fn finish(mut self) -> std::io::Result<()> {
        Output::flush(&mut self);
        match self.failure.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl Output for StdOutput {
    fn out(&mut self, bytes: &[u8]) {
        if let Err(e) = self.out.write_all(bytes)
            && self.failure.is_none()
        {
            self.failure = Some(e);
        }
    }
    fn err(&mut self, bytes: &[u8]) {
        // stderr lines must not overtake the output printed before them.
        Output::flush(self);
        let _ = std::io::stderr().write_all(bytes);
    }
    fn flush(&mut self) {
        if let Err(e) = self.out.flush()
            && self.failure.is_none()
        {
            self.failure = Some(e);
        }
    }
}
