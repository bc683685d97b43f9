//! Completion and code actions.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;
use witty_analysis::ide::{AssistKind, CompletionKind, DefKind, FilePosition};

use super::{cancellable, document, position, workspace_edit};
use crate::convert::{LineMap, Lines};
use crate::state::Snapshot;

fn completion_kind(kind: CompletionKind) -> lsp::CompletionItemKind {
    use lsp::CompletionItemKind as K;
    match kind {
        CompletionKind::Keyword => K::KEYWORD,
        CompletionKind::Snippet => K::SNIPPET,
        // Built-in types are words of the language: clients rank and show them as keywords,
        // after the package's own types.
        CompletionKind::BuiltinType => K::KEYWORD,
        CompletionKind::Attribute => K::PROPERTY,
        CompletionKind::Def(def) => match def {
            DefKind::Package => K::MODULE,
            DefKind::Interface | DefKind::Import | DefKind::Export => K::INTERFACE,
            DefKind::World => K::MODULE,
            // LSP has no kind for an alias; a type parameter it is not.
            DefKind::TypeAlias => K::STRUCT,
            DefKind::Record => K::STRUCT,
            DefKind::Variant | DefKind::Enum | DefKind::Flags => K::ENUM,
            DefKind::Resource => K::CLASS,
            DefKind::Func => K::FUNCTION,
            DefKind::Constructor => K::CONSTRUCTOR,
            DefKind::Method | DefKind::StaticFunc => K::METHOD,
            DefKind::Field => K::FIELD,
            DefKind::Case | DefKind::EnumCase | DefKind::Flag => K::ENUM_MEMBER,
            DefKind::Param => K::VARIABLE,
        },
    }
}

pub fn completion(
    snap: &Snapshot,
    params: lsp::CompletionParams,
) -> Result<Option<lsp::CompletionResponse>> {
    let Some((path, offset)) = position(snap, &params.text_document_position) else {
        return Ok(None);
    };
    let items = cancellable(snap.analysis.completions(FilePosition {
        path: &path,
        offset,
    }))?;
    let mut lines = Lines::new(&snap.analysis, snap.encoding);
    let converted = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let snippet = item.is_snippet && snap.client.snippets;
            let text = if snippet {
                item.insert.clone()
            } else {
                item.plain.clone()
            };
            lsp::CompletionItem {
                label: item.label.clone(),
                kind: Some(completion_kind(item.kind)),
                detail: item.detail.clone(),
                documentation: item.documentation.clone().map(|value| {
                    lsp::Documentation::MarkupContent(lsp::MarkupContent {
                        kind: if snap.client.completion_markdown {
                            lsp::MarkupKind::Markdown
                        } else {
                            lsp::MarkupKind::PlainText
                        },
                        value,
                    })
                }),
                // The analysis's order: what fits best first.
                sort_text: Some(format!("{i:04}")),
                filter_text: Some(item.label.clone()),
                insert_text_format: Some(if snippet {
                    lsp::InsertTextFormat::SNIPPET
                } else {
                    lsp::InsertTextFormat::PLAIN_TEXT
                }),
                text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
                    lines.range(&path, item.range),
                    text,
                ))),
                ..Default::default()
            }
        })
        .collect();
    Ok(Some(lsp::CompletionResponse::Array(converted)))
}

pub fn code_action(
    snap: &Snapshot,
    params: lsp::CodeActionParams,
) -> Result<Option<lsp::CodeActionResponse>> {
    let Some((path, text)) = document(snap, &params.text_document) else {
        return Ok(None);
    };
    let range = LineMap::new(&text, snap.encoding).text_range(params.range);
    let assists = cancellable(snap.analysis.assists(&path, range))?;
    let mut lines = Lines::new(&snap.analysis, snap.encoding);
    let only = params.context.only.as_ref();
    let mut actions: Vec<lsp::CodeActionOrCommand> = assists
        .iter()
        .filter_map(|a| {
            let kind = match a.kind {
                AssistKind::QuickFix => lsp::CodeActionKind::QUICKFIX,
                AssistKind::Refactor => lsp::CodeActionKind::REFACTOR,
            };
            if only.is_some_and(|o| !o.iter().any(|k| kind.as_str().starts_with(k.as_str()))) {
                return None;
            }
            // The client's own copy of the diagnostic, so that it can link the two.
            let diagnostics = a.fixes.as_ref().map(|d| {
                let r = lines.range(&d.file, d.range);
                params
                    .context
                    .diagnostics
                    .iter()
                    .filter(|cd| cd.range == r && cd.message == d.message)
                    .cloned()
                    .collect::<Vec<_>>()
            });
            Some(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: a.title.clone(),
                kind: Some(kind),
                diagnostics: diagnostics.filter(|d| !d.is_empty()),
                edit: Some(workspace_edit(snap, &a.change)),
                is_preferred: Some(a.kind == AssistKind::QuickFix),
                ..Default::default()
            }))
        })
        .collect();
    actions.extend(super::deps_fix::tool_actions(snap, &params, &path)?);
    Ok(Some(actions))
}
