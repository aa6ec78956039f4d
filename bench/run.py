#!/usr/bin/env python3
"""rstap benchmarks (not tests): start-up, per-event overhead and output throughput.

Run as root from the repository root:  python3 bench/run.py
Results go to bench/results.md; every figure is also given as a ratio against a
baseline measured in the same run (no tracer, or bpftrace when it is installed).
"""

import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RSTAP = os.path.join(ROOT, "target", "release", "rstap")
WORKLOAD = os.path.join(ROOT, "target", "bench-workload")
BPFTRACE = shutil.which("bpftrace")
N_EVENTS = 1_000_000


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def build():
    sh(["cargo", "build", "--release", "--locked", "-q"], cwd=ROOT)
    sh(["cc", "-O1", "-o", WORKLOAD,
        os.path.join(ROOT, "crates/rstap/tests/workload/workload.c")])


def time_to_ready(cmd, ready, runs=15):
    """Median seconds from spawn until `ready` appears on stderr (or exit)."""
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if ready is None:
            p.wait()
            samples.append(time.perf_counter() - t0)
            continue
        line = b""
        while ready not in line:
            line = p.stdout.readline()
            if not line:
                break
        samples.append(time.perf_counter() - t0)
        stop(p)
    return statistics.median(samples)


def stop(p):
    """Ends a tracer like Ctrl-C does and collects what it prints."""
    # bpftrace prints its start line before attaching and ignores SIGINT until it is
    # attached: give it time.
    time.sleep(0.5)
    p.send_signal(2)
    try:
        p.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()


def attach_and_detach(cmd, ready, runs=5):
    """Medians of (spawn until `ready` on stderr, Ctrl-C until exit) in seconds."""
    up, down = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        # rstap announces on stderr, bpftrace on stdout: read both.
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        line = b""
        while ready not in line:
            line = p.stdout.readline()
            if not line:
                raise SystemExit(f"tracer did not start: {cmd}")
        up.append(time.perf_counter() - t0)
        time.sleep(1.0)  # bpftrace announces before it attaches
        t1 = time.perf_counter()
        p.send_signal(2)
        p.communicate(timeout=300)
        down.append(time.perf_counter() - t1)
    return statistics.median(up), statistics.median(down)


def run_workload(args):
    t0 = time.perf_counter()
    sh([WORKLOAD] + args)
    return time.perf_counter() - t0


def traced(tracer_cmd, ready, workload_args, runs=5):
    """Median workload time while `tracer_cmd` is attached."""
    samples = []
    for _ in range(runs):
        p = subprocess.Popen(tracer_cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        line = b""
        while ready not in line:
            line = p.stdout.readline()
            if not line:
                raise SystemExit(f"tracer did not start: {tracer_cmd}")
        time.sleep(0.5)  # bpftrace announces before it attaches
        samples.append(run_workload(workload_args))
        stop(p)
    return statistics.median(samples)


def main():
    if os.geteuid() != 0:
        raise SystemExit("run the benchmarks as root")
    build()
    rows = []

    # Start-up.
    begin = time_to_ready([RSTAP, "-e", 'probe begin { println("hi") exit() }'], None)
    rows.append(("start-up: `probe begin { println(\"hi\") exit() }` (whole run)",
                 f"{begin * 1e3:.1f} ms", ""))
    tp = [RSTAP, "-e", 'global c; probe kernel.trace("syscalls:sys_enter_getppid") '
          '{ c[execname()] <<< 1 }']
    tp_ms = time_to_ready(tp, b"Tracing")
    base_line = ""
    if BPFTRACE:
        bt = time_to_ready([BPFTRACE, "-B", "line", "-e",
                            "tracepoint:syscalls:sys_enter_getppid { @[comm] = count(); }"],
                           b"Attaching")
        base_line = f"bpftrace {bt * 1e3:.1f} ms; ratio {tp_ms / bt:.2f}"
    rows.append(("start-up: tracepoint + map one-liner, until the start line "
                 "(rstap prints it once attached, bpftrace just before attaching)",
                 f"{tp_ms * 1e3:.1f} ms", base_line))

    # Every system call's return: one dispatcher program per side in rstap.
    sc = [RSTAP, "-e", "global s; probe syscall.*.return { s[name] <<< 1 }"]
    sc_up, sc_down = attach_and_detach(sc, b"Tracing")
    up_line = down_line = ""
    if BPFTRACE:
        b_up, b_down = attach_and_detach(
            [BPFTRACE, "-B", "line", "-e",
             "tracepoint:syscalls:sys_exit_* { @[probe] = count(); }"],
            b"Attaching", runs=1)
        up_line = f"bpftrace {b_up * 1e3:.0f} ms; ratio {sc_up / b_up:.3f}"
        down_line = f"bpftrace {b_down * 1e3:.0f} ms; ratio {sc_down / b_down:.3f}"
    rows.append(("`syscall.*.return` counted by name: spawn until the start line "
                 "(compile, load and attach 360 probes)", f"{sc_up * 1e3:.0f} ms", up_line))
    rows.append(("`syscall.*.return`: Ctrl-C until exit (end report, detach)",
                 f"{sc_down * 1e3:.0f} ms", down_line))

    # Per-event overhead.
    args = ["getppid", str(N_EVENTS)]
    base = statistics.median(run_workload(args) for _ in range(5))
    count = traced(tp, b"Tracing", args)
    r_ns = (count - base) / N_EVENTS * 1e9
    line = ""
    if BPFTRACE:
        bcount = traced([BPFTRACE, "-B", "line", "-e",
                         "tracepoint:syscalls:sys_enter_getppid { @[comm] = count(); }"],
                        b"Attaching", args)
        b_ns = (bcount - base) / N_EVENTS * 1e9
        line = f"bpftrace +{b_ns:.0f} ns; ratio {r_ns / b_ns:.2f}"
    rows.append((f"count by execname: added time per getppid (untraced {base / N_EVENTS * 1e9:.0f} ns)",
                 f"+{r_ns:.0f} ns", line))
    # Overload protection keeps the kernel's BPF run-time statistics on, which every
    # program run pays for: the same one-liner without it.
    quiet = traced([RSTAP, "-DSTP_NO_OVERLOAD"] + tp[1:], b"Tracing", args)
    q_ns = (quiet - base) / N_EVENTS * 1e9
    quiet_line = f"bpftrace +{b_ns:.0f} ns; ratio {q_ns / b_ns:.2f}" if BPFTRACE else ""
    rows.append(("count by execname with -DSTP_NO_OVERLOAD (no run-time statistics)",
                 f"+{q_ns:.0f} ns", quiet_line))

    lat = [RSTAP, "-e",
           'global t, lat\n'
           'probe kernel.trace("syscalls:sys_enter_getppid") { t[tid()] = ktime_get_ns() }\n'
           'probe kernel.trace("syscalls:sys_exit_getppid") {\n'
           '  if (tid() in t) { lat <<< ktime_get_ns() - t[tid()]; delete t[tid()] } }']
    lat_t = traced(lat, b"Tracing", args)
    l_ns = (lat_t - base) / N_EVENTS * 1e9
    line = ""
    if BPFTRACE:
        blat = traced([BPFTRACE, "-B", "line", "-e",
                       "tracepoint:syscalls:sys_enter_getppid { @t[tid] = nsecs; } "
                       "tracepoint:syscalls:sys_exit_getppid /@t[tid]/ "
                       "{ @lat = hist(nsecs - @t[tid]); delete(@t[tid]); }"],
                      b"Attaching", args)
        bl_ns = (blat - base) / N_EVENTS * 1e9
        line = f"bpftrace +{bl_ns:.0f} ns; ratio {l_ns / bl_ns:.2f}"
    rows.append(("entry/exit latency @hist_log: added time per getppid",
                 f"+{l_ns:.0f} ns", line))

    # Output throughput: 1 M printf lines.
    t0 = time.perf_counter()
    p = subprocess.run([RSTAP, "-e",
                        'probe kernel.trace("syscalls:sys_enter_getppid") '
                        '{ if (pid() == target()) printf("%d %s\\n", pid(), execname()) }',
                        "-c", f"{WORKLOAD} getppid {N_EVENTS}"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - t0
    lines = p.stdout.count(b"\n")
    lost = 0
    for l in p.stderr.decode(errors="replace").splitlines():
        if "output record" in l and "lost" in l:
            lost = int(l.split()[1])
    rows.append(("1 M printf lines from a tracepoint",
                 f"{lines} lines, {lost} lost, {elapsed / N_EVENTS * 1e9:.0f} ns per event", ""))

    out = ["# rstap benchmark results", "",
           f"Machine: {os.cpu_count()} CPUs, kernel {os.uname().release}; "
           f"bpftrace: {'yes' if BPFTRACE else 'not installed'}.", "",
           "| measurement | rstap | baseline (same run) |", "|---|---|---|"]
    out += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    text = "\n".join(out) + "\n"
    with open(os.path.join(ROOT, "bench", "results.md"), "w") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
