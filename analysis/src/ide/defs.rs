//! What each name of a file defines or refers to: the index behind navigation, references,
//! rename, hover and symbols. Built per file from its item tree and its resolution, so it
//! costs a walk of one file after an edit.

use std::sync::Arc;

use witty_syntax::TextRange;

use crate::hir::{
    DeclList, DeclListId, ExternKind, Func, Member, Name, ResourceFuncKind, SpanMap, TopItem,
    TypeDef, TypeDefKind, WorldMember, item_tree, span_map,
};
use crate::input::{File, Root};
use crate::semantics::items::ItemSrc;
use crate::semantics::{
    ItemId, Owner, PackageGraph, PkgId, ScopeEntry, Target, TypeShape, file_check, interface_scope,
    package_graph, package_items,
};

/// Something a name can define: the identity that references, rename and hover share.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Def {
    Package(PkgId),
    /// An interface or a world.
    Item(ItemId),
    Type {
        owner: Owner,
        name: Name,
    },
    /// A function of an interface, or one a world imports or exports.
    Func {
        owner: Owner,
        name: Name,
    },
    /// A constructor (named `constructor`), method or static function of a resource.
    ResourceFunc {
        owner: Owner,
        resource: Name,
        name: Name,
    },
    /// A field, a case of a variant or an enum, or a flag.
    Member {
        owner: Owner,
        parent: Name,
        name: Name,
    },
    /// A parameter; `func` is the function's name in the component (`[method]r.m`, ...).
    Param {
        owner: Owner,
        func: Name,
        name: Name,
    },
    /// The name of an import or export of a world: `name: interface { }` or `name: path`.
    Extern {
        world: ItemId,
        name: Name,
    },
}

/// What kind of thing a definition is, for symbols, hover and completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DefKind {
    Package,
    Interface,
    World,
    TypeAlias,
    Record,
    Variant,
    Enum,
    Flags,
    Resource,
    Func,
    Constructor,
    Method,
    StaticFunc,
    Field,
    Case,
    EnumCase,
    Flag,
    Param,
    Import,
    Export,
}

impl DefKind {
    /// The keyword that introduces it, as a reader would call it.
    pub fn describe(self) -> &'static str {
        match self {
            DefKind::Package => "package",
            DefKind::Interface => "interface",
            DefKind::World => "world",
            DefKind::TypeAlias => "type",
            DefKind::Record => "record",
            DefKind::Variant => "variant",
            DefKind::Enum => "enum",
            DefKind::Flags => "flags",
            DefKind::Resource => "resource",
            DefKind::Func => "function",
            DefKind::Constructor => "constructor",
            DefKind::Method => "method",
            DefKind::StaticFunc => "static function",
            DefKind::Field => "field",
            DefKind::Case => "case",
            DefKind::EnumCase => "enum case",
            DefKind::Flag => "flag",
            DefKind::Param => "parameter",
            DefKind::Import => "import",
            DefKind::Export => "export",
        }
    }

    pub fn is_type(self) -> bool {
        matches!(
            self,
            DefKind::TypeAlias
                | DefKind::Record
                | DefKind::Variant
                | DefKind::Enum
                | DefKind::Flags
                | DefKind::Resource
        )
    }
}

/// A definition in a file: what it defines, and where its name is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefSite {
    pub def: Def,
    pub kind: DefKind,
    pub name: TextRange,
    /// The definition this one is part of (an index into the same list).
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileIndex {
    /// Definitions in text order, parents before their parts.
    pub defs: Vec<DefSite>,
    /// Names that refer to a definition, with where they are.
    pub refs: Vec<(TextRange, Def)>,
}

impl FileIndex {
    /// The definition or reference at `offset`: the tightest range that contains it, and
    /// whether it is a definition.
    pub fn at(&self, offset: witty_syntax::TextSize) -> Option<(TextRange, &Def, bool)> {
        let defs = self.defs.iter().map(|d| (d.name, &d.def, true));
        let refs = self.refs.iter().map(|(r, d)| (*r, d, false));
        defs.chain(refs)
            .filter(|(r, _, _)| r.contains_inclusive(offset))
            // A cursor right after a name still means it, unless another name starts there.
            .min_by_key(|(r, _, _)| (!r.contains(offset), r.len()))
    }

    pub fn def_site(&self, def: &Def) -> Option<&DefSite> {
        self.defs.iter().find(|d| &d.def == def)
    }
}

/// The index of one file, as part of a root.
#[salsa::tracked(returns(clone), no_eq)]
pub fn file_index(db: &dyn salsa::Database, root: Root, file: File) -> Arc<FileIndex> {
    let graph = package_graph(db, root);
    let tree = item_tree(db, file);
    let spans = span_map(db, file);
    let mut cx = Indexer {
        spans: &spans,
        out: FileIndex::default(),
    };
    if let (Some(header), Some(pkg)) = (&tree.header, graph.owner(file, DeclListId::Top)) {
        cx.def(Def::Package(pkg), DefKind::Package, header.span, None);
    }
    cx.list(&graph, file, DeclListId::Top, &tree.top, None);
    for (i, nested) in tree.nested.iter().enumerate() {
        let list = DeclListId::Nested(i as u32);
        let parent = graph
            .owner(file, list)
            .map(|pkg| cx.def(Def::Package(pkg), DefKind::Package, nested.span, None));
        cx.list(&graph, file, list, &nested.items, parent);
    }
    let check = file_check(db, root, file);
    for (span, target) in &check.targets {
        let def = match target {
            Target::Item(id) => Def::Item(id.clone()),
            Target::Package(p) => Def::Package(*p),
            Target::Type { owner, name } => Def::Type {
                owner: owner.clone(),
                name: name.clone(),
            },
        };
        cx.out.refs.push((spans.range(*span), def));
    }
    cx.out.refs.sort_by_key(|(r, _)| r.start());
    Arc::new(cx.out)
}

struct Indexer<'a> {
    spans: &'a SpanMap,
    out: FileIndex,
}

impl Indexer<'_> {
    fn def(
        &mut self,
        def: Def,
        kind: DefKind,
        span: crate::hir::SpanId,
        parent: Option<usize>,
    ) -> usize {
        self.out.defs.push(DefSite {
            def,
            kind,
            name: self.spans.range(span),
            parent,
        });
        self.out.defs.len() - 1
    }

    fn list(
        &mut self,
        graph: &PackageGraph,
        file: File,
        list: DeclListId,
        items: &DeclList,
        parent: Option<usize>,
    ) {
        let Some(pkg) = graph.owner(file, list) else {
            return;
        };
        for item in &items.items {
            match item {
                TopItem::Interface(i) => {
                    let id = ItemId {
                        pkg,
                        name: i.name.name.clone(),
                    };
                    let at = self.def(
                        Def::Item(id.clone()),
                        DefKind::Interface,
                        i.name.span,
                        parent,
                    );
                    self.members(&i.members, &Owner::Interface(id), Some(at));
                }
                TopItem::World(w) => {
                    let id = ItemId {
                        pkg,
                        name: w.name.name.clone(),
                    };
                    let at = self.def(Def::Item(id.clone()), DefKind::World, w.name.span, parent);
                    self.world_members(&w.members, &id, at);
                }
                TopItem::Use(_) => {}
            }
        }
    }

    fn members(&mut self, members: &[Member], owner: &Owner, parent: Option<usize>) {
        for m in members {
            match m {
                Member::Type(t) => self.type_def(t, owner, parent),
                Member::Func(f) => {
                    let def = Def::Func {
                        owner: owner.clone(),
                        name: f.name.name.clone(),
                    };
                    let at = self.def(def, DefKind::Func, f.name.span, parent);
                    self.params(f, &f.name.name, owner, at);
                }
                Member::Use(_) => {}
            }
        }
    }

    fn world_members(&mut self, members: &[WorldMember], world: &ItemId, parent: usize) {
        let owner = Owner::World(world.clone());
        for m in members {
            let (ext, kind) = match m {
                WorldMember::Import(e) => (e, DefKind::Import),
                WorldMember::Export(e) => (e, DefKind::Export),
                WorldMember::Type(t) => {
                    self.type_def(t, &owner, Some(parent));
                    continue;
                }
                WorldMember::Use(_) | WorldMember::Include(_) => continue,
            };
            match &ext.kind {
                ExternKind::Func(f) => {
                    let def = Def::Func {
                        owner: owner.clone(),
                        name: f.name.name.clone(),
                    };
                    let at = self.def(def, kind, f.name.span, Some(parent));
                    self.params(f, &f.name.name, &owner, at);
                }
                ExternKind::Interface { name, members } => {
                    let def = Def::Extern {
                        world: world.clone(),
                        name: name.name.clone(),
                    };
                    let at = self.def(def, kind, name.span, Some(parent));
                    let inline = Owner::Inline {
                        world: world.clone(),
                        name: name.name.clone(),
                    };
                    self.members(members, &inline, Some(at));
                }
                ExternKind::NamedPath { label, .. } => {
                    let def = Def::Extern {
                        world: world.clone(),
                        name: label.name.clone(),
                    };
                    self.def(def, kind, label.span, Some(parent));
                }
                ExternKind::Path(_) => {}
            }
        }
    }

    fn type_def(&mut self, t: &TypeDef, owner: &Owner, parent: Option<usize>) {
        let kind = match &t.kind {
            TypeDefKind::Alias(_) => DefKind::TypeAlias,
            TypeDefKind::Record(_) => DefKind::Record,
            TypeDefKind::Flags(_) => DefKind::Flags,
            TypeDefKind::Variant(_) => DefKind::Variant,
            TypeDefKind::Enum(_) => DefKind::Enum,
            TypeDefKind::Resource(_) => DefKind::Resource,
        };
        let def = Def::Type {
            owner: owner.clone(),
            name: t.name.name.clone(),
        };
        let at = Some(self.def(def, kind, t.name.span, parent));
        let member = |name: &Name| Def::Member {
            owner: owner.clone(),
            parent: t.name.name.clone(),
            name: name.clone(),
        };
        match &t.kind {
            TypeDefKind::Alias(_) => {}
            TypeDefKind::Record(fields) => {
                for f in fields {
                    self.def(member(&f.name.name), DefKind::Field, f.name.span, at);
                }
            }
            TypeDefKind::Flags(flags) => {
                for f in flags {
                    self.def(member(&f.name), DefKind::Flag, f.span, at);
                }
            }
            TypeDefKind::Variant(cases) => {
                for c in cases {
                    self.def(member(&c.name.name), DefKind::Case, c.name.span, at);
                }
            }
            TypeDefKind::Enum(cases) => {
                for c in cases {
                    self.def(member(&c.name), DefKind::EnumCase, c.span, at);
                }
            }
            TypeDefKind::Resource(funcs) => {
                for rf in funcs {
                    let kind = match rf.kind {
                        ResourceFuncKind::Constructor => DefKind::Constructor,
                        ResourceFuncKind::Method => DefKind::Method,
                        ResourceFuncKind::Static => DefKind::StaticFunc,
                    };
                    let def = Def::ResourceFunc {
                        owner: owner.clone(),
                        resource: t.name.name.clone(),
                        name: rf.func.name.name.clone(),
                    };
                    let f = self.def(def, kind, rf.func.name.span, at);
                    let func: Name = format!("{}.{}", t.name.name, rf.func.name.name).into();
                    self.params(&rf.func, &func, owner, f);
                }
            }
        }
    }

    fn params(&mut self, f: &Func, func: &Name, owner: &Owner, parent: usize) {
        for (name, _) in &f.params {
            let def = Def::Param {
                owner: owner.clone(),
                func: func.clone(),
                name: name.name.clone(),
            };
            self.def(def, DefKind::Param, name.span, Some(parent));
        }
    }
}

/// The file that defines `owner`'s members, if it is a `.wit` file of the root.
pub fn owner_file(db: &dyn salsa::Database, root: Root, owner: &Owner) -> Option<File> {
    let item = match owner {
        Owner::Interface(id) | Owner::World(id) => id,
        Owner::Inline { world, .. } => world,
    };
    item_file(db, root, item)
}

pub fn item_file(db: &dyn salsa::Database, root: Root, item: &ItemId) -> Option<File> {
    match package_items(db, root).def(item)?.src {
        ItemSrc::Wit { file, .. } => Some(file),
        ItemSrc::Binary { .. } => None,
    }
}

/// Where a definition is: its file and site. A type that an interface only `use`s is
/// followed to the interface that defines it.
pub fn find_def(db: &dyn salsa::Database, root: Root, def: &Def) -> Option<(File, DefSite)> {
    let mut def = def.clone();
    // Each step follows one `use`; a chain longer than this is a cycle (reported elsewhere).
    for _ in 0..64 {
        let file = match &def {
            Def::Package(pkg) => return package_def(db, root, *pkg),
            Def::Item(id) => item_file(db, root, id)?,
            Def::Type { owner, .. }
            | Def::Func { owner, .. }
            | Def::ResourceFunc { owner, .. }
            | Def::Member { owner, .. }
            | Def::Param { owner, .. } => owner_file(db, root, owner)?,
            Def::Extern { world, .. } => item_file(db, root, world)?,
        };
        if let Some(site) = file_index(db, root, file).def_site(&def) {
            return Some((file, site.clone()));
        }
        let Def::Type {
            owner: Owner::Interface(iface),
            name,
        } = &def
        else {
            return None;
        };
        let scope = interface_scope(db, root, iface.clone());
        let Some(ScopeEntry::Type {
            shape: TypeShape::Used { from, name },
            ..
        }) = scope.entries.get(name)
        else {
            return None;
        };
        def = Def::Type {
            owner: Owner::Interface(from.clone()),
            name: name.clone(),
        };
    }
    None
}

/// The `package` line (or nested block) that names a package; the one with docs if any.
fn package_def(db: &dyn salsa::Database, root: Root, pkg: PkgId) -> Option<(File, DefSite)> {
    let graph = package_graph(db, root);
    let crate::semantics::PackageSrc::Wit { lists } = &graph.package(pkg).src else {
        return None;
    };
    let def = Def::Package(pkg);
    let mut first = None;
    for &(file, list) in lists {
        let tree = item_tree(db, file);
        let documented = match list {
            DeclListId::Top => tree.header.as_ref().is_some_and(|h| h.has_docs),
            DeclListId::Nested(_) => false,
        };
        if let Some(site) = file_index(db, root, file).def_site(&def) {
            if documented {
                return Some((file, site.clone()));
            }
            first.get_or_insert((file, site.clone()));
        }
    }
    first
}
