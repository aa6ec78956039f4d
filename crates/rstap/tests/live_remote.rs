//! `--remote` over real ssh: each test starts its own `sshd` listening on 127.0.0.1 and
//! 127.0.0.2 (two "hosts" of this machine) with keys made for it, and points rstap's
//! ssh at them through `RSTAP_SSH` and the remote rstap at the binary under test
//! through `RSTAP_REMOTE_RSTAP`. They need root (the scripts trace the kernel, and the
//! sshd logs in as root), a C compiler, and Debian's openssh-server and openssh-client,
//! which `scripts/test` installs; without them each test says so and passes.

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod support;
use support::{c_workload, is_root, text};

const SSHD: &str = "/usr/sbin/sshd";

/// Tests run one at a time: each checks, at its end, that no remote rstap is left.
fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

fn workload() -> Option<&'static PathBuf> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| c_workload("workload")).as_ref()
}

/// The name the kernel gives the workload's process (at most 15 bytes).
fn workload_comm(w: &Path) -> String {
    let name = w.file_name().unwrap().to_string_lossy().into_owned();
    name.chars().take(15).collect()
}

/// A private sshd for one test, stopped (and its files removed) on drop.
struct Sshd {
    child: Child,
    dir: PathBuf,
    port: u16,
    ssh: String,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn have(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// A port nobody listens on, on both loopback addresses (as far as one can tell).
fn free_port() -> u16 {
    loop {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        if TcpListener::bind(("127.0.0.2", port)).is_ok() {
            return port;
        }
    }
}

impl Sshd {
    /// `None` (the test is skipped, with the reason printed) without root, a compiler,
    /// sshd or ssh.
    fn start(test: &str) -> Option<(Sshd, PathBuf)> {
        if !is_root() {
            eprintln!("skipped: remote tests need root");
            return None;
        }
        if !Path::new(SSHD).exists() || !have("ssh", "-V") || !have("ssh-keygen", "-?") {
            eprintln!("skipped: openssh-server and openssh-client are not installed");
            return None;
        }
        let Some(w) = workload() else {
            eprintln!("skipped: no C compiler to build the workload");
            return None;
        };
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("sshd-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for key in ["host_key", "user_key"] {
            let ok = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-f"])
                .arg(dir.join(key))
                .status()
                .unwrap();
            assert!(ok.success(), "ssh-keygen failed");
        }
        // sshd insists on its privilege separation directory.
        std::fs::create_dir_all("/run/sshd").unwrap();
        let port = free_port();
        let config = dir.join("sshd_config");
        std::fs::write(
            &config,
            format!(
                "ListenAddress 127.0.0.1:{port}\nListenAddress 127.0.0.2:{port}\n\
                 HostKey {host_key}\nAuthorizedKeysFile {user_key}.pub\n\
                 PermitRootLogin yes\nStrictModes no\nUsePAM no\nPidFile none\n",
                host_key = dir.join("host_key").display(),
                user_key = dir.join("user_key").display(),
            ),
        )
        .unwrap();
        let log = std::fs::File::create(dir.join("sshd.log")).unwrap();
        let child = Command::new(SSHD)
            .args(["-D", "-e", "-f"])
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        let ssh = format!(
            "ssh -i {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR",
            dir.join("user_key").display()
        );
        let sshd = Sshd {
            child,
            dir,
            port,
            ssh,
        };
        let start = Instant::now();
        for host in ["127.0.0.1", "127.0.0.2"] {
            while TcpStream::connect((host, port)).is_err() {
                assert!(
                    start.elapsed() < Duration::from_secs(20),
                    "sshd did not start: {}",
                    std::fs::read_to_string(sshd.dir.join("sshd.log")).unwrap_or_default()
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        Some((sshd, w.clone()))
    }

    fn host(&self, addr: &str) -> String {
        format!("root@{addr}:{}", self.port)
    }

    /// An rstap whose `--remote` hosts are reached through this sshd.
    fn rstap(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_rstap"));
        c.env("NO_COLOR", "1")
            .env("RSTAP_SSH", &self.ssh)
            .env("RSTAP_REMOTE_RSTAP", env!("CARGO_BIN_EXE_rstap"))
            .env_remove("RSTAP_REMOTE_COMPILE");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.rstap().args(args).output().unwrap()
    }
}

/// Remote rstaps still running (started with `--remote-control`), by pid.
fn remote_rstaps() -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let args: Vec<&[u8]> = cmdline.split(|&b| b == 0).collect();
        let is_rstap = args
            .first()
            .is_some_and(|a| a.ends_with(b"rstap") && !a.ends_with(b"ssh"));
        if is_rstap && args.iter().any(|a| *a == b"--remote-control") {
            found.push(format!("{name}: {}", String::from_utf8_lossy(&cmdline)));
        }
    }
    found
}

fn assert_no_remote_rstap_left() {
    let start = Instant::now();
    loop {
        let left = remote_rstaps();
        if left.is_empty() {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "remote rstaps still running: {left:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn counting_script(w: &Path) -> String {
    format!(
        r#"global c
probe kernel.trace("syscalls:sys_enter_getppid") {{ if (pid() == target() && execname() == "{}") c <<< 1 }}
probe end {{ printf("getppid calls: %d\n", @count(c)) }}"#,
        workload_comm(w)
    )
}

/// Both hosts run the workload with their own count (1000 × (index + 1), through the
/// index each remote rstap gets in RSTAP_REMOTE_INDEX) and report exactly their own.
/// They run this machine's kernel, so the session is compiled here and sent.
#[test]
fn two_hosts_count_their_own_workload_exactly() {
    let _guard = serial();
    let Some((sshd, w)) = Sshd::start("two") else {
        return;
    };
    let command = format!(
        "exec {} getppid $((1000 * (RSTAP_REMOTE_INDEX + 1)))",
        w.display()
    );
    let o = sshd.run(&[
        "--remote",
        &sshd.host("127.0.0.1"),
        "--remote",
        &sshd.host("127.0.0.2"),
        "--remote-prefix",
        "-v",
        "-e",
        &counting_script(&w),
        "-c",
        &command,
    ]);
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    let mut lines: Vec<&str> = out.lines().collect();
    lines.sort();
    assert_eq!(
        lines,
        ["[0] getppid calls: 1000", "[1] getppid calls: 2000"],
        "{err}"
    );
    for host in ["[0] ", "[1] "] {
        assert!(
            err.contains(&format!("{host}Tracing 2 probes... Hit Ctrl-C to end.")),
            "{err}"
        );
        assert!(
            err.lines()
                .any(|l| l.starts_with(host) && l.contains("sending the session compiled here")),
            "{err}"
        );
    }
    assert!(!err.contains("failed"), "{err}");
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_no_remote_rstap_left();
}

/// A host that cannot be reached is one error line; the two others run to the end and
/// the exit status says that one failed. Here the hosts compile the script themselves.
#[test]
fn an_unreachable_host_is_one_error_line_and_the_others_go_on() {
    let _guard = serial();
    let Some((sshd, w)) = Sshd::start("unreachable") else {
        return;
    };
    let closed = free_port();
    let unreachable = format!("127.0.0.1:{closed}");
    let command = format!(
        "exec {} getppid $((500 * (RSTAP_REMOTE_INDEX + 1)))",
        w.display()
    );
    let o = sshd
        .rstap()
        .env("RSTAP_REMOTE_COMPILE", "remote")
        .args([
            "--remote",
            &sshd.host("127.0.0.1"),
            "--remote",
            &sshd.host("127.0.0.2"),
            "--remote",
            &unreachable,
            "--remote-prefix",
            "-v",
            "-e",
            &counting_script(&w),
            "-c",
            &command,
        ])
        .output()
        .unwrap();
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    let mut lines: Vec<&str> = out.lines().collect();
    lines.sort();
    assert_eq!(
        lines,
        ["[0] getppid calls: 500", "[1] getppid calls: 1000"],
        "{err}"
    );
    for host in ["[0] ", "[1] "] {
        assert!(
            err.lines()
                .any(|l| l.starts_with(host) && l.contains("sending the script to compile there")),
            "{err}"
        );
    }
    let about_it: Vec<&str> = err.lines().filter(|l| l.starts_with("[2] ")).collect();
    assert_eq!(about_it.len(), 1, "{err}");
    assert!(
        about_it[0].starts_with(&format!(
            "[2] error[H0001]: {unreachable}: cannot connect with ssh: "
        )) && about_it[0].contains("Connection refused"),
        "{err}"
    );
    assert_eq!(err.lines().last(), Some("1 of 3 hosts failed"), "{err}");
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_no_remote_rstap_left();
}

/// Ctrl-C on the local rstap stops both hosts' sessions: each runs its end probe,
/// whose output comes back, and no remote rstap is left running.
#[test]
fn ctrl_c_stops_every_host_and_their_end_probes_report() {
    let _guard = serial();
    let Some((sshd, _)) = Sshd::start("ctrlc") else {
        return;
    };
    let script = r#"global ticks, calls
probe kernel.trace("syscalls:sys_enter_getppid") { calls++ }
probe timer.ms(50) { ticks++ if (ticks == 2) println("running") }
probe end { printf("end probe ran after %s ticks\n", ticks >= 2 ? "enough" : "too few") }"#;
    let mut child = sshd
        .rstap()
        .args([
            "--remote",
            &sshd.host("127.0.0.1"),
            "--remote",
            &sshd.host("127.0.0.2"),
            "--remote-prefix",
            "-e",
            script,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let stderr = child.stderr.take().unwrap();
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut BufReader::new(stderr), &mut s);
        s
    });
    let mut lines = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    while !(lines.contains(&"[0] running".to_string())
        && lines.contains(&"[1] running".to_string()))
    {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(l) => lines.push(l),
            Err(_) => {
                let _ = child.kill();
                panic!(
                    "the hosts did not start: {lines:?} {}",
                    err_reader.join().unwrap_or_default()
                );
            }
        }
    }
    assert_eq!(remote_rstaps().len(), 2, "{:?}", remote_rstaps());
    let ok = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("rstap did not stop after SIGINT: {lines:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    lines.extend(rx.iter());
    let err = err_reader.join().unwrap();
    lines.sort();
    // `calls`, only incremented, is displayed at exit by each host.
    let displayed: Vec<String> = lines
        .iter()
        .filter(|l| l.contains("] calls="))
        .map(|l| l[..4].to_string())
        .collect();
    assert_eq!(displayed, ["[0] ", "[1] "], "{lines:?}");
    lines.retain(|l| !l.contains("] calls="));
    assert_eq!(
        lines,
        [
            "[0] end probe ran after enough ticks",
            "[0] running",
            "[1] end probe ran after enough ticks",
            "[1] running"
        ],
        "{err}"
    );
    assert_eq!(status.code(), Some(0), "{err}");
    assert_no_remote_rstap_left();
}

/// `rstap --remote HOST doctor` prints each host's capability report.
#[test]
fn doctor_runs_on_every_host() {
    let _guard = serial();
    let Some((sshd, _)) = Sshd::start("doctor") else {
        return;
    };
    let o = sshd.run(&[
        "--remote",
        &sshd.host("127.0.0.1"),
        "--remote",
        &sshd.host("127.0.0.2"),
        "--remote-prefix",
        "doctor",
    ]);
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap();
    for host in ["[0] ", "[1] "] {
        let mine: Vec<&str> = out.lines().filter(|l| l.starts_with(host)).collect();
        assert_eq!(
            mine.first().copied(),
            Some(format!("{host}rstap doctor: what this machine lets rstap do").as_str()),
            "{out}{err}"
        );
        assert!(
            mine.iter()
                .any(|l| l.starts_with(&format!("{host}✓ kernel {}", release.trim()))),
            "{out}"
        );
        assert!(mine.iter().any(|l| l.contains("BPF ring buffer")), "{out}");
    }
    assert_eq!(o.status.code(), Some(0), "{err}");
}

/// A missing remote rstap and an old one are named in one line each.
#[test]
fn a_missing_or_old_remote_rstap_is_named() {
    let _guard = serial();
    let Some((sshd, _)) = Sshd::start("versions") else {
        return;
    };
    let o = sshd
        .rstap()
        .env("RSTAP_REMOTE_RSTAP", "/nonexistent/rstap")
        .args([
            "--remote",
            &sshd.host("127.0.0.1"),
            "-e",
            "probe begin { exit() }",
        ])
        .output()
        .unwrap();
    let err = text(&o.stderr);
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            format!(
                "error[H0002]: {}: '/nonexistent/rstap' was not found there (status 127); install rstap {v} or newer there, or name it with --remote-rstap or RSTAP_REMOTE_RSTAP",
                sshd.host("127.0.0.1"),
                v = env!("CARGO_PKG_VERSION")
            )
            .as_str(),
            "1 of 1 host failed"
        ],
    );
    assert_eq!(o.status.code(), Some(1));

    // An rstap from before the handshake: it knows --version, not remote-hello.
    let old = sshd.dir.join("old-rstap");
    std::fs::write(
        &old,
        "#!/bin/sh\nif [ \"$1\" = --version ]; then\n  echo 'rstap translator/driver (version 0.0.9, SystemTap language 4.8, runtime bpf)'\n  exit 0\nfi\necho \"error[C0003]: cannot read script file '$1'\" >&2\nexit 1\n",
    )
    .unwrap();
    let ok = Command::new("chmod").arg("+x").arg(&old).status().unwrap();
    assert!(ok.success());
    let o = sshd.run(&[
        "--remote",
        &sshd.host("127.0.0.2"),
        "--remote-rstap",
        old.to_str().unwrap(),
        "--remote-prefix",
        "-e",
        "probe begin { exit() }",
    ]);
    let err = text(&o.stderr);
    assert!(
        err.starts_with(&format!(
            "[0] error[H0002]: {}: rstap 0.0.9 is older than {}; install rstap",
            sshd.host("127.0.0.2"),
            env!("CARGO_PKG_VERSION")
        )),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(1));
}
