//! Start order from `NAME_REQ`: a depth-first walk that puts each script after the
//! scripts it requires, as SystemTap's `sort_dependency` does.

/// `Dependency loop detected on X`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DependencyLoop(pub String);

impl std::fmt::Display for DependencyLoop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Dependency loop detected on {}", self.0)
    }
}

/// The start order of `selected`: each script after those it requires. With `recursive`,
/// the required scripts are added to the order; without, only the selected scripts are
/// ordered (a requirement outside them must already be running). Each name appears once.
pub fn start_order(
    selected: &[String],
    requires: &dyn Fn(&str) -> Vec<String>,
    recursive: bool,
) -> Result<Vec<String>, DependencyLoop> {
    #[derive(PartialEq)]
    enum Mark {
        Visiting,
        Done,
    }
    fn visit(
        name: &str,
        selected: &[String],
        requires: &dyn Fn(&str) -> Vec<String>,
        recursive: bool,
        marks: &mut Vec<(String, Mark)>,
        order: &mut Vec<String>,
    ) -> Result<(), DependencyLoop> {
        match marks.iter().find(|(n, _)| n == name) {
            Some((_, Mark::Done)) => return Ok(()),
            Some((_, Mark::Visiting)) => return Err(DependencyLoop(name.to_string())),
            None => {}
        }
        marks.push((name.to_string(), Mark::Visiting));
        for dep in requires(name) {
            if recursive || selected.contains(&dep) {
                visit(&dep, selected, requires, recursive, marks, order)?;
            }
        }
        if let Some(m) = marks.iter_mut().find(|(n, _)| n == name) {
            m.1 = Mark::Done;
        }
        order.push(name.to_string());
        Ok(())
    }
    let mut marks = Vec::new();
    let mut order = Vec::new();
    for name in selected {
        visit(name, selected, requires, recursive, &mut marks, &mut order)?;
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reqs(table: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Vec<String> {
        move |name| {
            table
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, r)| r.split_whitespace().map(str::to_string).collect())
                .unwrap_or_default()
        }
    }

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn requirements_come_first() {
        let r = reqs(&[("a", "b c"), ("b", "c"), ("d", "")]);
        assert_eq!(
            start_order(&names(&["a"]), &r, true).unwrap(),
            ["c", "b", "a"]
        );
        assert_eq!(
            start_order(&names(&["d", "a", "b"]), &r, true).unwrap(),
            ["d", "c", "b", "a"]
        );
    }

    #[test]
    fn without_recursion_only_the_selection_is_ordered() {
        let r = reqs(&[("a", "b c"), ("b", "c")]);
        assert_eq!(start_order(&names(&["a"]), &r, false).unwrap(), ["a"]);
        assert_eq!(
            start_order(&names(&["a", "b"]), &r, false).unwrap(),
            ["b", "a"]
        );
    }

    #[test]
    fn loops_are_named() {
        let r = reqs(&[("a", "b"), ("b", "c"), ("c", "a")]);
        assert_eq!(
            start_order(&names(&["a"]), &r, true)
                .unwrap_err()
                .to_string(),
            "Dependency loop detected on a"
        );
        let selfish = reqs(&[("x", "x")]);
        assert_eq!(
            start_order(&names(&["x"]), &selfish, false).unwrap_err(),
            DependencyLoop("x".into())
        );
        // A loop among the requirements only, entered from outside it.
        let r = reqs(&[("top", "m"), ("m", "n"), ("n", "m")]);
        assert_eq!(
            start_order(&names(&["top"]), &r, true).unwrap_err(),
            DependencyLoop("m".into())
        );
    }

    #[test]
    fn diamonds_list_each_script_once() {
        let r = reqs(&[("a", "b c"), ("b", "d"), ("c", "d")]);
        assert_eq!(
            start_order(&names(&["a"]), &r, true).unwrap(),
            ["d", "b", "c", "a"]
        );
    }
}
