//! Document and range formatting, by the formatter of `witty-syntax`. A file with syntax
//! errors gets no edits: formatting must never make a broken file worse.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;
use witty_syntax::{FormatOptions, TextRange, TextSize};

use super::document;
use crate::convert::LineMap;
use crate::state::Snapshot;

/// The editor's tab size is not used: the editor and `wit fmt` must agree on a file, and
/// WIT is written with two spaces (as the WASI packages are).
fn options(_: &lsp::FormattingOptions) -> FormatOptions {
    FormatOptions::default()
}

pub fn formatting(
    snap: &Snapshot,
    params: lsp::DocumentFormattingParams,
) -> Result<Option<Vec<lsp::TextEdit>>> {
    let Some((_, text)) = document(snap, &params.text_document) else {
        return Ok(None);
    };
    let Some(formatted) = witty_syntax::format_with(&text, &options(&params.options)) else {
        return Ok(None);
    };
    let map = LineMap::new(&text, snap.encoding);
    // One edit for the part that changed, so that the cursor and folds elsewhere stay put.
    Ok(Some(
        changed_span(&text, &formatted)
            .map(|(range, new)| map.edit(range, new))
            .into_iter()
            .collect(),
    ))
}

pub fn range_formatting(
    snap: &Snapshot,
    params: lsp::DocumentRangeFormattingParams,
) -> Result<Option<Vec<lsp::TextEdit>>> {
    let Some((_, text)) = document(snap, &params.text_document) else {
        return Ok(None);
    };
    let map = LineMap::new(&text, snap.encoding);
    let range = map.text_range(params.range);
    let Some(edits) = witty_syntax::format_range_with(&text, range, &options(&params.options))
    else {
        return Ok(None);
    };
    Ok(Some(
        edits.iter().map(|e| map.edit(e.range, &e.insert)).collect(),
    ))
}

/// The range of `old` that differs from `new` (after their common start and end, whole
/// characters) and what replaces it; `None` when they are equal.
fn changed_span<'a>(old: &str, new: &'a str) -> Option<(TextRange, &'a str)> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    let range = TextRange::new(
        TextSize::new(prefix as u32),
        TextSize::new((old.len() - suffix) as u32),
    );
    Some((range, &new[prefix..new.len() - suffix]))
}

#[cfg(test)]
mod tests {
    use super::changed_span;

    #[test]
    fn only_the_middle_changes() {
        let (range, new) = changed_span("a  b é c", "a b é c").unwrap();
        assert_eq!(
            (u32::from(range.start()), u32::from(range.end()), new),
            (2, 3, "")
        );
        let (range, new) = changed_span("xé", "xè").unwrap();
        assert_eq!(
            (u32::from(range.start()), u32::from(range.end()), new),
            (1, 3, "è")
        );
        assert!(changed_span("same", "same").is_none());
    }
}
