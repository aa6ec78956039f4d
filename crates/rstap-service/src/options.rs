//! `NAME_OPT` split into the options of the compile and those of the run.
//!
//! As in SystemTap's initscript, the compile ignores the options that the service
//! decides itself or that belong to the run — `-p -m -r -c -x -e -o -S` with their
//! arguments and `-h -V -k -F` — and the run keeps only `-c -x -o -S` (with their
//! arguments), plus rstap's `--metrics ADDR:PORT`. One difference: `-s NUM` stays with the compile, because rstap sizes the
//! output buffer when it compiles the session.

/// Short options that take an argument (stap's option string).
const WITH_ARGUMENT: &str = "pIeEoRramcxDsldLSBJGT";
/// Ignored by the compile, with their arguments.
const NOT_COMPILED_WITH_ARGUMENT: &str = "pmrcxeoS";
/// Ignored by the compile.
const NOT_COMPILED: &str = "hVkF";
/// Kept for the run, with their arguments.
const RUN_WITH_ARGUMENT: &str = "cxoS";
/// Long options that take their argument as the next word.
const LONG_WITH_ARGUMENT: &[&str] = &[
    "--vp",
    "--runtime",
    "--compatible",
    "--privilege",
    "--flamegraph",
    "--remote",
    "--remote-rstap",
    "--kernel-btf",
    "--metrics",
];
/// Long options of the run alone.
const LONG_RUN_ONLY: &[&str] = &["--metrics"];
/// Long options that matter to the run as well as to the compile.
const LONG_FOR_RUN: &[&str] = &["--suppress-handler-errors", "--no-global-var-display"];

/// One script's options, split.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScriptOptions {
    /// For `rstap -p4`.
    pub compile: Vec<String>,
    /// For `rstap run`.
    pub run: Vec<String>,
    /// The run's `-o FILE`, if given.
    pub output: Option<String>,
    /// Options dropped from both, as written (for a warning).
    pub ignored: Vec<String>,
}

/// Splits `NAME_OPT` words.
pub fn split(words: &[String]) -> ScriptOptions {
    let mut out = ScriptOptions::default();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        i += 1;
        if let Some(long) = w.strip_prefix("--") {
            let name = format!("--{}", long.split('=').next().unwrap_or_default());
            let mut taken = vec![w.clone()];
            if !w.contains('=') && LONG_WITH_ARGUMENT.contains(&name.as_str()) && i < words.len() {
                taken.push(words[i].clone());
                i += 1;
            }
            if LONG_RUN_ONLY.contains(&name.as_str()) {
                out.run.extend(taken);
                continue;
            }
            if LONG_FOR_RUN.contains(&name.as_str()) {
                out.run.extend(taken.iter().cloned());
            }
            out.compile.extend(taken);
            continue;
        }
        let Some(cluster) = w.strip_prefix('-').filter(|c| !c.is_empty()) else {
            // A stray word (stap would take it for the script): the service names the
            // script itself, so it goes nowhere.
            out.ignored.push(w.clone());
            continue;
        };
        let mut flags = String::new();
        for (at, c) in cluster.char_indices() {
            if !WITH_ARGUMENT.contains(c) {
                if NOT_COMPILED.contains(c) {
                    out.ignored.push(format!("-{c}"));
                } else {
                    flags.push(c);
                }
                continue;
            }
            if !flags.is_empty() {
                out.compile.push(format!("-{}", std::mem::take(&mut flags)));
            }
            let attached = &cluster[at + c.len_utf8()..];
            let value = if !attached.is_empty() {
                attached.to_string()
            } else if i < words.len() {
                i += 1;
                words[i - 1].clone()
            } else {
                String::new()
            };
            if RUN_WITH_ARGUMENT.contains(c) {
                if c == 'o' {
                    out.output = Some(value.clone());
                }
                out.run.push(format!("-{c}"));
                out.run.push(value);
            } else if NOT_COMPILED_WITH_ARGUMENT.contains(c) {
                out.ignored
                    .push(format!("-{c} {value}").trim_end().to_string());
            } else {
                out.compile.push(format!("-{c}"));
                out.compile.push(value);
            }
            break;
        }
        if !flags.is_empty() {
            out.compile.push(format!("-{flags}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_str(s: &str) -> ScriptOptions {
        let words: Vec<String> = s.split_whitespace().map(str::to_string).collect();
        split(&words)
    }

    #[test]
    fn the_service_options_are_dropped_from_the_compile() {
        let o = split_str("-p2 -m x -r 5.0 -e foo -k -F -h -V -w -DMAXMAPENTRIES=100");
        assert_eq!(o.compile, ["-w", "-D", "MAXMAPENTRIES=100"]);
        assert!(o.run.is_empty());
        assert_eq!(o.output, None);
        assert_eq!(
            o.ignored,
            ["-p 2", "-m x", "-r 5.0", "-e foo", "-k", "-F", "-h", "-V"]
        );
    }

    #[test]
    fn run_options_go_to_the_run_only() {
        let o = split_str("-o /tmp/out -c ls -x 42 -S 1,2 -v -s 4");
        assert_eq!(o.compile, ["-v", "-s", "4"]);
        assert_eq!(
            o.run,
            ["-o", "/tmp/out", "-c", "ls", "-x", "42", "-S", "1,2"]
        );
        assert_eq!(o.output.as_deref(), Some("/tmp/out"));
        let attached = split_str("-o/tmp/o2 -x7");
        assert_eq!(attached.run, ["-o", "/tmp/o2", "-x", "7"]);
        assert_eq!(attached.output.as_deref(), Some("/tmp/o2"));
    }

    #[test]
    fn clusters_are_split_by_option() {
        // -w and -v stay, -k goes, -o takes the rest of the word.
        let o = split_str("-wkvo/tmp/x");
        assert_eq!(o.compile, ["-wv"]);
        assert_eq!(o.run, ["-o", "/tmp/x"]);
        assert_eq!(o.ignored, ["-k"]);
        let o = split_str("-gD MAXACTION=10");
        assert_eq!(o.compile, ["-g", "-D", "MAXACTION=10"]);
    }

    #[test]
    fn long_options() {
        let o =
            split_str("--suppress-handler-errors --vp 00200 --privilege=stapusr --skip-badvars");
        assert_eq!(
            o.compile,
            [
                "--suppress-handler-errors",
                "--vp",
                "00200",
                "--privilege=stapusr",
                "--skip-badvars"
            ]
        );
        assert_eq!(o.run, ["--suppress-handler-errors"]);
        let o = split_str("--metrics 127.0.0.1:9100 -w --metrics=9101");
        assert_eq!(o.compile, ["-w"]);
        assert_eq!(o.run, ["--metrics", "127.0.0.1:9100", "--metrics=9101"]);
    }

    #[test]
    fn stray_words_are_ignored() {
        let o = split_str("foo.stp -w");
        assert_eq!(o.compile, ["-w"]);
        assert_eq!(o.ignored, ["foo.stp"]);
    }
}
