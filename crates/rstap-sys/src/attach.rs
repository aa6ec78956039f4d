//! Attachments: a program bound to an event, detached when dropped.

use crate::bpf::{Attr, sys_bpf};
use crate::prog::Program;
use std::ffi::CString;
use std::os::fd::{FromRawFd, OwnedFd};

const BPF_RAW_TRACEPOINT_OPEN: libc::c_long = 17;

/// An attached program; dropping it detaches.
#[derive(Debug)]
pub struct Attachment {
    _fd: OwnedFd,
}

impl Attachment {
    /// Attaches a raw-tracepoint program to tracepoint `name` (e.g. `sys_enter`).
    pub fn raw_tracepoint(prog: &Program, name: &str) -> Result<Attachment, i32> {
        let name = CString::new(name).map_err(|_| libc::EINVAL)?;
        let mut a = Attr::new();
        a.u64(0, name.as_ptr() as u64);
        a.u32(8, prog.raw_fd() as u32);
        let fd = sys_bpf(BPF_RAW_TRACEPOINT_OPEN, &mut a)?;
        // SAFETY: a successful BPF_RAW_TRACEPOINT_OPEN returns a new fd that nothing else owns.
        Ok(Attachment {
            _fd: unsafe { OwnedFd::from_raw_fd(fd as i32) },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RAW_TRACEPOINT: u32 = 17;

    #[test]
    fn raw_tracepoint_attach_and_unknown_name() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("skipped: attaching needs root");
            return;
        }
        let p = Program::load(RAW_TRACEPOINT, 0, &[0xb7, 0x95]).unwrap();
        let att = Attachment::raw_tracepoint(&p, "sys_enter").unwrap();
        drop(att);
        assert_eq!(
            Attachment::raw_tracepoint(&p, "no_such_tp").unwrap_err(),
            libc::ENOENT
        );
    }
}
