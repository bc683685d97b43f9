//! witty-syntax: the WIT frontend's first layer. A lexer in which every byte belongs to a
//! token, a resilient parser that always produces a lossless rowan tree, validation of what
//! the grammar alone cannot say, typed AST wrappers over the tree, and the formatter.
//!
//! This crate knows nothing of files, packages, salsa or LSP.

pub mod ast;
mod build_tree;
mod format;
mod lexer;
mod line_index;
mod parser;
mod syntax_error;
mod syntax_kind;
mod validation;

use std::sync::Arc;

pub use format::{FormatOptions, TextEdit, format, format_range, format_range_with, format_with};
pub use lexer::{LexedTokens, lex};
pub use line_index::{LineCol, LineEnds, LineIndex};
pub use rowan::{GreenNode, TextRange, TextSize, WalkEvent};
pub use syntax_error::SyntaxError;
pub use syntax_kind::{
    SyntaxElement, SyntaxKind, SyntaxNode, SyntaxNodeChildren, SyntaxToken, WitLanguage,
};
pub use validation::{check_identifier, to_kebab_case};

/// The most errors one file reports; past this the rest would be noise.
pub const MAX_ERRORS: usize = 1000;

/// The result of parsing one file: always a tree, and the errors found on the way.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Parse {
    green: GreenNode,
    errors: Arc<[SyntaxError]>,
}

impl Parse {
    pub fn green(&self) -> &GreenNode {
        &self.green
    }

    pub fn syntax_node(&self) -> SyntaxNode {
        SyntaxNode::new_root(self.green.clone())
    }

    pub fn tree(&self) -> ast::SourceFile {
        ast::SourceFile {
            syntax: self.syntax_node(),
        }
    }

    /// Lexer, parser and validation errors, in text order.
    pub fn errors(&self) -> &[SyntaxError] {
        &self.errors
    }

    /// The tree in rowan's debug form: `KIND@start..end` per node, tokens with their text.
    pub fn debug_tree(&self) -> String {
        format!("{:#?}", self.syntax_node())
    }
}

/// Parses one WIT file. Never fails and never panics; the tree prints back to `text`.
pub fn parse(text: &str) -> Parse {
    // rowan counts in u32: a text past 4 GiB is refused whole rather than mis-measured.
    if u32::try_from(text.len()).is_err() {
        return too_large();
    }
    let (tokens, mut errors) = lexer::lex(text);
    let (events, parse_errors) = parser::parse_tokens(text, &tokens);
    let (green, checks) = build_tree::build_tree(text, &tokens, events);
    // At one position the most specific report wins: the lexer's, then validation's, then
    // the parser's (sorting below is stable, and duplicates are dropped).
    errors.extend(validation::validate(&green, text, checks));
    errors.extend(parse_errors);
    errors.sort_by_key(|e| e.range().start());
    // Several layers may trip over one mistake; the first report is the most precise.
    errors.dedup_by_key(|e| e.range().start());
    if errors.len() > MAX_ERRORS {
        let at = errors[MAX_ERRORS].range();
        errors.truncate(MAX_ERRORS);
        errors.push(SyntaxError::with_code(
            "too-many-errors",
            format!("too many errors: only the first {MAX_ERRORS} are reported"),
            at,
        ));
    }
    Parse {
        green,
        errors: errors.into(),
    }
}

fn too_large() -> Parse {
    let mut builder = rowan::GreenNodeBuilder::new();
    builder.start_node(SyntaxKind::SOURCE_FILE.into());
    builder.finish_node();
    Parse {
        green: builder.finish(),
        errors: vec![SyntaxError::with_code(
            "file-too-large",
            "file too large: WIT files must be smaller than 4 GiB",
            TextRange::empty(0.into()),
        )]
        .into(),
    }
}
