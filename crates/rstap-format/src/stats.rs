//! `<<<` statistics: count, sum, min, max, integer Welford variance, histogram buckets.
//!
//! Variance follows SystemTap's integer Welford update: values are scaled by `<< shift`,
//! the running mean and M2 are kept in integers with truncating division, and the
//! reported variance is `M2 / (count - 1) >> (2 * shift)` (-1 while count < 2). Per-CPU
//! partial statistics merge with the parallel form of the same algorithm.

use std::fmt;

/// Number of `@hist_log` buckets; bucket 64 holds 0.
pub const LOG_BUCKETS: usize = 128;
pub(crate) const LOG_ZERO: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatError {
    /// `@min`/`@max`/`@avg`/`@variance` or a histogram of a statistic with no values.
    Empty,
    /// `@hist_*(x)[i]` outside the buckets.
    IndexOutOfRange,
}

impl fmt::Display for StatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatError::Empty => f.write_str("empty aggregate"),
            StatError::IndexOutOfRange => f.write_str("histogram index out of range"),
        }
    }
}

/// Which histogram a statistic keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistSpec {
    Log,
    Linear {
        start: i64,
        stop: i64,
        interval: i64,
    },
}

impl HistSpec {
    /// Checks linear bounds with SystemTap's messages.
    pub fn linear(start: i64, stop: i64, interval: i64) -> Result<HistSpec, &'static str> {
        if interval == 0 {
            return Err("histogram: interval cannot be zero.");
        }
        let n = (stop as i128 - start as i128) / interval as i128;
        if !(1..=126).contains(&n) {
            return Err(
                "histogram: Number of buckets must be between 1 and 126\nNumber_of_buckets = (stop - start) / interval.\nPlease adjust your start, stop, and interval values.",
            );
        }
        Ok(HistSpec::Linear {
            start,
            stop,
            interval,
        })
    }

    pub fn buckets(&self) -> usize {
        match *self {
            HistSpec::Log => LOG_BUCKETS,
            HistSpec::Linear {
                start,
                stop,
                interval,
            } => ((stop - start) / interval) as usize + 3,
        }
    }

    pub fn bucket_of(&self, v: i64) -> usize {
        match *self {
            HistSpec::Log => log_bucket(v),
            HistSpec::Linear {
                start,
                stop,
                interval,
            } => linear_bucket(v, start, stop, interval),
        }
    }
}

/// The `@hist_log` bucket of `v`: 64 for 0, 64+k for [2^(k-1), 2^k), mirrored below 64.
pub fn log_bucket(v: i64) -> usize {
    if v == 0 {
        return LOG_ZERO;
    }
    let mag = v.unsigned_abs();
    let k = 64 - mag.leading_zeros() as usize; // floor(log2) + 1
    if v > 0 { LOG_ZERO + k } else { LOG_ZERO - k }
}

/// The row label of a log bucket: the value in it closest to zero.
pub fn log_label(bucket: usize) -> i64 {
    match bucket.cmp(&LOG_ZERO) {
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1i64 << (bucket - LOG_ZERO - 1),
        std::cmp::Ordering::Less => {
            let k = (LOG_ZERO - bucket - 1) as u32;
            if k >= 63 { i64::MIN } else { -(1i64 << k) }
        }
    }
}

/// The `@hist_linear` bucket: 0 underflow, 1.. the ranges, the last one overflow.
pub fn linear_bucket(v: i64, start: i64, stop: i64, interval: i64) -> usize {
    let n = ((stop - start) / interval) as usize + 3;
    if v < start {
        return 0;
    }
    let idx = ((v as i128 - start as i128) / interval as i128) as usize + 1;
    idx.min(n - 1)
}

/// One statistic, or one CPU's share of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stat {
    pub count: i64,
    pub sum: i64,
    pub min: i64,
    pub max: i64,
    /// Welford state, scaled by `<< shift`.
    pub avg_s: i64,
    pub m2: i64,
    pub shift: u32,
    pub hist: Option<HistSpec>,
    pub buckets: Vec<i64>,
}

impl Stat {
    pub fn new(hist: Option<HistSpec>, variance_shift: u32) -> Stat {
        Stat {
            count: 0,
            sum: 0,
            min: 0,
            max: 0,
            avg_s: 0,
            m2: 0,
            shift: variance_shift.min(62),
            buckets: hist.map(|h| vec![0; h.buckets()]).unwrap_or_default(),
            hist,
        }
    }

    pub fn add(&mut self, v: i64) {
        let scaled = v.wrapping_shl(self.shift);
        if self.count == 0 {
            self.count = 1;
            self.sum = v;
            self.min = v;
            self.max = v;
            self.avg_s = scaled;
            self.m2 = 0;
        } else {
            self.count += 1;
            self.sum = self.sum.wrapping_add(v);
            self.min = self.min.min(v);
            self.max = self.max.max(v);
            let delta = scaled.wrapping_sub(self.avg_s);
            self.avg_s = self.avg_s.wrapping_add(delta / self.count);
            self.m2 = self
                .m2
                .wrapping_add(delta.wrapping_mul(scaled.wrapping_sub(self.avg_s)));
        }
        if let Some(h) = self.hist {
            let b = h.bucket_of(v);
            if let Some(slot) = self.buckets.get_mut(b) {
                *slot += 1;
            }
        }
    }

    /// Folds another CPU's share into this one.
    pub fn merge(&mut self, o: &Stat) {
        if o.count == 0 {
            return;
        }
        if self.count == 0 {
            let keep = (self.hist, self.shift);
            *self = o.clone();
            if self.hist.is_none() {
                self.hist = keep.0;
            }
            return;
        }
        let n = self.count as i128 + o.count as i128;
        let delta = o.avg_s as i128 - self.avg_s as i128;
        let avg = (self.avg_s as i128 * self.count as i128 + o.avg_s as i128 * o.count as i128) / n;
        let m2 = self.m2 as i128
            + o.m2 as i128
            + delta * delta * self.count as i128 * o.count as i128 / n;
        self.avg_s = avg as i64;
        self.m2 = m2 as i64;
        self.count = n as i64;
        self.sum = self.sum.wrapping_add(o.sum);
        self.min = self.min.min(o.min);
        self.max = self.max.max(o.max);
        for (a, b) in self.buckets.iter_mut().zip(&o.buckets) {
            *a += b;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    pub fn min(&self) -> Result<i64, StatError> {
        if self.count == 0 {
            Err(StatError::Empty)
        } else {
            Ok(self.min)
        }
    }

    pub fn max(&self) -> Result<i64, StatError> {
        if self.count == 0 {
            Err(StatError::Empty)
        } else {
            Ok(self.max)
        }
    }

    pub fn avg(&self) -> Result<i64, StatError> {
        if self.count == 0 {
            Err(StatError::Empty)
        } else {
            Ok(self.sum / self.count)
        }
    }

    pub fn variance(&self) -> Result<i64, StatError> {
        match self.count {
            0 => Err(StatError::Empty),
            1 => Ok(-1),
            n => Ok((self.m2 / (n - 1)) >> (2 * self.shift).min(63)),
        }
    }

    /// The count in bucket `i` of the histogram.
    pub fn bucket(&self, i: i64) -> Result<i64, StatError> {
        if self.count == 0 {
            return Err(StatError::Empty);
        }
        usize::try_from(i)
            .ok()
            .and_then(|i| self.buckets.get(i).copied())
            .ok_or(StatError::IndexOutOfRange)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_extractors() {
        let mut s = Stat::new(None, 0);
        assert_eq!(s.min(), Err(StatError::Empty));
        assert_eq!(s.variance(), Err(StatError::Empty));
        for v in [5, -3, 10] {
            s.add(v);
        }
        assert_eq!(
            (
                s.count,
                s.sum,
                s.min().unwrap(),
                s.max().unwrap(),
                s.avg().unwrap()
            ),
            (3, 12, -3, 10, 4)
        );
        let mut one = Stat::new(None, 0);
        one.add(7);
        assert_eq!(one.variance(), Ok(-1));
    }

    #[test]
    fn integer_welford_variance() {
        let mut s = Stat::new(None, 0);
        let mut s1 = Stat::new(None, 1);
        for v in 1..=5 {
            s.add(v);
            s1.add(v);
        }
        // Truncating integer arithmetic: the mean stays at 1, so M2 = 30 and 30/4 = 7.
        assert_eq!(s.variance(), Ok(7));
        // A shift of 1 keeps a bit of fraction: exact variance is 2.5.
        assert_eq!(s1.variance(), Ok(2));
        let mut big = Stat::new(None, 0);
        for v in [100, 200, 300, 400, 500] {
            big.add(v);
        }
        assert_eq!(big.variance(), Ok(25000));
    }

    #[test]
    fn log_buckets() {
        assert_eq!(log_bucket(0), 64);
        assert_eq!(log_bucket(1), 65);
        assert_eq!((log_bucket(2), log_bucket(3)), (66, 66));
        assert_eq!(log_bucket(4), 67);
        assert_eq!(log_bucket(-1), 63);
        assert_eq!(log_bucket(-3), 62);
        assert_eq!(log_bucket(i64::MIN), 0);
        assert_eq!(log_bucket(i64::MAX), 127);
        for b in 0..128 {
            assert_eq!(log_bucket(log_label(b)), b, "bucket {b}");
        }
    }

    #[test]
    fn linear_buckets_and_limits() {
        assert_eq!(linear_bucket(-1, 0, 100, 10), 0);
        assert_eq!(linear_bucket(0, 0, 100, 10), 1);
        assert_eq!(linear_bucket(99, 0, 100, 10), 10);
        assert_eq!(linear_bucket(100, 0, 100, 10), 11);
        assert_eq!(linear_bucket(110, 0, 100, 10), 12);
        assert_eq!(HistSpec::linear(0, 100, 10).unwrap().buckets(), 13);
        assert_eq!(
            HistSpec::linear(0, 10, 0),
            Err("histogram: interval cannot be zero.")
        );
        assert!(
            HistSpec::linear(0, 1000, 1)
                .unwrap_err()
                .starts_with("histogram: Number of buckets must be between 1 and 126")
        );
    }

    #[test]
    fn merging_per_cpu_shares() {
        let values: Vec<i64> = (0..200).map(|i| (i * 37) % 101 - 20).collect();
        let mut whole = Stat::new(Some(HistSpec::Log), 0);
        let mut cpus = [
            Stat::new(Some(HistSpec::Log), 0),
            Stat::new(Some(HistSpec::Log), 0),
        ];
        for (i, v) in values.iter().enumerate() {
            whole.add(*v);
            cpus[i % 2].add(*v);
        }
        let mut merged = Stat::new(Some(HistSpec::Log), 0);
        merged.merge(&cpus[0]);
        merged.merge(&cpus[1]);
        assert_eq!(
            (merged.count, merged.sum, merged.min, merged.max),
            (whole.count, whole.sum, whole.min, whole.max)
        );
        assert_eq!(merged.buckets, whole.buckets);
        // Integer rounding of the per-CPU means may move the merged variance slightly.
        let (a, b) = (merged.variance().unwrap(), whole.variance().unwrap());
        assert!((a - b).abs() * 100 <= b.abs(), "{a} vs {b}");
    }

    #[test]
    fn bucket_reads() {
        let mut s = Stat::new(Some(HistSpec::Log), 0);
        assert_eq!(s.bucket(64), Err(StatError::Empty));
        s.add(0);
        s.add(5);
        assert_eq!(s.bucket(64), Ok(1));
        assert_eq!(s.bucket(67), Ok(1));
        assert_eq!(s.bucket(128), Err(StatError::IndexOutOfRange));
        assert_eq!(s.bucket(-1), Err(StatError::IndexOutOfRange));
    }
}
