//! The layout rules: what separates two significant tokens (nothing, a space, a line break
//! if their list is broken, or a line break), from the kind of each token and the node it
//! sits in.

use super::frame::{Frame, Layout, List};
use crate::{SyntaxKind, SyntaxKind::*, SyntaxToken, T};

/// What a token wants between itself and its neighbour on one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    /// Written together: `list<u8>`, `a:b/c@1.0.0`.
    Glue,
    Space,
    /// A line break if the list the token delimits or separates is broken; else nothing,
    /// or a space (`space`).
    Soft {
        space: bool,
        blank: bool,
    },
    /// A line break; a blank line written by the author is kept (one at most) if `blank`.
    Line {
        blank: bool,
    },
}

impl Sep {
    pub(super) const LINE: Sep = Sep::Line { blank: true };
    /// A line break, but never a blank line: after an attribute.
    pub(super) const LINE_NO_BLANK: Sep = Sep::Line { blank: false };

    /// A line break here, in every layout or in a broken list.
    pub(super) fn is_line(self) -> bool {
        matches!(self, Sep::Line { .. } | Sep::Soft { .. })
    }

    /// A blank line may stand on this side.
    pub(super) fn blank_ok(self) -> bool {
        match self {
            Sep::Line { blank } | Sep::Soft { blank, .. } => blank,
            Sep::Glue | Sep::Space => true,
        }
    }

    /// What stands between a token that wants `after` and one that wants `before`: a line
    /// break wins, then a possible one, then glue.
    pub(super) fn between(after: Sep, before: Sep) -> Sep {
        let blank = after.blank_ok() && before.blank_ok();
        match (after, before) {
            (Sep::Line { .. }, _) | (_, Sep::Line { .. }) => Sep::Line { blank },
            (Sep::Soft { space: a, .. }, Sep::Soft { space: b, .. }) => Sep::Soft {
                space: a && b,
                blank,
            },
            (Sep::Soft { space, .. }, _) | (_, Sep::Soft { space, .. }) => {
                Sep::Soft { space, blank }
            }
            (Sep::Glue, _) | (_, Sep::Glue) => Sep::Glue,
            (Sep::Space, Sep::Space) => Sep::Space,
        }
    }
}

/// Nodes that hold items, each item on lines of its own.
pub(super) fn is_container(kind: SyntaxKind) -> bool {
    matches!(
        kind,
        SOURCE_FILE | NESTED_PACKAGE | INTERFACE_BODY | WORLD_BODY | RESOURCE_BODY
    )
}

/// Between a list's delimiter and its inside.
fn inside(list: List) -> Sep {
    match list.layout {
        Layout::Empty | Layout::Hug => Sep::Glue,
        Layout::Group { .. } => Sep::Soft {
            space: list.padded,
            blank: list.blank_inside,
        },
    }
}

/// What `token`, directly inside `frame`, wants before itself.
pub(super) fn before(token: &SyntaxToken, frame: &Frame) -> Sep {
    if let Some(list) = frame.closes(token) {
        return inside(list);
    }
    match token.kind() {
        T![;] | T![,] | T![:] | T![.] | T![/] | T![@] | T!['('] | T![')'] | T![<] | T![>] => {
            Sep::Glue
        }
        T!['{'] if frame.kind == USE_NAME_LIST => Sep::Glue,
        _ => Sep::Space,
    }
}

/// What `token`, directly inside `frame`, wants after itself.
pub(super) fn after(token: &SyntaxToken, frame: &Frame) -> Sep {
    if let Some(list) = frame.opens(token) {
        return inside(list);
    }
    match token.kind() {
        T![;] => Sep::LINE,
        T![,] if frame.comma_list(T![,]).is_some() => after_comma(),
        T![.] | T![/] | T![@] | T![<] | T!['('] => Sep::Glue,
        T![')'] if frame.kind == ATTRIBUTE => Sep::LINE_NO_BLANK,
        T!['}'] if frame.kind == USE_NAME_LIST => Sep::Space,
        // Every other `}` ends an item.
        T!['}'] => Sep::LINE,
        _ => Sep::Space,
    }
}

/// What a comma between the elements of a list wants after itself.
pub(super) fn after_comma() -> Sep {
    Sep::Soft {
        space: true,
        blank: true,
    }
}
