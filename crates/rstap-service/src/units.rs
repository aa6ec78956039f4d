//! The systemd units `onboot` installs (shipped in `dist/systemd/`).
//!
//! rstap needs no initramfs module: a session is BPF programs loaded by the rstap
//! binary, so boot-time tracing starts with systemd's `multi-user.target` from the
//! compiled session in the cache, and no dracut image is rebuilt.

use std::path::Path;

/// `rstap@.service`: one script per instance (`rstap@NAME.service`).
pub const TEMPLATE: &str = include_str!("../../../dist/systemd/rstap@.service");
/// `rstap.service`: the `DEFAULT_START` scripts.
pub const ALL: &str = include_str!("../../../dist/systemd/rstap.service");

/// The binary path the shipped units name.
const SHIPPED_BINARY: &str = "/usr/bin/rstap";

/// A unit's text for this installation: the `Exec*` lines run `rstap` and, when the
/// configuration is not the default one, pass it with `-c`.
pub fn render(unit: &str, rstap: &Path, config: Option<&Path>) -> String {
    let mut out = String::with_capacity(unit.len() + 64);
    for line in unit.lines() {
        match line.split_once('=') {
            Some((key, command))
                if key.starts_with("Exec") && command.starts_with(SHIPPED_BINARY) =>
            {
                let args = &command[SHIPPED_BINARY.len()..];
                out.push_str(key);
                out.push('=');
                out.push_str(&quote(&rstap.display().to_string()));
                // " service VERB" then the rest.
                let mut words = args.split_whitespace();
                let mut rebuilt: Vec<String> = words.by_ref().take(2).map(str::to_string).collect();
                if let Some(c) = config {
                    rebuilt.push("-c".into());
                    rebuilt.push(quote(&c.display().to_string()));
                }
                rebuilt.extend(words.map(str::to_string));
                for w in rebuilt {
                    out.push(' ');
                    out.push_str(&w);
                }
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// A word as systemd's command lines read it.
fn quote(word: &str) -> String {
    if word
        .chars()
        .any(|c| c.is_whitespace() || c == '"' || c == '\\' || c == '%')
    {
        let escaped = word
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('%', "%%");
        format!("\"{escaped}\"")
    } else {
        word.to_string()
    }
}

/// The instance unit name of a script.
pub fn instance(name: &str) -> String {
    format!("rstap@{name}.service")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_units_start_and_stop_through_the_service_command() {
        assert!(TEMPLATE.contains("ExecStart=/usr/bin/rstap service start %i\n"));
        assert!(TEMPLATE.contains("ExecStop=/usr/bin/rstap service stop %i\n"));
        assert!(TEMPLATE.contains("Type=oneshot\nRemainAfterExit=yes\n"));
        assert!(ALL.contains("ExecStart=/usr/bin/rstap service start\n"));
        assert!(ALL.contains("WantedBy=multi-user.target"));
    }

    #[test]
    fn rendering_names_this_binary_and_configuration() {
        let u = render(TEMPLATE, Path::new("/opt/rstap/bin/rstap"), None);
        assert!(
            u.contains("ExecStart=/opt/rstap/bin/rstap service start %i\n"),
            "{u}"
        );
        assert!(
            u.contains("ExecReload=/opt/rstap/bin/rstap service restart %i\n"),
            "{u}"
        );
        let u = render(
            ALL,
            Path::new("/home/me/my bin/rstap"),
            Some(Path::new("/srv/rstap.conf")),
        );
        assert!(
            u.contains("ExecStop=\"/home/me/my bin/rstap\" service stop -c /srv/rstap.conf\n"),
            "{u}"
        );
        let u = render(TEMPLATE, Path::new("/r"), Some(Path::new("/c")));
        assert!(u.contains("ExecStart=/r service start -c /c %i\n"), "{u}");
        // Everything else is kept as shipped.
        assert_eq!(u.lines().count(), TEMPLATE.lines().count());
        assert!(u.contains("KillMode=process\n"));
        assert_eq!(instance("top"), "rstap@top.service");
    }
}
