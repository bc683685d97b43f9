//! Turning doc comment tokens into documentation text.

/// Strips `///` or `/** */` from each comment, then the indentation all non-empty lines
/// share, and joins the lines. `None` when there are no comments.
pub fn normalize_docs(comments: &[&str]) -> Option<String> {
    if comments.is_empty() {
        return None;
    }
    let mut lines: Vec<&str> = Vec::new();
    for comment in comments {
        match comment.strip_prefix("/**") {
            Some(block) => {
                let body = block.strip_suffix("*/").unwrap_or(block);
                for line in body.lines() {
                    // A leading ` * ` on continuation lines is decoration, not content.
                    let trimmed = line.trim_start();
                    let line = match trimmed.strip_prefix('*') {
                        Some(rest) => rest.strip_prefix(' ').unwrap_or(rest),
                        None => trimmed,
                    };
                    lines.push(line.trim_end());
                }
            }
            None => lines.push(comment.trim_start_matches('/').trim_end()),
        }
    }
    while lines.first().is_some_and(|l| l.is_empty()) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let text = lines
        .iter()
        .map(|l| {
            if l.len() >= indent {
                &l[indent..]
            } else {
                l.trim_start()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    Some(text)
}

#[test]
fn docs_lose_markers_and_shared_indent() {
    assert_eq!(
        normalize_docs(&["/// Adds.", "///", "///   indented"]).unwrap(),
        "Adds.\n\n  indented"
    );
    assert_eq!(
        normalize_docs(&["/** One.\n * Two.\n */"]).unwrap(),
        "One.\nTwo."
    );
    assert_eq!(normalize_docs(&[]), None);
}
