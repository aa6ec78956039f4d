//! The process events of one program or one process: `process("PATH").begin`,
//! `process(PID).syscall`... SystemTap's `process` events fire in the processes the
//! point names; rstap builds them from the events of every process (tapset aliases over
//! scheduler and system call tracepoints) and a condition on the process that fires:
//! its pid, or the file it runs (inode and device, so a path reached through links or
//! another name still matches, and another file of the same name does not).

use rstap_diag::Span;
use rstap_ir::{FieldKind, ProbeKind, TracepointField, Type};
use rstap_syntax::ast::{self, BinaryOp, ExprKind as E};

use crate::catalog::{ContextVar, Executable, ResolvedPoint};

fn expr(kind: E, span: Span) -> ast::Expr {
    ast::Expr { kind, span }
}

fn number(n: i64, span: Span) -> ast::Expr {
    expr(E::Literal(ast::Literal::Number(n)), span)
}

fn call(name: &str, args: Vec<ast::Expr>, span: Span) -> ast::Expr {
    expr(
        E::Call {
            name: ast::Ident {
                name: name.to_string(),
                span,
            },
            args,
        },
        span,
    )
}

/// `pid() == PID`.
pub fn pid_is(pid: i64, span: Span) -> ast::Expr {
    expr(
        E::Binary {
            op: BinaryOp::Eq,
            lhs: Box::new(call("pid", Vec::new(), span)),
            rhs: Box::new(number(pid, span)),
        },
        span,
    )
}

/// `__process_runs(INODE, DEVICE)`: the current process runs the file.
pub fn executable_is(exe: &Executable, span: Span) -> ast::Expr {
    call(
        "__process_runs",
        vec![
            number(exe.inode as i64, span),
            number(exe.device as i64, span),
        ],
        span,
    )
}

/// SystemTap's context of `process.syscall` on a `raw_syscalls:sys_enter` point:
/// `$syscall` (the number) and `$arg1`..`$arg6`; of `process.syscall.return` on
/// `sys_exit`: `$syscall` and `$return`.
pub fn syscall_context(point: &mut ResolvedPoint, ret: bool) {
    let ProbeKind::Tracepoint { fields, .. } = &mut point.kind else {
        return;
    };
    let field = |name: &str| format!("__tracepoint_field_{name}");
    let var = |name: &str, read: String| ContextVar {
        name: name.to_string(),
        ty: Type::Long,
        read,
        write: None,
        kernel_type: None,
    };
    // The record's fields under SystemTap's names (which `-L` lists).
    for f in fields.iter_mut() {
        match f.name.as_str() {
            "id" => f.name = "syscall".into(),
            "ret" => f.name = "return".into(),
            _ => {}
        }
    }
    let mut vars = vec![var("syscall", field("syscall"))];
    if ret {
        vars.push(var("return", field("return")));
    } else if let Some(id) = fields.iter().find(|f| f.name == "syscall").cloned() {
        // `unsigned long args[6]` follows the number (the catalog offers no field for an
        // array of numbers).
        let args = id.offset + id.size;
        for i in 0..6u32 {
            let name = format!("arg{}", i + 1);
            fields.push(TracepointField {
                name: name.clone(),
                c_type: "unsigned long".into(),
                offset: args + 8 * i,
                size: 8,
                signed: false,
                kind: FieldKind::Integer,
            });
            vars.push(var(&name, field(&name)));
        }
    }
    point.context = vars;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(name: &str, fields: Vec<TracepointField>) -> ResolvedPoint {
        ResolvedPoint {
            kind: ProbeKind::Tracepoint {
                system: "raw_syscalls".into(),
                name: name.into(),
                fields,
            },
            pp: format!("kernel.trace(\"raw_syscalls:{name}\")"),
            context: Vec::new(),
        }
    }

    fn f(name: &str, offset: u32, size: u32) -> TracepointField {
        TracepointField {
            name: name.into(),
            c_type: "long".into(),
            offset,
            size,
            signed: true,
            kind: FieldKind::Integer,
        }
    }

    #[test]
    fn syscall_points_offer_the_number_and_six_arguments() {
        let mut p = raw("sys_enter", vec![f("id", 8, 8)]);
        syscall_context(&mut p, false);
        let names: Vec<&str> = p.context.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(
            names,
            ["syscall", "arg1", "arg2", "arg3", "arg4", "arg5", "arg6"]
        );
        assert_eq!(p.context[0].read, "__tracepoint_field_syscall");
        let ProbeKind::Tracepoint { fields, .. } = &p.kind else {
            unreachable!()
        };
        let arg3 = fields.iter().find(|f| f.name == "arg3").unwrap();
        assert_eq!((arg3.offset, arg3.size), (32, 8));

        let mut p = raw("sys_exit", vec![f("id", 8, 8), f("ret", 16, 8)]);
        syscall_context(&mut p, true);
        let names: Vec<&str> = p.context.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["syscall", "return"]);
        assert_eq!(p.context[1].read, "__tracepoint_field_return");
    }

    #[test]
    fn filters_name_the_process_or_its_program() {
        let span = Span::DUMMY;
        let e = pid_is(42, span);
        assert!(matches!(
            e.kind,
            E::Binary {
                op: BinaryOp::Eq,
                ..
            }
        ));
        let exe = Executable {
            path: "/bin/true".into(),
            inode: 7,
            device: (8 << 20) | 1,
        };
        let E::Call { name, args } = executable_is(&exe, span).kind else {
            panic!("a call")
        };
        assert_eq!(name.name, "__process_runs");
        assert_eq!(args.len(), 2);
    }
}
