//! Hover, go to definition and type definition, references, highlight, rename.

use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types as lsp;
use witty_analysis::ide::{FilePosition, NavTarget};

use super::{cancellable, position, versioned_workspace_edit};
use crate::convert::Lines;
use crate::state::Snapshot;

pub fn hover(snap: &Snapshot, params: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
    let Some((path, offset)) = position(snap, &params.text_document_position_params) else {
        return Ok(None);
    };
    let found = cancellable(snap.analysis.hover(FilePosition {
        path: &path,
        offset,
    }))?;
    let mut lines = Lines::new(&snap.analysis, snap.encoding);
    Ok(found.map(|mut h| {
        if let Some(name) = &h.export_name {
            h.parts.notes.extend(exported_by(snap, name));
        }
        // Markdown, unless the client asked for plain text first (Eglot without
        // markdown-mode), which it would otherwise show with its fences and backticks.
        let (kind, value) = if snap.client.hover_markdown {
            (lsp::MarkupKind::Markdown, h.markdown())
        } else {
            (lsp::MarkupKind::PlainText, h.plain_text())
        };
        lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent { kind, value }),
            range: Some(lines.range(&path, h.range)),
        }
    }))
}

/// The note of a hover on an interface or a named import that names the built components
/// exporting it, so an author sees at a glance what could fill an `import`, and at which
/// version.
fn exported_by(snap: &Snapshot, name: &str) -> Option<String> {
    let found =
        witty_analysis::component::providers(snap.known.components.iter().map(|c| &**c), name);
    if found.is_empty() {
        return None;
    }
    let mut out = String::from("Exported by:");
    for (index, export, rule) in found {
        let path = &snap.known.components[index].path;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        out.push_str(&format!("\n- `{name}` as `{export}`"));
        if let witty_analysis::component::NameMatch::Compatible { track, .. } = rule {
            out.push_str(&format!(" (compatible: same `{track}` track)"));
        }
    }
    Some(out)
}

pub fn definition(
    snap: &Snapshot,
    params: lsp::GotoDefinitionParams,
) -> Result<Option<lsp::GotoDefinitionResponse>> {
    let Some((path, offset)) = position(snap, &params.text_document_position_params) else {
        return Ok(None);
    };
    let targets = cancellable(snap.analysis.goto_definition(FilePosition {
        path: &path,
        offset,
    }))?;
    Ok(nav_locations(snap, targets))
}

pub fn type_definition(
    snap: &Snapshot,
    params: lsp::GotoDefinitionParams,
) -> Result<Option<lsp::GotoDefinitionResponse>> {
    let Some((path, offset)) = position(snap, &params.text_document_position_params) else {
        return Ok(None);
    };
    let targets = cancellable(snap.analysis.goto_type_definition(FilePosition {
        path: &path,
        offset,
    }))?;
    Ok(nav_locations(snap, targets))
}

pub fn references(
    snap: &Snapshot,
    params: lsp::ReferenceParams,
) -> Result<Option<Vec<lsp::Location>>> {
    let Some((path, offset)) = position(snap, &params.text_document_position) else {
        return Ok(None);
    };
    let found = cancellable(snap.analysis.references(
        FilePosition {
            path: &path,
            offset,
        },
        params.context.include_declaration,
    ))?;
    let mut lines = Lines::new(&snap.analysis, snap.encoding);
    Ok(Some(
        found
            .iter()
            .filter_map(|r| lines.location(&r.location.path, r.location.range))
            .collect(),
    ))
}

pub fn highlight(
    snap: &Snapshot,
    params: lsp::DocumentHighlightParams,
) -> Result<Option<Vec<lsp::DocumentHighlight>>> {
    let Some((path, offset)) = position(snap, &params.text_document_position_params) else {
        return Ok(None);
    };
    let found = cancellable(snap.analysis.highlight(FilePosition {
        path: &path,
        offset,
    }))?;
    let mut lines = Lines::new(&snap.analysis, snap.encoding);
    Ok(Some(
        found
            .iter()
            .map(|h| lsp::DocumentHighlight {
                range: lines.range(&path, h.range),
                kind: Some(if h.is_def {
                    lsp::DocumentHighlightKind::WRITE
                } else {
                    lsp::DocumentHighlightKind::READ
                }),
            })
            .collect(),
    ))
}

pub fn prepare_rename(
    snap: &Snapshot,
    params: lsp::TextDocumentPositionParams,
) -> Result<Option<lsp::PrepareRenameResponse>> {
    let Some((path, offset)) = position(snap, &params) else {
        return Ok(None);
    };
    match cancellable(snap.analysis.prepare_rename(FilePosition {
        path: &path,
        offset,
    }))? {
        Ok(range) => {
            let mut lines = Lines::new(&snap.analysis, snap.encoding);
            Ok(Some(lsp::PrepareRenameResponse::Range(
                lines.range(&path, range),
            )))
        }
        Err(why) => Err(refusal(&why)),
    }
}

pub fn rename(snap: &Snapshot, params: lsp::RenameParams) -> Result<Option<lsp::WorkspaceEdit>> {
    let Some((path, offset)) = position(snap, &params.text_document_position) else {
        return Ok(None);
    };
    let change = cancellable(snap.analysis.rename(
        FilePosition {
            path: &path,
            offset,
        },
        &params.new_name,
    ))?
    .map_err(|why| refusal(&why))?;
    Ok(Some(versioned_workspace_edit(snap, &change)))
}

/// Why a rename cannot be done, as the sentence a client shows the user (in a message
/// box, the echo area or beside the name). The code says that the request was understood
/// but failed, not that the client sent something wrong.
fn refusal(why: &str) -> Error {
    Error {
        code: ErrorCode::ServerError(REQUEST_FAILED),
        message: format!("Cannot rename: {}.", why.trim_end_matches('.')).into(),
        data: None,
    }
}

/// LSP 3.17's `RequestFailed`.
const REQUEST_FAILED: i64 = -32803;

fn nav_locations(snap: &Snapshot, targets: Vec<NavTarget>) -> Option<lsp::GotoDefinitionResponse> {
    let mut lines = Lines::new(&snap.analysis, snap.encoding);
    let links: Vec<lsp::Location> = targets
        .iter()
        .filter_map(|t| lines.location(&t.path, t.focus_range))
        .collect();
    (!links.is_empty()).then_some(lsp::GotoDefinitionResponse::Array(links))
}
