//! Request handlers: convert the request's positions, ask the analysis, convert the answer.
//! Each runs on a snapshot, off the async threads; none holds the state lock.

mod components;
mod dependencies;
mod deps_fix;
mod editing;
mod formatting;
mod lens;
mod navigation;
mod structure;

pub use components::*;
pub use dependencies::*;
pub use editing::*;
pub use formatting::*;
pub use lens::*;
pub use navigation::*;
pub use structure::*;

use std::collections::HashMap;
use std::path::PathBuf;

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{self as lsp, Uri};
use witty_analysis::ide::Cancellable;
use witty_syntax::TextSize;

use crate::convert::{self, LineMap, Lines};
use crate::state::Snapshot;

/// An answer that an edit made stale: the client should ask again.
pub fn content_modified() -> Error {
    Error {
        code: tower_lsp_server::jsonrpc::ErrorCode::ServerError(-32801),
        message: "content modified".into(),
        data: None,
    }
}

fn cancellable<T>(r: Cancellable<T>) -> Result<T> {
    r.map_err(|_| content_modified())
}

/// The file and byte offset of a request's position; `None` for a file witty does not know
/// (an empty answer, not an error).
fn position(snap: &Snapshot, doc: &lsp::TextDocumentPositionParams) -> Option<(PathBuf, TextSize)> {
    let path = convert::path(&doc.text_document.uri)?;
    let text = snap.analysis.file_text(&path)?;
    let offset = LineMap::new(&text, snap.encoding).offset(doc.position);
    Some((path, offset))
}

/// A known file's path and text.
fn document(
    snap: &Snapshot,
    doc: &lsp::TextDocumentIdentifier,
) -> Option<(PathBuf, std::sync::Arc<str>)> {
    let path = convert::path(&doc.uri)?;
    let text = snap.analysis.file_text(&path)?;
    Some((path, text))
}

/// A workspace edit as `changes`.
pub fn workspace_edit(
    snap: &Snapshot,
    change: &witty_analysis::ide::SourceChange,
) -> lsp::WorkspaceEdit {
    edit(snap, change, false)
}

/// A workspace edit as versioned `documentChanges` when the client takes them (it then
/// refuses an edit made for a version of an open document that it has changed since, instead
/// of misplacing it), else `changes`.
pub fn versioned_workspace_edit(
    snap: &Snapshot,
    change: &witty_analysis::ide::SourceChange,
) -> lsp::WorkspaceEdit {
    edit(snap, change, snap.client.document_changes)
}

fn edit(
    snap: &Snapshot,
    change: &witty_analysis::ide::SourceChange,
    versioned: bool,
) -> lsp::WorkspaceEdit {
    let mut lines = Lines::new(&snap.analysis, snap.encoding);
    let mut files: Vec<(Uri, Option<i32>, Vec<lsp::TextEdit>)> = Vec::new();
    for (path, edits) in &change.files {
        let Some(uri) = convert::uri(path) else {
            continue;
        };
        let list = edits
            .iter()
            .map(|e| lsp::TextEdit::new(lines.range(path, e.range), e.new_text.clone()))
            .collect();
        // A closed file has no version: the edit is for what is on disk.
        files.push((uri, snap.versions.get(path).copied(), list));
    }
    if versioned {
        let edits = files
            .into_iter()
            .map(|(uri, version, edits)| lsp::TextDocumentEdit {
                text_document: lsp::OptionalVersionedTextDocumentIdentifier { uri, version },
                edits: edits.into_iter().map(lsp::OneOf::Left).collect(),
            })
            .collect();
        return lsp::WorkspaceEdit {
            document_changes: Some(lsp::DocumentChanges::Edits(edits)),
            ..Default::default()
        };
    }
    let changes: HashMap<Uri, Vec<lsp::TextEdit>> = files
        .into_iter()
        .map(|(uri, _, edits)| (uri, edits))
        .collect();
    lsp::WorkspaceEdit::new(changes)
}
