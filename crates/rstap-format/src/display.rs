//! The lines printed at exit for globals that were written but never read (§6.3).

use crate::printf::FmtArg;
use crate::stats::Stat;

fn key_text(keys: &[FmtArg]) -> String {
    keys.iter()
        .map(|k| match k {
            FmtArg::Long(v) => v.to_string(),
            FmtArg::Str(s) => format!("\"{}\"", String::from_utf8_lossy(s)),
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn value_text(v: &FmtArg) -> String {
    match v {
        FmtArg::Long(v) => v.to_string(),
        FmtArg::Str(s) => format!("\"{}\"", String::from_utf8_lossy(s)),
    }
}

fn stat_text(s: &Stat) -> String {
    if s.is_empty() {
        return "@count=0x0".to_string();
    }
    format!(
        "@count={} @min={} @max={} @sum={} @avg={}",
        s.count,
        s.min,
        s.max,
        s.sum,
        s.sum / s.count
    )
}

/// `name=5` or `name="text"`.
pub fn scalar(name: &str, value: &FmtArg) -> String {
    format!("{name}={}\n", value_text(value))
}

/// `name @count=... @min=...`.
pub fn stat(name: &str, s: &Stat) -> String {
    format!("{name} {}\n", stat_text(s))
}

/// `name[1,"k"]=value`.
pub fn array_entry(name: &str, keys: &[FmtArg], value: &FmtArg) -> String {
    format!("{name}[{}]={}\n", key_text(keys), value_text(value))
}

/// `name[1,"k"] @count=... @min=...`.
pub fn stat_array_entry(name: &str, keys: &[FmtArg], s: &Stat) -> String {
    format!("{name}[{}] {}\n", key_text(keys), stat_text(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert_eq!(scalar("x", &FmtArg::Long(-5)), "x=-5\n");
        assert_eq!(scalar("s", &FmtArg::Str(b"hi")), "s=\"hi\"\n");
        let mut st = Stat::new(None, 0);
        assert_eq!(stat("t", &st), "t @count=0x0\n");
        st.add(2);
        st.add(3);
        assert_eq!(stat("t", &st), "t @count=2 @min=2 @max=3 @sum=5 @avg=2\n");
        assert_eq!(
            array_entry("a", &[FmtArg::Long(1), FmtArg::Str(b"k")], &FmtArg::Long(7)),
            "a[1,\"k\"]=7\n"
        );
        assert_eq!(
            stat_array_entry("a", &[FmtArg::Str(b"k")], &st),
            "a[\"k\"] @count=2 @min=2 @max=3 @sum=5 @avg=2\n"
        );
    }
}
