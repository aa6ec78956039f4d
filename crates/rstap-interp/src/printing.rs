//! `printf` and histogram drawing, delegated to the shared formatting engine.

use rstap_diag::Span;
use rstap_format::{FmtArg, HistSpec, NoMemory, RenderError};
use rstap_ir::{HistogramKind, HistogramRef};

use crate::error::{self, RuntimeError};
use crate::interp::{Exec, Interp, Unwind};
use crate::value::Value;

impl Interp<'_> {
    pub(crate) fn printf(&mut self, format: &[u8], args: &[Value], span: Span) -> Exec<Vec<u8>> {
        let fmt = rstap_format::parse_format(format)
            .map_err(|e| Unwind::Error(RuntimeError::new(error::BAD_ARGUMENT, e.message, span)))?;
        let fmt_args: Vec<FmtArg> = args
            .iter()
            .map(|v| match v {
                Value::Long(n) => FmtArg::Long(*n),
                Value::Str(s) => FmtArg::Str(s),
            })
            .collect();
        let mut out = Vec::new();
        // Userspace probes have no kernel memory to show for %m/%M.
        fmt.render(&fmt_args, &NoMemory, &mut out).map_err(|e| {
            let code = match e {
                RenderError::ReadFault(_) => error::READ_FAULT,
                RenderError::Arguments => error::BAD_ARGUMENT,
            };
            Unwind::Error(RuntimeError::new(code, e.to_string(), span))
        })?;
        Ok(out)
    }

    pub(crate) fn render_histogram(
        &mut self,
        frame: &mut Vec<Value>,
        h: &HistogramRef,
        span: Span,
    ) -> Exec<Vec<u8>> {
        let counts = self.histogram_counts(frame, h, span)?;
        let spec = match &h.kind {
            HistogramKind::Log => HistSpec::Log,
            HistogramKind::Linear(b) => HistSpec::Linear {
                start: b.start,
                stop: b.stop,
                interval: b.interval,
            },
        };
        rstap_format::hist::render_buckets_with(&counts, spec, self.limits().hist_elision)
            .map(String::into_bytes)
            .map_err(|_| {
                Unwind::Error(RuntimeError::new(
                    error::EMPTY_AGGREGATE,
                    "empty aggregate",
                    span,
                ))
            })
    }
}
