//! Which of the local command line each remote rstap gets.
//!
//! Everything that shapes the compilation or the run goes along. What acts on this
//! machine stays here: the script source (sent as the payload), `-o` (the merged output
//! is written here), `-I` (its directories are local: only a compilation here uses
//! them), `--color` (decided for this terminal) and the `--remote` options themselves.

use crate::options::StapArgs;

/// The options of a remote `rstap [OPTIONS] - [ARGS]` (without the script or its
/// arguments), in a form its command line parses back to the same settings.
pub fn compile_and_run_options(a: &StapArgs) -> Vec<String> {
    let mut v = Vec::new();
    for e in &a.extra_scripts {
        v.extend(["-E".to_string(), e.clone()]);
    }
    if let Some(p) = &a.pass {
        v.push(format!("-p{p}"));
    }
    for _ in 0..a.verbose {
        v.push("-v".into());
    }
    if let Some(vp) = &a.verbose_passes {
        v.push(format!("--vp={vp}"));
    }
    let flags = [
        (a.quiet, "-q"),
        (a.no_warnings, "-w"),
        (a.warnings_as_errors, "-W"),
        (a.guru, "-g"),
        (a.unoptimized, "-u"),
        (a.suppress_handler_errors, "--suppress-handler-errors"),
        (a.skip_badvars, "--skip-badvars"),
        (a.suppress_time_limits, "--suppress-time-limits"),
        (a.no_global_var_display, "--no-global-var-display"),
        (a.bpf, "--bpf"),
        (a.unprivileged, "--unprivileged"),
    ];
    v.extend(flags.iter().filter(|f| f.0).map(|f| f.1.to_string()));
    for d in &a.defines {
        v.extend(["-D".to_string(), d.clone()]);
    }
    for g in &a.set_globals {
        v.extend(["-G".to_string(), g.clone()]);
    }
    let valued = [
        ("-c", &a.command),
        ("-x", &a.target_pid),
        ("-s", &a.buffer_mb),
        ("-T", &a.timeout),
        ("-a", &a.arch),
        ("-l", &a.list),
        ("-L", &a.list_vars),
    ];
    for (name, value) in valued {
        if let Some(value) = value {
            v.extend([name.to_string(), value.clone()]);
        }
    }
    let long_valued = [
        ("--folded", &a.folded),
        ("--runtime", &a.runtime),
        ("--compatible", &a.compatible),
        ("--privilege", &a.privilege),
    ];
    for (name, value) in long_valued {
        if let Some(value) = value {
            v.push(format!("{name}={value}"));
        }
    }
    v
}

/// The options of a remote `rstap run [OPTIONS] -` for a session compiled here: those
/// that act when the session runs rather than when it is compiled.
pub fn run_options(a: &StapArgs) -> Vec<String> {
    let mut v = Vec::new();
    let flags = [
        (a.quiet, "-q"),
        (a.suppress_handler_errors, "--suppress-handler-errors"),
        (a.no_global_var_display, "--no-global-var-display"),
    ];
    v.extend(flags.iter().filter(|f| f.0).map(|f| f.1.to_string()));
    for (name, value) in [
        ("-c", &a.command),
        ("-x", &a.target_pid),
        ("-T", &a.timeout),
    ] {
        if let Some(value) = value {
            v.extend([name.to_string(), value.clone()]);
        }
    }
    for g in &a.set_globals {
        v.extend(["-G".to_string(), g.clone()]);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use clap::Parser;

    fn args(v: &[&str]) -> StapArgs {
        StapArgs::try_parse_from(std::iter::once("rstap").chain(v.iter().copied())).unwrap()
    }

    /// The remote command line parses back to the settings of the local one.
    #[test]
    fn forwarded_options_mean_the_same_there() {
        let local = args(&[
            "--remote",
            "h",
            "-o",
            "out.txt",
            "-I",
            "/local/tapsets",
            "-vv",
            "-q",
            "-w",
            "-g",
            "-D",
            "MAXACTION=5000",
            "-E",
            "probe end { println(\"x\") }",
            "-c",
            "workload getppid 5",
            "-s",
            "4",
            "-T",
            "2.5",
            "-G",
            "limit=3",
            "--suppress-handler-errors",
            "--no-global-var-display",
            "--folded=-",
            "--privilege=stapdev",
            "script.stp",
            "a",
            "--",
            "-5",
        ]);
        let mut remote = vec!["rstap".to_string()];
        remote.extend(compile_and_run_options(&local));
        remote.extend(["-".into(), "--".into(), "a".into(), "-5".into()]);
        let there = Config::from_args(StapArgs::try_parse_from(&remote).unwrap()).unwrap();
        let here = Config::from_args(local).unwrap();
        assert!(there.remote.is_none() && here.remote.is_some());
        assert_eq!(there.args, here.args);
        assert_eq!(there.verbose, here.verbose);
        assert_eq!(there.defines, here.defines);
        assert_eq!(there.extra_scripts, here.extra_scripts);
        assert_eq!(there.command, here.command);
        assert_eq!(there.buffer_mb, here.buffer_mb);
        assert_eq!(there.folded, here.folded);
        assert_eq!(there.timeout, here.timeout);
        assert_eq!(there.set_globals, here.set_globals);
        assert_eq!(
            (there.quiet, there.no_warnings, there.guru),
            (true, true, true)
        );
        assert!(there.suppress_handler_errors && there.no_global_var_display);
        // What acts here stays here.
        assert_eq!(there.output, None);
        assert!(there.include_dirs.is_empty());
    }

    #[test]
    fn run_options_are_the_run_time_ones() {
        let local = args(&[
            "-q",
            "-g",
            "-x",
            "42",
            "-D",
            "MAXACTION=5",
            "-T",
            "3",
            "-G",
            "n=1",
            "-e",
            "x",
        ]);
        assert_eq!(
            run_options(&local),
            ["-q", "-x", "42", "-T", "3", "-G", "n=1"]
        );
    }
}
