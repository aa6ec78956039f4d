//! The interpreter's view of globals that live in BPF maps: userspace probes (begin,
//! end, timers) read and write the same maps the kernel programs update.
//!
//! Strings a kernel probe stored may hold stack and symbol tokens: they are read as
//! SystemTap's text, and the store remembers which token each text came from, so that
//! the text written back (`delete s[k]`, `t[k] = 1`) names the same map entry the
//! kernel uses.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use rstap_bpf::layout::{GlobalLayout, Layout, StatLayout, ValueLayout};
use rstap_interp::{GlobalStore, Stat, StoreError, StoreResult, Value, key_matches};
use rstap_ir::{GlobalId, GlobalKind, Program, StatSpec, Type};
use rstap_sys::bpf::Map;
use rstap_sys::maps::{MapError, MapOps, UpdateFlag};

use crate::stacks::Expander;

/// Where a kernel string was read: a key position of a global, or its value (`None`).
type Place = (GlobalId, Option<usize>);

/// The tokens behind the texts userspace was given.
#[derive(Default)]
struct Tokens {
    by_place: HashMap<Place, HashMap<Vec<u8>, Vec<u8>>>,
    /// Any place, the first token seen for a text.
    anywhere: HashMap<Vec<u8>, Vec<u8>>,
    /// Texts that are `backtrace()` values.
    backtraces: HashSet<Vec<u8>>,
}

/// Globals backed by the session's maps.
pub struct BpfStore<'a> {
    program: &'a Program,
    layout: &'a Layout,
    maps: &'a mut [Map],
    /// The layout's index of `maps[0]`.
    base: usize,
    stacks: Rc<Expander<'a>>,
    tokens: RefCell<Tokens>,
}

fn store_err(e: MapError) -> StoreError {
    StoreError::Failed(format!("cannot access a global's BPF map: {e}"))
}

impl<'a> BpfStore<'a> {
    /// `maps` holds the layout's maps from index `base` on (the globals' maps);
    /// `stacks` expands the tokens of kernel strings.
    pub fn new(
        program: &'a Program,
        layout: &'a Layout,
        maps: &'a mut [Map],
        base: usize,
        stacks: Rc<Expander<'a>>,
    ) -> BpfStore<'a> {
        BpfStore {
            program,
            layout,
            maps,
            base,
            stacks,
            tokens: RefCell::new(Tokens::default()),
        }
    }

    /// A string read from `place`, its tokens expanded (and remembered).
    fn read_str(&self, place: Place, raw: &[u8]) -> Vec<u8> {
        let raw = cstr(raw);
        let Some(text) = self.stacks.expand(&raw) else {
            return raw;
        };
        // "" is also the text of plain empty strings: it must stay ""
        if !text.is_empty() {
            let mut t = self.tokens.borrow_mut();
            if Expander::is_backtrace_token(&raw) {
                t.backtraces.insert(text.clone());
            }
            t.anywhere
                .entry(text.clone())
                .or_insert_with(|| raw.clone());
            t.by_place
                .entry(place)
                .or_default()
                .insert(text.clone(), raw);
        }
        text
    }

    /// The bytes to store for a string userspace gives for `place`: the token it was
    /// read as, if any.
    fn write_str<'s>(&self, place: Place, s: &'s [u8]) -> std::borrow::Cow<'s, [u8]> {
        let t = self.tokens.borrow();
        match t
            .by_place
            .get(&place)
            .and_then(|m| m.get(s))
            .or_else(|| t.anywhere.get(s))
        {
            Some(raw) => std::borrow::Cow::Owned(raw.clone()),
            None => std::borrow::Cow::Borrowed(s),
        }
    }

    fn gl(&self, g: GlobalId) -> &'a GlobalLayout {
        &self.layout.globals[g.0 as usize]
    }

    fn map(&self, g: GlobalId) -> &Map {
        &self.maps[self.gl(g).map - self.base]
    }

    fn map_mut(&mut self, g: GlobalId) -> &mut Map {
        let i = self.gl(g).map - self.base;
        &mut self.maps[i]
    }

    fn spec(&self, g: GlobalId) -> StatSpec {
        match &self.program.global(g).kind {
            GlobalKind::Stat(s) | GlobalKind::StatArray { stat: s, .. } => s.clone(),
            _ => StatSpec::default(),
        }
    }

    fn encode_key(&self, g: GlobalId, key: &[Value]) -> Vec<u8> {
        let gl = self.gl(g);
        let mut out = vec![0u8; gl.key_size() as usize];
        for (i, (f, v)) in gl.keys.iter().zip(key).enumerate() {
            let at = f.offset as usize;
            match v {
                Value::Long(n) => out[at..at + 8].copy_from_slice(&n.to_le_bytes()),
                Value::Str(s) => {
                    let s = self.write_str((g, Some(i)), s);
                    let n = s.len().min(f.width as usize - 1);
                    out[at..at + n].copy_from_slice(&s[..n]);
                }
            }
        }
        out
    }

    fn decode_key(&self, g: GlobalId, raw: &[u8]) -> Vec<Value> {
        self.gl(g)
            .keys
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let at = f.offset as usize;
                match f.ty {
                    Type::String => {
                        Value::Str(self.read_str((g, Some(i)), &raw[at..at + f.width as usize]))
                    }
                    _ => Value::Long(i64::from_le_bytes(raw[at..at + 8].try_into().unwrap())),
                }
            })
            .collect()
    }

    fn encode_value(&self, g: GlobalId, v: &Value) -> Vec<u8> {
        let size = self.map(g).value_size();
        let mut out = vec![0u8; size];
        match v {
            Value::Long(n) => out[..8].copy_from_slice(&n.to_le_bytes()),
            Value::Str(s) => {
                let s = self.write_str((g, None), s);
                let n = s.len().min(size - 1);
                out[..n].copy_from_slice(&s[..n]);
            }
        }
        out
    }

    fn decode_value(&self, g: GlobalId, raw: &[u8]) -> Value {
        match self.gl(g).value {
            ValueLayout::Str(_) => Value::Str(self.read_str((g, None), raw)),
            _ => Value::Long(i64::from_le_bytes(raw[..8].try_into().unwrap())),
        }
    }

    fn stat_of(&self, g: GlobalId, per_cpu: &[Vec<u8>]) -> Stat {
        let ValueLayout::Stat(st) = &self.gl(g).value else {
            unreachable!("stat_of on a non-statistic")
        };
        decode_stat(self.spec(g), st, per_cpu)
    }

    fn scalar_key() -> [u8; 4] {
        [0; 4]
    }
}

/// The bytes up to the first NUL.
fn cstr(raw: &[u8]) -> Vec<u8> {
    let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
    raw[..end].to_vec()
}

fn word(raw: &[u8], off: i32) -> i64 {
    let o = off as usize;
    i64::from_le_bytes(raw[o..o + 8].try_into().unwrap())
}

/// Merges the per-CPU values of one statistic.
pub fn decode_stat(spec: StatSpec, st: &StatLayout, per_cpu: &[Vec<u8>]) -> Stat {
    let shift = st.variance_shift.unwrap_or(0) as u32;
    let mut merged = rstap_format::Stat::new(None, shift);
    let mut log = vec![0i64; if st.log { StatLayout::LOG_BUCKETS } else { 0 }];
    let mut linear = vec![0i64; st.linear_buckets()];
    for raw in per_cpu {
        let count = word(raw, StatLayout::COUNT);
        if count == 0 {
            continue;
        }
        let mut one = rstap_format::Stat::new(None, shift);
        one.count = count;
        one.sum = word(raw, StatLayout::SUM);
        one.min = word(raw, StatLayout::MIN);
        one.max = word(raw, StatLayout::MAX);
        if st.variance_shift.is_some() {
            one.avg_s = word(raw, StatLayout::AVG_S);
            one.m2 = word(raw, StatLayout::M2);
        }
        merged.merge(&one);
        for (i, b) in log.iter_mut().enumerate() {
            *b += word(raw, StatLayout::LOG + 8 * i as i32);
        }
        let base = st.linear_offset();
        for (i, b) in linear.iter_mut().enumerate() {
            *b += word(raw, base + 8 * i as i32);
        }
    }
    Stat::from_parts(spec, merged, log, linear)
}

impl GlobalStore for BpfStore<'_> {
    fn scalar(&mut self, g: GlobalId) -> StoreResult<Value> {
        let raw = self
            .map(g)
            .lookup(&Self::scalar_key())
            .map_err(store_err)?
            .unwrap_or_default();
        if raw.is_empty() {
            return Ok(match self.gl(g).value {
                ValueLayout::Str(_) => Value::Str(vec![]),
                _ => Value::Long(0),
            });
        }
        Ok(self.decode_value(g, &raw))
    }

    fn set_scalar(&mut self, g: GlobalId, v: Value) -> StoreResult<()> {
        let raw = self.encode_value(g, &v);
        self.map_mut(g)
            .update(&Self::scalar_key(), &raw, UpdateFlag::Any)
            .map_err(store_err)
    }

    fn element(&mut self, g: GlobalId, key: &[Value]) -> StoreResult<Option<Value>> {
        let k = self.encode_key(g, key);
        let raw = self.map(g).lookup(&k).map_err(store_err)?;
        Ok(raw.map(|r| self.decode_value(g, &r)))
    }

    fn set_element(&mut self, g: GlobalId, key: &[Value], v: Value) -> StoreResult<()> {
        let k = self.encode_key(g, key);
        let raw = self.encode_value(g, &v);
        match self.map_mut(g).update(&k, &raw, UpdateFlag::Any) {
            Ok(()) => Ok(()),
            Err(e) if e.errno == 7 /* E2BIG */ || e.errno == 12 /* ENOMEM */ => {
                Err(StoreError::Overflow {
                    limit: self.program.global(g).max_entries,
                })
            }
            Err(e) => Err(store_err(e)),
        }
    }

    fn contains(&mut self, g: GlobalId, pattern: &[Option<Value>]) -> StoreResult<bool> {
        if pattern.iter().all(Option::is_some) {
            let key: Vec<Value> = pattern.iter().map(|p| p.clone().unwrap()).collect();
            let k = self.encode_key(g, &key);
            return Ok(self.map(g).lookup(&k).map_err(store_err)?.is_some());
        }
        for raw in self.map(g).keys().map_err(store_err)? {
            if key_matches(&self.decode_key(g, &raw), pattern) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn delete_matching(&mut self, g: GlobalId, pattern: &[Option<Value>]) -> StoreResult<()> {
        for raw in self.map(g).keys().map_err(store_err)? {
            if key_matches(&self.decode_key(g, &raw), pattern) {
                let _ = self.map_mut(g).delete(&raw);
            }
        }
        Ok(())
    }

    fn clear(&mut self, g: GlobalId) -> StoreResult<()> {
        let gl = self.gl(g);
        if gl.is_scalar() {
            let map = self.map_mut(g);
            let zero = vec![0u8; map.value_size()];
            if map.map_type().is_percpu() {
                let all = vec![zero; map.values_per_key()];
                return map
                    .update_percpu(&Self::scalar_key(), &all, UpdateFlag::Any)
                    .map_err(store_err);
            }
            return map
                .update(&Self::scalar_key(), &zero, UpdateFlag::Any)
                .map_err(store_err);
        }
        for raw in self.map(g).keys().map_err(store_err)? {
            let _ = self.map_mut(g).delete(&raw);
        }
        Ok(())
    }

    fn entries(&mut self, g: GlobalId) -> StoreResult<Vec<(Vec<Value>, Value)>> {
        let mut out = Vec::new();
        for raw in self.map(g).keys().map_err(store_err)? {
            if let Some(v) = self.map(g).lookup(&raw).map_err(store_err)? {
                out.push((self.decode_key(g, &raw), self.decode_value(g, &v)));
            }
        }
        Ok(out)
    }

    fn stat_entries(&mut self, g: GlobalId) -> StoreResult<Vec<(Vec<Value>, Stat)>> {
        let mut out = Vec::new();
        for raw in self.map(g).keys().map_err(store_err)? {
            if let Some(v) = self.map(g).lookup_percpu(&raw).map_err(store_err)? {
                let s = self.stat_of(g, &v);
                if s.count() > 0 {
                    out.push((self.decode_key(g, &raw), s));
                }
            }
        }
        Ok(out)
    }

    fn aggregate(&mut self, g: GlobalId, key: &[Value], v: i64) -> StoreResult<()> {
        let ValueLayout::Stat(st) = self.gl(g).value.clone() else {
            return Ok(());
        };
        let k = if self.gl(g).is_scalar() {
            Self::scalar_key().to_vec()
        } else {
            self.encode_key(g, key)
        };
        let declared = self.program.global(g).max_entries;
        let map = self.map_mut(g);
        let n = map.values_per_key();
        let mut all = map
            .lookup_percpu(&k)
            .map_err(store_err)?
            .unwrap_or_else(|| vec![vec![0u8; map.value_size()]; n]);
        // Userspace adds to CPU 0's share.
        add_to_raw(&st, &mut all[0], v);
        match map.update_percpu(&k, &all, UpdateFlag::Any) {
            Ok(()) => Ok(()),
            Err(e) if e.errno == 7 || e.errno == 12 => {
                Err(StoreError::Overflow { limit: declared })
            }
            Err(e) => Err(store_err(e)),
        }
    }

    fn stat(&mut self, g: GlobalId, key: &[Value]) -> StoreResult<Option<Stat>> {
        let k = if self.gl(g).is_scalar() {
            Self::scalar_key().to_vec()
        } else {
            self.encode_key(g, key)
        };
        let Some(v) = self.map(g).lookup_percpu(&k).map_err(store_err)? else {
            return Ok(None);
        };
        let s = self.stat_of(g, &v);
        Ok(if s.count() == 0 { None } else { Some(s) })
    }

    fn is_kernel_backtrace(&self, s: &[u8]) -> bool {
        self.tokens.borrow().backtraces.contains(s)
    }
}

/// Adds `v` to one CPU's raw statistic, exactly as the kernel code does.
fn add_to_raw(st: &StatLayout, raw: &mut [u8], v: i64) {
    let shift = st.variance_shift.unwrap_or(0) as u32;
    let mut one = rstap_format::Stat::new(None, shift);
    one.count = word(raw, StatLayout::COUNT);
    one.sum = word(raw, StatLayout::SUM);
    one.min = word(raw, StatLayout::MIN);
    one.max = word(raw, StatLayout::MAX);
    one.avg_s = word(raw, StatLayout::AVG_S);
    one.m2 = word(raw, StatLayout::M2);
    one.add(v);
    let put = |raw: &mut [u8], off: i32, x: i64| {
        raw[off as usize..off as usize + 8].copy_from_slice(&x.to_le_bytes())
    };
    put(raw, StatLayout::COUNT, one.count);
    put(raw, StatLayout::SUM, one.sum);
    put(raw, StatLayout::MIN, one.min);
    put(raw, StatLayout::MAX, one.max);
    if st.variance_shift.is_some() {
        put(raw, StatLayout::AVG_S, one.avg_s);
        put(raw, StatLayout::M2, one.m2);
    }
    if st.log {
        let b = rstap_format::stats::log_bucket(v) as i32;
        let at = StatLayout::LOG + 8 * b;
        put(raw, at, word(raw, at) + 1);
    }
    if let Some(l) = st.linear
        && st.linear_buckets() > 0
    {
        let b = rstap_format::stats::linear_bucket(v, l.start, l.stop, l.interval) as i32;
        let at = st.linear_offset() + 8 * b;
        put(raw, at, word(raw, at) + 1);
    }
}
