//! What `rstap service` asks of the system beyond files: the local wall-clock time for
//! its log lines and SIGTERM to a session it started.

use std::io;

/// The local time now, broken down: (month 1-12, day, hour, minute, second).
pub fn local_time_now() -> (u8, u8, u8, u8, u8) {
    // SAFETY: time(NULL) only returns the current time.
    let now = unsafe { libc::time(std::ptr::null_mut()) };
    // SAFETY: an all-zero `tm` is a valid value of this plain C struct.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call; localtime_r is the thread-safe form.
    let ok = unsafe { !libc::localtime_r(&now, &mut tm).is_null() };
    if !ok {
        return (1, 1, 0, 0, 0);
    }
    let part = |v: libc::c_int| u8::try_from(v).unwrap_or(0);
    (
        part(tm.tm_mon + 1),
        part(tm.tm_mday),
        part(tm.tm_hour),
        part(tm.tm_min),
        part(tm.tm_sec),
    )
}

/// Sends SIGTERM to `pid`: `Ok(false)` when no such process exists any more.
pub fn terminate(pid: u32) -> io::Result<bool> {
    let pid = libc::pid_t::try_from(pid)
        .ok()
        .filter(|&p| p > 0)
        .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
    // SAFETY: kill(2) takes plain integers and touches no memory of ours.
    if unsafe { libc::kill(pid, libc::SIGTERM) } == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::ESRCH) {
        Ok(false)
    } else {
        Err(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plausible_local_time() {
        let (mon, day, h, m, s) = local_time_now();
        assert!((1..=12).contains(&mon) && (1..=31).contains(&day));
        assert!(h < 24 && m < 60 && s <= 60);
    }

    #[test]
    fn terminate_ends_a_child() {
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        assert!(terminate(child.id()).unwrap());
        let status = child.wait().unwrap();
        assert!(!terminate(child.id()).unwrap());
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(libc::SIGTERM));
        assert!(terminate(0).is_err());
    }
}
