//! `--remote` arguments: `[USER@]HOST[:PORT]`, also written `ssh://[USER@]HOST[:PORT]`;
//! an IPv6 address with a port goes in brackets (`[::1]:2222`).

/// One host to run on, as given on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Destination {
    /// What the user wrote, for messages.
    pub spec: String,
    pub user: Option<String>,
    pub host: String,
    pub port: Option<u16>,
}

impl Destination {
    pub fn parse(spec: &str) -> Result<Destination, String> {
        let rest = match spec.split_once("://") {
            Some(("ssh", rest)) => rest,
            Some((scheme, _)) => {
                return Err(format!(
                    "'{scheme}://' destinations are not supported; rstap reaches hosts over ssh only ([USER@]HOST[:PORT])"
                ));
            }
            None => spec,
        };
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        let (user, hostport) = match rest.rsplit_once('@') {
            Some((u, h)) if !u.is_empty() => (Some(u.to_string()), h),
            Some(_) => return Err("the user name before '@' is empty".into()),
            None => (None, rest),
        };
        let (host, port) = if let Some(inner) = hostport.strip_prefix('[') {
            let Some((addr, after)) = inner.split_once(']') else {
                return Err("a '[' address has no closing ']'".into());
            };
            match after {
                "" => (addr, None),
                p => match p.strip_prefix(':') {
                    Some(p) => (addr, Some(p)),
                    None => return Err(format!("unexpected '{after}' after the address")),
                },
            }
        } else {
            match hostport.split_once(':') {
                // More than one colon: an IPv6 address without a port.
                Some((_, p)) if p.contains(':') => (hostport, None),
                Some((h, p)) => (h, Some(p)),
                None => (hostport, None),
            }
        };
        if host.is_empty() {
            return Err("the host name is empty".into());
        }
        // ssh would read a leading '-' as an option; no host or user name has one.
        if host.starts_with('-') || user.as_deref().is_some_and(|u| u.starts_with('-')) {
            return Err("a host or user name cannot start with '-'".into());
        }
        if host
            .chars()
            .chain(user.as_deref().unwrap_or("").chars())
            .any(|c| c.is_whitespace() || c.is_control())
        {
            return Err("a host or user name cannot contain spaces".into());
        }
        let port = match port {
            None => None,
            Some(p) => match p.parse::<u16>() {
                Ok(n) if n > 0 => Some(n),
                _ => return Err(format!("'{p}' is not a port number (1-65535)")),
            },
        };
        Ok(Destination {
            spec: spec.to_string(),
            user,
            host: host.to_string(),
            port,
        })
    }

    /// The destination argument of ssh: `USER@HOST` or `HOST` (the port goes in `-p`).
    pub fn ssh_target(&self) -> String {
        match &self.user {
            Some(u) => format!("{u}@{}", self.host),
            None => self.host.clone(),
        }
    }
}

impl std::fmt::Display for Destination {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.spec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> (Option<String>, String, Option<u16>) {
        let d = Destination::parse(s).unwrap();
        (d.user, d.host, d.port)
    }

    #[test]
    fn the_accepted_forms() {
        assert_eq!(parts("web1"), (None, "web1".into(), None));
        assert_eq!(
            parts("root@10.0.0.2:2222"),
            (Some("root".into()), "10.0.0.2".into(), Some(2222))
        );
        assert_eq!(
            parts("ssh://ops@db.example.org/"),
            (Some("ops".into()), "db.example.org".into(), None)
        );
        assert_eq!(parts("[::1]:22"), (None, "::1".into(), Some(22)));
        assert_eq!(parts("fe80::1"), (None, "fe80::1".into(), None));
        let d = Destination::parse("a@b@host:7").unwrap();
        assert_eq!(d.ssh_target(), "a@b@host");
        assert_eq!(d.to_string(), "a@b@host:7");
    }

    #[test]
    fn bad_destinations_say_why() {
        for (spec, why) in [
            ("", "host name is empty"),
            ("@h", "user name"),
            ("host:0", "not a port"),
            ("host:http", "not a port"),
            ("-oProxyCommand=x", "cannot start with '-'"),
            ("libvirt://vm", "not supported"),
            ("[::1", "closing"),
            ("a b", "spaces"),
        ] {
            let e = Destination::parse(spec).unwrap_err();
            assert!(e.contains(why), "{spec}: {e}");
        }
    }
}
