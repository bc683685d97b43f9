//! The interfaces and worlds of each package, by name, and how `use` paths find them.

use std::sync::Arc;

use crate::fx::IndexMap;

use super::packages::{PackageGraph, PackageSrc, PkgId, package_graph};
use super::{At, Diag, ItemId, ItemKind};
use crate::hir::{
    DeclList, DeclListId, FileSummary, Ident, ItemSummary, ItemTree, ListSummary, Name,
    PackageName, SpanId, SummaryKind, UsePath, file_summary,
};
use crate::input::{BinaryFile, File, Root};
use crate::semantics::suggest::{closest, did_you_mean, list, written};

/// Where an interface or world is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemSrc {
    /// The `index`th item of an item list of a file.
    Wit {
        file: File,
        list: DeclListId,
        index: u32,
    },
    /// In the `pkg`th package of a binary.
    Binary { file: BinaryFile, pkg: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ItemDef {
    pub kind: ItemKind,
    pub src: ItemSrc,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackageItems {
    /// For each package (by `PkgId`), its interfaces and worlds by name; the first
    /// definition of a name wins.
    pub per_pkg: Vec<IndexMap<Name, ItemDef>>,
}

impl PackageItems {
    pub fn get(&self, pkg: PkgId, name: &str) -> Option<&ItemDef> {
        self.per_pkg.get(pkg.0 as usize)?.get(name)
    }

    pub fn def(&self, id: &ItemId) -> Option<&ItemDef> {
        self.get(id.pkg, &id.name)
    }
}

/// The item list `list` of a file's tree.
pub fn decl_list(tree: &ItemTree, list: DeclListId) -> Option<&DeclList> {
    match list {
        DeclListId::Top => Some(&tree.top),
        DeclListId::Nested(i) => tree.nested.get(i as usize).map(|n| &n.items),
    }
}

#[salsa::tracked(returns(clone))]
pub fn package_items(db: &dyn salsa::Database, root: Root) -> Arc<PackageItems> {
    let graph = package_graph(db, root);
    let mut out = PackageItems::default();
    for pkg in &graph.packages {
        let mut map = IndexMap::default();
        match &pkg.src {
            PackageSrc::Wit { lists } => {
                for &(file, list) in lists {
                    let tree = file_summary(db, file);
                    let Some(items) = tree.list(list) else {
                        continue;
                    };
                    for (index, item) in items.items.iter().enumerate() {
                        let kind = match item.kind {
                            SummaryKind::Interface => ItemKind::Interface,
                            SummaryKind::World => ItemKind::World,
                            SummaryKind::Use => continue,
                        };
                        let src = ItemSrc::Wit {
                            file,
                            list,
                            index: index as u32,
                        };
                        map.entry(item.name.name.clone())
                            .or_insert(ItemDef { kind, src });
                    }
                }
            }
            PackageSrc::Binary { file, index } => {
                let decoded = super::binary::binary_packages(db, *file);
                if let Some(bin) = decoded.packages.get(*index as usize) {
                    let src = ItemSrc::Binary {
                        file: *file,
                        pkg: *index,
                    };
                    for name in bin.interfaces.keys() {
                        map.insert(
                            name.as_str().into(),
                            ItemDef {
                                kind: ItemKind::Interface,
                                src,
                            },
                        );
                    }
                    for name in bin.worlds.keys() {
                        map.entry(name.as_str().into()).or_insert(ItemDef {
                            kind: ItemKind::World,
                            src,
                        });
                    }
                }
            }
        }
        out.per_pkg.push(map);
    }
    Arc::new(out)
}

/// Names defined twice: in a package (interfaces and worlds), or in one file's scope (which
/// also holds the names of file-level `use`s).
#[salsa::tracked(returns(clone))]
pub fn package_items_diags(db: &dyn salsa::Database, root: Root) -> Arc<Vec<Diag>> {
    let graph = package_graph(db, root);
    let mut diags = Vec::new();
    for pkg in &graph.packages {
        let PackageSrc::Wit { lists } = &pkg.src else {
            continue;
        };
        let mut seen: IndexMap<&str, At> = IndexMap::default();
        let trees: Vec<(File, DeclListId, Arc<FileSummary>)> = lists
            .iter()
            .map(|&(f, l)| (f, l, file_summary(db, f)))
            .collect();
        for (file, list, tree) in &trees {
            let Some(items) = tree.list(*list) else {
                continue;
            };
            for item in &items.items {
                if item.kind == SummaryKind::Use {
                    continue;
                }
                let name = &item.name;
                let at = At::Span(*file, name.span);
                if let Some(first) = seen.get(&*name.name) {
                    diags.push(
                        Diag::error(
                            "duplicate-name",
                            format!("duplicate item named `{}`", name.name),
                            at,
                        )
                        .with_related(first.clone(), "first defined here"),
                    );
                } else {
                    seen.insert(&name.name, at);
                }
            }
        }
        for (file, list, tree) in &trees {
            let Some(items) = tree.list(*list) else {
                continue;
            };
            let mut in_file: IndexMap<&str, SpanId> = IndexMap::default();
            for item in &items.items {
                let name = &item.name;
                if let Some(&first) = in_file.get(&*name.name) {
                    // Two interfaces or worlds of one name were reported above already.
                    if item.kind == SummaryKind::Use || first_is_use(items, &name.name) {
                        diags.push(
                            Diag::error(
                                "duplicate-name",
                                format!("duplicate name `{}` in this file", name.name),
                                At::Span(*file, name.span),
                            )
                            .with_related(At::Span(*file, first), "first defined here"),
                        );
                    }
                } else {
                    in_file.insert(&name.name, name.span);
                }
            }
        }
    }
    Arc::new(diags)
}

fn first_is_use(items: &ListSummary, name: &str) -> bool {
    items
        .items
        .iter()
        .find(|i| &*i.name.name == name)
        .is_some_and(|i| i.kind == SummaryKind::Use)
}

/// Why a `use` path (or an `include`, `import` or `export` path) names nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    /// A plain name that is no interface or world of the package.
    Unknown { name: Ident },
    /// `ns:pkg/...` where no package has that exact name (and version).
    PackageNotFound {
        package: PackageName,
        span: SpanId,
        /// The interface or world the path names in it.
        item: Name,
    },
    /// The package exists but has no such interface (or world).
    ItemNotFound {
        package: PackageName,
        name: Ident,
        kind: ItemKind,
    },
    /// A local name of the other kind: a world where an interface is needed, or the reverse.
    WrongKind { name: Ident, found: ItemKind },
}

/// What a message about a path that names nothing can say: where packages are looked for,
/// and which names are there.
pub struct PathContext<'a> {
    pub graph: &'a PackageGraph,
    pub items: &'a PackageItems,
    /// The folder (or single file) of the root's own package.
    pub root_path: &'a std::path::Path,
    /// The interfaces and worlds a plain name may name: the package's, and the names of the
    /// file-level `use`s of the file.
    pub local_names: Vec<&'a str>,
    /// The package the path is written in.
    pub owner: PkgId,
}

impl PathError {
    pub fn to_diag(&self, file: File, cx: &PathContext<'_>, expected: ItemKind) -> Diag {
        match self {
            PathError::Unknown { name } => Diag::error(
                "unresolved-name",
                format!(
                    "interface or world `{}` does not exist{}",
                    name.name,
                    did_you_mean(&name.name, cx.local_names.iter().copied())
                ),
                At::Span(file, name.span),
            ),
            PathError::PackageNotFound {
                package,
                span,
                item,
            } => Diag::error(
                "unresolved-package",
                package_not_found(cx, package, item),
                At::Span(file, *span),
            ),
            PathError::ItemNotFound {
                package,
                name,
                kind,
            } => {
                let there: Vec<&str> = cx
                    .graph
                    .find(package)
                    .and_then(|p| cx.items.per_pkg.get(p.0 as usize))
                    .into_iter()
                    .flat_map(|m| m.iter())
                    .filter(|(_, d)| d.kind == *kind)
                    .map(|(n, _)| &**n)
                    .collect();
                let hint = match closest(&name.name, there.iter().copied()) {
                    Some(close) => format!("; did you mean `{}`?", written(close)),
                    None if there.is_empty() => format!("; it has no {}s", kind.as_str()),
                    None => format!("; it has {}", list(&there)),
                };
                Diag::error(
                    "unresolved-name",
                    format!(
                        "{} `{}` not found in package `{package}`{hint}",
                        kind.as_str(),
                        name.name
                    ),
                    At::Span(file, name.span),
                )
            }
            PathError::WrongKind { name, found } => Diag::error(
                "wrong-item-kind",
                format!(
                    "name `{}` is defined as {} {}, not {} {}",
                    name.name,
                    article(*found),
                    found.as_str(),
                    article(expected),
                    expected.as_str()
                ),
                At::Span(file, name.span),
            ),
        }
    }
}

/// What is missing and where witty looked: the same package at other versions (which must
/// match exactly), else `deps/` next to the package, its layouts and how it is filled.
fn package_not_found(cx: &PathContext<'_>, package: &PackageName, item: &str) -> String {
    let same_name: Vec<&PackageName> = cx
        .graph
        .packages
        .iter()
        .map(|p| &p.name)
        .filter(|n| n.namespace == package.namespace && n.name == package.name)
        .collect();
    let own = &cx.graph.package(cx.owner).name;
    if own.namespace == package.namespace && own.name == package.name {
        return format!(
            "package `{package}` not found: `{}` is the package this is written in; name its \
             {item} directly, without the package: `{item}`",
            own.unversioned()
        );
    }
    if let Some(there) = same_name.first() {
        let versions: Vec<String> = same_name.iter().map(|n| format!("`{n}`")).collect();
        return match &package.version {
            None => format!(
                "package `{package}` not found: the path has no version, and only {} is there; \
                 write its version, as in `{}/{item}@{}`",
                versions.join(", "),
                package,
                there
                    .version
                    .as_ref()
                    .map(|v| v.to_string())
                    .unwrap_or_default()
            ),
            Some(_) => format!(
                "package `{package}` not found: only {} is there (versions must match exactly)",
                versions.join(", ")
            ),
        };
    }
    let root = cx.root_path;
    if root.extension().is_some_and(|e| e == "wit") {
        return format!(
            "package `{package}` not found: a single `.wit` file has no dependencies; check its \
             folder instead, with `{package}` in the folder's `deps/`"
        );
    }
    let deps = root.join("deps");
    let mut message = format!(
        "package `{package}` not found in `{}`: add it there as a folder of `.wit` files, a \
         single `.wit` file, or a binary WIT package (`.wasm`/`.wat`) directly in `deps/` \
         (`wkg wit fetch` or `wit-deps` fill `deps/` from a registry)",
        deps.display()
    );
    let others: Vec<String> = cx
        .graph
        .packages
        .iter()
        .filter(|p| p.is_dep)
        .map(|p| p.name.to_string())
        .collect();
    if !others.is_empty() {
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        message.push_str(&format!("; it has {}", list(&others)));
    }
    message
}

fn article(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Interface => "an",
        ItemKind::World => "a",
    }
}

/// How a package first refers to a foreign interface or world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignRef {
    pub kind: ItemKind,
    /// Where, which is where wit-parser reports that it does not exist.
    pub first: At,
}

/// The kind each foreign `ns:pkg/name` of a package is taken as: wit-parser decides by the
/// first path naming it (an `include` makes a world, anything else an interface), so a later
/// path wanting the other kind is an error there.
#[salsa::tracked(returns(clone))]
pub fn foreign_kinds(
    db: &dyn salsa::Database,
    root: Root,
    pkg: PkgId,
) -> Arc<IndexMap<(PackageName, Name), ForeignRef>> {
    let graph = package_graph(db, root);
    let mut out = IndexMap::default();
    let PackageSrc::Wit { lists } = &graph.package(pkg).src else {
        return Arc::new(out);
    };
    for &(file, list) in lists {
        let summary = file_summary(db, file);
        let Some(items) = summary.list(list) else {
            continue;
        };
        for p in items.items.iter().flat_map(|i| &i.paths) {
            if let UsePath::Package { package, name, .. } = &p.path {
                out.entry((package.clone(), name.name.clone()))
                    .or_insert(ForeignRef {
                        kind: p.kind,
                        first: At::Span(file, name.span),
                    });
            }
        }
    }
    Arc::new(out)
}

/// Resolves a path written in item list `list` of `file` (which belongs to package `owner`)
/// to an interface or world, expecting `expected`.
#[allow(clippy::too_many_arguments)]
pub fn resolve_path(
    db: &dyn salsa::Database,
    root: Root,
    graph: &PackageGraph,
    items: &PackageItems,
    file: File,
    list: DeclListId,
    owner: PkgId,
    path: &UsePath,
    expected: ItemKind,
) -> Result<ItemId, PathError> {
    match path {
        UsePath::Local(name) => {
            let summary = file_summary(db, file);
            let top = summary
                .list(list)
                .and_then(|l| l.items.iter().find(|i| i.name.name == name.name));
            let found = match top {
                // A file-level `use` names an item of this or another package.
                Some(ItemSummary {
                    use_path: Some(path),
                    ..
                }) => {
                    let target = match path {
                        UsePath::Local(n) => items.get(owner, &n.name).map(|d| {
                            (
                                ItemId {
                                    pkg: owner,
                                    name: n.name.clone(),
                                },
                                d.kind,
                            )
                        }),
                        UsePath::Package {
                            package, name: n, ..
                        } => graph.find(package).and_then(|p| {
                            items
                                .get(p, &n.name)
                                .filter(|d| d.kind == ItemKind::Interface)
                                .map(|d| {
                                    (
                                        ItemId {
                                            pkg: p,
                                            name: n.name.clone(),
                                        },
                                        d.kind,
                                    )
                                })
                        }),
                    };
                    match target {
                        Some(t) => Some(t),
                        // The `use` itself is reported; here the name just resolves to nothing.
                        None => return Err(PathError::Unknown { name: name.clone() }),
                    }
                }
                _ => items.get(owner, &name.name).map(|d| {
                    (
                        ItemId {
                            pkg: owner,
                            name: name.name.clone(),
                        },
                        d.kind,
                    )
                }),
            };
            match found {
                Some((id, kind)) if kind == expected => Ok(id),
                Some((_, kind)) => Err(PathError::WrongKind {
                    name: name.clone(),
                    found: kind,
                }),
                None => Err(PathError::Unknown { name: name.clone() }),
            }
        }
        UsePath::Package {
            package,
            package_span,
            name,
        } => {
            // wit-parser decides the kind of a foreign item before it looks for its package.
            let kinds = foreign_kinds(db, root, owner);
            let kind = kinds
                .get(&(package.clone(), name.name.clone()))
                .map_or(expected, |r| r.kind);
            if kind != expected {
                return Err(PathError::WrongKind {
                    name: name.clone(),
                    found: kind,
                });
            }
            let Some(pkg) = graph.find(package) else {
                return Err(PathError::PackageNotFound {
                    package: package.clone(),
                    span: *package_span,
                    item: name.name.clone(),
                });
            };
            match items.get(pkg, &name.name) {
                Some(def) if def.kind == expected => Ok(ItemId {
                    pkg,
                    name: name.name.clone(),
                }),
                _ => Err(PathError::ItemNotFound {
                    package: package.clone(),
                    name: name.clone(),
                    kind: expected,
                }),
            }
        }
    }
}
