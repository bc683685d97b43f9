//! Worlds as wit-parser elaborates them: own items, then `include`d worlds (with renames),
//! then the interfaces that imports and exports depend on. What can go wrong on the way:
//! names shadowed or not found by `include ... with`, names that are no longer strongly
//! unique, setters without getters, and exports whose dependencies would have to be both
//! imported and exported.

use std::sync::Arc;

use crate::fx::IndexMap;

mod deps;
mod include;

use super::binary::{BinItemKind, BinWorldItem, binary_packages};
use super::check::mangle;
use super::gates::{self, Stability};
use super::items::{ItemSrc, decl_list, package_items, resolve_path};
use super::packages::package_graph;
use super::{At, Diag, ItemId, ItemKind};
use crate::hir::*;
use crate::input::Root;

pub use deps::interface_id_string;

/// A key of a world's imports or exports: a name, or an interface imported by its path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WorldKey {
    Name(String),
    Interface(ItemId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldItem {
    pub kind: WorldItemKind,
    /// The interface, for interface items with a path.
    pub iface: Option<ItemId>,
    /// For types brought in by `use`: the interface they come from.
    pub dep: Option<ItemId>,
    /// For inline interfaces: the interfaces their `use`s name.
    pub inline_deps: Vec<ItemId>,
    /// Came in through an `include`.
    pub included: bool,
    /// Where the world says it: the item's own name, the `include` that brought it, or for
    /// an interface added because another needs it, where that other one is said.
    pub origin: Option<(crate::input::File, SpanId)>,
}

impl WorldItem {
    /// An interface imported because `needed_by` needs it, said where that one is said.
    fn dependency(iface: ItemId, needed_by: &WorldItem) -> WorldItem {
        WorldItem {
            kind: WorldItemKind::Interface,
            iface: Some(iface),
            dep: None,
            inline_deps: Vec::new(),
            included: false,
            origin: needed_by.origin,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorldItemKind {
    Func,
    Type,
    Interface,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorldItems {
    pub imports: IndexMap<WorldKey, WorldItem>,
    pub exports: IndexMap<WorldKey, WorldItem>,
}

/// A world's imports and exports after `include`s and elaboration.
#[salsa::tracked(returns(clone), cycle_result = world_cycle)]
pub fn world_elaboration(db: &dyn salsa::Database, root: Root, world: ItemId) -> Arc<WorldItems> {
    Arc::new(elaborate(db, root, &world, &mut Vec::new()))
}

fn world_cycle(
    _db: &dyn salsa::Database,
    _id: salsa::Id,
    _root: Root,
    _world: ItemId,
) -> Arc<WorldItems> {
    Arc::default()
}

/// What is wrong with a world once it is elaborated (positions in the world's file).
#[salsa::tracked(returns(clone))]
pub fn world_diags(db: &dyn salsa::Database, root: Root, world: ItemId) -> Arc<Vec<Diag>> {
    let mut diags = Vec::new();
    elaborate(db, root, &world, &mut diags);
    Arc::new(diags)
}

struct Own<'a> {
    world: &'a World,
    file: crate::input::File,
    list: DeclListId,
}

fn elaborate(
    db: &dyn salsa::Database,
    root: Root,
    world: &ItemId,
    diags: &mut Vec<Diag>,
) -> WorldItems {
    let items = package_items(db, root);
    let graph = package_graph(db, root);
    let Some(def) = items.def(world) else {
        return WorldItems::default();
    };
    if def.kind != ItemKind::World {
        return WorldItems::default();
    }
    let tree;
    let own = match def.src {
        ItemSrc::Binary { file, pkg } => {
            let decoded = binary_packages(db, file);
            let Some(bin) = decoded
                .packages
                .get(pkg as usize)
                .and_then(|p| p.worlds.get(&*world.name))
            else {
                return WorldItems::default();
            };
            let convert = |list: &[BinWorldItem]| -> IndexMap<WorldKey, WorldItem> {
                list.iter()
                    .filter_map(|i| match i {
                        BinWorldItem::Named { name, kind } => Some((
                            WorldKey::Name(name.clone()),
                            WorldItem {
                                kind: match kind {
                                    BinItemKind::Func => WorldItemKind::Func,
                                    BinItemKind::Type => WorldItemKind::Type,
                                    BinItemKind::Interface => WorldItemKind::Interface,
                                },
                                iface: None,
                                dep: None,
                                inline_deps: Vec::new(),
                                included: false,
                                origin: None,
                            },
                        )),
                        BinWorldItem::Interface(pkg, name) => {
                            let id = ItemId {
                                pkg: graph.find(pkg)?,
                                name: name.as_str().into(),
                            };
                            Some((
                                WorldKey::Interface(id.clone()),
                                WorldItem {
                                    kind: WorldItemKind::Interface,
                                    iface: Some(id),
                                    dep: None,
                                    inline_deps: Vec::new(),
                                    included: false,
                                    origin: None,
                                },
                            ))
                        }
                    })
                    .collect()
            };
            return WorldItems {
                imports: convert(&bin.imports),
                exports: convert(&bin.exports),
            };
        }
        ItemSrc::Wit { file, list, index } => {
            tree = item_tree(db, file);
            let Some(TopItem::World(w)) =
                decl_list(&tree, list).and_then(|l| l.items.get(index as usize))
            else {
                return WorldItems::default();
            };
            Own {
                world: w,
                file,
                list,
            }
        }
    };
    let Some(owner) = graph.owner(own.file, own.list) else {
        return WorldItems::default();
    };
    let features = root.features(db);
    let resolve = |path: &UsePath, kind: ItemKind| {
        resolve_path(
            db, root, &graph, &items, own.file, own.list, owner, path, kind,
        )
        .ok()
    };
    let mut scratch = Vec::new();
    let included = |attrs: &Attrs, scratch: &mut Vec<Diag>| {
        let st: Stability = gates::stability(attrs, own.file, scratch);
        gates::is_included(&st, features)
    };

    let mut out = WorldItems::default();
    let item = |kind, iface: Option<ItemId>, span: SpanId| WorldItem {
        kind,
        iface,
        dep: None,
        inline_deps: Vec::new(),
        included: false,
        origin: Some((own.file, span)),
    };
    // Own items: types (`use`d and defined), resource functions, then imports and exports.
    for m in &own.world.members {
        match m {
            WorldMember::Use(u) => {
                if !included(&u.attrs, &mut scratch) {
                    continue;
                }
                let dep = resolve(&u.path, ItemKind::Interface);
                for n in &u.names {
                    let mut it = item(WorldItemKind::Type, None, n.local().span);
                    it.dep = dep.clone();
                    out.imports
                        .entry(WorldKey::Name(n.local().name.to_string()))
                        .or_insert(it);
                }
            }
            WorldMember::Type(t) => {
                if !included(&t.attrs, &mut scratch) {
                    continue;
                }
                out.imports
                    .entry(WorldKey::Name(t.name.name.to_string()))
                    .or_insert(item(WorldItemKind::Type, None, t.name.span));
            }
            _ => {}
        }
    }
    for m in &own.world.members {
        match m {
            WorldMember::Type(TypeDef {
                name,
                attrs,
                kind: TypeDefKind::Resource(funcs),
            }) => {
                if !included(attrs, &mut scratch) {
                    continue;
                }
                for rf in funcs {
                    let key = WorldKey::Name(mangle(&rf.func, Some((&name.name, rf.kind))).0);
                    out.imports.entry(key).or_insert(item(
                        WorldItemKind::Func,
                        None,
                        rf.func.name.span,
                    ));
                }
            }
            WorldMember::Import(e) | WorldMember::Export(e) => {
                if !included(&e.attrs, &mut scratch) {
                    continue;
                }
                let map = if matches!(m, WorldMember::Import(_)) {
                    &mut out.imports
                } else {
                    &mut out.exports
                };
                let span = e.kind.span();
                let (key, it) = match &e.kind {
                    ExternKind::Func(f) => (
                        WorldKey::Name(mangle(f, None).0),
                        item(WorldItemKind::Func, None, span),
                    ),
                    ExternKind::Interface { name, members } => {
                        let mut it = item(WorldItemKind::Interface, None, span);
                        for m in members {
                            if let Member::Use(u) = m {
                                if u.names.is_empty() {
                                    continue;
                                }
                                if let Some(dep) = resolve(&u.path, ItemKind::Interface)
                                    && !it.inline_deps.contains(&dep)
                                {
                                    it.inline_deps.push(dep);
                                }
                            }
                        }
                        (WorldKey::Name(name.name.to_string()), it)
                    }
                    ExternKind::Path(p) => match resolve(p, ItemKind::Interface) {
                        Some(id) => (
                            WorldKey::Interface(id.clone()),
                            item(WorldItemKind::Interface, Some(id), span),
                        ),
                        None => continue,
                    },
                    ExternKind::NamedPath { label, path } => (
                        WorldKey::Name(label.name.to_string()),
                        item(
                            WorldItemKind::Interface,
                            resolve(path, ItemKind::Interface),
                            span,
                        ),
                    ),
                };
                map.entry(key).or_insert(it);
            }
            _ => {}
        }
    }

    // `include`s, in order.
    for m in &own.world.members {
        let WorldMember::Include(inc) = m else {
            continue;
        };
        if !included(&inc.attrs, &mut scratch) {
            continue;
        }
        let Some(target) = resolve(&inc.path, ItemKind::World) else {
            continue;
        };
        let from = world_elaboration(db, root, target);
        include::merge(own.file, inc, &from, &mut out, diags);
    }

    let world_at = At::Span(own.file, own.world.name.span);
    include::unique_after_includes(&out, &own.world.name.name, &world_at, diags);
    include::setters_have_getters(&out, own, diags);
    deps::elaborate_imports_and_exports(db, root, &graph, &mut out, &world_at, diags);
    out
}
