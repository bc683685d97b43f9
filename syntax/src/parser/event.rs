//! The parser's output: a flat list of events that `build_tree` turns into a rowan tree.

use crate::SyntaxKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    /// Starts a node; its kind is `TOMBSTONE` if the node was abandoned.
    Start {
        kind: SyntaxKind,
    },
    Finish,
    /// Consumes the next significant token, with `kind` as its kind in the tree.
    Token {
        kind: SyntaxKind,
    },
}
