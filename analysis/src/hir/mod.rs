//! The per-file layer: parse, lower to an item tree, and where each item is.

mod green;
pub mod items;
pub mod lower;
mod summary;

use std::sync::Arc;

use witty_syntax::Parse;

use crate::input::File;
pub use items::*;
pub use lower::SpanMap;
pub use summary::{
    FileSummary, ItemSummary, ListSummary, NestedSummary, PathRef, SummaryKind, file_summary,
};

/// The file's syntax tree and syntax errors.
#[salsa::tracked(returns(ref), no_eq, lru = 128)]
pub fn parse(db: &dyn salsa::Database, file: File) -> Parse {
    witty_syntax::parse(file.text(db))
}

/// The item tree and span map together, as one lowering produces them; never compared,
/// since the span map changes with every edit.
#[salsa::tracked(returns(ref), no_eq)]
pub fn lower_file(db: &dyn salsa::Database, file: File) -> (Arc<ItemTree>, Arc<SpanMap>) {
    let (tree, spans) = lower::lower(parse(db, file).green());
    (Arc::new(tree), Arc::new(spans))
}

/// The file's item tree. Equal after edits to whitespace, comments and docs, so that
/// queries reading it are not re-run for them.
#[salsa::tracked(returns(clone))]
pub fn item_tree(db: &dyn salsa::Database, file: File) -> Arc<ItemTree> {
    lower_file(db, file).0.clone()
}

/// Where each `SpanId` of the file is.
#[salsa::tracked(returns(clone), no_eq)]
pub fn span_map(db: &dyn salsa::Database, file: File) -> Arc<SpanMap> {
    lower_file(db, file).1.clone()
}

/// Where the file's lines start, for turning offsets into lines and columns.
#[salsa::tracked(returns(clone), no_eq)]
pub fn line_index(db: &dyn salsa::Database, file: File) -> Arc<witty_syntax::LineIndex> {
    Arc::new(witty_syntax::LineIndex::for_editor(file.text(db)))
}
