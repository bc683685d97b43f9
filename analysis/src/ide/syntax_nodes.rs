//! Finding the syntax of a definition from where its name is, and rendering it for hover.

use witty_syntax::{SyntaxKind::*, SyntaxNode, SyntaxToken, TextRange, TextSize, ast};

/// The node of the definition whose name is at `name`: the record, the function, the
/// field... For an import or export, the whole `import ...;` (which carries the docs).
pub fn def_node(root: &SyntaxNode, name: TextRange) -> Option<SyntaxNode> {
    let token = token_at(root, name.start())?;
    let node = token.parent_ancestors().find(|n| {
        matches!(
            n.kind(),
            PACKAGE_DECL
                | NESTED_PACKAGE
                | INTERFACE
                | WORLD
                | TYPE_ALIAS
                | RECORD
                | VARIANT
                | ENUM
                | FLAGS
                | RESOURCE
                | FUNC
                | CONSTRUCTOR
                | FIELD
                | VARIANT_CASE
                | ENUM_CASE
                | FLAG
                | PARAM
                | IMPORT
                | EXPORT
                | INLINE_INTERFACE
        )
    })?;
    match node.parent() {
        Some(p)
            if matches!(p.kind(), IMPORT | EXPORT)
                && matches!(node.kind(), FUNC | INLINE_INTERFACE) =>
        {
            Some(p)
        }
        _ => Some(node),
    }
}

/// The token that starts at or covers `offset`, preferring one that is not trivia.
pub fn token_at(root: &SyntaxNode, offset: TextSize) -> Option<SyntaxToken> {
    if offset > root.text_range().end() {
        return None;
    }
    let at = root.token_at_offset(offset);
    let (left, right) = (at.clone().left_biased(), at.right_biased());
    match (left, right) {
        (Some(l), Some(r)) => {
            if !r.kind().is_trivia() && r.text_range().start() == offset {
                Some(r)
            } else if !l.kind().is_trivia() {
                Some(l)
            } else {
                Some(r)
            }
        }
        (l, r) => r.or(l),
    }
}

/// The range of a node without its leading docs, comments and whitespace.
pub fn range_without_trivia(node: &SyntaxNode) -> TextRange {
    let start = node
        .children_with_tokens()
        .find(|e| !e.kind().is_trivia())
        .map_or(node.text_range().start(), |e| e.text_range().start());
    TextRange::new(start, node.text_range().end())
}

/// The documentation of a definition node, as Markdown.
pub fn docs(node: &SyntaxNode) -> Option<String> {
    let comments: Vec<String> = node
        .children_with_tokens()
        .map_while(|e| e.into_token().filter(|t| t.kind().is_trivia()))
        .filter(|t| t.kind() == DOC_COMMENT)
        .map(|t| t.text().to_string())
        .collect();
    let texts: Vec<&str> = comments.iter().map(|s| s.as_str()).collect();
    ast::normalize_docs(&texts).filter(|d| !d.trim().is_empty())
}

/// The attributes (`@since(...)`, ...) of a definition node, as written.
pub fn attributes(node: &SyntaxNode) -> Vec<String> {
    node.children()
        .filter(|n| n.kind() == ATTRIBUTE)
        .map(|n| compact(&n.text().to_string()))
        .collect()
}

/// The source of a definition without its docs and attributes, comments dropped,
/// re-indented from its first line; `max_lines` cuts a long body short with `...`.
pub fn signature(node: &SyntaxNode, max_lines: usize) -> String {
    let mut text = String::new();
    let mut started = false;
    for event in node.preorder_with_tokens() {
        let rowan::WalkEvent::Enter(elem) = event else {
            continue;
        };
        if let Some(n) = elem.as_node()
            && n.kind() == ATTRIBUTE
            && n.parent().as_ref() == Some(node)
        {
            continue;
        }
        let Some(t) = elem.into_token() else { continue };
        if t.parent_ancestors()
            .any(|a| a.kind() == ATTRIBUTE && a.parent().as_ref() == Some(node))
        {
            continue;
        }
        match t.kind() {
            COMMENT | DOC_COMMENT => continue,
            WHITESPACE if !started => continue,
            _ => {}
        }
        started = true;
        text.push_str(t.text());
    }
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end()).collect();
    let lines: Vec<&str> = lines.into_iter().filter(|l| !l.trim().is_empty()).collect();
    // The first line starts at column 0 already; the rest share the indentation of the
    // last line (the closing brace) in well-formatted source.
    let indent = lines
        .last()
        .filter(|_| lines.len() > 1)
        .map_or(0, |l| l.len() - l.trim_start().len());
    let mut out: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let strip = if i == 0 {
            0
        } else {
            indent.min(line.len() - line.trim_start().len())
        };
        out.push(line[strip..].to_string());
    }
    if out.len() > max_lines {
        let last = out.pop().unwrap_or_default();
        out.truncate(max_lines.saturating_sub(2));
        out.push("  ...".to_string());
        out.push(last);
    }
    out.join("\n")
}

/// Whitespace inside an attribute squeezed to single spaces.
fn compact(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
