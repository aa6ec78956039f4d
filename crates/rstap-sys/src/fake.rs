//! An in-memory hash map obeying the kernel's size and flag rules.

use crate::maps::{MapError, MapOps, UpdateFlag};
use std::collections::BTreeMap;

/// A fake hash map with kernel-like errno results.
#[derive(Debug, Clone)]
pub struct FakeMap {
    key_size: usize,
    value_size: usize,
    max_entries: usize,
    entries: BTreeMap<Vec<u8>, Vec<u8>>,
}

impl FakeMap {
    pub fn new(key_size: usize, value_size: usize, max_entries: usize) -> Self {
        FakeMap {
            key_size,
            value_size,
            max_entries,
            entries: BTreeMap::new(),
        }
    }

    fn check_key(&self, op: &'static str, key: &[u8]) -> Result<(), MapError> {
        if key.len() == self.key_size {
            Ok(())
        } else {
            Err(MapError {
                op,
                errno: libc::EINVAL,
            })
        }
    }
}

impl MapOps for FakeMap {
    fn key_size(&self) -> usize {
        self.key_size
    }
    fn value_size(&self) -> usize {
        self.value_size
    }
    fn lookup(&self, key: &[u8]) -> Result<Option<Vec<u8>>, MapError> {
        self.check_key("lookup", key)?;
        Ok(self.entries.get(key).cloned())
    }
    fn update(&mut self, key: &[u8], value: &[u8], flag: UpdateFlag) -> Result<(), MapError> {
        let op = "update";
        self.check_key(op, key)?;
        if value.len() != self.value_size {
            return Err(MapError {
                op,
                errno: libc::EINVAL,
            });
        }
        let exists = self.entries.contains_key(key);
        match (flag, exists) {
            (UpdateFlag::NoExist, true) => {
                return Err(MapError {
                    op,
                    errno: libc::EEXIST,
                });
            }
            (UpdateFlag::Exist, false) => {
                return Err(MapError {
                    op,
                    errno: libc::ENOENT,
                });
            }
            (_, false) if self.entries.len() >= self.max_entries => {
                return Err(MapError {
                    op,
                    errno: libc::E2BIG,
                });
            }
            _ => {}
        }
        self.entries.insert(key.to_vec(), value.to_vec());
        Ok(())
    }
    fn delete(&mut self, key: &[u8]) -> Result<(), MapError> {
        self.check_key("delete", key)?;
        match self.entries.remove(key) {
            Some(_) => Ok(()),
            None => Err(MapError {
                op: "delete",
                errno: libc::ENOENT,
            }),
        }
    }
    fn next_key(&self, key: Option<&[u8]>) -> Result<Option<Vec<u8>>, MapError> {
        let next = match key {
            None => self.entries.keys().next(),
            Some(k) => {
                self.check_key("get_next_key", k)?;
                self.entries
                    .range(k.to_vec()..)
                    .map(|(k2, _)| k2)
                    .find(|k2| k2.as_slice() != k)
            }
        };
        Ok(next.cloned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_follow_kernel_rules() {
        let mut m = FakeMap::new(4, 8, 2);
        let (k1, k2, k3, v) = ([1u8; 4], [2u8; 4], [3u8; 4], [7u8; 8]);
        let errno = |r: Result<(), MapError>| r.err().map(|e| e.errno);
        assert_eq!(
            errno(m.update(&k1, &v, UpdateFlag::Exist)),
            Some(libc::ENOENT)
        );
        assert_eq!(errno(m.update(&k1, &v, UpdateFlag::NoExist)), None);
        assert_eq!(
            errno(m.update(&k1, &v, UpdateFlag::NoExist)),
            Some(libc::EEXIST)
        );
        assert_eq!(errno(m.update(&k2, &v, UpdateFlag::Any)), None);
        assert_eq!(errno(m.update(&k3, &v, UpdateFlag::Any)), Some(libc::E2BIG));
        assert_eq!(
            errno(m.update(&[0; 3], &v, UpdateFlag::Any)),
            Some(libc::EINVAL)
        );
        assert_eq!(m.lookup(&k1).unwrap(), Some(v.to_vec()));
        assert_eq!(m.next_key(None).unwrap(), Some(k1.to_vec()));
        assert_eq!(m.next_key(Some(&k1)).unwrap(), Some(k2.to_vec()));
        assert_eq!(m.next_key(Some(&k2)).unwrap(), None);
        assert_eq!(errno(m.delete(&k1)), None);
        assert_eq!(errno(m.delete(&k1)), Some(libc::ENOENT));
        assert_eq!(m.lookup(&k1).unwrap(), None);
    }
}
