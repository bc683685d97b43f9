//! Range formatting: edits that format only the items a range touches. The whole file is
//! formatted once; each chosen item's stretch of output (from just after the significant
//! token before it to its last token) replaces the same stretch of input, so items outside
//! the range, and the whitespace around them, are left exactly as they were.

use super::{FormatOptions, walk};
use crate::{SyntaxKind, SyntaxNode, SyntaxToken, TextRange, TextSize};

/// Replace `range` of the input with `insert`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub range: TextRange,
    pub insert: String,
}

/// Edits that format the items `range` touches, in text order and not overlapping; `None` if
/// `text` has syntax errors. Within an interface, world or nested package whose body holds
/// the whole range, only the touched items of the body are formatted; otherwise the whole
/// top-level item is. An empty range touches the item it is in or at the edge of.
pub fn format_range(text: &str, range: TextRange) -> Option<Vec<TextEdit>> {
    format_range_with(text, range, &FormatOptions::default())
}

/// [`format_range`] with options.
pub fn format_range_with(
    text: &str,
    range: TextRange,
    options: &FormatOptions,
) -> Option<Vec<TextEdit>> {
    let parse = crate::parse(text);
    if !parse.errors().is_empty() {
        return None;
    }
    let root = parse.syntax_node();
    let output = walk::format_tree(&root, text, options);
    let positions = &output.positions;
    let index_of = |token: &SyntaxToken| {
        positions
            .binary_search_by_key(&token.text_range().start(), |(input, _)| input.start())
            .ok()
    };
    let mut edits = Vec::new();
    for item in touched_items(&root, range) {
        let (Some(first), Some(last)) = (first_significant(&item), last_significant(&item)) else {
            continue;
        };
        let (Some(first), Some(last)) = (index_of(&first), index_of(&last)) else {
            continue;
        };
        // The stretch starts where the previous token ends, so that the item's indentation
        // and the blank lines above it are formatted too.
        let (input_start, output_start) = match first.checked_sub(1) {
            Some(prev) => (positions[prev].0.end(), positions[prev].1.end()),
            None => (TextSize::new(0), TextSize::new(0)),
        };
        let input = TextRange::new(input_start, positions[last].0.end());
        let formatted = &output.text[TextRange::new(output_start, positions[last].1.end())];
        if &text[input] != formatted {
            edits.push(TextEdit {
                range: input,
                insert: formatted.to_string(),
            });
        }
    }
    Some(edits)
}

/// The items to format, in text order, found without recursion.
fn touched_items(root: &SyntaxNode, range: TextRange) -> Vec<SyntaxNode> {
    let mut found = Vec::new();
    let mut containers = vec![root.clone()];
    while let Some(container) = containers.pop() {
        for item in container.children().filter(|n| n.kind().is_item()) {
            if !touches(item.text_range(), range) {
                continue;
            }
            match body_of(&item) {
                Some((body, inner)) if inner.contains_range(range) => containers.push(body),
                _ => found.push(item),
            }
        }
    }
    found.sort_by_key(|item| item.text_range().start());
    found
}

fn touches(item: TextRange, range: TextRange) -> bool {
    if range.is_empty() {
        item.contains_inclusive(range.start())
    } else {
        item.start() < range.end() && range.start() < item.end()
    }
}

/// The node holding an item's own items, and the text between its braces.
fn body_of(item: &SyntaxNode) -> Option<(SyntaxNode, TextRange)> {
    use SyntaxKind::*;
    let body = match item.kind() {
        INTERFACE | WORLD => item
            .children()
            .find(|n| matches!(n.kind(), INTERFACE_BODY | WORLD_BODY))?,
        NESTED_PACKAGE => item.clone(),
        _ => return None,
    };
    let brace = |kind| {
        body.children_with_tokens()
            .filter_map(|e| e.into_token())
            .find(|t| t.kind() == kind)
    };
    let open = brace(L_CURLY)?;
    let close = brace(R_CURLY)?;
    let inner = TextRange::new(open.text_range().end(), close.text_range().start());
    Some((body, inner))
}

fn first_significant(node: &SyntaxNode) -> Option<SyntaxToken> {
    let end = node.text_range().end();
    std::iter::successors(node.first_token(), |t| t.next_token())
        .take_while(|t| t.text_range().start() < end)
        .find(|t| !t.kind().is_trivia())
}

fn last_significant(node: &SyntaxNode) -> Option<SyntaxToken> {
    let start = node.text_range().start();
    std::iter::successors(node.last_token(), |t| t.prev_token())
        .take_while(|t| t.text_range().start() >= start)
        .find(|t| !t.kind().is_trivia())
}
