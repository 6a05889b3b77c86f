//! Did-you-mean hints for misspelt attribute keys.

/// The candidate closest to `name`, if it is within two edits.
pub fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(name, c), *c))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// "unknown … `name`" with a hint: the closest key, or the list of keys.
pub fn unknown_key_message(what: &str, name: &str, candidates: &[&str]) -> String {
    match closest(name, candidates) {
        Some(hint) => format!("unknown {what} `{name}`; did you mean `{hint}`?"),
        None => format!(
            "unknown {what} `{name}`; expected one of: {}",
            candidates
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["pattern", "length", "range"];
        assert_eq!(closest("patern", &keys), Some("pattern"));
        assert_eq!(closest("lenght", &keys), Some("length"));
        assert_eq!(closest("colour", &keys), None);
    }
}
