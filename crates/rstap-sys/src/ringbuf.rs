//! Consumer side of a BPF ring buffer map: the consumer page (read-write, holds the
//! consumer position), the producer page and the data area (read-only, mapped twice
//! back to back so a record that wraps is still contiguous), and an epoll descriptor
//! that the kernel signals when records are committed.

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use crate::bpf::Map;

const BUSY: u32 = 1 << 31;
const DISCARD: u32 = 1 << 30;
const HEADER: usize = 8;

/// A mapped ring buffer; unmapped on drop.
#[derive(Debug)]
pub struct RingBuf {
    epoll: OwnedFd,
    consumer: *mut u8,
    producer: *mut u8,
    page: usize,
    size: usize,
}

// SAFETY: the mappings are owned exclusively by this value and only touched through
// `&self`/`&mut self`; moving them to another thread is sound.
unsafe impl Send for RingBuf {}

fn last_err() -> io::Error {
    io::Error::last_os_error()
}

impl RingBuf {
    /// Maps `map`, which must be a `BPF_MAP_TYPE_RINGBUF`.
    pub fn new(map: &Map) -> io::Result<RingBuf> {
        // SAFETY: sysconf has no preconditions.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize;
        let size = map.max_entries() as usize;
        if map.map_type() != crate::bpf::MapType::Ringbuf || !size.is_power_of_two() {
            return Err(io::Error::from_raw_os_error(libc::EINVAL));
        }
        let fd = map.fd();
        let epoll = epoll_create()?;
        // SAFETY: mapping a fresh region; the kernel validates the fd, offsets and sizes.
        let consumer = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                page,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd,
                0,
            )
        };
        if consumer == libc::MAP_FAILED {
            return Err(last_err());
        }
        // SAFETY: as above; the producer page and the doubled data area are read-only.
        let producer = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                page + 2 * size,
                libc::PROT_READ,
                libc::MAP_SHARED,
                fd,
                page as libc::off_t,
            )
        };
        if producer == libc::MAP_FAILED {
            let e = last_err();
            // SAFETY: `consumer` was mapped above with this length.
            unsafe { libc::munmap(consumer, page) };
            return Err(e);
        }
        let rb = RingBuf {
            epoll,
            consumer: consumer.cast(),
            producer: producer.cast(),
            page,
            size,
        };
        let mut ev = libc::epoll_event {
            events: libc::EPOLLIN as u32,
            u64: 0,
        };
        // SAFETY: both descriptors are valid and `ev` is a live epoll_event.
        let r = unsafe { libc::epoll_ctl(rb.epoll.as_raw_fd(), libc::EPOLL_CTL_ADD, fd, &mut ev) };
        if r < 0 {
            return Err(last_err());
        }
        Ok(rb)
    }

    fn consumer_pos(&self) -> &AtomicU64 {
        // SAFETY: the consumer page is mapped read-write, page-aligned, and lives as long
        // as `self`; the kernel reads the position concurrently, hence the atomic.
        unsafe { &*(self.consumer as *const AtomicU64) }
    }

    fn producer_pos(&self) -> &AtomicU64 {
        // SAFETY: the producer page is mapped, page-aligned and lives as long as `self`;
        // the kernel writes the position concurrently, hence the atomic.
        unsafe { &*(self.producer as *const AtomicU64) }
    }

    /// Hands every committed record to `f`, oldest first, and releases its space.
    /// Stops at a record still being written. Returns how many records were seen.
    pub fn consume(&mut self, f: &mut dyn FnMut(&[u8])) -> usize {
        let mut n = 0;
        let mask = self.size as u64 - 1;
        let mut cons = self.consumer_pos().load(Ordering::Acquire);
        loop {
            let prod = self.producer_pos().load(Ordering::Acquire);
            if cons >= prod {
                break;
            }
            let at = self.page + (cons & mask) as usize;
            // SAFETY: `at` is inside the data area (offset < size after masking) and
            // the header is 8-byte aligned; the kernel flips its BUSY bit concurrently.
            let word = unsafe { &*(self.producer.add(at) as *const AtomicU32) };
            let len_word = word.load(Ordering::Acquire);
            if len_word & BUSY != 0 {
                break;
            }
            let len = (len_word & !(BUSY | DISCARD)) as usize;
            if len_word & DISCARD == 0 {
                // SAFETY: a committed record's `len` bytes follow its header; the data
                // area is mapped twice, so they are contiguous even when they wrap.
                let data =
                    unsafe { std::slice::from_raw_parts(self.producer.add(at + HEADER), len) };
                f(data);
                n += 1;
            }
            cons += (len + HEADER).div_ceil(8) as u64 * 8;
            self.consumer_pos().store(cons, Ordering::Release);
        }
        n
    }

    /// Waits up to `timeout_ms` (-1: forever) for the kernel to signal new records.
    /// Returns whether it did (a signal interrupting the wait counts as no).
    pub fn wait(&self, timeout_ms: i32) -> io::Result<bool> {
        let mut ev = libc::epoll_event { events: 0, u64: 0 };
        // SAFETY: `ev` has room for the one event requested.
        let r = unsafe { libc::epoll_wait(self.epoll.as_raw_fd(), &mut ev, 1, timeout_ms) };
        if r < 0 {
            let e = last_err();
            if e.kind() == io::ErrorKind::Interrupted {
                return Ok(false);
            }
            return Err(e);
        }
        Ok(r > 0)
    }

    /// The epoll descriptor, for callers that multiplex other events.
    pub fn epoll_fd(&self) -> std::os::fd::RawFd {
        self.epoll.as_raw_fd()
    }
}

fn epoll_create() -> io::Result<OwnedFd> {
    // SAFETY: epoll_create1 has no memory preconditions.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(last_err());
    }
    // SAFETY: a successful epoll_create1 returns a new fd that nothing else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

impl Drop for RingBuf {
    fn drop(&mut self) {
        // SAFETY: both regions were mapped in `new` with these lengths and nothing
        // borrowed from them outlives `self`.
        unsafe {
            libc::munmap(self.consumer.cast(), self.page);
            libc::munmap(self.producer.cast(), self.page + 2 * self.size);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::MapType;
    use crate::prog::Program;

    const SOCKET_FILTER: u32 = 1;

    /// `*(u64 *)(r10 - 8) = value; bpf_ringbuf_output(map, r10 - 8, 8, 0); return 0`.
    fn output_prog(map: &Map, value: i32) -> Vec<u64> {
        let fd = map.fd() as u64;
        vec![
            0x7a | (0xa << 8) | ((-8i16 as u16 as u64) << 16) | ((value as u32 as u64) << 32),
            0x18 | (1 << 8) | (1 << 12) | (fd << 32), // r1 = map fd (pseudo)
            0,
            0xbf | (2 << 8) | (0xa << 12),                   // r2 = r10
            0x07 | (2 << 8) | ((-8i32 as u32 as u64) << 32), // r2 += -8
            0xb7 | (3 << 8) | (8 << 32),                     // r3 = 8
            0xb7 | (4 << 8),                                 // r4 = 0
            0x85 | (130 << 32),                              // call bpf_ringbuf_output
            0xb7,                                            // r0 = 0
            0x95,
        ]
    }

    #[test]
    fn records_arrive_in_order_and_wrap() {
        if !crate::testutil::is_root("ring buffers") {
            return;
        }
        let map = Map::create(MapType::Ringbuf, "rstap_rb_test", 0, 0, 4096, 0).unwrap();
        let mut rb = RingBuf::new(&map).unwrap();
        let mut seen = Vec::new();
        // 4096 bytes hold 256 16-byte records: writing 1000 wraps several times.
        for round in 0..10 {
            for i in 0..100 {
                let p =
                    Program::load(SOCKET_FILTER, 0, &output_prog(&map, round * 100 + i)).unwrap();
                p.test_run(&[0u8; 64]).unwrap();
            }
            assert!(rb.wait(0).unwrap() || round > 0);
            rb.consume(&mut |r: &[u8]| {
                seen.push(i64::from_le_bytes(r.try_into().unwrap()));
            });
        }
        assert_eq!(seen, (0..1000).collect::<Vec<i64>>());
        assert!(!rb.wait(0).unwrap());
    }
}
