//! Lowering typed kernel accesses: `$var->member`, `$var[i]`, `&$var->member` and
//! `@cast(addr, "type"[, "kernel"])->member` (see `kernel_types`).
//!
//! A path is walked over the kernel's types at elaboration time and becomes address
//! arithmetic ending in one of the library's `kernel_*` reads: a member's offset, an
//! element's size and a field's width are constants here. Arrays give their address (as
//! in SystemTap: `kernel_string($task->comm)`), integers their value, sign- or
//! zero-extended as their type says, bitfields included.

use rstap_diag::Span;
use rstap_ir::{self as ir, Type};
use rstap_syntax::ast;

use crate::codes;
use crate::elab::Elab;
use crate::kernel_types::{KernelType, TypeShape, TypeSource, bare_type_name};
use crate::lower::Scope;

/// Where a path step stands.
enum Place {
    /// A value in hand (a pointer or an integer) of a kernel type.
    Value(ir::Expr, KernelType),
    /// An object in kernel memory; a bitfield starts `shift` bits after `addr`.
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
fn describe(types: &dyn TypeSource, ty: KernelType) -> &'static str {
    match types.shape(ty) {
        TypeShape::Int { .. } => "an integer",
        TypeShape::Pointer { target: None } => "an untyped pointer",
        TypeShape::Pointer { .. } => "a pointer",
        TypeShape::Aggregate { .. } => "a struct",
        TypeShape::Array { .. } => "an array",
        TypeShape::Other => "a value rstap cannot read",
    }
}

impl<'a> Elab<'a> {
    /// `$var...` for a context variable with a kernel type (`read` reads its value).
    pub(crate) fn lower_typed_target(
        &mut self,
        sc: &mut Scope,
        read: ir::Expr,
        ty: KernelType,
        path: &ast::TargetPath,
        span: Span,
    ) -> ir::Expr {
        let r = self
            .walk_path(sc, Place::Value(read, ty), path, span)
            .and_then(|p| self.finish_place(sc, p, path, span));
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
        let r = self
            .cast_type(type_name, module)
            .and_then(|ty| {
                self.walk_path(
                    sc,
                    Place::Object {
                        addr,
                        ty,
                        bitfield: None,
                    },
                    path,
                    span,
                )
            })
            .and_then(|p| self.finish_place(sc, p, path, span));
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
        let Ok(ty) = self.cast_type(type_name, module) else {
            return false;
        };
        let start = Place::Object {
            addr: long(0, span),
            ty,
            bitfield: None,
        };
        self.walk_path(sc, start, path, span)
            .and_then(|p| self.finish_place(sc, p, path, span))
            .is_ok()
    }

    /// `@defined($var->path)` for a context variable with a kernel type.
    pub(crate) fn typed_target_defined(
        &mut self,
        sc: &mut Scope,
        ty: KernelType,
        path: &ast::TargetPath,
        span: Span,
    ) -> bool {
        self.walk_path(sc, Place::Value(long(0, span), ty), path, span)
            .and_then(|p| self.finish_place(sc, p, path, span))
            .is_ok()
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

    fn types_or_err(&self) -> Result<&'a dyn TypeSource, String> {
        let catalog: &'a dyn crate::catalog::ProbeCatalog = self.catalog;
        match catalog.types() {
            Some(t) => match t.unavailable() {
                Some(why) => Err(why),
                None => Ok(t),
            },
            None => Err("kernel type information (BTF) is not available".into()),
        }
    }

    fn cast_type(&self, type_name: &str, module: Option<&str>) -> Result<KernelType, String> {
        // `kernel` or `kernel<linux/sched.h>`: the header only helps a C compiler.
        if let Some(m) = module
            && m != "kernel"
            && !m.starts_with("kernel<")
        {
            return Err(format!(
                "@cast into module '{m}' is not supported: only kernel types are known"
            ));
        }
        let types = self.types_or_err()?;
        types.find(type_name).ok_or_else(|| {
            format!(
                "type definition '{}' not found in the kernel's types",
                bare_type_name(type_name)
            )
        })
    }

    fn walk_path(
        &mut self,
        sc: &mut Scope,
        mut place: Place,
        path: &ast::TargetPath,
        span: Span,
    ) -> Result<Place, String> {
        if path.pretty.is_some() {
            return Err("pretty printing of kernel values ($var$) is not supported".into());
        }
        for step in &path.steps {
            // Members and elements are reached through a pointer held in a value.
            let place_now = match place {
                Place::Object { addr, ty, bitfield } => {
                    let types = self.types_or_err()?;
                    if let TypeShape::Pointer { .. } = types.shape(ty) {
                        Place::Value(self.read_object(sc, addr, ty, None, span)?, ty)
                    } else {
                        Place::Object { addr, ty, bitfield }
                    }
                }
                v => v,
            };
            place = match step {
                ast::TargetStep::Member(m) => self.member_step(place_now, &m.name)?,
                ast::TargetStep::Index(i) => {
                    let index = self.lower_expr(sc, i);
                    self.index_step(place_now, index, span)?
                }
            };
        }
        Ok(place)
    }

    fn member_step(&mut self, place: Place, name: &str) -> Result<Place, String> {
        let types = self.types_or_err()?;
        let (addr, ty) = match place {
            Place::Value(v, ty) => match types.shape(ty) {
                TypeShape::Pointer {
                    target: Some(target),
                } => (v, target),
                _ => {
                    return Err(format!(
                        "cannot read member '{name}' of {}",
                        describe(types, ty)
                    ));
                }
            },
            Place::Object { addr, ty, .. } => (addr, ty),
        };
        if !matches!(types.shape(ty), TypeShape::Aggregate { .. }) {
            return Err(format!(
                "cannot read member '{name}' of {}",
                describe(types, ty)
            ));
        }
        let m = types
            .member(ty, name)
            .ok_or_else(|| format!("unable to find member '{name}' in the kernel's type"))?;
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

    fn index_step(&mut self, place: Place, index: ir::Expr, span: Span) -> Result<Place, String> {
        let types = self.types_or_err()?;
        let (base, elem) = match place {
            Place::Value(v, ty) => match types.shape(ty) {
                TypeShape::Pointer { target: Some(e) } => (v, e),
                _ => return Err(format!("cannot index {}", describe(types, ty))),
            },
            Place::Object { addr, ty, .. } => match types.shape(ty) {
                TypeShape::Array { elem, .. } => (addr, elem),
                _ => return Err(format!("cannot index {}", describe(types, ty))),
            },
        };
        let size = types
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
            Place::Object { addr, ty, bitfield } => {
                let types = self.types_or_err()?;
                match types.shape(ty) {
                    // An array reads as its address, a struct not at all.
                    TypeShape::Array { .. } => Ok(addr),
                    TypeShape::Aggregate { .. } => {
                        Err("a struct cannot be read as a value; name one of its members".into())
                    }
                    _ => self.read_object(sc, addr, ty, bitfield, span),
                }
            }
        }
    }

    /// Reads an integer or pointer of type `ty` at `addr`.
    fn read_object(
        &mut self,
        sc: &mut Scope,
        addr: ir::Expr,
        ty: KernelType,
        bitfield: Option<(u32, u32)>,
        span: Span,
    ) -> Result<ir::Expr, String> {
        let types = self.types_or_err()?;
        let (size, signed) = match types.shape(ty) {
            TypeShape::Int { size, signed } => (size, signed),
            TypeShape::Pointer { .. } => (8, false),
            _ => return Err(format!("cannot read {}", describe(types, ty))),
        };
        if let Some((shift, bits)) = bitfield {
            let need = (shift + bits).div_ceil(8);
            let unit = [1, 2, 4, 8].into_iter().find(|&u| u >= need).unwrap_or(8);
            let mut v = self.kernel_read(sc, addr, unit, span)?;
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
        let v = self.kernel_read(sc, addr, size, span)?;
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

    /// `kernel_char/short/int/long(addr)`, the library's faulting reads.
    fn kernel_read(
        &mut self,
        sc: &mut Scope,
        addr: ir::Expr,
        size: u32,
        span: Span,
    ) -> Result<ir::Expr, String> {
        let name = match size {
            1 => "kernel_char",
            2 => "kernel_short",
            4 => "kernel_int",
            _ => "kernel_long",
        };
        let func = self
            .find_function(name, 1, sc.file, span)
            .ok_or_else(|| format!("the library function {name} is missing"))?;
        Ok(ir::Expr::new(
            ir::ExprKind::Call {
                func,
                args: vec![addr],
            },
            Type::Long,
            span,
        ))
    }
}
