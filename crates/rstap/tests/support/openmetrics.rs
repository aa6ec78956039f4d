//! A strict parser of the OpenMetrics 1.0 text format, for checking what `--metrics`
//! serves: every line must follow the grammar, each family is declared once by its
//! `# TYPE` line before its samples, which are contiguous and named as its type allows,
//! label sets are unique per sample name, histograms are cumulative and end at `+Inf`
//! equal to `_count`, and `# EOF` is the last line.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};

/// Label names and values, in order.
pub type Labels = Vec<(String, String)>;

#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    pub name: String,
    pub labels: Vec<(String, String)>,
    pub value: f64,
}

impl Sample {
    pub fn label(&self, name: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Family {
    pub name: String,
    pub kind: String,
    pub help: Option<String>,
    pub samples: Vec<Sample>,
}

impl Family {
    /// The value of the sample `name` whose labels include all of `labels`.
    pub fn value(&self, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
        self.samples
            .iter()
            .find(|s| s.name == name && labels.iter().all(|(n, v)| s.label(n) == Some(*v)))
            .map(|s| s.value)
    }
}

fn is_name(s: &str) -> bool {
    let mut c = s.chars();
    c.next()
        .is_some_and(|f| f.is_ascii_alphabetic() || f == '_' || f == ':')
        && c.all(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == ':')
}

fn is_label_name(s: &str) -> bool {
    let mut c = s.chars();
    c.next()
        .is_some_and(|f| f.is_ascii_alphabetic() || f == '_')
        && c.all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
}

fn number(s: &str) -> Result<f64, String> {
    match s {
        "+Inf" | "Inf" => return Ok(f64::INFINITY),
        "-Inf" => return Ok(f64::NEG_INFINITY),
        "NaN" => return Ok(f64::NAN),
        _ => {}
    }
    let ok = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'));
    if !ok {
        return Err(format!("bad number '{s}'"));
    }
    s.parse::<f64>()
        .map_err(|e| format!("bad number '{s}': {e}"))
}

/// `{a="x",b="y"}` at the start of `s`: the labels and the rest of the line.
fn labels(s: &str) -> Result<(Labels, &str), String> {
    let Some(mut rest) = s.strip_prefix('{') else {
        return Ok((Vec::new(), s));
    };
    let mut out = Vec::new();
    if let Some(r) = rest.strip_prefix('}') {
        return Ok((out, r));
    }
    loop {
        let eq = rest.find('=').ok_or("label without '='")?;
        let name = &rest[..eq];
        if !is_label_name(name) {
            return Err(format!("bad label name '{name}'"));
        }
        rest = rest[eq + 1..]
            .strip_prefix('"')
            .ok_or("label value without '\"'")?;
        let mut value = String::new();
        let mut chars = rest.char_indices();
        let end = loop {
            match chars.next() {
                None => return Err("unterminated label value".into()),
                Some((i, '"')) => break i,
                Some((_, '\\')) => match chars.next() {
                    Some((_, '\\')) => value.push('\\'),
                    Some((_, '"')) => value.push('"'),
                    Some((_, 'n')) => value.push('\n'),
                    other => return Err(format!("bad escape in label value: {other:?}")),
                },
                Some((_, '\n')) => return Err("newline in label value".into()),
                Some((_, c)) => value.push(c),
            }
        };
        if out.iter().any(|(n, _)| n == name) {
            return Err(format!("label '{name}' given twice"));
        }
        out.push((name.to_string(), value));
        rest = &rest[end + 1..];
        if let Some(r) = rest.strip_prefix(',') {
            rest = r;
        } else if let Some(r) = rest.strip_prefix('}') {
            return Ok((out, r));
        } else {
            return Err("expected ',' or '}' after a label".into());
        }
    }
}

/// The sample names a family of `kind` called `family` may have.
fn allowed(kind: &str, family: &str, sample: &str) -> bool {
    let suffix = sample.strip_prefix(family);
    match (kind, suffix) {
        (_, None) => false,
        ("gauge" | "unknown" | "stateset", Some(s)) => s.is_empty(),
        ("counter", Some(s)) => matches!(s, "_total" | "_created"),
        ("info", Some(s)) => s == "_info",
        ("histogram" | "gaugehistogram", Some(s)) => {
            matches!(
                s,
                "_bucket" | "_count" | "_sum" | "_created" | "_gcount" | "_gsum"
            )
        }
        ("summary", Some(s)) => matches!(s, "" | "_count" | "_sum" | "_created"),
        _ => false,
    }
}

/// Parses and checks `text`; `Err` says which line breaks which rule.
pub fn parse(text: &str) -> Result<Vec<Family>, String> {
    let body = text
        .strip_suffix("# EOF\n")
        .or_else(|| text.strip_suffix("# EOF"))
        .ok_or("the text does not end with '# EOF'")?;
    let mut families: Vec<Family> = Vec::new();
    let mut seen = HashSet::new();
    for (n, line) in body.split_terminator('\n').enumerate() {
        let at = |e: String| format!("line {}: {e}: {line:?}", n + 1);
        if let Some(meta) = line.strip_prefix("# ") {
            let mut parts = meta.splitn(3, ' ');
            let (word, name, rest) = (parts.next(), parts.next(), parts.next());
            let name = name.ok_or_else(|| at("metadata without a name".into()))?;
            if !is_name(name) {
                return Err(at(format!("bad family name '{name}'")));
            }
            match word {
                Some("TYPE") => {
                    let kind = rest.ok_or_else(|| at("TYPE without a type".into()))?;
                    if !matches!(
                        kind,
                        "counter"
                            | "gauge"
                            | "histogram"
                            | "gaugehistogram"
                            | "stateset"
                            | "info"
                            | "summary"
                            | "unknown"
                    ) {
                        return Err(at(format!("unknown type '{kind}'")));
                    }
                    if !seen.insert(name.to_string()) {
                        return Err(at(format!("family '{name}' declared twice")));
                    }
                    families.push(Family {
                        name: name.to_string(),
                        kind: kind.to_string(),
                        help: None,
                        samples: Vec::new(),
                    });
                }
                Some("HELP") | Some("UNIT") => {
                    let f = families
                        .last_mut()
                        .filter(|f| f.name == name && f.samples.is_empty())
                        .ok_or_else(|| at("metadata apart from its family's TYPE".into()))?;
                    if word == Some("HELP") {
                        if f.help.is_some() {
                            return Err(at("HELP given twice".into()));
                        }
                        f.help = Some(rest.unwrap_or("").to_string());
                    }
                }
                _ => return Err(at("unknown metadata line".into())),
            }
            continue;
        }
        if line.starts_with('#') || line.is_empty() {
            return Err(at("not a sample, metadata or '# EOF'".into()));
        }
        let name_end = line
            .find(['{', ' '])
            .ok_or_else(|| at("sample without value".into()))?;
        let name = &line[..name_end];
        if !is_name(name) {
            return Err(at(format!("bad metric name '{name}'")));
        }
        let (labels, rest) = labels(&line[name_end..]).map_err(&at)?;
        let rest = rest
            .strip_prefix(' ')
            .ok_or_else(|| at("expected one space before the value".into()))?;
        let mut fields = rest.split(' ');
        let value = number(fields.next().unwrap_or("")).map_err(&at)?;
        if let Some(ts) = fields.next() {
            number(ts).map_err(&at)?;
        }
        if fields.next().is_some() {
            return Err(at("trailing text after the sample".into()));
        }
        let family = families
            .last_mut()
            .ok_or_else(|| at("sample before any TYPE line".into()))?;
        if !allowed(&family.kind, &family.name, name) {
            return Err(at(format!(
                "sample '{name}' does not belong to {} family '{}'",
                family.kind, family.name
            )));
        }
        family.samples.push(Sample {
            name: name.to_string(),
            labels,
            value,
        });
    }
    for f in &families {
        check_family(f)?;
    }
    Ok(families)
}

fn check_family(f: &Family) -> Result<(), String> {
    let mut sets = HashSet::new();
    for s in &f.samples {
        let mut key: Vec<String> = s.labels.iter().map(|(n, v)| format!("{n}={v}")).collect();
        key.sort();
        if !sets.insert((s.name.clone(), key)) {
            return Err(format!(
                "family '{}': a label set repeats in '{}'",
                f.name, s.name
            ));
        }
    }
    if f.kind != "histogram" {
        return Ok(());
    }
    // Per label set without `le`: buckets ascending and cumulative, ending at +Inf = count.
    let mut groups: HashMap<Labels, Vec<(f64, f64)>> = HashMap::new();
    let mut counts: HashMap<Labels, f64> = HashMap::new();
    for s in &f.samples {
        let rest: Vec<(String, String)> = s
            .labels
            .iter()
            .filter(|(n, _)| n != "le")
            .cloned()
            .collect();
        if s.name.ends_with("_bucket") {
            let le = s
                .label("le")
                .ok_or_else(|| format!("family '{}': a bucket without 'le'", f.name))?;
            groups.entry(rest).or_default().push((number(le)?, s.value));
        } else if s.name.ends_with("_count") {
            counts.insert(rest, s.value);
        }
    }
    for (set, buckets) in &groups {
        let ctx = format!("family '{}' {set:?}", f.name);
        for w in buckets.windows(2) {
            if w[1].0 <= w[0].0 {
                return Err(format!("{ctx}: bucket bounds not ascending"));
            }
            if w[1].1 < w[0].1 {
                return Err(format!("{ctx}: buckets not cumulative"));
            }
        }
        let last = buckets.last().ok_or(format!("{ctx}: no buckets"))?;
        if last.0 != f64::INFINITY {
            return Err(format!("{ctx}: the last bucket is not +Inf"));
        }
        match counts.get(set) {
            Some(&c) if c == last.1 => {}
            other => return Err(format!("{ctx}: +Inf bucket {} but count {other:?}", last.1)),
        }
    }
    Ok(())
}

/// `GET path` over plain HTTP/1.0: the status code, the headers (names lowercased) and
/// the body.
pub fn http_get(port: u16, path: &str) -> std::io::Result<(u16, Labels, String)> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no end of headers"))?;
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status line"))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Ok((status, headers, body.to_string()))
}
