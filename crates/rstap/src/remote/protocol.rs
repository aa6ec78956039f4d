//! What the local and the remote rstap say to each other over ssh.
//!
//! The handshake: `rstap remote-hello` prints one line naming the protocol, the rstap
//! version and the kernel it runs on. The run: the remote rstap gets `--remote-control`
//! and reads one framed payload (the script, or a session file compiled here) from
//! standard input; the rest of its standard input is the stop channel: when it closes,
//! the session ends as it would on Ctrl-C, end probes included.

use std::io::{self, BufRead, Read};

/// Bumped when the framing, the hello line or the hidden options change.
pub const PROTOCOL: u32 = 1;

const HELLO: &str = "rstap-hello";
const FRAME: &str = "rstap-payload";
/// The largest payload a remote rstap accepts (session files of big scripts included).
const MAX_PAYLOAD: usize = 1 << 30;

/// What a remote rstap reported about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hello {
    pub protocol: u32,
    pub version: String,
    /// The kernel release and the hash of its BTF (see `session_file::kernel_identity`).
    pub kernel: String,
    pub btf: String,
}

impl Hello {
    pub fn of_this_machine() -> Hello {
        let (kernel, btf) = rstap_runtime::session_file::kernel_identity();
        Hello {
            protocol: PROTOCOL,
            version: env!("CARGO_PKG_VERSION").to_string(),
            kernel,
            btf,
        }
    }

    pub fn line(&self) -> String {
        format!(
            "{HELLO} protocol={} version={} kernel={} btf={}",
            self.protocol,
            self.version,
            field(&self.kernel),
            field(&self.btf)
        )
    }

    /// Finds the hello line in a remote's output (a login banner may come first).
    pub fn parse(output: &str) -> Option<Hello> {
        let line = output.lines().find(|l| l.starts_with(HELLO))?;
        let mut hello = Hello {
            protocol: 0,
            version: String::new(),
            kernel: String::new(),
            btf: String::new(),
        };
        for word in line.split_whitespace().skip(1) {
            let (key, value) = word.split_once('=')?;
            let value = if value == "-" { "" } else { value };
            match key {
                "protocol" => hello.protocol = value.parse().ok()?,
                "version" => hello.version = value.to_string(),
                "kernel" => hello.kernel = value.to_string(),
                "btf" => hello.btf = value.to_string(),
                // Fields a newer rstap adds are skipped.
                _ => {}
            }
        }
        (hello.protocol > 0 && !hello.version.is_empty()).then_some(hello)
    }

    /// Whether a session compiled here runs there unchanged: same rstap, same kernel
    /// types.
    pub fn runs_sessions_of(&self, here: &Hello) -> bool {
        self.version == here.version
            && self.protocol == here.protocol
            && !self.btf.is_empty()
            && self.kernel == here.kernel
            && self.btf == here.btf
    }
}

/// A hello field never contains spaces; an unknown one is `-`.
fn field(s: &str) -> String {
    if s.is_empty() || s.contains(char::is_whitespace) {
        "-".into()
    } else {
        s.to_string()
    }
}

/// The version in `rstap --version` output (`... (version 0.1.0, ...`).
pub fn version_in(text: &str) -> Option<String> {
    let at = text.find("(version ")? + "(version ".len();
    let v: String = text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
        .collect();
    (!v.is_empty()).then_some(v)
}

/// Orders versions by their numeric `MAJOR.MINOR.PATCH` (a suffix after `-` or `+` is
/// ignored; missing parts count as 0).
pub fn older_than(version: &str, than: &str) -> bool {
    fn numbers(v: &str) -> [u64; 3] {
        let core = v.split(['-', '+']).next().unwrap_or("");
        let mut out = [0; 3];
        for (slot, part) in out.iter_mut().zip(core.split('.')) {
            *slot = part.parse().unwrap_or(0);
        }
        out
    }
    numbers(version) < numbers(than)
}

/// What a payload holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayloadKind {
    Script,
    Session,
}

impl PayloadKind {
    fn name(self) -> &'static str {
        match self {
            PayloadKind::Script => "script",
            PayloadKind::Session => "session",
        }
    }
}

/// The bytes to write on the remote's standard input: a header line, then the payload.
pub fn frame(kind: PayloadKind, payload: &[u8]) -> Vec<u8> {
    let mut out = format!("{FRAME} {} {}\n", kind.name(), payload.len()).into_bytes();
    out.extend_from_slice(payload);
    out
}

/// Reads one framed payload of the expected kind.
pub fn read_frame(input: &mut impl BufRead, expected: PayloadKind) -> io::Result<Vec<u8>> {
    let bad = |why: String| io::Error::new(io::ErrorKind::InvalidData, why);
    let mut header = Vec::new();
    input.by_ref().take(128).read_until(b'\n', &mut header)?;
    let header = String::from_utf8_lossy(&header);
    let mut words = header.split_whitespace();
    if words.next() != Some(FRAME) {
        return Err(bad(
            "standard input does not start with an rstap payload (--remote-control is for the rstap that --remote starts)".into(),
        ));
    }
    let kind = words.next().unwrap_or("");
    if kind != expected.name() {
        return Err(bad(format!(
            "expected a {} payload, got '{kind}'",
            expected.name()
        )));
    }
    let len = match words.next().and_then(|n| n.parse::<usize>().ok()) {
        Some(n) if n <= MAX_PAYLOAD => n,
        _ => return Err(bad("the payload length is missing or too large".into())),
    };
    let mut payload = vec![0; len];
    input.read_exact(&mut payload)?;
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hello_round_trip() {
        let h = Hello {
            protocol: 1,
            version: "0.1.0".into(),
            kernel: "6.18.0-x".into(),
            btf: "00ff".into(),
        };
        let text = format!("Welcome!\n{}\n", h.line());
        assert_eq!(Hello::parse(&text), Some(h.clone()));
        assert!(h.runs_sessions_of(&h));
        let other = Hello {
            btf: "0100".into(),
            ..h.clone()
        };
        assert!(!other.runs_sessions_of(&h));
        let unknown = Hello {
            btf: String::new(),
            ..h.clone()
        };
        assert_eq!(Hello::parse(&unknown.line()), Some(unknown.clone()));
        assert!(!unknown.runs_sessions_of(&unknown));
        assert_eq!(Hello::parse("rstap-hello nonsense"), None);
        assert_eq!(Hello::parse("bash: rstap: command not found"), None);
    }

    #[test]
    fn versions() {
        assert_eq!(
            version_in(
                "rstap translator/driver (version 0.0.9, SystemTap language 4.8, runtime bpf)"
            )
            .as_deref(),
            Some("0.0.9")
        );
        assert_eq!(version_in("rstap 1"), None);
        assert!(older_than("0.0.9", "0.1.0"));
        assert!(older_than("0.1", "0.1.1"));
        assert!(!older_than("0.1.0", "0.1.0"));
        assert!(!older_than("0.2.0-dev", "0.1.7"));
        assert!(!older_than("1.0.0", "0.9.9"));
    }

    #[test]
    fn frames() {
        let bytes = frame(PayloadKind::Script, b"probe begin { exit() }\nmore");
        let mut input = io::Cursor::new([bytes.as_slice(), b"after"].concat());
        let got = read_frame(&mut input, PayloadKind::Script).unwrap();
        assert_eq!(got, b"probe begin { exit() }\nmore");
        let mut rest = String::new();
        input.read_to_string(&mut rest).unwrap();
        assert_eq!(rest, "after");
        let mut input = io::Cursor::new(bytes.clone());
        assert!(read_frame(&mut input, PayloadKind::Session).is_err());
        let mut input = io::Cursor::new(b"probe begin {}".to_vec());
        assert!(read_frame(&mut input, PayloadKind::Script).is_err());
        let mut short = io::Cursor::new(bytes[..bytes.len() - 1].to_vec());
        assert!(read_frame(&mut short, PayloadKind::Script).is_err());
    }
}
