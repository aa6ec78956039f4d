//! The elaboration state shared by every step: symbol tables of all files, the symbols
//! that became part of the program, the work queue of probes and functions still to
//! lower, and the diagnostics.
//!
//! Library files join the program on demand, SystemTap's way: a tapset file is included
//! when the script uses one of its globals, functions or aliases, and then its own
//! probes join too.

use std::collections::{HashMap, HashSet, VecDeque};
use std::rc::Rc;

use rstap_diag::{Code, Diagnostic, FileId, SourceMap, Span, Stage};
use rstap_ir::{self as ir, FuncId, GlobalId, StatSpec};
use rstap_syntax::ast;

use crate::ElaborateOptions;
use crate::catalog::{ContextVar, Pattern, ProbeCatalog};
use crate::codes;
use crate::describe::describe;
use crate::probes::AliasDef;

const PRINT_BUILTINS: &[&str] = &[
    "print",
    "println",
    "printf",
    "printd",
    "printdln",
    "sprint",
    "sprintln",
    "sprintf",
    "sprintd",
    "sprintdln",
    "print_char",
];

/// Value types during inference; statistics are a type of their own here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ty {
    Long,
    Str,
    Stats,
}

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::Long => "long",
            Ty::Str => "string",
            Ty::Stats => "stats",
        }
    }

    pub fn ir(self) -> ir::Type {
        match self {
            Ty::Long => ir::Type::Long,
            Ty::Str => ir::Type::String,
            Ty::Stats => ir::Type::Void,
        }
    }

    pub fn from_ir(t: ir::Type) -> Option<Ty> {
        match t {
            ir::Type::Long => Some(Ty::Long),
            ir::Type::String => Some(Ty::Str),
            ir::Type::Void => None,
        }
    }

    pub fn from_decl(t: ast::TypeName) -> Ty {
        match t {
            ast::TypeName::Long => Ty::Long,
            ast::TypeName::String => Ty::Str,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct LocalSym {
    pub name: String,
    /// First mention: where warnings about the variable point.
    pub span: Span,
    pub ty: Option<Ty>,
    /// Where the type was first inferred.
    pub ty_span: Span,
    /// The file of the first mention (user-file warnings only).
    pub file: FileId,
}

impl LocalSym {
    pub fn new(name: &str, span: Span, file: FileId) -> LocalSym {
        LocalSym {
            name: name.to_string(),
            span,
            ty: None,
            ty_span: span,
            file,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct GlobalSym {
    pub name: String,
    pub file: FileId,
    pub private: bool,
    pub from_tapset: bool,
    pub span: Span,
    pub init: Option<ast::Literal>,
    pub size: Option<i64>,
    pub wrap: bool,
    /// Value type (for arrays the element type).
    pub ty: Option<Ty>,
    pub ty_span: Span,
    /// 0 for scalars; `None` until first use.
    pub arity: Option<usize>,
    pub arity_span: Span,
    pub keys: Vec<(Option<Ty>, Span)>,
    pub stat: StatSpec,
    /// Which `@hist_linear` bounds were first seen (for the one-set-of-bounds rule).
    pub linear_span: Span,
}

#[derive(Clone, Debug)]
pub(crate) struct FuncSym {
    pub name: String,
    pub def: Option<Rc<ast::Function>>,
    pub file: FileId,
    pub from_tapset: bool,
    pub span: Span,
    pub arity: usize,
    /// Parameters first.
    pub locals: Vec<LocalSym>,
    pub body: Option<ir::FunctionBody>,
    pub ret: Option<Ty>,
    pub ret_span: Span,
    /// Declared `:long`/`:string` result: a fact, not an inference.
    pub ret_declared: bool,
    pub next_overload: Option<FuncId>,
    pub uses_next: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct ProbeSym {
    pub kind: ir::ProbeKind,
    pub pp: String,
    pub pn: String,
    pub derivation: Vec<String>,
    pub from_tapset: bool,
    pub span: Span,
    pub locals: Vec<LocalSym>,
    pub body: ir::Block,
    pub condition: Option<ir::Expr>,
}

/// One function definition anywhere (user or library).
#[derive(Clone, Debug)]
pub(crate) struct FuncDef {
    pub def: Rc<ast::Function>,
    pub file: FileId,
    pub tapset: bool,
    pub id: Option<FuncId>,
}

#[derive(Clone, Debug)]
pub(crate) struct FileSlot {
    pub id: FileId,
    pub tapset: bool,
    pub included: bool,
    pub globals: Vec<ast::GlobalDecl>,
    pub probes: Vec<Rc<ast::Probe>>,
}

pub(crate) struct Elab<'a> {
    pub sm: &'a SourceMap,
    pub opts: &'a ElaborateOptions,
    pub catalog: &'a dyn ProbeCatalog,
    pub patterns: Vec<Pattern>,
    pub diags: Vec<Diagnostic>,
    seen_diags: HashSet<(String, Option<Span>)>,
    pub files: Vec<FileSlot>,
    pub func_defs: Vec<FuncDef>,
    pub aliases: Vec<AliasDef>,
    pub globals: Vec<GlobalSym>,
    pub funcs: Vec<FuncSym>,
    pub probes: Vec<ProbeSym>,
    pub pending_probes: VecDeque<(Rc<ast::Probe>, FileId, bool)>,
    pub pending_funcs: VecDeque<FuncId>,
    /// Probes the optimizer dropped for doing nothing.
    pub elided: Vec<ir::ElidedProbe>,
    /// Assignment operator span → span of the assigned identifier (for messages).
    pub lv_spans: HashMap<Span, Span>,
    /// Synthesized intrinsic functions for context variables, by intrinsic name.
    pub intrinsics: HashMap<String, FuncId>,
    /// Number of user probes seen (before `?` dropped any).
    pub user_probe_count: usize,
}

impl<'a> Elab<'a> {
    pub fn new(
        sm: &'a SourceMap,
        opts: &'a ElaborateOptions,
        catalog: &'a dyn ProbeCatalog,
    ) -> Elab<'a> {
        Elab {
            sm,
            opts,
            catalog,
            patterns: catalog.patterns(),
            diags: Vec::new(),
            seen_diags: HashSet::new(),
            files: Vec::new(),
            func_defs: Vec::new(),
            aliases: Vec::new(),
            globals: Vec::new(),
            funcs: Vec::new(),
            probes: Vec::new(),
            pending_probes: VecDeque::new(),
            pending_funcs: VecDeque::new(),
            elided: Vec::new(),
            lv_spans: HashMap::new(),
            intrinsics: HashMap::new(),
            user_probe_count: 0,
        }
    }

    // ----- diagnostics -----------------------------------------------------------------

    /// Records a diagnostic once (the same message at the same place is reported once).
    pub fn emit(&mut self, d: Diagnostic) {
        let key = (d.message.clone(), d.primary.as_ref().map(|l| l.span));
        if !self.seen_diags.insert(key) {
            return;
        }
        if !d.is_error() {
            if self.opts.suppress_warnings {
                return;
            }
            if self.opts.warnings_as_errors {
                self.diags.push(d.into_error());
                return;
            }
        }
        self.diags.push(d);
    }

    pub fn error(&mut self, code: Code, message: impl Into<String>, span: Span) {
        let d = Diagnostic::error(Stage::Semantic, code, message);
        let d = self.locate(d, span);
        self.emit(d);
    }

    pub fn warn(&mut self, code: Code, message: impl Into<String>, span: Span) {
        let d = Diagnostic::warning(Stage::Semantic, code, message);
        let d = self.locate(d, span);
        self.emit(d);
    }

    /// Attaches `span` as the primary label, described as SystemTap describes tokens.
    pub fn locate(&self, d: Diagnostic, span: Span) -> Diagnostic {
        if span.is_dummy() {
            d
        } else {
            let desc = describe(self.sm, span);
            d.with_primary(span, desc)
        }
    }

    pub fn located_note(&self, d: Diagnostic, msg: impl Into<String>, span: Span) -> Diagnostic {
        if span.is_dummy() {
            d.with_note(msg)
        } else {
            let desc = describe(self.sm, span);
            d.with_located_note(msg, span, desc)
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(|d| d.is_error())
    }

    pub fn is_user_file(&self, file: FileId) -> bool {
        self.files.iter().any(|f| f.id == file && !f.tapset)
    }

    // ----- files -----------------------------------------------------------------------

    /// Registers a parsed file: its definitions become findable; user files are
    /// included at once.
    pub fn add_script(&mut self, script: ast::Script) {
        let file = script.file;
        let tapset = script.is_tapset;
        let mut slot = FileSlot {
            id: file,
            tapset,
            included: false,
            globals: Vec::new(),
            probes: Vec::new(),
        };
        for item in script.items {
            match item {
                ast::Item::Probe(p) => slot.probes.push(Rc::new(p)),
                ast::Item::Alias(a) => self.aliases.push(AliasDef {
                    alias: Rc::new(a),
                    file,
                    tapset,
                }),
                ast::Item::Global(g) => slot.globals.push(g),
                ast::Item::Function(f) => self.func_defs.push(FuncDef {
                    def: Rc::new(f),
                    file,
                    tapset,
                    id: None,
                }),
                ast::Item::Embedded(e) => {
                    if !tapset {
                        let msg = if self.opts.guru {
                            "embedded C code is not supported by rstap"
                        } else {
                            "embedded code in unprivileged script; need stap -g"
                        };
                        self.error(codes::EMBEDDED, msg, e.span);
                    }
                }
            }
        }
        self.files.push(slot);
    }

    /// Makes a file part of the program: its globals get ids, its probes are queued.
    pub fn include_file(&mut self, file: FileId) {
        let Some(idx) = self.files.iter().position(|f| f.id == file) else {
            return;
        };
        if self.files[idx].included {
            return;
        }
        self.files[idx].included = true;
        let tapset = self.files[idx].tapset;
        let globals = self.files[idx].globals.clone();
        for g in &globals {
            self.declare_global(g, file, tapset);
        }
        let probes = self.files[idx].probes.clone();
        for p in probes {
            if !tapset {
                self.user_probe_count += 1;
            }
            self.pending_probes.push_back((p, file, tapset));
        }
        if !tapset {
            // User functions are all checked, used or not.
            let defs: Vec<usize> = (0..self.func_defs.len())
                .filter(|&i| self.func_defs[i].file == file)
                .collect();
            for i in defs {
                self.function_id(i);
            }
        }
    }

    fn declare_global(&mut self, g: &ast::GlobalDecl, file: FileId, tapset: bool) {
        let name = &g.name.name;
        if let Some(prev) = self
            .globals
            .iter()
            .find(|o| o.name == *name && (o.file == file || (!o.private && !g.private)))
        {
            let msg = if prev.private != g.private && prev.file == file {
                "global versus private variable declaration conflict"
            } else {
                "duplicate global name"
            };
            let prev_span = prev.span;
            let d = Diagnostic::error(Stage::Semantic, codes::DUPLICATE_GLOBAL, msg);
            let d = self.locate(d, g.name.span);
            let d = self.located_note(d, "previously declared here", prev_span);
            self.emit(d);
            return;
        }
        if let Some(n) = g.size
            && !(1..=i32::MAX as i64).contains(&n)
        {
            self.error(codes::GLOBAL_INIT, "array size out of range", g.name.span);
        }
        let (ty, arity) = match &g.init {
            Some(ast::Literal::Number(_)) => (Some(Ty::Long), Some(0)),
            Some(ast::Literal::String(_)) => (Some(Ty::Str), Some(0)),
            None => (None, None),
        };
        if g.init.is_some() && g.size.is_some() {
            self.error(
                codes::GLOBAL_INIT,
                "only scalar globals can be initialized",
                g.name.span,
            );
        }
        self.globals.push(GlobalSym {
            name: name.clone(),
            file,
            private: g.private,
            from_tapset: tapset || g.from_tapset,
            span: g.name.span,
            init: g.init.clone(),
            size: g.size,
            wrap: g.wrap,
            ty,
            ty_span: g.name.span,
            arity: if g.size.is_some() { None } else { arity },
            arity_span: g.name.span,
            keys: Vec::new(),
            stat: StatSpec::default(),
            linear_span: Span::DUMMY,
        });
    }

    /// A global the program needs but the script does not declare (`@entry` values):
    /// visible everywhere, never displayed at exit.
    pub fn add_hidden_global(&mut self, name: &str, file: FileId, span: Span) -> GlobalId {
        self.globals.push(GlobalSym {
            name: name.to_string(),
            file,
            private: false,
            from_tapset: true,
            span,
            init: None,
            size: None,
            wrap: false,
            ty: None,
            ty_span: span,
            arity: None,
            arity_span: span,
            keys: Vec::new(),
            stat: StatSpec::default(),
            linear_span: Span::DUMMY,
        });
        GlobalId(self.globals.len() as u32 - 1)
    }

    // ----- symbol lookup ---------------------------------------------------------------

    /// The global `name` as seen from `file`, including a library file if needed.
    pub fn find_global(&mut self, name: &str, file: FileId) -> Option<GlobalId> {
        // Library code never sees the user script's globals: a tapset function's local
        // `s` stays local whatever the script declares.
        let in_library = self.files.iter().any(|f| f.id == file && f.tapset);
        let visible = |g: &GlobalSym| {
            g.name == name && (!g.private || g.file == file) && (g.from_tapset || !in_library)
        };
        // A private global of this file hides a public one of the same name.
        if let Some(i) = self
            .globals
            .iter()
            .position(|g| visible(g) && g.private)
            .or_else(|| self.globals.iter().position(&visible))
        {
            return Some(GlobalId(i as u32));
        }
        let lib = self.files.iter().position(|f| {
            f.tapset
                && !f.included
                && f.globals
                    .iter()
                    .any(|g| g.name.name == name && (!g.private || f.id == file))
        })?;
        let id = self.files[lib].id;
        self.include_file(id);
        self.globals
            .iter()
            .position(visible)
            .map(|i| GlobalId(i as u32))
    }

    /// Every name a "did you mean" for functions may offer.
    pub fn function_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .func_defs
            .iter()
            .map(|d| d.def.name.name.clone())
            .collect();
        // The print builtins are spelled like functions, so typos of them are common.
        names.extend(PRINT_BUILTINS.iter().map(|s| s.to_string()));
        names.sort();
        names.dedup();
        names
    }

    /// Resolves a call of `name` with `arity` arguments from `file`: the head of the
    /// same-arity overload chain, or SystemTap's error.
    pub fn find_function(
        &mut self,
        name: &str,
        arity: usize,
        file: FileId,
        span: Span,
    ) -> Option<FuncId> {
        let visible: Vec<usize> = (0..self.func_defs.len())
            .filter(|&i| {
                let d = &self.func_defs[i];
                d.def.name.name == name && (!d.def.private || d.file == file)
            })
            .collect();
        if visible.is_empty() {
            let names = self.function_names();
            let sugs = rstap_diag::similar(name, names.iter().map(|s| s.as_str()), 5);
            let mut msg = format!("unresolved function {name}");
            if !sugs.is_empty() {
                msg.push_str(&format!(" (similar: {})", sugs.join(", ")));
            }
            self.error(codes::UNRESOLVED_FUNCTION, msg, span);
            return None;
        }
        let mut fitting: Vec<usize> = visible
            .iter()
            .copied()
            .filter(|&i| self.func_defs[i].def.params.len() == arity)
            .collect();
        if fitting.is_empty() {
            let last = *visible.last()?;
            let takes = self.func_defs[last].def.params.len();
            let other = self.func_defs[last].def.name.span;
            let d = Diagnostic::error(
                Stage::Semantic,
                codes::FUNCTION_ARITY,
                format!("arity mismatch found (function '{name}' takes {takes} args)"),
            );
            let d = self.locate(d, span);
            let d = self.located_note(d, "function defined here", other);
            self.emit(d);
            return None;
        }
        // Priority order: explicit priority, else 0 for the script and 1 for the library;
        // ties keep definition order (the user script comes first).
        fitting.sort_by_key(|&i| {
            let d = &self.func_defs[i];
            (d.def.priority.unwrap_or(if d.tapset { 1 } else { 0 }), i)
        });
        let ids: Vec<FuncId> = fitting.iter().map(|&i| self.function_id(i)).collect();
        for w in ids.windows(2) {
            self.funcs[w[0].0 as usize].next_overload = Some(w[1]);
        }
        ids.first().copied()
    }

    /// The id of a function definition, creating its symbol (and queueing its body,
    /// including its file) the first time.
    pub fn function_id(&mut self, def: usize) -> FuncId {
        if let Some(id) = self.func_defs[def].id {
            return id;
        }
        let d = self.func_defs[def].clone();
        let id = FuncId(self.funcs.len() as u32);
        self.func_defs[def].id = Some(id);
        let f = &d.def;
        let mut locals = Vec::new();
        let mut seen = HashSet::new();
        for p in &f.params {
            if !seen.insert(p.name.name.clone()) {
                self.error(
                    codes::DUPLICATE_PARAM,
                    "duplicate parameter names",
                    p.name.span,
                );
            }
            let mut l = LocalSym::new(&p.name.name, p.name.span, d.file);
            if let Some(t) = p.ty {
                l.ty = Some(Ty::from_decl(t));
                l.ty_span = p.ty_span.unwrap_or(p.name.span);
            }
            locals.push(l);
        }
        if let Some(pr) = f.priority
            && pr <= 0
        {
            self.error(
                codes::DUPLICATE_PARAM,
                "specified priority must be > 0",
                f.name.span,
            );
        }
        self.funcs.push(FuncSym {
            name: f.name.name.clone(),
            def: Some(f.clone()),
            file: d.file,
            from_tapset: d.tapset,
            span: f.name.span,
            arity: f.params.len(),
            locals,
            body: None,
            ret: f.ret.map(Ty::from_decl),
            ret_span: f.name.span,
            ret_declared: f.ret.is_some(),
            next_overload: None,
            uses_next: false,
        });
        self.pending_funcs.push_back(id);
        if d.tapset {
            self.include_file(d.file);
        }
        id
    }

    /// The synthesized intrinsic behind a context variable accessor.
    pub fn intrinsic(&mut self, name: &str, params: &[Ty], ret: Option<Ty>) -> FuncId {
        if let Some(id) = self.intrinsics.get(name) {
            return *id;
        }
        let id = FuncId(self.funcs.len() as u32);
        let locals = params
            .iter()
            .enumerate()
            .map(|(i, t)| LocalSym {
                ty: Some(*t),
                ..LocalSym::new(&format!("arg{}", i + 1), Span::DUMMY, FileId(u32::MAX))
            })
            .collect();
        self.funcs.push(FuncSym {
            name: name.to_string(),
            def: None,
            file: FileId(u32::MAX),
            from_tapset: true,
            span: Span::DUMMY,
            arity: params.len(),
            locals,
            body: Some(ir::FunctionBody::Intrinsic(name.to_string())),
            ret,
            ret_span: Span::DUMMY,
            ret_declared: true,
            next_overload: None,
            uses_next: false,
        });
        self.intrinsics.insert(name.to_string(), id);
        id
    }

    pub fn context_intrinsic_types(var: &ContextVar) -> Ty {
        Ty::from_ir(var.ty).unwrap_or(Ty::Long)
    }

    /// Adds an alias's file to the program (using an alias includes its file).
    pub fn use_alias(&mut self, alias: usize) {
        let a = &self.aliases[alias];
        if a.tapset {
            let f = a.file;
            self.include_file(f);
        }
    }
}
