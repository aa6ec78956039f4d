//! Facts about the running system that the preprocessor's conditionals ask for.
//!
//! Only the CLI reads the system; the front end receives these facts as data.

use std::collections::BTreeMap;
use std::io::Read;

#[derive(Clone, Debug, Default)]
pub struct KernelFacts {
    /// `kernel_vr`: the full release, e.g. `6.18.44-fc-v657`.
    pub release: String,
    /// `kernel_v`: the numeric part of the release, e.g. `6.18.44`.
    pub version: String,
    /// `arch` in SystemTap's spelling (`x86_64`, `arm64`, ...).
    pub arch: String,
    /// `CONFIG_*` options from /proc/config.gz or /boot/config-RELEASE.
    pub config: BTreeMap<String, String>,
}

/// The numeric prefix of a release string: digits and dots up to the first other char.
pub fn numeric_version(release: &str) -> String {
    let end = release
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(release.len());
    release[..end].trim_end_matches('.').to_string()
}

/// SystemTap's architecture names differ from Rust's for a few targets.
pub fn stap_arch(rust_arch: &str) -> &str {
    match rust_arch {
        "aarch64" => "arm64",
        "x86" => "i386",
        "powerpc64" => "powerpc",
        other => other,
    }
}

/// Parse kernel config text (`CONFIG_X=y`, `# CONFIG_Y is not set`).
pub fn parse_config(text: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') {
            continue;
        }
        if let Some((k, v)) = line.split_once('=')
            && k.starts_with("CONFIG_")
        {
            map.insert(k.to_string(), v.trim_matches('"').to_string());
        }
    }
    map
}

fn read_config(release: &str) -> BTreeMap<String, String> {
    if let Ok(f) = std::fs::File::open("/proc/config.gz") {
        let mut text = String::new();
        if flate2::read::GzDecoder::new(f)
            .read_to_string(&mut text)
            .is_ok()
        {
            return parse_config(&text);
        }
    }
    std::fs::read_to_string(format!("/boot/config-{release}"))
        .map(|t| parse_config(&t))
        .unwrap_or_default()
}

impl KernelFacts {
    pub fn probe() -> KernelFacts {
        let release = std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        KernelFacts {
            version: numeric_version(&release),
            arch: stap_arch(std::env::consts::ARCH).to_string(),
            config: read_config(&release),
            release,
        }
    }

    /// Another kernel's facts: its configuration from `/boot/config-RELEASE` if there.
    pub fn of_release(release: &str) -> KernelFacts {
        KernelFacts {
            version: numeric_version(release),
            arch: stap_arch(std::env::consts::ARCH).to_string(),
            config: std::fs::read_to_string(format!("/boot/config-{release}"))
                .map(|t| parse_config(&t))
                .unwrap_or_default(),
            release: release.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_parts() {
        assert_eq!(numeric_version("6.18.44-fc-v657"), "6.18.44");
        assert_eq!(numeric_version("5.10.0"), "5.10.0");
        assert_eq!(numeric_version("4.4.-rc1"), "4.4");
        assert_eq!(numeric_version(""), "");
    }

    #[test]
    fn config_lines() {
        let m = parse_config("CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=\"str\"\nCONFIG_N=42\n");
        assert_eq!(m.get("CONFIG_A").map(String::as_str), Some("y"));
        assert_eq!(m.get("CONFIG_C").map(String::as_str), Some("str"));
        assert_eq!(m.get("CONFIG_N").map(String::as_str), Some("42"));
        assert!(!m.contains_key("CONFIG_B"));
    }

    #[test]
    fn this_machine_has_a_release_and_config() {
        let f = KernelFacts::probe();
        assert!(!f.release.is_empty());
        assert!(f.release.starts_with(&f.version));
        if std::path::Path::new("/proc/config.gz").exists() {
            assert_eq!(f.config.get("CONFIG_BPF").map(String::as_str), Some("y"));
        }
    }
}
