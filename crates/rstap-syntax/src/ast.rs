//! The abstract syntax tree of a SystemTap script.
//!
//! Every node carries a [`Span`] that marks its *principal token*: the operator of a binary
//! expression, the identifier of a variable or call, the keyword of a statement. SystemTap
//! reports errors "near" that token, and so do we. Strings are byte strings: scripts may
//! hold any bytes through escapes.

use rstap_diag::{FileId, Span};

/// One parsed file (the user script, a tapset file, or a `-E` script).
#[derive(Clone, Debug, PartialEq)]
pub struct Script {
    pub file: FileId,
    /// True for library (tapset) files: they may hold embedded code and private symbols
    /// are mangled per file.
    pub is_tapset: bool,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Probe(Probe),
    Alias(ProbeAlias),
    Global(GlobalDecl),
    Function(Function),
    /// Top-level `%{ ... %}`.
    Embedded(Embedded),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A literal as it appears in probe-point parameters, global initialisers and expressions.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Literal {
    Number(i64),
    String(Vec<u8>),
}

/// `probe PP[, PP...] { body }`
#[derive(Clone, Debug, PartialEq)]
pub struct Probe {
    /// Brace expansion (`{a,b}.c`) has already been applied by the parser.
    pub points: Vec<ProbePoint>,
    pub body: Block,
    /// The `probe` keyword.
    pub span: Span,
    /// `private probe` is not a thing in SystemTap, but probes in tapset files are
    /// library code; the flag is set from [`Script::is_tapset`].
    pub from_tapset: bool,
}

/// `probe NAME[, NAME...] = PP[, PP...] { prologue }[, { epilogue }]` or `+= PP { epilogue }`.
#[derive(Clone, Debug, PartialEq)]
pub struct ProbeAlias {
    pub names: Vec<ProbePoint>,
    pub kind: AliasKind,
    pub points: Vec<ProbePoint>,
    /// For `=` the prologue body, for `+=` the epilogue body.
    pub body: Block,
    /// `probe a = b { pro }, { epi }`: the epilogue of a combined alias.
    pub epilogue: Option<Block>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AliasKind {
    /// `=`: the alias body runs before the user's handler.
    Prologue,
    /// `+=`: the alias body runs after the user's handler.
    Epilogue,
}

/// A dotted probe point such as `kernel.trace("sched_switch")` or `timer.s(1)?`.
#[derive(Clone, Debug, PartialEq)]
pub struct ProbePoint {
    pub components: Vec<Component>,
    /// `?` suffix: no error when it resolves to nothing.
    pub optional: bool,
    /// `!` suffix: optional, and later alternatives are skipped when this one resolves.
    pub sufficient: bool,
    /// `if (expr)` arming condition.
    pub condition: Option<Expr>,
    pub span: Span,
}

/// One component: a name (which may contain `*`, or be `**`) and an optional parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    pub name: String,
    pub arg: Option<Literal>,
    pub span: Span,
}

/// `global a, b = 5, arr[100], w%, w2%[10]` gives one declaration per name.
#[derive(Clone, Debug, PartialEq)]
pub struct GlobalDecl {
    pub name: Ident,
    pub private: bool,
    /// A literal initialiser (scalars only).
    pub init: Option<Literal>,
    /// `name[N]`: declared as an array with at most N entries.
    pub size: Option<i64>,
    /// `name%`: wrap-around array (oldest entry evicted when full).
    pub wrap: bool,
    /// Set when the declaration is in a tapset file.
    pub from_tapset: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypeName {
    Long,
    String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Ident,
    pub ty: Option<TypeName>,
    pub ty_span: Option<Span>,
}

/// `function name[:type](params)[:priority] { body }` or `... %{ C %}`.
#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    pub name: Ident,
    pub private: bool,
    pub ret: Option<TypeName>,
    pub params: Vec<Param>,
    /// Explicit `:N` priority for same-arity overloads (must be > 0).
    pub priority: Option<i64>,
    pub body: FunctionBody,
    pub from_tapset: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FunctionBody {
    Block(Block),
    Embedded(Embedded),
}

/// `%{ ... %}` embedded code: kept as text. rstap runs BPF, so only our own tapsets may
/// use it, with a `/* bpf */` or `/* intrinsic */` pragma that rstap understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embedded {
    pub code: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    /// The opening brace.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `;`
    Null,
    Block(Block),
    Expr(Expr),
    If {
        cond: Expr,
        then: Box<Stmt>,
        els: Option<Box<Stmt>>,
    },
    While {
        cond: Expr,
        body: Box<Stmt>,
    },
    For {
        init: Option<Expr>,
        cond: Option<Expr>,
        step: Option<Expr>,
        body: Box<Stmt>,
    },
    Foreach(Box<Foreach>),
    Break,
    Continue,
    Next,
    Return(Option<Expr>),
    /// `delete X`: the expression is an array, an indexed element (indices may be
    /// [`ExprKind::Wildcard`]), or a scalar/stat variable.
    Delete(Expr),
    Try {
        body: Block,
        /// `catch (msg)` binds the error message.
        catch_var: Option<Ident>,
        catch: Block,
    },
    /// `%{ ... %}` statement inside a function or probe body (guru only).
    Embedded(Embedded),
}

/// `foreach ([v =] k in A [sort] [slice] [limit N]) body` in all its forms.
#[derive(Clone, Debug, PartialEq)]
pub struct Foreach {
    /// `v = ...`: receives each element's value.
    pub value: Option<Ident>,
    /// Key variables, one per array dimension.
    pub keys: Vec<Ident>,
    /// Keys written as `[k1, k2]` (even with one key); kept for faithful printing.
    pub bracketed_keys: bool,
    pub source: ForeachSource,
    /// `in A[expr|*, ...]`: iterate only matching keys (`None` = `*`).
    pub slice: Option<Vec<Option<Expr>>>,
    pub sort: Option<SortSpec>,
    pub limit: Option<Expr>,
    pub body: Box<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ForeachSource {
    Array(Ident),
    /// `foreach (b in @hist_log(x))` iterates bucket numbers.
    Histogram(Box<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortTarget {
    /// Sort by the key at this position.
    Key(usize),
    /// Sort by the element value (written on the array or on the value variable).
    Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SortSpec {
    pub target: SortTarget,
    pub descending: bool,
    /// `A @sum-`: the statistic extracted from a stats array to sort by (default @count).
    pub extractor: Option<StatOp>,
    /// Set when the sort sign was written on the value variable (`v- = k in A`).
    pub on_value_var: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Plus,
    Neg,
    Not,
    BitNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Shl,
    /// `>>` arithmetic shift.
    Shr,
    /// `>>>` logical shift.
    UShr,
    BitAnd,
    BitOr,
    BitXor,
    /// `&&` (short-circuit)
    And,
    /// `||` (short-circuit)
    Or,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    /// `.` string concatenation
    Concat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Shl,
    Shr,
    BitAnd,
    BitXor,
    BitOr,
    Concat,
    /// `<<<` adds a value to a statistic.
    Aggregate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatOp {
    Count,
    Sum,
    Min,
    Max,
    Avg,
    Variance,
}

#[derive(Clone, Debug, PartialEq)]
pub enum HistKind {
    Log,
    Linear {
        start: i64,
        stop: i64,
        interval: i64,
    },
}

/// Which print builtin: `[s]print[d][ln]`, `[s]printf`, `print_char`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PrintKind {
    /// `s...`: returns the string instead of printing it.
    pub to_string: bool,
    /// `printf`: the first argument is a literal format string.
    pub format: bool,
    /// `printd`: the first argument is a literal delimiter.
    pub delimited: bool,
    /// `...ln`: appends a newline.
    pub newline: bool,
    /// `print_char`.
    pub char: bool,
}

/// One step after a context variable or cast: `->member` or `[index]`.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetStep {
    Member(Ident),
    Index(Expr),
}

/// `$`/`$$` pretty-print suffix on a target expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pretty {
    /// `$var$`: one level.
    Shallow,
    /// `$var$$`: recursive.
    Deep,
}

/// The access path shared by `$var`, `@cast` and `@var`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TargetPath {
    pub steps: Vec<TargetStep>,
    pub pretty: Option<Pretty>,
    /// `&$var->field`: take the address instead of reading.
    pub address_of: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Literal(Literal),
    /// A plain name: local, global, or parameter.
    Symbol(Ident),
    /// `a[i, j]`. In `delete` and `in` the indices may be [`ExprKind::Wildcard`].
    Index {
        array: Ident,
        indices: Vec<Expr>,
    },
    /// `*` inside an index list of `delete` or `in`.
    Wildcard,
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `s =~ "re"` / `s !~ "re"`; the pattern must be a literal string.
    Regex {
        negated: bool,
        subject: Box<Expr>,
        pattern: Vec<u8>,
    },
    Ternary {
        cond: Box<Expr>,
        then: Box<Expr>,
        els: Box<Expr>,
    },
    Assign {
        op: AssignOp,
        target: Box<Expr>,
        value: Box<Expr>,
    },
    /// `++x`, `x--`, ...
    IncDec {
        increment: bool,
        prefix: bool,
        operand: Box<Expr>,
    },
    /// `k in A`, `[k1, k2] in A` (keys may be wildcards).
    In {
        keys: Vec<Expr>,
        array: Ident,
    },
    /// A function call `f(args)`.
    Call {
        name: Ident,
        args: Vec<Expr>,
    },
    /// The print family. For `printf` the format, for `printd` the delimiter, are the
    /// first element of `args` and are string literals.
    Print {
        kind: PrintKind,
        args: Vec<Expr>,
    },
    /// `@count(x)` ... `@variance(x[, shift])`.
    Stat {
        op: StatOp,
        operand: Box<Expr>,
        shift: Option<i64>,
    },
    /// `@hist_log(x)`, `@hist_linear(x, start, stop, interval)`.
    Histogram {
        kind: HistKind,
        operand: Box<Expr>,
    },
    /// `@hist_log(x)[i]`.
    HistogramIndex {
        histogram: Box<Expr>,
        index: Box<Expr>,
    },
    /// `$name...` context variable (`$$vars`, `$$parms`, `$$locals`, `$$return` included:
    /// their name starts with `$$`).
    Target {
        name: String,
        path: TargetPath,
    },
    /// `@cast(ptr, "type"[, "module"])->...`
    Cast {
        operand: Box<Expr>,
        type_name: String,
        module: Option<String>,
        path: TargetPath,
    },
    /// `@var("name[@cu]"[, "module"])->...`
    AtVar {
        name: String,
        module: Option<String>,
        path: TargetPath,
    },
    /// `@defined(expr)`
    Defined(Box<Expr>),
    /// `@entry(expr)`
    Entry(Box<Expr>),
    /// `@probewrite(var)`
    ProbeWrite(Ident),
    /// `@perf("counter")`
    Perf(String),
    /// `@const("NAME")` (guru only)
    Const(String),
    /// `@kregister(n)` / `@uregister(n)`
    Register {
        user: bool,
        number: Box<Expr>,
    },
    /// `@kderef(size, addr)` / `@uderef(size, addr)`
    Deref {
        user: bool,
        size: i64,
        addr: Box<Expr>,
    },
    /// `%{ ... %}` used as an expression (guru only).
    Embedded(Embedded),
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}
