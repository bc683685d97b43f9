//! Random edit sequences, with every kind of line end and non-ASCII text, applied both by the
//! server's text synchronization and by a model of the editor written here from LSP 3.17: the
//! texts must stay equal, and every range the server answers with must lie inside the
//! document. Fixed seeds run in CI; `WITTY_SYNC_SEEDS=2000` runs longer.

use tower_lsp_server::ls_types as lsp;

use super::editor::{Editor, Rng};
use crate::convert::Encoding;
use crate::state::State;
use crate::text_sync::apply_changes;

/// Pieces of text that edits insert: WIT, every line end, and characters of every width
/// (two UTF-16 units for `𝄞`).
const PIECES: &[&str] = &[
    "package a:b;",
    "interface i {",
    "}",
    "record r { a: u32 }",
    "/// docs é\n",
    "/**/",
    "\n",
    "\r\n",
    "\r",
    "é",
    "𝄞",
    "x",
    " ",
    "  f: func(a: string) -> u32;",
    "use i.{r};",
    "world w { import i; }",
    "// c\r\n",
    "%id",
    "\t",
];

fn seeds() -> u64 {
    std::env::var("WITTY_SYNC_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(24)
}

fn random_text(rng: &mut Rng, pieces: usize) -> String {
    (0..pieces).map(|_| *rng.pick(PIECES)).collect()
}

/// A position anywhere near the document: on its lines or past them, inside a line or past
/// its end, sometimes in the middle of a surrogate pair.
fn random_position(rng: &mut Rng, editor: &Editor) -> lsp::Position {
    let lines = editor.line_count() as u32;
    let line = rng.below(lines as u64 + 2) as u32;
    let width = editor.line_width(line).unwrap_or(0);
    let character = rng.below(width as u64 + 3) as u32;
    lsp::Position::new(line, character)
}

fn random_change(rng: &mut Rng, editor: &Editor) -> lsp::TextDocumentContentChangeEvent {
    if rng.below(40) == 0 {
        return lsp::TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: random_text(rng, 6),
        };
    }
    let a = random_position(rng, editor);
    let b = if rng.below(3) == 0 {
        a
    } else {
        random_position(rng, editor)
    };
    // An editor sends ranges in order.
    let (start, end) = if editor.offset(a) <= editor.offset(b) {
        (a, b)
    } else {
        (b, a)
    };
    let text = match rng.below(4) {
        0 => String::new(),
        _ => {
            let pieces = 1 + rng.below(3) as usize;
            random_text(rng, pieces)
        }
    };
    lsp::TextDocumentContentChangeEvent {
        range: Some(lsp::Range::new(start, end)),
        range_length: None,
        text,
    }
}

#[test]
fn the_servers_text_follows_the_editors() {
    for seed in 0..seeds() {
        for encoding in [Encoding::Utf16, Encoding::Utf8] {
            let mut rng = Rng::new(seed);
            let mut editor = Editor::new(random_text(&mut rng, 12), encoding);
            let mut server = editor.text().to_string();
            for step in 0..200 {
                // Several changes in one notification: each applies to the text before it.
                let mut changes = Vec::new();
                for _ in 0..1 + rng.below(3) {
                    let change = random_change(&mut rng, &editor);
                    editor.apply(&change);
                    changes.push(change);
                }
                apply_changes(&mut server, changes.clone(), encoding);
                assert_eq!(
                    server,
                    editor.text(),
                    "seed {seed}, step {step}, {encoding:?}: after {changes:?}"
                );
            }
        }
    }
}

#[test]
fn every_answer_lies_inside_the_document() {
    for seed in 0..seeds() {
        let mut rng = Rng::new(1000 + seed);
        let encoding = if seed % 2 == 0 {
            Encoding::Utf16
        } else {
            Encoding::Utf8
        };
        let mut editor = Editor::new(random_text(&mut rng, 16), encoding);
        for step in 0..12 {
            for _ in 0..4 {
                let change = random_change(&mut rng, &editor);
                editor.apply(&change);
            }
            let context = format!("seed {seed}, step {step}, text {:?}", editor.text());
            super::answers::check_answers(&mut rng, &editor, encoding, &context);
        }
    }
}

/// A state holding one unsaved document, as a client that opened it would leave it.
pub(super) fn state_with(uri: &lsp::Uri, text: &str, encoding: Encoding) -> State {
    let mut state = State::new();
    state.encoding = encoding;
    let path = crate::convert::path(uri).expect("a path for the test document");
    state.open(&path, text.to_string(), 1);
    state
}
