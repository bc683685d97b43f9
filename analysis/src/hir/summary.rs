//! A file's outline: its package lines and, per item list, the names of its interfaces,
//! worlds and file-level `use`s with the paths each item names. Package-wide queries (which
//! packages exist, what names they define, cycles) read outlines, not item trees, so an edit
//! inside an interface's body does not make them run again.

use std::sync::Arc;

use super::item_tree;
use super::items::*;
use crate::input::File;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileSummary {
    pub header: Option<PackageHeader>,
    pub nested: Vec<NestedSummary>,
    /// Item lists: the file level first, then each nested package's.
    pub lists: Vec<ListSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NestedSummary {
    pub name: PackageName,
    pub span: SpanId,
    pub nested_spans: Vec<SpanId>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ListSummary {
    pub items: Vec<ItemSummary>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SummaryKind {
    Interface,
    World,
    Use,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ItemSummary {
    pub kind: SummaryKind,
    /// The name the item takes in the file (for a `use`, its alias or the name it uses).
    pub name: Ident,
    /// For a file-level `use`: the path it names, and whether it has attributes.
    pub use_path: Option<UsePath>,
    /// Every path the item names, in the order wit-parser visits them, with the kind of item
    /// each must name; `edge` marks those that order the package's items (an interface's
    /// `use`, a world's `include`).
    pub paths: Vec<PathRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PathRef {
    pub path: UsePath,
    pub kind: ItemKind,
    pub edge: bool,
}

impl FileSummary {
    pub fn list(&self, list: DeclListId) -> Option<&ListSummary> {
        match list {
            DeclListId::Top => self.lists.first(),
            DeclListId::Nested(i) => self.lists.get(i as usize + 1),
        }
    }
}

#[salsa::tracked(returns(clone))]
pub fn file_summary(db: &dyn salsa::Database, file: File) -> Arc<FileSummary> {
    let tree = item_tree(db, file);
    let nested = tree
        .nested
        .iter()
        .map(|n| NestedSummary {
            name: n.name.clone(),
            span: n.span,
            nested_spans: n.nested_spans.clone(),
        })
        .collect();
    let mut lists = vec![summarize(&tree.top)];
    lists.extend(tree.nested.iter().map(|n| summarize(&n.items)));
    Arc::new(FileSummary {
        header: tree.header.clone(),
        nested,
        lists,
    })
}

fn summarize(list: &DeclList) -> ListSummary {
    let mut out = ListSummary::default();
    for item in &list.items {
        let mut paths = Vec::new();
        let mut push = |path: &UsePath, kind: ItemKind, edge: bool| {
            paths.push(PathRef {
                path: path.clone(),
                kind,
                edge,
            });
        };
        let (kind, use_path) = match item {
            TopItem::Interface(i) => {
                for m in &i.members {
                    if let Member::Use(u) = m {
                        push(&u.path, ItemKind::Interface, true);
                    }
                }
                (SummaryKind::Interface, None)
            }
            TopItem::World(w) => {
                // wit-parser visits `use` and `include` in order, then imports, then exports.
                for m in &w.members {
                    match m {
                        WorldMember::Use(u) => push(&u.path, ItemKind::Interface, false),
                        WorldMember::Include(i) => push(&i.path, ItemKind::World, true),
                        _ => {}
                    }
                }
                for exports in [false, true] {
                    for m in &w.members {
                        let e = match m {
                            WorldMember::Import(e) if !exports => e,
                            WorldMember::Export(e) if exports => e,
                            _ => continue,
                        };
                        match &e.kind {
                            ExternKind::Path(p) | ExternKind::NamedPath { path: p, .. } => {
                                push(p, ItemKind::Interface, false)
                            }
                            ExternKind::Interface { members, .. } => {
                                for m in members {
                                    if let Member::Use(u) = m {
                                        push(&u.path, ItemKind::Interface, false);
                                    }
                                }
                            }
                            ExternKind::Func(_) => {}
                        }
                    }
                }
                (SummaryKind::World, None)
            }
            TopItem::Use(u) => {
                push(&u.path, ItemKind::Interface, false);
                (SummaryKind::Use, Some(u.path.clone()))
            }
        };
        out.items.push(ItemSummary {
            kind,
            name: item.name().clone(),
            use_path,
            paths,
        });
    }
    out
}
