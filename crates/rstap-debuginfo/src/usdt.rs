//! `.note.stapsdt` notes and their argument specifications.
//!
//! Each note (type 3, owner `stapsdt`) describes one probe site: the site's address,
//! the address `.stapsdt.base` had at link time, the semaphore's address (0: none), then
//! three NUL-terminated strings: provider, name and the arguments as the assembler
//! wrote them, `SIZE@OPERAND` separated by spaces (`-4@%edi 8@-8(%rbp) 4@$5`).

/// A note as stored, before addresses are turned into file offsets.
pub(crate) struct RawNote {
    pub pc: u64,
    pub linked_base: Option<u64>,
    pub semaphore: u64,
    pub provider: String,
    pub name: String,
    pub args: String,
}

const NT_STAPSDT: u32 = 3;

/// The stapsdt notes of a `.note.stapsdt` section; damaged notes end the walk.
pub(crate) fn notes(mut data: &[u8], little: bool) -> Vec<RawNote> {
    let word = |b: &[u8]| -> Option<u32> {
        let b: [u8; 4] = b.get(..4)?.try_into().ok()?;
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let quad = |b: &[u8]| -> Option<u64> {
        let b: [u8; 8] = b.get(..8)?.try_into().ok()?;
        Some(if little {
            u64::from_le_bytes(b)
        } else {
            u64::from_be_bytes(b)
        })
    };
    let align4 = |n: usize| n.div_ceil(4) * 4;
    let mut out = Vec::new();
    while data.len() >= 12 {
        let (Some(namesz), Some(descsz), Some(kind)) =
            (word(data), word(&data[4..]), word(&data[8..]))
        else {
            break;
        };
        let (namesz, descsz) = (namesz as usize, descsz as usize);
        let name_end = 12 + align4(namesz);
        let desc_end = name_end + align4(descsz);
        if desc_end > data.len() || name_end + descsz > data.len() {
            break;
        }
        let owner = &data[12..12 + namesz];
        let desc = &data[name_end..name_end + descsz];
        data = &data[desc_end..];
        if kind != NT_STAPSDT || owner.strip_suffix(b"\0").unwrap_or(owner) != b"stapsdt" {
            continue;
        }
        let (Some(pc), Some(base), Some(semaphore)) = (
            quad(desc),
            quad(desc.get(8..).unwrap_or(&[])),
            quad(desc.get(16..).unwrap_or(&[])),
        ) else {
            continue;
        };
        let mut strings = desc[24..]
            .split(|b| *b == 0)
            .map(|s| String::from_utf8_lossy(s).into_owned());
        let (Some(provider), Some(name)) = (strings.next(), strings.next()) else {
            continue;
        };
        out.push(RawNote {
            pc,
            linked_base: (base != 0).then_some(base),
            semaphore,
            provider,
            name,
            args: strings.next().unwrap_or_default(),
        });
    }
    out
}

/// Where a USDT argument's value is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UsdtLocation {
    /// In a register, named as in the kernel's x86-64 `pt_regs` (`di`, `ax`, `r12`).
    Register(String),
    /// In memory at register + offset.
    Memory {
        base: String,
        offset: i64,
    },
    Constant(i64),
    /// An operand rstap cannot read (an index register, a symbol relative to `%rip`),
    /// as written.
    Unsupported(String),
}

/// One USDT argument: its location, its size in bytes and signedness (`-4@`: a signed
/// 4-byte value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsdtArg {
    pub size: u8,
    pub signed: bool,
    pub location: UsdtLocation,
}

/// Parses an x86-64 stapsdt argument specification.
pub fn parse_usdt_args(spec: &str) -> Vec<UsdtArg> {
    spec.split_whitespace().map(parse_arg).collect()
}

fn parse_arg(text: &str) -> UsdtArg {
    let (size, signed, operand) = match text.split_once('@') {
        Some((n, op)) => match n.parse::<i32>() {
            Ok(n) if matches!(n.abs(), 1 | 2 | 4 | 8) => (n.unsigned_abs() as u8, n < 0, op),
            _ => (8, true, text),
        },
        None => (8, true, text),
    };
    UsdtArg {
        size,
        signed,
        location: parse_operand(operand)
            .unwrap_or_else(|| UsdtLocation::Unsupported(operand.to_string())),
    }
}

fn parse_number(s: &str) -> Option<i64> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let v = match digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        Some(hex) => u64::from_str_radix(hex, 16).ok()? as i64,
        None => digits.parse::<u64>().ok()? as i64,
    };
    Some(if neg { v.wrapping_neg() } else { v })
}

fn parse_operand(op: &str) -> Option<UsdtLocation> {
    if let Some(imm) = op.strip_prefix('$') {
        return parse_number(imm).map(UsdtLocation::Constant);
    }
    if let Some(reg) = op.strip_prefix('%') {
        return register(reg).map(|r| UsdtLocation::Register(r.to_string()));
    }
    let open = op.find('(')?;
    let inner = op[open..].strip_prefix('(')?.strip_suffix(')')?;
    let base = register(inner.strip_prefix('%')?)?;
    if base == "ip" {
        // Symbol-relative: the address depends on where the binary is loaded.
        return None;
    }
    let disp = &op[..open];
    let offset = if disp.is_empty() {
        0
    } else {
        parse_number(disp)?
    };
    Some(UsdtLocation::Memory {
        base: base.to_string(),
        offset,
    })
}

/// The `pt_regs` name of an x86-64 register of any width; `None` for the high-byte
/// registers (`%ah`), which no `pt_regs` member holds alone.
fn register(name: &str) -> Option<&'static str> {
    const LEGACY: [(&str, [&str; 4]); 8] = [
        ("ax", ["rax", "eax", "ax", "al"]),
        ("bx", ["rbx", "ebx", "bx", "bl"]),
        ("cx", ["rcx", "ecx", "cx", "cl"]),
        ("dx", ["rdx", "edx", "dx", "dl"]),
        ("si", ["rsi", "esi", "si", "sil"]),
        ("di", ["rdi", "edi", "di", "dil"]),
        ("bp", ["rbp", "ebp", "bp", "bpl"]),
        ("sp", ["rsp", "esp", "sp", "spl"]),
    ];
    for (canon, names) in LEGACY {
        if names.contains(&name) {
            return Some(canon);
        }
    }
    if name == "rip" {
        return Some("ip");
    }
    const NUMBERED: [&str; 8] = ["r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"];
    let digits = name.trim_end_matches(['d', 'w', 'b']);
    NUMBERED.iter().copied().find(|r| *r == digits)
}
