//! Which packages a root has: the folder's own package (all file-level items of its files),
//! every nested `package a:b { }` block, and every package of its dependencies, text or
//! binary. Identity comes from the `package` line, not from folder names.

use std::sync::Arc;

use super::binary::binary_packages;
use super::{At, Diag};
use crate::hir::{DeclListId, PackageName, file_summary};
use crate::input::{BinaryFile, File, PackageSource, Root};

/// Index of a package in its root's `PackageGraph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PkgId(pub u32);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageGraph {
    pub packages: Vec<Package>,
    /// The root's own package (the one named by the `package` lines of its files).
    pub main: Option<PkgId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    pub name: PackageName,
    /// From `deps/` rather than from the root's own files.
    pub is_dep: bool,
    /// A binary's copy of a package its own package uses, with only what that one uses:
    /// wit-parser merges it with the package defined elsewhere, so it is never a duplicate
    /// and names resolve to the package itself when there is one.
    pub embedded: bool,
    pub src: PackageSrc,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageSrc {
    /// The item lists that make up the package: the file level of each file of a folder,
    /// or the body of one nested package.
    Wit { lists: Vec<(File, DeclListId)> },
    /// The `index`th package decoded from a binary.
    Binary { file: BinaryFile, index: u32 },
}

impl PackageGraph {
    pub fn package(&self, id: PkgId) -> &Package {
        &self.packages[id.0 as usize]
    }

    pub fn ids(&self) -> impl Iterator<Item = PkgId> + '_ {
        (0..self.packages.len() as u32).map(PkgId)
    }

    /// The first package named exactly `name` (versions must match, as in wit-parser); a
    /// package itself rather than a binary's embedded copy of it, when there is one.
    pub fn find(&self, name: &PackageName) -> Option<PkgId> {
        self.packages
            .iter()
            .position(|p| &p.name == name && !p.embedded)
            .or_else(|| self.packages.iter().position(|p| &p.name == name))
            .map(|i| PkgId(i as u32))
    }

    /// The package an item list of a file belongs to.
    pub fn owner(&self, file: File, list: DeclListId) -> Option<PkgId> {
        self.packages
            .iter()
            .position(|p| match &p.src {
                PackageSrc::Wit { lists } => lists.contains(&(file, list)),
                PackageSrc::Binary { .. } => false,
            })
            .map(|i| PkgId(i as u32))
    }
}

/// One source's packages, and what is wrong with how they are declared.
struct Assembled {
    packages: Vec<Package>,
    main: Option<usize>,
    diags: Vec<Diag>,
}

fn assemble(db: &dyn salsa::Database, source: &PackageSource, is_dep: bool) -> Assembled {
    let mut out = Assembled {
        packages: Vec::new(),
        main: None,
        diags: Vec::new(),
    };
    match source {
        PackageSource::Binary(file) => {
            let decoded = binary_packages(db, *file);
            for (i, pkg) in decoded.packages.iter().enumerate() {
                out.packages.push(Package {
                    name: pkg.name.clone(),
                    is_dep,
                    embedded: pkg.embedded,
                    src: PackageSrc::Binary {
                        file: *file,
                        index: i as u32,
                    },
                });
            }
            if let Some(error) = &decoded.error {
                out.diags.push(Diag::error(
                    "invalid-binary-package",
                    error.clone(),
                    At::Binary(*file),
                ));
            }
        }
        PackageSource::Wit { path, files } => {
            let mut files = files.clone();
            files.sort_by(|a, b| a.path(db).cmp(b.path(db)));
            let mut name: Option<PackageName> = None;
            let mut docs_seen = false;
            let mut lists = Vec::new();
            for &file in &files {
                let tree = file_summary(db, file);
                if let Some(header) = &tree.header {
                    match &name {
                        Some(prev) if *prev != header.name => out.diags.push(Diag::error(
                            "package-mismatch",
                            format!(
                                "package identifier `{}` does not match previous package name of `{prev}`",
                                header.name
                            ),
                            At::Span(file, header.span),
                        )),
                        Some(_) => {}
                        None => name = Some(header.name.clone()),
                    }
                    if header.has_docs {
                        if docs_seen {
                            let at = header.docs_span.unwrap_or(header.span);
                            out.diags.push(Diag::error(
                                "duplicate-package-docs",
                                "found doc comments on multiple 'package' items; wit-parser takes every \
                                 comment above a `package` line as the package's documentation, so keep \
                                 comments above only one of them",
                                At::Span(file, at),
                            ));
                        }
                        docs_seen = true;
                    }
                }
                lists.push((file, DeclListId::Top));
                for (i, nested) in tree.nested.iter().enumerate() {
                    for &span in &nested.nested_spans {
                        out.diags.push(Diag::error(
                            "nested-package",
                            "nested packages must be placed at the top-level",
                            At::Span(file, span),
                        ));
                    }
                    out.packages.push(Package {
                        name: nested.name.clone(),
                        is_dep,
                        embedded: false,
                        src: PackageSrc::Wit {
                            lists: vec![(file, DeclListId::Nested(i as u32))],
                        },
                    });
                }
            }
            match name {
                Some(name) => {
                    out.main = Some(out.packages.len());
                    out.packages.push(Package {
                        name,
                        is_dep,
                        embedded: false,
                        src: PackageSrc::Wit { lists },
                    });
                }
                // A `package` line that is there but malformed is a syntax error, the one to fix.
                None if files.iter().any(|&f| has_package_line(db, f)) => {}
                None => {
                    let (at, message) = match files.first() {
                        Some(&f) => (
                            At::FileStart(f),
                            "no `package` header was found in any WIT file for this package; add \
                             a line such as `package my-namespace:my-package;` at the top of one \
                             of its files",
                        ),
                        None if is_dep => (
                            At::Path(path.clone()),
                            "no `.wit` files in this folder of `deps/`: a dependency is a folder of \
                             `.wit` files, a single `.wit` file, or a binary package \
                             (`.wasm`/`.wat`) directly in `deps/`, not in a subfolder of it",
                        ),
                        None => (
                            At::Path(path.clone()),
                            "no `.wit` files in this folder: a package is the `.wit` files directly \
                             in a folder (subfolders are not read, except `deps/` for \
                             dependencies); check the folder that holds them",
                        ),
                    };
                    out.diags
                        .push(Diag::error("missing-package-header", message, at));
                }
            }
        }
    }
    out
}

/// Whether a file starts with a `package` line, well-formed or not.
fn has_package_line(db: &dyn salsa::Database, file: File) -> bool {
    crate::hir::parse(db, file)
        .syntax_node()
        .children()
        .any(|n| n.kind() == witty_syntax::SyntaxKind::PACKAGE_DECL)
}

/// The packages of a root: its own, then those of each dependency, in `deps/` order.
#[salsa::tracked(returns(clone))]
pub fn package_graph(db: &dyn salsa::Database, root: Root) -> Arc<PackageGraph> {
    let mut graph = PackageGraph {
        packages: Vec::new(),
        main: None,
    };
    let sources =
        std::iter::once((root.main(db), false)).chain(root.deps(db).iter().map(|d| (d, true)));
    for (source, is_dep) in sources {
        let assembled = assemble(db, source, is_dep);
        if !is_dep {
            graph.main = assembled
                .main
                .map(|i| PkgId((graph.packages.len() + i) as u32));
        }
        graph.packages.extend(assembled.packages);
    }
    Arc::new(graph)
}

/// What is wrong with the packages of a root: headers that disagree, missing headers,
/// misplaced nested packages, packages defined twice, undecodable binaries.
#[salsa::tracked(returns(clone))]
pub fn package_graph_diags(db: &dyn salsa::Database, root: Root) -> Arc<Vec<Diag>> {
    let mut diags = Vec::new();
    let sources =
        std::iter::once((root.main(db), false)).chain(root.deps(db).iter().map(|d| (d, true)));
    for (source, is_dep) in sources {
        diags.extend(assemble(db, source, is_dep).diags);
    }
    let graph = package_graph(db, root);
    // wit-parser reports the later of two packages with one name.
    let mut seen: Vec<(&PackageName, usize)> = Vec::new();
    for (i, pkg) in graph.packages.iter().enumerate() {
        if pkg.embedded {
            continue;
        }
        if let Some(&(_, first)) = seen.iter().find(|(n, _)| *n == &pkg.name) {
            let at = package_name_at(db, &graph.packages[i]);
            let first_at = package_name_at(db, &graph.packages[first]);
            diags.push(
                Diag::error(
                    "duplicate-package",
                    format!(
                        "package `{}` is defined in two different locations",
                        pkg.name
                    ),
                    at,
                )
                .with_related(first_at, "first defined here"),
            );
        } else {
            seen.push((&pkg.name, i));
        }
    }
    Arc::new(diags)
}

/// Where a package's name is declared.
pub fn package_name_at(db: &dyn salsa::Database, pkg: &Package) -> At {
    match &pkg.src {
        PackageSrc::Binary { file, .. } => At::Binary(*file),
        PackageSrc::Wit { lists } => {
            for &(file, list) in lists {
                let tree = file_summary(db, file);
                match list {
                    DeclListId::Top => {
                        if let Some(h) = &tree.header {
                            return At::Span(file, h.span);
                        }
                    }
                    DeclListId::Nested(i) => {
                        if let Some(n) = tree.nested.get(i as usize) {
                            return At::Span(file, n.span);
                        }
                    }
                }
            }
            match lists.first() {
                Some(&(file, _)) => At::FileStart(file),
                None => At::Path(Default::default()),
            }
        }
    }
}
