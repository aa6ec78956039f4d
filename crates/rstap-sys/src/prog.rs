//! bpf(2) program load (with verifier log) and BPF_PROG_TEST_RUN.

use crate::bpf::{Attr, sys_bpf};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

const BPF_PROG_LOAD: libc::c_long = 5;
const BPF_PROG_TEST_RUN: libc::c_long = 10;
const LOG_SIZE: usize = 1 << 20;

/// A failed load: errno plus the verifier's log text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub errno: i32,
    pub log: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = std::io::Error::from_raw_os_error(self.errno);
        write!(f, "program load failed: {text}\n{}", self.log)
    }
}

impl std::error::Error for LoadError {}

/// A loaded program, closed on drop.
#[derive(Debug)]
pub struct Program {
    fd: OwnedFd,
}

impl Program {
    /// Loads `insns` (little-endian encoded instructions) under GPL.
    pub fn load(
        prog_type: u32,
        expected_attach_type: u32,
        insns: &[u64],
    ) -> Result<Program, LoadError> {
        let license = c"GPL";
        let mut log = vec![0u8; LOG_SIZE];
        let mut a = Attr::new();
        a.u32(0, prog_type);
        a.u32(4, insns.len() as u32);
        a.u64(8, insns.as_ptr() as u64);
        a.u64(16, license.as_ptr() as u64);
        a.u32(24, 1);
        a.u32(28, log.len() as u32);
        a.u64(32, log.as_mut_ptr() as u64);
        a.u32(68, expected_attach_type);
        match sys_bpf(BPF_PROG_LOAD, &mut a) {
            // SAFETY: a successful BPF_PROG_LOAD returns a new fd that nothing else owns.
            Ok(fd) => Ok(Program {
                fd: unsafe { OwnedFd::from_raw_fd(fd as i32) },
            }),
            Err(errno) => {
                let end = log.iter().position(|&b| b == 0).unwrap_or(log.len());
                Err(LoadError {
                    errno,
                    log: String::from_utf8_lossy(&log[..end]).into_owned(),
                })
            }
        }
    }

    /// Runs the program once on `data`, returning its return value.
    pub fn test_run(&self, data: &[u8]) -> Result<u32, i32> {
        let mut a = Attr::new();
        a.u32(0, self.fd.as_raw_fd() as u32);
        a.u32(8, data.len() as u32);
        a.u64(16, data.as_ptr() as u64);
        a.u32(32, 1);
        sys_bpf(BPF_PROG_TEST_RUN, &mut a)?;
        Ok(a.get_u32(4))
    }
}

impl Program {
    /// The program's descriptor, for attach calls.
    pub fn raw_fd(&self) -> std::os::fd::RawFd {
        self.fd.as_raw_fd()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOCKET_FILTER: u32 = 1;

    #[test]
    fn test_run_and_verifier_log() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("skipped: program loads need root");
            return;
        }
        let mov_r0_7: u64 = 0xb7 | (7 << 32);
        let exit: u64 = 0x95;
        let p = Program::load(SOCKET_FILTER, 0, &[mov_r0_7, exit]).unwrap();
        assert_eq!(p.test_run(&[0u8; 64]).unwrap(), 7);
        let err = Program::load(SOCKET_FILTER, 0, &[exit]).unwrap_err();
        assert_eq!(err.errno, libc::EACCES);
        assert!(err.log.contains("R0"), "{}", err.log);
    }
}
