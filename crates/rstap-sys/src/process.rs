//! Starting the `-c` command held at the door: the child is forked but waits, before it
//! executes the command, until the session has recorded its pid in the kernel maps, so
//! that not one of its events is missed and none of the tracer's own are counted.

use std::ffi::{CString, OsStr};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// A child process created by [`spawn_held`]; killed and reaped on drop if it is still
/// running.
#[derive(Debug)]
pub struct HeldChild {
    pid: libc::pid_t,
    gate: Option<OwnedFd>,
    status: Option<i32>,
}

fn pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: pipe2 succeeded, so both descriptors are new and owned by nobody else.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

/// The executable `program` names: a path as given, or the first match on `$PATH`.
pub fn resolve(program: &str) -> io::Result<PathBuf> {
    let exec_ok = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
            .map(|c| unsafe { libc::access(c.as_ptr(), libc::X_OK) } == 0)
            .unwrap_or(false)
            && p.is_file()
    };
    if program.contains('/') {
        let p = PathBuf::from(program);
        return if exec_ok(&p) {
            Ok(p)
        } else {
            Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("'{program}' is not an executable file"),
            ))
        };
    }
    let path = std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into());
    for dir in std::env::split_paths(&path) {
        let p = dir.join(program);
        if exec_ok(&p) {
            return Ok(p);
        }
    }
    Err(io::Error::new(
        io::ErrorKind::NotFound,
        format!("command '{program}' not found in PATH"),
    ))
}

fn cstring(s: &OsStr) -> io::Result<CString> {
    CString::new(s.as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "argument contains NUL"))
}

/// Forks a child that will execute `program` with `args` (argv[1..]) once
/// [`HeldChild::release`] is called; with `null_stdio`, its standard streams are
/// `/dev/null` (a command of a session that left its terminal).
pub fn spawn_held(program: &str, args: &[String], null_stdio: bool) -> io::Result<HeldChild> {
    let path = cstring(resolve(program)?.as_os_str())?;
    let null = if null_stdio {
        Some(
            std::fs::File::options()
                .read(true)
                .write(true)
                .open("/dev/null")?,
        )
    } else {
        None
    };
    let null_fd = null.as_ref().map_or(-1, |f| f.as_raw_fd());
    let mut argv = vec![cstring(OsStr::new(program))?];
    for a in args {
        argv.push(cstring(OsStr::new(a))?);
    }
    let envs: Vec<CString> = std::env::vars_os()
        .filter_map(|(k, v)| {
            let mut kv = k.as_bytes().to_vec();
            kv.push(b'=');
            kv.extend_from_slice(v.as_bytes());
            CString::new(kv).ok()
        })
        .collect();
    let mut argv_p: Vec<*const libc::c_char> = argv.iter().map(|a| a.as_ptr()).collect();
    argv_p.push(std::ptr::null());
    let mut env_p: Vec<*const libc::c_char> = envs.iter().map(|e| e.as_ptr()).collect();
    env_p.push(std::ptr::null());
    let (read, write) = pipe()?;
    let read_fd = read.as_raw_fd();
    // SAFETY: after fork the child only calls async-signal-safe functions (read, dup2,
    // execve, _exit) on memory prepared before the fork; the parent continues normally.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(io::Error::last_os_error());
    }
    if pid == 0 {
        // SAFETY: see above; `read_fd` is open in the child, the pointers are valid.
        unsafe {
            let mut b = 0u8;
            libc::read(read_fd, (&mut b as *mut u8).cast(), 1);
            if null_fd >= 0 {
                for fd in 0..=2 {
                    libc::dup2(null_fd, fd);
                }
            }
            libc::execve(path.as_ptr(), argv_p.as_ptr(), env_p.as_ptr());
            libc::_exit(127);
        }
    }
    drop(read);
    drop(null);
    Ok(HeldChild {
        pid,
        gate: Some(write),
        status: None,
    })
}

impl HeldChild {
    pub fn pid(&self) -> u32 {
        self.pid as u32
    }

    /// Lets the child execute its command.
    pub fn release(&mut self) {
        if let Some(w) = self.gate.take() {
            let b = [b'g'];
            // SAFETY: writing one byte from a live buffer to an owned descriptor.
            unsafe { libc::write(w.as_raw_fd(), b.as_ptr().cast(), 1) };
        }
    }

    /// The exit status once the child has ended (a signal death reads as 128 + signal).
    pub fn try_wait(&mut self) -> io::Result<Option<i32>> {
        if self.status.is_some() {
            return Ok(self.status);
        }
        let mut st = 0;
        // SAFETY: `st` is a valid out-pointer; WNOHANG never blocks.
        let r = unsafe { libc::waitpid(self.pid, &mut st, libc::WNOHANG) };
        if r < 0 {
            return Err(io::Error::last_os_error());
        }
        if r == 0 {
            return Ok(None);
        }
        let code = if libc::WIFEXITED(st) {
            libc::WEXITSTATUS(st)
        } else {
            128 + libc::WTERMSIG(st)
        };
        self.status = Some(code);
        Ok(self.status)
    }

    /// Kills the child if it still runs and reaps it.
    pub fn stop(&mut self) {
        self.release();
        if matches!(self.try_wait(), Ok(None)) {
            // SAFETY: signalling our own unreaped child; its pid cannot be reused yet.
            unsafe { libc::kill(self.pid, libc::SIGKILL) };
        }
        while self.status.is_none() {
            let mut st = 0;
            // SAFETY: `st` is a valid out-pointer.
            let r = unsafe { libc::waitpid(self.pid, &mut st, 0) };
            if r < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
                break;
            }
            if r == self.pid {
                self.status = Some(if libc::WIFEXITED(st) {
                    libc::WEXITSTATUS(st)
                } else {
                    128 + libc::WTERMSIG(st)
                });
            }
        }
    }
}

impl Drop for HeldChild {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn the_child_waits_for_the_gate() {
        let mut c = spawn_held("sh", &["-c".into(), "exit 7".into()], false).unwrap();
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(c.try_wait().unwrap(), None, "ran before the gate opened");
        c.release();
        let t = Instant::now();
        while c.try_wait().unwrap().is_none() {
            assert!(t.elapsed() < Duration::from_secs(5));
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(c.try_wait().unwrap(), Some(7));
    }

    #[test]
    fn missing_commands_are_refused_before_forking() {
        let e = spawn_held("no-such-command-rstap", &[], false).unwrap_err();
        assert!(e.to_string().contains("not found in PATH"), "{e}");
        let e = spawn_held("/nonexistent/x", &[], false).unwrap_err();
        assert!(e.to_string().contains("not an executable file"), "{e}");
    }

    #[test]
    fn stop_kills_a_running_child() {
        let mut c = spawn_held("sleep", &["30".into()], false).unwrap();
        c.release();
        let t = Instant::now();
        c.stop();
        assert!(t.elapsed() < Duration::from_secs(5));
        assert_eq!(c.try_wait().unwrap(), Some(128 + libc::SIGKILL));
    }
}
