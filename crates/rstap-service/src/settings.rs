//! The service configuration: SystemTap's parameters with rstap's default paths.

use std::path::{Path, PathBuf};

use crate::shell::{ConfigError, Origin, Variables, parse_bool};

/// The configuration file read when none is named.
pub const DEFAULT_CONFIG: &str = "/etc/rstap/config";

/// SystemTap's parameters under rstap's prefix, plus the two rstap adds
/// (`OUTPUT_PATH`, `BTF_PATH`).
pub const DEFAULTS: &[(&str, &str)] = &[
    ("SCRIPT_PATH", "/etc/rstap/script.d"),
    ("CONFIG_PATH", "/etc/rstap/conf.d"),
    ("CACHE_PATH", "/var/cache/rstap"),
    ("TEMP_PATH", "/tmp"),
    ("STAT_PATH", "/var/run/rstap/service"),
    ("LOG_FILE", "/var/log/rstap.log"),
    ("OUTPUT_PATH", "/var/log/rstap"),
    ("BTF_PATH", "/etc/rstap/btf"),
    ("PASSALL", "yes"),
    ("RECURSIVE", "no"),
    ("AUTOCOMPILE", "yes"),
    ("DEFAULT_START", ""),
    ("ALLOW_CACHEONLY", "no"),
    ("LOG_BOOT_ERR", "no"),
];

#[derive(Clone, Debug)]
pub struct Settings {
    /// The configuration file (it need not exist when it is the default one).
    pub config_file: PathBuf,
    pub script_path: PathBuf,
    pub config_path: PathBuf,
    /// Compiled sessions go to `CACHE_PATH/<kernel release>/`.
    pub cache_path: PathBuf,
    pub temp_path: PathBuf,
    /// Pid files, one per running script: `STAT_PATH/NAME`.
    pub stat_path: PathBuf,
    pub log_file: PathBuf,
    /// Where a script's output goes when its `NAME_OPT` has no `-o`: `OUTPUT_PATH/NAME.out`.
    pub output_path: PathBuf,
    /// Kernel BTF files for `-r KREL`: `BTF_PATH/KREL`.
    pub btf_path: PathBuf,
    pub passall: bool,
    pub recursive: bool,
    pub autocompile: bool,
    pub default_start: Vec<String>,
    pub allow_cacheonly: bool,
    pub log_boot_err: bool,
    vars: Variables,
}

impl Settings {
    /// Reads the configuration: the built-in defaults, then `config_file` (when it
    /// exists, or always when `must_exist`), then `CONFIG_PATH/*.conf` in name order.
    pub fn load(config_file: &Path, must_exist: bool) -> Result<Settings, ConfigError> {
        let mut vars = Variables::default();
        for (name, value) in DEFAULTS {
            vars.set_default(name, value);
        }
        match std::fs::read_to_string(config_file) {
            Ok(text) => vars.read(config_file, &text)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => {}
            Err(e) => {
                return Err(ConfigError {
                    origin: Origin {
                        file: config_file.to_path_buf(),
                        line: 0,
                    },
                    message: format!("cannot read the configuration file: {e}"),
                });
            }
        }
        let config_path = PathBuf::from(vars.get("CONFIG_PATH").unwrap_or_default());
        for conf in conf_files(&config_path) {
            let text = std::fs::read_to_string(&conf).map_err(|e| ConfigError {
                origin: Origin {
                    file: conf.clone(),
                    line: 0,
                },
                message: format!("cannot read: {e}"),
            })?;
            vars.read(&conf, &text)?;
        }
        Settings::from_variables(config_file, vars)
    }

    pub fn from_variables(config_file: &Path, vars: Variables) -> Result<Settings, ConfigError> {
        let path = |name: &str| PathBuf::from(vars.get(name).unwrap_or_default());
        let flag = |name: &str| -> Result<bool, ConfigError> {
            let value = vars.get(name).unwrap_or_default();
            parse_bool(value).ok_or_else(|| ConfigError {
                origin: vars.origin(name).cloned().unwrap_or(Origin {
                    file: config_file.to_path_buf(),
                    line: 0,
                }),
                message: format!(
                    "{name}={value:?} is not a boolean: write yes (y, Y, 1) or no (n, N, 0)"
                ),
            })
        };
        Ok(Settings {
            config_file: config_file.to_path_buf(),
            script_path: path("SCRIPT_PATH"),
            config_path: path("CONFIG_PATH"),
            cache_path: path("CACHE_PATH"),
            temp_path: path("TEMP_PATH"),
            stat_path: path("STAT_PATH"),
            log_file: path("LOG_FILE"),
            output_path: path("OUTPUT_PATH"),
            btf_path: path("BTF_PATH"),
            passall: flag("PASSALL")?,
            recursive: flag("RECURSIVE")?,
            autocompile: flag("AUTOCOMPILE")?,
            default_start: words(vars.get("DEFAULT_START").unwrap_or_default()),
            allow_cacheonly: flag("ALLOW_CACHEONLY")?,
            log_boot_err: flag("LOG_BOOT_ERR")?,
            vars,
        })
    }

    /// `NAME_OPT`: the script's rstap options, split into words as the shell splits an
    /// unquoted expansion (no quote processing).
    pub fn script_options(&self, name: &str) -> Vec<String> {
        words(self.vars.get(&format!("{name}_OPT")).unwrap_or_default())
    }

    /// `NAME_REQ`: the scripts this one needs running first.
    pub fn script_requires(&self, name: &str) -> Vec<String> {
        words(self.vars.get(&format!("{name}_REQ")).unwrap_or_default())
    }

    /// Where `NAME_REQ` was set, for messages.
    pub fn requires_origin(&self, name: &str) -> Option<&Origin> {
        self.vars.origin(&format!("{name}_REQ"))
    }

    /// `CACHE_PATH/KREL`.
    pub fn cache_dir(&self, release: &str) -> PathBuf {
        self.cache_path.join(release)
    }

    /// `STAT_PATH/NAME`.
    pub fn pid_file(&self, name: &str) -> PathBuf {
        self.stat_path.join(name)
    }

    /// `OUTPUT_PATH/NAME.out`.
    pub fn default_output(&self, name: &str) -> PathBuf {
        self.output_path.join(format!("{name}.out"))
    }
}

/// `CONFIG_PATH/*.conf`, sorted as the shell's glob sorts them.
fn conf_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "conf") && p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_without_a_file() {
        let s = Settings::load(Path::new("/nonexistent/rstap/config"), false).unwrap();
        assert_eq!(s.script_path, Path::new("/etc/rstap/script.d"));
        assert_eq!(s.config_path, Path::new("/etc/rstap/conf.d"));
        assert_eq!(s.cache_path, Path::new("/var/cache/rstap"));
        assert_eq!(s.stat_path, Path::new("/var/run/rstap/service"));
        assert_eq!(s.temp_path, Path::new("/tmp"));
        assert_eq!(s.log_file, Path::new("/var/log/rstap.log"));
        assert!(s.passall && !s.recursive && s.autocompile);
        assert!(!s.allow_cacheonly && !s.log_boot_err);
        assert!(s.default_start.is_empty());
        let e = Settings::load(Path::new("/nonexistent/rstap/config"), true).unwrap_err();
        assert!(
            e.to_string().contains("cannot read the configuration file"),
            "{e}"
        );
    }

    #[test]
    fn the_config_file_then_conf_d_files_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let conf_d = dir.path().join("conf.d");
        std::fs::create_dir(&conf_d).unwrap();
        let config = dir.path().join("config");
        std::fs::write(
            &config,
            format!(
                "CONFIG_PATH={}\nSCRIPT_PATH=$CONFIG_PATH/../script.d\nPASSALL=n\nRECURSIVE=Y\nDEFAULT_START=\"a  b\"\n",
                conf_d.display()
            ),
        )
        .unwrap();
        std::fs::write(
            conf_d.join("a.conf"),
            "a_OPT=\"-w  -o /tmp/a.out\"\na_REQ=b\n",
        )
        .unwrap();
        std::fs::write(conf_d.join("b.conf"), "a_REQ=\"b c\"\n").unwrap();
        std::fs::write(conf_d.join("ignored.txt"), "this is not read\n").unwrap();
        let s = Settings::load(&config, true).unwrap();
        assert_eq!(s.script_path, conf_d.join("../script.d"));
        assert!(!s.passall && s.recursive);
        assert_eq!(s.default_start, ["a", "b"]);
        assert_eq!(s.script_options("a"), ["-w", "-o", "/tmp/a.out"]);
        assert_eq!(s.script_requires("a"), ["b", "c"]);
        assert!(s.script_requires("b").is_empty());
        assert_eq!(
            s.requires_origin("a").unwrap().to_string(),
            format!("{}:1", conf_d.join("b.conf").display())
        );
    }

    #[test]
    fn a_bad_boolean_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        std::fs::write(
            &config,
            format!(
                "CONFIG_PATH={0}\n\nAUTOCOMPILE=maybe\n",
                dir.path().display()
            ),
        )
        .unwrap();
        let e = Settings::load(&config, true).unwrap_err().to_string();
        assert_eq!(
            e,
            format!(
                "{}:3: AUTOCOMPILE=\"maybe\" is not a boolean: write yes (y, Y, 1) or no (n, N, 0)",
                config.display()
            )
        );
    }
}
