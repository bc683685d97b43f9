//! A read-only view of a green tree with positions. Lowering walks every node of every file
//! once; rowan's red tree would allocate for each node visited, this view allocates nothing.

use rowan::{GreenNodeData, Language, NodeOrToken};
use witty_syntax::{SyntaxKind, TextRange, TextSize, WitLanguage};

#[derive(Clone, Copy)]
pub struct Node<'a> {
    green: &'a GreenNodeData,
    offset: TextSize,
}

#[derive(Clone, Copy)]
pub struct Token<'a> {
    pub kind: SyntaxKind,
    pub text: &'a str,
    pub range: TextRange,
}

#[derive(Clone, Copy)]
pub enum Elem<'a> {
    Node(Node<'a>),
    Token(Token<'a>),
}

fn kind_of(raw: rowan::SyntaxKind) -> SyntaxKind {
    WitLanguage::kind_from_raw(raw)
}

impl<'a> Node<'a> {
    pub fn root(green: &'a GreenNodeData) -> Node<'a> {
        Node {
            green,
            offset: TextSize::new(0),
        }
    }

    pub fn kind(self) -> SyntaxKind {
        kind_of(self.green.kind())
    }

    pub fn range(self) -> TextRange {
        TextRange::at(self.offset, self.green.text_len())
    }

    /// Direct children, nodes and tokens, with their positions.
    pub fn elems(self) -> impl Iterator<Item = Elem<'a>> {
        let mut offset = self.offset;
        self.green.children().map(move |child| {
            let start = offset;
            offset += child.text_len();
            match child {
                NodeOrToken::Node(n) => Elem::Node(Node {
                    green: n,
                    offset: start,
                }),
                NodeOrToken::Token(t) => Elem::Token(Token {
                    kind: kind_of(t.kind()),
                    text: t.text(),
                    range: TextRange::at(start, t.text_len()),
                }),
            }
        })
    }

    /// Direct child nodes.
    pub fn nodes(self) -> impl Iterator<Item = Node<'a>> {
        self.elems().filter_map(|e| match e {
            Elem::Node(n) => Some(n),
            Elem::Token(_) => None,
        })
    }

    /// Direct child tokens that are not trivia.
    pub fn tokens(self) -> impl Iterator<Item = Token<'a>> {
        self.elems().filter_map(|e| match e {
            Elem::Token(t) if !t.kind.is_trivia() => Some(t),
            _ => None,
        })
    }

    pub fn child(self, kind: SyntaxKind) -> Option<Node<'a>> {
        self.nodes().find(|n| n.kind() == kind)
    }

    pub fn children(self, kind: SyntaxKind) -> impl Iterator<Item = Node<'a>> {
        self.nodes().filter(move |n| n.kind() == kind)
    }

    pub fn token(self, kind: SyntaxKind) -> Option<Token<'a>> {
        self.tokens().find(|t| t.kind == kind)
    }

    /// The first token of the subtree that is not trivia.
    pub fn first_token(self) -> Option<Token<'a>> {
        for e in self.elems() {
            match e {
                Elem::Token(t) if !t.kind.is_trivia() => return Some(t),
                Elem::Token(_) => {}
                Elem::Node(n) => {
                    if let Some(t) = n.first_token() {
                        return Some(t);
                    }
                }
            }
        }
        None
    }

    /// The node's text, trivia inside it included.
    pub fn text(self) -> String {
        self.green.to_string()
    }
}
