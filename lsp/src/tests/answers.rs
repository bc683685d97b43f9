//! Asks the server's handlers everything that answers with ranges, at random positions of a
//! document, and checks each answer against the editor's model: ranges inside the document,
//! selection ranges around their position, edits that apply cleanly.

use tower_lsp_server::ls_types as lsp;

use super::editor::{Editor, Rng};
use crate::convert::Encoding;
use crate::handlers;

fn doc(uri: &lsp::Uri) -> lsp::TextDocumentIdentifier {
    lsp::TextDocumentIdentifier::new(uri.clone())
}

fn at(uri: &lsp::Uri, position: lsp::Position) -> lsp::TextDocumentPositionParams {
    lsp::TextDocumentPositionParams::new(doc(uri), position)
}

/// A position the way an editor sends it: mostly exact, sometimes past a line's end or the
/// document's.
fn position(rng: &mut Rng, editor: &Editor) -> lsp::Position {
    let line = rng.below(editor.line_count() as u64 + 1) as u32;
    let width = editor.line_width(line).unwrap_or(0);
    lsp::Position::new(line, rng.below(width as u64 + 2) as u32)
}

struct Checker<'a> {
    editor: &'a Editor,
    context: &'a str,
}

impl Checker<'_> {
    fn range(&self, what: &str, range: &lsp::Range) {
        assert!(
            self.editor.contains(range),
            "{what}: {range:?} is not inside the document; {}",
            self.context
        );
    }

    fn line(&self, what: &str, line: u32) {
        assert!(
            (line as usize) < self.editor.line_count(),
            "{what}: line {line} is past the document; {}",
            self.context
        );
    }

    fn symbols(&self, symbols: &[lsp::DocumentSymbol]) {
        for s in symbols {
            self.range("document symbol", &s.range);
            self.range("document symbol's name", &s.selection_range);
            self.symbols(s.children.as_deref().unwrap_or_default());
        }
    }
}

pub fn check_answers(rng: &mut Rng, editor: &Editor, encoding: Encoding, context: &str) {
    let uri: lsp::Uri = "untitled:Untitled-1".parse().expect("a URI");
    let mut state = super::text_sync::state_with(&uri, editor.text(), encoding);
    state.client.hierarchical_symbols = true;
    let snap = state.snapshot();
    let check = Checker { editor, context };

    for _ in 0..4 {
        let pos = position(rng, editor);
        let offset = editor.offset(pos);
        let params = lsp::SelectionRangeParams {
            text_document: doc(&uri),
            positions: vec![pos],
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        };
        let answer = handlers::selection_range(&snap, params).expect("selection ranges");
        for mut sel in answer.into_iter().flatten() {
            loop {
                check.range("selection range", &sel.range);
                let (start, end) = (editor.offset(sel.range.start), editor.offset(sel.range.end));
                assert!(
                    start <= offset && offset <= end,
                    "selection range {:?} does not contain {pos:?}; {context}",
                    sel.range
                );
                match sel.parent {
                    Some(parent) => sel = *parent,
                    None => break,
                }
            }
        }

        let params = lsp::DocumentHighlightParams {
            text_document_position_params: at(&uri, pos),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        };
        let answer = handlers::highlight(&snap, params).expect("highlights");
        for h in answer.into_iter().flatten() {
            check.range("highlight", &h.range);
        }

        let params = lsp::HoverParams {
            text_document_position_params: at(&uri, pos),
            work_done_progress_params: Default::default(),
        };
        if let Some(range) = handlers::hover(&snap, params)
            .expect("hover")
            .and_then(|h| h.range)
        {
            check.range("hover", &range);
        }

        let params = lsp::CompletionParams {
            text_document_position: at(&uri, pos),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
            context: None,
        };
        let items = match handlers::completion(&snap, params).expect("completion") {
            Some(lsp::CompletionResponse::Array(items)) => items,
            Some(lsp::CompletionResponse::List(list)) => list.items,
            None => Vec::new(),
        };
        for item in items {
            if let Some(lsp::CompletionTextEdit::Edit(e)) = &item.text_edit {
                check.range("completion edit", &e.range);
            }
        }
    }

    let params = lsp::FoldingRangeParams {
        text_document: doc(&uri),
        work_done_progress_params: Default::default(),
        partial_result_params: Default::default(),
    };
    for fold in handlers::folding_range(&snap, params)
        .expect("folding")
        .into_iter()
        .flatten()
    {
        check.line("folding range", fold.start_line);
        check.line("folding range", fold.end_line);
    }

    let params = lsp::DocumentSymbolParams {
        text_document: doc(&uri),
        work_done_progress_params: Default::default(),
        partial_result_params: Default::default(),
    };
    if let Some(lsp::DocumentSymbolResponse::Nested(symbols)) =
        handlers::document_symbol(&snap, params).expect("symbols")
    {
        check.symbols(&symbols);
    }

    let params = lsp::SemanticTokensParams {
        text_document: doc(&uri),
        work_done_progress_params: Default::default(),
        partial_result_params: Default::default(),
    };
    if let Some(lsp::SemanticTokensResult::Tokens(tokens)) =
        handlers::semantic_tokens_full(&snap, params).expect("semantic tokens")
    {
        let (mut line, mut start) = (0u32, 0u32);
        for t in &tokens.data {
            if t.delta_line > 0 {
                (line, start) = (line + t.delta_line, t.delta_start);
            } else {
                start += t.delta_start;
            }
            let range = lsp::Range::new(
                lsp::Position::new(line, start),
                lsp::Position::new(line, start + t.length),
            );
            check.range("semantic token", &range);
        }
    }

    let params = lsp::InlayHintParams {
        text_document: doc(&uri),
        range: lsp::Range::new(lsp::Position::new(0, 0), lsp::Position::new(u32::MAX, 0)),
        work_done_progress_params: Default::default(),
    };
    for hint in handlers::inlay_hint(&snap, params)
        .expect("inlay hints")
        .into_iter()
        .flatten()
    {
        check.range("inlay hint", &lsp::Range::new(hint.position, hint.position));
    }

    let params = lsp::DocumentFormattingParams {
        text_document: doc(&uri),
        options: lsp::FormattingOptions {
            tab_size: 2,
            insert_spaces: true,
            ..Default::default()
        },
        work_done_progress_params: Default::default(),
    };
    if let Some(edits) = handlers::formatting(&snap, params).expect("formatting") {
        let formatted = editor
            .with_edits(&edits)
            .unwrap_or_else(|e| panic!("{e}; {context}"));
        assert_eq!(
            Some(formatted),
            witty_syntax::format(editor.text()),
            "formatting edits give another text than the formatter; {context}"
        );
    }

    let roots = snap.analysis.roots().to_vec();
    let found =
        crate::diagnostics::compute(&snap, &roots, None, &Default::default()).expect("diagnostics");
    for (_, list) in found {
        for d in list {
            check.range("diagnostic", &d.range);
        }
    }
}
