//! Statistics as the interpreter sees them.
//!
//! The store keeps one of these per statistic: the log and linear buckets a script asks
//! for, and `rstap-format`'s accumulator for count, sum, extremes and SystemTap's integer
//! Welford variance, so @variance matches SystemTap's rounding.

use rstap_ir::{LinearBounds, StatSpec};

pub const LOG_BUCKETS: usize = 128;

/// A `<<<` accumulation: count, sum, extremes and sum of squares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stat {
    spec: StatSpec,
    count: i64,
    sum: i64,
    min: i64,
    max: i64,
    welford: rstap_format::Stat,
    log: Vec<i64>,
    linear: Vec<i64>,
}

/// The statistic holds no value yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmptyAggregate;

impl Stat {
    pub fn new(spec: StatSpec) -> Stat {
        Stat {
            spec: spec.clone(),
            count: 0,
            sum: 0,
            min: i64::MAX,
            max: i64::MIN,
            welford: rstap_format::Stat::new(None, spec.variance_shift.unwrap_or(0) as u32),
            log: Vec::new(),
            linear: Vec::new(),
        }
    }

    /// A statistic assembled from kernel data: the merged per-CPU accumulator and the
    /// summed bucket counts (empty when the spec has no such histogram).
    pub fn from_parts(
        spec: StatSpec,
        merged: rstap_format::Stat,
        log: Vec<i64>,
        linear: Vec<i64>,
    ) -> Stat {
        let empty = merged.count == 0;
        Stat {
            count: merged.count,
            sum: merged.sum,
            min: if empty { i64::MAX } else { merged.min },
            max: if empty { i64::MIN } else { merged.max },
            welford: merged,
            log,
            linear,
            spec,
        }
    }

    pub fn add(&mut self, v: i64) {
        self.count = self.count.wrapping_add(1);
        self.sum = self.sum.wrapping_add(v);
        self.min = self.min.min(v);
        self.max = self.max.max(v);
        self.welford.add(v);
        if self.spec.log_hist {
            self.log.resize(LOG_BUCKETS, 0);
            self.log[log_bucket(v)] += 1;
        }
        if let Some(b) = self.spec.linear_hist {
            let n = linear_bucket_count(b);
            self.linear.resize(n, 0);
            if n > 0 {
                self.linear[linear_bucket(b, v)] += 1;
            }
        }
    }

    /// SystemTap's integer Welford variance (-1 while fewer than two values).
    pub fn variance(&self) -> Result<i64, EmptyAggregate> {
        self.welford.variance().map_err(|_| EmptyAggregate)
    }

    /// Counts of the 128 log buckets (bucket 64 holds 0).
    pub fn log_buckets(&self) -> Vec<i64> {
        let mut v = self.log.clone();
        v.resize(LOG_BUCKETS, 0);
        v
    }

    /// Counts of the linear buckets, underflow first and overflow last.
    pub fn linear_buckets(&self, b: LinearBounds) -> Vec<i64> {
        let mut v = self.linear.clone();
        v.resize(linear_bucket_count(b), 0);
        v
    }

    pub fn spec(&self) -> &StatSpec {
        &self.spec
    }

    pub fn count(&self) -> i64 {
        self.count
    }

    pub fn sum(&self) -> i64 {
        self.sum
    }

    pub fn min(&self) -> Result<i64, EmptyAggregate> {
        self.nonempty().map(|s| s.min)
    }

    pub fn max(&self) -> Result<i64, EmptyAggregate> {
        self.nonempty().map(|s| s.max)
    }

    pub fn avg(&self) -> Result<i64, EmptyAggregate> {
        self.nonempty().map(|s| s.sum / s.count)
    }

    fn nonempty(&self) -> Result<&Stat, EmptyAggregate> {
        if self.count == 0 {
            Err(EmptyAggregate)
        } else {
            Ok(self)
        }
    }
}

use rstap_format::stats::log_bucket;

pub fn linear_bucket_count(b: LinearBounds) -> usize {
    if b.interval <= 0 || b.stop < b.start {
        return 0;
    }
    ((b.stop - b.start) / b.interval + 3) as usize
}

fn linear_bucket(b: LinearBounds, v: i64) -> usize {
    rstap_format::stats::linear_bucket(v, b.start, b.stop, b.interval)
}
