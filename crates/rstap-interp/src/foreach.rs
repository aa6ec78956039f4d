//! `foreach`: key tuples, value binding, sorting, slices and `limit`.
//!
//! Order: without a sort, entries come in the store's order (insertion order for the
//! in-memory store). With a sort, entries with equal sort values are ordered by their
//! whole key tuple, ascending, whatever the sort direction, so the result does not depend
//! on the store. Stat arrays sort by `@count` unless another extractor is named.
//! `foreach (b in @hist_*(x))` visits the buckets holding a non-zero count, in bucket
//! order (or sorted by count with `+`/`-` on the value); the bound value is the count.

use std::cmp::Ordering;

use rstap_diag::Span;
use rstap_ir::{Foreach, ForeachSource, GlobalKind, SortKey, StatOp};

use crate::error::{self, RuntimeError};
use crate::interp::{Exec, Flow, Interp, Unwind, st_at};
use crate::stats::Stat;
use crate::store::key_matches;
use crate::value::Value;

/// One entry to visit: its keys, the bound value and the value sorted on.
struct Row {
    keys: Vec<Value>,
    value: Value,
    sort_value: Value,
}

impl Interp<'_> {
    pub(crate) fn exec_foreach(
        &mut self,
        frame: &mut Vec<Value>,
        f: &Foreach,
        span: Span,
    ) -> Exec<Flow> {
        let mut rows = match &f.source {
            ForeachSource::Array(g) => self.array_rows(*g, f, span)?,
            ForeachSource::Histogram(h) => {
                let counts = self.histogram_counts(frame, h, span)?;
                counts
                    .into_iter()
                    .enumerate()
                    .filter(|(_, c)| *c != 0)
                    .map(|(i, c)| Row {
                        keys: vec![Value::Long(i as i64)],
                        value: Value::Long(c),
                        sort_value: Value::Long(c),
                    })
                    .collect()
            }
        };
        if let Some(slice) = &f.slice {
            let pattern = self.eval_pattern(frame, slice)?;
            rows.retain(|r| key_matches(&r.keys, &pattern));
        }
        if let Some(sort) = f.sort {
            rows.sort_by(|a, b| {
                let primary = match sort.by {
                    SortKey::Value => a.sort_value.cmp(&b.sort_value),
                    SortKey::Key(i) => a.keys.get(i).cmp(&b.keys.get(i)),
                };
                let primary = if sort.descending {
                    primary.reverse()
                } else {
                    primary
                };
                match primary {
                    Ordering::Equal => a.keys.cmp(&b.keys),
                    o => o,
                }
            });
        }
        let limit = match &f.limit {
            Some(e) => Some(self.eval(frame, e)?.as_long().max(0) as usize),
            None => None,
        };
        for row in rows.into_iter().take(limit.unwrap_or(usize::MAX)) {
            for (local, k) in f.keys.iter().zip(row.keys) {
                if let Some(slot) = frame.get_mut(local.0 as usize) {
                    *slot = k;
                }
            }
            if let Some(v) = f.value
                && let Some(slot) = frame.get_mut(v.0 as usize)
            {
                *slot = row.value;
            }
            match self.exec(frame, &f.body)? {
                Flow::Break => break,
                Flow::Normal | Flow::Continue => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn array_rows(&mut self, g: rstap_ir::GlobalId, f: &Foreach, span: Span) -> Exec<Vec<Row>> {
        match &self.prog.global(g).kind {
            GlobalKind::StatArray { .. } => {
                let extractor = f.sort.map(|s| s.extractor).unwrap_or(StatOp::Count);
                let entries = st_at(self.store.stat_entries(g), span)?;
                entries
                    .into_iter()
                    .map(|(keys, stat)| {
                        let sort_value = Value::Long(stat_value(&stat, extractor, span)?);
                        let value = Value::Long(stat.count());
                        Ok(Row {
                            keys,
                            value,
                            sort_value,
                        })
                    })
                    .collect()
            }
            _ => {
                let entries = st_at(self.store.entries(g), span)?;
                Ok(entries
                    .into_iter()
                    .map(|(keys, value)| Row {
                        keys,
                        sort_value: value.clone(),
                        value,
                    })
                    .collect())
            }
        }
    }
}

/// One extractor applied to a statistic; `empty aggregate` for an empty one.
pub(crate) fn stat_value(stat: &Stat, op: StatOp, span: Span) -> Exec<i64> {
    let empty = || {
        Unwind::Error(RuntimeError::new(
            error::EMPTY_AGGREGATE,
            "empty aggregate",
            span,
        ))
    };
    match op {
        StatOp::Count => Ok(stat.count()),
        StatOp::Sum => Ok(stat.sum()),
        StatOp::Min => stat.min().map_err(|_| empty()),
        StatOp::Max => stat.max().map_err(|_| empty()),
        StatOp::Avg => stat.avg().map_err(|_| empty()),
        StatOp::Variance => stat.variance().map_err(|_| empty()),
    }
}
