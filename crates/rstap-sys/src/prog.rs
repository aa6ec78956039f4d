//! bpf(2) program load (with verifier log) and BPF_PROG_TEST_RUN.

use crate::bpf::{Attr, sys_bpf};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

const BPF_PROG_LOAD: libc::c_long = 5;
const BPF_PROG_TEST_RUN: libc::c_long = 10;
const BPF_BTF_LOAD: libc::c_long = 18;
const BPF_OBJ_GET_INFO_BY_FD: libc::c_long = 15;
const BPF_ENABLE_STATS: libc::c_long = 32;
/// Bytes of `struct bpf_prog_info` we ask for (covers `run_cnt` at 200).
const PROG_INFO_LEN: usize = 256;

/// Turns on kernel run-time statistics (BPF_STATS_RUN_TIME) while the fd stays open.
pub fn enable_stats() -> Result<OwnedFd, i32> {
    let mut a = Attr::new();
    a.u32(0, 0);
    let fd = sys_bpf(BPF_ENABLE_STATS, &mut a)?;
    // SAFETY: a successful BPF_ENABLE_STATS returns a new fd that nothing else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd as i32) })
}

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

/// Everything BPF_PROG_LOAD takes; zero/empty fields are left out of the call.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions<'a> {
    /// `enum bpf_prog_type` number.
    pub prog_type: u32,
    /// `enum bpf_attach_type` number (0 when the type needs none).
    pub expected_attach_type: u32,
    /// Encoded instructions, one `u64` per 8-byte slot.
    pub insns: &'a [u64],
    /// Program name; cut to 15 bytes (kernel allows `[A-Za-z0-9_.]`).
    pub name: &'a str,
    /// BTF object describing `func_info`/`line_info` (see [`BtfObject`]).
    pub prog_btf_fd: Option<RawFd>,
    /// Raw `bpf_func_info` records.
    pub func_info: &'a [u8],
    /// Size of one `func_info` record (8 today).
    pub func_info_rec_size: u32,
    /// Raw `bpf_line_info` records.
    pub line_info: &'a [u8],
    /// Size of one `line_info` record (16 today).
    pub line_info_rec_size: u32,
    /// BTF type id of the attach target (tp_btf, fentry, fexit).
    pub attach_btf_id: u32,
    /// Verifier log level used when a failed load is retried (0 means 1).
    pub log_level: u32,
}

/// Starting verifier log size for the retry after a failed load.
const LOG_START: usize = 16 << 20;
/// Largest log the kernel accepts (`UINT_MAX >> 2`).
const LOG_MAX: usize = (u32::MAX >> 2) as usize;

/// Loads with `fill`'s attributes, first without a log; on failure retries with a
/// verifier log (growing it on ENOSPC) and returns the errno and log text.
fn load_retrying_with_log(
    cmd: libc::c_long,
    level_off: usize,
    size_off: usize,
    buf_off: usize,
    level: u32,
    fill: &dyn Fn(&mut Attr),
) -> Result<OwnedFd, LoadError> {
    let mut a = Attr::new();
    fill(&mut a);
    let first = match sys_bpf(cmd, &mut a) {
        // SAFETY: a successful load returns a new fd that nothing else owns.
        Ok(fd) => return Ok(unsafe { OwnedFd::from_raw_fd(fd as i32) }),
        Err(errno) => errno,
    };
    let mut size = LOG_START;
    loop {
        let mut log = vec![0u8; size];
        let mut a = Attr::new();
        fill(&mut a);
        a.u32(level_off, level.max(1));
        a.u32(size_off, log.len() as u32);
        a.u64(buf_off, log.as_mut_ptr() as u64);
        let errno = match sys_bpf(cmd, &mut a) {
            // SAFETY: a successful load returns a new fd that nothing else owns.
            Ok(fd) => return Ok(unsafe { OwnedFd::from_raw_fd(fd as i32) }),
            Err(errno) => errno,
        };
        if errno == libc::ENOSPC && size < LOG_MAX {
            size = (size * 4).min(LOG_MAX);
            continue;
        }
        let end = log.iter().position(|&b| b == 0).unwrap_or(log.len());
        // Report the first attempt's errno unless the retry explains itself better.
        let errno = if errno == libc::ENOSPC { first } else { errno };
        return Err(LoadError {
            errno,
            log: String::from_utf8_lossy(&log[..end]).into_owned(),
        });
    }
}

impl Program {
    /// Loads `insns` (little-endian encoded instructions) under GPL.
    pub fn load(
        prog_type: u32,
        expected_attach_type: u32,
        insns: &[u64],
    ) -> Result<Program, LoadError> {
        Program::load_with(&LoadOptions {
            prog_type,
            expected_attach_type,
            insns,
            ..LoadOptions::default()
        })
    }

    /// Loads a GPL program described by `o`; a failure carries the verifier log.
    pub fn load_with(o: &LoadOptions<'_>) -> Result<Program, LoadError> {
        let license = c"GPL";
        let bad = |what: &str| LoadError {
            errno: libc::EINVAL,
            log: format!("{what}: record size does not divide the data"),
        };
        let count = |data: &[u8], rec: u32| -> Option<u32> {
            if data.is_empty() {
                Some(0)
            } else if rec == 0 || !data.len().is_multiple_of(rec as usize) {
                None
            } else {
                Some((data.len() / rec as usize) as u32)
            }
        };
        let func_cnt = count(o.func_info, o.func_info_rec_size).ok_or_else(|| bad("func_info"))?;
        let line_cnt = count(o.line_info, o.line_info_rec_size).ok_or_else(|| bad("line_info"))?;
        let fill = |a: &mut Attr| {
            a.u32(0, o.prog_type);
            a.u32(4, o.insns.len() as u32);
            a.u64(8, o.insns.as_ptr() as u64);
            a.u64(16, license.as_ptr() as u64);
            let n = o.name.len().min(15);
            a.0[48..48 + n].copy_from_slice(&o.name.as_bytes()[..n]);
            a.u32(68, o.expected_attach_type);
            if let Some(fd) = o.prog_btf_fd {
                a.u32(72, fd as u32);
            }
            if func_cnt > 0 {
                a.u32(76, o.func_info_rec_size);
                a.u64(80, o.func_info.as_ptr() as u64);
                a.u32(88, func_cnt);
            }
            if line_cnt > 0 {
                a.u32(92, o.line_info_rec_size);
                a.u64(96, o.line_info.as_ptr() as u64);
                a.u32(104, line_cnt);
            }
            a.u32(108, o.attach_btf_id);
        };
        let fd = load_retrying_with_log(BPF_PROG_LOAD, 24, 28, 32, o.log_level, &fill)?;
        Ok(Program { fd })
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

    /// Runs a program that takes a context instead of packet data (raw tracepoints:
    /// `ctx` is the argument array) once on the current CPU; returns its return value.
    pub fn test_run_ctx(&self, ctx: &[u8]) -> Result<u32, i32> {
        let mut a = Attr::new();
        a.u32(0, self.fd.as_raw_fd() as u32);
        a.u32(40, ctx.len() as u32);
        a.u64(48, ctx.as_ptr() as u64);
        sys_bpf(BPF_PROG_TEST_RUN, &mut a)?;
        Ok(a.get_u32(4))
    }
}

impl Program {
    /// Raw `struct bpf_prog_info` bytes (first [`PROG_INFO_LEN`] bytes).
    fn info(&self) -> Result<Vec<u8>, i32> {
        let mut info = vec![0u8; PROG_INFO_LEN];
        let mut a = Attr::new();
        a.u32(0, self.fd.as_raw_fd() as u32);
        a.u32(4, info.len() as u32);
        a.u64(8, info.as_mut_ptr() as u64);
        sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &mut a)?;
        Ok(info)
    }

    /// The program's name as loaded (`bpf_prog_info.name`).
    pub fn name(&self) -> Result<String, i32> {
        let info = self.info()?;
        let raw = &info[64..80];
        let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
        Ok(String::from_utf8_lossy(&raw[..end]).into_owned())
    }

    /// Every BPF program loaded in the system, by id (BPF_PROG_GET_NEXT_ID), opened for
    /// inspection; programs that vanish meanwhile are skipped.
    pub fn all_loaded() -> Result<Vec<Program>, i32> {
        const BPF_PROG_GET_NEXT_ID: libc::c_long = 11;
        const BPF_PROG_GET_FD_BY_ID: libc::c_long = 13;
        let mut out = Vec::new();
        let mut id = 0u32;
        loop {
            let mut a = Attr::new();
            a.u32(0, id);
            match sys_bpf(BPF_PROG_GET_NEXT_ID, &mut a) {
                Ok(_) => {}
                Err(libc::ENOENT) => return Ok(out),
                Err(e) => return Err(e),
            }
            id = a.get_u32(4);
            let mut a = Attr::new();
            a.u32(0, id);
            if let Ok(fd) = sys_bpf(BPF_PROG_GET_FD_BY_ID, &mut a) {
                // SAFETY: a successful BPF_PROG_GET_FD_BY_ID returns a new fd nothing else owns.
                out.push(Program {
                    fd: unsafe { OwnedFd::from_raw_fd(fd as i32) },
                });
            }
        }
    }

    /// Total run time in ns and run count (both count only while [`enable_stats`] is on).
    pub fn info_run_stats(&self) -> Result<(u64, u64), i32> {
        let info = self.info()?;
        let at = |off: usize| {
            let mut b = [0u8; 8];
            b.copy_from_slice(&info[off..off + 8]);
            u64::from_ne_bytes(b)
        };
        Ok((at(192), at(200)))
    }

    /// The kernel's id for this program (`bpf_prog_info.id`).
    pub fn id(&self) -> Result<u32, i32> {
        let info = self.info()?;
        Ok(u32::from_ne_bytes([info[4], info[5], info[6], info[7]]))
    }

    /// The program's descriptor, for attach calls.
    pub fn raw_fd(&self) -> std::os::fd::RawFd {
        self.fd.as_raw_fd()
    }
}

/// A BTF blob loaded into the kernel (for `prog_btf_fd`), closed on drop.
#[derive(Debug)]
pub struct BtfObject {
    fd: OwnedFd,
}

impl BtfObject {
    /// Loads raw BTF (header, types, strings); a failure carries the kernel's BTF log.
    pub fn load(raw: &[u8]) -> Result<BtfObject, LoadError> {
        let fill = |a: &mut Attr| {
            a.u64(0, raw.as_ptr() as u64);
            a.u32(16, raw.len() as u32);
        };
        let fd = load_retrying_with_log(BPF_BTF_LOAD, 24, 20, 8, 1, &fill)?;
        Ok(BtfObject { fd })
    }

    /// The BTF object's descriptor (borrowed; the object still owns it).
    pub fn fd(&self) -> RawFd {
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

    #[test]
    fn run_stats_count_test_runs() {
        if !crate::testutil::is_root("program stats") {
            return;
        }
        let p = Program::load_with(&LoadOptions {
            prog_type: SOCKET_FILTER,
            insns: &[0xb7, 0x95],
            name: "rstap_stats",
            ..LoadOptions::default()
        })
        .unwrap();
        assert!(p.id().unwrap() > 0);
        let info = p.info().unwrap();
        assert_eq!(
            u32::from_ne_bytes(info[..4].try_into().unwrap()),
            SOCKET_FILTER
        );
        assert_eq!(&info[64..75], b"rstap_stats");
        let stats = enable_stats().unwrap();
        for _ in 0..5 {
            p.test_run(&[0u8; 64]).unwrap();
        }
        let (_ns, cnt) = p.info_run_stats().unwrap();
        assert!(cnt >= 5, "run_cnt {cnt}");
        drop(stats);
    }

    /// BTF: int, `int (void)` prototype, static func `main` of that prototype.
    fn tiny_btf() -> (Vec<u8>, u32, u32) {
        let strings = b"\0int\0main\0prog.c\0r0 = 0\0";
        let (int_off, main_off, file_off, line_off) = (1u32, 5u32, 10u32, 17u32);
        let mut types: Vec<u32> = Vec::new();
        // [1] INT "int" size 4, signed, 32 bits.
        types.extend([int_off, 1 << 24, 4, (1 << 24) | 32]);
        // [2] FUNC_PROTO int(void).
        types.extend([0, 13 << 24, 1]);
        // [3] FUNC "main" -> [2], static linkage.
        types.extend([main_off, 12 << 24, 2]);
        let type_bytes: Vec<u8> = types.iter().flat_map(|w| w.to_ne_bytes()).collect();
        let mut raw = Vec::new();
        raw.extend(0xeb9fu16.to_ne_bytes());
        raw.extend([1u8, 0]);
        for w in [
            24u32,
            0,
            type_bytes.len() as u32,
            type_bytes.len() as u32,
            strings.len() as u32,
        ] {
            raw.extend(w.to_ne_bytes());
        }
        raw.extend(&type_bytes);
        raw.extend(strings);
        (raw, file_off, line_off)
    }

    #[test]
    fn load_with_btf_func_and_line_info() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("skipped: program loads need root");
            return;
        }
        let (raw, file_off, line_off) = tiny_btf();
        let btf = BtfObject::load(&raw).unwrap();
        assert!(btf.fd() >= 0);
        let func_info: Vec<u8> = [0u32, 3].iter().flat_map(|w| w.to_ne_bytes()).collect();
        let line_info: Vec<u8> = [0u32, file_off, line_off, (1 << 10) | 1]
            .iter()
            .flat_map(|w| w.to_ne_bytes())
            .collect();
        let insns = [0xb7u64, 0x95];
        let opts = LoadOptions {
            prog_type: SOCKET_FILTER,
            insns: &insns,
            name: "rstap_btf_test_long_name",
            prog_btf_fd: Some(btf.fd()),
            func_info: &func_info,
            func_info_rec_size: 8,
            line_info: &line_info,
            line_info_rec_size: 16,
            ..LoadOptions::default()
        };
        let p = Program::load_with(&opts).unwrap();
        assert_eq!(p.test_run(&[0u8; 64]).unwrap(), 0);
        // func_info naming a non-FUNC type is rejected, with a log.
        let bad_fi: Vec<u8> = [0u32, 1].iter().flat_map(|w| w.to_ne_bytes()).collect();
        let err = Program::load_with(&LoadOptions {
            func_info: &bad_fi,
            ..opts
        })
        .unwrap_err();
        assert_eq!(err.errno, libc::EINVAL);
        assert!(!err.log.is_empty());
        // Broken BTF is rejected with the kernel's BTF log.
        let err = BtfObject::load(&raw[..30]).unwrap_err();
        assert_eq!(err.errno, libc::EINVAL, "{}", err.log);
        assert!(!err.log.is_empty());
    }
}
