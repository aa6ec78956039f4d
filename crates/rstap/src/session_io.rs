//! What surrounds a running session: where its output goes (stdout, `-o FILE` with
//! `-S` rotation), its record as a background session (`-F`) and its metrics endpoint
//! (`--metrics`). Shared by script runs and `rstap run`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rstap_interp::session::SessionHooks;
use rstap_interp::{GlobalStore, Output, StdOutput};
use rstap_ir::Program;

use crate::background::Detached;
use crate::config::Rotation;
use crate::metrics::MetricsServer;
use crate::output_file::FileOutput;

/// The session's output stream.
pub enum SessionOutput {
    Std(StdOutput),
    File(FileOutput),
}

impl SessionOutput {
    /// Flushes and returns the first write error, if any.
    pub fn finish(self) -> std::io::Result<()> {
        match self {
            SessionOutput::Std(o) => o.finish(),
            SessionOutput::File(o) => o.finish(),
        }
    }
}

impl Output for SessionOutput {
    fn out(&mut self, bytes: &[u8]) {
        match self {
            SessionOutput::Std(o) => o.out(bytes),
            SessionOutput::File(o) => o.out(bytes),
        }
    }
    fn err(&mut self, bytes: &[u8]) {
        match self {
            SessionOutput::Std(o) => o.err(bytes),
            SessionOutput::File(o) => o.err(bytes),
        }
    }
    fn flush(&mut self) {
        match self {
            SessionOutput::Std(o) => o.flush(),
            SessionOutput::File(o) => o.flush(),
        }
    }
    fn switch_file(&mut self) {
        match self {
            SessionOutput::Std(o) => o.switch_file(),
            SessionOutput::File(o) => o.switch_file(),
        }
    }
}

/// How a session is set up around its run.
pub struct SessionPlan<'a> {
    pub output: Option<&'a Path>,
    pub rotate: Option<Rotation>,
    /// This is the detached process of a `-F` session.
    pub background: bool,
    /// The script as `rstap ps` shows it.
    pub script: String,
    pub probes: usize,
    pub metrics: Option<SocketAddr>,
}

/// The pieces of a prepared session; dropping it ends the background record and the
/// metrics endpoint.
pub struct Prepared {
    pub out: SessionOutput,
    pub hooks: Option<Arc<dyn SessionHooks>>,
}

/// The callbacks the session makes to its surroundings.
struct Hooks {
    detached: Option<Arc<Detached>>,
    metrics: Option<MetricsServer>,
}

impl SessionHooks for Hooks {
    fn running(&self) {
        if let Some(d) = &self.detached {
            d.running();
        }
    }

    fn idle(&self, program: &Program, store: &mut dyn GlobalStore) {
        if let Some(m) = &self.metrics {
            m.serve_pending(program, store);
        }
    }
}

/// Opens the output, registers a background session and binds the metrics endpoint.
/// `Err` carries the message for the user.
pub fn prepare(plan: &SessionPlan<'_>) -> Result<Prepared, String> {
    let output: Option<PathBuf> = match plan.output {
        // The detached process leaves its directory once running: names are made
        // absolute first.
        Some(p) if plan.background => Some(crate::background::absolute(p)),
        Some(p) => Some(p.to_path_buf()),
        None if plan.background => Some(crate::background::default_output()),
        None => None,
    };
    let detached = if plan.background {
        let shown = output.as_deref().unwrap_or(Path::new("-"));
        let shown = match plan.rotate {
            Some(_) => PathBuf::from(format!("{}.0", shown.display())),
            None => shown.to_path_buf(),
        };
        Some(Arc::new(Detached::register(
            plan.script.clone(),
            plan.probes,
            &shown,
            plan.metrics,
        )?))
    } else {
        None
    };
    let out = match &output {
        Some(path) => {
            let mut f = FileOutput::create(path, plan.rotate)
                .map_err(|e| format!("cannot open output file '{}': {e}", path.display()))?;
            if let Some(d) = &detached {
                f.errors_to_file(d.detached_flag());
                let d = Arc::clone(d);
                f.report_failures_to(Box::new(move |e| d.note_output_error(e)));
            }
            SessionOutput::File(f)
        }
        None => SessionOutput::Std(StdOutput::stdout()),
    };
    let metrics = match plan.metrics {
        Some(addr) => Some(MetricsServer::bind(addr)?),
        None => None,
    };
    let hooks: Option<Arc<dyn SessionHooks>> = if detached.is_some() || metrics.is_some() {
        Some(Arc::new(Hooks { detached, metrics }))
    } else {
        None
    };
    Ok(Prepared { out, hooks })
}
