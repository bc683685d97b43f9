//! Worlds as wit-parser elaborates them: own items, then `include`d worlds (with renames),
//! then the interfaces that imports and exports depend on. What can go wrong on the way:
//! names shadowed or not found by `include ... with`, names that are no longer strongly
//! unique, setters without getters, and exports whose dependencies would have to be both
//! imported and exported.

use std::sync::Arc;

use crate::fx::IndexMap;

use super::binary::{BinItemKind, BinWorldItem, binary_packages};
use super::gates::{self, Stability};
use super::items::{ItemSrc, decl_list, package_items, resolve_path};
use super::packages::{PackageGraph, package_graph};
use super::{At, Diag, ItemId, ItemKind};
use crate::hir::*;
use crate::input::Root;

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

/// The interfaces whose types an interface uses (wit-parser's direct dependencies).
#[salsa::tracked(returns(clone), cycle_result = deps_cycle)]
pub fn interface_deps(db: &dyn salsa::Database, root: Root, iface: ItemId) -> Arc<Vec<ItemId>> {
    let items = package_items(db, root);
    let graph = package_graph(db, root);
    let Some(def) = items.def(&iface) else {
        return Arc::default();
    };
    let mut out: Vec<ItemId> = Vec::new();
    match def.src {
        ItemSrc::Binary { file, pkg } => {
            let decoded = binary_packages(db, file);
            if let Some(bin) = decoded
                .packages
                .get(pkg as usize)
                .and_then(|p| p.interfaces.get(&*iface.name))
            {
                for (pkg_name, name) in &bin.deps {
                    if let Some(p) = graph.find(pkg_name) {
                        out.push(ItemId {
                            pkg: p,
                            name: name.as_str().into(),
                        });
                    }
                }
            }
        }
        ItemSrc::Wit { file, list, index } => {
            let tree = item_tree(db, file);
            let Some(TopItem::Interface(i)) =
                decl_list(&tree, list).and_then(|l| l.items.get(index as usize))
            else {
                return Arc::default();
            };
            let Some(owner) = graph.owner(file, list) else {
                return Arc::default();
            };
            for m in &i.members {
                let Member::Use(u) = m else { continue };
                if u.names.is_empty() {
                    continue;
                }
                if let Ok(target) = resolve_path(
                    db,
                    root,
                    &graph,
                    &items,
                    file,
                    list,
                    owner,
                    &u.path,
                    ItemKind::Interface,
                ) && !out.contains(&target)
                {
                    out.push(target);
                }
            }
        }
    }
    Arc::new(out)
}

fn deps_cycle(
    _db: &dyn salsa::Database,
    _id: salsa::Id,
    _root: Root,
    _iface: ItemId,
) -> Arc<Vec<ItemId>> {
    Arc::default()
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
    let package = &graph.package(owner).name;
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
    let item = |kind, iface: Option<ItemId>| WorldItem {
        kind,
        iface,
        dep: None,
        inline_deps: Vec::new(),
        included: false,
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
                    let mut it = item(WorldItemKind::Type, None);
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
                    .or_insert(item(WorldItemKind::Type, None));
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
                    let key = WorldKey::Name(resource_func_name(&name.name, rf));
                    out.imports
                        .entry(key)
                        .or_insert(item(WorldItemKind::Func, None));
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
                let (key, it) = match &e.kind {
                    ExternKind::Func(f) => (
                        WorldKey::Name(func_name(f)),
                        item(WorldItemKind::Func, None),
                    ),
                    ExternKind::Interface { name, members } => {
                        let mut it = item(WorldItemKind::Interface, None);
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
                            item(WorldItemKind::Interface, Some(id)),
                        ),
                        None => continue,
                    },
                    ExternKind::NamedPath { label, path } => (
                        WorldKey::Name(label.name.to_string()),
                        item(WorldItemKind::Interface, resolve(path, ItemKind::Interface)),
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
        let at = At::Span(own.file, inc.path.name().span);
        let from = world_elaboration(db, root, target);
        let mut unmatched: Vec<&(Ident, Ident)> = inc.names.iter().collect();
        for key in from.imports.keys().chain(from.exports.keys()) {
            if let WorldKey::Name(n) = key {
                unmatched.retain(|(name, as_)| rename(n, &name.name, &as_.name).is_none());
            }
        }
        if let Some((name, _)) = unmatched.first() {
            diags.push(Diag::error(
                "unresolved-name",
                format!(
                    "no import or export kebab-name `{}`. Note that an ID does not support renaming",
                    name.name
                ),
                at.clone(),
            ));
        }
        for (desc, from_map, into) in [
            ("import", &from.imports, &mut out.imports),
            ("export", &from.exports, &mut out.exports),
        ] {
            for (key, it) in from_map {
                let mut it = it.clone();
                it.included = true;
                match key {
                    WorldKey::Name(n) => {
                        let renamed = inc
                            .names
                            .iter()
                            .find_map(|(name, as_)| rename(n, &name.name, &as_.name))
                            .unwrap_or_else(|| n.clone());
                        let key = WorldKey::Name(renamed.clone());
                        if into.contains_key(&key) {
                            diags.push(Diag::error(
                                "duplicate-name",
                                format!("{desc} of `{renamed}` shadows previously {desc}ed items"),
                                at.clone(),
                            ));
                            continue;
                        }
                        into.insert(key, it);
                    }
                    WorldKey::Interface(_) => {
                        into.entry(key.clone()).or_insert(it);
                    }
                }
            }
        }
    }

    let world_at = At::Span(own.file, own.world.name.span);
    unique_after_includes(&out, &own.world.name.name, &world_at, diags);
    setters_have_getters(&out, own, diags);
    let _ = package;
    elaborate_imports_and_exports(db, root, &graph, &mut out, &world_at, diags);
    out
}

fn func_name(f: &Func) -> String {
    match f.accessor {
        None => f.name.name.to_string(),
        Some(Accessor::Getter) => format!("[get]{}", f.name.name),
        Some(Accessor::Setter) => format!("[set]{}", f.name.name),
    }
}

fn resource_func_name(resource: &str, rf: &ResourceFunc) -> String {
    let accessor = match rf.func.accessor {
        None => "",
        Some(Accessor::Getter) => "[get]",
        Some(Accessor::Setter) => "[set]",
    };
    match rf.kind {
        ResourceFuncKind::Constructor => format!("[constructor]{resource}"),
        ResourceFuncKind::Method => format!("[method]{accessor}{resource}.{}", rf.func.name.name),
        ResourceFuncKind::Static => format!("[static]{accessor}{resource}.{}", rf.func.name.name),
    }
}

/// wit-parser's renaming of an included name: the whole label, or the resource part of a
/// `[method]r.m` name.
fn rename(original: &str, from: &str, to: &str) -> Option<String> {
    let mut prefix_len = 0;
    while original[prefix_len..].starts_with('[') {
        let close = original[prefix_len..].find(']')?;
        prefix_len += close + 1;
    }
    let (prefix, rest) = original.split_at(prefix_len);
    match rest.split_once('.') {
        Some((resource, func)) if resource == from => Some(format!("{prefix}{to}.{func}")),
        None if rest == from => Some(format!("{prefix}{to}")),
        _ => None,
    }
}

fn unique_after_includes(items: &WorldItems, world: &str, at: &At, diags: &mut Vec<Diag>) {
    for (desc, map) in [("import", &items.imports), ("export", &items.exports)] {
        let mut seen: IndexMap<wasmparser::names::ComponentName, (&str, bool)> =
            IndexMap::default();
        for (key, it) in map {
            let WorldKey::Name(name) = key else { continue };
            let Ok(parsed) = wasmparser::names::ComponentName::new_with_features(
                name,
                0,
                wasmparser::WasmFeatures::all(),
            ) else {
                continue;
            };
            if let Some(&(prev, prev_included)) = seen.get(&parsed) {
                // Conflicts among the world's own names were reported where they are written.
                if it.included || prev_included {
                    diags.push(Diag::error(
                        "duplicate-name",
                        format!(
                            "{desc} `{name}` in world `{world}` conflicts with {desc} `{prev}` (names must be strongly unique)"
                        ),
                        at.clone(),
                    ));
                }
                continue;
            }
            seen.insert(parsed, (name, it.included));
        }
    }
}

fn setters_have_getters(items: &WorldItems, own: Own<'_>, diags: &mut Vec<Diag>) {
    for (desc, map) in [("import", &items.imports), ("export", &items.exports)] {
        for (key, it) in map {
            let WorldKey::Name(name) = key else { continue };
            if it.kind != WorldItemKind::Func {
                continue;
            }
            let Some(pos) = name.find("[set]") else {
                continue;
            };
            let getter = format!("{}[get]{}", &name[..pos], &name[pos + 5..]);
            if map.contains_key(&WorldKey::Name(getter.clone())) {
                continue;
            }
            let span = own_span(own.world, name).unwrap_or(own.world.name.span);
            diags.push(Diag::error(
                "invalid-accessor",
                format!(
                    "{desc} `{name}` in world `{}` has no corresponding getter `{getter}`",
                    own.world.name.name
                ),
                At::Span(own.file, span),
            ));
        }
    }
}

/// Where a world's own item of this (mangled) name is written; an included item points at
/// the `include`.
fn own_span(world: &World, mangled: &str) -> Option<SpanId> {
    for m in &world.members {
        match m {
            WorldMember::Import(e) | WorldMember::Export(e) => {
                if let ExternKind::Func(f) = &e.kind
                    && func_name(f) == mangled
                {
                    return Some(f.name.span);
                }
            }
            WorldMember::Type(TypeDef {
                name,
                kind: TypeDefKind::Resource(funcs),
                ..
            }) => {
                for rf in funcs {
                    if resource_func_name(&name.name, rf) == mangled {
                        return Some(rf.func.name.span);
                    }
                }
            }
            _ => {}
        }
    }
    world.members.iter().find_map(|m| match m {
        WorldMember::Include(i) => Some(i.path.name().span),
        _ => None,
    })
}

/// Adds the interfaces imports depend on, and checks that exports' dependencies can be met
/// without one interface being both imported and exported (WebAssembly/component-model#208).
fn elaborate_imports_and_exports(
    db: &dyn salsa::Database,
    root: Root,
    graph: &PackageGraph,
    items: &mut WorldItems,
    world_at: &At,
    diags: &mut Vec<Diag>,
) {
    let deps = |id: &ItemId| interface_deps(db, root, id.clone());
    let mut imports: IndexMap<WorldKey, WorldItem> = IndexMap::default();
    fn add_import(
        imports: &mut IndexMap<WorldKey, WorldItem>,
        key: WorldKey,
        it: WorldItem,
        deps: &dyn Fn(&ItemId) -> Arc<Vec<ItemId>>,
        depth: u32,
    ) {
        if imports.contains_key(&key) || depth > 500 {
            return;
        }
        let direct = match &it.iface {
            Some(id) => deps(id),
            None => Arc::new(it.inline_deps.clone()),
        };
        for dep in direct.iter() {
            let dep_item = WorldItem {
                kind: WorldItemKind::Interface,
                iface: Some(dep.clone()),
                dep: None,
                inline_deps: Vec::new(),
                included: false,
            };
            add_import(
                imports,
                WorldKey::Interface(dep.clone()),
                dep_item,
                deps,
                depth + 1,
            );
        }
        imports.insert(key, it);
    }
    let old = std::mem::take(&mut items.imports);
    for (key, it) in old {
        if it.kind == WorldItemKind::Type
            && let Some(dep) = &it.dep
        {
            let dep_item = WorldItem {
                kind: WorldItemKind::Interface,
                iface: Some(dep.clone()),
                dep: None,
                inline_deps: Vec::new(),
                included: false,
            };
            add_import(
                &mut imports,
                WorldKey::Interface(dep.clone()),
                dep_item,
                &deps,
                0,
            );
        }
        add_import(&mut imports, key, it, &deps, 0);
    }

    let export_ifaces: IndexMap<WorldKey, WorldItem> = items
        .exports
        .iter()
        .filter(|(_, it)| it.kind == WorldItemKind::Interface)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut exports: IndexMap<WorldKey, WorldItem> = items
        .exports
        .iter()
        .filter(|(_, it)| it.kind != WorldItemKind::Interface)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut required: Vec<ItemId> = Vec::new();
    for (key, it) in &export_ifaces {
        let ok = add_export(
            &mut imports,
            &mut exports,
            &export_ifaces,
            &mut required,
            key.clone(),
            it.clone(),
            true,
            &deps,
            0,
        );
        if !ok {
            let name = match key {
                WorldKey::Name(n) => n.clone(),
                WorldKey::Interface(id) => interface_id_string(graph, id),
            };
            diags.push(Diag::error(
                "incompatible-dependencies",
                format!(
                    "interface `{name}` transitively depends on an interface in incompatible ways: an \
                     interface it depends on would have to be both imported and exported; export that \
                     interface too, or stop exporting the one that depends on it"
                ),
                world_at.clone(),
            ));
        }
    }
    items.imports = imports;
    items.exports = exports;
}

#[allow(clippy::too_many_arguments)]
fn add_export(
    imports: &mut IndexMap<WorldKey, WorldItem>,
    exports: &mut IndexMap<WorldKey, WorldItem>,
    export_ifaces: &IndexMap<WorldKey, WorldItem>,
    required: &mut Vec<ItemId>,
    key: WorldKey,
    it: WorldItem,
    add: bool,
    deps: &dyn Fn(&ItemId) -> Arc<Vec<ItemId>>,
    depth: u32,
) -> bool {
    if exports.contains_key(&key) {
        return add;
    }
    if depth > 500 {
        return true;
    }
    let id = it.iface.clone();
    if let Some(id) = &id
        && !add
        && required.contains(id)
    {
        return true;
    }
    let direct = match &id {
        Some(id) => deps(id),
        None => Arc::new(it.inline_deps.clone()),
    };
    for dep in direct.iter() {
        let dep_key = WorldKey::Interface(dep.clone());
        let dep_item = WorldItem {
            kind: WorldItemKind::Interface,
            iface: Some(dep.clone()),
            dep: None,
            inline_deps: Vec::new(),
            included: false,
        };
        let add_dep = add && export_ifaces.contains_key(&dep_key);
        if !add_export(
            imports,
            exports,
            export_ifaces,
            required,
            dep_key,
            dep_item,
            add_dep,
            deps,
            depth + 1,
        ) {
            return false;
        }
    }
    let Some(id) = id else {
        if add {
            exports.insert(key, it);
        }
        return true;
    };
    if add {
        if required.contains(&id) {
            return false;
        }
        exports.insert(key, it);
    } else {
        required.push(id);
        imports.entry(key).or_insert(it);
    }
    true
}

/// `ns:pkg/iface@version`, as wit-parser names an interface.
pub fn interface_id_string(graph: &PackageGraph, id: &ItemId) -> String {
    let pkg = &graph.package(id.pkg).name;
    let mut s = format!("{}:{}/{}", pkg.namespace, pkg.name, id.name);
    if let Some(v) = &pkg.version {
        s.push_str(&format!("@{v}"));
    }
    s
}
