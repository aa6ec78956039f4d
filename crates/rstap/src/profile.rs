//! `--folded` and `--flamegraph`: a session's kernel stack aggregations as folded stacks
//! and SVG flame graphs.
//!
//! What feeds them: every global array one of whose keys is filled with `backtrace()`
//! or `sprint_backtrace()` (directly, or through a local holding one) and whose value
//! counts — a statistics array (its `@count`) or an array of numbers (the number).
//! `rstap_ir::stacks::stack_keyed_arrays` finds them; they are read when the events
//! stop, before end probes run (which often print and delete them).
//!
//! Each row becomes one folded line, frames root first: the row's other keys in key
//! order (strings as they are, numbers in decimal), then the kernel frames from the
//! outermost in, each named by its function (as `symname` names it; a frame without a
//! symbol by its hex address). A row whose kernel stack is empty (the event interrupted
//! user space, or the stack could not be recorded — then a warning counts them) has the
//! frame `[no-kernel-stack]`. With several aggregations, each line starts with the
//! global's name.

use rstap_interp::Value;
use rstap_ir::Program;
use rstap_ir::stacks::{StackKeyKind, StackKeyed};
use rstap_runtime::StackRows;
use rstap_symbolize::format::{parse_hex_stack, symname};
use rstap_symbolize::{FoldedProfile, Resolver, SharedKernelSymbols};

/// The frame of a sample without kernel frames.
pub const NO_KERNEL_STACK: &str = "[no-kernel-stack]";

/// Why no profile can be made of a program, before it runs.
pub fn unprofilable(program: &Program, keyed: &[StackKeyed], has_kernel: bool) -> Option<String> {
    if keyed.is_empty() {
        let arrays = program.globals.iter().any(|g| !g.from_tapset);
        return Some(format!(
            "no global array is keyed by a kernel stack{}: --folded and --flamegraph draw \
             arrays with a backtrace() or sprint_backtrace() key whose value counts, such as \
             `global s; probe timer.profile {{ s[backtrace()] <<< 1 }}`",
            if arrays {
                ""
            } else {
                " (the script has no global arrays)"
            }
        ));
    }
    if !has_kernel {
        return Some(
            "the stack aggregations are only filled by kernel probes (timer.profile, \
             perf.*, kernel.trace(...)), and this script has none"
                .to_string(),
        );
    }
    None
}

/// The frames of a kernel stack key, outermost first.
fn stack_frames(kind: StackKeyKind, text: &[u8], symbols: &SharedKernelSymbols) -> Vec<String> {
    let text = String::from_utf8_lossy(text);
    let mut frames: Vec<String> = match kind {
        StackKeyKind::Hex => parse_hex_stack(&text)
            .into_iter()
            .map(|a| symname(&symbols.resolve(a)))
            .collect(),
        // `sym+0xOFF [module]`, or `0xADDR [module+0xOFF]`, or `0xADDR`, per line.
        StackKeyKind::Symbols => text
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| {
                let head = l.split(' ').next().unwrap_or(l);
                head.split('+').next().unwrap_or(head).to_string()
            })
            .collect(),
    };
    frames.reverse();
    frames
}

/// The folded profile of the rows read from a session.
pub fn folded_profile(
    stacks: &[StackRows],
    symbols: &SharedKernelSymbols,
    program: &Program,
) -> FoldedProfile {
    let mut profile = FoldedProfile::new();
    let named = stacks.len() > 1;
    for StackRows { keyed, rows } in stacks {
        let global = &program.global(keyed.global).name;
        for (keys, count) in rows {
            let mut frames = Vec::new();
            if named {
                frames.push(global.clone());
            }
            for (i, k) in keys.iter().enumerate() {
                if i == keyed.position {
                    continue;
                }
                frames.push(match k {
                    Value::Long(n) => n.to_string(),
                    Value::Str(s) => String::from_utf8_lossy(s).into_owned(),
                });
            }
            let stack = match keys.get(keyed.position) {
                Some(Value::Str(s)) => stack_frames(keyed.kind, s, symbols),
                _ => Vec::new(),
            };
            if stack.is_empty() {
                frames.push(NO_KERNEL_STACK.to_string());
            } else {
                frames.extend(stack);
            }
            profile.add(frames, *count);
        }
    }
    profile
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstap_ir::GlobalId;
    use rstap_symbolize::KernelSymbols;

    fn symbols() -> SharedKernelSymbols {
        SharedKernelSymbols::from_table(
            KernelSymbols::parse(
                "ffffffff81000000 T _stext\nffffffff81000100 T vfs_read\n\
                 ffffffff81000200 T do_syscall_64\nffffffff81000300 T _etext\n",
            )
            .unwrap(),
        )
    }

    fn program(names: &[&str]) -> Program {
        let mut p = Program::default();
        for n in names {
            p.globals.push(rstap_ir::Global {
                name: n.to_string(),
                kind: rstap_ir::GlobalKind::StatArray {
                    keys: vec![],
                    stat: Default::default(),
                },
                init: None,
                max_entries: None,
                wrap: false,
                from_tapset: false,
                display_at_exit: false,
                span: rstap_diag::Span::DUMMY,
            });
        }
        p
    }

    fn str(s: &str) -> Value {
        Value::Str(s.as_bytes().to_vec())
    }

    #[test]
    fn rows_fold_root_first_with_their_other_keys() {
        let rows = StackRows {
            keyed: StackKeyed {
                global: GlobalId(0),
                position: 1,
                kind: StackKeyKind::Hex,
            },
            rows: vec![
                (
                    vec![str("cat"), str("0xffffffff81000110 0xffffffff81000210")],
                    3,
                ),
                (
                    vec![str("cat"), str("0xffffffff81000110 0xffffffff81000210")],
                    2,
                ),
                (vec![str("sh"), str("0xffffffff81000110 0x20")], 1),
                (vec![str("sh"), str("")], 7),
            ],
        };
        let p = folded_profile(&[rows], &symbols(), &program(&["s"]));
        assert_eq!(
            p.folded(),
            "cat;do_syscall_64;vfs_read 5\nsh;0x20;vfs_read 1\nsh;[no-kernel-stack] 7\n"
        );
        assert_eq!(p.total(), 13);
    }

    #[test]
    fn several_aggregations_are_named_and_symbol_keys_parsed() {
        let a = StackRows {
            keyed: StackKeyed {
                global: GlobalId(0),
                position: 0,
                kind: StackKeyKind::Hex,
            },
            rows: vec![(vec![str("0xffffffff81000110")], 4)],
        };
        let b = StackRows {
            keyed: StackKeyed {
                global: GlobalId(1),
                position: 1,
                kind: StackKeyKind::Symbols,
            },
            rows: vec![(
                vec![
                    Value::Long(1),
                    str("vfs_read+0x10 [kernel]\n0x20 [mod+0x4]\n0x30"),
                ],
                2,
            )],
        };
        let p = folded_profile(&[a, b], &symbols(), &program(&["s", "t"]));
        assert_eq!(p.folded(), "s;vfs_read 4\nt;1;0x30;0x20;vfs_read 2\n");
    }

    #[test]
    fn scripts_without_stack_aggregations_are_refused() {
        let keyed = [StackKeyed {
            global: GlobalId(0),
            position: 0,
            kind: StackKeyKind::Hex,
        }];
        let p = program(&["s"]);
        assert!(unprofilable(&p, &[], true).unwrap().contains("backtrace()"));
        assert!(
            unprofilable(&Program::default(), &[], true)
                .unwrap()
                .contains("no global arrays")
        );
        assert!(
            unprofilable(&p, &keyed, false)
                .unwrap()
                .contains("kernel probes")
        );
        assert_eq!(unprofilable(&p, &keyed, true), None);
    }
}
