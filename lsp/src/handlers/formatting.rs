//! Document and range formatting, by the formatter of `witty-syntax`, with the settings found
//! for the file (`witty.toml`, `.editorconfig`) over the editor's own (tab size, spaces or
//! tabs). A file with syntax errors gets no edits: formatting must never make a broken file
//! worse.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;
use witty_analysis::format_settings::{self, FormatSettings};
use witty_syntax::{FormatOptions, TextRange, TextSize};

use super::document;
use crate::convert::LineMap;
use crate::state::Snapshot;

/// Formatting edits, and what is wrong with the settings files, for the user to see.
#[derive(Debug, Default)]
pub struct Formatted {
    pub edits: Option<Vec<lsp::TextEdit>>,
    /// Problems not reported before in this run of the server: each is shown once, not on
    /// every save.
    pub problems: Vec<String>,
}

/// Problems already shown.
static REPORTED: Mutex<Option<HashSet<String>>> = Mutex::new(None);

/// The options for `path`: its settings files over the editor's.
fn options(path: &Path, editor: &lsp::FormattingOptions) -> (FormatOptions, Vec<String>) {
    let found = format_settings::for_file(path);
    let editor = FormatSettings::from_editor(editor.tab_size, editor.insert_spaces);
    let options = found.settings.over(&editor).to_options();
    let mut reported = REPORTED.lock().unwrap_or_else(|e| e.into_inner());
    let reported = reported.get_or_insert_with(HashSet::new);
    let problems = found
        .problems
        .into_iter()
        .filter(|p| reported.insert(p.clone()))
        .collect();
    (options, problems)
}

pub fn formatting(snap: &Snapshot, params: lsp::DocumentFormattingParams) -> Result<Formatted> {
    let Some((path, text)) = document(snap, &params.text_document) else {
        return Ok(Formatted::default());
    };
    let (options, problems) = options(&path, &params.options);
    let Some(formatted) = witty_syntax::format_with(&text, &options) else {
        return Ok(Formatted {
            edits: None,
            problems,
        });
    };
    let map = LineMap::new(&text, snap.encoding);
    // One edit for the part that changed, so that the cursor and folds elsewhere stay put.
    let edits = changed_span(&text, &formatted)
        .map(|(range, new)| map.edit(range, new))
        .into_iter()
        .collect();
    Ok(Formatted {
        edits: Some(edits),
        problems,
    })
}

pub fn range_formatting(
    snap: &Snapshot,
    params: lsp::DocumentRangeFormattingParams,
) -> Result<Formatted> {
    let Some((path, text)) = document(snap, &params.text_document) else {
        return Ok(Formatted::default());
    };
    let (options, problems) = options(&path, &params.options);
    let map = LineMap::new(&text, snap.encoding);
    let range = map.text_range(params.range);
    let edits = witty_syntax::format_range_with(&text, range, &options)
        .map(|edits| edits.iter().map(|e| map.edit(e.range, &e.insert)).collect());
    Ok(Formatted { edits, problems })
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
