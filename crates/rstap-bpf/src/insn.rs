//! BPF instructions: encoding, and an assembler with labels and jump fix-ups.

/// A BPF register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Reg(pub u8);

pub const R0: Reg = Reg(0);
pub const R1: Reg = Reg(1);
pub const R2: Reg = Reg(2);
pub const R3: Reg = Reg(3);
pub const R4: Reg = Reg(4);
pub const R5: Reg = Reg(5);
pub const R6: Reg = Reg(6);
pub const R7: Reg = Reg(7);
pub const R8: Reg = Reg(8);
pub const R9: Reg = Reg(9);
pub const R10: Reg = Reg(10);

// Instruction classes.
pub const LD: u8 = 0x00;
pub const LDX: u8 = 0x01;
pub const ST: u8 = 0x02;
pub const STX: u8 = 0x03;
pub const ALU: u8 = 0x04;
pub const JMP: u8 = 0x05;
pub const JMP32: u8 = 0x06;
pub const ALU64: u8 = 0x07;

// Sizes.
pub const W: u8 = 0x00;
pub const H: u8 = 0x08;
pub const B: u8 = 0x10;
pub const DW: u8 = 0x18;

// Modes.
pub const IMM: u8 = 0x00;
pub const MEM: u8 = 0x60;
pub const MEMSX: u8 = 0x80;
pub const ATOMIC: u8 = 0xc0;

// Sources.
pub const K: u8 = 0x00;
pub const X: u8 = 0x08;

/// ALU operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Alu {
    Add = 0x00,
    Sub = 0x10,
    Mul = 0x20,
    Div = 0x30,
    Or = 0x40,
    And = 0x50,
    Lsh = 0x60,
    Rsh = 0x70,
    Neg = 0x80,
    Mod = 0x90,
    Xor = 0xa0,
    Mov = 0xb0,
    Arsh = 0xc0,
}

/// Jump conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Cond {
    Eq = 0x10,
    Gt = 0x20,
    Ge = 0x30,
    Set = 0x40,
    Ne = 0x50,
    Sgt = 0x60,
    Sge = 0x70,
    Lt = 0xa0,
    Le = 0xb0,
    Slt = 0xc0,
    Sle = 0xd0,
}

pub const JA: u8 = 0x00;
pub const CALL: u8 = 0x80;
pub const EXIT: u8 = 0x90;

/// Memory access width.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Size {
    U8,
    U16,
    U32,
    U64,
}

impl Size {
    pub fn code(self) -> u8 {
        match self {
            Size::U8 => B,
            Size::U16 => H,
            Size::U32 => W,
            Size::U64 => DW,
        }
    }
    pub fn bytes(self) -> u32 {
        match self {
            Size::U8 => 1,
            Size::U16 => 2,
            Size::U32 => 4,
            Size::U64 => 8,
        }
    }
    pub fn from_bytes(n: u32) -> Option<Size> {
        match n {
            1 => Some(Size::U8),
            2 => Some(Size::U16),
            4 => Some(Size::U32),
            8 => Some(Size::U64),
            _ => None,
        }
    }
}

/// `src_reg` of a 64-bit immediate load that refers to a map by file descriptor.
pub const PSEUDO_MAP_FD: u8 = 1;
/// `src_reg` of a 64-bit immediate load of the address of a map value.
pub const PSEUDO_MAP_VALUE: u8 = 2;
/// `src_reg` of a 64-bit immediate load of a subprogram (callbacks).
pub const PSEUDO_FUNC: u8 = 4;

/// One 8-byte instruction slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Insn {
    pub code: u8,
    pub dst: u8,
    pub src: u8,
    pub off: i16,
    pub imm: i32,
}

impl Insn {
    pub const fn new(code: u8, dst: u8, src: u8, off: i16, imm: i32) -> Insn {
        Insn {
            code,
            dst,
            src,
            off,
            imm,
        }
    }

    /// The little-endian encoding the kernel reads.
    pub fn encode(self) -> u64 {
        (self.code as u64)
            | ((self.dst as u64 & 0xf) << 8)
            | ((self.src as u64 & 0xf) << 12)
            | ((self.off as u16 as u64) << 16)
            | ((self.imm as u32 as u64) << 32)
    }

    pub fn decode(v: u64) -> Insn {
        Insn {
            code: v as u8,
            dst: ((v >> 8) & 0xf) as u8,
            src: ((v >> 12) & 0xf) as u8,
            off: (v >> 16) as u16 as i16,
            imm: (v >> 32) as u32 as i32,
        }
    }

    pub fn class(self) -> u8 {
        self.code & 0x07
    }
}

/// A jump target, bound to an instruction index once known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Label(pub u32);

/// Where an instruction refers to a map whose descriptor is known only at load time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct MapReloc {
    /// Index of the first slot of the `ld_imm64`.
    pub insn: usize,
    /// Index into the program's map list.
    pub map: usize,
}

/// An assembler: emits instructions, resolves labels, records map references.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Asm {
    pub insns: Vec<Insn>,
    labels: Vec<Option<usize>>,
    fixups: Vec<(usize, Label)>,
    pub map_relocs: Vec<MapReloc>,
    /// Source line records: (instruction index, opaque source position id).
    pub lines: Vec<(usize, u32)>,
    /// `ld_imm64` of a subprogram: (instruction, subprogram index), patched when the
    /// subprograms are appended after the main program.
    pub func_relocs: Vec<(usize, usize)>,
    /// False after an unconditional jump or exit until a label that some emitted jump
    /// targets: instructions there could never run, and the verifier refuses them, so
    /// they are not emitted.
    dead: bool,
}

/// An assembly error (only produced by code generator bugs or oversized programs).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AsmError {
    UnboundLabel(u32),
    JumpTooFar { at: usize, distance: i64 },
}

impl std::fmt::Display for AsmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AsmError::UnboundLabel(l) => write!(f, "label {l} was never bound"),
            AsmError::JumpTooFar { at, distance } => {
                write!(
                    f,
                    "jump at instruction {at} spans {distance} slots, beyond 16 bits"
                )
            }
        }
    }
}

impl Asm {
    pub fn new() -> Asm {
        Asm::default()
    }

    pub fn len(&self) -> usize {
        self.insns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.insns.is_empty()
    }

    pub fn label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        self.labels[l.0 as usize] = Some(self.insns.len());
        if self.dead && self.fixups.iter().any(|&(_, t)| t == l) {
            self.dead = false;
        }
    }

    /// Whether the next instruction can be reached.
    pub fn is_live(&self) -> bool {
        !self.dead
    }

    pub fn raw(&mut self, i: Insn) {
        if self.dead {
            return;
        }
        self.insns.push(i);
        if i.class() == JMP && (i.code & 0xf0 == JA || i.code & 0xf0 == EXIT) {
            self.dead = true;
        }
    }

    fn jump(&mut self, i: Insn, to: Label) {
        if self.dead {
            return;
        }
        self.fixups.push((self.insns.len(), to));
        self.raw(i);
    }

    pub fn line(&mut self, pos: u32) {
        if self.dead {
            return;
        }
        if self
            .lines
            .last()
            .is_some_and(|&(at, _)| at == self.insns.len())
        {
            self.lines.pop();
        }
        self.lines.push((self.insns.len(), pos));
    }

    // ALU.
    pub fn alu64_imm(&mut self, op: Alu, dst: Reg, imm: i32) {
        self.raw(Insn::new(ALU64 | op as u8 | K, dst.0, 0, 0, imm));
    }
    pub fn alu64_reg(&mut self, op: Alu, dst: Reg, src: Reg) {
        self.raw(Insn::new(ALU64 | op as u8 | X, dst.0, src.0, 0, 0));
    }
    /// Signed division or modulo (`off = 1`, BPF ISA v4).
    pub fn sdiv_reg(&mut self, modulo: bool, dst: Reg, src: Reg) {
        let op = if modulo { Alu::Mod } else { Alu::Div };
        self.raw(Insn::new(ALU64 | op as u8 | X, dst.0, src.0, 1, 0));
    }
    pub fn alu32_imm(&mut self, op: Alu, dst: Reg, imm: i32) {
        self.raw(Insn::new(ALU | op as u8 | K, dst.0, 0, 0, imm));
    }
    pub fn mov_imm(&mut self, dst: Reg, imm: i32) {
        self.alu64_imm(Alu::Mov, dst, imm);
    }
    pub fn mov(&mut self, dst: Reg, src: Reg) {
        self.alu64_reg(Alu::Mov, dst, src);
    }
    pub fn neg(&mut self, dst: Reg) {
        self.raw(Insn::new(ALU64 | Alu::Neg as u8, dst.0, 0, 0, 0));
    }
    /// A 64-bit constant: one slot when it fits a sign-extended 32-bit immediate.
    pub fn load_const(&mut self, dst: Reg, v: i64) {
        if v == v as i32 as i64 {
            self.mov_imm(dst, v as i32);
        } else {
            self.ld_imm64(dst, 0, v);
        }
    }
    pub fn ld_imm64(&mut self, dst: Reg, src: u8, v: i64) {
        self.raw(Insn::new(LD | DW | IMM, dst.0, src, 0, v as i32));
        self.raw(Insn::new(0, 0, 0, 0, (v >> 32) as i32));
    }
    /// `dst = map` (the map's descriptor is patched in at load time).
    pub fn ld_map(&mut self, dst: Reg, map: usize) {
        if self.dead {
            return;
        }
        self.map_relocs.push(MapReloc {
            insn: self.insns.len(),
            map,
        });
        self.ld_imm64(dst, PSEUDO_MAP_FD, 0);
    }
    /// `dst = subprogram` (a callback for `bpf_for_each_map_elem`).
    pub fn ld_func(&mut self, dst: Reg, sub: usize) {
        if self.dead {
            return;
        }
        self.func_relocs.push((self.insns.len(), sub));
        self.ld_imm64(dst, PSEUDO_FUNC, 0);
    }

    /// `dst = &map.value[off]` for a single-entry array map (no helper call needed).
    pub fn ld_map_value(&mut self, dst: Reg, map: usize, off: i32) {
        if self.dead {
            return;
        }
        self.map_relocs.push(MapReloc {
            insn: self.insns.len(),
            map,
        });
        self.raw(Insn::new(LD | DW | IMM, dst.0, PSEUDO_MAP_VALUE, 0, 0));
        self.raw(Insn::new(0, 0, 0, 0, off));
    }

    // Memory.
    pub fn load(&mut self, size: Size, dst: Reg, base: Reg, off: i16) {
        self.raw(Insn::new(LDX | size.code() | MEM, dst.0, base.0, off, 0));
    }
    /// Sign-extending load (ISA v4).
    pub fn load_sx(&mut self, size: Size, dst: Reg, base: Reg, off: i16) {
        self.raw(Insn::new(LDX | size.code() | MEMSX, dst.0, base.0, off, 0));
    }
    pub fn store(&mut self, size: Size, base: Reg, off: i16, src: Reg) {
        self.raw(Insn::new(STX | size.code() | MEM, base.0, src.0, off, 0));
    }
    pub fn store_imm(&mut self, size: Size, base: Reg, off: i16, imm: i32) {
        self.raw(Insn::new(ST | size.code() | MEM, base.0, 0, off, imm));
    }
    /// `lock *(u64 *)(base + off) += src`.
    pub fn atomic_add(&mut self, base: Reg, off: i16, src: Reg) {
        self.raw(Insn::new(
            STX | DW | ATOMIC,
            base.0,
            src.0,
            off,
            Alu::Add as i32,
        ));
    }

    /// `src = atomic_fetch_add((u64 *)(base + off), src)`: adds and returns the old value.
    pub fn atomic_fetch_add(&mut self, base: Reg, off: i16, src: Reg) {
        self.raw(Insn::new(
            STX | DW | ATOMIC,
            base.0,
            src.0,
            off,
            Alu::Add as i32 | 1,
        ));
    }

    // Control flow.
    pub fn call(&mut self, helper: i32) {
        self.raw(Insn::new(JMP | CALL, 0, 0, 0, helper));
    }
    pub fn exit(&mut self) {
        self.raw(Insn::new(JMP | EXIT, 0, 0, 0, 0));
    }
    pub fn ja(&mut self, to: Label) {
        self.jump(Insn::new(JMP | JA, 0, 0, 0, 0), to);
    }
    pub fn jmp_imm(&mut self, c: Cond, dst: Reg, imm: i32, to: Label) {
        self.jump(Insn::new(JMP | c as u8 | K, dst.0, 0, 0, imm), to);
    }
    pub fn jmp_reg(&mut self, c: Cond, dst: Reg, src: Reg, to: Label) {
        self.jump(Insn::new(JMP | c as u8 | X, dst.0, src.0, 0, 0), to);
    }

    /// Resolves every jump; returns the finished instructions.
    pub fn finish(mut self) -> Result<Assembled, AsmError> {
        for &(at, l) in &self.fixups {
            let target = self.labels[l.0 as usize].ok_or(AsmError::UnboundLabel(l.0))?;
            // A jump to the very next instruction does nothing; keep it (offset 0).
            let distance = target as i64 - at as i64 - 1;
            if distance < i16::MIN as i64 || distance > i16::MAX as i64 {
                return Err(AsmError::JumpTooFar { at, distance });
            }
            self.insns[at].off = distance as i16;
        }
        Ok(Assembled {
            insns: self.insns,
            map_relocs: self.map_relocs,
            lines: self.lines,
            func_relocs: self.func_relocs,
        })
    }
}

/// Finished code of one program.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Assembled {
    pub insns: Vec<Insn>,
    pub map_relocs: Vec<MapReloc>,
    pub lines: Vec<(usize, u32)>,
    /// Subprogram references, (instruction, subprogram index), until [`Assembled::link`].
    #[serde(default)]
    pub func_relocs: Vec<(usize, usize)>,
}

impl Assembled {
    /// Appends the subprograms after the main program and points every subprogram
    /// reference at its code.
    pub fn link(mut self, subprogs: Vec<Assembled>) -> Assembled {
        let mut starts = Vec::new();
        let mut relocs = std::mem::take(&mut self.func_relocs);
        for sub in subprogs {
            let base = self.insns.len();
            starts.push(base);
            self.insns.extend(sub.insns);
            self.map_relocs
                .extend(sub.map_relocs.into_iter().map(|r| MapReloc {
                    insn: r.insn + base,
                    map: r.map,
                }));
            self.lines
                .extend(sub.lines.into_iter().map(|(at, pos)| (at + base, pos)));
            relocs.extend(sub.func_relocs.into_iter().map(|(at, k)| (at + base, k)));
        }
        for (at, k) in relocs {
            self.insns[at].imm = (starts[k] as i64 - at as i64 - 1) as i32;
        }
        self
    }

    pub fn encode(&self) -> Vec<u64> {
        self.insns.iter().map(|i| i.encode()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_match_the_kernel_layout() {
        let mut a = Asm::new();
        a.mov_imm(R0, 7);
        a.exit();
        let code = a.finish().unwrap().encode();
        assert_eq!(code, vec![0xb7 | (7 << 32), 0x95]);
        let i = Insn::new(STX | DW | MEM, 10, 1, -8, 0);
        assert_eq!(Insn::decode(i.encode()), i);
        assert_eq!(i.encode(), 0x7b | (0xa << 8) | (1 << 12) | (0xfff8 << 16));
    }

    #[test]
    fn labels_resolve_forward_and_backward() {
        let mut a = Asm::new();
        let top = a.label();
        let out = a.label();
        a.bind(top);
        a.jmp_imm(Cond::Eq, R1, 0, out);
        a.alu64_imm(Alu::Sub, R1, 1);
        a.ja(top);
        a.bind(out);
        a.exit();
        let p = a.finish().unwrap();
        assert_eq!(p.insns[0].off, 2);
        assert_eq!(p.insns[2].off, -3);
    }

    #[test]
    fn code_after_an_unconditional_jump_is_dropped_until_a_target() {
        let mut a = Asm::new();
        let used = a.label();
        let unused = a.label();
        a.jmp_imm(Cond::Eq, R1, 0, used);
        a.exit();
        a.mov_imm(R0, 1); // dead
        a.bind(unused);
        a.mov_imm(R0, 2); // still dead: nothing jumps to `unused`
        a.bind(used);
        a.mov_imm(R0, 3);
        a.exit();
        let p = a.finish().unwrap();
        assert_eq!(p.insns.len(), 4);
        assert_eq!(p.insns[2].imm, 3);
        assert_eq!(p.insns[0].off, 1);
    }

    #[test]
    fn unbound_labels_and_wide_constants() {
        let mut a = Asm::new();
        let l = a.label();
        a.ja(l);
        assert_eq!(a.finish().unwrap_err(), AsmError::UnboundLabel(0));
        let mut a = Asm::new();
        a.load_const(R1, 1 << 40);
        a.load_const(R2, -5);
        let p = a.finish().unwrap();
        assert_eq!(p.insns.len(), 3);
        assert_eq!(p.insns[0].imm, 0);
        assert_eq!(p.insns[1].imm, 1 << 8);
        assert_eq!(p.insns[2].imm, -5);
    }
}
