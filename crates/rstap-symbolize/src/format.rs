//! SystemTap's textual forms of addresses and stacks.
//!
//! SystemTap builds every form from one set of switches (symbol, hex
//! address, module, offset, size, leading space, newline). The styles here
//! are the combinations its tapset functions use; hex is always `0x%x`
//! without padding, and an offset of zero prints as `0x0`.

use std::fmt::Write as _;

use crate::resolved::{ResolvedAddress, Resolver};

/// Maximum number of frames SystemTap collects for a backtrace.
pub const MAXBACKTRACE: usize = 20;

/// The line shapes of SystemTap's stack printers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameStyle {
    /// `print_backtrace`, `print_ubacktrace`:
    /// ` 0xADDR : sym+0xOFF/0xSIZE [module]`. (`print_stack`/`print_syms`
    /// print the address as their argument spells it: [`syms_line`].)
    Full,
    /// `sprint_backtrace`, `sprint_ubacktrace`: `sym+0xOFF [module-basename]`.
    Simple,
    /// `print_ubacktrace_brief`: `sym+0xOFF`.
    Brief,
}

/// One stack line in `style`, newline included.
pub fn frame_line(frame: &ResolvedAddress, style: FrameStyle) -> String {
    let mut out = String::new();
    push_frame_line(&mut out, frame, style);
    out
}

fn push_frame_line(out: &mut String, frame: &ResolvedAddress, style: FrameStyle) {
    let address = frame.address;
    let module = frame.module.as_ref().filter(|m| !m.name.is_empty());
    // `write!` into a String cannot fail.
    let _ = match (style, &frame.symbol, module) {
        (FrameStyle::Full, Some(sym), Some(module)) => writeln!(
            out,
            " {address:#x} : {}+{:#x}/{:#x} [{}]",
            display_name(&sym.name),
            sym.offset,
            sym.size,
            module.name
        ),
        (FrameStyle::Full, Some(sym), None) => writeln!(
            out,
            " {address:#x} : {}+{:#x}/{:#x}",
            display_name(&sym.name),
            sym.offset,
            sym.size
        ),
        (FrameStyle::Full, None, Some(module)) => writeln!(
            out,
            " {address:#x} [{}+{:#x}/{:#x}]",
            module.name, module.offset, module.size
        ),
        (FrameStyle::Full, None, None) => writeln!(out, " {address:#x}"),
        (FrameStyle::Simple, Some(sym), Some(module)) => writeln!(
            out,
            "{}+{:#x} [{}]",
            display_name(&sym.name),
            sym.offset,
            module_basename(&module.name)
        ),
        (FrameStyle::Simple | FrameStyle::Brief, Some(sym), _) => {
            writeln!(out, "{}+{:#x}", display_name(&sym.name), sym.offset)
        }
        (FrameStyle::Simple, None, Some(module)) => writeln!(
            out,
            "{address:#x} [{}+{:#x}]",
            module_basename(&module.name),
            module.offset
        ),
        (FrameStyle::Simple | FrameStyle::Brief, None, _) => writeln!(out, "{address:#x}"),
    };
}

/// A whole stack, one [`frame_line`] per frame.
pub fn render_stack(frames: &[ResolvedAddress], style: FrameStyle) -> String {
    let mut out = String::new();
    for frame in frames {
        push_frame_line(&mut out, frame, style);
    }
    out
}

/// `symname`/`usymname`: the symbol name, or the hex address.
pub fn symname(frame: &ResolvedAddress) -> String {
    match &frame.symbol {
        Some(sym) => display_name(&sym.name).to_string(),
        None => format!("{:#x}", frame.address),
    }
}

/// `symdata`/`usymdata`: `sym+0xOFF/0xSIZE [module]`; without a symbol
/// `0xADDR [module+0xOFF/0xSIZE]`; with nothing known the hex address.
pub fn symdata(frame: &ResolvedAddress) -> String {
    let module = frame.module.as_ref().filter(|m| !m.name.is_empty());
    match (&frame.symbol, module) {
        (Some(sym), Some(module)) => format!(
            "{}+{:#x}/{:#x} [{}]",
            display_name(&sym.name),
            sym.offset,
            sym.size,
            module.name
        ),
        (Some(sym), None) => format!(
            "{}+{:#x}/{:#x}",
            display_name(&sym.name),
            sym.offset,
            sym.size
        ),
        (None, Some(module)) => format!(
            "{:#x} [{}+{:#x}/{:#x}]",
            frame.address, module.name, module.offset, module.size
        ),
        (None, None) => format!("{:#x}", frame.address),
    }
}

/// `caller()`: `sym 0xADDR` of the calling frame (SystemTap formats it as
/// `"%s 0x%x"` of `symname(caller_addr())` and `caller_addr()`).
pub fn caller(frame: &ResolvedAddress) -> String {
    format!("{} {:#x}", symname(frame), frame.address)
}

/// `backtrace()`/`ubacktrace()`: the addresses as space-separated hex.
pub fn hex_stack(addresses: &[u64]) -> String {
    let mut out = String::with_capacity(addresses.len() * 19);
    for (i, address) in addresses.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{address:#x}");
    }
    out
}

/// The frames `callers(n)`/`ucallers(n)` print: levels 0 (the probed
/// location, "the top level") through `n`, so `n + 1` of them; -1 means the
/// whole stack and any other negative `n` none at all. `None` when the
/// stack has fewer than `n + 1` frames: SystemTap raises an error then.
pub fn callers_frames(stack: &[u64], n: i64) -> Option<&[u64]> {
    match n {
        -1 => Some(stack),
        n if n < 0 => Some(&[]),
        n => {
            let want = usize::try_from(n).ok()?.checked_add(1)?;
            stack.get(..want)
        }
    }
}

/// `callers(n)`/`ucallers(n)` as SystemTap returns it: `0x%x` addresses
/// separated by spaces, whole entries only while the text stays within
/// `maxstringlen` bytes. `None` when the stack is too short (see
/// [`callers_frames`]).
pub fn callers(stack: &[u64], n: i64, maxstringlen: usize) -> Option<String> {
    let frames = callers_frames(stack, n)?;
    let mut out = String::new();
    for (i, address) in frames.iter().enumerate() {
        let entry = if i > 0 {
            format!(" {address:#x}")
        } else {
            format!("{address:#x}")
        };
        if out.len() + entry.len() > maxstringlen {
            break;
        }
        out.push_str(&entry);
    }
    Some(out)
}

/// `backtrace()`/`ubacktrace()`: SystemTap prints each address followed by a
/// space into a buffer and returns it without its last byte, cut to fit a
/// MAXSTRINGLEN buffer (which also holds the NUL).
pub fn backtrace_text(addresses: &[u64], maxstringlen: usize) -> String {
    let mut out = String::with_capacity(addresses.len() * 19);
    for address in addresses {
        let _ = write!(out, "{address:#x} ");
    }
    let keep = out
        .len()
        .saturating_sub(1)
        .min(maxstringlen.saturating_sub(1));
    out.truncate(keep);
    out
}

/// `sprint_backtrace()`/`sprint_ubacktrace()`: one [`FrameStyle::Simple`]
/// line per frame, returned the way [`backtrace_text`] is (without the
/// last newline, cut to MAXSTRINGLEN).
pub fn sprint_backtrace_text(frames: &[ResolvedAddress], maxstringlen: usize) -> Vec<u8> {
    let mut out = render_stack(frames, FrameStyle::Simple).into_bytes();
    let keep = out
        .len()
        .saturating_sub(1)
        .min(maxstringlen.saturating_sub(1));
    out.truncate(keep);
    out
}

/// The words of a `print_syms`/`sprint_syms` (and so `print_stack`,
/// `sprint_stack`) argument: split at spaces only, empty words skipped, each
/// read as `strtol(word, 16)` reads it (optional sign and `0x`, then hex
/// digits up to the first other byte; nothing readable is 0).
pub fn syms_words(text: &[u8]) -> Vec<(&[u8], u64)> {
    text.split(|&b| b == b' ')
        .filter(|w| !w.is_empty())
        .map(|w| (w, hex_prefix_value(w)))
        .collect()
}

fn hex_prefix_value(word: &[u8]) -> u64 {
    let (negative, rest) = match word.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, word),
    };
    let digits = match rest {
        [b'0', x, d, ..] if (x | 0x20) == b'x' && d.is_ascii_hexdigit() => &rest[2..],
        _ => rest,
    };
    let mut value: u64 = 0;
    for &c in digits {
        let Some(d) = (c as char).to_digit(16) else {
            break;
        };
        value = value.wrapping_mul(16).wrapping_add(u64::from(d));
    }
    if negative {
        value.wrapping_neg()
    } else {
        value
    }
}

/// One `print_syms` line: ` WORD : SYMDATA` and a newline, where WORD is the
/// address as the argument spelled it.
pub fn syms_line(word: &[u8], frame: &ResolvedAddress) -> Vec<u8> {
    let mut line = Vec::with_capacity(word.len() + 64);
    line.push(b' ');
    line.extend_from_slice(word);
    line.extend_from_slice(b" : ");
    line.extend_from_slice(symdata(frame).as_bytes());
    line.push(b'\n');
    line
}

/// `print_syms(text)` (and `print_stack`): one [`syms_line`] per word.
pub fn print_syms(text: &[u8], resolver: &dyn Resolver) -> Vec<u8> {
    let mut out = Vec::new();
    for (word, address) in syms_words(text) {
        out.extend_from_slice(&syms_line(word, &resolver.resolve(address)));
    }
    out
}

/// `sprint_syms(text)` (and `sprint_stack`): the [`print_syms`] lines while
/// their total length stays within `maxstringlen`, then cut to fit a
/// MAXSTRINGLEN buffer.
pub fn sprint_syms(text: &[u8], resolver: &dyn Resolver, maxstringlen: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for (word, address) in syms_words(text) {
        let line = syms_line(word, &resolver.resolve(address));
        if out.len() + line.len() > maxstringlen {
            break;
        }
        out.extend_from_slice(&line);
    }
    out.truncate(maxstringlen.saturating_sub(1));
    out
}

/// Reads a hex stack string back (`print_stack(backtrace())`): tokens are
/// separated by whitespace, with or without `0x`. A token that is not hex
/// ends the list, like SystemTap's own parser stopping at garbage.
pub fn parse_hex_stack(text: &str) -> Vec<u64> {
    text.split_whitespace()
        .map_while(|token| {
            let digits = token
                .strip_prefix("0x")
                .or_else(|| token.strip_prefix("0X"))
                .unwrap_or(token);
            u64::from_str_radix(digits, 16).ok()
        })
        .collect()
}

/// `umodname`'s short name: the last path component.
pub fn module_basename(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// SystemTap drops a leading `.` (ppc64 function-descriptor entry points).
fn display_name(name: &str) -> &str {
    name.strip_prefix('.').unwrap_or(name)
}
