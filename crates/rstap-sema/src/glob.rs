//! Shell-style matching of probe-point names: `*` any run of characters, `?` one character.

/// Does `text` match `pattern` as a whole?
pub fn glob_match(pattern: &str, text: &str) -> bool {
    if !has_wildcard(pattern) {
        return pattern == text;
    }
    if pattern.is_ascii() && text.is_ascii() {
        return match_units(pattern.as_bytes(), text.as_bytes(), b'*', b'?');
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    match_units(&p, &t, '*', '?')
}

fn match_units<T: PartialEq + Copy>(p: &[T], t: &[T], any: T, one: T) -> bool {
    // Classic two-pointer matching with backtracking to the last `*`.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == one || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == any {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == any {
        pi += 1;
    }
    pi == p.len()
}

pub fn has_wildcard(s: &str) -> bool {
    s.contains('*') || s.contains('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches() {
        let table = [
            ("*", "", true),
            ("*", "abc", true),
            ("a*", "abc", true),
            ("*c", "abc", true),
            ("a*c", "ac", true),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("sched_*", "sched_switch", true),
            ("sched_*", "irq_entry", false),
            ("*sw*", "sched_switch", true),
            ("abc", "abd", false),
            ("a*b*c", "aXbYbZc", true),
            ("é*", "éa", true),
            ("?", "é", true),
        ];
        for (p, t, want) in table {
            assert_eq!(glob_match(p, t), want, "{p} vs {t}");
        }
    }
}
