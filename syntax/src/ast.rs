//! Typed views of the syntax tree: thin wrappers that know which children a node has. Every
//! accessor returns `Option` (or an iterator), because a tree with errors may lack anything.

mod docs;
mod nodes;

pub use docs::normalize_docs;
pub use nodes::*;

use crate::{SyntaxKind, SyntaxNode, SyntaxToken};

/// A typed node: a `SyntaxNode` known to be of one kind (or one of a few).
pub trait AstNode: Sized {
    fn can_cast(kind: SyntaxKind) -> bool;
    fn cast(syntax: SyntaxNode) -> Option<Self>;
    fn syntax(&self) -> &SyntaxNode;
}

/// Items with a declared name.
pub trait HasName: AstNode {
    fn name(&self) -> Option<Name> {
        child(self.syntax())
    }
}

/// Items that may carry `@since`, `@unstable`, `@deprecated` or `@external-id`.
pub trait HasAttrs: AstNode {
    fn attributes(&self) -> AstChildren<Attribute> {
        children(self.syntax())
    }
}

/// Items that may be documented by `///` or `/** */` comments above them.
pub trait HasDocs: AstNode {
    /// The doc comment tokens attached to this item, in order.
    fn doc_comments(&self) -> Vec<SyntaxToken> {
        self.syntax()
            .children_with_tokens()
            .map_while(|e| e.into_token().filter(|t| t.kind().is_trivia()))
            .filter(|t| t.kind() == SyntaxKind::DOC_COMMENT)
            .collect()
    }

    /// The documentation as text: comment markers removed, common indentation stripped.
    fn docs(&self) -> Option<String> {
        let comments = self.doc_comments();
        let texts: Vec<&str> = comments.iter().map(|t| t.text()).collect();
        normalize_docs(&texts)
    }
}

/// Iterator over the children of one typed kind.
#[derive(Debug, Clone)]
pub struct AstChildren<N> {
    inner: crate::SyntaxNodeChildren,
    _n: std::marker::PhantomData<N>,
}

impl<N: AstNode> Iterator for AstChildren<N> {
    type Item = N;
    fn next(&mut self) -> Option<N> {
        self.inner.find_map(N::cast)
    }
}

pub(crate) fn child<N: AstNode>(parent: &SyntaxNode) -> Option<N> {
    parent.children().find_map(N::cast)
}

pub(crate) fn children<N: AstNode>(parent: &SyntaxNode) -> AstChildren<N> {
    AstChildren {
        inner: parent.children(),
        _n: std::marker::PhantomData,
    }
}

pub(crate) fn token(parent: &SyntaxNode, kind: SyntaxKind) -> Option<SyntaxToken> {
    parent
        .children_with_tokens()
        .filter_map(|e| e.into_token())
        .find(|t| t.kind() == kind)
}
