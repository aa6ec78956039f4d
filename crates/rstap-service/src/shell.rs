//! The part of the shell language that service configuration files use.
//!
//! SystemTap's initscript *sources* its configuration files, so they are shell. rstap
//! does not run a shell: it reads the assignments such files are documented to hold —
//! `NAME=value`, `NAME="value"`, `NAME='value'`, optionally after `export`, with
//! `$NAME`/`${NAME}` referring to earlier values, and `#` comments — and names the line
//! of anything else instead of executing it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where a value was assigned (or `None` for a built-in default).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: PathBuf,
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Line 0: the file as a whole.
        if self.line == 0 {
            write!(f, "{}", self.file.display())
        } else {
            write!(f, "{}:{}", self.file.display(), self.line)
        }
    }
}

/// A line rstap cannot read as an assignment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub origin: Origin,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// Shell variables after reading the files in order: later assignments win, as when
/// sourcing them one after the other.
#[derive(Clone, Debug, Default)]
pub struct Variables {
    values: BTreeMap<String, (String, Option<Origin>)>,
}

impl Variables {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(|(v, _)| v.as_str())
    }

    /// Where `name` was last assigned, if in a file.
    pub fn origin(&self, name: &str) -> Option<&Origin> {
        self.values.get(name).and_then(|(_, o)| o.as_ref())
    }

    pub fn set_default(&mut self, name: &str, value: &str) {
        self.values
            .insert(name.to_string(), (value.to_string(), None));
    }

    /// Reads the assignments of one file's text into these variables.
    pub fn read(&mut self, file: &Path, text: &str) -> Result<(), ConfigError> {
        for (i, raw) in text.lines().enumerate() {
            let origin = Origin {
                file: file.to_path_buf(),
                line: i + 1,
            };
            let fail = |message: String| ConfigError {
                origin: origin.clone(),
                message,
            };
            let line = raw.trim_start();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let line = line.strip_prefix("export ").map_or(line, str::trim_start);
            let Some((name, rest)) = split_assignment(line) else {
                return Err(fail(format!(
                    "cannot interpret `{}`: only assignments NAME=value (with optional quotes) and # comments are understood; rstap does not run configuration files as shell",
                    raw.trim()
                )));
            };
            let value = self.word(rest).map_err(fail)?;
            self.values
                .insert(name.to_string(), (value, Some(origin.clone())));
        }
        Ok(())
    }

    /// The value of the shell word `text` (the whole rest of the line, up to an optional
    /// comment): quotes removed and variables expanded.
    fn word(&self, text: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\'' => loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => out.push(c),
                        None => return Err("unterminated single quote".into()),
                    }
                },
                '"' => loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\' | '$' | '`')) => out.push(c),
                            Some(c) => {
                                out.push('\\');
                                out.push(c);
                            }
                            None => return Err("unterminated double quote".into()),
                        },
                        Some('$') => out.push_str(&self.expand(&mut chars)?),
                        Some('`') => return Err(command_substitution()),
                        Some(c) => out.push(c),
                        None => {
                            return Err(
                                "unterminated double quote (values must end on the line they start)"
                                    .into(),
                            );
                        }
                    }
                },
                '\\' => match chars.next() {
                    Some(c) => out.push(c),
                    None => return Err("a line ending in `\\` continues nothing here".into()),
                },
                '$' => out.push_str(&self.expand(&mut chars)?),
                '`' => return Err(command_substitution()),
                c if c.is_whitespace() => {
                    let rest: String = chars.collect();
                    let rest = rest.trim_start();
                    if rest.is_empty() || rest.starts_with('#') {
                        break;
                    }
                    return Err(format!(
                        "unexpected `{rest}` after the value: quote values that contain spaces, e.g. NAME=\"a b\""
                    ));
                }
                ';' | '&' | '|' | '<' | '>' | '(' | ')' => {
                    return Err(format!(
                        "`{c}` is shell syntax rstap does not run: quote it if it is part of the value"
                    ));
                }
                c => out.push(c),
            }
        }
        Ok(out)
    }

    /// After a `$`: `NAME` or `{NAME}`, replaced by its value so far.
    fn expand(
        &self,
        chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    ) -> Result<String, String> {
        let braced = chars.peek() == Some(&'{');
        if braced {
            chars.next();
        }
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_ascii_alphanumeric() || c == '_' {
                name.push(c);
                chars.next();
            } else {
                break;
            }
        }
        if braced && chars.next() != Some('}') {
            return Err("only ${NAME} is understood inside ${...}".into());
        }
        if !is_name(&name) {
            return Err(if chars.peek() == Some(&'(') {
                command_substitution()
            } else {
                "`$` must be followed by a variable name (write \\$ for a literal dollar)".into()
            });
        }
        match self.get(&name) {
            Some(v) => Ok(v.to_string()),
            None => Err(format!(
                "${name} is not set before this line (only variables assigned earlier in the configuration are known)"
            )),
        }
    }
}

fn command_substitution() -> String {
    "command substitution is shell syntax rstap does not run: write the value itself".into()
}

/// A shell variable name.
pub fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `NAME=rest` with a valid name and no space before the `=`.
fn split_assignment(line: &str) -> Option<(&str, &str)> {
    let (name, rest) = line.split_once('=')?;
    is_name(name).then_some((name, rest))
}

/// SystemTap's boolean spellings.
pub fn parse_bool(value: &str) -> Option<bool> {
    match value {
        "y" | "Y" | "yes" | "1" => Some(true),
        "n" | "N" | "no" | "0" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Variables, ConfigError> {
        let mut v = Variables::default();
        v.set_default("CACHE_PATH", "/var/cache/rstap");
        v.read(Path::new("config"), text)?;
        Ok(v)
    }

    fn err(text: &str) -> String {
        read(text).unwrap_err().to_string()
    }

    #[test]
    fn assignments_quotes_comments_and_expansion() {
        let v = read(
            "# a comment\n\
             \n\
             PASSALL=no\n\
             a_OPT=\"-w -DMAXMAPENTRIES=100\"   # trailing comment\n\
             b_REQ='c d'\n\
             export LOG_FILE=/tmp/x.log\n\
             \tTEMP_PATH=$CACHE_PATH/tmp\n\
             STAT_PATH=\"${TEMP_PATH}/stat\"\n\
             X=a\\ b\"c\"'$d'\n\
             EMPTY=\n\
             EMPTY2=\"\"\n",
        )
        .unwrap();
        assert_eq!(v.get("PASSALL"), Some("no"));
        assert_eq!(v.get("a_OPT"), Some("-w -DMAXMAPENTRIES=100"));
        assert_eq!(v.get("b_REQ"), Some("c d"));
        assert_eq!(v.get("LOG_FILE"), Some("/tmp/x.log"));
        assert_eq!(v.get("TEMP_PATH"), Some("/var/cache/rstap/tmp"));
        assert_eq!(v.get("STAT_PATH"), Some("/var/cache/rstap/tmp/stat"));
        assert_eq!(v.get("X"), Some("a bc$d"));
        assert_eq!(v.get("EMPTY"), Some(""));
        assert_eq!(v.get("EMPTY2"), Some(""));
        assert_eq!(v.origin("b_REQ").unwrap().to_string(), "config:5");
        assert!(v.origin("CACHE_PATH").is_none());
    }

    #[test]
    fn later_assignments_win() {
        let mut v = read("A=1\n").unwrap();
        v.read(Path::new("conf.d/a.conf"), "A=2\n").unwrap();
        assert_eq!(v.get("A"), Some("2"));
        assert_eq!(v.origin("A").unwrap().to_string(), "conf.d/a.conf:1");
    }

    #[test]
    fn shell_it_cannot_read_is_refused_with_its_line() {
        assert!(
            err("A=1\nif true; then\n").starts_with("config:2: cannot interpret `if true; then`")
        );
        assert!(err("echo hi\n").contains("only assignments NAME=value"));
        assert!(err("A = 1\n").starts_with("config:1: cannot interpret"));
        assert!(err("1A=x\n").starts_with("config:1: cannot interpret"));
        assert!(err("A=$(uname -r)\n").contains("command substitution"));
        assert!(err("A=`uname -r`\n").contains("command substitution"));
        assert!(err("A=\"`uname`\"\n").contains("command substitution"));
        assert!(err("A=a b\n").contains("quote values that contain spaces"));
        assert!(err("A=1; B=2\n").contains("`;` is shell syntax"));
        assert!(err("A=\"open\n").contains("unterminated double quote"));
        assert!(err("A='open\n").contains("unterminated single quote"));
        assert!(err("A=$NOPE\n").contains("$NOPE is not set before this line"));
        assert!(err("A=${x:-y}\n").contains("only ${NAME}"));
    }

    #[test]
    fn booleans() {
        for t in ["y", "Y", "yes", "1"] {
            assert_eq!(parse_bool(t), Some(true), "{t}");
        }
        for f in ["n", "N", "no", "0"] {
            assert_eq!(parse_bool(f), Some(false), "{f}");
        }
        for bad in ["", "true", "YES", "2", "off"] {
            assert_eq!(parse_bool(bad), None, "{bad}");
        }
    }

    #[test]
    fn names() {
        assert!(is_name("a"));
        assert!(is_name("_x9"));
        assert!(is_name("Abc_1"));
        assert!(!is_name(""));
        assert!(!is_name("9a"));
        assert!(!is_name("a-b"));
        assert!(!is_name("a.b"));
    }
}
