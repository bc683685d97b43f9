//! What the formatter knows about each node it is inside: which delimited list the node is,
//! if any, and whether that list is laid out one element per line ("broken").

use crate::{SyntaxKind, SyntaxKind::*, SyntaxNode, SyntaxToken, T};

/// How the elements between a node's delimiters are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum List {
    /// Not a delimited list.
    None,
    /// `{ item item }`: items end with `;` or `}` themselves (interface, world, resource and
    /// nested package bodies).
    Items,
    /// `{ a, b }` or `(a, b)`: elements separated by commas.
    Commas,
}

#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub(super) kind: SyntaxKind,
    pub(super) id: u32,
    /// The outermost enclosing node whose tokens are written without spaces (a version, a
    /// package name, a `use` path), shared by all tokens inside it.
    pub(super) glue: Option<u32>,
    pub(super) list: List,
    /// One element per line, the delimiters on lines of their own.
    pub(super) broken: bool,
    /// Nothing at all between the delimiters, not even a comment.
    pub(super) empty: bool,
}

impl Frame {
    pub(super) fn new(node: &SyntaxNode, parent: Option<&Frame>, id: u32) -> Frame {
        let kind = node.kind();
        let own_glue = matches!(kind, VERSION | PACKAGE_NAME | USE_PATH).then_some(id);
        let list = list_of(kind);
        let (broken, empty) = match list {
            List::None => (false, false),
            _ => layout(node, kind),
        };
        Frame {
            kind,
            id,
            glue: parent.and_then(|p| p.glue).or(own_glue),
            list,
            broken,
            empty,
        }
    }

    /// The token that opens this node's list.
    pub(super) fn opener(&self) -> Option<SyntaxKind> {
        match self.list {
            List::None => None,
            _ if self.kind == PARAM_LIST => Some(T!['(']),
            _ => Some(T!['{']),
        }
    }

    pub(super) fn closer(&self) -> Option<SyntaxKind> {
        match self.list {
            List::None => None,
            _ if self.kind == PARAM_LIST => Some(T![')']),
            _ => Some(T!['}']),
        }
    }
}

fn list_of(kind: SyntaxKind) -> List {
    match kind {
        INTERFACE_BODY | WORLD_BODY | RESOURCE_BODY | NESTED_PACKAGE => List::Items,
        RECORD_BODY | FLAGS_BODY | VARIANT_BODY | ENUM_BODY | PARAM_LIST | USE_NAME_LIST
        | INCLUDE_NAME_LIST => List::Commas,
        _ => List::None,
    }
}

/// Whether a list node is broken, and whether it is empty.
///
/// Bodies of interfaces, worlds, resources, packages and the named types are broken whenever
/// they hold anything: that is how the WASI packages write them, even for two enum cases. A
/// body holding only a comment written on the braces' line, `{ /* empty */ }`, stays so.
/// Parameter lists and `use`/`include` name lists stay on one line unless a comment inside
/// needs lines of its own, or a trailing comma asks for one element per line (which is what
/// the formatter writes for a broken list, so the choice is stable).
fn layout(node: &SyntaxNode, kind: SyntaxKind) -> (bool, bool) {
    let (open_kind, close_kind) = if kind == PARAM_LIST {
        (T!['('], T![')'])
    } else {
        (T!['{'], T!['}'])
    };
    let open = direct_token(node, open_kind);
    let close = direct_token(node, close_kind);
    let (Some(open), Some(close)) = (open, close) else {
        return (false, true);
    };
    // A body is decided as soon as it shows an element or a comment needing its own line,
    // mostly at its first token; a list of commas is read to its end.
    let always = list_of(kind) == List::Items || is_type_body(kind);
    let mut has_comment = false;
    let mut has_element = false;
    // A comment that needs a line of its own: a `//` comment, or any written across lines.
    let mut has_line = false;
    let mut last_significant = None;
    let mut next = open.next_token();
    while let Some(token) = next {
        if token == close {
            break;
        }
        match token.kind() {
            WHITESPACE => has_line |= token.text().contains('\n'),
            COMMENT | DOC_COMMENT => {
                has_comment = true;
                has_line |= token.text().starts_with("//");
            }
            other => {
                has_element = true;
                last_significant = Some(other);
            }
        }
        if always && (has_element || (has_comment && has_line)) {
            return (true, false);
        }
        next = token.next_token();
    }
    let empty = !has_comment && !has_element;
    let broken = !always && has_element && (has_comment || last_significant == Some(T![,]));
    (broken, empty)
}

fn is_type_body(kind: SyntaxKind) -> bool {
    matches!(kind, RECORD_BODY | FLAGS_BODY | VARIANT_BODY | ENUM_BODY)
}

fn direct_token(node: &SyntaxNode, kind: SyntaxKind) -> Option<SyntaxToken> {
    node.children_with_tokens()
        .filter_map(|e| e.into_token())
        .find(|t| t.kind() == kind)
}
