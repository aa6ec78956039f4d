//! BTF for rstap: reading the kernel's type information and writing a program's own.
//!
//! Invariant: this crate only turns bytes into answers and answers into bytes. It never
//! panics on malformed input (every failure is a [`BtfError`]), never needs kernel headers
//! or debuginfo, and knows nothing of scripts beyond the file/line/column it is handed.
//!
//! Reading is lazy: loading checks the header and walks the type section once to record
//! where each record starts; records are decoded only when asked for, and the name index
//! is built on the first lookup by name.
//!
//! ```
//! use rstap_btf::{Btf, BtfBuilder, IntEncoding, MemberSpec};
//!
//! let mut b = BtfBuilder::new();
//! let int = b.add_int("int", 4, IntEncoding { signed: true, ..Default::default() });
//! let chr = b.add_int("char", 1, IntEncoding::default());
//! let comm = b.add_array(chr, int, 16);
//! let inner = b.add_union("", 4, &[MemberSpec::new("pid", int, 0)]);
//! let task = b.add_struct("task", 20, &[MemberSpec::new("comm", comm, 0), MemberSpec::new("", inner, 128)]);
//! let btf = Btf::from_bytes(b.finish())?;
//!
//! let pid = btf.find_member(task, "pid")?.expect("found through the anonymous union");
//! assert_eq!(pid.bit_offset, 128);
//! assert_eq!(btf.type_name(comm)?, "char[16]");
//! assert_eq!(btf.size_of(task)?, 20);
//! # Ok::<(), rstap_btf::BtfError>(())
//! ```

mod btf;
mod error;
mod ext;
mod print;
mod query;
mod types;
mod writer;

pub use btf::{BTF_MAGIC, Btf, VMLINUX_PATH};
pub use error::{BtfError, Result};
pub use ext::{
    FUNC_INFO_REC_SIZE, FuncInfo, LINE_INFO_REC_SIZE, LineInfo, LineTable, ProgramBtf,
    ProgramBtfBlob, SourceLocation, decode_func_infos, decode_line_infos, encode_func_infos,
    encode_line_infos,
};
pub use query::{ArrayInfo, FuncSignature, IntInfo, MemberHit, NamedParam};
pub use types::{
    Enumerator, IntEncoding, Kind, Linkage, Member, POINTER_SIZE, Param, Type, TypeId, TypeKind,
    VarSecInfo,
};
pub use writer::{BtfBuilder, MemberSpec};
