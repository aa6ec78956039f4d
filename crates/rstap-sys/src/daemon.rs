//! What a background session needs from the system: its own session away from the
//! terminal, standard streams on `/dev/null`, signals to other sessions, waiting on
//! pipes, and local time for output file names.

use std::ffi::CString;
use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, BorrowedFd};

/// Makes this process the leader of a new session with no controlling terminal, so a
/// hangup of the terminal it was started from does not reach it.
pub fn setsid() -> io::Result<()> {
    // SAFETY: setsid takes no arguments and only changes this process's session.
    if unsafe { libc::setsid() } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Closes every descriptor above standard error that this process inherited (a
/// background session must not hold its starter's pipes open). Call it first thing,
/// before the process opens any descriptor of its own.
pub fn close_inherited_fds() {
    // SAFETY: close_range only closes descriptors; at this point the process owns none
    // above 2, so no live Rust object refers to one being closed.
    unsafe {
        libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32);
    }
}

/// Points standard input, output and error at `/dev/null` (closing whatever pipes or
/// terminal they held).
pub fn stdio_to_null() -> io::Result<()> {
    let null = File::options().read(true).write(true).open("/dev/null")?;
    for fd in 0..=2 {
        // SAFETY: dup2 replaces descriptors 0-2 with copies of `null`, which this
        // function owns for the duration of the call; Rust's standard streams keep
        // using the same descriptor numbers, now on /dev/null.
        if unsafe { libc::dup2(null.as_raw_fd(), fd) } < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Sends `signal` to process `pid`.
pub fn send_signal(pid: i32, signal: i32) -> io::Result<()> {
    if pid <= 0 {
        return Err(io::Error::from_raw_os_error(libc::ESRCH));
    }
    // SAFETY: kill has no memory arguments; a positive pid names one process.
    if unsafe { libc::kill(pid, signal) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Whether process `pid` exists (a zombie still counts until it is reaped).
pub fn process_exists(pid: i32) -> bool {
    match send_signal(pid, 0) {
        Ok(()) => true,
        Err(e) => e.raw_os_error() == Some(libc::EPERM),
    }
}

pub const SIGTERM: i32 = libc::SIGTERM;
pub const SIGINT: i32 = libc::SIGINT;
pub const SIGHUP: i32 = libc::SIGHUP;
pub const SIGKILL: i32 = libc::SIGKILL;

/// Waits at most `timeout_ms` (-1: without limit) until some of `fds` can be read (or
/// hit end of file). Returns, per descriptor, whether it is ready.
pub fn poll_readable(fds: &[BorrowedFd<'_>], timeout_ms: i32) -> io::Result<Vec<bool>> {
    let mut polls: Vec<libc::pollfd> = fds
        .iter()
        .map(|fd| libc::pollfd {
            fd: fd.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        })
        .collect();
    loop {
        // SAFETY: `polls` is a valid array of `polls.len()` pollfd records.
        let n = unsafe { libc::poll(polls.as_mut_ptr(), polls.len() as libc::nfds_t, timeout_ms) };
        if n >= 0 {
            break;
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
    Ok(polls
        .iter()
        .map(|p| p.revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0)
        .collect())
}

/// `format` expanded by strftime(3) for the local time `unix_secs` (seconds since the
/// epoch). A format that expands to nothing, or to more than 4 KiB, is returned as is.
pub fn strftime_local(format: &str, unix_secs: i64) -> String {
    let Ok(cfmt) = CString::new(format) else {
        return format.to_string();
    };
    let t: libc::time_t = unix_secs as libc::time_t;
    // SAFETY: an all-zero `tm` is a valid value for localtime_r to overwrite.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call; localtime_r is thread-safe.
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return format.to_string();
    }
    let mut buf = vec![0u8; 4096];
    // SAFETY: `buf` has `buf.len()` writable bytes, `cfmt` is NUL-terminated and `tm`
    // was filled in by localtime_r.
    let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), buf.len(), cfmt.as_ptr(), &tm) };
    if n == 0 {
        return format.to_string();
    }
    buf.truncate(n);
    String::from_utf8(buf).unwrap_or_else(|_| format.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strftime_expands_fields_and_keeps_plain_text() {
        assert_eq!(strftime_local("out.txt", 0), "out.txt");
        let year = strftime_local("%Y", 86_400 * 366);
        assert_eq!(year, "1971");
        assert_eq!(strftime_local("a%%b", 0), "a%b");
    }

    #[test]
    fn this_process_exists_and_pid_zero_is_refused() {
        assert!(process_exists(std::process::id() as i32));
        assert!(!process_exists(0));
        assert!(send_signal(-1, 0).is_err());
    }
}
