//! Stack profiles: folded text (`--folded`) and SVG flame graphs (`--flamegraph`).
//!
//! The folded format is one line per distinct stack, frames root first and
//! joined by `;`, then a space and the count. Frame names are made safe for
//! it: `;` becomes `:` and line breaks become spaces, since either would
//! split a frame or a line for every reader of the format.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use crate::error::SymbolizeError;
use crate::format::symname;
use crate::resolved::ResolvedAddress;

/// Counts per distinct stack.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoldedProfile {
    /// Folded stack (frames joined by `;`) to its count; ordered, so output
    /// is stable.
    stacks: BTreeMap<String, u64>,
}

impl FoldedProfile {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `count` samples of a stack given root first (`main` before its callees).
    pub fn add<I, S>(&mut self, frames_root_first: I, count: u64)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut key = String::new();
        for (i, frame) in frames_root_first.into_iter().enumerate() {
            if i > 0 {
                key.push(';');
            }
            push_sanitized(&mut key, frame.as_ref());
        }
        if key.is_empty() || count == 0 {
            return;
        }
        let total = self.stacks.entry(key).or_insert(0);
        *total = total.saturating_add(count);
    }

    /// Adds a stack given leaf first, the order BPF stack maps hold it in.
    pub fn add_leaf_first<S: AsRef<str>>(&mut self, frames_leaf_first: &[S], count: u64) {
        self.add(frames_leaf_first.iter().rev(), count);
    }

    /// Adds a sample from resolved user and kernel stacks (both leaf first),
    /// laid out as the process saw it: user frames below kernel frames.
    /// Unresolved frames are named by their hex address.
    pub fn add_resolved(
        &mut self,
        user_leaf_first: &[ResolvedAddress],
        kernel_leaf_first: &[ResolvedAddress],
        count: u64,
    ) {
        let frames = user_leaf_first
            .iter()
            .rev()
            .chain(kernel_leaf_first.iter().rev())
            .map(symname);
        self.add(frames, count);
    }

    pub fn is_empty(&self) -> bool {
        self.stacks.is_empty()
    }

    /// Number of distinct stacks.
    pub fn len(&self) -> usize {
        self.stacks.len()
    }

    /// Sum of all counts.
    pub fn total(&self) -> u64 {
        self.stacks
            .values()
            .fold(0u64, |sum, &c| sum.saturating_add(c))
    }

    /// The folded text, lines sorted by stack, each ending in a newline.
    pub fn folded(&self) -> String {
        let mut out = String::new();
        for (stack, count) in &self.stacks {
            out.push_str(stack);
            out.push(' ');
            out.push_str(&count.to_string());
            out.push('\n');
        }
        out
    }

    /// Renders an SVG flame graph of the profile into `writer`.
    pub fn write_flamegraph<W: Write>(&self, title: &str, writer: W) -> Result<(), SymbolizeError> {
        if self.stacks.is_empty() {
            return Err(SymbolizeError::FlameGraph {
                message: "no stacks were recorded".to_string(),
            });
        }
        let folded = self.folded();
        let mut options = inferno::flamegraph::Options::default();
        options.title = title.to_string();
        // Colours derived from frame names: the same profile draws the same.
        options.hash = true;
        options.deterministic = true;
        inferno::flamegraph::from_lines(&mut options, folded.lines(), writer).map_err(|e| {
            SymbolizeError::FlameGraph {
                message: e.to_string(),
            }
        })
    }

    /// Writes the SVG flame graph to `path`.
    pub fn write_flamegraph_file(&self, title: &str, path: &Path) -> Result<(), SymbolizeError> {
        let io_error = |source| SymbolizeError::Io {
            path: path.to_path_buf(),
            source,
        };
        let file = std::fs::File::create(path).map_err(io_error)?;
        let mut writer = std::io::BufWriter::new(file);
        self.write_flamegraph(title, &mut writer)?;
        writer.flush().map_err(io_error)
    }
}

fn push_sanitized(out: &mut String, frame: &str) {
    for c in frame.chars() {
        out.push(match c {
            ';' => ':',
            '\n' | '\r' => ' ',
            c => c,
        });
    }
}
