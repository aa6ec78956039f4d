//! perf_event_open(2) events: tracepoints, software clocks, kprobe/uprobe PMUs.

use crate::prog::Program;
use std::ffi::CString;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

const PERF_TYPE_SOFTWARE: u32 = 1;
const PERF_TYPE_TRACEPOINT: u32 = 2;
const PERF_FLAG_FD_CLOEXEC: libc::c_ulong = 8;
const PERF_EVENT_IOC_ENABLE: libc::c_ulong = 0x2400;
const PERF_EVENT_IOC_DISABLE: libc::c_ulong = 0x2401;
const PERF_EVENT_IOC_SET_BPF: libc::c_ulong = 0x4004_2408;
/// `perf_event_attr` size we pass (PERF_ATTR_SIZE_VER7, up to `sig_data`).
const ATTR_SIZE: usize = 128;
const FLAG_DISABLED: u64 = 1 << 0;
const FLAG_FREQ: u64 = 1 << 10;

/// Software event `config` numbers (`enum perf_sw_ids`).
pub mod sw {
    /// `PERF_COUNT_SW_CPU_CLOCK`: per-CPU high-resolution timer.
    pub const CPU_CLOCK: u64 = 0;
    /// `PERF_COUNT_SW_TASK_CLOCK`: timer running while the task runs.
    pub const TASK_CLOCK: u64 = 1;
    /// `PERF_COUNT_SW_PAGE_FAULTS`.
    pub const PAGE_FAULTS: u64 = 2;
    /// `PERF_COUNT_SW_CONTEXT_SWITCHES`.
    pub const CONTEXT_SWITCHES: u64 = 3;
    /// `PERF_COUNT_SW_CPU_MIGRATIONS`.
    pub const CPU_MIGRATIONS: u64 = 4;
}

/// How often a sampling event fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sample {
    /// Every N events (for clocks: every N nanoseconds).
    Period(u64),
    /// About N times per second (sets the `freq` flag).
    Frequency(u64),
}

/// An open perf event (created disabled), closed on drop, which detaches its program.
#[derive(Debug)]
pub struct PerfEvent {
    fd: OwnedFd,
    /// The kprobe function name or uprobe path `config1` points at; the kernel
    /// only reads it during open, but keeping it costs nothing.
    _target: Option<CString>,
}

fn errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

/// A `perf_event_attr` image written field by field.
struct PerfAttr([u8; ATTR_SIZE]);

impl PerfAttr {
    fn new(type_: u32, config: u64) -> Self {
        let mut a = PerfAttr([0; ATTR_SIZE]);
        a.u32(0, type_);
        a.u32(4, ATTR_SIZE as u32);
        a.u64(8, config);
        a.u64(40, FLAG_DISABLED);
        a
    }
    fn u32(&mut self, off: usize, v: u32) {
        self.0[off..off + 4].copy_from_slice(&v.to_ne_bytes());
    }
    fn u64(&mut self, off: usize, v: u64) {
        self.0[off..off + 8].copy_from_slice(&v.to_ne_bytes());
    }
    fn sample(&mut self, s: Sample) {
        match s {
            Sample::Period(n) => self.u64(16, n),
            Sample::Frequency(n) => {
                self.u64(16, n);
                self.u64(40, FLAG_DISABLED | FLAG_FREQ);
            }
        }
    }
    fn open(&mut self, pid: i32, cpu: i32) -> Result<OwnedFd, i32> {
        // SAFETY: the attr image is ATTR_SIZE bytes, matching its `size` field, and
        // any pointer stored in it (config1) outlives the call.
        let r = unsafe {
            libc::syscall(
                libc::SYS_perf_event_open,
                self.0.as_mut_ptr(),
                pid as libc::pid_t,
                cpu as libc::c_int,
                -1 as libc::c_int,
                PERF_FLAG_FD_CLOEXEC,
            )
        };
        if r < 0 {
            return Err(errno());
        }
        // SAFETY: a successful perf_event_open returns a new fd that nothing else owns.
        Ok(unsafe { OwnedFd::from_raw_fd(r as RawFd) })
    }
}

/// Reads a PMU's `format/retprobe` bit (`config:N`), if the PMU has one.
pub fn pmu_retprobe_bit(pmu: &str) -> Option<u32> {
    let path = format!("/sys/bus/event_source/devices/{pmu}/format/retprobe");
    let text = std::fs::read_to_string(path).ok()?;
    text.trim().strip_prefix("config:")?.parse().ok()
}

/// The first bit of the uprobe PMU's `format/ref_ctr_offset` field (`config:32-63`).
pub fn pmu_ref_ctr_shift() -> Option<u32> {
    let text =
        std::fs::read_to_string("/sys/bus/event_source/devices/uprobe/format/ref_ctr_offset")
            .ok()?;
    let bits = text.trim().strip_prefix("config:")?;
    bits.split('-').next()?.parse().ok()
}

impl PerfEvent {
    /// Opens tracepoint `id` (from [`crate::tracefs::tracepoint_id`]) on `cpu`, any task.
    pub fn tracepoint(id: u64, cpu: i32) -> Result<PerfEvent, i32> {
        let mut a = PerfAttr::new(PERF_TYPE_TRACEPOINT, id);
        a.sample(Sample::Period(1));
        Ok(PerfEvent {
            fd: a.open(-1, cpu)?,
            _target: None,
        })
    }

    /// Opens software event `config` (see [`sw`]) on `cpu`, any task.
    pub fn software(config: u64, sample: Sample, cpu: i32) -> Result<PerfEvent, i32> {
        PerfEvent::raw(PERF_TYPE_SOFTWARE, config, sample, cpu)
    }

    /// Opens an event of any perf `type_` and `config` on `cpu`, any task.
    pub fn raw(type_: u32, config: u64, sample: Sample, cpu: i32) -> Result<PerfEvent, i32> {
        let mut a = PerfAttr::new(type_, config);
        a.sample(sample);
        Ok(PerfEvent {
            fd: a.open(-1, cpu)?,
            _target: None,
        })
    }

    /// Opens a kprobe/uprobe PMU event: `target` is the function name or file path,
    /// `offset_or_addr` the offset in it; `pid` -1 means every task (opened on CPU 0,
    /// which still fires on all CPUs). EINVAL when `retprobe` lacks a `retprobe_bit`.
    pub fn probe_pmu(
        pmu_type: u32,
        retprobe_bit: Option<u32>,
        target: &str,
        offset_or_addr: u64,
        pid: i32,
        retprobe: bool,
    ) -> Result<PerfEvent, i32> {
        PerfEvent::probe_pmu_config(
            pmu_type,
            retprobe_bit,
            0,
            target,
            offset_or_addr,
            pid,
            retprobe,
        )
    }

    /// [`Self::probe_pmu`] with other `config` bits set (the uprobe semaphore offset).
    fn probe_pmu_config(
        pmu_type: u32,
        retprobe_bit: Option<u32>,
        extra_config: u64,
        target: &str,
        offset_or_addr: u64,
        pid: i32,
        retprobe: bool,
    ) -> Result<PerfEvent, i32> {
        let config = extra_config
            | match (retprobe, retprobe_bit) {
                (false, _) => 0,
                (true, Some(bit)) if bit < 64 => 1u64 << bit,
                (true, _) => return Err(libc::EINVAL),
            };
        let target = CString::new(target).map_err(|_| libc::EINVAL)?;
        let mut a = PerfAttr::new(pmu_type, config);
        a.sample(Sample::Period(1));
        a.u64(56, target.as_ptr() as u64);
        a.u64(64, offset_or_addr);
        let (pid, cpu) = if pid < 0 { (-1, 0) } else { (pid, -1) };
        Ok(PerfEvent {
            fd: a.open(pid, cpu)?,
            _target: Some(target),
        })
    }

    /// Opens a uprobe (or uretprobe) at file offset `offset` of `path` via the `uprobe` PMU.
    pub fn uprobe(path: &str, offset: u64, pid: i32, retprobe: bool) -> Result<PerfEvent, i32> {
        let ty = crate::discovery::pmu_type("uprobe").ok_or(libc::ENOENT)?;
        PerfEvent::probe_pmu(ty, pmu_retprobe_bit("uprobe"), path, offset, pid, retprobe)
    }

    /// Opens a uprobe whose USDT semaphore, at file offset `ref_ctr_offset` of `path`,
    /// the kernel increments in every process while the probe exists. ENOTSUP when the
    /// PMU has no `ref_ctr_offset` field.
    pub fn uprobe_with_semaphore(
        path: &str,
        offset: u64,
        pid: i32,
        retprobe: bool,
        ref_ctr_offset: u64,
    ) -> Result<PerfEvent, i32> {
        let ty = crate::discovery::pmu_type("uprobe").ok_or(libc::ENOENT)?;
        let shift = pmu_ref_ctr_shift().ok_or(libc::ENOTSUP)?;
        if shift >= 64 || (shift > 0 && ref_ctr_offset >> (64 - shift) != 0) {
            return Err(libc::EINVAL);
        }
        PerfEvent::probe_pmu_config(
            ty,
            pmu_retprobe_bit("uprobe"),
            ref_ctr_offset << shift,
            path,
            offset,
            pid,
            retprobe,
        )
    }

    /// Opens a kprobe (or kretprobe) at `func`+`offset` via the `kprobe` PMU.
    pub fn kprobe(func: &str, offset: u64, retprobe: bool) -> Result<PerfEvent, i32> {
        let ty = crate::discovery::pmu_type("kprobe").ok_or(libc::ENOENT)?;
        PerfEvent::probe_pmu(ty, pmu_retprobe_bit("kprobe"), func, offset, -1, retprobe)
    }

    /// The event's descriptor (borrowed; the event still owns it).
    pub fn fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    fn ioctl(&self, req: libc::c_ulong, arg: libc::c_ulong) -> Result<(), i32> {
        // SAFETY: these perf ioctls take an integer argument, not a pointer, on a
        // perf event fd that we own.
        let r = unsafe { libc::ioctl(self.fd.as_raw_fd(), req as _, arg) };
        if r < 0 { Err(errno()) } else { Ok(()) }
    }

    /// Attaches `prog` (PERF_EVENT_IOC_SET_BPF); it stays attached until the event closes.
    pub fn attach_bpf(&self, prog: &Program) -> Result<(), i32> {
        self.ioctl(PERF_EVENT_IOC_SET_BPF, prog.raw_fd() as libc::c_ulong)
    }

    /// Starts counting/sampling (PERF_EVENT_IOC_ENABLE).
    pub fn enable(&self) -> Result<(), i32> {
        self.ioctl(PERF_EVENT_IOC_ENABLE, 0)
    }

    /// Stops counting/sampling (PERF_EVENT_IOC_DISABLE).
    pub fn disable(&self) -> Result<(), i32> {
        self.ioctl(PERF_EVENT_IOC_DISABLE, 0)
    }

    /// The event's counter value (read(2) with the default read format).
    pub fn read_count(&self) -> Result<u64, i32> {
        let mut buf = [0u8; 8];
        // SAFETY: buf is 8 writable bytes and the fd is ours.
        let r = unsafe { libc::read(self.fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
        if r != 8 {
            return Err(if r < 0 { errno() } else { libc::EIO });
        }
        Ok(u64::from_ne_bytes(buf))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{counter, counter_map, counting_prog, is_root};

    const PROG_KPROBE: u32 = 2;
    const PROG_TRACEPOINT: u32 = 5;
    const PROG_PERF_EVENT: u32 = 7;

    #[test]
    fn software_clock_runs_perf_event_program() {
        if !is_root("perf events") {
            return;
        }
        let map = counter_map();
        let p = Program::load(PROG_PERF_EVENT, 0, &counting_prog(&map)).unwrap();
        let ev = PerfEvent::software(sw::CPU_CLOCK, Sample::Frequency(1000), 0).unwrap();
        ev.attach_bpf(&p).unwrap();
        ev.enable().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(100));
        ev.disable().unwrap();
        assert!(ev.read_count().unwrap() > 0);
        assert!(counter(&map) > 0, "no samples in 100ms at 1000 Hz");
        // A period-based event opens too.
        PerfEvent::software(sw::CPU_CLOCK, Sample::Period(1_000_000), 0).unwrap();
    }

    #[test]
    fn tracepoint_event_runs_program() {
        if !is_root("perf events") {
            return;
        }
        let id = crate::tracefs::tracepoint_id("syscalls", "sys_enter_getppid").unwrap();
        let map = counter_map();
        let p = Program::load(PROG_TRACEPOINT, 0, &counting_prog(&map)).unwrap();
        let ev = PerfEvent::tracepoint(u64::from(id), 0).unwrap();
        ev.attach_bpf(&p).unwrap();
        ev.enable().unwrap();
        for _ in 0..10 {
            // SAFETY: getppid has no preconditions.
            unsafe { libc::getppid() };
        }
        assert!(counter(&map) >= 10, "count {}", counter(&map));
        drop(ev);
        let before = counter(&map);
        // SAFETY: getppid has no preconditions.
        unsafe { libc::getppid() };
        assert_eq!(counter(&map), before, "closing the event detaches");
        let e = PerfEvent::tracepoint(u64::MAX >> 1, 0).unwrap_err();
        assert!(e == libc::ENOENT || e == libc::EINVAL, "errno {e}");
    }

    #[inline(never)]
    #[unsafe(no_mangle)]
    extern "C" fn rstap_sys_uprobe_target(x: u64) -> u64 {
        std::hint::black_box(x + 1)
    }

    /// File offset of `addr` in this executable, from /proc/self/maps.
    fn file_offset(addr: u64) -> Option<(String, u64)> {
        let maps = std::fs::read_to_string("/proc/self/maps").ok()?;
        for line in maps.lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            let (lo, hi) = f[0].split_once('-')?;
            let (lo, hi) = (
                u64::from_str_radix(lo, 16).ok()?,
                u64::from_str_radix(hi, 16).ok()?,
            );
            if (lo..hi).contains(&addr) && f.len() >= 6 {
                let off = u64::from_str_radix(f[2], 16).ok()?;
                return Some((f[5].to_owned(), addr - lo + off));
            }
        }
        None
    }

    #[test]
    fn uprobe_pmu_runs_program() {
        if !is_root("perf events") {
            return;
        }
        if crate::discovery::pmu_type("uprobe").is_none() {
            eprintln!("skipped: no uprobe PMU");
            return;
        }
        let f: extern "C" fn(u64) -> u64 = rstap_sys_uprobe_target;
        let (path, off) = file_offset(f as usize as u64).unwrap();
        for retprobe in [false, true] {
            // A program and counter each, so that hits of the entry event arriving
            // after it was closed are not counted for the return event (a loaded
            // machine once counted 6 return hits for 3 calls).
            let map = counter_map();
            let p = Program::load(PROG_KPROBE, 0, &counting_prog(&map)).unwrap();
            // SAFETY: getpid has no preconditions.
            let pid = unsafe { libc::getpid() };
            let ev = PerfEvent::uprobe(&path, off, pid, retprobe).unwrap();
            ev.attach_bpf(&p).unwrap();
            ev.enable().unwrap();
            let before = counter(&map);
            for i in 0..3 {
                std::hint::black_box(f(i));
            }
            assert_eq!(counter(&map) - before, 3, "retprobe {retprobe}");
        }
        assert_eq!(
            PerfEvent::probe_pmu(1, None, &path, off, -1, true).unwrap_err(),
            libc::EINVAL
        );
    }

    #[test]
    fn kprobe_pmu_absence_is_clear() {
        match crate::discovery::require_pmu("kprobe") {
            Ok(_) => eprintln!("kprobe PMU present"),
            Err(e) => {
                assert!(e.to_string().contains("kprobes are unavailable"), "{e}");
                assert_eq!(
                    PerfEvent::kprobe("do_sys_open", 0, false).unwrap_err(),
                    libc::ENOENT
                );
            }
        }
    }
}
