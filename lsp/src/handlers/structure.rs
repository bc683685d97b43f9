//! Document and workspace symbols, folding and selection ranges, semantic tokens, inlay
//! hints.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;
use witty_analysis::ide::{DefKind, FoldKind, StructureSymbol};

use super::{cancellable, document};
use crate::convert::{LineMap, Lines};
use crate::semantic_tokens;
use crate::state::Snapshot;

pub fn symbol_kind(kind: DefKind) -> lsp::SymbolKind {
    use lsp::SymbolKind as S;
    match kind {
        DefKind::Package => S::PACKAGE,
        DefKind::Interface | DefKind::Import | DefKind::Export => S::INTERFACE,
        DefKind::World => S::MODULE,
        DefKind::TypeAlias => S::TYPE_PARAMETER,
        DefKind::Record => S::STRUCT,
        DefKind::Variant | DefKind::Enum | DefKind::Flags => S::ENUM,
        DefKind::Resource => S::CLASS,
        DefKind::Func => S::FUNCTION,
        DefKind::Constructor => S::CONSTRUCTOR,
        DefKind::Method | DefKind::StaticFunc => S::METHOD,
        DefKind::Field => S::FIELD,
        DefKind::Case | DefKind::EnumCase | DefKind::Flag => S::ENUM_MEMBER,
        DefKind::Param => S::VARIABLE,
    }
}

pub fn document_symbol(
    snap: &Snapshot,
    params: lsp::DocumentSymbolParams,
) -> Result<Option<lsp::DocumentSymbolResponse>> {
    let Some((path, text)) = document(snap, &params.text_document) else {
        return Ok(None);
    };
    let symbols = cancellable(snap.analysis.document_symbols(&path))?;
    let map = LineMap::new(&text, snap.encoding);
    if snap.client.hierarchical_symbols {
        fn convert(map: &LineMap<'_>, s: &StructureSymbol) -> lsp::DocumentSymbol {
            #[allow(deprecated)]
            lsp::DocumentSymbol {
                name: s.name.clone(),
                detail: s.detail.clone(),
                kind: symbol_kind(s.kind),
                tags: s.deprecated.then(|| vec![lsp::SymbolTag::DEPRECATED]),
                deprecated: None,
                range: map.range(s.full_range),
                selection_range: map.range(s.focus_range),
                children: Some(s.children.iter().map(|c| convert(map, c)).collect()),
            }
        }
        return Ok(Some(lsp::DocumentSymbolResponse::Nested(
            symbols.iter().map(|s| convert(&map, s)).collect(),
        )));
    }
    // Flat, for clients that cannot nest: each symbol names its container.
    let Some(uri) = crate::convert::uri(&path) else {
        return Ok(None);
    };
    let mut flat = Vec::new();
    let mut stack: Vec<(&StructureSymbol, Option<String>)> =
        symbols.iter().rev().map(|s| (s, None)).collect();
    while let Some((s, container)) = stack.pop() {
        #[allow(deprecated)]
        flat.push(lsp::SymbolInformation {
            name: s.name.clone(),
            kind: symbol_kind(s.kind),
            tags: s.deprecated.then(|| vec![lsp::SymbolTag::DEPRECATED]),
            deprecated: None,
            location: lsp::Location::new(uri.clone(), map.range(s.full_range)),
            container_name: container,
        });
        stack.extend(s.children.iter().rev().map(|c| (c, Some(s.name.clone()))));
    }
    Ok(Some(lsp::DocumentSymbolResponse::Flat(flat)))
}

pub fn workspace_symbol(
    snap: &Snapshot,
    params: lsp::WorkspaceSymbolParams,
) -> Result<Option<lsp::WorkspaceSymbolResponse>> {
    let found = cancellable(snap.analysis.workspace_symbols(&params.query))?;
    let mut lines = Lines::new(&snap.analysis, snap.encoding);
    let symbols = found
        .iter()
        .filter_map(|s| {
            #[allow(deprecated)]
            Some(lsp::SymbolInformation {
                name: s.target.name.clone(),
                kind: symbol_kind(s.target.kind),
                tags: None,
                deprecated: None,
                location: lines.location(&s.target.path, s.target.focus_range)?,
                container_name: s.container.clone(),
            })
        })
        .collect();
    Ok(Some(lsp::WorkspaceSymbolResponse::Flat(symbols)))
}

pub fn folding_range(
    snap: &Snapshot,
    params: lsp::FoldingRangeParams,
) -> Result<Option<Vec<lsp::FoldingRange>>> {
    let Some((path, text)) = document(snap, &params.text_document) else {
        return Ok(None);
    };
    let folds = cancellable(snap.analysis.folding_ranges(&path))?;
    let map = LineMap::new(&text, snap.encoding);
    Ok(Some(
        folds
            .iter()
            .map(|f| {
                let r = map.range(f.range);
                lsp::FoldingRange {
                    start_line: r.start.line,
                    end_line: r.end.line,
                    kind: Some(match f.kind {
                        FoldKind::Comment => lsp::FoldingRangeKind::Comment,
                        FoldKind::Imports => lsp::FoldingRangeKind::Imports,
                        FoldKind::Region => lsp::FoldingRangeKind::Region,
                    }),
                    ..Default::default()
                }
            })
            .collect(),
    ))
}

pub fn selection_range(
    snap: &Snapshot,
    params: lsp::SelectionRangeParams,
) -> Result<Option<Vec<lsp::SelectionRange>>> {
    let Some((path, text)) = document(snap, &params.text_document) else {
        return Ok(None);
    };
    let map = LineMap::new(&text, snap.encoding);
    let offsets: Vec<_> = params.positions.iter().map(|p| map.offset(*p)).collect();
    let found = cancellable(snap.analysis.selection_ranges(&path, &offsets))?;
    Ok(Some(
        found
            .iter()
            .zip(&offsets)
            .map(|(ranges, &offset)| {
                // Innermost first in the analysis; LSP nests outward through `parent`.
                let mut current: Option<lsp::SelectionRange> = None;
                for r in ranges.iter().rev() {
                    current = Some(lsp::SelectionRange {
                        range: map.range(*r),
                        parent: current.map(Box::new),
                    });
                }
                // Nothing around it: the position itself, inside the document.
                current.unwrap_or_else(|| {
                    let pos = map.position(offset);
                    lsp::SelectionRange {
                        range: lsp::Range::new(pos, pos),
                        parent: None,
                    }
                })
            })
            .collect(),
    ))
}

pub fn semantic_tokens_full(
    snap: &Snapshot,
    params: lsp::SemanticTokensParams,
) -> Result<Option<lsp::SemanticTokensResult>> {
    let Some((path, text)) = document(snap, &params.text_document) else {
        return Ok(None);
    };
    let ranges = cancellable(snap.analysis.highlight_ranges(&path, None))?;
    let data = semantic_tokens::encode(&text, &ranges, snap.encoding);
    let result_id = snap.tokens.store(path, data.clone());
    Ok(Some(lsp::SemanticTokensResult::Tokens(
        lsp::SemanticTokens {
            result_id: Some(result_id),
            data,
        },
    )))
}

pub fn semantic_tokens_delta(
    snap: &Snapshot,
    params: lsp::SemanticTokensDeltaParams,
) -> Result<Option<lsp::SemanticTokensFullDeltaResult>> {
    let Some((path, text)) = document(snap, &params.text_document) else {
        return Ok(None);
    };
    let ranges = cancellable(snap.analysis.highlight_ranges(&path, None))?;
    let data = semantic_tokens::encode(&text, &ranges, snap.encoding);
    let previous = snap.tokens.previous(&path, &params.previous_result_id);
    let result_id = snap.tokens.store(path, data.clone());
    Ok(Some(match previous {
        Some(old) => lsp::SemanticTokensFullDeltaResult::TokensDelta(lsp::SemanticTokensDelta {
            result_id: Some(result_id),
            edits: semantic_tokens::diff(&old, &data),
        }),
        None => lsp::SemanticTokensFullDeltaResult::Tokens(lsp::SemanticTokens {
            result_id: Some(result_id),
            data,
        }),
    }))
}

pub fn semantic_tokens_range(
    snap: &Snapshot,
    params: lsp::SemanticTokensRangeParams,
) -> Result<Option<lsp::SemanticTokensRangeResult>> {
    let Some((path, text)) = document(snap, &params.text_document) else {
        return Ok(None);
    };
    let range = LineMap::new(&text, snap.encoding).text_range(params.range);
    let ranges = cancellable(snap.analysis.highlight_ranges(&path, Some(range)))?;
    let data = semantic_tokens::encode(&text, &ranges, snap.encoding);
    Ok(Some(lsp::SemanticTokensRangeResult::Tokens(
        lsp::SemanticTokens {
            result_id: None,
            data,
        },
    )))
}

pub fn inlay_hint(
    snap: &Snapshot,
    params: lsp::InlayHintParams,
) -> Result<Option<Vec<lsp::InlayHint>>> {
    let Some((path, text)) = document(snap, &params.text_document) else {
        return Ok(None);
    };
    let map = LineMap::new(&text, snap.encoding);
    let range = map.text_range(params.range);
    let hints = cancellable(snap.analysis.inlay_hints(&path, Some(range)))?;
    Ok(Some(
        hints
            .iter()
            .map(|h| lsp::InlayHint {
                position: map.position(h.offset),
                label: lsp::InlayHintLabel::String(h.label.clone()),
                kind: Some(lsp::InlayHintKind::TYPE),
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
            .collect(),
    ))
}

#[derive(Clone, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyntaxTreeParams {
    pub text_document: lsp::TextDocumentIdentifier,
}

/// `witty/syntaxTree`: the file's syntax tree as text (for the editor's "show syntax tree").
pub fn syntax_tree(snap: &Snapshot, params: SyntaxTreeParams) -> Result<String> {
    let Some(path) = crate::convert::path(&params.text_document.uri) else {
        return Ok(String::new());
    };
    Ok(
        cancellable(snap.analysis.syntax_tree(&path))?.unwrap_or_else(|| {
            format!(
                "// {} is not part of any package witty knows",
                path.display()
            )
        }),
    )
}
