//! Global variables behind a trait: the in-memory store here, BPF maps in the live runtime.
//!
//! Order: [`GlobalStore::entries`] returns entries in the store's own order. The in-memory
//! store uses insertion order (updating an entry keeps its place), which is also the
//! eviction order of wrap-around (`a%`) arrays.

use std::collections::{BTreeMap, HashMap};

use rstap_ir::{GlobalId, GlobalKind, Program};

use crate::stats::Stat;
use crate::value::Value;

/// Why a store operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// A new key did not fit: `limit` is the declared size of the array, or `None` when
    /// the array was bounded by MAXMAPENTRIES.
    Overflow { limit: Option<u64> },
    /// The backing storage failed (a BPF map syscall, say); the probe run is skipped.
    Failed(String),
}

impl StoreError {
    /// SystemTap's message for the failure.
    pub fn message(&self) -> String {
        match self {
            StoreError::Overflow { limit: None } => "Array overflow, check MAXMAPENTRIES".into(),
            StoreError::Overflow { limit: Some(n) } => {
                format!("Array overflow, check size limit ({n})")
            }
            StoreError::Failed(m) => m.clone(),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Access to global variables. Keys are given as full tuples; a pattern is a tuple whose
/// `None` positions are `*` wildcards. Scalar statistics use the empty key.
pub trait GlobalStore {
    fn scalar(&mut self, g: GlobalId) -> StoreResult<Value>;
    fn set_scalar(&mut self, g: GlobalId, v: Value) -> StoreResult<()>;
    /// `None` when the element does not exist.
    fn element(&mut self, g: GlobalId, key: &[Value]) -> StoreResult<Option<Value>>;
    fn set_element(&mut self, g: GlobalId, key: &[Value], v: Value) -> StoreResult<()>;
    /// Whether any entry of a plain or stat array matches the pattern.
    fn contains(&mut self, g: GlobalId, pattern: &[Option<Value>]) -> StoreResult<bool>;
    /// Removes every entry of a plain or stat array matching the pattern.
    fn delete_matching(&mut self, g: GlobalId, pattern: &[Option<Value>]) -> StoreResult<()>;
    /// Empties an array or stat array, or resets a scalar or statistic.
    fn clear(&mut self, g: GlobalId) -> StoreResult<()>;
    /// Every entry of a plain array, in the store's order.
    fn entries(&mut self, g: GlobalId) -> StoreResult<Vec<(Vec<Value>, Value)>>;
    /// Every entry of a stat array, in the store's order.
    fn stat_entries(&mut self, g: GlobalId) -> StoreResult<Vec<(Vec<Value>, Stat)>>;
    /// `g[key] <<< v` (empty key for a scalar statistic).
    fn aggregate(&mut self, g: GlobalId, key: &[Value], v: i64) -> StoreResult<()>;
    /// The statistic, `None` when nothing was aggregated into it.
    fn stat(&mut self, g: GlobalId, key: &[Value]) -> StoreResult<Option<Stat>>;
    /// Whether a string read from this store is a kernel probe's `backtrace()` value
    /// (the display of globals prints such keys as symbolized frames).
    fn is_kernel_backtrace(&self, _s: &[u8]) -> bool {
        false
    }
}

/// True when `key` matches `pattern` (`None` positions match anything).
pub fn key_matches(key: &[Value], pattern: &[Option<Value>]) -> bool {
    key.len() == pattern.len()
        && key
            .iter()
            .zip(pattern)
            .all(|(k, p)| p.as_ref().is_none_or(|p| p == k))
}

/// A bounded table in insertion order.
#[derive(Clone, Debug)]
struct Table<V> {
    by_seq: BTreeMap<u64, (Vec<Value>, V)>,
    index: HashMap<Vec<Value>, u64>,
    next_seq: u64,
    capacity: u64,
    declared: Option<u64>,
    wrap: bool,
}

impl<V> Table<V> {
    fn new(capacity: u64, declared: Option<u64>, wrap: bool) -> Table<V> {
        Table {
            by_seq: BTreeMap::new(),
            index: HashMap::new(),
            next_seq: 0,
            capacity,
            declared,
            wrap,
        }
    }

    fn get(&self, key: &[Value]) -> Option<&V> {
        self.index
            .get(key)
            .and_then(|s| self.by_seq.get(s))
            .map(|(_, v)| v)
    }

    /// The slot of `key`, created (evicting the oldest entry of a wrap array) when new.
    fn slot(&mut self, key: &[Value], fresh: impl FnOnce() -> V) -> StoreResult<&mut V> {
        let seq = match self.index.get(key) {
            Some(&s) => s,
            None => {
                if self.index.len() as u64 >= self.capacity {
                    if !self.wrap || self.capacity == 0 {
                        return Err(StoreError::Overflow {
                            limit: self.declared,
                        });
                    }
                    if let Some((_, (old, _))) = self.by_seq.pop_first() {
                        self.index.remove(&old);
                    }
                }
                let s = self.next_seq;
                self.next_seq += 1;
                self.index.insert(key.to_vec(), s);
                self.by_seq.insert(s, (key.to_vec(), fresh()));
                s
            }
        };
        match self.by_seq.get_mut(&seq) {
            Some((_, v)) => Ok(v),
            None => Err(StoreError::Failed("array index out of sync".into())),
        }
    }

    fn contains(&self, pattern: &[Option<Value>]) -> bool {
        if pattern.iter().all(Option::is_some) {
            let key: Vec<Value> = pattern.iter().flatten().cloned().collect();
            return self.index.contains_key(&key);
        }
        self.by_seq.values().any(|(k, _)| key_matches(k, pattern))
    }

    fn delete_matching(&mut self, pattern: &[Option<Value>]) {
        let doomed: Vec<u64> = self
            .by_seq
            .iter()
            .filter(|(_, (k, _))| key_matches(k, pattern))
            .map(|(s, _)| *s)
            .collect();
        for s in doomed {
            if let Some((k, _)) = self.by_seq.remove(&s) {
                self.index.remove(&k);
            }
        }
    }

    fn clear(&mut self) {
        self.by_seq.clear();
        self.index.clear();
    }

    fn entries(&self) -> impl Iterator<Item = &(Vec<Value>, V)> {
        self.by_seq.values()
    }
}

#[derive(Clone, Debug)]
enum Slot {
    Scalar { value: Value, initial: Value },
    Stat(Option<Stat>),
    Array(Table<Value>),
    StatArray(Table<Stat>),
}

/// Globals in process memory: the store of sessions without kernel probes, and of tests.
#[derive(Clone, Debug)]
pub struct MemoryStore {
    slots: Vec<Slot>,
    specs: Vec<Option<rstap_ir::StatSpec>>,
}

impl MemoryStore {
    /// Storage for every global of `program`, scalars set to their initialisers.
    pub fn new(program: &Program, maxmapentries: u64) -> MemoryStore {
        let mut slots = Vec::new();
        let mut specs = Vec::new();
        for g in &program.globals {
            let capacity = g.max_entries.unwrap_or(maxmapentries);
            let (slot, spec) = match &g.kind {
                GlobalKind::Scalar(ty) => {
                    let initial = match &g.init {
                        Some(rstap_ir::Literal::Long(v)) => Value::Long(*v),
                        Some(rstap_ir::Literal::String(s)) => Value::Str(s.clone()),
                        None => Value::default_for(*ty),
                    };
                    (
                        Slot::Scalar {
                            value: initial.clone(),
                            initial,
                        },
                        None,
                    )
                }
                GlobalKind::Stat(spec) => (Slot::Stat(None), Some(spec.clone())),
                GlobalKind::Array { .. } => (
                    Slot::Array(Table::new(capacity, g.max_entries, g.wrap)),
                    None,
                ),
                GlobalKind::StatArray { stat, .. } => (
                    Slot::StatArray(Table::new(capacity, g.max_entries, g.wrap)),
                    Some(stat.clone()),
                ),
            };
            slots.push(slot);
            specs.push(spec);
        }
        MemoryStore { slots, specs }
    }

    fn slot(&mut self, g: GlobalId) -> StoreResult<&mut Slot> {
        self.slots
            .get_mut(g.0 as usize)
            .ok_or_else(|| StoreError::Failed(format!("no global #{}", g.0)))
    }

    fn fresh_stat(&self, g: GlobalId) -> Stat {
        Stat::new(
            self.specs
                .get(g.0 as usize)
                .cloned()
                .flatten()
                .unwrap_or_default(),
        )
    }
}

fn wrong_kind(g: GlobalId) -> StoreError {
    StoreError::Failed(format!("global #{} used as the wrong kind", g.0))
}

impl GlobalStore for MemoryStore {
    fn scalar(&mut self, g: GlobalId) -> StoreResult<Value> {
        match self.slot(g)? {
            Slot::Scalar { value, .. } => Ok(value.clone()),
            _ => Err(wrong_kind(g)),
        }
    }

    fn set_scalar(&mut self, g: GlobalId, v: Value) -> StoreResult<()> {
        match self.slot(g)? {
            Slot::Scalar { value, .. } => {
                *value = v;
                Ok(())
            }
            _ => Err(wrong_kind(g)),
        }
    }

    fn element(&mut self, g: GlobalId, key: &[Value]) -> StoreResult<Option<Value>> {
        match self.slot(g)? {
            Slot::Array(t) => Ok(t.get(key).cloned()),
            _ => Err(wrong_kind(g)),
        }
    }

    fn set_element(&mut self, g: GlobalId, key: &[Value], v: Value) -> StoreResult<()> {
        match self.slot(g)? {
            Slot::Array(t) => {
                *t.slot(key, || Value::Long(0))? = v;
                Ok(())
            }
            _ => Err(wrong_kind(g)),
        }
    }

    fn contains(&mut self, g: GlobalId, pattern: &[Option<Value>]) -> StoreResult<bool> {
        match self.slot(g)? {
            Slot::Array(t) => Ok(t.contains(pattern)),
            Slot::StatArray(t) => Ok(t.contains(pattern)),
            _ => Err(wrong_kind(g)),
        }
    }

    fn delete_matching(&mut self, g: GlobalId, pattern: &[Option<Value>]) -> StoreResult<()> {
        match self.slot(g)? {
            Slot::Array(t) => t.delete_matching(pattern),
            Slot::StatArray(t) => t.delete_matching(pattern),
            _ => return Err(wrong_kind(g)),
        }
        Ok(())
    }

    fn clear(&mut self, g: GlobalId) -> StoreResult<()> {
        match self.slot(g)? {
            Slot::Scalar { value, initial } => {
                // `delete x` resets to the type's zero value, not to the initialiser.
                *value = match initial {
                    Value::Long(_) => Value::Long(0),
                    Value::Str(_) => Value::empty_str(),
                }
            }
            Slot::Stat(s) => *s = None,
            Slot::Array(t) => t.clear(),
            Slot::StatArray(t) => t.clear(),
        }
        Ok(())
    }

    fn entries(&mut self, g: GlobalId) -> StoreResult<Vec<(Vec<Value>, Value)>> {
        match self.slot(g)? {
            Slot::Array(t) => Ok(t.entries().cloned().collect()),
            _ => Err(wrong_kind(g)),
        }
    }

    fn stat_entries(&mut self, g: GlobalId) -> StoreResult<Vec<(Vec<Value>, Stat)>> {
        match self.slot(g)? {
            Slot::StatArray(t) => Ok(t.entries().cloned().collect()),
            _ => Err(wrong_kind(g)),
        }
    }

    fn aggregate(&mut self, g: GlobalId, key: &[Value], v: i64) -> StoreResult<()> {
        let fresh = self.fresh_stat(g);
        match self.slot(g)? {
            Slot::Stat(s) => s.get_or_insert(fresh).add(v),
            Slot::StatArray(t) => t.slot(key, || fresh)?.add(v),
            _ => return Err(wrong_kind(g)),
        }
        Ok(())
    }

    fn stat(&mut self, g: GlobalId, key: &[Value]) -> StoreResult<Option<Stat>> {
        match self.slot(g)? {
            Slot::Stat(s) => Ok(s.clone()),
            Slot::StatArray(t) => Ok(t.get(key).cloned()),
            _ => Err(wrong_kind(g)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstap_diag::Span;
    use rstap_ir::{Global, Type};

    fn program(kinds: &[(GlobalKind, Option<u64>, bool)]) -> Program {
        Program {
            globals: kinds
                .iter()
                .enumerate()
                .map(|(i, (kind, max, wrap))| Global {
                    name: format!("g{i}"),
                    kind: kind.clone(),
                    init: None,
                    max_entries: *max,
                    wrap: *wrap,
                    from_tapset: false,
                    display_at_exit: false,
                    span: Span::DUMMY,
                })
                .collect(),
            ..Program::default()
        }
    }

    fn k(v: i64) -> Vec<Value> {
        vec![Value::Long(v)]
    }

    #[test]
    fn bounded_tables() {
        let arr = GlobalKind::Array {
            keys: vec![Type::Long],
            value: Type::Long,
        };
        let p = program(&[
            (arr.clone(), None, false),
            (arr.clone(), Some(2), false),
            (arr, Some(2), true),
        ]);
        let mut s = MemoryStore::new(&p, 3);
        let (a, sized, wrap) = (GlobalId(0), GlobalId(1), GlobalId(2));
        for i in 0..3 {
            s.set_element(a, &k(i), Value::Long(i)).unwrap();
        }
        assert_eq!(
            s.set_element(a, &k(9), Value::Long(9)),
            Err(StoreError::Overflow { limit: None })
        );
        // Updating an existing key never overflows.
        s.set_element(a, &k(1), Value::Long(10)).unwrap();
        s.set_element(sized, &k(1), Value::Long(1)).unwrap();
        s.set_element(sized, &k(2), Value::Long(2)).unwrap();
        let e = s.set_element(sized, &k(3), Value::Long(3)).unwrap_err();
        assert_eq!(e.message(), "Array overflow, check size limit (2)");
        for i in 0..5 {
            s.set_element(wrap, &k(i), Value::Long(i)).unwrap();
        }
        let keys: Vec<_> = s
            .entries(wrap)
            .unwrap()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys, vec![k(3), k(4)]);
    }

    #[test]
    fn patterns() {
        let arr = GlobalKind::Array {
            keys: vec![Type::Long, Type::String],
            value: Type::Long,
        };
        let p = program(&[(arr, None, false)]);
        let mut s = MemoryStore::new(&p, 100);
        let g = GlobalId(0);
        let key = |n: i64, t: &str| vec![Value::Long(n), Value::from(t)];
        for (n, t) in [(1, "a"), (1, "b"), (2, "a")] {
            s.set_element(g, &key(n, t), Value::Long(n)).unwrap();
        }
        let pat = |n: Option<i64>, t: Option<&str>| vec![n.map(Value::Long), t.map(Value::from)];
        let cases = [
            (pat(Some(1), Some("a")), true),
            (pat(Some(2), Some("b")), false),
            (pat(None, Some("b")), true),
            (pat(Some(3), None), false),
            (pat(None, None), true),
        ];
        for (p, want) in &cases {
            assert_eq!(s.contains(g, p).unwrap(), *want, "{p:?}");
        }
        s.delete_matching(g, &pat(None, Some("a"))).unwrap();
        let keys: Vec<_> = s.entries(g).unwrap().into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, vec![key(1, "b")]);
        s.clear(g).unwrap();
        assert!(!s.contains(g, &pat(None, None)).unwrap());
    }
}
