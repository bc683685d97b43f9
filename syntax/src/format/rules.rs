//! The layout rules: what separates two significant tokens (nothing, a space, or a line
//! break), from the kind of each token and the node it sits in.

use super::frame::{Frame, List};
use crate::{SyntaxKind, SyntaxKind::*, T};

/// What a token wants between itself and its neighbour on one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    /// Written together: `list<u8>`, `a:b/c@1.0.0`.
    Glue,
    Space,
    /// A line break; a blank line written by the author is kept (one at most).
    Line,
    /// A line break, but never a blank line: after `{` and before `}`, after an attribute.
    LineNoBlank,
}

impl Sep {
    pub(super) fn is_line(self) -> bool {
        matches!(self, Sep::Line | Sep::LineNoBlank)
    }
}

/// Nodes that hold items, each item on lines of its own.
pub(super) fn is_container(kind: SyntaxKind) -> bool {
    matches!(
        kind,
        SOURCE_FILE | NESTED_PACKAGE | INTERFACE_BODY | WORLD_BODY | RESOURCE_BODY
    )
}

/// What `kind`, a token directly inside `frame`, wants before itself.
pub(super) fn before(kind: SyntaxKind, frame: &Frame) -> Sep {
    match kind {
        T![;] | T![,] | T![:] | T![.] | T![/] | T![@] | T!['('] | T![<] | T![>] => Sep::Glue,
        T![')'] if frame.kind == PARAM_LIST && frame.broken => Sep::LineNoBlank,
        T![')'] => Sep::Glue,
        T!['{'] if frame.kind == USE_NAME_LIST => Sep::Glue,
        T!['}'] => inside_braces(frame),
        _ => Sep::Space,
    }
}

/// What `kind`, a token directly inside `frame`, wants after itself.
pub(super) fn after(kind: SyntaxKind, frame: &Frame) -> Sep {
    match kind {
        T![;] => Sep::Line,
        T![,] if frame.list == List::Commas && frame.broken => Sep::Line,
        T![.] | T![/] | T![@] | T![<] => Sep::Glue,
        T!['('] if frame.kind == PARAM_LIST && frame.broken => Sep::LineNoBlank,
        T!['('] => Sep::Glue,
        T![')'] if frame.kind == ATTRIBUTE => Sep::LineNoBlank,
        T!['{'] => inside_braces(frame),
        T!['}'] if frame.kind == USE_NAME_LIST => Sep::Space,
        // Every other `}` ends an item.
        T!['}'] => Sep::Line,
        _ => Sep::Space,
    }
}

/// What stands between a brace and the inside of its list: `{}` when empty, lines when
/// broken, `{ a as b }` for `include ... with`, `.{a, b}` for `use`.
fn inside_braces(frame: &Frame) -> Sep {
    if frame.broken {
        Sep::LineNoBlank
    } else if frame.kind == INCLUDE_NAME_LIST && !frame.empty {
        Sep::Space
    } else {
        Sep::Glue
    }
}
