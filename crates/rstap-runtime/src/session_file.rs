//! Compiled session files (`-p4` writes one, `rstap run FILE` runs it): everything a
//! live session needs, and the identity of the kernel it was compiled for.

use rstap_bpf::Compiled;
use rstap_diag::{FileId, SourceMap};
use rstap_interp::Limits;
use rstap_ir::Program;

/// Bumped whenever the layout of the file changes.
pub const FORMAT: u32 = 1;

#[derive(serde::Serialize, serde::Deserialize)]
pub struct SessionFile {
    pub format: u32,
    pub rstap_version: String,
    /// `uname -r` of the kernel the programs were compiled for.
    pub kernel_release: String,
    /// FNV-1a hash of that kernel's `/sys/kernel/btf/vmlinux`: structure offsets and
    /// system call numbers baked into the programs are only valid for it.
    pub kernel_btf: String,
    /// The script and tapset sources, in `FileId` order, for error locations.
    pub files: Vec<(String, String)>,
    pub program: Program,
    pub compiled: Compiled,
    pub limits: Limits,
    /// Programs and libraries whose symbols resolve user frames by build id (`-d`,
    /// `--ldd`), besides the probed programs.
    #[serde(default)]
    pub symbol_files: Vec<String>,
}

/// Why a session file cannot be run.
#[derive(Debug)]
pub enum LoadError {
    Io(std::io::Error),
    Format(String),
    /// The file was compiled for another kernel: (compiled for, running).
    OtherKernel(String, String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Io(e) => write!(f, "{e}"),
            LoadError::Format(e) => write!(f, "not an rstap session file: {e}"),
            LoadError::OtherKernel(built, running) => write!(
                f,
                "compiled for kernel {built}, but this is kernel {running} (or its type information differs); compile the script again on this machine"
            ),
        }
    }
}

/// The running kernel's release and BTF hash.
pub fn kernel_identity() -> (String, String) {
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let btf = std::fs::read("/sys/kernel/btf/vmlinux")
        .map(|b| btf_hash(&b))
        .unwrap_or_default();
    (release, btf)
}

/// The identity of a kernel's BTF as session files record it.
pub fn btf_hash(vmlinux_btf: &[u8]) -> String {
    format!("{:016x}", fnv1a(vmlinux_btf))
}

fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl SessionFile {
    /// A session for `kernel`: its release and [`btf_hash`] (see [`kernel_identity`]).
    pub fn new(
        sources: &SourceMap,
        program: &Program,
        compiled: &Compiled,
        limits: &Limits,
        version: &str,
        kernel: (String, String),
    ) -> SessionFile {
        let (kernel_release, kernel_btf) = kernel;
        let mut files = Vec::new();
        let mut i = 0;
        while let Some(f) = sources.get(FileId(i)) {
            files.push((f.name.clone(), f.text.clone()));
            i += 1;
        }
        SessionFile {
            format: FORMAT,
            rstap_version: version.to_string(),
            kernel_release,
            kernel_btf,
            files,
            program: program.clone(),
            compiled: compiled.clone(),
            limits: limits.clone(),
            symbol_files: Vec::new(),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("session files serialize")
    }

    /// Reads a session file and checks that it was compiled for the running kernel.
    pub fn read(path: &std::path::Path) -> Result<(SessionFile, SourceMap), LoadError> {
        let bytes = std::fs::read(path).map_err(LoadError::Io)?;
        SessionFile::from_bytes(&bytes)
    }

    /// Decodes a session file's contents and checks that it was compiled for the
    /// running kernel.
    pub fn from_bytes(bytes: &[u8]) -> Result<(SessionFile, SourceMap), LoadError> {
        let file: SessionFile =
            serde_json::from_slice(bytes).map_err(|e| LoadError::Format(e.to_string()))?;
        if file.format != FORMAT {
            return Err(LoadError::Format(format!(
                "format {} (this rstap reads format {FORMAT})",
                file.format
            )));
        }
        let (release, btf) = kernel_identity();
        if file.kernel_release != release || file.kernel_btf != btf {
            return Err(LoadError::OtherKernel(file.kernel_release.clone(), release));
        }
        let mut sm = SourceMap::new();
        for (name, text) in &file.files {
            sm.add(name.clone(), text.clone());
        }
        Ok((file, sm))
    }
}
