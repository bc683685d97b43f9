//! Go to definition, go to type definition, find references, document highlight.

use std::path::PathBuf;
use std::sync::Arc;

use witty_syntax::{SyntaxKind::*, SyntaxNode, TextRange};

use super::defs::{Def, DefKind, file_index, find_def};
use super::syntax_nodes::{def_node, range_without_trivia};
use super::{Analysis, Cancellable, FilePosition, FileRange};
use crate::fx::{HashMap, HashSet};
use crate::hir::parse;
use crate::input::{File, Root};

/// Where a definition is, for the editor to jump to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavTarget {
    pub path: PathBuf,
    /// The whole definition (without its docs).
    pub full_range: TextRange,
    /// Its name.
    pub focus_range: TextRange,
    pub name: String,
    pub kind: DefKind,
}

/// One place that names a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub location: FileRange,
    /// The definition itself rather than a use of it.
    pub is_def: bool,
}

/// A name in the current file that means the same as the one under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub range: TextRange,
    pub is_def: bool,
}

impl Analysis {
    /// The definition named at a position (itself, on a definition).
    pub fn goto_definition(&self, pos: FilePosition<'_>) -> Cancellable<Vec<NavTarget>> {
        self.catch(|db| {
            let Some((root, def)) = self.def_at(db, pos) else {
                return Vec::new();
            };
            nav_target(db, root, &def).into_iter().collect()
        })
    }

    /// The type of what is named at a position: of a field, parameter, case or alias, the
    /// type its type names, an alias followed to the end.
    pub fn goto_type_definition(&self, pos: FilePosition<'_>) -> Cancellable<Vec<NavTarget>> {
        self.catch(|db| {
            let Some((root, def)) = self.def_at(db, pos) else {
                return Vec::new();
            };
            let Some(mut at) = find_def(db, root, &def) else {
                return Vec::new();
            };
            // Each step follows a name to its definition; a long chain is a cycle.
            for _ in 0..64 {
                let (def_file, site) = &at;
                let next = match site.kind {
                    DefKind::Field | DefKind::Param | DefKind::Case | DefKind::TypeAlias => {
                        named_type_in(db, root, *def_file, site.name)
                    }
                    DefKind::Func | DefKind::Method | DefKind::StaticFunc => {
                        result_type_in(db, root, *def_file, site.name)
                    }
                    _ => None,
                };
                match next.and_then(|d| find_def(db, root, &d)) {
                    Some(found) => at = found,
                    None => break,
                }
                if at.1.kind != DefKind::TypeAlias {
                    break;
                }
            }
            nav_target(db, root, &at.1.def).into_iter().collect()
        })
    }

    /// Every place that names the definition at a position, in every root that sees it.
    pub fn references(
        &self,
        pos: FilePosition<'_>,
        include_declaration: bool,
    ) -> Cancellable<Vec<Reference>> {
        self.catch(|db| {
            let mut out: Vec<Reference> = Vec::new();
            let mut seen: HashSet<(PathBuf, TextRange)> = HashSet::default();
            let Some(&file) = self.files.get(pos.path) else {
                return out;
            };
            for root in self.roots_with(db, file) {
                for (f, range, is_def) in references_in(db, root, file, pos) {
                    if is_def && !include_declaration {
                        continue;
                    }
                    let path = f.path(db).clone();
                    if seen.insert((path.clone(), range)) {
                        out.push(Reference {
                            location: FileRange { path, range },
                            is_def,
                        });
                    }
                }
            }
            out.sort_by(|a, b| {
                (&a.location.path, a.location.range.start())
                    .cmp(&(&b.location.path, b.location.range.start()))
            });
            out
        })
    }

    /// The worlds of a root's own package, with where each is defined.
    pub fn own_worlds(&self, root: Root) -> Cancellable<Vec<(String, NavTarget)>> {
        self.catch(|db| {
            super::runnables::own_worlds_in(db, root)
                .into_iter()
                .filter_map(|(name, id)| Some((name, nav_target(db, root, &Def::Item(id))?)))
                .collect()
        })
    }

    /// Where a world or interface of a root's own package is defined.
    pub fn item_location(&self, root: Root, name: &str) -> Cancellable<Option<NavTarget>> {
        self.catch(|db| {
            let graph = crate::semantics::package_graph(db, root);
            let pkg = graph.main?;
            let id = crate::semantics::ItemId {
                pkg,
                name: name.into(),
            };
            nav_target(db, root, &Def::Item(id))
        })
    }

    /// The names in the file that mean what the one at the position means.
    pub fn highlight(&self, pos: FilePosition<'_>) -> Cancellable<Vec<Highlight>> {
        self.catch(|db| {
            let Some((root, file)) = self.locate(db, pos.path) else {
                return Vec::new();
            };
            let mut out: Vec<Highlight> = references_in_file(db, root, file, pos)
                .into_iter()
                .map(|(range, is_def)| Highlight { range, is_def })
                .collect();
            out.sort_by_key(|h| h.range.start());
            out.dedup();
            out
        })
    }
}

/// The definition at a position and all its references in one root.
pub(super) fn references_in(
    db: &dyn salsa::Database,
    root: Root,
    file: File,
    pos: FilePosition<'_>,
) -> Vec<(File, TextRange, bool)> {
    let index = file_index(db, root, file);
    let Some((_, def, _)) = index.at(pos.offset) else {
        return Vec::new();
    };
    let target = canonical(db, root, def);
    let mut out = Vec::new();
    for f in crate::diagnostics::root_files(db, root) {
        if let Some(names) = canonical_names(db, root, f).get(&target) {
            out.extend(names.iter().map(|(range, is_def)| (f, *range, *is_def)));
        }
    }
    out
}

/// The definition at a position and its references in the same file: for highlighting,
/// which should not wait for the index of the whole root.
fn references_in_file(
    db: &dyn salsa::Database,
    root: Root,
    file: File,
    pos: FilePosition<'_>,
) -> Vec<(TextRange, bool)> {
    let index = file_index(db, root, file);
    let Some((_, def, _)) = index.at(pos.offset) else {
        return Vec::new();
    };
    let target = canonical(db, root, def);
    let mut out: Vec<(TextRange, bool)> = index
        .defs
        .iter()
        .filter(|site| site.def == target)
        .map(|site| (site.name, true))
        .collect();
    for (range, def) in &index.refs {
        if canonical(db, root, def) == target {
            out.push((*range, false));
        }
    }
    out
}

/// The names of a file by the definition they finally reach (through `use`s), each with
/// whether it is that definition. Kept per file, so that after an edit only the edited
/// file's names are resolved again, and a search costs one lookup per file.
#[salsa::tracked(returns(clone), no_eq)]
fn canonical_names(db: &dyn salsa::Database, root: Root, file: File) -> Arc<NamesByDef> {
    let index = file_index(db, root, file);
    let mut resolved: HashMap<&Def, Def> = HashMap::default();
    let mut out = NamesByDef::default();
    for site in &index.defs {
        out.entry(site.def.clone())
            .or_default()
            .push((site.name, true));
    }
    for (range, def) in &index.refs {
        let target = resolved
            .entry(def)
            .or_insert_with(|| canonical(db, root, def))
            .clone();
        out.entry(target).or_default().push((*range, false));
    }
    Arc::new(out)
}

type NamesByDef = HashMap<Def, Vec<(TextRange, bool)>>;

/// A definition as its own site names it: a type reached through `use`s is the type where
/// it is defined.
pub(super) fn canonical(db: &dyn salsa::Database, root: Root, def: &Def) -> Def {
    match def {
        Def::Type { .. } => find_def(db, root, def).map_or_else(|| def.clone(), |(_, s)| s.def),
        _ => def.clone(),
    }
}

pub(super) fn nav_target(db: &dyn salsa::Database, root: Root, def: &Def) -> Option<NavTarget> {
    let (file, site) = find_def(db, root, def)?;
    let tree = parse(db, file).syntax_node();
    let full_range = def_node(&tree, site.name).map_or(site.name, |n| range_without_trivia(&n));
    let name = file.text(db)[site.name].to_string();
    Some(NavTarget {
        path: file.path(db).clone(),
        full_range,
        focus_range: site.name,
        name,
        kind: site.kind,
    })
}

/// The definition that the first named type inside the definition at `name` refers to.
fn named_type_in(db: &dyn salsa::Database, root: Root, file: File, name: TextRange) -> Option<Def> {
    let tree = parse(db, file).syntax_node();
    let node = def_node(&tree, name)?;
    first_named_type(db, root, file, &node)
}

/// The same, looking only at a function's result type.
fn result_type_in(
    db: &dyn salsa::Database,
    root: Root,
    file: File,
    name: TextRange,
) -> Option<Def> {
    let tree = parse(db, file).syntax_node();
    let node = def_node(&tree, name)?;
    let ret = node.descendants().find(|n| n.kind() == RET_TYPE)?;
    first_named_type(db, root, file, &ret)
}

fn first_named_type(
    db: &dyn salsa::Database,
    root: Root,
    file: File,
    node: &SyntaxNode,
) -> Option<Def> {
    let name_ref = node
        .descendants()
        .filter(|n| n.kind() == NAME_REF)
        .find(|n| {
            n.parent()
                .is_some_and(|p| matches!(p.kind(), NAMED_TYPE | HANDLE_TYPE))
        })?;
    let range = name_ref.text_range();
    let index = file_index(db, root, file);
    index
        .refs
        .iter()
        .find(|(r, _)| *r == range || range.contains_range(*r))
        .map(|(_, d)| d.clone())
}
