//! How a program's globals, scratch memory and output channel map onto BPF maps. The
//! runtime reads the same layout to create the maps and to read them back.

use rstap_ir::{GlobalId, GlobalKind, LinearBounds, Program, StatSpec, Type};

/// Kernel map types the code generator uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MapKind {
    Hash,
    LruHash,
    Array,
    PercpuArray,
    PercpuHash,
    LruPercpuHash,
    Ringbuf,
    /// Programs indexed by a number, for `bpf_tail_call` (the system call dispatch).
    ProgArray,
    /// `BPF_MAP_TYPE_STACK_TRACE`: stacks by the id `bpf_get_stackid` returns.
    StackTrace,
}

impl MapKind {
    pub fn is_percpu(self) -> bool {
        matches!(
            self,
            MapKind::PercpuArray | MapKind::PercpuHash | MapKind::LruPercpuHash
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MapSpec {
    pub name: String,
    pub kind: MapKind,
    pub key_size: u32,
    pub value_size: u32,
    pub max_entries: u32,
    /// `map_flags` at creation.
    pub flags: u32,
}

/// `BPF_F_RDONLY_PROG`: programs may only read the map.
pub const BPF_F_RDONLY_PROG: u32 = 1 << 7;

/// Per-CPU scratch memory: locals, temporaries, strings, keys and records.
pub const SCRATCH_MAP: usize = 0;
/// The ring buffer that carries output records to userspace.
pub const RINGBUF_MAP: usize = 1;
/// Session configuration written by userspace before attaching (see `CONF_*`).
pub const CONF_MAP: usize = 2;
/// Session counters kept by the programs (see `STATS_*`).
pub const STATS_MAP: usize = 3;
/// The first map that holds a global.
pub const FIRST_GLOBAL_MAP: usize = 4;

/// The intrinsic naming a block device by its kernel device number.
pub const BLOCKDEV_NAME: &str = "__blockdev_name";
/// A block device's name with its NUL (the kernel's `DISK_NAME_LEN`).
pub const BLOCKDEV_NAME_LEN: u32 = 32;
/// How many block devices the name map holds.
pub const BLOCKDEV_ENTRIES: u32 = 4096;

/// Offsets in the configuration value.
pub const CONF_TARGET_PID: i32 = 0;
/// `CLOCK_REALTIME - CLOCK_BOOTTIME` in nanoseconds.
pub const CONF_REALTIME_OFFSET: i32 = 8;
/// The session state the handlers check on entry (SystemTap runs handlers only while
/// the session runs): 0 running, 1 stopping after `exit()`, 2 stopping after an error,
/// 3 starting (begin probes not yet run).
pub const CONF_STATE: i32 = 16;
/// The pid of the rstap process running the session (`stp_pid()`).
pub const CONF_STP_PID: i32 = 24;
pub const CONF_SIZE: u32 = 32;

/// Offsets in the counters value.
pub const STATS_LOST: i32 = 0;
/// Kernel stacks that `backtrace()` and friends could not record: the stack map was
/// full, or another stack hashed to the same slot (ids are never reused, so the stack
/// reads as empty instead of as some other stack).
pub const STATS_STACKS_LOST: i32 = 8;
pub const STATS_SIZE: u32 = 16;

/// The byte layout of one statistic's (per-CPU) value.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StatLayout {
    pub log: bool,
    pub linear: Option<LinearBounds>,
    pub variance_shift: Option<u8>,
}

impl StatLayout {
    pub const COUNT: i32 = 0;
    pub const SUM: i32 = 8;
    pub const MIN: i32 = 16;
    pub const MAX: i32 = 24;
    pub const AVG_S: i32 = 32;
    pub const M2: i32 = 40;
    pub const LOG: i32 = 48;
    pub const LOG_BUCKETS: usize = 128;

    pub fn from_spec(s: &StatSpec) -> StatLayout {
        StatLayout {
            log: s.log_hist,
            linear: s.linear_hist,
            variance_shift: s.variance_shift,
        }
    }
    pub fn linear_buckets(&self) -> usize {
        match self.linear {
            Some(b) if b.interval > 0 && b.stop >= b.start => {
                ((b.stop - b.start) / b.interval + 3) as usize
            }
            _ => 0,
        }
    }
    pub fn linear_offset(&self) -> i32 {
        Self::LOG
            + if self.log {
                (Self::LOG_BUCKETS * 8) as i32
            } else {
                0
            }
    }
    pub fn size(&self) -> u32 {
        (self.linear_offset() as usize + self.linear_buckets() * 8) as u32
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ValueLayout {
    Long,
    /// A NUL-terminated string in `width` bytes.
    Str(u32),
    Stat(StatLayout),
}

impl ValueLayout {
    pub fn size(&self) -> u32 {
        match self {
            ValueLayout::Long => 8,
            ValueLayout::Str(w) => *w,
            ValueLayout::Stat(s) => s.size(),
        }
    }
}

/// One key position: a long (8 bytes) or a zero-padded string of `width` bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeyField {
    pub ty: Type,
    pub offset: u32,
    pub width: u32,
}

/// Where a global lives.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GlobalLayout {
    pub global: GlobalId,
    pub map: usize,
    /// Empty for scalars and scalar statistics (whose key is the u32 0).
    pub keys: Vec<KeyField>,
    pub value: ValueLayout,
}

impl GlobalLayout {
    pub fn is_scalar(&self) -> bool {
        self.keys.is_empty()
    }
    pub fn key_size(&self) -> u32 {
        if self.keys.is_empty() {
            4
        } else {
            let last = self.keys.last().unwrap();
            round8(last.offset + last.width)
        }
    }
}

pub fn round8(n: u32) -> u32 {
    n.div_ceil(8) * 8
}

/// `struct bpf_stack_build_id`: status (i32), build id (20 bytes), file offset or
/// address (u64).
pub const BUILD_ID_FRAME: u32 = 32;

/// Map flag: a stack map of build ids and file offsets.
pub const BPF_F_STACK_BUILD_ID: u32 = 1 << 5;

/// Processes `rstap_useen` remembers (the least recently seen are forgotten, and
/// announced again if they come back).
pub const PROCESSES_SEEN: u32 = 8192;

/// The maps of a program and where each global lives.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Layout {
    pub maps: Vec<MapSpec>,
    /// Indexed by `GlobalId`.
    pub globals: Vec<GlobalLayout>,
    /// Width of string temporaries and string values.
    pub string_width: u32,
    /// The read-only map holding `rodata`.
    pub rodata_map: usize,
    /// Block device names by kernel device number (`__blockdev_name`), filled by the
    /// runtime from `/sys/class/block` when the session starts.
    #[serde(default)]
    pub blockdev_map: Option<usize>,
    /// Its contents: NUL-terminated constant strings.
    pub rodata: Vec<u8>,
    /// The stack map, when a kernel probe unwinds the stack.
    #[serde(default)]
    pub stack_map: Option<usize>,
    /// The processes that have used user stacks or symbols (`rstap_useen`): each is
    /// announced to userspace once.
    #[serde(default)]
    pub process_map: Option<usize>,
    /// User stacks as the build id and file offset of each frame
    /// (`BPF_F_STACK_BUILD_ID`), beside their addresses in `stack_map`.
    #[serde(default)]
    pub build_id_map: Option<usize>,
}

impl Layout {
    /// `key_widths[g][i]`: the width chosen for string key `i` of global `g` (callers
    /// pass the bound of the longest string any probe uses there).
    pub fn new(
        program: &Program,
        string_width: u32,
        maxmapentries: u64,
        ringbuf_bytes: u32,
        key_widths: &dyn Fn(GlobalId, usize) -> u32,
    ) -> Layout {
        let mut maps = vec![
            MapSpec {
                name: "rstap_scratch".into(),
                kind: MapKind::PercpuArray,
                key_size: 4,
                value_size: 8, // sized by the code generator
                max_entries: 1,
                flags: 0,
            },
            MapSpec {
                name: "rstap_output".into(),
                kind: MapKind::Ringbuf,
                key_size: 0,
                value_size: 0,
                max_entries: ringbuf_bytes,
                flags: 0,
            },
            MapSpec {
                name: "rstap_conf".into(),
                kind: MapKind::Array,
                key_size: 4,
                value_size: CONF_SIZE,
                max_entries: 1,
                flags: 0,
            },
            MapSpec {
                name: "rstap_stats".into(),
                kind: MapKind::Array,
                key_size: 4,
                value_size: STATS_SIZE,
                max_entries: 1,
                flags: 0,
            },
        ];
        let mut globals = Vec::new();
        for (i, g) in program.globals.iter().enumerate() {
            let id = GlobalId(i as u32);
            let entries = g
                .max_entries
                .unwrap_or(maxmapentries)
                .clamp(1, u32::MAX as u64) as u32;
            let keys_of = |tys: &[Type]| {
                let mut off = 0;
                tys.iter()
                    .enumerate()
                    .map(|(k, t)| {
                        let width = match t {
                            Type::String => key_widths(id, k).clamp(1, string_width),
                            _ => 8,
                        };
                        let f = KeyField {
                            ty: *t,
                            offset: off,
                            width,
                        };
                        off = round8(off + width);
                        f
                    })
                    .collect::<Vec<_>>()
            };
            let (kind, keys, value, max_entries) = match &g.kind {
                GlobalKind::Scalar(Type::String) => {
                    (MapKind::Array, vec![], ValueLayout::Str(string_width), 1)
                }
                GlobalKind::Scalar(_) => (MapKind::Array, vec![], ValueLayout::Long, 1),
                GlobalKind::Stat(s) => (
                    MapKind::PercpuArray,
                    vec![],
                    ValueLayout::Stat(StatLayout::from_spec(s)),
                    1,
                ),
                GlobalKind::Array { keys, value } => (
                    if g.wrap {
                        MapKind::LruHash
                    } else {
                        MapKind::Hash
                    },
                    keys_of(keys),
                    if *value == Type::String {
                        ValueLayout::Str(string_width)
                    } else {
                        ValueLayout::Long
                    },
                    entries,
                ),
                GlobalKind::StatArray { keys, stat } => (
                    if g.wrap {
                        MapKind::LruPercpuHash
                    } else {
                        MapKind::PercpuHash
                    },
                    keys_of(keys),
                    ValueLayout::Stat(StatLayout::from_spec(stat)),
                    entries,
                ),
            };
            let layout = GlobalLayout {
                global: id,
                map: maps.len(),
                keys,
                value,
            };
            let mut name: String = g
                .name
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            name.truncate(12);
            maps.push(MapSpec {
                name: format!("g{i}_{name}"),
                kind,
                key_size: layout.key_size(),
                value_size: round8(layout.value.size()),
                max_entries,
                flags: 0,
            });
            globals.push(layout);
        }
        // Constant strings the programs read (formats for bpf_snprintf): filled by the
        // code generator, written and frozen by the runtime before loading.
        let rodata_map = maps.len();
        maps.push(MapSpec {
            name: "rstap_rodata".into(),
            kind: MapKind::Array,
            key_size: 4,
            value_size: 8,
            max_entries: 1,
            flags: BPF_F_RDONLY_PROG,
        });
        let names_devices = program
            .functions
            .iter()
            .any(|f| matches!(&f.body, rstap_ir::FunctionBody::Intrinsic(n) if n == BLOCKDEV_NAME));
        let blockdev_map = names_devices.then(|| {
            maps.push(MapSpec {
                name: "rstap_blockdev".into(),
                kind: MapKind::Hash,
                key_size: 4,
                value_size: BLOCKDEV_NAME_LEN,
                max_entries: BLOCKDEV_ENTRIES,
                flags: BPF_F_RDONLY_PROG,
            });
            maps.len() - 1
        });
        Layout {
            maps,
            globals,
            string_width,
            rodata_map,
            rodata: Vec::new(),
            stack_map: None,
            process_map: None,
            build_id_map: None,
            blockdev_map,
        }
    }

    /// Adds the stack map: `entries` stacks of at most `frames` addresses each.
    pub fn add_stack_map(&mut self, frames: u32, entries: u32) {
        self.stack_map = Some(self.maps.len());
        self.maps.push(MapSpec {
            name: "rstap_stacks".into(),
            kind: MapKind::StackTrace,
            key_size: 4,
            value_size: 8 * frames.max(1),
            max_entries: entries.max(1),
            flags: 0,
        });
    }

    /// Adds the build-id stack map: `entries` user stacks of at most `frames` frames.
    pub fn add_build_id_map(&mut self, frames: u32, entries: u32) {
        self.build_id_map = Some(self.maps.len());
        self.maps.push(MapSpec {
            name: "rstap_ustacks".into(),
            kind: MapKind::StackTrace,
            key_size: 4,
            value_size: BUILD_ID_FRAME * frames.max(1),
            max_entries: entries.max(1),
            flags: BPF_F_STACK_BUILD_ID,
        });
    }

    /// Adds the map of processes seen using user stacks or symbols.
    pub fn add_process_map(&mut self) {
        self.process_map = Some(self.maps.len());
        self.maps.push(MapSpec {
            name: "rstap_useen".into(),
            kind: MapKind::LruHash,
            key_size: 4,
            value_size: 8,
            max_entries: PROCESSES_SEEN,
            flags: 0,
        });
    }

    pub fn global(&self, g: GlobalId) -> &GlobalLayout {
        &self.globals[g.0 as usize]
    }
}
