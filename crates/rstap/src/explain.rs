//! `rstap explain CODE`: the long form of every diagnostic code.

use std::process::ExitCode;

use rstap_diag::{Code, Explanation};

/// Codes the command line itself reports.
pub static EXPLANATIONS: &[Explanation] = &[
    Explanation {
        code: Code("C0001"),
        title: "invalid command line",
        text: "An option or its value is not valid. The message names the option and the \
accepted values; `rstap --help` lists every option.",
    },
    Explanation {
        code: Code("C0002"),
        title: "option not supported by rstap",
        text: "rstap accepts SystemTap's whole command line, but some options only make sense \
for SystemTap's kernel-module runtime (kbuild options, runtime directories, dyninst) or \
are not available in this build. Rather than ignore such an option silently, rstap stops \
and says why. Remove the option; the message suggests the alternative when there is one.",
    },
    Explanation {
        code: Code("C0003"),
        title: "cannot read the script",
        text: "The script file named on the command line could not be read. Check the path \
and its permissions, or pass the script with -e 'SCRIPT' or on standard input with `-`.",
    },
    Explanation {
        code: Code("C0004"),
        title: "a -G value the script cannot take",
        text: "-G NAME=VALUE sets a scalar global of the script before the begin probes run, \
as if the script had declared `global NAME = VALUE`. NAME must be declared in the script \
(not only in a tapset) and used as a number or a string: arrays and statistics cannot be \
set this way. A numeric global takes a number as scripts write one (100, -5, 0x1f); a \
string global takes the text as it is. Correct the name or the value, or set the global \
in a begin probe.",
    },
    Explanation {
        code: Code("H0001"),
        title: "cannot reach a --remote host",
        text: "rstap runs the system's ssh client (or the command in RSTAP_SSH) to reach each \
--remote host, without a terminal and with BatchMode=yes, so a password or host-key prompt \
fails instead of waiting. The message is ssh's own. Check that `ssh -o BatchMode=yes \
[USER@]HOST true` works: the host's name and port, a key in your agent or ssh \
configuration, and its entry in known_hosts. The other hosts go on; the exit status is 1.",
    },
    Explanation {
        code: Code("H0002"),
        title: "no usable rstap on a --remote host",
        text: "Each host runs its own rstap, started as `rstap` from the remote PATH unless \
--remote-rstap COMMAND or RSTAP_REMOTE_RSTAP names another command (an absolute path, or \
`sudo -n rstap`). Before running, rstap asks it for its version and kernel \
(`rstap remote-hello`); a host where that command is missing (status 127), older than \
this rstap, or unable to answer is left out. Install the same rstap version there.",
    },
    Explanation {
        code: Code("H0003"),
        title: "the script failed on a --remote host",
        text: "The host's rstap started but did not finish its session: its own messages, \
prefixed with the host's `[N]` under --remote-prefix, come before this line (a script \
the host's kernel refuses, a missing privilege there). Scripts compile on each host \
against its own kernel unless the host runs this machine's kernel and rstap, in which \
case the session compiled here is sent (set RSTAP_REMOTE_COMPILE=remote to compile on \
every host). -I directories are on this machine, so they only work for hosts that run \
its kernel.",
    },
];

/// Every registered explanation, from all passes.
pub fn all() -> Vec<&'static Explanation> {
    let tables: &[&[Explanation]] = &[
        EXPLANATIONS,
        rstap_syntax::EXPLANATIONS,
        rstap_sema::EXPLANATIONS,
        rstap_interp::EXPLANATIONS,
        rstap_bpf::EXPLANATIONS,
        rstap_runtime::EXPLANATIONS,
    ];
    tables.iter().flat_map(|t| t.iter()).collect()
}

pub fn run(args: &[String]) -> ExitCode {
    let Some(code) = args.first() else {
        eprintln!("error: 'rstap explain' needs a diagnostic code, such as P0001");
        return ExitCode::from(1);
    };
    let wanted = code.trim().to_ascii_uppercase();
    let all = all();
    match all.iter().find(|e| e.code.0 == wanted) {
        Some(e) => {
            println!("{}: {}\n\n{}", e.code.0, e.title, e.text);
            ExitCode::SUCCESS
        }
        None => {
            let names = all.iter().map(|e| e.code.0);
            let similar = rstap_diag::similar_list(&wanted, names, 5);
            eprintln!("error: no diagnostic code '{code}'{similar}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let all = all();
        let mut seen = std::collections::HashSet::new();
        for e in &all {
            assert!(seen.insert(e.code.0), "duplicate code {}", e.code.0);
            assert!(
                !e.title.is_empty() && e.text.len() > 40,
                "thin explanation for {}",
                e.code.0
            );
        }
    }
}
