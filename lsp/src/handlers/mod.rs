//! Request handlers: convert the request's positions, ask the analysis, convert the answer.
//! Each runs on a snapshot, off the async threads; none holds the state lock.

mod components;
mod editing;
mod formatting;
mod lens;
mod navigation;
mod structure;

pub use components::*;
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

pub fn workspace_edit(
    snap: &Snapshot,
    change: &witty_analysis::ide::SourceChange,
) -> lsp::WorkspaceEdit {
    let mut lines = Lines::new(&snap.analysis, snap.encoding);
    let mut changes: HashMap<Uri, Vec<lsp::TextEdit>> = HashMap::new();
    for (path, edits) in &change.files {
        let Some(uri) = convert::uri(path) else {
            continue;
        };
        let list = edits
            .iter()
            .map(|e| lsp::TextEdit::new(lines.range(path, e.range), e.new_text.clone()))
            .collect();
        changes.insert(uri, list);
    }
    lsp::WorkspaceEdit::new(changes)
}
