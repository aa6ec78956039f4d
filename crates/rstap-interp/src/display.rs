//! The display of globals that were written but never read, at the end of a session
//! (SystemTap synthesises one end probe per such global, in declaration order).
//!
//! A key that is a kernel probe's `backtrace()` value is shown as the frames it stands
//! for, one `print_stack` line each, where SystemTap shows the hex string:
//!
//! ```text
//! s["workload",
//!  0xffffffff81e5c4a1 : asm_sysvec_apic_timer_interrupt+0x1a/0x20 [kernel]
//! ] @count=3 @min=1 @max=1 @sum=3 @avg=1
//! ```

use std::cmp::Ordering;

use rstap_ir::{GlobalId, GlobalKind};

use crate::interp::Interp;
use crate::stats::Stat;
use crate::value::Value;

fn push_key(line: &mut Vec<u8>, k: &Value) {
    match k {
        Value::Long(n) => line.extend_from_slice(n.to_string().as_bytes()),
        Value::Str(s) => {
            line.push(b'"');
            line.extend_from_slice(s);
            line.push(b'"');
        }
    }
}

fn push_stat(line: &mut Vec<u8>, s: &Stat) {
    let (min, max, avg) = (
        s.min().unwrap_or(0),
        s.max().unwrap_or(0),
        s.avg().unwrap_or(0),
    );
    line.extend_from_slice(
        format!(
            " @count={} @min={min} @max={max} @sum={} @avg={avg}",
            s.count(),
            s.sum()
        )
        .as_bytes(),
    );
}

/// Descending by the sort value, ties by ascending keys (the `foreach` order).
fn by_value_desc<V: Ord>(a: &(Vec<Value>, V), b: &(Vec<Value>, V)) -> Ordering {
    b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
}

impl Interp<'_> {
    /// `name[k1,k2,...]`, kernel stacks as symbolized frames.
    fn push_keys(&mut self, line: &mut Vec<u8>, name: &str, keys: &[Value]) {
        line.extend_from_slice(name.as_bytes());
        line.push(b'[');
        for (n, k) in keys.iter().enumerate() {
            if n > 0 {
                line.push(b',');
            }
            match k {
                Value::Str(s) if !s.is_empty() && self.store.is_kernel_backtrace(s) => {
                    line.push(b'\n');
                    let symbols = crate::intrinsics::kernel_symbols(self);
                    line.extend_from_slice(&rstap_symbolize::format::print_syms(s, symbols));
                }
                _ => push_key(line, k),
            }
        }
        line.push(b']');
    }

    /// Prints every global marked `display_at_exit`, in declaration order. A global the
    /// store cannot read is left out.
    pub fn display_unread_globals(&mut self) {
        let prog = self.prog;
        for (i, g) in prog.globals.iter().enumerate() {
            if !g.display_at_exit {
                continue;
            }
            let id = GlobalId(i as u32);
            let mut text = Vec::new();
            match &g.kind {
                GlobalKind::Scalar(_) => {
                    let Ok(v) = self.store.scalar(id) else {
                        continue;
                    };
                    text.extend_from_slice(g.name.as_bytes());
                    text.push(b'=');
                    push_key(&mut text, &v);
                    text.push(b'\n');
                }
                GlobalKind::Stat(_) => {
                    let Ok(s) = self.store.stat(id, &[]) else {
                        continue;
                    };
                    text.extend_from_slice(g.name.as_bytes());
                    match s {
                        Some(s) if s.count() > 0 => push_stat(&mut text, &s),
                        _ => text.extend_from_slice(b" @count=0x0"),
                    }
                    text.push(b'\n');
                }
                GlobalKind::Array { .. } => {
                    let Ok(mut rows) = self.store.entries(id) else {
                        continue;
                    };
                    rows.sort_by(by_value_desc);
                    for (keys, v) in rows {
                        self.push_keys(&mut text, &g.name, &keys);
                        text.push(b'=');
                        push_key(&mut text, &v);
                        text.push(b'\n');
                    }
                }
                GlobalKind::StatArray { .. } => {
                    let Ok(rows) = self.store.stat_entries(id) else {
                        continue;
                    };
                    let mut rows: Vec<(Vec<Value>, i64, Stat)> =
                        rows.into_iter().map(|(k, s)| (k, s.count(), s)).collect();
                    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                    for (keys, _, s) in rows {
                        self.push_keys(&mut text, &g.name, &keys);
                        push_stat(&mut text, &s);
                        text.push(b'\n');
                    }
                }
            }
            self.out.out(&text);
        }
    }
}
