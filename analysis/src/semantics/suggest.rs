//! What a message about an unknown name suggests: the close name ("did you mean"), or the
//! names that are there.

/// The candidate closest to `name`: at most two edits away and fewer edits than its length
/// (so `a` does not suggest `b`); the first of equally close ones.
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        let d = edit_distance(name, candidate);
        if d <= 2 && d < candidate.chars().count() && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// `; did you mean `x`?` when a candidate is close, else nothing.
pub(crate) fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    match closest(name, candidates) {
        Some(c) => format!("; did you mean `{}`?", written(c)),
        None => String::new(),
    }
}

/// A name as it must be written: with `%` when it is a keyword (the built-in types, which
/// are keywords too, are meant as themselves).
pub(crate) fn written(name: &str) -> String {
    let keyword =
        witty_syntax::SyntaxKind::from_keyword(name).is_some_and(|k| k.is_reserved_keyword());
    if keyword && !PRIMITIVES.contains(&name) {
        format!("%{name}")
    } else {
        name.to_string()
    }
}

/// `` `a`, `b`, `c` `` for a list of names, the first eight of them and how many more.
pub(crate) fn list(names: &[&str]) -> String {
    const SHOWN: usize = 8;
    let mut out: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| format!("`{}`", written(n)))
        .collect();
    if names.len() > SHOWN {
        out.push(format!("and {} more", names.len() - SHOWN));
    }
    out.join(", ")
}

/// The built-in type names, which a misspelt type may have meant.
pub(crate) const PRIMITIVES: &[&str] = &[
    "bool", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "f32", "f64", "char", "string",
];

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}
