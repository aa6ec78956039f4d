//! The script's globals read at one moment, as plain data (for the `--metrics`
//! endpoint): every global of the user's scripts, through the same store reads as the
//! display of globals at exit. Tapset-internal globals are left out.

use rstap_format::metrics::{Buckets, GlobalSnapshot, GlobalValue, MetricValue, StatValue};
use rstap_ir::{GlobalId, GlobalKind, Program};

use crate::stats::Stat;
use crate::store::GlobalStore;
use crate::value::Value;

fn metric_value(v: Value) -> MetricValue {
    match v {
        Value::Long(n) => MetricValue::Long(n),
        Value::Str(s) => MetricValue::Str(s),
    }
}

fn stat_value(s: Option<&Stat>, spec: &rstap_ir::StatSpec) -> StatValue {
    let buckets = match s {
        _ if spec.log_hist => {
            Buckets::Log(s.map(Stat::log_buckets).unwrap_or_else(|| vec![0; 128]))
        }
        _ => match spec.linear_hist {
            Some(b) => Buckets::Linear {
                start: b.start,
                interval: b.interval,
                counts: s.map_or_else(
                    || Stat::new(spec.clone()).linear_buckets(b),
                    |s| s.linear_buckets(b),
                ),
            },
            None => Buckets::None,
        },
    };
    match s {
        Some(s) if s.count() > 0 => StatValue {
            count: s.count(),
            sum: s.sum(),
            min: s.min().unwrap_or(0),
            buckets,
        },
        _ => StatValue {
            count: 0,
            sum: 0,
            min: 0,
            buckets,
        },
    }
}

/// Reads every user global; a global the store cannot read is left out. Array rows are
/// sorted by key.
pub fn globals(program: &Program, store: &mut dyn GlobalStore) -> Vec<GlobalSnapshot> {
    let mut out = Vec::new();
    for (i, g) in program.globals.iter().enumerate() {
        if g.from_tapset {
            continue;
        }
        let id = GlobalId(i as u32);
        let value = match &g.kind {
            GlobalKind::Scalar(_) => match store.scalar(id) {
                Ok(v) => GlobalValue::Scalar(metric_value(v)),
                Err(_) => continue,
            },
            GlobalKind::Stat(spec) => match store.stat(id, &[]) {
                Ok(s) => GlobalValue::Stat(stat_value(s.as_ref(), spec)),
                Err(_) => continue,
            },
            GlobalKind::Array { .. } => match store.entries(id) {
                Ok(mut rows) => {
                    rows.sort_by(|a, b| a.0.cmp(&b.0));
                    GlobalValue::Array(
                        rows.into_iter()
                            .map(|(k, v)| {
                                (k.into_iter().map(metric_value).collect(), metric_value(v))
                            })
                            .collect(),
                    )
                }
                Err(_) => continue,
            },
            GlobalKind::StatArray { stat, .. } => match store.stat_entries(id) {
                Ok(mut rows) => {
                    rows.sort_by(|a, b| a.0.cmp(&b.0));
                    GlobalValue::StatArray(
                        rows.into_iter()
                            .map(|(k, s)| {
                                (
                                    k.into_iter().map(metric_value).collect(),
                                    stat_value(Some(&s), stat),
                                )
                            })
                            .collect(),
                    )
                }
                Err(_) => continue,
            },
        };
        out.push(GlobalSnapshot {
            name: g.name.clone(),
            value,
        });
    }
    out
}
