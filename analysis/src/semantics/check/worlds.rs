//! The local rules of a world: its `use`s and types, `include`s that exist, imports and
//! exports that are unique and resolve. (What includes and elaboration add is checked in
//! `semantics::world`.)

use super::functions::mangle;
use super::{Checker, Entry, Owner};
use crate::fx::{IndexMap, IndexSet};
use crate::hir::*;
use crate::semantics::names::NameScope;
use crate::semantics::scope::world_uses_and_types;
use crate::semantics::{At, ItemId, ItemKind};

impl Checker<'_> {
    pub(super) fn world(&mut self, w: &World) {
        let world_id = ItemId {
            pkg: self.owner,
            name: w.name.name.clone(),
        };
        self.gate(&w.attrs, w.name.span);
        let world_deprecated = self.in_deprecated;
        let world_excluded = self.excluded(&w.attrs);
        let container = world_excluded.then_some("world");
        let owner = Owner::World(world_id.clone());
        let (uses, defs) = world_uses_and_types(&w.members);
        let lookup = self.resolve_types(&uses, &defs, &owner, container);

        for m in &w.members {
            if let WorldMember::Include(inc) = m {
                self.gate(&inc.attrs, inc.path.name().span);
                let inc_excluded = self.excluded(&inc.attrs);
                if inc_excluded && matches!(inc.path, UsePath::Package { .. }) {
                    self.package_must_exist(&inc.path);
                    continue;
                }
                if let Some(target) = self.resolve(&inc.path, ItemKind::World) {
                    if !world_excluded && !inc_excluded && self.item_excluded(&target) {
                        self.excluded_item(&inc.path, "world", inc.path.name().span);
                    }
                    self.out.include_refs.push(target);
                }
            }
        }

        #[derive(PartialEq, Eq, Hash, Clone)]
        enum Key {
            Name(String),
            Iface(ItemId),
        }
        let mut import_names = NameScope::default();
        let mut export_names = NameScope::default();
        let mut imports: IndexMap<Key, &'static str> = IndexMap::default();
        let mut exports: IndexMap<Key, &'static str> = IndexMap::default();
        for (name, entry) in &lookup {
            if let Entry::Type { span, .. } = entry {
                if let Err(d) = import_names.define(name, self.at(*span)) {
                    self.out.diags.push(d);
                }
                imports.insert(Key::Name(name.to_string()), "type");
            }
        }
        let mut imported: IndexSet<ItemId> = IndexSet::default();
        let mut exported: IndexSet<ItemId> = IndexSet::default();
        for m in &w.members {
            let (e, desc) = match m {
                WorldMember::Import(e) => (e, "import"),
                WorldMember::Export(e) => (e, "export"),
                WorldMember::Type(
                    def @ TypeDef {
                        kind: TypeDefKind::Resource(_),
                        ..
                    },
                ) => {
                    let funcs =
                        self.resource_funcs(def, &lookup, world_excluded, &mut import_names);
                    for mangled in funcs {
                        imports.insert(Key::Name(mangled), "func");
                    }
                    continue;
                }
                _ => continue,
            };
            let span = e.kind.span();
            self.gate(&e.attrs, span);
            self.in_deprecated = world_deprecated || !e.attrs.deprecated.is_empty();
            let item_excluded = world_excluded || self.excluded(&e.attrs);
            let (key, item_kind) = match &e.kind {
                ExternKind::Interface { name, members } => {
                    let inline = Owner::Inline {
                        world: world_id.clone(),
                        name: name.name.clone(),
                    };
                    // The inline interface's references are its own, not the world's.
                    let world_refs = std::mem::take(&mut self.referenced);
                    self.interface_members(members, &inline, item_excluded);
                    self.referenced = world_refs;
                    (Key::Name(name.name.to_string()), "interface")
                }
                ExternKind::Func(f) => {
                    let (mangled, kind) = mangle(f, None);
                    self.function(f, &mangled, kind, None, &lookup, item_excluded);
                    (Key::Name(mangled), "func")
                }
                ExternKind::Path(path) | ExternKind::NamedPath { path, .. } => {
                    // A gated-off import of another package's interface is not looked up.
                    if item_excluded && matches!(path, UsePath::Package { .. }) {
                        self.package_must_exist(path);
                        continue;
                    }
                    let Some(id) = self.resolve(path, ItemKind::Interface) else {
                        continue;
                    };
                    if !item_excluded && self.item_excluded(&id) {
                        self.excluded_item(path, "interface", span);
                    }
                    match &e.kind {
                        ExternKind::NamedPath { label, .. } => {
                            (Key::Name(label.name.to_string()), "interface")
                        }
                        _ => (Key::Iface(id), "interface"),
                    }
                }
            };
            let (set, map, names) = if desc == "import" {
                (&mut imported, &mut imports, &mut import_names)
            } else {
                (&mut exported, &mut exports, &mut export_names)
            };
            if let Key::Iface(id) = &key
                && !set.insert(id.clone())
            {
                let message = format!("interface cannot be {desc}ed more than once");
                self.error("duplicate-name", message, span);
                continue;
            }
            if let Some(prev) = map.get(&key) {
                let Key::Name(name) = &key else { continue };
                let message = format!("{desc} `{name}` conflicts with prior {prev} of same name");
                self.error("duplicate-name", message, span);
                continue;
            }
            map.insert(key.clone(), item_kind);
            if let Key::Name(name) = &key
                && let Err(d) = names.define(name, At::Span(self.file, span))
            {
                self.out.diags.push(d);
            }
        }
        self.in_deprecated = world_deprecated;
        self.note_unused_uses(&owner, &lookup);
    }
}
