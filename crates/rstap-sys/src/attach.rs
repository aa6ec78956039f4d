//! Attachments: a program bound to an event, detached when dropped.

use crate::bpf::{Attr, sys_bpf};
use crate::prog::Program;
use std::ffi::CString;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

const BPF_RAW_TRACEPOINT_OPEN: libc::c_long = 17;
const BPF_LINK_CREATE: libc::c_long = 28;

/// `enum bpf_attach_type` numbers used with [`Link::create`].
pub mod attach_type {
    /// `BPF_TRACE_RAW_TP` (tp_btf programs).
    pub const TRACE_RAW_TP: u32 = 23;
    /// `BPF_TRACE_FENTRY`.
    pub const TRACE_FENTRY: u32 = 24;
    /// `BPF_TRACE_FEXIT`.
    pub const TRACE_FEXIT: u32 = 25;
    /// `BPF_PERF_EVENT`: a program on a perf event fd.
    pub const PERF_EVENT: u32 = 41;
}

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

/// A BPF link (program bound to a target); dropping it detaches.
#[derive(Debug)]
pub struct Link {
    fd: OwnedFd,
}

impl Link {
    /// BPF_LINK_CREATE: binds `prog` to `target_fd` (e.g. a perf event with
    /// [`attach_type::PERF_EVENT`]); returns errno on failure.
    pub fn create(
        prog: &Program,
        target_fd: RawFd,
        attach_type: u32,
        flags: u32,
    ) -> Result<Link, i32> {
        let mut a = Attr::new();
        a.u32(0, prog.raw_fd() as u32);
        a.u32(4, target_fd as u32);
        a.u32(8, attach_type);
        a.u32(12, flags);
        let fd = sys_bpf(BPF_LINK_CREATE, &mut a)?;
        // SAFETY: a successful BPF_LINK_CREATE returns a new fd that nothing else owns.
        Ok(Link {
            fd: unsafe { OwnedFd::from_raw_fd(fd as i32) },
        })
    }

    /// Attaches a tracing program (tp_btf, fentry, fexit) at the BTF target it was
    /// loaded for (BPF_RAW_TRACEPOINT_OPEN with no name).
    pub fn tracing(prog: &Program) -> Result<Link, i32> {
        let mut a = Attr::new();
        a.u32(8, prog.raw_fd() as u32);
        let fd = sys_bpf(BPF_RAW_TRACEPOINT_OPEN, &mut a)?;
        // SAFETY: a successful BPF_RAW_TRACEPOINT_OPEN returns a new fd that nothing else owns.
        Ok(Link {
            fd: unsafe { OwnedFd::from_raw_fd(fd as i32) },
        })
    }

    /// The link's descriptor (borrowed; the link still owns it).
    pub fn fd(&self) -> RawFd {
        self.fd.as_raw_fd()
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

    /// The id of the type named `want` in vmlinux BTF, walking the type section.
    fn vmlinux_type_id(want: &str) -> Option<u32> {
        let raw = std::fs::read("/sys/kernel/btf/vmlinux").ok()?;
        let u32_at = |o: usize| u32::from_ne_bytes(raw[o..o + 4].try_into().unwrap());
        let hdr = u32_at(4) as usize;
        let (type_off, type_len) = (u32_at(8) as usize, u32_at(12) as usize);
        let str_off = u32_at(16) as usize;
        let strs = &raw[hdr + str_off..];
        let name = |off: usize| {
            let s = &strs[off..];
            &s[..s.iter().position(|&b| b == 0).unwrap_or(s.len())]
        };
        let (mut o, end, mut id) = (hdr + type_off, hdr + type_off + type_len, 1u32);
        while o < end {
            let (name_off, info) = (u32_at(o) as usize, u32_at(o + 4));
            if name(name_off) == want.as_bytes() {
                return Some(id);
            }
            let vlen = (info & 0xffff) as usize;
            o += 12
                + match (info >> 24) & 0x1f {
                    1 | 14 | 17 => 4,
                    3 => 12,
                    4 | 5 | 15 | 19 => vlen * 12,
                    6 | 13 => vlen * 8,
                    _ => 0,
                };
            id += 1;
        }
        None
    }

    #[test]
    fn tp_btf_program_attaches_through_tracing_link() {
        if !crate::testutil::is_root("links") {
            return;
        }
        let Some(btf_id) = vmlinux_type_id("btf_trace_sys_enter") else {
            eprintln!("skipped: no vmlinux BTF");
            return;
        };
        let p = Program::load_with(&crate::prog::LoadOptions {
            prog_type: 26, // BPF_PROG_TYPE_TRACING
            expected_attach_type: attach_type::TRACE_RAW_TP,
            insns: &[0xb7, 0x95],
            attach_btf_id: btf_id,
            ..Default::default()
        })
        .unwrap();
        let link = Link::tracing(&p).unwrap();
        assert!(link.fd() >= 0);
    }

    #[test]
    fn perf_event_link_and_tracing_misuse() {
        use crate::perf::PerfEvent;
        use crate::testutil::{counter, counter_map, counting_prog, is_root};
        if !is_root("links") {
            return;
        }
        let id = crate::tracefs::tracepoint_id("syscalls", "sys_enter_getppid").unwrap();
        let map = counter_map();
        let p = Program::load(5, 0, &counting_prog(&map)).unwrap();
        let ev = PerfEvent::tracepoint(u64::from(id), 0).unwrap();
        let link = Link::create(&p, ev.fd(), attach_type::PERF_EVENT, 0).unwrap();
        assert!(link.fd() >= 0);
        for _ in 0..5 {
            // SAFETY: getppid has no preconditions.
            unsafe { libc::getppid() };
        }
        assert!(counter(&map) >= 5, "count {}", counter(&map));
        drop(link);
        let before = counter(&map);
        // SAFETY: getppid has no preconditions.
        unsafe { libc::getppid() };
        assert_eq!(counter(&map), before, "dropping the link detaches");
        // A socket filter is no tracing program.
        let sf = Program::load(1, 0, &[0xb7, 0x95]).unwrap();
        assert!(Link::tracing(&sf).is_err());
        assert!(Link::create(&sf, ev.fd(), attach_type::PERF_EVENT, 0).is_err());
    }
}
