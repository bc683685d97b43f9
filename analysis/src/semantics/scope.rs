//! What an interface defines, as other items see it: its type names (its own definitions
//! and the names it `use`s) and its function names, with the facts about each type that
//! checks elsewhere need (is it a resource, does it contain a `borrow`). No positions, so
//! that edits which move text but change no names leave every user of the scope alone.

use crate::fx::HashMap;
use std::sync::Arc;

use crate::fx::IndexMap;

use super::items::{ItemSrc, decl_list, package_items, resolve_path};
use super::packages::package_graph;
use super::{ItemId, ItemKind};
use crate::hir::{
    Member, Name, TopItem, TypeDef, TypeDefKind, TypeRef, TypeRefKind, Use, WorldMember, item_tree,
};
use crate::input::Root;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IfaceScope {
    /// Names in definition order: `use`d names, then type definitions, then functions.
    pub entries: IndexMap<Name, ScopeEntry>,
    /// The interface is gated off by `@unstable` with its feature not enabled.
    pub excluded: bool,
    /// The interface `use`s itself through others (a cycle, reported as such): its names
    /// are not known, and nothing is to be said of names asked of it.
    pub cyclic: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeEntry {
    /// `excluded`: gated off by `@unstable` with its feature not enabled.
    /// `excluded`: gated off by `@unstable` with its feature not enabled; `deprecated`: the
    /// version of its `@deprecated`, if it has one.
    Type {
        facts: TypeFacts,
        shape: TypeShape,
        excluded: bool,
        deprecated: Option<semver::Version>,
    },
    Func,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TypeFacts {
    /// A resource, or an alias of one.
    pub resource: bool,
    /// Contains a `borrow<T>` somewhere inside.
    pub borrow: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeShape {
    /// Defined in this interface.
    Def,
    /// Brought in by `use` from another interface.
    Used {
        from: ItemId,
        name: crate::hir::Name,
    },
}

impl IfaceScope {
    pub fn facts(&self, name: &str) -> Option<TypeFacts> {
        match self.entries.get(name)? {
            ScopeEntry::Type { facts, .. } => Some(*facts),
            ScopeEntry::Func => None,
        }
    }
}

/// Whether attributes gate an item off: `@unstable` with a feature that is not enabled.
pub fn is_excluded(attrs: &crate::hir::Attrs, features: &crate::input::Features) -> bool {
    attrs
        .unstable_feature()
        .is_some_and(|f| !features.is_enabled(f))
}

/// The scope of a named interface of a root. A `use` cycle between interfaces (an error
/// reported elsewhere) yields an empty scope rather than endless recursion.
#[salsa::tracked(returns(clone), cycle_result = scope_cycle)]
pub fn interface_scope(db: &dyn salsa::Database, root: Root, iface: ItemId) -> Arc<IfaceScope> {
    let items = package_items(db, root);
    let Some(def) = items.def(&iface) else {
        return Arc::default();
    };
    if def.kind != ItemKind::Interface {
        return Arc::default();
    }
    match def.src {
        ItemSrc::Binary { file, pkg } => {
            let decoded = super::binary::binary_packages(db, file);
            let Some(bin) = decoded
                .packages
                .get(pkg as usize)
                .and_then(|p| p.interfaces.get(&*iface.name))
            else {
                return Arc::default();
            };
            let mut scope = IfaceScope::default();
            for (name, t) in &bin.types {
                let facts = TypeFacts {
                    resource: t.resource,
                    borrow: t.borrow,
                };
                scope.entries.insert(
                    name.as_str().into(),
                    ScopeEntry::Type {
                        facts,
                        shape: TypeShape::Def,
                        excluded: false,
                        deprecated: None,
                    },
                );
            }
            for f in &bin.funcs {
                scope
                    .entries
                    .entry(f.as_str().into())
                    .or_insert(ScopeEntry::Func);
            }
            Arc::new(scope)
        }
        ItemSrc::Wit { file, list, index } => {
            let tree = item_tree(db, file);
            let Some(TopItem::Interface(i)) =
                decl_list(&tree, list).and_then(|l| l.items.get(index as usize))
            else {
                return Arc::default();
            };
            let graph = package_graph(db, root);
            let Some(owner) = graph.owner(file, list) else {
                return Arc::default();
            };
            let resolve_use = |path: &crate::hir::UsePath| {
                resolve_path(
                    db,
                    root,
                    &graph,
                    &items,
                    file,
                    list,
                    owner,
                    path,
                    ItemKind::Interface,
                )
                .ok()
            };
            let mut scope = members_scope(db, root, &i.members, &resolve_use);
            scope.excluded = is_excluded(&i.attrs, root.features(db));
            Arc::new(scope)
        }
    }
}

fn scope_cycle(
    _db: &dyn salsa::Database,
    _id: salsa::Id,
    _root: Root,
    _iface: ItemId,
) -> Arc<IfaceScope> {
    Arc::new(IfaceScope {
        cyclic: true,
        ..IfaceScope::default()
    })
}

/// The `use`s and the type definitions among an interface's members.
pub(crate) fn uses_and_types(members: &[Member]) -> (Vec<&Use>, Vec<&TypeDef>) {
    let mut uses = Vec::new();
    let mut defs = Vec::new();
    for m in members {
        match m {
            Member::Use(u) => uses.push(u),
            Member::Type(t) => defs.push(t),
            Member::Func(_) => {}
        }
    }
    (uses, defs)
}

/// The `use`s and the type definitions among a world's members.
pub(crate) fn world_uses_and_types(members: &[WorldMember]) -> (Vec<&Use>, Vec<&TypeDef>) {
    let mut uses = Vec::new();
    let mut defs = Vec::new();
    for m in members {
        match m {
            WorldMember::Use(u) => uses.push(u),
            WorldMember::Type(t) => defs.push(t),
            _ => {}
        }
    }
    (uses, defs)
}

/// The scope made by a list of interface members (also of an inline interface in a world).
pub fn members_scope(
    db: &dyn salsa::Database,
    root: Root,
    members: &[Member],
    resolve_use: &dyn Fn(&crate::hir::UsePath) -> Option<ItemId>,
) -> IfaceScope {
    let mut scope = IfaceScope::default();
    for m in members {
        let Member::Use(u) = m else { continue };
        let Some(target) = resolve_use(&u.path) else {
            continue;
        };
        let target_scope = interface_scope(db, root, target.clone());
        let excluded = is_excluded(&u.attrs, root.features(db));
        for n in &u.names {
            let Some(ScopeEntry::Type {
                facts, deprecated, ..
            }) = target_scope.entries.get(&n.name.name)
            else {
                continue;
            };
            let shape = TypeShape::Used {
                from: target.clone(),
                name: n.name.name.clone(),
            };
            scope
                .entries
                .entry(n.local().name.clone())
                .or_insert(ScopeEntry::Type {
                    facts: *facts,
                    shape,
                    excluded,
                    deprecated: deprecated.clone(),
                });
        }
    }
    let (_, defs) = uses_and_types(members);
    let facts = local_facts(&defs, &scope);
    for t in &defs {
        let f = facts.get(&*t.name.name).copied().unwrap_or_default();
        let excluded = is_excluded(&t.attrs, root.features(db));
        scope
            .entries
            .entry(t.name.name.clone())
            .or_insert(ScopeEntry::Type {
                facts: f,
                shape: TypeShape::Def,
                excluded,
                deprecated: t.attrs.deprecated.first().map(|d| d.0.clone()),
            });
    }
    for m in members {
        if let Member::Func(f) = m {
            scope
                .entries
                .entry(f.name.name.clone())
                .or_insert(ScopeEntry::Func);
        }
    }
    scope
}

/// Facts of the types defined in one scope, given the `use`d names already in `outer`.
/// Computed depth-first without recursion, so that alias chains of any length work; a cycle
/// (reported elsewhere) stops the search with no facts.
pub fn local_facts<'a>(defs: &[&'a TypeDef], outer: &IfaceScope) -> HashMap<&'a str, TypeFacts> {
    let by_name: HashMap<&str, &TypeDef> = defs.iter().map(|t| (&*t.name.name, *t)).collect();
    let mut done: HashMap<&'a str, TypeFacts> = HashMap::default();
    let mut on_stack: HashMap<&'a str, ()> = HashMap::default();
    for t in defs {
        // Each frame: a definition and whether its dependencies were pushed already.
        let mut stack: Vec<(&'a TypeDef, bool)> = vec![(t, false)];
        while let Some((def, expanded)) = stack.pop() {
            let name: &'a str = &def.name.name;
            if done.contains_key(name) {
                continue;
            }
            if !expanded {
                if on_stack.contains_key(name) {
                    // A cycle: no facts for the definitions on it.
                    continue;
                }
                on_stack.insert(name, ());
                stack.push((def, true));
                for dep in def_dependencies(def) {
                    if let Some(d) = by_name.get(dep)
                        && !done.contains_key(dep)
                        && !on_stack.contains_key(dep)
                    {
                        stack.push((d, false));
                    }
                }
                continue;
            }
            on_stack.remove(name);
            let lookup = |n: &str| -> TypeFacts {
                if by_name.contains_key(n) {
                    done.get(n).copied().unwrap_or_default()
                } else {
                    outer.facts(n).unwrap_or_default()
                }
            };
            let borrow_in = |ty: &TypeRef| {
                let mut found = false;
                ty.walk(|t| match &t.kind {
                    TypeRefKind::Borrow(_) => found = true,
                    TypeRefKind::Named(n) => found |= lookup(n).borrow,
                    _ => {}
                });
                found
            };
            let facts = match &def.kind {
                TypeDefKind::Resource(_) => TypeFacts {
                    resource: true,
                    borrow: false,
                },
                TypeDefKind::Alias(ty) => {
                    let resource = match &ty.kind {
                        TypeRefKind::Named(n) => lookup(n).resource,
                        _ => false,
                    };
                    TypeFacts {
                        resource,
                        borrow: borrow_in(ty),
                    }
                }
                TypeDefKind::Record(fields) => TypeFacts {
                    resource: false,
                    borrow: fields.iter().any(|f| borrow_in(&f.ty)),
                },
                TypeDefKind::Variant(cases) => TypeFacts {
                    resource: false,
                    borrow: cases.iter().filter_map(|c| c.ty.as_ref()).any(borrow_in),
                },
                TypeDefKind::Flags(_) | TypeDefKind::Enum(_) => TypeFacts::default(),
            };
            done.insert(name, facts);
        }
    }
    done
}

/// The names a type definition's facts depend on.
fn def_dependencies(def: &TypeDef) -> Vec<&str> {
    fn add<'a>(ty: &'a TypeRef, out: &mut Vec<&'a str>) {
        ty.walk(|t| {
            if let TypeRefKind::Named(n) = &t.kind {
                out.push(&**n);
            }
        })
    }
    let mut out = Vec::new();
    match &def.kind {
        TypeDefKind::Alias(t) => add(t, &mut out),
        TypeDefKind::Record(fields) => fields.iter().for_each(|f| add(&f.ty, &mut out)),
        TypeDefKind::Variant(cases) => cases
            .iter()
            .filter_map(|c| c.ty.as_ref())
            .for_each(|t| add(t, &mut out)),
        TypeDefKind::Flags(_) | TypeDefKind::Enum(_) | TypeDefKind::Resource(_) => {}
    }
    out
}
