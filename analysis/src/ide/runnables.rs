//! What a built component of a world could run: the world's exported functions, its own and
//! those of the interfaces it exports, each with the name `wit run` calls it by, its
//! signature and its docs (where the examples are). The editor puts run and test lenses on them.
//! `wit test COMPONENT WIT_PATH` reads the docs of a package through [`Analysis::documented_funcs`],
//! so the lenses and the command find the same examples.

use std::path::PathBuf;

use witty_syntax::{SyntaxKind::*, TextRange};

use super::defs::{Def, DefKind, file_index, find_def};
use super::syntax_nodes::{def_node, docs, signature};
use super::{Analysis, Cancellable};
use crate::hir::parse;
use crate::input::Root;
use crate::semantics::{
    ItemId, Owner, WorldItemKind, WorldKey, interface_id_string, package_graph, world_elaboration,
};

/// A world of the root's own package and the functions a component of it exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunnableWorld {
    pub name: String,
    /// The package's folder (or file): where `wit test` reads the docs.
    pub root: PathBuf,
    pub path: PathBuf,
    /// The world's name in its definition.
    pub focus_range: TextRange,
    pub funcs: Vec<RunnableFunc>,
}

/// An exported function that can be called on its own (resource methods need an instance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunnableFunc {
    /// The export as `wit run` takes it: `name`, `ns:pkg/iface@1.0.0.name` or `inline.name`.
    pub export: String,
    /// Where the function is defined, and its name there.
    pub path: PathBuf,
    pub focus_range: TextRange,
    /// As written, without docs: `add: func(a: s32, b: s32) -> s32`.
    pub signature: String,
    pub params: usize,
    pub docs: Option<String>,
}

/// A documented function of a package, named as a component exports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentedFunc {
    /// The interface it is in (`ns:pkg/iface@1.0.0`, or the name of an interface declared
    /// inside a world), or `None` for a function a world exports.
    pub instance: Option<String>,
    /// Its name in a component: `add`, `[constructor]acc`, `[method]acc.push`,
    /// `[static]acc.make`.
    pub function: String,
    pub docs: String,
}

impl Analysis {
    /// Every documented function of the package that the file `path` belongs to (also of
    /// packages nested in its files), whether or not one of its worlds exports it: the
    /// component under test may target a world of another package. Its dependencies' are
    /// left out: their functions are not this component's.
    pub fn documented_funcs(&self, path: &std::path::Path) -> Cancellable<Vec<DocumentedFunc>> {
        self.catch(|db| {
            let Some((root, _)) = self.locate(db, path) else {
                return Vec::new();
            };
            let graph = package_graph(db, root);
            let mut found = Vec::new();
            for &file in root.main(db).files() {
                let tree = parse(db, file).syntax_node();
                for site in &file_index(db, root, file).defs {
                    let (owner, function) = match &site.def {
                        Def::Func { owner, name } => (owner, name.to_string()),
                        Def::ResourceFunc {
                            owner,
                            resource,
                            name,
                        } => {
                            let node = def_node(&tree, site.name);
                            let is_static = node.as_ref().is_some_and(|n| {
                                n.children_with_tokens().any(|t| t.kind() == STATIC_KW)
                            });
                            let mangled = match (&**name, is_static) {
                                ("constructor", _) => format!("[constructor]{resource}"),
                                (_, true) => format!("[static]{resource}.{name}"),
                                (_, false) => format!("[method]{resource}.{name}"),
                            };
                            (owner, mangled)
                        }
                        _ => continue,
                    };
                    let instance = match owner {
                        Owner::Interface(id) => Some(interface_id_string(&graph, id)),
                        Owner::Inline { name, .. } => Some(name.to_string()),
                        // A world's own functions: only its exports are a component's.
                        Owner::World(_) if site.kind == DefKind::Export => None,
                        Owner::World(_) => continue,
                    };
                    let docs = def_node(&tree, site.name).and_then(|n| docs(&n));
                    if let Some(docs) = docs {
                        found.push(DocumentedFunc {
                            instance,
                            function,
                            docs,
                        });
                    }
                }
            }
            found
        })
    }

    /// The runnable worlds of the package that `path` belongs to.
    pub fn runnables(&self, path: &std::path::Path) -> Cancellable<Vec<RunnableWorld>> {
        self.catch(|db| {
            let Some((root, _)) = self.locate(db, path) else {
                return Vec::new();
            };
            let worlds = own_worlds_in(db, root);
            worlds
                .iter()
                .filter_map(|(world, id)| runnable_world(db, root, world, id, &worlds))
                .collect()
        })
    }
}

/// The worlds of a root's own package.
pub(super) fn own_worlds_in(db: &dyn salsa::Database, root: Root) -> Vec<(String, ItemId)> {
    let graph = package_graph(db, root);
    let Some(pkg) = graph.main else {
        return Vec::new();
    };
    let items = crate::semantics::package_items(db, root);
    let Some(names) = items.per_pkg.get(pkg.0 as usize) else {
        return Vec::new();
    };
    names
        .iter()
        .filter(|(_, d)| d.kind == crate::semantics::ItemKind::World)
        .map(|(name, _)| {
            let id = ItemId {
                pkg,
                name: name.clone(),
            };
            (name.to_string(), id)
        })
        .collect()
}

fn runnable_world(
    db: &dyn salsa::Database,
    root: Root,
    name: &str,
    world: &ItemId,
    own_worlds: &[(String, ItemId)],
) -> Option<RunnableWorld> {
    let (file, site) = find_def(db, root, &Def::Item(world.clone()))?;
    let graph = package_graph(db, root);
    let mut funcs = Vec::new();
    for (key, item) in world_elaboration(db, root, world.clone()).exports.iter() {
        match (key, item.kind) {
            (WorldKey::Name(n), WorldItemKind::Func) => {
                // One that came in through an `include` is defined in another world of the
                // package; the lens goes there.
                let mut owners = std::iter::once(world).chain(
                    own_worlds
                        .iter()
                        .map(|(_, id)| id)
                        .filter(|_| item.included),
                );
                let found = owners.find_map(|w| {
                    let def = Def::Func {
                        owner: Owner::World(w.clone()),
                        name: n.as_str().into(),
                    };
                    func(db, root, &def, n.clone())
                });
                funcs.extend(found);
            }
            (WorldKey::Name(n), WorldItemKind::Interface) if item.iface.is_none() => {
                let owner = Owner::Inline {
                    world: world.clone(),
                    name: n.as_str().into(),
                };
                funcs.extend(owner_funcs(db, root, &owner, n));
            }
            (WorldKey::Name(n), WorldItemKind::Interface) => {
                // `export name: path`: the interface's functions, called through the name.
                let iface = item.iface.clone()?;
                funcs.extend(owner_funcs(db, root, &Owner::Interface(iface), n));
            }
            (WorldKey::Interface(iface), _) => {
                let prefix = interface_id_string(&graph, iface);
                funcs.extend(owner_funcs(
                    db,
                    root,
                    &Owner::Interface(iface.clone()),
                    &prefix,
                ));
            }
            _ => {}
        }
    }
    Some(RunnableWorld {
        name: name.to_string(),
        root: root.path(db).clone(),
        path: file.path(db).clone(),
        focus_range: site.name,
        funcs,
    })
}

/// The freestanding functions of an interface, named `PREFIX.name`.
fn owner_funcs(
    db: &dyn salsa::Database,
    root: Root,
    owner: &Owner,
    prefix: &str,
) -> Vec<RunnableFunc> {
    let Some(file) = super::defs::owner_file(db, root, owner) else {
        return Vec::new();
    };
    file_index(db, root, file)
        .defs
        .iter()
        .filter_map(|site| match &site.def {
            Def::Func { owner: o, name } if o == owner => {
                func(db, root, &site.def, format!("{prefix}.{name}"))
            }
            _ => None,
        })
        .collect()
}

fn func(db: &dyn salsa::Database, root: Root, def: &Def, export: String) -> Option<RunnableFunc> {
    let (file, site) = find_def(db, root, def)?;
    if !matches!(site.kind, DefKind::Func | DefKind::Export) {
        return None;
    }
    let tree = parse(db, file).syntax_node();
    let node = def_node(&tree, site.name)?;
    let params = node
        .descendants()
        .find(|n| n.kind() == PARAM_LIST)
        .map_or(0, |list| {
            list.children().filter(|p| p.kind() == PARAM).count()
        });
    Some(RunnableFunc {
        export,
        path: file.path(db).clone(),
        focus_range: site.name,
        signature: signature(&node, 1),
        params,
        docs: docs(&node),
    })
}
