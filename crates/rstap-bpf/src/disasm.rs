//! A disassembler printing the kernel verifier's syntax (`r1 = *(u64 *)(r10 -8)`), so
//! `-p3` listings read like verifier logs.

use crate::helpers;
use crate::insn::*;

fn size_name(code: u8) -> &'static str {
    match code & 0x18 {
        B => "u8",
        H => "u16",
        W => "u32",
        _ => "u64",
    }
}

fn alu_sym(op: u8) -> &'static str {
    match op {
        0x00 => "+=",
        0x10 => "-=",
        0x20 => "*=",
        0x30 => "/=",
        0x40 => "|=",
        0x50 => "&=",
        0x60 => "<<=",
        0x70 => ">>=",
        0x90 => "%=",
        0xa0 => "^=",
        0xb0 => "=",
        0xc0 => "s>>=",
        _ => "?=",
    }
}

fn jmp_sym(op: u8) -> &'static str {
    match op {
        0x10 => "==",
        0x20 => ">",
        0x30 => ">=",
        0x40 => "&",
        0x50 => "!=",
        0x60 => "s>",
        0x70 => "s>=",
        0xa0 => "<",
        0xb0 => "<=",
        0xc0 => "s<",
        0xd0 => "s<=",
        _ => "?",
    }
}

fn offset(off: i16) -> String {
    if off < 0 {
        format!("{off}")
    } else {
        format!("+{off}")
    }
}

/// One line per instruction (a 64-bit immediate load takes two slots and one line).
/// `map_names` gives the name of each map index for `ld_imm64` map references.
pub fn disassemble(code: &Assembled, map_names: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.insns.len() {
        let insn = code.insns[i];
        let text = if insn.code == LD | DW | IMM {
            let hi = code.insns.get(i + 1).map_or(0, |n| n.imm as u32 as u64);
            let v = (insn.imm as u32 as u64) | (hi << 32);
            let text = match code.map_relocs.iter().find(|r| r.insn == i) {
                _ if insn.src == PSEUDO_FUNC => {
                    format!("r{} = subprog[{:+}]", insn.dst, insn.imm as i64 + 1)
                }
                Some(r) if insn.src == PSEUDO_MAP_VALUE => format!(
                    "r{} = map_value[{}] + {hi}",
                    insn.dst,
                    map_names.get(r.map).map_or("?", String::as_str)
                ),
                Some(r) => format!(
                    "r{} = map[{}]",
                    insn.dst,
                    map_names.get(r.map).map_or("?", String::as_str)
                ),
                None => format!("r{} = {v:#x} ll", insn.dst),
            };
            out.push(format!("{i:4}: {text}"));
            i += 2;
            continue;
        } else {
            one(insn)
        };
        out.push(format!("{i:4}: {text}"));
        i += 1;
    }
    out
}

/// The verifier-syntax text of one (non-`ld_imm64`) instruction.
pub fn one(insn: Insn) -> String {
    let (d, s) = (insn.dst, insn.src);
    match insn.class() {
        ALU64 | ALU => {
            let w = if insn.class() == ALU { "w" } else { "r" };
            let op = insn.code & 0xf0;
            if op == Alu::Neg as u8 {
                return format!("{w}{d} = -{w}{d}");
            }
            let signed = if insn.off == 1 && (op == 0x30 || op == 0x90) {
                "s"
            } else {
                ""
            };
            let sym = format!("{signed}{}", alu_sym(op));
            if insn.code & X != 0 {
                format!("{w}{d} {sym} {w}{s}")
            } else {
                format!("{w}{d} {sym} {}", insn.imm)
            }
        }
        LDX => {
            let size = size_name(insn.code);
            let size = if insn.code & 0xe0 == MEMSX {
                size.replacen('u', "s", 1)
            } else {
                size.to_string()
            };
            format!("r{d} = *({size} *)(r{s} {})", offset(insn.off))
        }
        STX if insn.code & 0xe0 == ATOMIC && insn.imm & 1 == 1 => format!(
            "r{s} = atomic64_fetch_add((u64 *)(r{d} {}), r{s})",
            offset(insn.off)
        ),
        STX if insn.code & 0xe0 == ATOMIC => format!(
            "lock *({} *)(r{d} {}) += r{s}",
            size_name(insn.code),
            offset(insn.off)
        ),
        STX => format!(
            "*({} *)(r{d} {}) = r{s}",
            size_name(insn.code),
            offset(insn.off)
        ),
        ST => format!(
            "*({} *)(r{d} {}) = {}",
            size_name(insn.code),
            offset(insn.off),
            insn.imm
        ),
        JMP | JMP32 => {
            let op = insn.code & 0xf0;
            match op {
                CALL => match helpers::name(insn.imm) {
                    Some(n) => format!("call {n}#{}", insn.imm),
                    None => format!("call #{}", insn.imm),
                },
                EXIT => "exit".to_string(),
                JA => format!("goto pc{}", offset(insn.off)),
                _ => {
                    let w = if insn.class() == JMP32 { "w" } else { "r" };
                    let rhs = if insn.code & X != 0 {
                        format!("{w}{s}")
                    } else {
                        format!("{:#x}", insn.imm)
                    };
                    format!(
                        "if {w}{d} {} {rhs} goto pc{}",
                        jmp_sym(op),
                        offset(insn.off)
                    )
                }
            }
        }
        _ => format!("(unknown opcode {:#04x})", insn.code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifier_syntax() {
        let mut a = Asm::new();
        let l = a.label();
        a.mov(R6, R1);
        a.ld_map(R1, 0);
        a.store(Size::U64, R10, -8, R1);
        a.load(Size::U32, R2, R6, 16);
        a.load_sx(Size::U8, R2, R6, 16);
        a.store_imm(Size::U32, R10, -4, 0);
        a.alu64_imm(Alu::Add, R2, -8);
        a.sdiv_reg(false, R2, R3);
        a.atomic_add(R0, 0, R1);
        a.jmp_imm(Cond::Sgt, R0, 3, l);
        a.call(helpers::MAP_LOOKUP_ELEM);
        a.bind(l);
        a.ld_imm64(R3, 0, 0x1122334455);
        a.exit();
        let p = a.finish().unwrap();
        let text = disassemble(&p, &["counts".into()]).join("\n");
        let want = "   0: r6 = r1
   1: r1 = map[counts]
   3: *(u64 *)(r10 -8) = r1
   4: r2 = *(u32 *)(r6 +16)
   5: r2 = *(s8 *)(r6 +16)
   6: *(u32 *)(r10 -4) = 0
   7: r2 += -8
   8: r2 s/= r3
   9: lock *(u64 *)(r0 +0) += r1
  10: if r0 s> 0x3 goto pc+1
  11: call bpf_map_lookup_elem#1
  12: r3 = 0x1122334455 ll
  14: exit";
        assert_eq!(text, want);
    }
}
