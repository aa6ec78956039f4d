//! The `rstap` command: SystemTap's command line over rstap's passes.
//!
//! Architecture invariant: only this crate prints. Libraries return data and
//! diagnostics; the driver renders them, chooses exit statuses and talks to the user.

mod background;
mod config;
mod doctor;
mod driver;
mod explain;
mod kernel_btf;
mod kfuncs;
mod metrics;
mod options;
mod output_file;
mod pass_stats;
mod profile;
mod program_types;
mod remote;
mod service;
mod session_io;
mod set_globals;
mod sysinfo;
mod tracefs;
mod ubinaries;

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

pub const VERSION_TEXT: &str = concat!(
    "rstap translator/driver (version ",
    env!("CARGO_PKG_VERSION"),
    ", SystemTap language 4.8, runtime bpf)"
);

fn main() -> ExitCode {
    let args: Vec<String> = match std::env::args_os()
        .map(|a| a.into_string())
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(a) => a,
        Err(bad) => {
            eprintln!("error: argument {bad:?} is not valid UTF-8");
            return ExitCode::from(1);
        }
    };
    // `rstap service ...`, or the binary installed (linked) as `rstap-service`.
    let argv0 = args.first().map(String::as_str).unwrap_or("rstap");
    let invoked_as = std::path::Path::new(argv0)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("");
    if invoked_as == "rstap-service" {
        return service::main("rstap-service", &args[1..]);
    }
    if args.get(1).map(String::as_str) == Some("service") {
        return service::main("rstap service", &args[2..]);
    }
    if args.get(1).map(String::as_str) == Some("doctor") && args.len() == 2 {
        return doctor::run();
    }
    if args.get(1).map(String::as_str) == Some("explain") {
        return explain::run(&args[2..]);
    }
    if args.get(1).map(String::as_str) == Some("ps") && args.len() == 2 {
        return ExitCode::from(background::ps(&args[2..]));
    }
    if args.get(1).map(String::as_str) == Some("kill") && (2..=3).contains(&args.len()) {
        return ExitCode::from(background::kill(&args[2..]));
    }
    if args.get(1).map(String::as_str) == Some("remote-hello") && args.len() == 2 {
        println!("{}", remote::protocol::Hello::of_this_machine().line());
        return ExitCode::SUCCESS;
    }
    if args.get(1).map(String::as_str) == Some("run") && args.len() >= 3 {
        let run_args = match options::RunArgs::try_parse_from(&args[1..]) {
            Ok(a) => a,
            Err(e) => {
                let _ = e.print();
                let help = matches!(e.kind(), ErrorKind::DisplayHelp);
                return ExitCode::from(if help { 0 } else { 1 });
            }
        };
        if run_args.background_child {
            background::become_detached();
        } else if run_args.flight_recorder {
            let from_stdin = run_args.file.as_os_str() == "-";
            return ExitCode::from(background::start(&args[1..], from_stdin));
        }
        let runner = std::thread::Builder::new()
            .name("rstap".into())
            .stack_size(1 << 30)
            .spawn(move || driver::run_session_file(&run_args));
        return match runner.map(|h| h.join()) {
            Ok(Ok(code)) => ExitCode::from(code),
            _ => ExitCode::from(1),
        };
    }
    let parsed = match options::StapArgs::parse_from_os(args.iter().map(Into::into)) {
        Ok(a) => a,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(1);
        }
    };
    let cfg = match config::Config::from_args(parsed) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.message.contains("not supported") {
                "C0002"
            } else {
                "C0001"
            };
            eprintln!("error[{code}]: {}", e.message);
            if let Some(h) = e.help {
                eprintln!("  = help: {h}");
            }
            eprintln!("Try 'rstap --help' for more information.");
            return ExitCode::from(1);
        }
    };
    if !cfg.background_child && !cfg.remote_control {
        for notice in &cfg.notices {
            eprintln!("{notice}");
        }
    }
    if cfg.remote.is_some() && cfg.mode != config::Mode::Version {
        return ExitCode::from(remote::run(&cfg));
    }
    if cfg.background_child {
        background::become_detached();
    } else if cfg.flight_recorder && matches!(cfg.mode, config::Mode::Run(_)) {
        let from_stdin = cfg.mode == config::Mode::Run(config::ScriptSource::Stdin);
        // The detached process writes to a pipe: it colours its diagnostics when they
        // would be coloured here.
        let mut child_args = args[1..].to_vec();
        if cfg.color == config::ColorChoice::Auto
            && std::io::IsTerminal::is_terminal(&std::io::stderr())
            && std::env::var_os("NO_COLOR").is_none()
        {
            child_args.insert(0, "--color=always".to_string());
        }
        return ExitCode::from(background::start(&child_args, from_stdin));
    }
    // Script recursion runs on the interpreter's stack; give it room for any MAXNESTING
    // a user sets (the memory is only reserved, not committed).
    let runner = std::thread::Builder::new()
        .name("rstap".into())
        .stack_size(1 << 30)
        .spawn(move || driver::run(cfg));
    match runner.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("error: internal failure; please report it with the script that caused it");
            ExitCode::from(1)
        }
    }
}
