//! Lowering typed accesses: `$var->member`, `$var[i]`, `&$var->member`, `$var$`,
//! `$var$$` and `@cast(addr, "type"[, "module"])->member` (see `kernel_types`), over
//! the kernel's types (BTF) or, in user-space probes and for `@cast(p, "type",
//! "/path/to/program")`, over a program's types (DWARF). The same walk serves both:
//! only where the types come from and which library reads touch memory differ.
//!
//! A path is walked over the types at elaboration time and becomes address arithmetic
//! ending in one of the library's reads, `kernel_char`... for kernel memory and
//! `user_char`... for a program's: a member's offset, an element's size and a field's
//! width are constants here. Arrays give their address (as in SystemTap:
//! `kernel_string($task->comm)`, `user_string($p->name)`), integers their value, sign-
//! or zero-extended as their type says, bitfields included.

use std::rc::Rc;

use rstap_diag::Span;
use rstap_ir::{self as ir, Type};
use rstap_syntax::ast;

use crate::codes;
use crate::elab::Elab;
use crate::kernel_types::{KernelType, TypeShape, TypeSource, bare_type_name};
use crate::lower::Scope;

/// Whose types a path walks, and whose memory it reads.
#[derive(Clone)]
pub(crate) struct Types<'t> {
    source: TypesRef<'t>,
    /// A user program's memory (`user_*` reads), not the kernel's.
    user: bool,
}

#[derive(Clone)]
enum TypesRef<'t> {
    Kernel(&'t dyn TypeSource),
    Program(Rc<dyn TypeSource>),
}

impl Types<'_> {
    fn get(&self) -> &dyn TypeSource {
        match &self.source {
            TypesRef::Kernel(t) => *t,
            TypesRef::Program(t) => &**t,
        }
    }

    fn shape(&self, ty: KernelType) -> TypeShape {
        self.get().shape(ty)
    }

    /// `struct point*`, for messages.
    fn name(&self, ty: KernelType) -> String {
        self.get()
            .type_name(ty)
            .unwrap_or_else(|| describe(self, ty).to_string())
    }

    /// Where the types come from, for messages.
    fn owner(&self) -> &'static str {
        if self.user {
            "the program's"
        } else {
            "the kernel's"
        }
    }
}

/// Where a path step stands.
enum Place {
    /// A value in hand (a pointer or an integer) of a typed value.
    Value(ir::Expr, KernelType),
    /// An object in memory; a bitfield starts `shift` bits after `addr`.
    Object {
        addr: ir::Expr,
        ty: KernelType,
        bitfield: Option<(u32, u32)>,
    },
}

fn long(n: i64, span: Span) -> ir::Expr {
    ir::Expr::new(ir::ExprKind::Long(n), Type::Long, span)
}

fn binary(op: ir::BinaryOp, lhs: ir::Expr, rhs: ir::Expr, span: Span) -> ir::Expr {
    ir::Expr::new(
        ir::ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        Type::Long,
        span,
    )
}

fn add(addr: ir::Expr, offset: u64, span: Span) -> ir::Expr {
    if offset == 0 {
        return addr;
    }
    binary(ir::BinaryOp::Add, addr, long(offset as i64, span), span)
}

/// Describes a type for messages.
fn describe(types: &Types, ty: KernelType) -> &'static str {
    match types.get().shape(ty) {
        TypeShape::Int { .. } => "an integer",
        TypeShape::Pointer { target: None } => "an untyped pointer",
        TypeShape::Pointer { .. } => "a pointer",
        TypeShape::Aggregate { .. } => "a struct",
        TypeShape::Array { .. } => "an array",
        TypeShape::Other => "a value rstap cannot read",
    }
}

/// A piece of pretty-printed text: literal text, or a value and its conversion.
enum Piece {
    Text(String),
    Value(&'static str, ir::Expr),
}

/// Elements of an array a pretty print shows before `...`.
const PRETTY_ELEMENTS: u32 = 16;
/// Nested structs a deep pretty print (`$var$$`) opens.
const PRETTY_DEPTH: usize = 8;
/// Values one `sprintf` formats (the kernel's `bpf_snprintf` takes 12).
const SPRINTF_ARGS: usize = 12;

impl<'a> Elab<'a> {
    /// `$var...` for a context variable with a type (`read` reads its value).
    pub(crate) fn lower_typed_target(
        &mut self,
        sc: &mut Scope,
        read: ir::Expr,
        ty: KernelType,
        path: &ast::TargetPath,
        span: Span,
    ) -> ir::Expr {
        let r = self.context_types(sc).and_then(|t| {
            let start = self.start_place(&t, read, ty);
            self.walk_and_finish(sc, &t, start, path, span)
        });
        self.typed_result(r, span)
    }

    /// `@cast(operand, "type"[, "module"])...`.
    pub(crate) fn lower_cast(
        &mut self,
        sc: &mut Scope,
        operand: &ast::Expr,
        type_name: &str,
        module: Option<&str>,
        path: &ast::TargetPath,
        span: Span,
    ) -> ir::Expr {
        let addr = self.lower_expr(sc, operand);
        let r = self.cast_type(sc, type_name, module).and_then(|(t, ty)| {
            let start = Place::Object {
                addr,
                ty,
                bitfield: None,
            };
            self.walk_and_finish(sc, &t, start, path, span)
        });
        self.typed_result(r, span)
    }

    /// `@defined(@cast(...)->path)`: whether the type and every member exist.
    pub(crate) fn cast_defined(
        &mut self,
        sc: &mut Scope,
        type_name: &str,
        module: Option<&str>,
        path: &ast::TargetPath,
        span: Span,
    ) -> bool {
        let Ok((t, ty)) = self.cast_type(sc, type_name, module) else {
            return false;
        };
        let start = Place::Object {
            addr: long(0, span),
            ty,
            bitfield: None,
        };
        self.walk_and_finish(sc, &t, start, path, span).is_ok()
    }

    /// `@defined($var->path)` for a context variable with a type.
    pub(crate) fn typed_target_defined(
        &mut self,
        sc: &mut Scope,
        ty: KernelType,
        path: &ast::TargetPath,
        span: Span,
    ) -> bool {
        let Ok(t) = self.context_types(sc) else {
            return false;
        };
        let start = self.start_place(&t, long(0, span), ty);
        self.walk_and_finish(sc, &t, start, path, span).is_ok()
    }

    /// A context variable's place: its value, or for a struct (passed whole) the
    /// object at the address its read gives.
    fn start_place(&self, t: &Types, read: ir::Expr, ty: KernelType) -> Place {
        match t.shape(ty) {
            // A struct, union or array variable stands for its address.
            TypeShape::Aggregate { .. } | TypeShape::Array { .. } => Place::Object {
                addr: read,
                ty,
                bitfield: None,
            },
            _ => Place::Value(read, ty),
        }
    }

    fn walk_and_finish(
        &mut self,
        sc: &mut Scope,
        t: &Types,
        start: Place,
        path: &ast::TargetPath,
        span: Span,
    ) -> Result<ir::Expr, String> {
        let place = self.walk_path(sc, t, start, path, span)?;
        match path.pretty {
            Some(_) if path.address_of => {
                Err("cannot take the address of a pretty-printed value".into())
            }
            Some(p) => {
                let deep = p == ast::Pretty::Deep;
                let pieces = self.pretty(sc, t, place, deep, true, 0, span)?;
                Ok(self.sprintf_pieces(pieces, span))
            }
            None => self.finish_place(sc, t, place, path, span),
        }
    }

    fn typed_result(&mut self, r: Result<ir::Expr, String>, span: Span) -> ir::Expr {
        match r {
            Ok(e) => e,
            Err(msg) => {
                if self.opts.skip_badvars {
                    return long(0, span);
                }
                self.error(codes::TARGET_SYMBOL, msg, span);
                long(0, span)
            }
        }
    }

    fn kernel_types(&self) -> Result<Types<'a>, String> {
        let catalog: &'a dyn crate::catalog::ProbeCatalog = self.catalog;
        match catalog.types() {
            Some(t) => match t.unavailable() {
                Some(why) => Err(why),
                None => Ok(Types {
                    source: TypesRef::Kernel(t),
                    user: false,
                }),
            },
            None => Err("kernel type information (BTF) is not available".into()),
        }
    }

    /// The types of the user program at `path`.
    fn program_types(&self, path: &str) -> Option<Result<Types<'a>, String>> {
        let r = self.catalog.program_types(path)?;
        Some(r.map(|t| Types {
            source: TypesRef::Program(t),
            user: true,
        }))
    }

    /// The types of the probe's context: the probed program's in a user-space probe,
    /// else the kernel's.
    fn context_types(&self, sc: &Scope) -> Result<Types<'a>, String> {
        match &sc.program {
            Some(path) => self
                .program_types(path)
                .unwrap_or_else(|| Err(format!("the types of '{path}' are not known here"))),
            None => self.kernel_types(),
        }
    }

    /// The types `@cast` searches and the type it names there: the kernel's for
    /// `kernel` (or `kernel<header.h>`), a program's for its path, and without a module
    /// those of the probe's context.
    fn cast_type(
        &self,
        sc: &Scope,
        type_name: &str,
        module: Option<&str>,
    ) -> Result<(Types<'a>, KernelType), String> {
        let types = match module {
            None => self.context_types(sc)?,
            Some(m) if m == "kernel" || m.starts_with("kernel<") => self.kernel_types()?,
            Some(m) => match self.program_types(m) {
                Some(r) => r.map_err(|e| format!("@cast into module '{m}': {e}"))?,
                None => {
                    return Err(format!(
                        "@cast into module '{m}' is not supported: only kernel types are known"
                    ));
                }
            },
        };
        let ty = types.get().find(type_name).ok_or_else(|| {
            format!(
                "type definition '{}' not found in {} types",
                bare_type_name(type_name),
                types.owner()
            )
        })?;
        Ok((types, ty))
    }

    fn walk_path(
        &mut self,
        sc: &mut Scope,
        t: &Types,
        mut place: Place,
        path: &ast::TargetPath,
        span: Span,
    ) -> Result<Place, String> {
        for step in &path.steps {
            // Members and elements are reached through a pointer held in a value.
            let place_now = match place {
                Place::Object { addr, ty, bitfield } => {
                    if let TypeShape::Pointer { .. } = t.shape(ty) {
                        Place::Value(self.read_object(sc, t, addr, ty, None, span)?, ty)
                    } else {
                        Place::Object { addr, ty, bitfield }
                    }
                }
                v => v,
            };
            place = match step {
                ast::TargetStep::Member(m) => self.member_step(t, place_now, &m.name)?,
                ast::TargetStep::Index(i) => {
                    let index = self.lower_expr(sc, i);
                    self.index_step(t, place_now, index, span)?
                }
            };
        }
        Ok(place)
    }

    fn member_step(&mut self, t: &Types, place: Place, name: &str) -> Result<Place, String> {
        let (addr, ty) = match place {
            Place::Value(v, ty) => match t.shape(ty) {
                TypeShape::Pointer {
                    target: Some(target),
                } => (v, target),
                _ => {
                    return Err(format!(
                        "cannot read member '{name}' of {} ({})",
                        describe(t, ty),
                        t.name(ty)
                    ));
                }
            },
            Place::Object { addr, ty, .. } => (addr, ty),
        };
        if !matches!(t.shape(ty), TypeShape::Aggregate { .. }) {
            return Err(format!(
                "cannot read member '{name}' of {} ({})",
                describe(t, ty),
                t.name(ty)
            ));
        }
        let m = t.get().member(ty, name).ok_or_else(|| {
            let members = t.get().members(ty);
            let similar = rstap_diag::similar(name, members.iter().map(|(n, _)| n.as_str()), 5);
            let what = match t.get().type_name(ty) {
                Some(n) => n,
                None => format!("{} type", t.owner()),
            };
            if similar.is_empty() {
                format!("unable to find member '{name}' in {what}")
            } else {
                format!(
                    "unable to find member '{name}' in {what}; did you mean: {}?",
                    similar.join(", ")
                )
            }
        })?;
        let span = addr.span;
        let byte = m.bit_offset / 8;
        let bitfield =
            (m.bitfield_size > 0).then_some(((m.bit_offset % 8) as u32, m.bitfield_size));
        Ok(Place::Object {
            addr: add(addr, byte, span),
            ty: m.ty,
            bitfield,
        })
    }

    fn index_step(
        &mut self,
        t: &Types,
        place: Place,
        index: ir::Expr,
        span: Span,
    ) -> Result<Place, String> {
        let (base, elem) = match place {
            Place::Value(v, ty) => match t.shape(ty) {
                TypeShape::Pointer { target: Some(e) } => (v, e),
                _ => return Err(format!("cannot index {} ({})", describe(t, ty), t.name(ty))),
            },
            Place::Object { addr, ty, .. } => match t.shape(ty) {
                TypeShape::Array { elem, .. } => (addr, elem),
                _ => return Err(format!("cannot index {} ({})", describe(t, ty), t.name(ty))),
            },
        };
        let size = t
            .get()
            .size(elem)
            .filter(|s| *s > 0)
            .ok_or_else(|| "cannot index elements of unknown size".to_string())?;
        let offset = binary(ir::BinaryOp::Mul, index, long(size as i64, span), span);
        Ok(Place::Object {
            addr: binary(ir::BinaryOp::Add, base, offset, span),
            ty: elem,
            bitfield: None,
        })
    }

    fn finish_place(
        &mut self,
        sc: &mut Scope,
        t: &Types,
        place: Place,
        path: &ast::TargetPath,
        span: Span,
    ) -> Result<ir::Expr, String> {
        match place {
            Place::Object { addr, bitfield, .. } if path.address_of => match bitfield {
                Some(_) => Err("cannot take the address of a bitfield".into()),
                None => Ok(addr),
            },
            Place::Value(..) if path.address_of => {
                Err("cannot take the address of a value that is not in memory".into())
            }
            Place::Value(v, _) => Ok(v),
            Place::Object { addr, ty, bitfield } => match t.shape(ty) {
                // An array reads as its address, a struct not at all.
                TypeShape::Array { .. } => Ok(addr),
                TypeShape::Aggregate { .. } => Err(format!(
                    "{} cannot be read as a value; name one of its members, or print it with $var$",
                    t.name(ty)
                )),
                _ => self.read_object(sc, t, addr, ty, bitfield, span),
            },
        }
    }

    /// Reads an integer or pointer of type `ty` at `addr`.
    fn read_object(
        &mut self,
        sc: &mut Scope,
        t: &Types,
        addr: ir::Expr,
        ty: KernelType,
        bitfield: Option<(u32, u32)>,
        span: Span,
    ) -> Result<ir::Expr, String> {
        let (size, signed) = match t.shape(ty) {
            TypeShape::Int { size, signed } => (size, signed),
            TypeShape::Pointer { .. } => (8, false),
            _ => return Err(format!("cannot read {} ({})", describe(t, ty), t.name(ty))),
        };
        if let Some((shift, bits)) = bitfield {
            let need = (shift + bits).div_ceil(8);
            let unit = [1, 2, 4, 8].into_iter().find(|&u| u >= need).unwrap_or(8);
            let mut v = self.memory_read(sc, t, addr, unit, span)?;
            if shift > 0 {
                v = binary(ir::BinaryOp::UShr, v, long(shift as i64, span), span);
            }
            if bits >= 64 {
                return Ok(v);
            }
            v = binary(
                ir::BinaryOp::BitAnd,
                v,
                long(((1u64 << bits) - 1) as i64, span),
                span,
            );
            if signed {
                let up = (64 - bits) as i64;
                v = binary(ir::BinaryOp::Shl, v, long(up, span), span);
                v = binary(ir::BinaryOp::Shr, v, long(up, span), span);
            }
            return Ok(v);
        }
        if !matches!(size, 1 | 2 | 4 | 8) {
            return Err(format!("cannot read an integer of {size} bytes"));
        }
        let v = self.memory_read(sc, t, addr, size, span)?;
        // The library's reads sign-extend; unsigned types keep their own width.
        Ok(if signed || size == 8 {
            v
        } else {
            binary(
                ir::BinaryOp::BitAnd,
                v,
                long(((1u64 << (size * 8)) - 1) as i64, span),
                span,
            )
        })
    }

    /// `kernel_char/short/int/long(addr)` or `user_char/...`, the library's faulting
    /// reads.
    fn memory_read(
        &mut self,
        sc: &mut Scope,
        t: &Types,
        addr: ir::Expr,
        size: u32,
        span: Span,
    ) -> Result<ir::Expr, String> {
        let width = match size {
            1 => "char",
            2 => "short",
            4 => "int",
            _ => "long",
        };
        let name = format!("{}_{width}", if t.user { "user" } else { "kernel" });
        self.library_call(sc, &name, vec![addr], Type::Long, span)
    }

    fn library_call(
        &mut self,
        sc: &mut Scope,
        name: &str,
        args: Vec<ir::Expr>,
        ty: Type,
        span: Span,
    ) -> Result<ir::Expr, String> {
        let func = self
            .find_function(name, args.len(), sc.file, span)
            .ok_or_else(|| format!("the library function {name} is missing"))?;
        Ok(ir::Expr::new(ir::ExprKind::Call { func, args }, ty, span))
    }

    /// The pieces printing `place` as SystemTap's `$var$` does: integers in decimal,
    /// pointers in hex (a pointer to characters as the quoted string in a program's
    /// memory), arrays as `[a, b, ...]` (characters as a quoted string; in the kernel's
    /// memory quoted without escapes) and structs as `{.a=1, .b=2}`. At the top a pointer to a struct shows the struct; `deep`
    /// (`$var$$`) opens nested structs too, which `$var$` shows as `{...}`.
    #[allow(clippy::too_many_arguments)]
    fn pretty(
        &mut self,
        sc: &mut Scope,
        t: &Types,
        place: Place,
        deep: bool,
        top: bool,
        depth: usize,
        span: Span,
    ) -> Result<Vec<Piece>, String> {
        let (value, ty) = match place {
            Place::Value(v, ty) => (v, ty),
            Place::Object { addr, ty, bitfield } => match t.shape(ty) {
                TypeShape::Aggregate { .. } => {
                    if !(top || deep) || depth > PRETTY_DEPTH {
                        return Ok(vec![Piece::Text("{...}".into())]);
                    }
                    return self.pretty_struct(sc, t, addr, ty, deep, depth, span);
                }
                TypeShape::Array { elem, len } => {
                    if t.get().is_char(elem) {
                        if t.user {
                            let s = self.library_call(
                                sc,
                                "user_string_quoted",
                                vec![addr],
                                Type::String,
                                span,
                            )?;
                            return Ok(vec![Piece::Value("%s", s)]);
                        }
                        let s = self.library_call(
                            sc,
                            "kernel_string_n",
                            vec![addr, long(len as i64, span)],
                            Type::String,
                            span,
                        )?;
                        return Ok(vec![
                            Piece::Text("\"".into()),
                            Piece::Value("%s", s),
                            Piece::Text("\"".into()),
                        ]);
                    }
                    return self.pretty_array(sc, t, addr, elem, len, deep, depth, span);
                }
                TypeShape::Other => return Ok(vec![Piece::Text("?".into())]),
                _ => (self.read_object(sc, t, addr, ty, bitfield, span)?, ty),
            },
        };
        match t.shape(ty) {
            TypeShape::Int { signed, .. } => {
                Ok(vec![Piece::Value(if signed { "%d" } else { "%u" }, value)])
            }
            TypeShape::Pointer {
                target: Some(target),
            } => match t.shape(target) {
                TypeShape::Aggregate { .. } if top => {
                    let place = Place::Object {
                        addr: value,
                        ty: target,
                        bitfield: None,
                    };
                    self.pretty(sc, t, place, deep, true, depth, span)
                }
                TypeShape::Int { .. } if t.user && t.get().is_char(target) => {
                    let s = self.library_call(
                        sc,
                        "user_string_quoted",
                        vec![value],
                        Type::String,
                        span,
                    )?;
                    Ok(vec![Piece::Value("%s", s)])
                }
                _ => Ok(vec![Piece::Value("%p", value)]),
            },
            TypeShape::Pointer { target: None } => Ok(vec![Piece::Value("%p", value)]),
            TypeShape::Aggregate { .. } => {
                let place = Place::Object {
                    addr: value,
                    ty,
                    bitfield: None,
                };
                self.pretty(sc, t, place, deep, top, depth, span)
            }
            _ => Ok(vec![Piece::Text("?".into())]),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn pretty_struct(
        &mut self,
        sc: &mut Scope,
        t: &Types,
        addr: ir::Expr,
        ty: KernelType,
        deep: bool,
        depth: usize,
        span: Span,
    ) -> Result<Vec<Piece>, String> {
        let members = t.get().members(ty);
        if members.is_empty() && t.get().size(ty).is_some_and(|s| s > 0) {
            return Err(format!(
                "cannot pretty-print {}: {} type information does not list its members",
                t.name(ty),
                t.owner()
            ));
        }
        let mut out = vec![Piece::Text("{".into())];
        for (i, (name, m)) in members.into_iter().enumerate() {
            let sep = if i > 0 { ", " } else { "" };
            out.push(Piece::Text(format!("{sep}.{name}=")));
            let place = Place::Object {
                addr: add(addr.clone(), m.bit_offset / 8, span),
                ty: m.ty,
                bitfield: (m.bitfield_size > 0)
                    .then_some(((m.bit_offset % 8) as u32, m.bitfield_size)),
            };
            out.extend(self.pretty(sc, t, place, deep, false, depth + 1, span)?);
        }
        out.push(Piece::Text("}".into()));
        Ok(out)
    }

    #[allow(clippy::too_many_arguments)]
    fn pretty_array(
        &mut self,
        sc: &mut Scope,
        t: &Types,
        addr: ir::Expr,
        elem: KernelType,
        len: u32,
        deep: bool,
        depth: usize,
        span: Span,
    ) -> Result<Vec<Piece>, String> {
        let size = t.get().size(elem).unwrap_or(0);
        let mut out = vec![Piece::Text("[".into())];
        for i in 0..len.min(PRETTY_ELEMENTS) {
            if i > 0 {
                out.push(Piece::Text(", ".into()));
            }
            let place = Place::Object {
                addr: add(addr.clone(), size * i as u64, span),
                ty: elem,
                bitfield: None,
            };
            out.extend(self.pretty(sc, t, place, deep, false, depth + 1, span)?);
        }
        if len > PRETTY_ELEMENTS {
            out.push(Piece::Text(", ...".into()));
        }
        out.push(Piece::Text("]".into()));
        Ok(out)
    }

    /// The string the pieces make: `sprintf`s of at most [`SPRINTF_ARGS`] values each,
    /// joined.
    fn sprintf_pieces(&mut self, pieces: Vec<Piece>, span: Span) -> ir::Expr {
        let mut parts: Vec<ir::Expr> = Vec::new();
        let mut format = Vec::new();
        let mut args = Vec::new();
        let flush = |format: &mut Vec<u8>, args: &mut Vec<ir::Expr>, parts: &mut Vec<ir::Expr>| {
            if format.is_empty() {
                return;
            }
            parts.push(ir::Expr::new(
                ir::ExprKind::Printf {
                    to_string: true,
                    format: std::mem::take(format),
                    args: std::mem::take(args),
                },
                Type::String,
                span,
            ));
        };
        for p in pieces {
            match p {
                Piece::Text(text) => {
                    for b in text.bytes() {
                        if b == b'%' {
                            format.push(b'%');
                        }
                        format.push(b);
                    }
                }
                Piece::Value(conv, e) => {
                    if args.len() == SPRINTF_ARGS {
                        flush(&mut format, &mut args, &mut parts);
                    }
                    format.extend_from_slice(conv.as_bytes());
                    args.push(e);
                }
            }
        }
        flush(&mut format, &mut args, &mut parts);
        let mut parts = parts.into_iter();
        let first = parts
            .next()
            .unwrap_or_else(|| ir::Expr::new(ir::ExprKind::String(Vec::new()), Type::String, span));
        parts.fold(first, |lhs, rhs| {
            ir::Expr::new(
                ir::ExprKind::Concat {
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                },
                Type::String,
                span,
            )
        })
    }

    /// `$$parms`, `$$vars`, `$$locals` and `$$return` of a user probe (and their
    /// `$`/`$$` pretty forms): `name=0x...` for each parameter (or the result), local
    /// (at a statement) or both, `name=?` for one rstap cannot read. At a function's
    /// entry there are no locals: `$$vars` lists the parameters, `$$locals` is empty.
    pub(crate) fn lower_vars_text(
        &mut self,
        sc: &mut Scope,
        which: &str,
        path: &ast::TargetPath,
        span: Span,
    ) -> ir::Expr {
        if !path.steps.is_empty() || path.address_of {
            return self.typed_result(
                Err(format!("${which} is a string: it has no members")),
                span,
            );
        }
        let vars: Vec<crate::catalog::ContextVar> = sc
            .context
            .iter()
            .filter(|v| {
                let param = v.read.starts_with("__uprobe_param_");
                let local = v.read.starts_with("__uprobe_local_");
                match which {
                    "$return" => v.name == "return",
                    "$locals" => local,
                    "$parms" => param,
                    _ => param || local,
                }
            })
            .cloned()
            .collect();
        let mut pieces = Vec::new();
        for (i, v) in vars.iter().enumerate() {
            if i > 0 {
                pieces.push(Piece::Text(" ".into()));
            }
            pieces.push(Piece::Text(format!("{}=", v.name)));
            if [
                "__uprobe_param_none_",
                "__uprobe_param_at_none_",
                "__uprobe_local_none_",
            ]
            .iter()
            .any(|p| v.read.starts_with(p))
            {
                pieces.push(Piece::Text("?".into()));
                continue;
            }
            let read = self.read_context_var(v, span);
            let typed = match (path.pretty, v.kernel_type) {
                (Some(p), Some(ty)) => Some((p == ast::Pretty::Deep, ty)),
                _ => None,
            };
            match typed {
                Some((deep, ty)) => {
                    let r = self.context_types(sc).and_then(|t| {
                        let place = self.start_place(&t, read, ty);
                        self.pretty(sc, &t, place, deep, true, 0, span)
                    });
                    match r {
                        Ok(p) => pieces.extend(p),
                        Err(msg) => return self.typed_result(Err(msg), span),
                    }
                }
                None => {
                    pieces.push(Piece::Text("0x".into()));
                    pieces.push(Piece::Value("%x", read));
                }
            }
        }
        self.sprintf_pieces(pieces, span)
    }
}
