//! "Did you mean" suggestions by edit distance.

/// The candidates closest to `name`, best first, at most `max` of them.
///
/// A candidate qualifies when its Damerau-Levenshtein distance is at most a third of the
/// longer name (at least 1), or when one name is a prefix of the other and the shorter has
/// 3+ characters; this keeps suggestions useful without listing everything.
pub fn similar<'a, I>(name: &str, candidates: I, max: usize) -> Vec<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut scored: Vec<(usize, String)> = Vec::new();
    for cand in candidates {
        if cand == name || cand.is_empty() {
            continue;
        }
        let d = strsim::damerau_levenshtein(name, cand);
        let limit = (name.len().max(cand.len()) / 3).max(1);
        let prefix =
            name.len().min(cand.len()) >= 3 && (cand.starts_with(name) || name.starts_with(cand));
        if d <= limit || prefix {
            scored.push((d, cand.to_string()));
        }
    }
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(max).map(|(_, s)| s).collect()
}

/// SystemTap's suffix form: ` (similar: a, b, c)`, or empty when nothing is close.
pub fn similar_list<'a, I>(name: &str, candidates: I, max: usize) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    let found = similar(name, candidates, max);
    if found.is_empty() {
        String::new()
    } else {
        format!(" (similar: {})", found.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_first() {
        let c = ["println", "printf", "print", "strlen", "exit"];
        assert_eq!(similar("prinln", c, 3), vec!["println", "print", "printf"]);
        assert_eq!(similar("strlne", c, 3), vec!["strlen"]);
        assert!(similar("zzzzzz", c, 3).is_empty());
    }

    #[test]
    fn list_form() {
        assert_eq!(
            similar_list("exti", ["exit", "exec"], 5),
            " (similar: exit)"
        );
        assert_eq!(similar_list("qqqq", ["exit"], 5), "");
    }

    #[test]
    fn never_suggests_itself() {
        assert!(similar("exit", ["exit"], 3).is_empty());
    }
}
