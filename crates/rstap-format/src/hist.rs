//! `@hist_log` / `@hist_linear` ASCII art, laid out as reference §6.2 specifies.

use std::fmt::Write;

use crate::stats::{HistSpec, LOG_BUCKETS, Stat, StatError, log_label};

const HIST_WIDTH: i64 = 50;
/// SystemTap's default `HIST_ELISION`: empty buckets shown around the data and around
/// each run of elided rows.
pub const DEFAULT_ELISION: i64 = 2;

fn digits(v: i64) -> usize {
    v.to_string().len()
}

/// Renders the statistic's histogram (the kind it was created with).
pub fn render(stat: &Stat) -> Result<String, StatError> {
    match stat.hist {
        Some(h) => render_buckets(&stat.buckets, h),
        None => Err(StatError::Empty),
    }
}

/// Renders a histogram from its bucket counts with the default elision.
pub fn render_buckets(buckets: &[i64], spec: HistSpec) -> Result<String, StatError> {
    render_buckets_with(buckets, spec, DEFAULT_ELISION)
}

/// Renders with `-DHIST_ELISION=elision`: how many empty buckets to keep next to the data;
/// 0 removes every empty bucket and a negative value disables elision.
pub fn render_buckets_with(
    buckets: &[i64],
    spec: HistSpec,
    elision: i64,
) -> Result<String, StatError> {
    // A negative setting keeps every row between the extremes (and widens by the default).
    let (keep_all, e) = if elision < 0 {
        (true, DEFAULT_ELISION as usize)
    } else {
        (false, elision.min(LOG_BUCKETS as i64) as usize)
    };
    let n = buckets.len();
    let Some(first) = buckets.iter().position(|&c| c != 0) else {
        return Err(StatError::Empty);
    };
    let last = buckets.iter().rposition(|&c| c != 0).unwrap_or(first);
    let valmax = buckets.iter().copied().max().unwrap_or(0);
    let mut low = first.saturating_sub(e);
    let mut high = (last + e).min(n - 1);
    match spec {
        HistSpec::Log => {
            // Never widen into the negative side unless there are negative values.
            if first >= LOG_BUCKETS / 2 {
                low = low.max(LOG_BUCKETS / 2);
            }
        }
        HistSpec::Linear { .. } => {
            if low == 0 && buckets[0] == 0 {
                low = 1;
            }
            if high == n - 1 && buckets[n - 1] == 0 {
                high = n - 2;
            }
        }
    }
    let label = |b: usize| -> String {
        match spec {
            HistSpec::Log => log_label(b).to_string(),
            HistSpec::Linear {
                start,
                stop,
                interval,
            } => {
                if b == 0 {
                    format!("<{start}")
                } else if b == n - 1 {
                    format!(">{stop}")
                } else {
                    (start + (b as i64 - 1) * interval).to_string()
                }
            }
        }
    };
    let scale = if valmax <= HIST_WIDTH {
        1
    } else {
        (valmax + HIST_WIDTH - 1) / HIST_WIDTH
    };
    let cnt_space = digits(valmax);
    let val_space = (low..=high)
        .map(|b| label(b).len())
        .max()
        .unwrap_or(0)
        .max(5);

    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:>val_space$} |{} count",
        "value",
        "-".repeat(HIST_WIDTH as usize)
    );
    let mut eliding = false;
    for b in low..=high {
        let lo = b.saturating_sub(e).max(low);
        let hi = (b + e).min(high);
        if !keep_all && (lo..=hi).all(|k| buckets[k] == 0) {
            eliding = true;
            continue;
        }
        if eliding {
            let _ = writeln!(out, "{:val_space$} ~", "");
            eliding = false;
        }
        let count = buckets[b];
        let bar = (count / scale) as usize;
        let field = HIST_WIDTH as usize - bar + 1 + cnt_space;
        let _ = writeln!(
            out,
            "{:>val_space$} |{}{:>field$}",
            label(b),
            "@".repeat(bar),
            count
        );
    }
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(spec: HistSpec, values: impl IntoIterator<Item = i64>) -> Stat {
        let mut s = Stat::new(Some(spec), 0);
        for v in values {
            s.add(v);
        }
        s
    }

    #[test]
    fn log_edge_example() {
        let s = stat(HistSpec::Log, [-1, 1]);
        let text = render(&s).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], format!("value |{} count", "-".repeat(50)));
        let labels: Vec<&str> = lines[1..lines.len() - 1]
            .iter()
            .map(|l| l.split('|').next().unwrap().trim())
            .collect();
        assert_eq!(labels, ["-4", "-2", "-1", "0", "1", "2", "4"]);
        for l in &lines[1..lines.len() - 1] {
            assert_eq!(l.len(), 59, "{l:?}");
        }
        assert_eq!(lines[3], format!("   -1 |@{}1", " ".repeat(50)));
        assert_eq!(lines[4], format!("    0 |{}0", " ".repeat(51)));
        assert!(text.ends_with("\n\n"));
    }

    #[test]
    fn linear_over_and_under_with_scaling() {
        // 680 values below the start and a few in range and above the stop.
        let mut values = vec![100; 680];
        values.extend([300, 300, 550, 1200, 1200]);
        let s = stat(HistSpec::linear(250, 1000, 50).unwrap(), values);
        let text = render(&s).unwrap();
        let rows: Vec<&str> = text.lines().skip(1).filter(|l| !l.is_empty()).collect();
        assert!(rows[0].starts_with(" <250 |"), "{text}");
        assert!(rows.last().unwrap().starts_with(">1000 |"), "{text}");
        // scale = ceil(680/50) = 14, so 680 draws 48 '@'.
        assert_eq!(rows[0].matches('@').count(), 48);
        for r in rows.iter().filter(|r| !r.ends_with('~')) {
            assert_eq!(r.len(), 61, "{r:?}");
        }
        assert!(rows.iter().any(|r| r.trim() == "~"), "{text}");
    }

    #[test]
    fn log_of_squares_elides_and_scales() {
        let s = stat(HistSpec::Log, (0..1000).map(|i| i * i));
        let text = render(&s).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], format!("  value |{} count", "-".repeat(50)));
        // valmax is 275 (the squares in [2^19, 2^20)), so the scale is 6 and a count of
        // one draws no '@'.
        assert_eq!(lines[1], format!("      0 |{}1", " ".repeat(53)));
        assert_eq!(lines[2], format!("      1 |{}1", " ".repeat(53)));
        let top = format!(" 524288 |{}{:>9}", "@".repeat(45), 275);
        assert!(lines.contains(&top.as_str()), "{text}");
        // The largest square, 998001, falls in the bucket labelled 524288.
        assert!(lines.iter().any(|l| l.starts_with(" 524288 |")), "{text}");
        // Every count ends at column val_space + 2 + 51 + cnt_space.
        for l in &lines[1..] {
            if !l.is_empty() && !l.ends_with('~') {
                assert_eq!(l.len(), 7 + 2 + 51 + 3, "{l:?}");
            }
        }
    }

    #[test]
    fn elision_marker() {
        let s = stat(HistSpec::Log, [1, 1 << 20]);
        let text = render(&s).unwrap();
        assert!(text.contains("\n        ~\n"), "{text}");
    }

    #[test]
    fn elision_setting() {
        let s = stat(HistSpec::Log, [1, 1 << 10]);
        let rows = |e: i64| -> Vec<String> {
            let b = s.buckets.clone();
            render_buckets_with(&b, HistSpec::Log, e)
                .unwrap()
                .lines()
                .skip(1)
                .filter(|l| !l.is_empty())
                .map(|l| l.split('|').next().unwrap().trim().to_string())
                .collect()
        };
        assert_eq!(rows(0), ["1", "~", "1024"]);
        assert_eq!(rows(1), ["0", "1", "2", "~", "512", "1024", "2048"]);
        // Negative: nothing elided between the (default-widened) extremes.
        assert_eq!(rows(-1).len(), 14);
        assert!(!rows(-1).contains(&"~".to_string()));
        assert_eq!(rows(2), rows(DEFAULT_ELISION));
    }

    #[test]
    fn empty_is_an_error() {
        let s = Stat::new(Some(HistSpec::Log), 0);
        assert_eq!(render(&s), Err(StatError::Empty));
    }
}
