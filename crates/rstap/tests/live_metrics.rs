//! `--metrics`: a live session's globals scraped over HTTP while it runs, parsed as
//! OpenMetrics by a strict parser, with values checked against a workload of known
//! system calls (`tests/workload/workload.c`). The live tests need root and a C
//! compiler; without them each says so and passes.

use std::process::{Child, Command};

#[path = "support/openmetrics.rs"]
mod openmetrics;
mod support;

use openmetrics::{Family, http_get, parse};
use support::{rstap, serial, text};

/// A port nobody listens on now.
fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// The workload under a name of its own, so probes can tell its system calls from
/// every other process's.
fn workload(name: &str) -> Option<std::path::PathBuf> {
    let w = support::live_workload("workload")?;
    let copy = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::copy(w, &copy).unwrap();
    Some(copy)
}

fn stop(child: Child) -> String {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    text(&o.stdout)
}

fn family<'a>(fams: &'a [Family], name: &str) -> &'a Family {
    fams.iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no family {name} in {fams:#?}"))
}

#[test]
fn scrape_matches_a_known_workload() {
    let _guard = serial();
    let Some(w) = workload("rstap-mwl") else {
        return;
    };
    let port = free_port();
    let script = r#"global calls, by_size, sizes, who
probe begin { who = "rstap \"metrics\"" }
probe kernel.trace("syscalls:sys_enter_getppid") { if (execname() == "rstap-mwl") calls++ }
probe kernel.trace("syscalls:sys_enter_write") {
    if (execname() == "rstap-mwl") { by_size[$count, "w"]++; sizes <<< $count }
}
probe end { print(@hist_log(sizes)) }"#;
    let session =
        support::start_tracing(&["--metrics", &format!("127.0.0.1:{port}"), "-e", script]);
    for args in [
        &["getppid", "777"][..],
        &["write", "5", "100"],
        &["write", "3", "4000"],
    ] {
        assert!(Command::new(&w).args(args).status().unwrap().success());
    }
    let (status, headers, body) = http_get(port, "/metrics").unwrap();
    assert_eq!(status, 200, "{body}");
    let ctype = headers
        .iter()
        .find(|(n, _)| n == "content-type")
        .map(|(_, v)| v.as_str());
    assert_eq!(
        ctype,
        Some("application/openmetrics-text; version=1.0.0; charset=utf-8")
    );
    let fams = parse(&body).unwrap_or_else(|e| panic!("{e}\n{body}"));

    let calls = family(&fams, "rstap_calls");
    assert_eq!(calls.kind, "gauge");
    assert_eq!(calls.value("rstap_calls", &[]), Some(777.0), "{body}");

    let by_size = family(&fams, "rstap_by_size");
    assert_eq!(by_size.kind, "gauge");
    assert_eq!(by_size.samples.len(), 2, "{body}");
    let row = |size| by_size.value("rstap_by_size", &[("key1", size), ("key2", "w")]);
    assert_eq!((row("100"), row("4000")), (Some(5.0), Some(3.0)), "{body}");

    let who = family(&fams, "rstap_who");
    assert_eq!(who.kind, "info");
    assert_eq!(
        who.value("rstap_who_info", &[("value", "rstap \"metrics\"")]),
        Some(1.0)
    );

    // 5 values of 100 (bucket 64-127) and 3 of 4000 (bucket 2048-4095).
    let sizes = family(&fams, "rstap_sizes");
    assert_eq!(sizes.kind, "histogram");
    let bucket = |le| sizes.value("rstap_sizes_bucket", &[("le", le)]);
    assert_eq!(bucket("63"), Some(0.0), "{body}");
    assert_eq!(bucket("127"), Some(5.0), "{body}");
    assert_eq!(bucket("2047"), Some(5.0), "{body}");
    assert_eq!(bucket("4095"), Some(8.0), "{body}");
    assert_eq!(bucket("+Inf"), Some(8.0), "{body}");
    assert_eq!(sizes.value("rstap_sizes_count", &[]), Some(8.0));
    assert_eq!(sizes.value("rstap_sizes_sum", &[]), Some(12500.0));

    // More events show up in the next scrape; other paths are not served.
    assert!(
        Command::new(&w)
            .args(["getppid", "23"])
            .status()
            .unwrap()
            .success()
    );
    let (_, _, body) = http_get(port, "/metrics").unwrap();
    let fams = parse(&body).unwrap_or_else(|e| panic!("{e}\n{body}"));
    assert_eq!(
        family(&fams, "rstap_calls").value("rstap_calls", &[]),
        Some(800.0)
    );
    assert_eq!(http_get(port, "/").unwrap().0, 404);

    // Scrapes did not disturb the session: it ends normally with its end probe.
    let out = stop(session);
    assert!(out.contains("value |"), "{out}");
}

#[test]
fn a_port_in_use_is_an_error_at_start() {
    let held = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = held.local_addr().unwrap().port();
    let o = rstap(&[
        "--metrics",
        &port.to_string(),
        "-e",
        "probe timer.s(30) { exit() }",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains(&format!("cannot serve metrics on 127.0.0.1:{port}")),
        "{err}"
    );
}

#[test]
fn userspace_only_sessions_serve_metrics_too() {
    let port = free_port();
    let session = support::start_tracing(&[
        "--metrics",
        &format!(":{port}"),
        "-e",
        "global ticks, s; probe timer.ms(10) { ticks = 1; s <<< -4; s <<< 6 }",
    ]);
    let mut body = String::new();
    for _ in 0..100 {
        body = http_get(port, "/metrics").unwrap().2;
        if body.contains("rstap_ticks 1") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let fams = parse(&body).unwrap_or_else(|e| panic!("{e}\n{body}"));
    assert_eq!(
        family(&fams, "rstap_ticks").value("rstap_ticks", &[]),
        Some(1.0)
    );
    // No histogram drawn: a summary, without a sum while values are negative.
    let s = family(&fams, "rstap_s");
    assert_eq!(s.kind, "summary");
    assert!(s.value("rstap_s_count", &[]).unwrap() >= 2.0);
    assert_eq!(s.value("rstap_s_sum", &[]), None, "{body}");
    stop(session);
}

#[test]
fn the_parser_refuses_what_openmetrics_forbids() {
    let ok = "# TYPE a gauge\na 1\n# EOF\n";
    assert!(parse(ok).is_ok());
    for bad in [
        "# TYPE a gauge\na 1\n",                         // no EOF
        "a 1\n# EOF\n",                                  // sample before TYPE
        "# TYPE a gauge\na{x=\"1\",x=\"2\"} 1\n# EOF\n", // label twice
        "# TYPE a gauge\na{x=\"\\t\"} 1\n# EOF\n",       // bad escape
        "# TYPE a gauge\nb 1\n# EOF\n",                  // foreign sample
        "# TYPE a gauge\n# TYPE a gauge\n# EOF\n",       // family twice
        "# TYPE a gauge\na 1\na 2\n# EOF\n",             // label set repeats
        "# TYPE a gauge\na one\n# EOF\n",                // bad number
        "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n# EOF\n",
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\n# EOF\n", // no +Inf
        "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 1\n# EOF\n",
    ] {
        assert!(parse(bad).is_err(), "accepted: {bad:?}");
    }
}
