//! `--metrics ADDR:PORT`: the session's globals over HTTP at `/metrics`, in the
//! OpenMetrics text format.
//!
//! The HTTP server (tiny_http) runs on its own thread. A scrape asks the session's
//! thread for a snapshot of the globals, which it takes between events (see
//! `SessionHooks::idle`), so no handler is ever interrupted; the text is rendered
//! on the server's thread. A failing or slow client only ever affects its own request.

use std::net::SocketAddr;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rstap_format::metrics::GlobalSnapshot;
use rstap_interp::GlobalStore;
use rstap_ir::Program;

/// How long a scrape waits for the session to read its globals.
const SNAPSHOT_WAIT: Duration = Duration::from_secs(5);

type Reply = SyncSender<Vec<GlobalSnapshot>>;

pub struct MetricsServer {
    requests: Mutex<Receiver<Reply>>,
    server: Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl MetricsServer {
    /// Listens on `addr` and starts serving. `Err`: the message for the user.
    pub fn bind(addr: SocketAddr) -> Result<MetricsServer, String> {
        let server = tiny_http::Server::http(addr).map_err(|e| {
            format!("cannot serve metrics on {addr}: {e} (choose another port with --metrics)")
        })?;
        let server = Arc::new(server);
        let (ask, requests) = sync_channel::<Reply>(16);
        let serving = Arc::clone(&server);
        let thread = std::thread::Builder::new()
            .name("rstap-metrics".into())
            .spawn(move || serve(&serving, &ask))
            .map_err(|e| format!("cannot start the metrics server: {e}"))?;
        Ok(MetricsServer {
            requests: Mutex::new(requests),
            server,
            thread: Some(thread),
        })
    }

    /// On the session's thread: answers the scrapes waiting for a snapshot.
    pub fn serve_pending(&self, program: &Program, store: &mut dyn GlobalStore) {
        let Ok(requests) = self.requests.try_lock() else {
            return;
        };
        while let Ok(reply) = requests.try_recv() {
            let _ = reply.send(rstap_interp::snapshot::globals(program, store));
        }
    }
}

impl Drop for MetricsServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("static header names and values are valid")
}

fn plain(status: u16, text: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    tiny_http::Response::from_string(text)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

/// The server loop: one request at a time (a scrape is small and quick).
fn serve(server: &tiny_http::Server, ask: &SyncSender<Reply>) {
    for request in server.incoming_requests() {
        let path = request.url().split('?').next().unwrap_or("").to_string();
        let method = request.method().clone();
        let response = if path != "/metrics" {
            plain(404, "rstap serves its metrics at /metrics\n")
        } else if !matches!(method, tiny_http::Method::Get | tiny_http::Method::Head) {
            plain(405, "use GET\n").with_header(header("Allow", "GET, HEAD"))
        } else {
            let (reply, answer) = sync_channel(1);
            match ask
                .try_send(reply)
                .ok()
                .and_then(|()| answer.recv_timeout(SNAPSHOT_WAIT).ok())
            {
                Some(globals) => {
                    tiny_http::Response::from_string(rstap_format::metrics::render(&globals))
                        .with_header(header("Content-Type", rstap_format::metrics::CONTENT_TYPE))
                }
                None => plain(503, "the session is not reading its globals now\n"),
            }
        };
        // A client that went away is no concern of the session's.
        let _ = request.respond(response);
    }
}
