//! What the formatter knows about each node it is inside: whether the node is a delimited
//! list, and if so how that list may be laid out.

use crate::{SyntaxKind, SyntaxKind::*, SyntaxNode, SyntaxToken, T, TextSize};

#[derive(Debug, Clone, Copy)]
pub(super) struct Frame {
    pub(super) kind: SyntaxKind,
    /// The outermost enclosing node whose tokens are written without spaces (a version, a
    /// package name, a `use` path), shared by all tokens inside it.
    pub(super) glue: Option<u32>,
    pub(super) list: Option<List>,
}

/// A node whose elements stand between two delimiters.
#[derive(Debug, Clone, Copy)]
pub(super) struct List {
    pub(super) open: SyntaxKind,
    pub(super) close: SyntaxKind,
    /// Where the closing delimiter starts, to tell a trailing comma from the others.
    pub(super) close_at: TextSize,
    /// Items (interface, world, resource and package bodies) end with `;` or `}` themselves;
    /// the other lists separate their elements with commas.
    pub(super) items: bool,
    pub(super) layout: Layout,
    /// On one line, the elements are set off from the delimiters by spaces: `{ a, b }`.
    pub(super) padded: bool,
    /// Broken, the last element gets a comma too (where WIT allows one).
    pub(super) trailing_comma: bool,
    /// A blank line the author left after the opening delimiter or before the closing one
    /// is kept.
    pub(super) blank_inside: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// Nothing between the delimiters, not even a comment: `{}`, `()`.
    Empty,
    /// A type list with one argument that has arguments of its own: `list<tuple<a, b>>`. It
    /// never breaks itself; its argument does, so that it reads `list<tuple<` ... `>>`.
    Hug,
    /// A group: on one line if it fits, else one element per line.
    Group { forced: bool },
}

impl Frame {
    pub(super) fn new(node: &SyntaxNode, parent: Option<&Frame>, id: u32) -> Frame {
        let kind = node.kind();
        let own_glue = matches!(kind, VERSION | PACKAGE_NAME | USE_PATH).then_some(id);
        Frame {
            kind,
            glue: parent.and_then(|p| p.glue).or(own_glue),
            list: list_of(node, kind),
        }
    }

    /// The list this frame is, if `kind` is its opening delimiter.
    pub(super) fn opens(&self, token: &SyntaxToken) -> Option<List> {
        self.list
            .filter(|l| l.open == token.kind() && l.close_at > token.text_range().start())
    }

    /// The list this frame is, if `token` is its closing delimiter.
    pub(super) fn closes(&self, token: &SyntaxToken) -> Option<List> {
        self.list
            .filter(|l| l.close == token.kind() && l.close_at == token.text_range().start())
    }

    /// The list this frame is, if `token` is a comma separating its elements.
    pub(super) fn comma_list(&self, kind: SyntaxKind) -> Option<List> {
        self.list.filter(|l| !l.items && kind == T![,])
    }
}

/// What a node's kind says of it as a list; `None` for other nodes, and for lists without
/// both delimiters (`result` alone, `future`).
fn list_of(node: &SyntaxNode, kind: SyntaxKind) -> Option<List> {
    let items = matches!(
        kind,
        INTERFACE_BODY | WORLD_BODY | RESOURCE_BODY | NESTED_PACKAGE
    );
    // Every compound type; names and primitives have no arguments.
    let type_list = kind.is_type() && !matches!(kind, PRIMITIVE_TYPE | NAMED_TYPE);
    let (open, close) = match kind {
        PARAM_LIST => (T!['('], T![')']),
        _ if type_list => (T![<], T![>]),
        RECORD_BODY | FLAGS_BODY | VARIANT_BODY | ENUM_BODY | USE_NAME_LIST | INCLUDE_NAME_LIST => {
            (T!['{'], T!['}'])
        }
        _ if items => (T!['{'], T!['}']),
        _ => return None,
    };
    // The delimiters and what stands between them are direct children of the node.
    let mut open_token = None;
    let mut close_token = None;
    let mut elements = 0;
    let mut nodes = Vec::new();
    for child in node.children_with_tokens() {
        match child {
            rowan::NodeOrToken::Token(t) if open_token.is_none() => {
                if t.kind() == open {
                    open_token = Some(t);
                }
            }
            rowan::NodeOrToken::Token(t) if t.kind() == close => {
                close_token = Some(t);
                break;
            }
            rowan::NodeOrToken::Token(t) => {
                if !t.kind().is_trivia() && t.kind() != T![,] {
                    elements += 1;
                }
            }
            rowan::NodeOrToken::Node(n) if open_token.is_some() => {
                elements += 1;
                if nodes.len() < 2 {
                    nodes.push(n);
                }
            }
            rowan::NodeOrToken::Node(_) => {}
        }
    }
    let (Some(open_token), Some(close_token)) = (open_token, close_token) else {
        return None;
    };
    let has_comment = || tokens_between(&open_token, &close_token).any(|t| t.kind().is_comment());
    let always_broken = items || matches!(kind, RECORD_BODY | VARIANT_BODY);
    let layout = if elements == 0 && !has_comment() {
        Layout::Empty
    } else if type_list && elements == 1 && nodes.len() == 1 && has_arguments(&nodes[0]) {
        Layout::Hug
    } else {
        Layout::Group {
            forced: elements > 0 && (always_broken || written_broken(&open_token)),
        }
    };
    Some(List {
        open,
        close,
        close_at: close_token.text_range().start(),
        items,
        layout,
        padded: matches!(kind, FLAGS_BODY | ENUM_BODY | INCLUDE_NAME_LIST) || elements == 0,
        trailing_comma: elements > 0
            && matches!(
                kind,
                PARAM_LIST
                    | USE_NAME_LIST
                    | INCLUDE_NAME_LIST
                    | RECORD_BODY
                    | FLAGS_BODY
                    | VARIANT_BODY
                    | ENUM_BODY
                    | TUPLE_TYPE
            ),
        blank_inside: items,
    })
}

/// A type written with arguments of its own, `tuple<a, b>`.
fn has_arguments(node: &SyntaxNode) -> bool {
    node.kind().is_type()
        && node
            .children_with_tokens()
            .any(|c| c.as_token().is_some_and(|t| t.kind() == T![<]))
}

/// The author put the first element on a line of its own: the list stays one element per
/// line (as prettier keeps such an object literal), whatever its width.
fn written_broken(open: &SyntaxToken) -> bool {
    std::iter::successors(open.next_token(), |t| t.next_token())
        .take_while(|t| t.kind().is_trivia())
        .any(|t| t.kind() == WHITESPACE && t.text().contains('\n'))
}

fn tokens_between(open: &SyntaxToken, close: &SyntaxToken) -> impl Iterator<Item = SyntaxToken> {
    let end = close.text_range().start();
    std::iter::successors(open.next_token(), |t| t.next_token())
        .take_while(move |t| t.text_range().start() < end)
}
