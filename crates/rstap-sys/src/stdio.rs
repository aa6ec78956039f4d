//! Handing standard input over to one reader.

use std::fs::File;
use std::io;
use std::os::fd::{AsFd, AsRawFd};

/// Takes the process's standard input for the caller and leaves `/dev/null` in its
/// place: commands started afterwards (a `-c` command) neither read what was meant for
/// this process nor keep the caller's pipe open. The returned file is close-on-exec.
pub fn take_stdin() -> io::Result<File> {
    let null = File::open("/dev/null")?;
    let taken = File::from(io::stdin().as_fd().try_clone_to_owned()?);
    // SAFETY: dup2 only replaces descriptor 0 with a copy of `null`, a descriptor this
    // function owns; every reader of standard input goes through descriptor 0, so none
    // holds a stale copy, and the original pipe stays open through `taken`.
    if unsafe { libc::dup2(null.as_raw_fd(), 0) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(taken)
}
