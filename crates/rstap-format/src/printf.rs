//! `printf` format strings (reference §6.1): parsing and rendering.
//!
//! Grammar `%[flag][width|*][.prec|.*][l]conv`; at most one flag of `0 + - space #`;
//! conversions `d i u x X o p c s b m M`; `%%` is a percent sign.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conv {
    Signed,
    Unsigned,
    HexLower,
    HexUpper,
    Octal,
    Pointer,
    Char,
    Str,
    Binary,
    Memory,
    MemoryHex,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    None,
    Fixed(usize),
    /// `*`: taken from the argument list.
    Star,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    pub flag: Option<u8>,
    pub width: Count,
    pub precision: Count,
    pub conv: Conv,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(Vec<u8>),
    Conv(Spec),
}

/// A parsed format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Format {
    pub pieces: Vec<Piece>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// SystemTap's message.
    pub message: &'static str,
    /// Byte offset of the conversion at fault.
    pub offset: usize,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

/// The type an argument must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    Long,
    Str,
}

/// One argument value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FmtArg<'a> {
    Long(i64),
    Str(&'a [u8]),
}

/// Reads memory for `%m`/`%M` (kernel memory, or user memory with `#`).
pub trait MemoryReader {
    fn read(&self, addr: u64, len: usize, user: bool) -> Option<Vec<u8>>;
}

/// A reader for contexts without memory access: every read faults.
pub struct NoMemory;

impl MemoryReader for NoMemory {
    fn read(&self, _addr: u64, _len: usize, _user: bool) -> Option<Vec<u8>> {
        None
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenderError {
    /// The argument list does not fit the format (semantic analysis prevents this).
    Arguments,
    /// `%m`/`%M` could not read memory: SystemTap's `read fault` text.
    ReadFault(u64),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Arguments => {
                f.write_str("Wrong number of args to formatted print operator")
            }
            RenderError::ReadFault(a) => write!(f, "read fault [man error::fault] at 0x{a:x}"),
        }
    }
}

pub fn parse_format(fmt: &[u8]) -> Result<Format, FormatError> {
    let mut pieces = Vec::new();
    let mut text = Vec::new();
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i] != b'%' {
            text.push(fmt[i]);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let trailing = FormatError {
            message: "trailing incomplete print format conversion",
            offset: start,
        };
        if i >= fmt.len() {
            return Err(trailing);
        }
        if fmt[i] == b'%' {
            text.push(b'%');
            i += 1;
            continue;
        }
        let mut flag = None;
        if matches!(fmt[i], b'0' | b'+' | b'-' | b' ' | b'#') {
            flag = Some(fmt[i]);
            i += 1;
        }
        let count = |i: &mut usize| -> Count {
            if *i < fmt.len() && fmt[*i] == b'*' {
                *i += 1;
                return Count::Star;
            }
            let s = *i;
            while *i < fmt.len() && fmt[*i].is_ascii_digit() {
                *i += 1;
            }
            if *i == s {
                Count::None
            } else {
                let n = std::str::from_utf8(&fmt[s..*i])
                    .ok()
                    .and_then(|t| t.parse().ok());
                Count::Fixed(n.unwrap_or(usize::MAX).min(1 << 20))
            }
        };
        let width = count(&mut i);
        let mut precision = Count::None;
        if i < fmt.len() && fmt[i] == b'.' {
            i += 1;
            precision = match count(&mut i) {
                Count::None => Count::Fixed(0),
                c => c,
            };
        }
        if i < fmt.len() && fmt[i] == b'l' {
            i += 1;
        }
        if i >= fmt.len() {
            return Err(trailing);
        }
        let conv = match fmt[i] {
            b'd' | b'i' => Conv::Signed,
            b'u' => Conv::Unsigned,
            b'x' => Conv::HexLower,
            b'X' => Conv::HexUpper,
            b'o' => Conv::Octal,
            b'p' => Conv::Pointer,
            b'c' => Conv::Char,
            b's' => Conv::Str,
            b'b' => Conv::Binary,
            b'm' => Conv::Memory,
            b'M' => Conv::MemoryHex,
            _ => {
                return Err(FormatError {
                    message: "invalid or missing conversion specifier",
                    offset: start,
                });
            }
        };
        i += 1;
        if !text.is_empty() {
            pieces.push(Piece::Text(std::mem::take(&mut text)));
        }
        pieces.push(Piece::Conv(Spec {
            flag,
            width,
            precision,
            conv,
        }));
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(Format { pieces })
}

impl Format {
    /// The argument types the format consumes, in order (`*` counts are longs).
    pub fn args(&self) -> Vec<ArgKind> {
        let mut v = Vec::new();
        for p in &self.pieces {
            if let Piece::Conv(s) = p {
                if s.width == Count::Star {
                    v.push(ArgKind::Long);
                }
                if s.precision == Count::Star {
                    v.push(ArgKind::Long);
                }
                v.push(if s.conv == Conv::Str {
                    ArgKind::Str
                } else {
                    ArgKind::Long
                });
            }
        }
        v
    }

    /// Appends the formatted text to `out`.
    pub fn render(
        &self,
        args: &[FmtArg],
        mem: &dyn MemoryReader,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        render_all(self, args, mem, out)
    }
}

fn render_all(
    f: &Format,
    args: &[FmtArg],
    mem: &dyn MemoryReader,
    out: &mut Vec<u8>,
) -> Result<(), RenderError> {
    let mut it = args.iter();
    for p in &f.pieces {
        let spec = match p {
            Piece::Text(t) => {
                out.extend_from_slice(t);
                continue;
            }
            Piece::Conv(s) => *s,
        };
        let mut left = spec.flag == Some(b'-');
        let width = match spec.width {
            Count::None => 0,
            Count::Fixed(n) => n,
            Count::Star => {
                let Some(FmtArg::Long(w)) = it.next() else {
                    return Err(RenderError::Arguments);
                };
                if *w < 0 {
                    left = true;
                }
                (w.unsigned_abs() as usize).min(1 << 20)
            }
        };
        let precision = match spec.precision {
            Count::None => None,
            Count::Fixed(n) => Some(n),
            Count::Star => {
                let Some(FmtArg::Long(p)) = it.next() else {
                    return Err(RenderError::Arguments);
                };
                (*p >= 0).then_some((*p as usize).min(1 << 20))
            }
        };
        let arg = it.next().ok_or(RenderError::Arguments)?;
        let body: Vec<u8> = match (spec.conv, arg) {
            (Conv::Str, FmtArg::Str(s)) => {
                let s = match precision {
                    Some(p) if p < s.len() => &s[..p],
                    _ => s,
                };
                s.to_vec()
            }
            (Conv::Str, FmtArg::Long(_)) | (_, FmtArg::Str(_)) => {
                return Err(RenderError::Arguments);
            }
            (conv, FmtArg::Long(v)) => match conv {
                Conv::Signed | Conv::Unsigned | Conv::HexLower | Conv::HexUpper | Conv::Octal => {
                    number(*v, conv, spec.flag, width, precision, left)
                }
                Conv::Pointer => {
                    let digits = format!("{:x}", *v as u64);
                    let digits = match precision {
                        Some(p) if p > digits.len() => {
                            format!("{}{digits}", "0".repeat(p - digits.len()))
                        }
                        _ => digits,
                    };
                    format!("0x{digits}").into_bytes()
                }
                Conv::Char => {
                    let c = *v as u8;
                    if spec.flag == Some(b'#') {
                        escape_char(c)
                    } else {
                        vec![c]
                    }
                }
                Conv::Binary => {
                    let n = match width {
                        1 | 2 | 4 | 8 => width,
                        _ => 8,
                    };
                    out.extend_from_slice(&v.to_le_bytes()[..n]);
                    continue;
                }
                Conv::Memory | Conv::MemoryHex => {
                    let len = precision.unwrap_or(1);
                    let user = spec.flag == Some(b'#');
                    let bytes = mem
                        .read(*v as u64, len, user)
                        .ok_or(RenderError::ReadFault(*v as u64))?;
                    if conv == Conv::Memory {
                        bytes
                    } else {
                        bytes
                            .iter()
                            .flat_map(|b| format!("{b:02x}").into_bytes())
                            .collect()
                    }
                }
                // Strings paired with a long were refused above.
                Conv::Str => Vec::new(),
            },
        };
        pad(out, &body, width, left, spec.conv);
    }
    Ok(())
}

fn pad(out: &mut Vec<u8>, body: &[u8], width: usize, left: bool, conv: Conv) {
    // Numbers pad themselves (zero padding puts the sign first).
    let numeric = matches!(
        conv,
        Conv::Signed | Conv::Unsigned | Conv::HexLower | Conv::HexUpper | Conv::Octal
    );
    let fill = if numeric {
        0
    } else {
        width.saturating_sub(body.len())
    };
    if !left {
        out.extend(std::iter::repeat_n(b' ', fill));
    }
    out.extend_from_slice(body);
    if left {
        out.extend(std::iter::repeat_n(b' ', fill));
    }
}

/// Integer conversions, as the kernel runtime's `number()` prints them.
fn number(
    v: i64,
    conv: Conv,
    flag: Option<u8>,
    width: usize,
    precision: Option<usize>,
    left: bool,
) -> Vec<u8> {
    let (neg, mag) = match conv {
        Conv::Signed if v < 0 => (true, v.unsigned_abs()),
        _ => (false, v as u64),
    };
    let mut digits = match conv {
        Conv::HexLower => format!("{mag:x}"),
        Conv::HexUpper => format!("{mag:X}"),
        Conv::Octal => format!("{mag:o}"),
        _ => mag.to_string(),
    };
    if let Some(p) = precision {
        if p == 0 && mag == 0 {
            digits.clear();
        } else if p > digits.len() {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    let sign = if neg {
        "-"
    } else if conv == Conv::Signed && flag == Some(b'+') {
        "+"
    } else if conv == Conv::Signed && flag == Some(b' ') {
        " "
    } else {
        ""
    };
    let prefix = match (flag, conv) {
        (Some(b'#'), Conv::HexLower) => "0x",
        (Some(b'#'), Conv::HexUpper) => "0X",
        (Some(b'#'), Conv::Octal) if !digits.starts_with('0') => "0",
        _ => "",
    };
    let len = sign.len() + prefix.len() + digits.len();
    let mut s = String::new();
    if left {
        s.push_str(sign);
        s.push_str(prefix);
        s.push_str(&digits);
        s.push_str(&" ".repeat(width.saturating_sub(len)));
    } else if flag == Some(b'0') && precision.is_none() {
        s.push_str(sign);
        s.push_str(prefix);
        s.push_str(&"0".repeat(width.saturating_sub(len)));
        s.push_str(&digits);
    } else {
        s.push_str(&" ".repeat(width.saturating_sub(len)));
        s.push_str(sign);
        s.push_str(prefix);
        s.push_str(&digits);
    }
    s.into_bytes()
}

fn escape_char(c: u8) -> Vec<u8> {
    match c {
        b'\\' => b"\\\\".to_vec(),
        b'\'' => b"\\'".to_vec(),
        b'\n' => b"\\n".to_vec(),
        b'\t' => b"\\t".to_vec(),
        b'\r' => b"\\r".to_vec(),
        7 => b"\\a".to_vec(),
        8 => b"\\b".to_vec(),
        11 => b"\\v".to_vec(),
        12 => b"\\f".to_vec(),
        0x20..=0x7e => vec![c],
        _ => format!("\\{c:03o}").into_bytes(),
    }
}

/// `print`/`println`/`printd` rendering of one value: `%d` for longs, `%s` for strings.
pub fn plain(arg: &FmtArg, out: &mut Vec<u8>) {
    match arg {
        FmtArg::Long(v) => out.extend_from_slice(v.to_string().as_bytes()),
        FmtArg::Str(s) => out.extend_from_slice(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(fmt: &str, args: &[FmtArg]) -> String {
        let mut out = Vec::new();
        parse_format(fmt.as_bytes())
            .unwrap()
            .render(args, &NoMemory, &mut out)
            .unwrap();
        String::from_utf8_lossy(&out).into_owned()
    }

    use FmtArg::{Long as L, Str as S};

    #[test]
    fn table() {
        let cases: &[(&str, &[FmtArg], &str)] = &[
            ("%d", &[L(42)], "42"),
            ("%i", &[L(-42)], "-42"),
            ("%5d|", &[L(42)], "   42|"),
            ("%-5d|", &[L(42)], "42   |"),
            ("%05d", &[L(42)], "00042"),
            ("%016d", &[L(-1)], "-000000000000001"),
            ("%+d %+d", &[L(5), L(-5)], "+5 -5"),
            ("% d", &[L(5)], " 5"),
            ("%-08d|", &[L(3)], "3       |"),
            ("%#d", &[L(7)], "7"),
            ("%ld", &[L(7)], "7"),
            ("%u", &[L(-1)], "18446744073709551615"),
            ("%x", &[L(-1)], "ffffffffffffffff"),
            ("%X", &[L(255)], "FF"),
            ("%#x", &[L(0)], "0x0"),
            ("%#x", &[L(255)], "0xff"),
            ("%#X", &[L(255)], "0XFF"),
            ("%08x", &[L(255)], "000000ff"),
            ("%o", &[L(8)], "10"),
            ("%#o", &[L(1)], "01"),
            ("%#o", &[L(0)], "0"),
            ("%.3d", &[L(7)], "007"),
            ("%5.3d", &[L(-7)], " -007"),
            ("%p", &[L(0)], "0x0"),
            ("%p", &[L(0x12345678)], "0x12345678"),
            ("%20p|", &[L(1)], "                 0x1|"),
            ("%-20p|", &[L(1)], "0x1                 |"),
            ("%.20p", &[L(1)], "0x00000000000000000001"),
            ("%c", &[L(65)], "A"),
            ("%3c|", &[L(65)], "  A|"),
            ("%#c", &[L(0)], "\\000"),
            ("%#c", &[L(9)], "\\t"),
            ("%#c", &[L(92)], "\\\\"),
            ("%#c", &[L(39)], "\\'"),
            ("%#c", &[L(200)], "\\310"),
            ("%s", &[S(b"abc")], "abc"),
            ("%5s|", &[S(b"ab")], "   ab|"),
            ("%-5s|", &[S(b"ab")], "ab   |"),
            ("%.2s", &[S(b"abcdef")], "ab"),
            ("%5.2s|", &[S(b"abcdef")], "   ab|"),
            ("%#s", &[S(b"raw")], "raw"),
            ("%*d|", &[L(6), L(42)], "    42|"),
            ("%*d|", &[L(-6), L(42)], "42    |"),
            ("%.*s", &[L(3), S(b"abcdef")], "abc"),
            ("%*.*s|", &[L(5), L(2), S(b"abcdef")], "   ab|"),
            ("100%%", &[], "100%"),
            ("%s=%d", &[S(b"x"), L(1)], "x=1"),
            ("%d", &[L(i64::MIN)], "-9223372036854775808"),
            ("%x", &[L(i64::MIN)], "8000000000000000"),
            ("a\tb", &[], "a\tb"),
        ];
        for (fmt, args, want) in cases {
            assert_eq!(f(fmt, args), *want, "format {fmt:?}");
        }
        assert!(cases.len() >= 45);
    }

    #[test]
    fn binary_and_memory() {
        let mut out = Vec::new();
        parse_format(b"%b%1b%2b%4b")
            .unwrap()
            .render(
                &[L(1), L(0x41), L(0x4243), L(0x44454647)],
                &NoMemory,
                &mut out,
            )
            .unwrap();
        assert_eq!(
            out,
            [
                1, 0, 0, 0, 0, 0, 0, 0, 0x41, 0x43, 0x42, 0x47, 0x46, 0x45, 0x44
            ]
        );
        struct Mem;
        impl MemoryReader for Mem {
            fn read(&self, addr: u64, len: usize, _user: bool) -> Option<Vec<u8>> {
                (addr == 0x1000).then(|| b"hello"[..len.min(5)].to_vec())
            }
        }
        let mut out = Vec::new();
        parse_format(b"%.3m %.2M %m")
            .unwrap()
            .render(&[L(0x1000), L(0x1000), L(0x1000)], &Mem, &mut out)
            .unwrap();
        assert_eq!(out, b"hel 6865 h");
        let mut out = Vec::new();
        let e = parse_format(b"%m")
            .unwrap()
            .render(&[L(0x10)], &Mem, &mut out)
            .unwrap_err();
        assert_eq!(e.to_string(), "read fault [man error::fault] at 0x10");
    }

    #[test]
    fn parse_errors_and_arg_kinds() {
        let e = |s: &str| parse_format(s.as_bytes()).unwrap_err().message;
        assert_eq!(e("%+-5d"), "invalid or missing conversion specifier");
        assert_eq!(e("%lld"), "invalid or missing conversion specifier");
        assert_eq!(e("%y"), "invalid or missing conversion specifier");
        assert_eq!(e("50%"), "trailing incomplete print format conversion");
        assert_eq!(e("%-"), "trailing incomplete print format conversion");
        let k = parse_format(b"%*.*s %d %%").unwrap().args();
        assert_eq!(
            k,
            vec![ArgKind::Long, ArgKind::Long, ArgKind::Str, ArgKind::Long]
        );
    }

    #[test]
    fn wrong_arguments_are_an_error_not_a_panic() {
        let mut out = Vec::new();
        let f = parse_format(b"%d %s").unwrap();
        assert_eq!(
            f.render(&[L(1)], &NoMemory, &mut out),
            Err(RenderError::Arguments)
        );
        assert_eq!(
            f.render(&[S(b"x"), S(b"y")], &NoMemory, &mut out),
            Err(RenderError::Arguments)
        );
    }
}
