//! onboot: systemd units instead of SystemTap's initramfs. rstap loads BPF programs
//! from user space, so there is no kernel module to put into the initramfs; the units
//! start the scripts from their compiled sessions when systemd reaches
//! `multi-user.target`.

use std::path::{Path, PathBuf};
use std::process::Command;

use rstap_service::units;

use super::Service;

/// Where units are installed when -o does not say.
const SYSTEM_UNITS: &str = "/etc/systemd/system";

impl Service {
    pub(super) fn onboot(&self, names: &[String]) -> u8 {
        let scripts = if names.is_empty() {
            if self.settings.default_start.is_empty() {
                rstap_service::scripts::find(&self.settings.script_path, "stp").names
            } else {
                self.settings.default_start.clone()
            }
        } else {
            names.to_vec()
        };
        if !self.check_names(&scripts) {
            return 1;
        }
        // Boot must not depend on a compiler run: the sessions are compiled now.
        if !self.compile_for_boot(&scripts) {
            return 1;
        }
        let systemd = Path::new("/run/systemd/system").is_dir();
        let dir = match &self.args.output {
            Some(d) => d.clone(),
            None if systemd => PathBuf::from(SYSTEM_UNITS),
            None => {
                self.problem(
                    "systemd is not running on this machine (no /run/systemd/system): give -o DIR to write the units into DIR",
                );
                return 1;
            }
        };
        let (file, text, enable): (&str, &str, Vec<String>) = if names.is_empty() {
            (
                "rstap.service",
                units::ALL,
                vec!["rstap.service".to_string()],
            )
        } else {
            (
                "rstap@.service",
                units::TEMPLATE,
                names.iter().map(|n| units::instance(n)).collect(),
            )
        };
        let unit = units::render(text, &self.rstap, self.explicit_config.as_deref());
        if let Err(e) = std::fs::create_dir_all(&dir) {
            self.problem(&format!("cannot create {}: {e}", dir.display()));
            return 1;
        }
        let path = dir.join(file);
        if let Err(e) = std::fs::write(&path, unit) {
            self.problem(&format!("cannot write {}: {e}", path.display()));
            return 1;
        }
        self.note(&format!("wrote {}", path.display()));
        if self.args.output.is_some() {
            println!(
                "Install it in {SYSTEM_UNITS} and enable it with: systemctl daemon-reload && systemctl enable {}",
                enable.join(" ")
            );
            return 0;
        }
        for args in [vec!["daemon-reload".to_string()], {
            let mut v = vec!["enable".to_string()];
            v.extend(enable.iter().cloned());
            v
        }] {
            match Command::new("systemctl").args(&args).status() {
                Ok(s) if s.success() => {}
                Ok(s) => {
                    self.problem(&format!("systemctl {} failed ({s})", args.join(" ")));
                    return 1;
                }
                Err(e) => {
                    self.problem(&format!("cannot run systemctl: {e}"));
                    return 1;
                }
            }
        }
        self.note(&format!("enabled {}", enable.join(" ")));
        0
    }
}
