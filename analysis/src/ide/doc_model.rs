//! What a documentation site shows of a root: every package with its interfaces and worlds,
//! each definition's docs, gates and source (comments dropped) with every name in it resolved
//! to its definition, and each world's imports and exports as elaborated. Plain data, built
//! from the same index that hover and go-to-definition read, for `wit doc` to render.

use std::path::PathBuf;

use witty_syntax::ast::{self, AstNode, AttributeKind};
use witty_syntax::{SyntaxKind::*, SyntaxNode, TextRange};

use super::defs::{Def, DefKind, FileIndex, file_index, find_def};
use super::syntax_nodes::{def_node, docs};
use super::{Analysis, Cancellable};
use crate::hir::{PackageName, parse};
use crate::input::{File, Root};
use crate::semantics::{
    ItemId, ItemKind, Owner, PackageSrc, PkgId, WorldItemKind, WorldKey, package_graph,
    package_items, world_elaboration,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocModel {
    /// The folder of the root's package (of its file, for a single file): sources are
    /// shown relative to it.
    pub folder: PathBuf,
    /// The root's own package first, then its dependencies in the order they were found.
    pub packages: Vec<DocPackage>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocPackage {
    pub id: PkgId,
    pub name: PackageName,
    pub is_dep: bool,
    /// Decoded from a binary in `deps/`: its items are known by name only.
    pub binary: bool,
    pub docs: Option<String>,
    /// Its interfaces and worlds, in the order the files declare them.
    pub items: Vec<DocEntry>,
}

/// A definition: an interface, a world, or something inside one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocEntry {
    pub def: Def,
    pub kind: DefKind,
    pub name: String,
    pub docs: Option<String>,
    pub gates: Vec<Gate>,
    /// The source of the definition, comments and attributes dropped, re-indented; empty
    /// for interfaces and worlds (their pages list their parts instead).
    pub code: Vec<CodePiece>,
    pub children: Vec<DocEntry>,
    /// Where it is written (line 1-based); `None` for items of binary packages.
    pub source: Option<(PathBuf, u32)>,
    /// For a world: its imports and exports after `include`s and elaboration.
    pub world: Option<WorldEnds>,
}

/// A run of source text; a name in it carries the definition it refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodePiece {
    pub text: String,
    pub link: Option<Def>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    Since(String),
    Unstable(String),
    Deprecated(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorldEnds {
    pub imports: Vec<WorldEnd>,
    pub exports: Vec<WorldEnd>,
}

/// One import or export of a world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldEnd {
    /// The name it has in the component: `wasi:io/streams@0.2.0`, `log`.
    pub name: String,
    pub kind: WorldItemKind,
    pub target: Option<Def>,
}

impl Analysis {
    /// The documentation model of a root and its dependencies.
    pub fn doc_model(&self, root: Root) -> Cancellable<DocModel> {
        self.catch(|db| build(db, root))
    }
}

fn build(db: &dyn salsa::Database, root: Root) -> DocModel {
    let graph = package_graph(db, root);
    let mut ids: Vec<PkgId> = graph
        .ids()
        .filter(|&p| !graph.package(p).embedded)
        .collect();
    // The root's own package leads; the sort is stable, so dependencies keep their order.
    ids.sort_by_key(|&p| Some(p) != graph.main);
    let packages = ids
        .into_iter()
        .map(|id| {
            let pkg = graph.package(id);
            let (items, docs, binary) = match &pkg.src {
                PackageSrc::Wit { lists } => {
                    let mut files: Vec<File> = Vec::new();
                    for (file, _) in lists {
                        if !files.contains(file) {
                            files.push(*file);
                        }
                    }
                    let items = files
                        .iter()
                        .flat_map(|&f| file_items(db, root, f, id))
                        .collect();
                    (items, package_docs(db, root, id), false)
                }
                PackageSrc::Binary { .. } => (binary_items(db, root, id), None, true),
            };
            DocPackage {
                id,
                name: pkg.name.clone(),
                is_dep: pkg.is_dep,
                binary,
                docs,
                items,
            }
        })
        .collect();
    let path = root.path(db);
    // A root loaded from one `.wit` file is named by the file (the database reads no disk).
    let folder = if path.extension().is_some_and(|e| e == "wit") {
        path.parent().map(PathBuf::from).unwrap_or_default()
    } else {
        path.clone()
    };
    DocModel { folder, packages }
}

/// The doc comment of a package's `package` line (the one that has docs).
fn package_docs(db: &dyn salsa::Database, root: Root, pkg: PkgId) -> Option<String> {
    let (file, site) = find_def(db, root, &Def::Package(pkg))?;
    let tree = parse(db, file).syntax_node();
    docs(&def_node(&tree, site.name)?)
}

/// The interfaces and worlds of a binary package, by name.
fn binary_items(db: &dyn salsa::Database, root: Root, pkg: PkgId) -> Vec<DocEntry> {
    let items = package_items(db, root);
    let Some(names) = items.per_pkg.get(pkg.0 as usize) else {
        return Vec::new();
    };
    names
        .iter()
        .map(|(name, def)| {
            let id = ItemId {
                pkg,
                name: name.clone(),
            };
            let kind = match def.kind {
                ItemKind::Interface => DefKind::Interface,
                ItemKind::World => DefKind::World,
            };
            DocEntry {
                world: (kind == DefKind::World).then(|| world_ends(db, root, &id)),
                def: Def::Item(id),
                kind,
                name: name.to_string(),
                docs: None,
                gates: Vec::new(),
                code: Vec::new(),
                children: Vec::new(),
                source: None,
            }
        })
        .collect()
}

/// The items of `pkg` that a file declares, with everything inside them.
fn file_items(db: &dyn salsa::Database, root: Root, file: File, pkg: PkgId) -> Vec<DocEntry> {
    let index = file_index(db, root, file);
    let tree = parse(db, file).syntax_node();
    let lines = crate::hir::line_index(db, file);
    let cx = Cx {
        db,
        root,
        index: &index,
        tree: &tree,
        path: file.path(db).clone(),
        lines: &lines,
    };
    let is_top =
        |parent: Option<usize>| parent.is_none_or(|p| matches!(index.defs[p].def, Def::Package(_)));
    (0..index.defs.len())
        .filter(|&i| {
            let site = &index.defs[i];
            matches!(&site.def, Def::Item(id) if id.pkg == pkg) && is_top(site.parent)
        })
        .filter_map(|i| cx.entry(i))
        .collect()
}

struct Cx<'a> {
    db: &'a dyn salsa::Database,
    root: Root,
    index: &'a FileIndex,
    tree: &'a SyntaxNode,
    path: PathBuf,
    lines: &'a witty_syntax::LineIndex,
}

impl Cx<'_> {
    fn entry(&self, i: usize) -> Option<DocEntry> {
        let site = &self.index.defs[i];
        let node = def_node(self.tree, site.name)?;
        let children = (i + 1..self.index.defs.len())
            .filter(|&c| self.index.defs[c].parent == Some(i))
            .filter(|&c| self.index.defs[c].kind != DefKind::Param)
            .filter_map(|c| self.entry(c))
            .collect();
        let mut code = match site.kind {
            DefKind::Interface | DefKind::World => Vec::new(),
            _ => self.code(&node),
        };
        // A field or case shows without the comma that separates it from the next.
        if let Some(last) = code.last_mut().filter(|p| p.link.is_none()) {
            let kept = last.text.trim_end_matches(',').len();
            last.text.truncate(kept);
        }
        let world = match &site.def {
            Def::Item(id) if site.kind == DefKind::World => {
                Some(world_ends(self.db, self.root, id))
            }
            _ => None,
        };
        Some(DocEntry {
            def: site.def.clone(),
            kind: site.kind,
            name: self.tree.text().slice(site.name).to_string(),
            docs: docs(&node),
            gates: gates(&node),
            code,
            children,
            source: Some((
                self.path.clone(),
                self.lines.line_col(site.name.start()).line + 1,
            )),
            world,
        })
    }

    /// The source of a definition with its names linked: comments, docs and the node's own
    /// attributes dropped, blank lines removed, re-indented from its last line.
    fn code(&self, node: &SyntaxNode) -> Vec<CodePiece> {
        let mut pieces: Vec<CodePiece> = Vec::new();
        let mut started = false;
        let mut skip_until = None;
        for token in node
            .descendants_with_tokens()
            .filter_map(|e| e.into_token())
        {
            let range = token.text_range();
            if skip_until.is_some_and(|end| range.start() < end) {
                continue;
            }
            let in_own_attr = token
                .parent_ancestors()
                .any(|a| a.kind() == ATTRIBUTE && a.parent().as_ref() == Some(node));
            if in_own_attr || matches!(token.kind(), COMMENT | DOC_COMMENT) {
                continue;
            }
            if token.kind() == WHITESPACE && !started {
                continue;
            }
            // A resource's functions and an inline interface's members are entries of their
            // own: the definition shows only what comes before the body.
            if matches!(node.kind(), RESOURCE | IMPORT | EXPORT) && token.kind() == L_CURLY {
                break;
            }
            started = true;
            match self.reference_at(range) {
                Some((whole, def)) => {
                    let text = self.tree.text().slice(whole).to_string();
                    skip_until = Some(whole.end());
                    pieces.push(CodePiece {
                        text,
                        link: Some(def),
                    });
                }
                None => match pieces.last_mut() {
                    Some(last) if last.link.is_none() => last.text.push_str(token.text()),
                    _ => pieces.push(CodePiece {
                        text: token.text().to_string(),
                        link: None,
                    }),
                },
            }
        }
        tidy(pieces)
    }

    /// The reference that starts at this token, and the definition it finally names (a type
    /// that an interface only `use`s is followed to where it is defined).
    fn reference_at(&self, token: TextRange) -> Option<(TextRange, Def)> {
        let (range, def) = self
            .index
            .refs
            .iter()
            .find(|(r, _)| r.start() == token.start())?;
        let target = find_def(self.db, self.root, def)
            .map(|(_, site)| site.def)
            .or_else(|| matches!(def, Def::Item(_) | Def::Package(_)).then(|| def.clone()))?;
        Some((*range, target))
    }
}

/// Blank lines (left by dropped comments) and trailing spaces removed, and every line after
/// the first dedented by the indentation of the last (the closing brace).
fn tidy(pieces: Vec<CodePiece>) -> Vec<CodePiece> {
    let mut lines: Vec<Vec<CodePiece>> = vec![Vec::new()];
    for piece in pieces {
        for (i, part) in piece.text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
            }
            if !part.is_empty() {
                lines.last_mut().expect("a line").push(CodePiece {
                    text: part.to_string(),
                    link: piece.link.clone(),
                });
            }
        }
    }
    let text_of = |line: &[CodePiece]| line.iter().map(|p| p.text.as_str()).collect::<String>();
    lines.retain(|line| !text_of(line).trim().is_empty());
    let indent = match lines.as_slice() {
        [_, .., last] => {
            let text = text_of(last);
            text.len() - text.trim_start_matches([' ', '\t']).len()
        }
        _ => 0,
    };
    let mut out: Vec<CodePiece> = Vec::new();
    let mut push = |text: &str, link: Option<Def>| match out.last_mut() {
        Some(last) if last.link.is_none() && link.is_none() => last.text.push_str(text),
        _ => out.push(CodePiece {
            text: text.to_string(),
            link,
        }),
    };
    for (n, mut line) in lines.into_iter().enumerate() {
        if n > 0 {
            push("\n", None);
            if let Some(first) = line.first_mut().filter(|p| p.link.is_none()) {
                let lead = first.text.len() - first.text.trim_start_matches([' ', '\t']).len();
                first.text.drain(..lead.min(indent));
            }
        }
        if let Some(last) = line.last_mut().filter(|p| p.link.is_none()) {
            let kept = last.text.trim_end().len();
            last.text.truncate(kept);
        }
        for piece in line {
            push(&piece.text, piece.link);
        }
    }
    out
}

/// The gates of a definition node, from its own attributes.
fn gates(node: &SyntaxNode) -> Vec<Gate> {
    node.children()
        .filter_map(ast::Attribute::cast)
        .filter_map(|a| match a.kind()? {
            AttributeKind::Since(v) => Some(Gate::Since(v.text())),
            AttributeKind::Unstable(f) => Some(Gate::Unstable(f)),
            AttributeKind::Deprecated(v) => Some(Gate::Deprecated(v.text())),
            AttributeKind::ExternalId(_) => None,
        })
        .collect()
}

/// A world's imports and exports, each with the definition it names when there is one.
fn world_ends(db: &dyn salsa::Database, root: Root, world: &ItemId) -> WorldEnds {
    let items = world_elaboration(db, root, world.clone());
    let graph = package_graph(db, root);
    let end = |key: &WorldKey, item: &crate::semantics::WorldItem| {
        let owner = Owner::World(world.clone());
        let (name, target) = match key {
            WorldKey::Interface(id) => (
                crate::semantics::interface_id_string(&graph, id),
                Some(Def::Item(id.clone())),
            ),
            WorldKey::Name(name) => {
                let target = match (item.kind, &item.iface) {
                    (_, Some(id)) => Def::Item(id.clone()),

                    (WorldItemKind::Func, None) => Def::Func {
                        owner,
                        name: name.as_str().into(),
                    },
                    // A type a world `use`s is shown where its interface defines it.
                    (WorldItemKind::Type, None) => Def::Type {
                        owner: item.dep.clone().map_or(owner, Owner::Interface),
                        name: name.as_str().into(),
                    },
                    (WorldItemKind::Interface, None) => Def::Extern {
                        world: world.clone(),
                        name: name.as_str().into(),
                    },
                };
                (name.clone(), Some(target))
            }
        };
        WorldEnd {
            name,
            kind: item.kind,
            target,
        }
    };
    WorldEnds {
        imports: items.imports.iter().map(|(k, i)| end(k, i)).collect(),
        exports: items.exports.iter().map(|(k, i)| end(k, i)).collect(),
    }
}
