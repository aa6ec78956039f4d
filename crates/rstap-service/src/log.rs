//! The service log: one line per step, prefixed like `date "+%b %e %T"` (`Mar  5
//! 14:03:07`), as SystemTap's initscript writes it.

use std::io::Write;
use std::path::Path;

/// A local wall-clock time, broken down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    /// 1-12.
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `%b %e %T`: abbreviated month (C locale), day padded with a space to two columns,
/// `HH:MM:SS`.
pub fn prefix(t: LocalTime) -> String {
    let month = MONTHS
        .get(usize::from(t.month.max(1)) - 1)
        .copied()
        .unwrap_or("???");
    format!(
        "{month} {:>2} {:02}:{:02}:{:02}",
        t.day, t.hour, t.minute, t.second
    )
}

/// The log line for `message` at `t`.
pub fn line(t: LocalTime, message: &str) -> String {
    format!("{}: {message}\n", prefix(t))
}

/// Appends one line to the log file, creating it (and its directory) when missing.
pub fn append(path: &Path, t: LocalTime, message: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    // One write per line, so lines of concurrent services do not interleave.
    f.write_all(line(t, message).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(month: u8, day: u8, hour: u8, minute: u8, second: u8) -> LocalTime {
        LocalTime {
            month,
            day,
            hour,
            minute,
            second,
        }
    }

    #[test]
    fn date_format() {
        assert_eq!(prefix(t(3, 5, 14, 3, 7)), "Mar  5 14:03:07");
        assert_eq!(prefix(t(12, 31, 0, 0, 0)), "Dec 31 00:00:00");
        assert_eq!(prefix(t(1, 10, 9, 59, 59)), "Jan 10 09:59:59");
        assert_eq!(
            line(t(7, 1, 1, 2, 3), "starting a"),
            "Jul  1 01:02:03: starting a\n"
        );
    }

    #[test]
    fn appends_lines() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("sub/rstap.log");
        append(&log, t(2, 3, 4, 5, 6), "one").unwrap();
        append(&log, t(2, 3, 4, 5, 7), "two").unwrap();
        assert_eq!(
            std::fs::read_to_string(&log).unwrap(),
            "Feb  3 04:05:06: one\nFeb  3 04:05:07: two\n"
        );
    }
}
