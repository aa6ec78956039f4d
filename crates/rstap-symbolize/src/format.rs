//! SystemTap's textual forms of addresses and stacks.
//!
//! SystemTap builds every form from one set of switches (symbol, hex
//! address, module, offset, size, leading space, newline). The styles here
//! are the combinations its tapset functions use; hex is always `0x%x`
//! without padding, and an offset of zero prints as `0x0`.

use std::fmt::Write as _;

use crate::resolved::ResolvedAddress;

/// Maximum number of frames SystemTap collects for a backtrace.
pub const MAXBACKTRACE: usize = 20;

/// The line shapes of SystemTap's stack printers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameStyle {
    /// `print_backtrace`, `print_ubacktrace`, `print_stack`, `print_ustack`,
    /// `print_syms`, `print_usyms`:
    /// ` 0xADDR : sym+0xOFF/0xSIZE [module]`.
    Full,
    /// `sprint_backtrace`, `sprint_ubacktrace`, `sprint_stack`,
    /// `sprint_syms`: `sym+0xOFF [module-basename]`.
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

/// `caller()`: `sym 0xADDR` of the calling frame.
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

/// The frames `callers(n)`/`ucallers(n)` print: frame 0 is the probed
/// location itself (the "top level" the SystemTap manual excludes), so the
/// callers are the frames after it; `n` of -1 (any negative) means all.
pub fn callers_frames(stack: &[u64], n: i64) -> &[u64] {
    let callers = stack.get(1..).unwrap_or(&[]);
    match usize::try_from(n) {
        Ok(n) => &callers[..n.min(callers.len())],
        Err(_) => callers,
    }
}

/// `callers(n)`/`ucallers(n)` as SystemTap returns it: hex, space-separated.
pub fn callers(stack: &[u64], n: i64) -> String {
    hex_stack(callers_frames(stack, n))
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
