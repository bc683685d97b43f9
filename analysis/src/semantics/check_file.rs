//! Name resolution and validation of one file's items: `use`s, types, functions, resources,
//! and the local rules of worlds. This is the per-file "resolution" query: it reads its
//! own item tree, the package's item names, and the scopes of the interfaces it uses, so an
//! edit elsewhere re-runs it only if it changes something this file refers to.

use std::sync::Arc;

use crate::fx::{IndexMap, IndexSet};

use super::gates::{self, Stability};
use super::items::{PackageItems, decl_list, package_items, resolve_path};
use super::names::{NameScope, check_unique, kebab_eq};
use super::packages::{PackageGraph, PkgId, package_graph};
use super::scope::{IfaceScope, ScopeEntry, TypeFacts, TypeShape, interface_scope, local_facts};
use super::{At, Diag, ItemId, ItemKind};
use crate::hir::*;
use crate::input::{Features, File, Root};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileCheck {
    pub diags: Vec<Diag>,
    /// What names written in the file refer to, for navigation and for finding references.
    pub targets: Vec<(SpanId, Target)>,
    /// Each name of each `use`: the interface it is taken from, and the name there.
    pub use_refs: Vec<(ItemId, Name)>,
    /// The worlds `include`d.
    pub include_refs: Vec<ItemId>,
    /// Names brought in by `use` that nothing in their interface or world refers to (whether
    /// another interface `use`s them through this one is decided over the whole root).
    pub unused_uses: Vec<UnusedUse>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnusedUse {
    pub container: Owner,
    pub name: Name,
    pub span: SpanId,
}

/// What a name refers to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Item(ItemId),
    Package(PkgId),
    Type { owner: Owner, name: Name },
}

/// Where a type is defined.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Owner {
    Interface(ItemId),
    World(ItemId),
    /// `import name: interface { ... }` in a world.
    Inline {
        world: ItemId,
        name: Name,
    },
}

/// Resolves and validates every item of `file`, as part of `root`.
#[salsa::tracked(returns(clone))]
pub fn file_check(db: &dyn salsa::Database, root: Root, file: File) -> Arc<FileCheck> {
    let graph = package_graph(db, root);
    let items = package_items(db, root);
    let tree = item_tree(db, file);
    let mut cx = Checker {
        db,
        root,
        file,
        graph: &graph,
        items: &items,
        list: DeclListId::Top,
        owner: PkgId(0),
        features: root.features(db),
        referenced: Default::default(),
        out: FileCheck::default(),
    };
    let lists = std::iter::once(DeclListId::Top)
        .chain((0..tree.nested.len() as u32).map(DeclListId::Nested));
    for list in lists {
        // Items of a file whose package has no `package` line are not checked further: the
        // missing line is the error to fix first.
        let Some(owner) = graph.owner(file, list) else {
            continue;
        };
        let Some(decls) = decl_list(&tree, list) else {
            continue;
        };
        cx.list = list;
        cx.owner = owner;
        for item in &decls.items {
            match item {
                TopItem::Use(u) => cx.top_use(u),
                TopItem::Interface(i) => {
                    let id = ItemId {
                        pkg: owner,
                        name: i.name.name.clone(),
                    };
                    cx.gate(&i.attrs, i.name.span);
                    let excluded = cx.excluded(&i.attrs);
                    cx.interface_members(&i.members, &Owner::Interface(id), excluded);
                }
                TopItem::World(w) => cx.world(w),
            }
        }
    }
    Arc::new(cx.out)
}

struct Checker<'a> {
    db: &'a dyn salsa::Database,
    root: Root,
    file: File,
    graph: &'a PackageGraph,
    items: &'a PackageItems,
    list: DeclListId,
    owner: PkgId,
    features: &'a Features,
    /// Names referred to in the interface or world being checked.
    referenced: crate::fx::HashSet<Name>,
    out: FileCheck,
}

/// A name in the type namespace of an interface or world.
#[derive(Debug, Clone)]
enum Entry {
    /// `excluded`: gated off by `@unstable` with its feature not enabled; `deprecated`: the
    /// version its `@deprecated` gives; `used`: brought in by a `use`.
    Type {
        facts: TypeFacts,
        span: SpanId,
        owner: Owner,
        name: Name,
        excluded: bool,
        deprecated: Option<semver::Version>,
        used: bool,
    },
    Func,
}

type Lookup = IndexMap<Name, Entry>;

/// Where a name of the type namespace is defined, if it is a type.
fn entry_span(entry: &Entry) -> Option<SpanId> {
    match entry {
        Entry::Type { span, .. } => Some(*span),
        Entry::Func => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FuncKind {
    Freestanding,
    Getter,
    Setter,
    Method,
    MethodGetter,
    MethodSetter,
    Static,
    StaticGetter,
    StaticSetter,
    Constructor,
}

impl FuncKind {
    fn is_getter(self) -> bool {
        matches!(
            self,
            FuncKind::Getter | FuncKind::MethodGetter | FuncKind::StaticGetter
        )
    }

    fn is_setter(self) -> bool {
        matches!(
            self,
            FuncKind::Setter | FuncKind::MethodSetter | FuncKind::StaticSetter
        )
    }

    fn has_self(self) -> bool {
        matches!(
            self,
            FuncKind::Method | FuncKind::MethodGetter | FuncKind::MethodSetter
        )
    }
}

/// The name a function has in the component: `[get]x`, `[method]r.m`, `[constructor]r`...
fn mangle(f: &Func, resource: Option<(&str, ResourceFuncKind)>) -> (String, FuncKind) {
    let name = &f.name.name;
    match resource {
        None => match f.accessor {
            None => (name.to_string(), FuncKind::Freestanding),
            Some(Accessor::Getter) => (format!("[get]{name}"), FuncKind::Getter),
            Some(Accessor::Setter) => (format!("[set]{name}"), FuncKind::Setter),
        },
        Some((r, ResourceFuncKind::Constructor)) => {
            (format!("[constructor]{r}"), FuncKind::Constructor)
        }
        Some((r, ResourceFuncKind::Method)) => match f.accessor {
            None => (format!("[method]{r}.{name}"), FuncKind::Method),
            Some(Accessor::Getter) => (format!("[method][get]{r}.{name}"), FuncKind::MethodGetter),
            Some(Accessor::Setter) => (format!("[method][set]{r}.{name}"), FuncKind::MethodSetter),
        },
        Some((r, ResourceFuncKind::Static)) => match f.accessor {
            None => (format!("[static]{r}.{name}"), FuncKind::Static),
            Some(Accessor::Getter) => (format!("[static][get]{r}.{name}"), FuncKind::StaticGetter),
            Some(Accessor::Setter) => (format!("[static][set]{r}.{name}"), FuncKind::StaticSetter),
        },
    }
}

impl Checker<'_> {
    fn at(&self, span: SpanId) -> At {
        At::Span(self.file, span)
    }

    fn error(&mut self, code: &'static str, message: impl Into<String>, span: SpanId) {
        let at = self.at(span);
        self.out.diags.push(Diag::error(code, message, at));
    }

    /// A second definition of a name, pointing back at the first.
    fn duplicate(&mut self, name: &str, span: SpanId, first: Option<SpanId>) {
        let mut diag = Diag::error(
            "duplicate-name",
            format!("name `{name}` is defined more than once"),
            self.at(span),
        );
        if let Some(first) = first {
            diag = diag.with_related(self.at(first), "first defined here");
        }
        self.out.diags.push(diag);
    }

    fn target(&mut self, span: SpanId, target: Target) {
        self.out.targets.push((span, target));
    }

    fn stability(&mut self, attrs: &Attrs) -> Stability {
        gates::stability(attrs, self.file, &mut self.out.diags)
    }

    /// Checks an item's attributes, and its `@since` against the package's version.
    fn gate(&mut self, attrs: &Attrs, span: SpanId) {
        if attrs.is_empty() {
            return;
        }
        let st = self.stability(attrs);
        let package = &self.graph.package(self.owner).name;
        gates::included(
            &st,
            package,
            self.features,
            At::Span(self.file, span),
            &mut self.out.diags,
        );
    }

    fn excluded(&self, attrs: &Attrs) -> bool {
        super::scope::is_excluded(attrs, self.features)
    }

    /// wit-parser keeps every type of a gated-off interface or world out too; one that is not
    /// gated itself is an error.
    fn not_gated_in_gated(&mut self, container: Option<&str>, attrs: &Attrs, span: SpanId) {
        if let Some(what) = container
            && !self.excluded(attrs)
        {
            self.error(
                "excluded-reference",
                format!(
                    "found a reference to a {what} which is excluded due to its feature not being \
                         activated; this type is not gated by a feature but its {what} is"
                ),
                span,
            );
        }
    }

    /// Whether a type expression refers to a type gated off by its feature.
    fn refers_to_excluded(&self, ty: &TypeRef, lookup: &Lookup) -> bool {
        let mut found = false;
        ty.walk(|t| {
            let name = match &t.kind {
                TypeRefKind::Named(n) => &**n,
                TypeRefKind::Own(id) | TypeRefKind::Borrow(id) => &*id.name,
                _ => return,
            };
            if let Some(Entry::Type { excluded: true, .. }) = lookup.get(name) {
                found = true;
            }
        });
        found
    }

    fn excluded_reference(&mut self, what: &str, span: SpanId) {
        self.error(
            "excluded-reference",
            format!(
                "found a reference to a {what} which is excluded due to its feature not being activated; \
                 enable the feature (`--features`) or gate this item with the same `@unstable`"
            ),
            span,
        );
    }

    /// Resolves a path to an interface or world, reporting why it names nothing.
    fn resolve(&mut self, path: &UsePath, expected: ItemKind) -> Option<ItemId> {
        let result = resolve_path(
            self.db, self.root, self.graph, self.items, self.file, self.list, self.owner, path,
            expected,
        );
        if let UsePath::Package { package_span, .. } = path
            && let Some(pkg) = self.graph.find(match path {
                UsePath::Package { package, .. } => package,
                UsePath::Local(_) => unreachable!(),
            })
        {
            self.target(*package_span, Target::Package(pkg));
        }
        match result {
            Ok(id) => {
                self.target(path.name().span, Target::Item(id.clone()));
                Some(id)
            }
            Err(e) => {
                let diag = e.to_diag(self.file, self.graph, expected);
                self.out.diags.push(diag);
                None
            }
        }
    }

    /// A gated-off path is not looked up, but its package must still exist (wit-parser looks
    /// packages up before it looks at gates).
    fn package_must_exist(&mut self, path: &UsePath) {
        if let UsePath::Package {
            package,
            package_span,
            ..
        } = path
            && self.graph.find(package).is_none()
        {
            let e = super::items::PathError::PackageNotFound {
                package: package.clone(),
                span: *package_span,
            };
            let diag = e.to_diag(self.file, self.graph, ItemKind::Interface);
            self.out.diags.push(diag);
        }
    }

    /// `use path as name;` at file level: it may name an interface or a world.
    fn top_use(&mut self, u: &TopUse) {
        if !u.attrs.is_empty() {
            self.error(
                "invalid-attribute",
                "attributes not allowed on top-level use; put them on the items that use the name",
                u.span,
            );
        }
        match &u.path {
            UsePath::Local(name) => match self.items.get(self.owner, &name.name) {
                Some(_) => {
                    let id = ItemId {
                        pkg: self.owner,
                        name: name.name.clone(),
                    };
                    self.target(name.span, Target::Item(id));
                }
                None => self.error(
                    "unresolved-name",
                    format!("interface or world `{}` does not exist", name.name),
                    name.span,
                ),
            },
            // A foreign name at file level is always taken as an interface.
            path @ UsePath::Package { .. } => {
                self.resolve(path, ItemKind::Interface);
            }
        }
    }

    /// The `use`s and type definitions of an interface or world: their names, in the order
    /// wit-parser defines them, after checking references, cycles and shapes.
    fn resolve_types(
        &mut self,
        uses: &[&Use],
        defs: &[&TypeDef],
        owner: &Owner,
        container: Option<&str>,
    ) -> Lookup {
        let mut lookup = Lookup::default();
        for u in uses {
            if let Some(n) = u.names.first() {
                self.gate(&u.attrs, n.name.span);
            } else {
                self.stability(&u.attrs);
            }
            let use_excluded = self.excluded(&u.attrs);
            for n in &u.names {
                self.not_gated_in_gated(container, &u.attrs, n.local().span);
            }
            // A `use` of a name in a package that is gated off is not looked up.
            let gated_foreign = use_excluded && matches!(u.path, UsePath::Package { .. });
            let Some(target) = (if gated_foreign {
                self.package_must_exist(&u.path);
                None
            } else {
                self.resolve(&u.path, ItemKind::Interface)
            }) else {
                // The names are still defined (as wit-parser defines them before it looks
                // them up), so that their uses are not reported again.
                for n in &u.names {
                    let local = n.local();
                    let facts = TypeFacts {
                        resource: true,
                        borrow: false,
                    };
                    let owner = owner.clone();
                    let name = n.name.name.clone();
                    lookup.entry(local.name.clone()).or_insert(Entry::Type {
                        facts,
                        span: local.span,
                        owner,
                        name,
                        excluded: use_excluded,
                        deprecated: None,
                        used: true,
                    });
                }
                continue;
            };
            let scope = interface_scope(self.db, self.root, target.clone());
            for n in &u.names {
                match scope.entries.get(&n.name.name) {
                    Some(ScopeEntry::Type {
                        facts,
                        shape,
                        excluded,
                        deprecated,
                    }) => {
                        if *excluded && !use_excluded {
                            self.excluded_reference("type", n.name.span);
                        }
                        self.out
                            .use_refs
                            .push((target.clone(), n.name.name.clone()));
                        if let Some(v) = deprecated {
                            self.deprecated_use(&n.name.name, v, n.name.span);
                        }
                        let (owner, name) = match shape {
                            TypeShape::Used { from, name } => {
                                (Owner::Interface(from.clone()), name.clone())
                            }
                            TypeShape::Def => {
                                (Owner::Interface(target.clone()), n.name.name.clone())
                            }
                        };
                        self.target(
                            n.name.span,
                            Target::Type {
                                owner: owner.clone(),
                                name: name.clone(),
                            },
                        );
                        let local = n.local();
                        if let Some(first) = lookup.get(&local.name) {
                            let first = entry_span(first);
                            self.duplicate(&local.name, local.span, first);
                        } else {
                            lookup.insert(
                                local.name.clone(),
                                Entry::Type {
                                    facts: *facts,
                                    span: local.span,
                                    owner,
                                    name,
                                    excluded: use_excluded,
                                    deprecated: deprecated.clone(),
                                    used: true,
                                },
                            );
                        }
                    }
                    Some(ScopeEntry::Func) => self.error(
                        "wrong-item-kind",
                        format!(
                            "cannot import function `{}`: `use` brings in types only",
                            n.name.name
                        ),
                        n.name.span,
                    ),
                    None => {
                        let hint = close_names(&scope, &n.name.name);
                        self.error(
                            "unresolved-name",
                            format!("name `{}` does not exist{hint}", n.name.name),
                            n.name.span,
                        )
                    }
                }
            }
        }

        // Definitions: unique names, references that exist, no cycles.
        let mut by_name: IndexMap<&str, &TypeDef> = IndexMap::default();
        for d in defs {
            if let Some(first) = by_name.get(&*d.name.name) {
                let first = first.name.span;
                self.duplicate(&d.name.name, d.name.span, Some(first));
            } else {
                by_name.insert(&d.name.name, d);
            }
        }
        let mut edges: Vec<Vec<(usize, SpanId)>> = Vec::new();
        for d in by_name.values() {
            let mut out = Vec::new();
            for (name, span) in type_def_names(d) {
                match by_name.get_index_of(name) {
                    Some(j) => out.push((j, span)),
                    None if lookup.contains_key(name) => {}
                    None => {
                        let hint = old_float_hint(name);
                        self.error(
                            "unresolved-name",
                            format!("type `{name}` does not exist{hint}"),
                            span,
                        );
                    }
                }
            }
            edges.push(out);
        }
        if let Some((name, span)) = find_cycle(&by_name, &edges) {
            self.error(
                "cycle",
                format!("type `{name}` depends on itself: a type cannot contain itself, directly or through other types"),
                span,
            );
        }

        let use_scope = IfaceScope {
            excluded: false,
            entries: lookup
                .iter()
                .filter_map(|(n, e)| match e {
                    Entry::Type {
                        facts, excluded, ..
                    } => Some((
                        n.clone(),
                        ScopeEntry::Type {
                            facts: *facts,
                            shape: TypeShape::Def,
                            excluded: *excluded,
                            deprecated: None,
                        },
                    )),
                    Entry::Func => None,
                })
                .collect(),
        };
        let unique: Vec<&TypeDef> = by_name.values().copied().collect();
        let facts = local_facts(&unique, &use_scope);
        for d in &unique {
            if let Some(first) = lookup.get(&d.name.name) {
                let first = entry_span(first);
                self.duplicate(&d.name.name, d.name.span, first);
                continue;
            }
            let f = facts.get(&*d.name.name).copied().unwrap_or_default();
            let excluded = self.excluded(&d.attrs);
            let deprecated = d.attrs.deprecated.first().map(|d| d.0.clone());
            lookup.insert(
                d.name.name.clone(),
                Entry::Type {
                    facts: f,
                    span: d.name.span,
                    owner: owner.clone(),
                    name: d.name.name.clone(),
                    excluded,
                    deprecated,
                    used: false,
                },
            );
        }
        for d in defs {
            self.type_def(d, &lookup, container);
        }
        lookup
    }

    fn type_def(&mut self, d: &TypeDef, lookup: &Lookup, container: Option<&str>) {
        self.gate(&d.attrs, d.name.span);
        self.not_gated_in_gated(container, &d.attrs, d.name.span);
        // References from a type that is in to one that is gated off.
        if container.is_none() && !self.excluded(&d.attrs) {
            match &d.kind {
                TypeDefKind::Record(fields) => {
                    for f in fields {
                        if self.refers_to_excluded(&f.ty, lookup) {
                            self.excluded_reference("type", f.name.span);
                        }
                    }
                }
                TypeDefKind::Alias(ty) if self.refers_to_excluded(ty, lookup) => {
                    self.excluded_reference("type", d.name.span);
                }
                TypeDefKind::Variant(cases)
                    if cases
                        .iter()
                        .filter_map(|c| c.ty.as_ref())
                        .any(|t| self.refers_to_excluded(t, lookup)) =>
                {
                    self.excluded_reference("type", d.name.span);
                }
                _ => {}
            }
        }
        let file = self.file;
        match &d.kind {
            TypeDefKind::Alias(ty) => self.check_type(ty, lookup, false),
            TypeDefKind::Record(fields) => {
                if fields.is_empty() {
                    self.error(
                        "empty-type",
                        "empty record: a record needs at least one field",
                        d.name.span,
                    );
                }
                let names: Vec<&Ident> = fields.iter().map(|f| &f.name).collect();
                check_unique("field", &names, file, &mut self.out.diags);
                for f in fields {
                    self.check_type(&f.ty, lookup, false);
                }
            }
            TypeDefKind::Flags(flags) => {
                if flags.is_empty() {
                    self.error(
                        "empty-type",
                        "empty flags: flags need at least one flag",
                        d.name.span,
                    );
                }
                if let Some(flag) = flags.get(32) {
                    self.error(
                        "too-many-flags",
                        "cannot have more than 32 flags",
                        flag.span,
                    );
                }
                let names: Vec<&Ident> = flags.iter().collect();
                check_unique("flag", &names, file, &mut self.out.diags);
            }
            TypeDefKind::Variant(cases) => {
                if cases.is_empty() {
                    self.error(
                        "empty-type",
                        "empty variant: a variant needs at least one case",
                        d.name.span,
                    );
                }
                let names: Vec<&Ident> = cases.iter().map(|c| &c.name).collect();
                check_unique("case", &names, file, &mut self.out.diags);
                for c in cases {
                    if let Some(ty) = &c.ty {
                        self.check_type(ty, lookup, false);
                    }
                }
            }
            TypeDefKind::Enum(cases) => {
                if cases.is_empty() {
                    self.error(
                        "empty-type",
                        "empty enum: an enum needs at least one case",
                        d.name.span,
                    );
                }
                let names: Vec<&Ident> = cases.iter().collect();
                check_unique("case", &names, file, &mut self.out.diags);
            }
            TypeDefKind::Resource(_) => {}
        }
    }

    /// References and shapes inside a type expression. Missing names in type definitions
    /// were reported already (as wit-parser does, while ordering the definitions).
    fn check_type(&mut self, ty: &TypeRef, lookup: &Lookup, report_missing: bool) {
        let mut found: Vec<(SpanId, Target)> = Vec::new();
        let mut errors: Vec<(&'static str, String, SpanId)> = Vec::new();
        let mut referenced: Vec<(Name, Option<semver::Version>, SpanId)> = Vec::new();
        ty.walk(|t| match &t.kind {
            TypeRefKind::Named(n) => match lookup.get(n) {
                Some(Entry::Type { owner, name, deprecated, used, .. }) => {
                    // A deprecated name brought in by `use` was reported at the `use`.
                    referenced.push((n.clone(), deprecated.clone().filter(|_| !used), t.span));
                    found.push((t.span, Target::Type { owner: owner.clone(), name: name.clone() }))
                }
                Some(Entry::Func) => {
                    errors.push(("wrong-item-kind", format!("cannot use function `{n}` as a type"), t.span))
                }
                None if report_missing => {
                    errors.push(("unresolved-name", format!("name `{n}` does not exist{}", old_float_hint(n)), t.span))
                }
                None => {}
            },
            TypeRefKind::Own(id) | TypeRefKind::Borrow(id) => match lookup.get(&id.name) {
                Some(Entry::Type { facts, owner, name, deprecated, used, .. }) => {
                    referenced.push((id.name.clone(), deprecated.clone().filter(|_| !used), id.span));
                    found.push((id.span, Target::Type { owner: owner.clone(), name: name.clone() }));
                    if !facts.resource {
                        errors.push((
                            "invalid-handle",
                            format!("type `{}` used in a handle must be a resource", id.name),
                            id.span,
                        ));
                    }
                }
                Some(Entry::Func) => errors.push((
                    "wrong-item-kind",
                    format!("cannot use function `{}` as a type", id.name),
                    id.span,
                )),
                None if report_missing => {
                    errors.push(("unresolved-name", format!("name `{}` does not exist", id.name), id.span))
                }
                None => {}
            },
            TypeRefKind::Map(k, _) => {
                let ok = matches!(&k.kind, TypeRefKind::Primitive(p) if p.is_map_key())
                    || matches!(&k.kind, TypeRefKind::Error);
                if !ok {
                    errors.push((
                        "invalid-map-key",
                        "invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, s32, s64, char, or string"
                            .to_string(),
                        t.span,
                    ));
                }
            }
            TypeRefKind::Tuple(ts) if ts.is_empty() => {
                errors.push(("empty-type", "empty tuple: a tuple needs at least one type".to_string(), t.span))
            }
            _ => {}
        });
        self.out.targets.extend(found);
        for (code, message, span) in errors {
            self.error(code, message, span);
        }
        for (name, deprecated, span) in referenced {
            if let Some(v) = deprecated {
                self.deprecated_use(&name, &v, span);
            }
            self.referenced.insert(name);
        }
    }

    /// A reference to something `@deprecated`: a warning, unless the package is older than
    /// the deprecation.
    fn deprecated_use(&mut self, name: &str, version: &semver::Version, span: SpanId) {
        let current = self.graph.package(self.owner).name.version.as_ref();
        if current.is_some_and(|c| c < version) {
            return;
        }
        let at = self.at(span);
        self.out.diags.push(
            Diag::warning(
                "deprecated",
                format!("`{name}` is deprecated since version {version}"),
                at,
            )
            .with_tag(super::DiagTag::Deprecated),
        );
    }

    /// After an interface or world: the names its `use`s bring in that nothing refers to.
    fn note_unused_uses(&mut self, container: &Owner, lookup: &Lookup) {
        for (local, entry) in lookup {
            if let Entry::Type {
                used: true, span, ..
            } = entry
                && !self.referenced.contains(local)
            {
                self.out.unused_uses.push(UnusedUse {
                    container: container.clone(),
                    name: local.clone(),
                    span: *span,
                });
            }
        }
        self.referenced.clear();
    }

    /// Whether a type contains a `borrow<T>`, looking through named types.
    fn has_borrow(&self, ty: &TypeRef, lookup: &Lookup) -> bool {
        let mut found = false;
        ty.walk(|t| match &t.kind {
            TypeRefKind::Borrow(_) => found = true,
            TypeRefKind::Named(n) => {
                if let Some(Entry::Type { facts, .. }) = lookup.get(n) {
                    found |= facts.borrow;
                }
            }
            _ => {}
        });
        found
    }

    /// The members of an interface (named, or inline in a world).
    fn interface_members(&mut self, members: &[Member], owner: &Owner, excluded: bool) {
        let uses: Vec<&Use> = members
            .iter()
            .filter_map(|m| {
                if let Member::Use(u) = m {
                    Some(u)
                } else {
                    None
                }
            })
            .collect();
        let defs: Vec<&TypeDef> = members
            .iter()
            .filter_map(|m| {
                if let Member::Type(t) = m {
                    Some(t)
                } else {
                    None
                }
            })
            .collect();
        let container = excluded.then_some("interface");
        let mut lookup = self.resolve_types(&uses, &defs, owner, container);

        let mut names = NameScope::default();
        for (name, entry) in &lookup {
            if let Entry::Type { span, .. } = entry
                && let Err(d) = names.define(name, self.at(*span))
            {
                self.out.diags.push(d);
            }
        }
        for m in members {
            match m {
                Member::Func(f) => {
                    lookup.entry(f.name.name.clone()).or_insert(Entry::Func);
                    let (mangled, kind) = mangle(f, None);
                    self.function(f, &mangled, kind, None, &lookup, excluded);
                    if let Err(d) = names.define(&mangled, self.at(f.name.span)) {
                        self.out.diags.push(d);
                    }
                }
                Member::Type(TypeDef {
                    name,
                    attrs,
                    kind: TypeDefKind::Resource(funcs),
                }) => {
                    let resource_excluded = self.excluded(attrs);
                    for rf in funcs {
                        let (mangled, kind) = mangle(&rf.func, Some((&name.name, rf.kind)));
                        self.function(
                            &rf.func,
                            &mangled,
                            kind,
                            Some(&name.name),
                            &lookup,
                            excluded,
                        );
                        // A method that is in, of a resource that is gated off.
                        if !excluded && resource_excluded && !self.excluded(&rf.func.attrs) {
                            self.excluded_reference("type", rf.func.name.span);
                        }
                        if let Err(d) = names.define(&mangled, self.at(rf.func.name.span)) {
                            self.out.diags.push(d);
                        }
                    }
                }
                _ => {}
            }
        }
        self.out.diags.extend(names.check_setters());
        self.note_unused_uses(owner, &lookup);
    }

    /// Parameters and results of one function, by the rules of its kind.
    fn function(
        &mut self,
        f: &Func,
        mangled: &str,
        kind: FuncKind,
        resource: Option<&str>,
        lookup: &Lookup,
        container_excluded: bool,
    ) {
        self.gate(&f.attrs, f.name.span);
        if !container_excluded && !self.excluded(&f.attrs) {
            let refs = f.params.iter().map(|(_, t)| t).chain(f.result.as_ref());
            if refs.into_iter().any(|t| self.refers_to_excluded(t, lookup)) {
                self.excluded_reference("type", f.name.span);
            }
        }
        if kind.is_getter()
            && let Some((name, _)) = f.params.first()
        {
            self.error(
                "invalid-accessor",
                "getters cannot have parameters",
                name.span,
            );
        }
        if kind.is_setter() && f.params.len() != 1 {
            let span = f.params.get(1).map_or(f.span, |(n, _)| n.span);
            self.error(
                "invalid-accessor",
                "setters must have exactly one parameter",
                span,
            );
        }
        let mut seen: Vec<&str> = if kind.has_self() {
            vec!["self"]
        } else {
            Vec::new()
        };
        for (name, ty) in &f.params {
            if seen.iter().any(|s| kebab_eq(s, &name.name)) {
                let extra = if &*name.name == "self" && kind.has_self() {
                    " (methods have an implicit `self` parameter)"
                } else {
                    ""
                };
                self.error(
                    "duplicate-name",
                    format!("param `{}` is defined more than once{extra}", name.name),
                    name.span,
                );
            }
            seen.push(&name.name);
            self.check_type(ty, lookup, true);
        }
        match (&f.result, kind) {
            (None, k) if k.is_getter() => {
                self.error("invalid-accessor", "getters must return a value", f.span);
            }
            (Some(ty), k) if k.is_setter() => {
                self.check_type(ty, lookup, true);
                if !matches!(ty.kind, TypeRefKind::Result(None, _) | TypeRefKind::Error) {
                    self.error(
                        "invalid-accessor",
                        "if a setter return type is declared it must be a `result` with no `ok` type",
                        ty.span,
                    );
                }
            }
            (Some(ty), FuncKind::Constructor) => {
                self.check_type(ty, lookup, true);
                let resource = resource.unwrap_or_default();
                match &ty.kind {
                    TypeRefKind::Result(ok, _) => {
                        let is_self = match ok.as_deref().map(|t| &t.kind) {
                            Some(TypeRefKind::Named(n)) => &**n == resource,
                            Some(TypeRefKind::Own(id)) => &*id.name == resource,
                            _ => false,
                        };
                        if !is_self {
                            let span = ok.as_deref().map_or(ty.span, |t| t.span);
                            self.error(
                                "invalid-constructor",
                                format!("the `ok` type must be the resource being constructed: `result<{resource}, E>`"),
                                span,
                            );
                        }
                    }
                    TypeRefKind::Error => {}
                    _ => self.error(
                        "invalid-constructor",
                        "if a constructor return type is declared it must be a `result`",
                        ty.span,
                    ),
                }
            }
            (Some(ty), _) => self.check_type(ty, lookup, true),
            (None, _) => {}
        }
        if let Some(ty) = &f.result
            && kind != FuncKind::Constructor
            && !container_excluded
            && self.has_borrow(ty, lookup)
        {
            self.error(
                "borrow-in-result",
                format!(
                    "function `{mangled}` returns a type which contains a `borrow<T>` which is \
                         not supported; return an `own<T>` (or the resource itself) instead"
                ),
                f.name.span,
            );
        }
    }

    fn world(&mut self, w: &World) {
        let world_id = ItemId {
            pkg: self.owner,
            name: w.name.name.clone(),
        };
        self.gate(&w.attrs, w.name.span);
        let world_excluded = self.excluded(&w.attrs);
        let container = world_excluded.then_some("world");
        let owner = Owner::World(world_id.clone());
        let uses: Vec<&Use> = w
            .members
            .iter()
            .filter_map(|m| {
                if let WorldMember::Use(u) = m {
                    Some(u)
                } else {
                    None
                }
            })
            .collect();
        let defs: Vec<&TypeDef> = w
            .members
            .iter()
            .filter_map(|m| {
                if let WorldMember::Type(t) = m {
                    Some(t)
                } else {
                    None
                }
            })
            .collect();
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
                WorldMember::Type(TypeDef {
                    name,
                    attrs,
                    kind: TypeDefKind::Resource(funcs),
                }) => {
                    let resource_excluded = self.excluded(attrs);
                    for rf in funcs {
                        let (mangled, kind) = mangle(&rf.func, Some((&name.name, rf.kind)));
                        self.function(
                            &rf.func,
                            &mangled,
                            kind,
                            Some(&name.name),
                            &lookup,
                            world_excluded,
                        );
                        if !world_excluded && resource_excluded && !self.excluded(&rf.func.attrs) {
                            self.excluded_reference("type", rf.func.name.span);
                        }
                        if let Err(d) = import_names.define(&mangled, self.at(rf.func.name.span)) {
                            self.out.diags.push(d);
                        }
                        imports.insert(Key::Name(mangled), "func");
                    }
                    continue;
                }
                _ => continue,
            };
            let span = e.kind.span();
            self.gate(&e.attrs, span);
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
        self.note_unused_uses(&owner, &lookup);
    }

    /// A reference, from an item that is in, to an interface or world gated off. In this
    /// package that is an excluded reference; in another package the item simply is not
    /// there, and wit-parser says so where the package first names it.
    fn excluded_item(&mut self, path: &UsePath, what: &str, span: SpanId) {
        match path {
            UsePath::Local(_) => self.excluded_reference(what, span),
            UsePath::Package { package, name, .. } => {
                let kinds = super::items::foreign_kinds(self.db, self.root, self.owner);
                let at = kinds
                    .get(&(package.clone(), name.name.clone()))
                    .map_or(self.at(name.span), |r| r.first.clone());
                self.out.diags.push(Diag::error(
                    "excluded-reference",
                    format!(
                        "{what} '{}' not found in package '{package}': it is gated off by \
                         `@unstable` there, and its feature is not enabled",
                        name.name
                    ),
                    at,
                ));
            }
        }
    }

    /// Whether an interface or world is gated off.
    fn item_excluded(&self, id: &ItemId) -> bool {
        let Some(def) = self.items.def(id) else {
            return false;
        };
        let super::items::ItemSrc::Wit { file, list, index } = def.src else {
            return false;
        };
        let tree = item_tree(self.db, file);
        let attrs = match decl_list(&tree, list).and_then(|l| l.items.get(index as usize)) {
            Some(TopItem::Interface(i)) => &i.attrs,
            Some(TopItem::World(w)) => &w.attrs,
            _ => return false,
        };
        self.excluded(attrs)
    }
}

/// The names a type definition refers to (wit-parser's dependency edges between types).
fn type_def_names(d: &TypeDef) -> Vec<(&str, SpanId)> {
    let mut out = Vec::new();
    match &d.kind {
        TypeDefKind::Alias(t) => out.extend(t.names()),
        TypeDefKind::Record(fields) => fields.iter().for_each(|f| out.extend(f.ty.names())),
        TypeDefKind::Variant(cases) => cases
            .iter()
            .filter_map(|c| c.ty.as_ref())
            .for_each(|t| out.extend(t.names())),
        TypeDefKind::Flags(_) | TypeDefKind::Enum(_) | TypeDefKind::Resource(_) => {}
    }
    out
}

/// wit-parser's topological sort: after taking every definition whose dependencies are
/// taken, the first one left that depends on another one left names the cycle.
fn find_cycle<'a>(
    nodes: &IndexMap<&'a str, &TypeDef>,
    edges: &[Vec<(usize, SpanId)>],
) -> Option<(&'a str, SpanId)> {
    let n = nodes.len();
    let mut remaining: Vec<usize> = edges.iter().map(|e| e.len()).collect();
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, e) in edges.iter().enumerate() {
        for &(j, _) in e {
            reverse[j].push(i);
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&i| remaining[i] == 0).collect();
    let mut taken = 0;
    while let Some(i) = ready.pop() {
        taken += 1;
        for &k in &reverse[i] {
            remaining[k] -= 1;
            if remaining[k] == 0 {
                ready.push(k);
            }
        }
    }
    if taken == n {
        return None;
    }
    for (i, e) in edges.iter().enumerate() {
        if remaining[i] == 0 {
            continue;
        }
        for &(j, span) in e {
            if remaining[j] != 0 {
                let (name, _) = nodes.get_index(j)?;
                return Some((name, span));
            }
        }
    }
    None
}

/// The hint wit-parser gives for the pre-1.0 float type names.
fn old_float_hint(name: &str) -> String {
    let new = match name {
        "float32" => "f32",
        "float64" => "f64",
        _ => return String::new(),
    };
    format!(
        "\nthe `{name}` type has been renamed to `{new}` and is no longer accepted, but the \
         `WIT_REQUIRE_F32_F64=0` environment variable can be used to temporarily disable this error"
    )
}

/// "did you mean" for a name missing from an interface.
fn close_names(scope: &IfaceScope, name: &str) -> String {
    let mut best: Option<(usize, &str)> = None;
    for candidate in scope.entries.keys() {
        let d = edit_distance(name, candidate);
        if d <= 2 && d < candidate.len() && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, candidate));
        }
    }
    match best {
        Some((_, c)) => format!("; did you mean `{c}`?"),
        None => String::new(),
    }
}

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}
