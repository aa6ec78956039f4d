//! Statistics: `<<<` targets, extractors, histogram buckets and histogram printing.

use rstap_diag::Span;
use rstap_ir::{GlobalId, HistogramKind, HistogramRef, StatOp, StatRef};

use crate::error::{self, RuntimeError};
use crate::foreach::stat_value;
use crate::interp::{Exec, Interp, Unwind, st_at};
use crate::stats::Stat;
use crate::value::Value;

fn empty_aggregate(span: Span) -> Unwind {
    Unwind::Error(RuntimeError::new(
        error::EMPTY_AGGREGATE,
        "empty aggregate",
        span,
    ))
}

impl Interp<'_> {
    /// The global and key tuple a statistic reference names.
    pub(crate) fn stat_ref(
        &mut self,
        frame: &mut Vec<Value>,
        stat: &StatRef,
    ) -> Exec<(GlobalId, Vec<Value>)> {
        match stat {
            StatRef::Global(g) => Ok((*g, Vec::new())),
            StatRef::Element { array, keys } => {
                let key = self.eval_keys(frame, keys)?;
                Ok((*array, key))
            }
        }
    }

    fn load_stat(
        &mut self,
        frame: &mut Vec<Value>,
        stat: &StatRef,
        span: Span,
    ) -> Exec<Option<Stat>> {
        let (g, key) = self.stat_ref(frame, stat)?;
        st_at(self.store.stat(g, &key), span)
    }

    pub(crate) fn eval_stat_get(
        &mut self,
        frame: &mut Vec<Value>,
        op: StatOp,
        stat: &StatRef,
        span: Span,
    ) -> Exec<Value> {
        match self.load_stat(frame, stat, span)? {
            Some(s) => stat_value(&s, op, span).map(Value::Long),
            None => match op {
                StatOp::Count | StatOp::Sum => Ok(Value::Long(0)),
                _ => Err(empty_aggregate(span)),
            },
        }
    }

    /// Bucket counts of a histogram, `empty aggregate` when nothing was aggregated.
    pub(crate) fn histogram_counts(
        &mut self,
        frame: &mut Vec<Value>,
        h: &HistogramRef,
        span: Span,
    ) -> Exec<Vec<i64>> {
        let stat = self
            .load_stat(frame, &h.stat, span)?
            .ok_or_else(|| empty_aggregate(span))?;
        Ok(match &h.kind {
            HistogramKind::Log => stat.log_buckets(),
            HistogramKind::Linear(b) => stat.linear_buckets(*b),
        })
    }

    pub(crate) fn eval_hist_bucket(
        &mut self,
        frame: &mut Vec<Value>,
        h: &HistogramRef,
        index: &rstap_ir::Expr,
        span: Span,
    ) -> Exec<Value> {
        let counts = self.histogram_counts(frame, h, span)?;
        let i = self.eval(frame, index)?.as_long();
        usize::try_from(i)
            .ok()
            .and_then(|i| counts.get(i).copied())
            .map(Value::Long)
            .ok_or_else(|| {
                Unwind::Error(RuntimeError::new(
                    error::HISTOGRAM_INDEX,
                    "histogram index out of range",
                    span,
                ))
            })
    }
}
