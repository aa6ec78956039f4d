//! Reading what the running kernel offers: CPU lists and dynamic PMUs.

use std::io;
use std::path::Path;

/// Parses a sysfs CPU list such as `0-3,5,7-8` into CPU numbers.
pub fn parse_cpu_list(text: &str) -> Result<Vec<u32>, String> {
    let mut cpus = Vec::new();
    for part in text.trim().split(',').filter(|p| !p.is_empty()) {
        let num = |s: &str| {
            s.parse::<u32>()
                .map_err(|_| format!("bad CPU number `{s}` in list `{}`", text.trim()))
        };
        match part.split_once('-') {
            Some((lo, hi)) => {
                let (lo, hi) = (num(lo)?, num(hi)?);
                if lo > hi {
                    return Err(format!("descending CPU range `{part}`"));
                }
                cpus.extend(lo..=hi);
            }
            None => cpus.push(num(part)?),
        }
    }
    Ok(cpus)
}

fn read_cpu_file(path: &str) -> io::Result<Vec<u32>> {
    let text = std::fs::read_to_string(path)?;
    parse_cpu_list(&text).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// CPUs the kernel may ever bring up (sizes per-CPU map values).
pub fn possible_cpus() -> io::Result<Vec<u32>> {
    read_cpu_file("/sys/devices/system/cpu/possible")
}

/// CPUs currently online (where per-CPU perf events are opened).
pub fn online_cpus() -> io::Result<Vec<u32>> {
    read_cpu_file("/sys/devices/system/cpu/online")
}

/// The perf type number of a dynamic PMU (`kprobe`, `uprobe`), or `None`
/// when this kernel does not offer it.
pub fn pmu_type(name: &str) -> Option<u32> {
    let path = Path::new("/sys/bus/event_source/devices")
        .join(name)
        .join("type");
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// A dynamic PMU this kernel does not offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PmuUnavailable(pub String);

impl std::fmt::Display for PmuUnavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.0.as_str() {
            "kprobe" => "kprobes are",
            "uprobe" => "uprobes are",
            other => return write!(f, "the `{other}` PMU is unavailable on this kernel"),
        };
        write!(f, "{what} unavailable on this kernel (no `{}` PMU)", self.0)
    }
}

impl std::error::Error for PmuUnavailable {}

/// Like [`pmu_type`], but a missing PMU is a typed error.
pub fn require_pmu(name: &str) -> Result<u32, PmuUnavailable> {
    pmu_type(name).ok_or_else(|| PmuUnavailable(name.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_lists_parse() {
        let cases: &[(&str, Option<&[u32]>)] = &[
            ("0\n", Some(&[0])),
            ("0-3", Some(&[0, 1, 2, 3])),
            ("0-1,4,6-7\n", Some(&[0, 1, 4, 6, 7])),
            ("", Some(&[])),
            ("3-1", None),
            ("a", None),
        ];
        for (text, want) in cases {
            let got = parse_cpu_list(text).ok();
            assert_eq!(got.as_deref(), *want, "input {text:?}");
        }
    }

    #[test]
    fn this_machine_has_cpus() {
        let possible = possible_cpus().expect("possible CPUs");
        let online = online_cpus().expect("online CPUs");
        assert!(!online.is_empty());
        assert!(online.iter().all(|c| possible.contains(c)));
    }

    #[test]
    fn missing_pmu_is_none() {
        assert_eq!(pmu_type("no-such-pmu"), None);
        let err = require_pmu("kprobe").err();
        if let Some(err) = err {
            assert_eq!(
                err.to_string(),
                "kprobes are unavailable on this kernel (no `kprobe` PMU)"
            );
        }
    }
}
