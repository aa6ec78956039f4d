//! Map operations as a trait, so layers above can test against [`crate::fake::FakeMap`].

/// How an update treats an existing key (`BPF_ANY`, `BPF_NOEXIST`, `BPF_EXIST`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateFlag {
    Any = 0,
    NoExist = 1,
    Exist = 2,
}

/// Why a map operation failed; `errno` is what the kernel would report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapError {
    pub op: &'static str,
    pub errno: i32,
}

impl std::fmt::Display for MapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = std::io::Error::from_raw_os_error(self.errno);
        write!(f, "map {} failed: {text}", self.op)
    }
}

impl std::error::Error for MapError {}

/// Operations on one map whose keys and values have fixed byte sizes.
pub trait MapOps {
    fn key_size(&self) -> usize;
    fn value_size(&self) -> usize;
    fn lookup(&self, key: &[u8]) -> Result<Option<Vec<u8>>, MapError>;
    fn update(&mut self, key: &[u8], value: &[u8], flag: UpdateFlag) -> Result<(), MapError>;
    fn delete(&mut self, key: &[u8]) -> Result<(), MapError>;
    /// The key after `key` (the first key when `None`), or `None` at the end.
    fn next_key(&self, key: Option<&[u8]>) -> Result<Option<Vec<u8>>, MapError>;
}
