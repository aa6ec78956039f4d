//! Live tests of the tapset probes (process, scheduler, signal, memory, block I/O,
//! network): real BPF programs on this kernel, driven by a workload whose events are
//! known (`tests/workload/tapsets.c`, built here with `cc`). They need root and a C
//! compiler (and `losetup` for block I/O); without them each test says so and passes.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod support;
use support::{rstap, serial, text};

/// The workload command path, or `None` (test skipped) without root or a compiler.
fn setup() -> Option<String> {
    support::live_workload("tapsets")
}

/// Runs `script` with `-c command`, expecting success.
fn trace(script: &str, command: &str) -> String {
    let o = rstap(&["-q", "-e", script, "-c", command]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    text(&o.stdout)
}

fn explain(o: &Output) -> String {
    format!("stdout:\n{}\nstderr:\n{}", text(&o.stdout), text(&o.stderr))
}

/// The whitespace-separated words after `prefix` on every line that starts with it.
fn rows<'a>(out: &'a str, prefix: &str) -> Vec<Vec<&'a str>> {
    out.lines()
        .filter_map(|l| l.strip_prefix(prefix))
        .map(|l| l.split_whitespace().collect())
        .collect()
}

/// The single row of `prefix`.
fn row<'a>(out: &'a str, prefix: &str) -> Vec<&'a str> {
    let r = rows(out, prefix);
    assert_eq!(r.len(), 1, "one {prefix:?} line in:\n{out}");
    r.into_iter().next().unwrap()
}

fn num(s: &str) -> i64 {
    s.parse().unwrap_or_else(|_| panic!("not a number: {s:?}"))
}

#[test]
fn global_initialisers_reach_kernel_probes() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    // The block tapset's BIO_WRITE is such a global.
    let out = trace(
        r#"global n = 5, s = "five"
probe kernel.trace("sched:sched_process_exit") { if (pid() == target()) printf("init %d %s %d\n", n, s, BIO_WRITE) }"#,
        &format!("{w} sleep 1"),
    );
    assert_eq!(row(&out, "init "), ["5", "five", "1"], "{out}");
}

/// A child exits with code 7: process.end and kprocess.exit report its pid and the
/// kernel's exit code (7 << 8); its creation is seen by process.begin (in the child),
/// kprocess.create and scheduler.process_fork (in the parent).
#[test]
fn process_lifecycle_of_a_child_that_exits_with_7() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"
probe process.begin { if (ppid() == target()) printf("begin %d %d %s\n", pid(), tid(), execname()) }
probe process.thread.begin { if (ppid() == target()) printf("thread %d\n", tid()) }
probe kprocess.start { if (ppid() == target()) printf("start %d\n", pid()) }
probe kprocess.create { if (pid() == target()) printf("create %d %d\n", new_pid, new_tid) }
probe scheduler.process_fork { if (parent_pid == target()) printf("fork %d %d\n", parent_pid, child_pid) }
probe scheduler.wakeup_new { if (pid() == target()) printf("wakeup_new %d %d\n", task_pid, task_tid) }
probe process.end { if (ppid() == target()) printf("end %d %d %d\n", pid(), code, code >> 8) }
probe process.thread.end { if (ppid() == target()) printf("thread_end %d\n", tid()) }
probe kprocess.exit { if (ppid() == target()) printf("exit %d %d\n", pid(), code) }
probe scheduler.process_exit { if (pid == target() || ppid() == target()) printf("sched_exit %d\n", pid) }
probe process.end { if (pid() == target()) printf("target %d\n", pid()) }
"#;
    let out = trace(script, &format!("{w} exit 7"));
    let child = row(&out, "child ");
    assert_eq!(child[1..], ["status", "7"], "{out}");
    let pid = child[0];
    let target = row(&out, "target ")[0];
    assert_eq!(row(&out, "begin "), [pid, pid, "tapsets"], "{out}");
    assert_eq!(row(&out, "start "), [pid], "{out}");
    assert!(rows(&out, "thread ").is_empty(), "{out}");
    assert_eq!(row(&out, "create "), [pid, pid], "{out}");
    assert_eq!(row(&out, "fork "), [target, pid], "{out}");
    assert_eq!(row(&out, "wakeup_new "), [pid, pid], "{out}");
    assert_eq!(row(&out, "end "), [pid, "1792", "7"], "{out}");
    assert!(rows(&out, "thread_end ").is_empty(), "{out}");
    assert_eq!(row(&out, "exit "), [pid, "1792"], "{out}");
    let exits: Vec<&str> = rows(&out, "sched_exit ")
        .into_iter()
        .map(|r| r[0])
        .collect();
    assert_eq!(exits, [pid, target], "{out}");
}

/// A child execs a known program: kprocess.exec names it, kprocess.exec_complete
/// runs in the new program and reports success.
#[test]
fn exec_of_a_known_command() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let prog = ["/bin/true", "/usr/bin/true"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("a true(1) binary");
    let script = r#"
probe process.begin { if (ppid() == target()) printf("begin %d %s\n", pid(), execname()) }
probe kprocess.exec { if (ppid() == target()) printf("exec %d %s %s %s\n", pid(), execname(), name, filename) }
probe kprocess.exec_complete { if (ppid() == target()) printf("done %d %s %d %d %s\n", pid(), execname(), success, errno, name) }
"#;
    let out = trace(script, &format!("{w} spawn {prog}"));
    let pid = row(&out, "child ")[0];
    assert_eq!(row(&out, "begin "), [pid, "tapsets"], "{out}");
    assert_eq!(
        row(&out, "exec "),
        [pid, "tapsets", "execve", prog],
        "{out}"
    );
    assert_eq!(
        row(&out, "done "),
        [pid, "true", "1", "0", "execve"],
        "{out}"
    );
}

/// SIGUSR1 sent to a child: signal.send names the signal and the receiver exactly,
/// and signal.handle sees it caught in the receiver.
#[test]
fn signal_send_of_sigusr1_to_a_known_pid() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"
probe signal.send { if (pid() == target() && sig == 10) printf("send %s %d %d %s %d %s\n", sig_name, sig, sig_pid, pid_name, shared, name) }
probe signal.handle { if (ppid() == target()) printf("handle %d %s %d %s\n", pid(), sig_name, sig_code, sig_mode) }
"#;
    let out = trace(script, &format!("{w} signal"));
    let victim = row(&out, "victim ");
    assert_eq!(victim[1..], ["handled", "1"], "{out}");
    let pid = victim[0];
    assert_eq!(
        row(&out, "send "),
        ["SIGUSR1", "10", pid, "tapsets", "1", "signal_generate"],
        "{out}"
    );
    // kill() fills in SI_USER (0): a signal from a process.
    assert_eq!(
        row(&out, "handle "),
        [pid, "SIGUSR1", "0", "User", "Mode", "Signal"],
        "{out}"
    );
}

/// A loop of N one-millisecond sleeps switches out once per sleep (plus its exit),
/// each time asleep interruptibly, and is woken about once per sleep.
#[test]
fn each_sleep_is_one_context_switch() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let n = 200;
    let script = r#"global off, sw, asleep, woken, names
probe scheduler.cpu_off { if (pid() == target() && task_prev == task_current() && !idle) off++ }
probe scheduler.ctxswitch {
  if (prev_pid == target()) {
    sw++
    if (prevtsk_state & 1) asleep++
    names[prev_task_name, prev_tid == prev_pid, next_pid != prev_pid]++
  }
}
probe scheduler.wakeup { if (task_pid == target()) woken++ }
probe end {
  printf("off %d\nsw %d\nasleep %d\nwoken %d\n", off, sw, asleep, woken)
  foreach ([n, t, o] in names) printf("name %s %d %d %d\n", n, t, o, names[n, t, o])
}"#;
    let out = trace(script, &format!("{w} sleep {n}"));
    // (A sleep whose timer fires before the task switches out, when it was preempted
    // in between on a busy machine, does not switch: the floors allow a few.)
    let off = num(row(&out, "off ")[0]);
    assert!(off >= n * 9 / 10 && off <= n + 20, "{out}");
    assert_eq!(num(row(&out, "sw ")[0]), off, "{out}");
    let asleep = num(row(&out, "asleep ")[0]);
    assert!(asleep >= n * 9 / 10 && asleep <= off, "{out}");
    // A wakeup from an interrupt that arrives while the same probe runs on that CPU
    // is skipped by the kernel (no BPF program nests in itself), so a few may be
    // missing on a busy machine.
    let woken = num(row(&out, "woken ")[0]);
    assert!(woken >= n * 9 / 10 && woken <= n + 20, "{out}");
    // Switches before the workload's exec carry rstap's name.
    let names = rows(&out, "name ")
        .into_iter()
        .find(|r| r[0] == "tapsets")
        .unwrap_or_else(|| panic!("no tapsets row in:\n{out}"));
    assert_eq!(names[1..3], ["1", "1"], "{out}");
    assert!(num(names[3]) >= n * 9 / 10, "{out}");
}

/// Touching P fresh anonymous pages faults once on each, as a write.
#[test]
fn first_touch_of_each_page_faults_once() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let pages = 1000;
    let script = r#"global faults, writes
probe vm.pagefault { if (pid() == target() && name == "pagefault") { faults[address & ~4095]++; writes[address & ~4095] += write_access } }
probe end { foreach (a in faults) printf("fault %x %d %d\n", a, faults[a], writes[a]) }"#;
    let out = trace(script, &format!("{w} touch {pages}"));
    let range = row(&out, "pages ");
    let start = u64::from_str_radix(range[0], 16).unwrap();
    let end = u64::from_str_radix(range[1], 16).unwrap();
    let mut seen = 0;
    for r in rows(&out, "fault ") {
        let a = u64::from_str_radix(r[0], 16).unwrap();
        if (start..end).contains(&a) {
            assert_eq!(r[1..], ["1", "1"], "{a:x} in:\n{out}");
            seen += 1;
        }
    }
    assert_eq!(seen, pages, "{out}");
}

/// A loop device over a file in a temporary directory, detached when dropped.
struct LoopDevice {
    dev: String,
    file: PathBuf,
}

impl LoopDevice {
    fn new(megabytes: u64) -> Option<LoopDevice> {
        let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("tapsets-loop-{}.img", std::process::id()));
        std::fs::File::create(&file)
            .and_then(|f| f.set_len(megabytes << 20))
            .ok()?;
        let o = Command::new("losetup")
            .args(["--find", "--show"])
            .arg(&file)
            .output()
            .ok()?;
        let dev = text(&o.stdout).trim().to_string();
        if !o.status.success() || !dev.starts_with("/dev/") {
            let _ = std::fs::remove_file(&file);
            return None;
        }
        Some(LoopDevice { dev, file })
    }

    fn name(&self) -> &str {
        self.dev.trim_start_matches("/dev/")
    }
}

impl Drop for LoopDevice {
    fn drop(&mut self) {
        let _ = Command::new("losetup").args(["-d", &self.dev]).status();
        let _ = std::fs::remove_file(&self.file);
    }
}

/// B bytes written with O_DIRECT and fsynced to a loop device reach the block layer
/// as B bytes of write requests on that device; a first buffered read brings them
/// into the page cache and a second one reads nothing from the device.
#[test]
fn block_requests_on_a_loop_device() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let Some(disk) = LoopDevice::new(16) else {
        eprintln!("skipped: cannot attach a loop device (losetup)");
        return;
    };
    let bytes: i64 = 256 * 1024;
    let script = format!(
        r#"global phase, req, done, traced, reqs
probe kernel.trace("syscalls:sys_enter_getppid") {{ if (pid() == target()) phase++ }}
probe ioblock.request {{
  if (devname != "{dev}") next
  req[phase, bio_rw_str(rw)] += size
  reqs[pid() == target(), name, p_start_sect, sector >= 0]++
}}
probe ioblock_trace.request {{ if (devname == "{dev}") traced[phase] += bytes_done }}
probe ioblock.end {{ if (devname == "{dev}" && error == 0 && name == "ioblock.end") done[phase, bio_rw_str(rw)] += bytes_done }}
probe end {{
  foreach ([p, r] in req) printf("req %d %s %d\n", p, r, req[p, r])
  foreach ([p, r] in done) printf("done %d %s %d\n", p, r, done[p, r])
  foreach (p in traced) printf("traced %d %d\n", p, traced[p])
  foreach ([t, n, s, o] in reqs) printf("who %d %s %d %d\n", t, n, s, o)
}}"#,
        dev = disk.name()
    );
    let out = trace(&script, &format!("{w} blockio {} {bytes}", disk.dev));
    let get = |prefix: &str, key: &[&str]| -> i64 {
        rows(&out, prefix)
            .into_iter()
            .find(|r| r[..key.len()] == *key)
            .map_or(0, |r| num(r[key.len()]))
    };
    // Phase 1 writes, phase 2 reads through the cache, phase 3 reads it again.
    let written = get("req ", &["1", "W"]);
    assert!(written >= bytes && written < 2 * bytes, "{out}");
    assert_eq!(get("req ", &["1", "R"]), 0, "{out}");
    assert!(get("done ", &["1", "W"]) >= bytes, "{out}");
    assert!(get("req ", &["2", "R"]) >= bytes, "{out}");
    assert!(get("done ", &["2", "R"]) >= bytes, "{out}");
    assert_eq!(get("req ", &["3", "R"]), 0, "{out}");
    assert_eq!(get("req ", &["3", "W"]), 0, "{out}");
    // ioblock_trace.request sees the same bios.
    for phase in ["1", "2"] {
        let total = get("req ", &[phase, "W"]) + get("req ", &[phase, "R"]);
        assert_eq!(get("traced ", &[phase]), total, "{out}");
    }
    // Every request came from the workload, on the whole (unpartitioned) device.
    assert_eq!(
        row(&out, "who "),
        ["1", "ioblock.request", "0", "1"],
        "{out}"
    );
}

/// N UDP datagrams of S bytes to itself over loopback: each is handed to `lo` once
/// (netdev.transmit, netdev.hard_transmit) with its headers, and received once.
#[test]
fn udp_datagrams_over_loopback() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let (n, size) = (20, 1234);
    // Ethernet (14), IPv4 (20) and UDP (8) headers on the way out; the Ethernet
    // header is gone when the stack receives the packet.
    let (out_len, in_len) = (size + 42, size + 28);
    let script = format!(
        r#"global tx, hard, rx, netrx
probe netdev.transmit {{ if (pid() == target()) tx[dev_name, length, ntohs(protocol), truesize >= length]++ }}
probe netdev.hard_transmit {{ if (pid() == target()) hard[dev_name, length, protocol]++ }}
probe netdev.receive {{ if (dev_name == "lo" && length == {in_len}) rx[dev_name, length, ntohs(protocol)]++ }}
probe softirq.entry {{ if (vec_nr == 3) netrx++ }}
probe end {{
  foreach ([d, l, p, t] in tx) printf("tx %s %d %x %d %d\n", d, l, p, t, tx[d, l, p, t])
  foreach ([d, l, p] in hard) printf("hard %s %d %d %d\n", d, l, p, hard[d, l, p])
  foreach ([d, l, p] in rx) printf("rx %s %d %x %d\n", d, l, p, rx[d, l, p])
  printf("netrx %d\n", netrx)
}}"#
    );
    let out = trace(&script, &format!("{w} udp {n} {size}"));
    let (n, out_len, in_len) = (n.to_string(), out_len.to_string(), in_len.to_string());
    assert_eq!(row(&out, "tx "), ["lo", &out_len, "800", "1", &n], "{out}");
    // protocol as the socket buffer holds it: 0x0800 in network byte order.
    let raw = if cfg!(target_endian = "little") {
        "8"
    } else {
        "2048"
    };
    assert_eq!(row(&out, "hard "), ["lo", &out_len, raw, &n], "{out}");
    assert_eq!(row(&out, "rx "), ["lo", &in_len, "800", &n], "{out}");
    assert!(num(row(&out, "netrx ")[0]) >= 1, "{out}");
}

/// A TCP connection to itself over loopback, then closed: the client and server
/// sockets go through the handshake and the first steps of closing, with their
/// addresses and ports.
#[test]
fn tcp_state_changes_over_loopback() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"
probe tcp.state_change {
  if (daddr == "127.0.0.1" || daddr == "0:0:0:0:0:0:0:1")
    printf("%s %d %s %d %s %d %s %s %d\n", name, family, saddr, sport, daddr, dport, oldstate_str, newstate_str, newstate)
}"#;
    for (v6, family, addr) in [(false, "2", "127.0.0.1"), (true, "10", "0:0:0:0:0:0:0:1")] {
        let cmd = format!("{w} tcp{}", if v6 { " 6" } else { "" });
        let out = trace(script, &cmd);
        let ports = row(&out, "ports ");
        let (client, server) = (ports[0], ports[1]);
        let changes: HashSet<String> = rows(&out, "tcp.state_change ")
            .into_iter()
            .map(|r| r.join(" "))
            .collect();
        for want in [
            format!("{family} {addr} {client} {addr} {server} TCP_SYN_SENT TCP_ESTABLISHED 1"),
            format!("{family} {addr} {server} {addr} {client} TCP_LISTEN TCP_SYN_RECV 3"),
            format!("{family} {addr} {server} {addr} {client} TCP_SYN_RECV TCP_ESTABLISHED 1"),
            format!("{family} {addr} {client} {addr} {server} TCP_ESTABLISHED TCP_FIN_WAIT1 4"),
            format!("{family} {addr} {server} {addr} {client} TCP_ESTABLISHED TCP_CLOSE_WAIT 8"),
        ] {
            assert!(changes.contains(&want), "{want:?} in:\n{out}");
        }
    }
}

/// The slab allocator's probes while the workload moves packets: every allocation it
/// asks for is satisfied with at least the bytes requested.
#[test]
fn kmalloc_gives_at_least_the_bytes_requested() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let script = r#"global allocs, short, null, frees, cache
probe vm.kmalloc, vm.kmem_cache_alloc {
  if (pid() != target()) next
  allocs[name]++
  if (bytes_alloc < bytes_req) short++
  if (ptr == 0 || call_site == 0) null++
}
probe vm.kfree, vm.kmem_cache_free { if (pid() == target() && ptr != 0) frees[name]++ }
probe end {
  foreach (n in allocs) printf("alloc %s %d\n", n, allocs[n])
  foreach (n in frees) printf("free %s %d\n", n, frees[n])
  printf("short %d\nnull %d\n", short, null)
}"#;
    let out = trace(script, &format!("{w} udp 50 1000"));
    let counts: BTreeMap<&str, i64> = rows(&out, "alloc ")
        .into_iter()
        .chain(rows(&out, "free "))
        .map(|r| (r[0], num(r[1])))
        .collect();
    for name in ["kmalloc", "kmem_cache_alloc", "kmem_cache_free"] {
        assert!(
            counts.get(name).copied().unwrap_or(0) > 0,
            "{name} in:\n{out}"
        );
    }
    assert_eq!(row(&out, "short "), ["0"], "{out}");
    assert_eq!(row(&out, "null "), ["0"], "{out}");
}

/// The target set: the -c command and the processes it created while they run, each
/// with its creator (the command's own is rstap); a process leaves it when it ends.
#[test]
fn the_target_set_holds_the_command_and_its_descendants() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    // The command forks a child that execs `sleep 1000` (about a second of 1 ms
    // naps); once the child naps, a userspace timer prints the set.
    let script = r#"global seen
probe kernel.trace("syscalls:sys_enter_nanosleep") ?, kernel.trace("syscalls:sys_enter_clock_nanosleep") ? {
    if (!seen && pid() != target() && target_set_pid(pid())) seen = 1
}
probe timer.ms(10) {
    if (seen == 1) {
        seen = 2
        target_set_report()
        printf("members %d %d %d\n", target_set_pid(target()), target_set_pid(stp_pid()), target_set_pid(1))
        printf("end\n")
    }
}
probe end { target_set_report() }
probe kernel.trace("sched:sched_process_fork") { if (pid() == target()) printf("creator %d\n", ppid() == stp_pid()) }"#;
    let child = Command::new(env!("CARGO_BIN_EXE_rstap"))
        .args([
            "-q",
            "-e",
            script,
            "-c",
            &format!("{w} spawn {w} sleep 1000"),
        ])
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let rstap_pid = child.id().to_string();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let out = text(&o.stdout);
    let forked = row(&out, "child ")[0].to_string();
    let (during, after) = out.split_once("end\n").expect("the timer's report");
    // rstap created the command: in the kernel too, stp_pid() is rstap's pid.
    assert_eq!(row(&out, "creator "), ["1"], "{out}");
    let theirs = |l: &&str| !l.starts_with("child ") && !l.starts_with("creator ");
    let report: Vec<&str> = during.lines().filter(theirs).collect();
    let target = report
        .get(1)
        .and_then(|l| l.split(' ').nth(2))
        .unwrap_or_default();
    assert_eq!(
        report,
        [
            "target set:".to_string(),
            format!("{rstap_pid} begat {target}"),
            format!("{target} begat {forked}"),
            "members 1 0 0".to_string(),
        ],
        "{out}"
    );
    // At the end both have ended.
    let after: Vec<&str> = after.lines().filter(theirs).collect();
    assert_eq!(after, ["target set:"], "{out}");
}

/// cmdline_str(), cmdline_arg(n) and cmdline_args(n, m, delim) read the arguments of
/// the current process from its memory: here the command's own, when it exits.
#[test]
fn command_line_of_the_current_process() {
    let _guard = serial();
    let Some(w) = setup() else { return };
    let probe = |body: &str| {
        format!(
            r#"probe kernel.trace("syscalls:sys_enter_exit_group") {{ if (pid() == target()) {body} }}"#
        )
    };
    // (One cmdline_arg or cmdline_args per probe: the verifier takes no more.)
    for (call, want) in [
        ("cmdline_arg(0)", w.clone()),
        ("cmdline_arg(1)", "exit".into()),
        ("cmdline_arg(2)", "3".into()),
        ("cmdline_arg(3)", String::new()),
        (r#"cmdline_args(1, -1, ",")"#, "exit,3".into()),
        (r#"cmdline_args(0, 1, "+")"#, format!("{w}+exit")),
        (r#"cmdline_args(2, 7, "")"#, "3".into()),
    ] {
        let out = trace(
            &probe(&format!(r#"printf("[%s] [%s]\n", cmdline_str(), {call})"#)),
            &format!("{w} exit 3"),
        );
        let out: Vec<&str> = out.lines().filter(|l| l.starts_with('[')).collect();
        assert_eq!(out, [format!("[{w} exit 3] [{want}]")], "{call}");
    }
    // Several arguments joined by more than one character: an error, in the kernel.
    let o = rstap(&[
        "-q",
        "-e",
        &probe(r#"println(cmdline_args(0, -1, ", "))"#),
        "-c",
        &format!("{w} exit 3"),
    ]);
    assert!(
        text(&o.stderr).contains("cmdline_args: the delimiter must be one character"),
        "{}",
        explain(&o)
    );
    // Two of the looping ones in one probe are more than the verifier follows: the
    // error says what to change.
    let o = rstap(&[
        "-e",
        &probe(r#"printf("%s %s\n", cmdline_arg(1), cmdline_arg(2))"#),
        "-c",
        &format!("{w} exit 3"),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    let err = text(&o.stderr);
    assert!(
        err.contains("use fewer such loops") && !err.contains("bug in rstap"),
        "{err}"
    );
}
