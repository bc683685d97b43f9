//! Name resolution and validation of one file's items, the per-file "resolution" query: it
//! reads its own item tree, the package's item names, and the scopes of the interfaces it
//! uses, so an edit elsewhere re-runs it only if it changes something this file refers to.
//! The rules live by concern: `uses`, `types`, `functions` (and resources), `interfaces`,
//! `worlds`, and `gating` (`@since`, `@unstable`, `@deprecated`).

mod functions;
mod gating;
mod interfaces;
mod types;
mod uses;
mod worlds;

use std::sync::Arc;

use crate::fx::IndexMap;

use super::items::{PackageItems, PathContext, decl_list, package_items, resolve_path};
use super::packages::{PackageGraph, PkgId, package_graph};
use super::scope::TypeFacts;
use super::{At, Diag, ItemId, ItemKind};
use crate::hir::*;
use crate::input::{Features, File, Root};

pub(crate) use functions::mangle;
pub(crate) use uses::UnusedUse;

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
        top_uses: Vec::new(),
        top_use_names: Vec::new(),
        in_deprecated: false,
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
        cx.top_use_names = decls
            .items
            .iter()
            .filter_map(|i| match i {
                TopItem::Use(u) => Some(u.alias.as_ref().unwrap_or(u.path.name()).name.clone()),
                _ => None,
            })
            .collect();
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
                    cx.in_deprecated = !i.attrs.deprecated.is_empty();
                    cx.interface_members(&i.members, &Owner::Interface(id), excluded);
                }
                TopItem::World(w) => {
                    cx.in_deprecated = !w.attrs.deprecated.is_empty();
                    cx.world(w);
                }
            }
            cx.in_deprecated = false;
        }
        cx.unused_top_uses(decls);
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
    /// The file-level `use`s of the item list being checked that resolved.
    top_uses: Vec<TopUse>,
    /// The names the file-level `use`s of the item list give, for "did you mean".
    top_use_names: Vec<Name>,
    /// Checking something marked `@deprecated`, which may refer to deprecated items.
    in_deprecated: bool,
    out: FileCheck,
}

/// A name in the type namespace of an interface or world.
#[derive(Debug, Clone)]
enum Entry {
    /// `excluded`: gated off by `@unstable` with its feature not enabled; `used`: brought in
    /// by a `use`, from the interface `from` (as the `use` writes it).
    Type {
        facts: TypeFacts,
        span: SpanId,
        owner: Owner,
        name: Name,
        excluded: bool,
        used: bool,
        from: Option<String>,
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
                if let Some(since) = self.item_deprecated(&id) {
                    let what = format!(
                        "{} `{}`",
                        expected.as_str(),
                        super::interface_id_string(self.graph, &id)
                    );
                    self.deprecated_reference(&what, id.pkg, &since, path.name().span);
                }
                Some(id)
            }
            Err(e) => {
                let diag = e.to_diag(self.file, &self.path_context(), expected);
                self.out.diags.push(diag);
                None
            }
        }
    }

    /// What messages about paths that name nothing may suggest.
    fn path_context(&self) -> PathContext<'_> {
        let mut local_names: Vec<&str> = self
            .items
            .per_pkg
            .get(self.owner.0 as usize)
            .into_iter()
            .flat_map(|m| m.keys().map(|k| &**k))
            .collect();
        local_names.extend(self.top_use_names.iter().map(|n| &**n));
        PathContext {
            graph: self.graph,
            items: self.items,
            root_path: self.root.path(self.db),
            local_names,
            owner: self.owner,
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
                item: path.name().name.clone(),
            };
            let diag = e.to_diag(self.file, &self.path_context(), ItemKind::Interface);
            self.out.diags.push(diag);
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
        self.resolve_uses(uses, owner, container, &mut lookup);
        self.define_types(defs, owner, container, &mut lookup);
        lookup
    }
}
