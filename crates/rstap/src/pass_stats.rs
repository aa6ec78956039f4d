//! The resource figures of stap's `-v` pass lines:
//! `using 26536virt/16000res/7128shr/8768data kb, in 30usr/0sys/34real ms.`

use std::time::Instant;

/// Kernel clock ticks per second for /proc times; 100 on every Linux architecture rstap
/// supports (USER_HZ is fixed by the ABI).
const USER_HZ: u64 = 100;

fn cpu_ticks() -> (u64, u64) {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return (0, 0);
    };
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let get = |i: usize| fields.get(i).and_then(|s| s.parse().ok()).unwrap_or(0);
    (get(11), get(12))
}

fn memory_kb() -> [u64; 4] {
    let page_kb = 4;
    let Ok(statm) = std::fs::read_to_string("/proc/self/statm") else {
        return [0; 4];
    };
    let f: Vec<u64> = statm
        .split_whitespace()
        .map(|s| s.parse().unwrap_or(0))
        .collect();
    let get = |i: usize| f.get(i).copied().unwrap_or(0) * page_kb;
    // size, resident, shared, data
    [get(0), get(1), get(2), get(5)]
}

/// A pass in progress: created at its start, reported at its end.
pub struct PassClock {
    start: Instant,
    ticks: (u64, u64),
}

impl PassClock {
    pub fn start() -> PassClock {
        PassClock {
            start: Instant::now(),
            ticks: cpu_ticks(),
        }
    }

    /// `using ...kb, in ...ms` for the time since `start`.
    pub fn report(&self) -> String {
        let (u, s) = cpu_ticks();
        let ms = |t: u64| t * 1000 / USER_HZ;
        let [virt, res, shr, data] = memory_kb();
        format!(
            "using {virt}virt/{res}res/{shr}shr/{data}data kb, in {}usr/{}sys/{}real ms.",
            ms(u.saturating_sub(self.ticks.0)),
            ms(s.saturating_sub(self.ticks.1)),
            self.start.elapsed().as_millis()
        )
    }

    /// `in ...usr/...sys/...real ms.` (the run line has no memory figures).
    pub fn report_time(&self) -> String {
        let (u, s) = cpu_ticks();
        let ms = |t: u64| t * 1000 / USER_HZ;
        format!(
            "in {}usr/{}sys/{}real ms.",
            ms(u.saturating_sub(self.ticks.0)),
            ms(s.saturating_sub(self.ticks.1)),
            self.start.elapsed().as_millis()
        )
    }
}

/// `1 probe` / `2 probes`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_shape() {
        let c = PassClock::start();
        let r = c.report();
        assert!(r.starts_with("using "), "{r}");
        assert!(r.contains("virt/") && r.contains("res/") && r.contains("shr/"));
        assert!(r.ends_with("real ms."));
        let [virt, res, ..] = memory_kb();
        assert!(virt > 0 && res > 0);
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "probe"), "1 probe");
        assert_eq!(plural(0, "probe"), "0 probes");
        assert_eq!(plural(3, "embed"), "3 embeds");
    }
}
