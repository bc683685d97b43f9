//! The interfaces a world's imports and exports depend on, added as wit-parser elaborates
//! them, and exports whose dependencies would have to be both imported and exported.

use std::sync::Arc;

use super::{WorldItem, WorldItemKind, WorldItems, WorldKey};
use crate::fx::IndexMap;
use crate::hir::*;
use crate::input::Root;
use crate::semantics::binary::binary_packages;
use crate::semantics::items::{ItemSrc, decl_list, package_items, resolve_path};
use crate::semantics::packages::{PackageGraph, package_graph};
use crate::semantics::{At, Diag, ItemId, ItemKind};

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

/// Adds the interfaces imports depend on, and checks that exports' dependencies can be met
/// without one interface being both imported and exported (WebAssembly/component-model#208).
pub(super) fn elaborate_imports_and_exports(
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
            let dep_item = WorldItem::dependency(dep.clone(), &it);
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
            let dep_item = WorldItem::dependency(dep.clone(), &it);
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
        let dep_item = WorldItem::dependency(dep.clone(), &it);
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
