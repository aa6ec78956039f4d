//! `-G NAME=VALUE`: a scalar global of the script starts at VALUE, before the begin
//! probes run, in place of its initialiser. The value becomes the global's initial
//! value in the elaborated program, which both the BPF maps and the interpreter's store
//! start from; a compiled session (`rstap run -G`) is changed the same way.

use rstap_diag::{Code, Diagnostic, Span, Stage};
use rstap_ir::{GlobalKind, Literal, Program, Type};

use crate::config::UsageError;

/// The diagnostic code of a `-G` setting the script cannot take.
pub const SETTING_DOES_NOT_FIT: Code = Code("C0004");

/// One `-G NAME=VALUE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlobalSetting {
    pub name: String,
    pub value: String,
}

/// Parses `NAME=VALUE`: NAME an identifier, VALUE any text (a number for a numeric
/// global, checked once the script's types are known).
pub fn parse(arg: &str) -> Result<GlobalSetting, UsageError> {
    let name_ok = |n: &str| {
        n.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    match arg.split_once('=') {
        Some((name, value)) if name_ok(name) => Ok(GlobalSetting {
            name: name.to_string(),
            value: value.to_string(),
        }),
        _ => Err(UsageError {
            message: format!("Safety pattern mismatch for -G parameter ({arg})"),
            help: Some(
                "write -G NAME=VALUE, NAME a global of the script, e.g. -G threshold=100".into(),
            ),
        }),
    }
}

/// A number as a script writes one: decimal, `0x` hexadecimal or `0` octal, with an
/// optional sign. Hexadecimal and octal may give all 64 bits (`0xffffffffffffffff` is -1).
pub fn parse_number(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || digits.starts_with(['+', '-']) {
        return None;
    }
    let (radix, body) = if let Some(h) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        (16, h)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, &digits[1..])
    } else {
        (10, digits)
    };
    let magnitude = u64::from_str_radix(body, radix).ok()?;
    let value = if radix == 10 {
        match (negative, i64::try_from(magnitude)) {
            (false, Ok(v)) => v,
            (true, Ok(v)) => -v,
            (true, Err(_)) if magnitude == 1 << 63 => i64::MIN,
            _ => return None,
        }
    } else {
        let v = magnitude as i64;
        if negative { v.wrapping_neg() } else { v }
    };
    Some(value)
}

/// Gives each named global its value. `declared(name)` says whether the user script
/// declares a global of that name: one the elaboration dropped as unused needs no value.
/// The first setting the program cannot take is returned as an error.
pub fn apply(
    program: &mut Program,
    settings: &[GlobalSetting],
    declared: impl Fn(&str) -> bool,
) -> Result<(), Box<Diagnostic>> {
    for s in settings {
        let option = format!("-G {}={}", s.name, s.value);
        let found = program
            .globals
            .iter_mut()
            .find(|g| !g.from_tapset && g.name == s.name);
        let Some(global) = found else {
            if declared(&s.name) {
                continue;
            }
            let names = program
                .globals
                .iter()
                .filter(|g| !g.from_tapset)
                .map(|g| g.name.as_str());
            let similar = rstap_diag::similar_list(&s.name, names, 3);
            return Err(Box::new(
                Diagnostic::error(
                    Stage::CommandLine,
                    SETTING_DOES_NOT_FIT,
                    format!(
                        "{option}: the script declares no global '{}'{similar}",
                        s.name
                    ),
                )
                .with_help(format!(
                    "declare it in the script (global {}) or correct the name",
                    s.name
                )),
            ));
        };
        let refuse = |why: String, help: &str| {
            let d = Diagnostic::error(
                Stage::CommandLine,
                SETTING_DOES_NOT_FIT,
                format!("{option}: {why}"),
            );
            let d = if global.span == Span::DUMMY {
                d
            } else {
                d.with_primary(global.span, "declared here")
            };
            Err(Box::new(d.with_help(help)))
        };
        let value = match &global.kind {
            GlobalKind::Scalar(Type::String) => Literal::String(s.value.clone().into_bytes()),
            GlobalKind::Scalar(_) => match parse_number(&s.value) {
                Some(n) => Literal::Long(n),
                None => {
                    return refuse(
                        format!(
                            "'{}' holds numbers, and '{}' is not a number",
                            s.name, s.value
                        ),
                        "give a number, e.g. 100, -5 or 0x1f",
                    );
                }
            },
            GlobalKind::Array { .. } | GlobalKind::StatArray { .. } => {
                return refuse(
                    format!("'{}' is an array; -G sets scalar globals only", s.name),
                    "set the array's entries in a begin probe instead",
                );
            }
            GlobalKind::Stat(_) => {
                return refuse(
                    format!(
                        "'{}' holds statistics (<<<); -G sets scalar globals only",
                        s.name
                    ),
                    "pass the value in a scalar global and add it with <<< in a begin probe",
                );
            }
        };
        global.init = Some(value);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_values() {
        assert_eq!(
            parse("limit=10").unwrap(),
            GlobalSetting {
                name: "limit".into(),
                value: "10".into()
            }
        );
        assert_eq!(parse("_s=a=b").unwrap().value, "a=b");
        assert_eq!(parse("s=").unwrap().value, "");
        for bad in ["=1", "9x=1", "a-b=1", "x", "x y=1"] {
            assert_eq!(
                parse(bad).unwrap_err().message,
                format!("Safety pattern mismatch for -G parameter ({bad})")
            );
        }
    }

    #[test]
    fn numbers_as_scripts_write_them() {
        let cases = [
            ("42", Some(42)),
            ("-42", Some(-42)),
            ("+7", Some(7)),
            ("0x1f", Some(31)),
            ("0X1F", Some(31)),
            ("010", Some(8)),
            ("0", Some(0)),
            ("9223372036854775807", Some(i64::MAX)),
            ("-9223372036854775808", Some(i64::MIN)),
            ("9223372036854775808", None),
            ("0xffffffffffffffff", Some(-1)),
            ("", None),
            ("-", None),
            ("--1", None),
            ("1.5", None),
            ("08", None),
            ("12abc", None),
            (" 1", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), want, "{text:?}");
        }
    }
}
