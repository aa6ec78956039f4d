//! IR data types.

use rstap_diag::Span;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct GlobalId(pub u32);
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct FuncId(pub u32);
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct LocalId(pub u32);
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct ProbeId(pub u32);

/// The type of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Type {
    Long,
    String,
    /// No value: statements, calls of functions that return nothing.
    Void,
}

/// A whole elaborated program.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Program {
    pub globals: Vec<Global>,
    pub functions: Vec<Function>,
    pub probes: Vec<Probe>,
    /// Probes dropped because they do nothing: still points the script asked for, so a
    /// run checks that this kernel could attach them.
    #[serde(default)]
    pub elided: Vec<ElidedProbe>,
}

/// A probe with an empty body, dropped from [`Program::probes`].
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ElidedProbe {
    pub pp: String,
    pub kind: ProbeKind,
    pub span: Span,
}

impl Program {
    pub fn global(&self, id: GlobalId) -> &Global {
        &self.globals[id.0 as usize]
    }
    pub fn function(&self, id: FuncId) -> &Function {
        &self.functions[id.0 as usize]
    }
    pub fn probe(&self, id: ProbeId) -> &Probe {
        &self.probes[id.0 as usize]
    }
}

/// What one `<<<` statistic has to keep, decided from every extractor used on it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StatSpec {
    /// `@hist_log` is used on it.
    pub log_hist: bool,
    /// `@hist_linear(x, start, stop, interval)` is used on it (one set of bounds per stat).
    pub linear_hist: Option<LinearBounds>,
    /// `@variance(x, shift)`: `Some(shift)` when variance is used (shift 0 if not given).
    pub variance_shift: Option<u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct LinearBounds {
    pub start: i64,
    pub stop: i64,
    pub interval: i64,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum GlobalKind {
    Scalar(Type),
    Stat(StatSpec),
    Array { keys: Vec<Type>, value: Type },
    StatArray { keys: Vec<Type>, stat: StatSpec },
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Literal {
    Long(i64),
    String(Vec<u8>),
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Global {
    /// The name as written (private globals keep their written name here; uniqueness
    /// comes from the id).
    pub name: String,
    pub kind: GlobalKind,
    pub init: Option<Literal>,
    /// `a[N]`: entry limit; `None` means MAXMAPENTRIES.
    pub max_entries: Option<u64>,
    /// `a%`: wrap-around (evict the oldest entry instead of overflowing).
    pub wrap: bool,
    pub from_tapset: bool,
    /// Written but never read by a user-script global: printed at exit (unless
    /// `--no-global-var-display`).
    pub display_at_exit: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Local {
    pub name: String,
    pub ty: Type,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Function {
    pub name: String,
    /// Parameters are the first `arity` locals.
    pub arity: usize,
    pub locals: Vec<Local>,
    /// `Type::Void` for functions that return nothing.
    pub ret: Type,
    pub body: FunctionBody,
    /// The next same-arity overload in priority order: where `next` continues.
    pub next_overload: Option<FuncId>,
    pub from_tapset: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum FunctionBody {
    Block(Block),
    /// Implemented by each executor natively (a tapset function declared with an
    /// embedded `/* intrinsic */` body); the string names the implementation.
    Intrinsic(String),
}

/// A concrete, resolved probe point.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ProbeKind {
    /// `begin(N)`, `end(N)`, `error(N)`: run in userspace, ordered by N.
    Begin(i64),
    End(i64),
    Error(i64),
    Never,
    /// `timer.s/ms/us/ns/hz/jiffies(N)[.randomize(M)]`, one CPU.
    Timer {
        period_ns: u64,
        randomize_ns: u64,
    },
    /// `timer.profile.tick`, `timer.profile.freq.hz(N)`: every CPU.
    Profile {
        freq_hz: Option<u64>,
    },
    /// `perf.type(T).config(C)[.sample(N)|.hz(F)]`, every CPU.
    Perf {
        type_: u32,
        config: u64,
        sample: PerfSample,
    },
    /// `kernel.trace("system:name")`: a kernel tracepoint; `fields` is its record layout
    /// from tracefs, which context variables (`$prev_pid`) read.
    Tracepoint {
        system: String,
        name: String,
        fields: Vec<TracepointField>,
    },
    /// `kernel.function("NAME")[.call|.return]`, `module("M").function(...)` and
    /// `kprobe.function(...)`: a kernel function's entry or return, through fentry/fexit
    /// where the kernel allows them and kprobes otherwise.
    KernelFunction {
        function: String,
        module: Option<String>,
        ret: bool,
        /// `kprobe.function`: kprobes only.
        kprobe_only: bool,
        /// The function's BTF type id (0 when the kernel has no BTF for it).
        btf_id: u32,
        /// Its parameters, in order, from BTF.
        params: Vec<FuncParam>,
    },
    /// `process("PATH").function("NAME")[.return]` and `process("PATH").mark("NAME")`: a
    /// uprobe (uretprobe) at a file offset of a user binary, in every process running it.
    Uprobe {
        /// The binary's absolute path.
        path: String,
        /// The function probed, or the one holding the mark (`probefunc()`).
        function: String,
        /// Where the probed instruction lies in the file.
        offset: u64,
        ret: bool,
        /// The USDT site, for `.mark` probes.
        mark: Option<UsdtSite>,
        /// What the probed instruction is: a function's entry (or its return), a
        /// statement, a PLT stub, an inlined copy.
        #[serde(default)]
        site: UprobeSite,
        /// The processes it fires in, when not every process mapping the file.
        #[serde(default)]
        only: Option<ProcessFilter>,
    },
    /// `procfs("path").read/.write`.
    Procfs {
        path: String,
        write: bool,
        max_size: Option<u64>,
        umask: Option<u32>,
    },
}

/// What a uprobe's instruction is, which decides the context it offers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum UprobeSite {
    /// A function's first instruction (`.function`, `.return`) or a USDT site (`.mark`):
    /// parameters are in their argument registers.
    #[default]
    Entry,
    /// `.statement(...)`: an instruction inside a function.
    Statement,
    /// `.plt("NAME")`: the PLT stub calling `NAME` (the probe's function).
    Plt,
    /// `.function("NAME").inline`: the start of an inlined copy of `NAME`.
    Inline,
}

/// Which processes a uprobe fires in.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ProcessFilter {
    /// `process(PID)`: the threads of the process with this id.
    Pid(u32),
    /// `process("PATH").library(...)`: processes whose executable file has this inode
    /// number (the one of `path` when the probe was resolved).
    Executable { path: String, inode: u64 },
}

/// A USDT (`<sys/sdt.h>`) probe site of a user binary.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UsdtSite {
    pub provider: String,
    pub name: String,
    /// The file offset of its semaphore, which the kernel counts up while a probe is
    /// attached so the program evaluates the arguments.
    pub semaphore: Option<u64>,
    /// `$arg1`, `$arg2`...
    pub args: Vec<UsdtArg>,
}

/// Where a USDT argument lies at the probed instruction, and its width.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UsdtArg {
    /// Bytes: 1, 2, 4 or 8.
    pub size: u8,
    pub signed: bool,
    pub location: UsdtLocation,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum UsdtLocation {
    /// A register, by its x86-64 `pt_regs` name (`di`, `ax`, `r12`).
    Register(String),
    /// User memory at a register plus an offset.
    Memory {
        base: String,
        offset: i64,
    },
    Constant(i64),
    /// An operand the code generator cannot read, as the binary wrote it.
    Unsupported(String),
}

/// One field of a tracepoint record, as its tracefs `format` file describes it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TracepointField {
    pub name: String,
    /// The C declaration's type, e.g. `pid_t`, `char[16]`, `__data_loc char[]`.
    pub c_type: String,
    pub offset: u32,
    pub size: u32,
    pub signed: bool,
    pub kind: FieldKind,
}

/// One parameter of a probed kernel function.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FuncParam {
    pub name: String,
    /// The C type as BTF names it, e.g. `struct file *`, `size_t`.
    pub c_type: String,
    /// Bytes of an integer (8 for pointers); values are extended from this width.
    pub size: u32,
    pub signed: bool,
    /// Its type's id in the kernel's BTF, for `$param->member` (0: unknown).
    #[serde(default)]
    pub btf_type: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FieldKind {
    /// An integer of `size` bytes (also enums and booleans).
    Integer,
    /// A pointer, read as a long.
    Pointer,
    /// `char name[N]`: a string of at most N bytes stored in the record.
    CharArray,
    /// `__data_loc char[]`: a 32-bit (length << 16 | offset) locating a string.
    DataLocString,
    /// An argument of the system call's entry (`sys_enter_*`) record, offered to its
    /// `sys_exit_*` probe: the value saved when the call entered, by thread. `offset`
    /// and `size` are those of the entry record.
    EntryArg,
}

impl FieldKind {
    pub fn is_string(self) -> bool {
        matches!(self, FieldKind::CharArray | FieldKind::DataLocString)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PerfSample {
    Period(u64),
    Frequency(u64),
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Probe {
    pub kind: ProbeKind,
    /// The fully expanded probe point, what `pp()` returns (`timer.s(1)`, `begin`).
    pub pp: String,
    /// The probe point as written in the script, what `pn()` returns.
    pub pn: String,
    /// The chain of alias names this point came through, outermost first, for `-p2`
    /// comments (`begin /* <- init = begin(...) <- init */`).
    pub derivation: Vec<String>,
    pub locals: Vec<Local>,
    /// `if (cond)` arming condition over globals.
    pub condition: Option<Expr>,
    /// Alias prologues, the user body and alias epilogues, already merged.
    pub body: Block,
    pub from_tapset: bool,
    pub span: Span,
}

impl Probe {
    /// What `ppfunc()` returns: the function a `.function("F...")` or
    /// `.statement("F@...")` point names, without its `@FILE...` part; empty for other
    /// points.
    pub fn ppfunc(&self) -> String {
        for head in [".function(\"", ".statement(\""] {
            if let Some(at) = self.pp.rfind(head) {
                let rest = &self.pp[at + head.len()..];
                let end = rest.find(['@', '"']).unwrap_or(rest.len());
                return rest[..end].to_string();
            }
        }
        String::new()
    }

    /// What `is_return()` returns: whether the probe fires as a function returns (a
    /// `.return` of a kernel or user function, or a system call's exit tracepoint).
    pub fn is_return(&self) -> bool {
        match &self.kind {
            ProbeKind::KernelFunction { ret, .. } | ProbeKind::Uprobe { ret, .. } => *ret,
            ProbeKind::Tracepoint { system, name, .. } => {
                (system == "syscalls" && name.starts_with("sys_exit_"))
                    || (system == "raw_syscalls" && name == "sys_exit")
            }
            _ => false,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Block {
    pub stmts: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum StmtKind {
    Block(Block),
    Expr(Expr),
    If {
        cond: Expr,
        then: Box<Stmt>,
        els: Option<Box<Stmt>>,
    },
    /// `while` and `for` (init already hoisted before it; `step` runs after the body and
    /// on `continue`).
    Loop {
        cond: Option<Expr>,
        step: Option<Expr>,
        body: Box<Stmt>,
    },
    Foreach(Box<Foreach>),
    Break,
    Continue,
    /// In a probe: leave the handler. In a function: continue with the next same-arity
    /// overload, or raise `all functions exhausted`.
    Next,
    Return(Option<Expr>),
    Delete(DeleteTarget),
    Try {
        body: Block,
        catch_var: Option<LocalId>,
        catch: Block,
    },
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum DeleteTarget {
    /// `delete scalar` / `delete stat`: reset to 0, "" or empty.
    Global(GlobalId),
    /// `delete local`
    Local(LocalId),
    /// `delete A`
    Array(GlobalId),
    /// `delete A[k...]`; `None` keys are `*` wildcards.
    Element {
        array: GlobalId,
        keys: Vec<Option<Expr>>,
    },
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Foreach {
    pub source: ForeachSource,
    pub keys: Vec<LocalId>,
    pub value: Option<LocalId>,
    pub sort: Option<Sort>,
    /// `None` entries are `*`.
    pub slice: Option<Vec<Option<Expr>>>,
    pub limit: Option<Expr>,
    pub body: Box<Stmt>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ForeachSource {
    Array(GlobalId),
    /// Bucket numbers of a histogram of a stat.
    Histogram(HistogramRef),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SortKey {
    Key(usize),
    Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sort {
    pub by: SortKey,
    pub descending: bool,
    /// For stat arrays sorted by value: which statistic (default `Count`).
    pub extractor: StatOp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum StatOp {
    Count,
    Sum,
    Min,
    Max,
    Avg,
    Variance,
}

/// A statistic: a stat global or one element of a stat array.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum StatRef {
    Global(GlobalId),
    Element { array: GlobalId, keys: Vec<Expr> },
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum HistogramKind {
    Log,
    Linear(LinearBounds),
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HistogramRef {
    pub stat: StatRef,
    pub kind: HistogramKind,
}

/// An assignable place.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum LValue {
    Local(LocalId),
    Global(GlobalId),
    Element { array: GlobalId, keys: Vec<Expr> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum UnaryOp {
    Neg,
    /// Logical not: 1 if the operand is 0.
    Not,
    BitNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    /// Truncating; `division by 0` at run time.
    Div,
    Mod,
    /// Shift counts are masked to 0..63.
    Shl,
    Shr,
    UShr,
    BitAnd,
    BitOr,
    BitXor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CompareOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

/// Compound assignment operators (plain `=` is `None` in [`ExprKind::Assign`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CompoundOp {
    Arith(BinaryOp),
    /// `.=`
    Concat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct PrintKind {
    pub to_string: bool,
    pub newline: bool,
    pub char: bool,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum PrintArg {
    Value(Expr),
    /// `print(@hist_log(x))` and friends.
    Histogram(HistogramRef),
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Type,
    /// The principal token, for runtime errors ("near operator '/'").
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ExprKind {
    Long(i64),
    String(Vec<u8>),
    Local(LocalId),
    Global(GlobalId),
    /// Read of an array element; a missing element reads as 0 or "".
    Element {
        array: GlobalId,
        keys: Vec<Expr>,
    },
    /// `[k...] in A`; `None` keys are `*`.
    In {
        array: GlobalId,
        keys: Vec<Option<Expr>>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// Comparison of two longs or of two strings (by `lhs.ty`).
    Compare {
        op: CompareOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `.`: truncated at MAXSTRINGLEN.
    Concat {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// Short-circuit `&&` (`and = true`) / `||`; yields 0 or 1.
    Logical {
        and: bool,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Ternary {
        cond: Box<Expr>,
        then: Box<Expr>,
        els: Box<Expr>,
    },
    /// `=` (op `None`) and compound assignments; yields the stored value.
    Assign {
        target: LValue,
        op: Option<CompoundOp>,
        value: Box<Expr>,
    },
    /// `++`/`--`; yields the new value when `prefix`, the old one otherwise.
    IncDec {
        target: LValue,
        increment: bool,
        prefix: bool,
    },
    /// `stat <<< value`; yields the value.
    Aggregate {
        stat: StatRef,
        value: Box<Expr>,
    },
    /// `@count(x)` ...; `shift` only for `@variance`.
    StatGet {
        op: StatOp,
        stat: StatRef,
    },
    /// `@hist_log(x)[i]`: the count in bucket `i`.
    HistogramBucket {
        histogram: HistogramRef,
        index: Box<Expr>,
    },
    /// `s =~ "re"`; `matched()` etc. read the last match.
    Regex {
        negated: bool,
        subject: Box<Expr>,
        pattern: Vec<u8>,
    },
    Call {
        func: FuncId,
        args: Vec<Expr>,
    },
    /// `print`, `println`, `print_char` and their `s` forms (arguments concatenated).
    Print {
        kind: PrintKind,
        args: Vec<PrintArg>,
    },
    /// `printd`/`printdln`/`sprintd`/`sprintdln`.
    PrintDelimited {
        kind: PrintKind,
        delimiter: Vec<u8>,
        args: Vec<Expr>,
    },
    /// `printf`/`sprintf`; the format was validated and its arguments type-checked.
    Printf {
        to_string: bool,
        format: Vec<u8>,
        args: Vec<Expr>,
    },
}

impl Expr {
    pub fn new(kind: ExprKind, ty: Type, span: Span) -> Expr {
        Expr { kind, ty, span }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(kind: ProbeKind, pp: &str) -> Probe {
        Probe {
            kind,
            pp: pp.into(),
            pn: pp.into(),
            derivation: vec![],
            locals: vec![],
            condition: None,
            body: Block::default(),
            from_tapset: false,
            span: rstap_diag::Span::DUMMY,
        }
    }

    fn uprobe(ret: bool) -> ProbeKind {
        ProbeKind::Uprobe {
            path: "/bin/x".into(),
            function: "main".into(),
            offset: 0x1000,
            ret,
            mark: None,
            site: UprobeSite::Entry,
            only: None,
        }
    }

    #[test]
    fn ppfunc_and_is_return_follow_the_probe_point() {
        let p = probe(
            uprobe(true),
            r#"process("/bin/x").function("main@/src/x.c:10").return"#,
        );
        assert_eq!((p.ppfunc().as_str(), p.is_return()), ("main", true));
        let p = probe(
            uprobe(false),
            r#"process("/bin/x").library("/lib/l.so").function("f").label("out")"#,
        );
        assert_eq!((p.ppfunc().as_str(), p.is_return()), ("f", false));
        let p = probe(
            uprobe(false),
            r#"process("/bin/x").statement("step@/src/x.c:12")"#,
        );
        assert_eq!(p.ppfunc(), "step");
        let exit = |name: &str| {
            probe(
                ProbeKind::Tracepoint {
                    system: "syscalls".into(),
                    name: name.into(),
                    fields: vec![],
                },
                &format!("kernel.trace(\"syscalls:{name}\")"),
            )
        };
        assert_eq!(
            (
                exit("sys_exit_read").ppfunc().as_str(),
                exit("sys_exit_read").is_return()
            ),
            ("", true)
        );
        assert!(!exit("sys_enter_read").is_return());
        assert!(!probe(ProbeKind::Begin(0), "begin").is_return());
    }
}
