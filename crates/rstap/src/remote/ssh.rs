//! Starting commands on a host with the system's `ssh` client, so the user's ssh
//! configuration, keys and agent apply. `RSTAP_SSH` replaces the `ssh` command (its
//! words, split at spaces, come first: `RSTAP_SSH="ssh -i KEY -o ..."`).

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::destination::Destination;

/// The local ssh command and the remote command that starts rstap.
#[derive(Clone, Debug)]
pub struct Ssh {
    ssh: Vec<String>,
    /// Inserted as written into the remote shell command (it may be `sudo -n rstap`).
    rstap: String,
}

/// The outcome of a command whose output was collected.
pub struct Captured {
    /// The exit status, or `None` when the command was killed (a signal).
    pub status: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Ssh {
    pub fn new(ssh_words: Option<&str>, rstap: Option<&str>) -> Ssh {
        let ssh: Vec<String> = ssh_words
            .unwrap_or("ssh")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let ssh = if ssh.is_empty() {
            vec!["ssh".to_string()]
        } else {
            ssh
        };
        let rstap = rstap
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .unwrap_or("rstap")
            .to_string();
        Ssh { ssh, rstap }
    }

    /// The remote command that starts rstap, as the user gave it.
    pub fn rstap(&self) -> &str {
        &self.rstap
    }

    /// `ssh [OPTIONS] HOST 'exec RSTAP ARGS...'`; `env` sets variables for the remote
    /// rstap (through `env`, so any login shell accepts them).
    pub fn command(&self, host: &Destination, env: &[(&str, String)], args: &[String]) -> Command {
        let mut cmd = Command::new(&self.ssh[0]);
        cmd.args(&self.ssh[1..]);
        // No terminal (the session's input is a pipe), and no password prompt that
        // nobody could answer.
        cmd.args(["-T", "-o", "BatchMode=yes"]);
        if let Some(port) = host.port {
            cmd.args(["-p", &port.to_string()]);
        }
        cmd.arg(host.ssh_target());
        cmd.arg(self.remote_command(env, args));
        cmd
    }

    pub fn remote_command(&self, env: &[(&str, String)], args: &[String]) -> String {
        let mut line = String::from("exec ");
        if !env.is_empty() {
            line.push_str("env ");
            for (name, value) in env {
                line.push_str(&quote(&format!("{name}={value}")));
                line.push(' ');
            }
        }
        line.push_str(&self.rstap);
        for a in args {
            line.push(' ');
            line.push_str(&quote(a));
        }
        line
    }
}

/// One word for a POSIX shell: single-quoted, with `'` written as `'\''`.
pub fn quote(word: &str) -> String {
    if !word.is_empty()
        && word.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | '=' | ':' | ',')
        })
    {
        return word.to_string();
    }
    format!("'{}'", word.replace('\'', "'\\''"))
}

/// Runs `cmd` with `input` (or nothing) on its standard input and collects its output;
/// kills it when `cancel` is set.
pub fn run_captured(
    mut cmd: Command,
    input: Option<Vec<u8>>,
    cancel: &AtomicBool,
) -> std::io::Result<Captured> {
    cmd.stdin(if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn()?;
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        std::thread::spawn(move || {
            use std::io::Write as _;
            let _ = stdin.write_all(&bytes);
        });
    }
    let drain = |r: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|r| Box::new(r) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|r| Box::new(r) as Box<dyn Read + Send>),
    );
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break s;
        }
        if cancel.load(Ordering::Relaxed) {
            let _ = child.kill();
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ok(Captured {
        status: status.code(),
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_survive_the_remote_shell() {
        for w in [
            "plain",
            "",
            "two words",
            "it's",
            "$(rm -rf /)",
            "a\nb",
            "'",
            "x;y",
        ] {
            let out = Command::new("sh")
                .args(["-c", &format!("printf %s {}", quote(w))])
                .output()
                .unwrap();
            assert_eq!(String::from_utf8_lossy(&out.stdout), w);
        }
        assert_eq!(quote("-p4"), "-p4");
        assert_eq!(quote("a b"), "'a b'");
    }

    #[test]
    fn the_ssh_command_line() {
        let ssh = Ssh::new(Some("ssh -i /k  -o X=y"), Some("sudo -n rstap"));
        let host = Destination::parse("root@h:2222").unwrap();
        let cmd = ssh.command(
            &host,
            &[("RSTAP_REMOTE_INDEX", "3".into())],
            &["-c".into(), "w getppid 5".into()],
        );
        assert_eq!(cmd.get_program(), "ssh");
        let args: Vec<_> = cmd.get_args().map(|a| a.to_string_lossy()).collect();
        assert_eq!(
            args,
            [
                "-i",
                "/k",
                "-o",
                "X=y",
                "-T",
                "-o",
                "BatchMode=yes",
                "-p",
                "2222",
                "root@h",
                "exec env RSTAP_REMOTE_INDEX=3 sudo -n rstap -c 'w getppid 5'"
            ]
        );
        let plain = Ssh::new(None, None);
        assert_eq!(plain.rstap(), "rstap");
        let cmd = plain.command(
            &Destination::parse("h").unwrap(),
            &[],
            &["remote-hello".into()],
        );
        let args: Vec<_> = cmd.get_args().map(|a| a.to_string_lossy()).collect();
        assert_eq!(
            args,
            ["-T", "-o", "BatchMode=yes", "h", "exec rstap remote-hello"]
        );
    }

    #[test]
    fn captured_commands_can_be_cancelled() {
        let cancel = AtomicBool::new(true);
        let mut cmd = Command::new("sleep");
        cmd.arg("30");
        let t = std::time::Instant::now();
        let c = run_captured(cmd, None, &cancel).unwrap();
        assert_eq!(c.status, None);
        assert!(t.elapsed() < Duration::from_secs(10));
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "cat; echo err >&2; exit 3"]);
        let c = run_captured(cmd, Some(b"in\n".to_vec()), &AtomicBool::new(false)).unwrap();
        assert_eq!(
            (c.status, c.stdout.as_str(), c.stderr.as_str()),
            (Some(3), "in\n", "err\n")
        );
    }
}
