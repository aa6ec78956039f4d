//! A session's globals in the OpenMetrics text format (what `--metrics` serves).
//!
//! Each global is one metric family named `rstap_` + its name (characters outside
//! `[A-Za-z0-9_]` become `_`; a name that would collide with an earlier family's gets
//! `_2`, `_3`, ...):
//! - a number: a gauge; a string: an info family whose `value` label holds it;
//! - an array: one series per entry, its keys as the labels `key1`, `key2`, ... (an array
//!   of strings is an info family with the string in `value`);
//! - a `<<<` statistic (or an array of them): a histogram when the script draws it with
//!   `@hist_log` (power-of-two buckets) or `@hist_linear`, `_bucket{le="..."}` counts
//!   cumulative up to `+Inf`, with `_count` and `_sum`; else a summary of `_count` and
//!   `_sum`. The sum is left out when it would be negative (OpenMetrics counts it as a
//!   counter).

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::stats::{LOG_ZERO, log_label};

/// The Content-Type of [`render`]'s text.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// A number or a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetricValue {
    Long(i64),
    Str(Vec<u8>),
}

/// The buckets a statistic is drawn with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Buckets {
    /// No histogram: count and sum only.
    None,
    /// The 128 `@hist_log` buckets (index 64 holds 0).
    Log(Vec<i64>),
    /// `@hist_linear(start, stop, interval)`: underflow, the ranges, overflow.
    Linear {
        start: i64,
        interval: i64,
        counts: Vec<i64>,
    },
}

/// A `<<<` statistic as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatValue {
    pub count: i64,
    pub sum: i64,
    /// The smallest value (any value when `count` is 0).
    pub min: i64,
    pub buckets: Buckets,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GlobalValue {
    Scalar(MetricValue),
    Array(Vec<(Vec<MetricValue>, MetricValue)>),
    Stat(StatValue),
    StatArray(Vec<(Vec<MetricValue>, StatValue)>),
}

/// One global of the session at the moment it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlobalSnapshot {
    pub name: String,
    pub value: GlobalValue,
}

/// `rstap_NAME` with every character outside `[A-Za-z0-9_]` replaced by `_`.
pub fn metric_name(global: &str) -> String {
    let mut s = String::from("rstap_");
    s.extend(global.chars().map(|c| {
        if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '_'
        }
    }));
    s
}

/// A label value between double quotes, with `\`, `"` and newlines escaped; bytes that
/// are not UTF-8 become U+FFFD.
pub fn escape_label(value: &[u8]) -> String {
    let text = String::from_utf8_lossy(value);
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '"' => s.push_str("\\\""),
            '\n' => s.push_str("\\n"),
            c => s.push(c),
        }
    }
    s
}

fn value_text(v: &MetricValue) -> Vec<u8> {
    match v {
        MetricValue::Long(n) => n.to_string().into_bytes(),
        MetricValue::Str(s) => s.clone(),
    }
}

/// `{key1="a",key2="1"}` plus extra labels; empty when there are none.
fn labels(keys: &[MetricValue], extra: &[(&str, &[u8])]) -> String {
    let mut parts: Vec<String> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| format!("key{}=\"{}\"", i + 1, escape_label(&value_text(k))))
        .collect();
    parts.extend(
        extra
            .iter()
            .map(|(n, v)| format!("{n}=\"{}\"", escape_label(v))),
    );
    if parts.is_empty() {
        String::new()
    } else {
        format!("{{{}}}", parts.join(","))
    }
}

/// The cumulative buckets of a statistic as (inclusive upper bound, count up to it),
/// from the lowest non-empty bucket (or the one of 0) to the highest non-empty one.
/// The `+Inf` bucket is not included.
pub fn cumulative_buckets(buckets: &Buckets) -> Vec<(i64, i64)> {
    let (bounds, counts): (Vec<i64>, &[i64]) = match buckets {
        Buckets::None => return Vec::new(),
        Buckets::Log(counts) => {
            let bound = |b: usize| -> i64 {
                if b > LOG_ZERO {
                    // [2^(k-1), 2^k - 1]
                    let k = (b - LOG_ZERO) as u32;
                    ((1i128 << k) - 1).min(i128::from(i64::MAX)) as i64
                } else {
                    log_label(b)
                }
            };
            ((0..counts.len()).map(bound).collect(), counts)
        }
        Buckets::Linear {
            start,
            interval,
            counts,
        } => {
            // The last bucket is the overflow: only +Inf bounds it.
            let n = counts.len().saturating_sub(1);
            let bounds = (0..n)
                .map(|i| start.saturating_add((i as i64).saturating_mul(*interval)) - 1)
                .collect();
            (bounds, &counts[..n])
        }
    };
    let nonzero: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] != 0).collect();
    let zero_at = bounds.iter().position(|&b| b >= 0);
    let span = nonzero.first().zip(nonzero.last());
    let (first, last) = match (span, zero_at) {
        (Some((&f, &l)), Some(z)) => (f.min(z), l),
        (Some((&f, &l)), None) => (f, l),
        (None, Some(z)) => (z, z),
        (None, None) => return Vec::new(),
    };
    let mut total: i64 = counts[..first].iter().sum();
    (first..=last)
        .map(|i| {
            total += counts[i];
            (bounds[i], total)
        })
        .collect()
}

/// Picks the family name: `base`, or `base_N` when one of its sample names is taken.
fn family_name(base: &str, suffixes: &[&str], taken: &mut HashSet<String>) -> String {
    let mut n = 1;
    loop {
        let name = if n == 1 {
            base.to_string()
        } else {
            format!("{base}_{n}")
        };
        let names: Vec<String> = std::iter::once(name.clone())
            .chain(suffixes.iter().map(|s| format!("{name}{s}")))
            .collect();
        if names.iter().all(|s| !taken.contains(s)) {
            taken.extend(names);
            return name;
        }
        n += 1;
    }
}

/// Every suffix a family of this kind may use.
const GAUGE: &[&str] = &[];
const INFO: &[&str] = &["_info"];
const HISTOGRAM: &[&str] = &["_bucket", "_count", "_sum", "_created"];
const SUMMARY: &[&str] = &["_count", "_sum", "_created"];

fn stat_rows(out: &mut String, name: &str, keys: &[MetricValue], s: &StatValue) {
    let cumulative = cumulative_buckets(&s.buckets);
    if !matches!(s.buckets, Buckets::None) {
        for (le, c) in &cumulative {
            let le = le.to_string();
            let l = labels(keys, &[("le", le.as_bytes())]);
            let _ = writeln!(out, "{name}_bucket{l} {c}");
        }
        let l = labels(keys, &[("le", b"+Inf")]);
        let _ = writeln!(out, "{name}_bucket{l} {}", s.count);
    }
    let l = labels(keys, &[]);
    let _ = writeln!(out, "{name}_count{l} {}", s.count);
    // Negative observations make the sum no counter; OpenMetrics then leaves it out.
    if s.sum >= 0 && (s.count == 0 || s.min >= 0) {
        let _ = writeln!(out, "{name}_sum{l} {}", s.sum);
    }
}

fn stat_type(stats: &[&StatValue]) -> (&'static str, &'static [&'static str]) {
    if stats.iter().any(|s| !matches!(s.buckets, Buckets::None)) {
        ("histogram", HISTOGRAM)
    } else {
        ("summary", SUMMARY)
    }
}

/// The OpenMetrics text of `globals`, ending with `# EOF`.
pub fn render(globals: &[GlobalSnapshot]) -> String {
    let mut out = String::new();
    let mut taken = HashSet::new();
    for g in globals {
        let base = metric_name(&g.name);
        let head = |out: &mut String, name: &str, ty: &str| {
            let _ = write!(
                out,
                "# TYPE {name} {ty}\n# HELP {name} rstap global '{}'\n",
                escape_label(g.name.as_bytes())
            );
        };
        match &g.value {
            GlobalValue::Scalar(MetricValue::Long(n)) => {
                let name = family_name(&base, GAUGE, &mut taken);
                head(&mut out, &name, "gauge");
                let _ = writeln!(out, "{name} {n}");
            }
            GlobalValue::Scalar(MetricValue::Str(s)) => {
                let name = family_name(&base, INFO, &mut taken);
                head(&mut out, &name, "info");
                let _ = writeln!(out, "{name}_info{} 1", labels(&[], &[("value", s)]));
            }
            GlobalValue::Array(rows) => {
                let strings = rows.iter().any(|(_, v)| matches!(v, MetricValue::Str(_)));
                if strings {
                    let name = family_name(&base, INFO, &mut taken);
                    head(&mut out, &name, "info");
                    for (keys, v) in rows {
                        let l = labels(keys, &[("value", &value_text(v))]);
                        let _ = writeln!(out, "{name}_info{l} 1");
                    }
                } else {
                    let name = family_name(&base, GAUGE, &mut taken);
                    head(&mut out, &name, "gauge");
                    for (keys, v) in rows {
                        if let MetricValue::Long(n) = v {
                            let _ = writeln!(out, "{name}{} {n}", labels(keys, &[]));
                        }
                    }
                }
            }
            GlobalValue::Stat(s) => {
                let (ty, suffixes) = stat_type(&[s]);
                let name = family_name(&base, suffixes, &mut taken);
                head(&mut out, &name, ty);
                stat_rows(&mut out, &name, &[], s);
            }
            GlobalValue::StatArray(rows) => {
                let stats: Vec<&StatValue> = rows.iter().map(|(_, s)| s).collect();
                let (ty, suffixes) = stat_type(&stats);
                let name = family_name(&base, suffixes, &mut taken);
                head(&mut out, &name, ty);
                for (keys, s) in rows {
                    stat_rows(&mut out, &name, keys, s);
                }
            }
        }
    }
    out.push_str("# EOF\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log_buckets(values: &[i64]) -> Vec<i64> {
        let mut b = vec![0; 128];
        for &v in values {
            b[crate::stats::log_bucket(v)] += 1;
        }
        b
    }

    fn stat(values: &[i64], buckets: Buckets) -> StatValue {
        StatValue {
            count: values.len() as i64,
            sum: values.iter().sum(),
            min: values.iter().copied().min().unwrap_or(0),
            buckets,
        }
    }

    #[test]
    fn names_are_prefixed_and_sanitised() {
        assert_eq!(metric_name("count"), "rstap_count");
        assert_eq!(metric_name("a.b-c"), "rstap_a_b_c");
        assert_eq!(metric_name("é"), "rstap__");
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(escape_label(b"a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
        assert_eq!(escape_label(b"\xff"), "\u{fffd}");
    }

    #[test]
    fn scalars_arrays_and_strings() {
        let text = render(&[
            GlobalSnapshot {
                name: "n".into(),
                value: GlobalValue::Scalar(MetricValue::Long(-5)),
            },
            GlobalSnapshot {
                name: "who".into(),
                value: GlobalValue::Scalar(MetricValue::Str(b"x\"y".to_vec())),
            },
            GlobalSnapshot {
                name: "calls".into(),
                value: GlobalValue::Array(vec![
                    (
                        vec![MetricValue::Str(b"sh".to_vec()), MetricValue::Long(1)],
                        MetricValue::Long(3),
                    ),
                    (
                        vec![MetricValue::Str(b"ls".to_vec()), MetricValue::Long(2)],
                        MetricValue::Long(4),
                    ),
                ]),
            },
        ]);
        assert_eq!(
            text,
            "# TYPE rstap_n gauge\n# HELP rstap_n rstap global 'n'\nrstap_n -5\n\
             # TYPE rstap_who info\n# HELP rstap_who rstap global 'who'\nrstap_who_info{value=\"x\\\"y\"} 1\n\
             # TYPE rstap_calls gauge\n# HELP rstap_calls rstap global 'calls'\n\
             rstap_calls{key1=\"sh\",key2=\"1\"} 3\nrstap_calls{key1=\"ls\",key2=\"2\"} 4\n# EOF\n"
        );
    }

    #[test]
    fn log_histogram_buckets_are_cumulative_and_end_at_inf() {
        let values = [0, 1, 2, 3, 4, 100];
        let s = stat(&values, Buckets::Log(log_buckets(&values)));
        assert_eq!(
            cumulative_buckets(&s.buckets),
            [
                (0, 1),
                (1, 2),
                (3, 4),
                (7, 5),
                (15, 5),
                (31, 5),
                (63, 5),
                (127, 6)
            ]
        );
        let text = render(&[GlobalSnapshot {
            name: "lat".into(),
            value: GlobalValue::Stat(s),
        }]);
        assert!(text.starts_with("# TYPE rstap_lat histogram\n"), "{text}");
        assert!(text.contains("rstap_lat_bucket{le=\"127\"} 6\nrstap_lat_bucket{le=\"+Inf\"} 6\nrstap_lat_count 6\nrstap_lat_sum 110\n# EOF\n"), "{text}");
    }

    #[test]
    fn negative_values_start_the_buckets_below_zero_and_drop_the_sum() {
        let values = [-3, 5];
        let s = stat(&values, Buckets::Log(log_buckets(&values)));
        assert_eq!(
            cumulative_buckets(&s.buckets),
            [(-2, 1), (-1, 1), (0, 1), (1, 1), (3, 1), (7, 2)]
        );
        let text = render(&[GlobalSnapshot {
            name: "d".into(),
            value: GlobalValue::Stat(s),
        }]);
        assert!(!text.contains("_sum"), "{text}");
        assert!(text.contains("rstap_d_count 2\n"), "{text}");
    }

    #[test]
    fn linear_buckets_and_summaries() {
        // @hist_linear(0, 10, 5): underflow, [0,4], [5,9], [10,14], overflow.
        let s = StatValue {
            count: 4,
            sum: 1 + 6 + 7 + 50,
            min: 1,
            buckets: Buckets::Linear {
                start: 0,
                interval: 5,
                counts: vec![0, 1, 2, 0, 1],
            },
        };
        assert_eq!(cumulative_buckets(&s.buckets), [(4, 1), (9, 3)]);
        let plain = stat(&[2, 3], Buckets::None);
        let text = render(&[
            GlobalSnapshot {
                name: "lin".into(),
                value: GlobalValue::StatArray(vec![(vec![MetricValue::Long(7)], s)]),
            },
            GlobalSnapshot {
                name: "plain".into(),
                value: GlobalValue::Stat(plain),
            },
        ]);
        assert!(text.contains("rstap_lin_bucket{key1=\"7\",le=\"9\"} 3\nrstap_lin_bucket{key1=\"7\",le=\"+Inf\"} 4\nrstap_lin_count{key1=\"7\"} 4\n"), "{text}");
        assert!(text.contains("# TYPE rstap_plain summary\n# HELP rstap_plain rstap global 'plain'\nrstap_plain_count 2\nrstap_plain_sum 5\n"), "{text}");
    }

    #[test]
    fn colliding_names_get_a_number() {
        let text = render(&[
            GlobalSnapshot {
                name: "x".into(),
                value: GlobalValue::Stat(stat(&[1], Buckets::None)),
            },
            GlobalSnapshot {
                name: "x_count".into(),
                value: GlobalValue::Scalar(MetricValue::Long(1)),
            },
        ]);
        assert!(text.contains("# TYPE rstap_x_count_2 gauge\n"), "{text}");
    }
}
