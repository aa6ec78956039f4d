//! Source positions, diagnostics and their rendering.
//!
//! Architecture invariant: this crate knows nothing about the SystemTap language or the
//! kernel. It stores source files, turns byte spans into `file:line:col`, and renders
//! [`Diagnostic`]s in one rustc-like shape that keeps SystemTap's message texts. Every
//! diagnostic carries a stable [`Code`]; `rstap explain CODE` prints the matching
//! [`Explanation`] that the crate which emits the code registers.

mod diagnostic;
mod render;
mod source;
mod suggest;

pub use diagnostic::{Code, Diagnostic, Explanation, Label, Severity, Stage};
pub use render::{RenderOptions, render, render_all, summary_counts};
pub use source::{FileId, LineCol, SourceFile, SourceMap, Span};
pub use suggest::{similar, similar_list};
