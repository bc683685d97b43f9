//! A package's dependencies as they really are: each entry of its `deps/` (or of its wkg
//! workspace's `wkg/deps`, or wkg's cache), the packages it holds, which lock or manifest
//! explains it, what it needs, whether the package uses it; and what is wrong with them:
//! a `use` of a package that is declared or locked but not fetched, a digest that does not
//! match, `deps/` entries no lock explains, two tools filling one `deps/`, two versions of
//! a package where one would do.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use witty_syntax::{TextRange, TextSize};

use super::invocation::{self, ToolFix};
use super::{Locked, Project, Tool, cache, wit_deps_digest};
use crate::hir::{PackageName, UsePath, file_summary, span_map};
use crate::input::{PackageSource, Root};
use crate::semantics::binary::{BinWorldItem, binary_packages};
use crate::semantics::{PackageSrc, package_graph};
use crate::{AnalysisHost, Diagnostic, LoadedPackage, PackageLayout, Related, Severity};

/// Where a dependency was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// The package's own `deps/` folder.
    Folder,
    /// A wkg workspace's merged `<root>/wkg/deps`.
    Workspace,
    /// wkg's package cache, because a lock pins it and no folder has it.
    Cache,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Folder => "folder",
            Origin::Workspace => "workspace",
            Origin::Cache => "cache",
        }
    }
}

/// One dependency: a `deps/` entry or a cache blob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepEntry {
    pub path: PathBuf,
    pub origin: Origin,
    /// The packages it holds (`ns:name@version`).
    pub packages: Vec<String>,
    /// The lock entries that pin it: tool, lock file, version locked.
    pub locked: Vec<(Tool, PathBuf, Option<String>)>,
    /// The tools whose manifests ask for it.
    pub declared: Vec<Tool>,
    /// The packages its own WIT names.
    pub needs: Vec<String>,
    /// Whether the package being checked needs it, directly or through another dependency.
    pub used: bool,
}

/// A package that something needs and no dependency has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingDep {
    pub name: String,
    /// The packages that name it.
    pub needed_by: Vec<String>,
    /// The tools that declare or lock it, with the command that would fetch it.
    pub fetch: Option<(Tool, String)>,
}

/// Everything `wit deps` says about a package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepsReport {
    pub package_dir: PathBuf,
    /// The package's own name, when its files say it.
    pub name: Option<String>,
    pub tools: Vec<Tool>,
    /// The manifests and locks read.
    pub files: Vec<PathBuf>,
    pub entries: Vec<DepEntry>,
    pub missing: Vec<MissingDep>,
    /// Problems, each with its file and range (byte offsets).
    pub problems: Vec<Diagnostic>,
    /// The tool commands that fix some of the problems, at their places.
    pub fixes: Vec<ToolFix>,
}

/// A folder package with what its project adds: a wkg workspace member without a `deps/` of
/// its own reads the workspace's `wkg/deps`, and a package that a lock pins and no folder has
/// is read from wkg's cache. Errors reading those are left for the report to find.
pub fn with_project(package: &LoadedPackage, project: &Project) -> LoadedPackage {
    let mut package = package.clone();
    if package.deps.is_empty()
        && let Some(ws) = &project.workspace_deps
        && let Ok(deps) = crate::loader::load_deps(ws)
    {
        package.deps = deps;
    }
    let cached = cached_deps(&package, project);
    package.deps.extend(cached);
    package
}

/// The cache blobs of the locked packages that the package needs and no folder has.
fn cached_deps(package: &LoadedPackage, project: &Project) -> Vec<LoadedPackage> {
    let Some(cache_dir) = &project.cache_dir else {
        return Vec::new();
    };
    let candidates: Vec<&Locked> = project
        .locked
        .iter()
        .filter(|l| l.tool != Tool::WitDeps && l.version.is_some() && l.digest.is_some())
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    // A host of its own, that reads no project (the packages are what is asked about).
    let mut host = AnalysisHost::without_projects();
    let root = host.add_root(package, crate::Features::default());
    let (_, missing) = references(host.db(), root);
    let by_name: std::collections::HashMap<String, &Locked> = candidates
        .iter()
        .rev()
        .map(|l| (l.package_name(), *l))
        .collect();
    let mut out = Vec::new();
    let mut added = BTreeSet::new();
    for name in missing {
        let Some(lock) = by_name.get(&name.to_string()) else {
            continue;
        };
        let digest = lock.digest.as_deref().unwrap_or_default();
        let blob = cache::blob_path(cache_dir, digest);
        if !added.insert(blob.clone()) {
            continue;
        }
        // Read as a binary whatever its bytes are: a blob that is no WIT package is then
        // reported as one, at its path.
        if let Ok(bytes) = std::fs::read(&blob) {
            out.push(LoadedPackage {
                root: blob,
                layout: PackageLayout::Binary(bytes),
                files: Vec::new(),
                deps: Vec::new(),
            });
        }
    }
    out
}

/// A place in a `.wit` file that names another package.
#[derive(Debug, Clone)]
struct Ref {
    /// The index of the naming package in the root's package graph.
    from: usize,
    name: PackageName,
    at: Option<(PathBuf, TextRange)>,
}

/// Every reference from a package of the root to another package, and the names that no
/// package of the root has.
fn references(db: &dyn salsa::Database, root: Root) -> (Vec<Ref>, BTreeSet<PackageName>) {
    let graph = package_graph(db, root);
    let mut refs = Vec::new();
    for (i, pkg) in graph.packages.iter().enumerate() {
        match &pkg.src {
            PackageSrc::Wit { lists } => {
                for &(file, list) in lists {
                    let summary = file_summary(db, file);
                    let Some(items) = summary.list(list) else {
                        continue;
                    };
                    let spans = span_map(db, file);
                    for item in &items.items {
                        for p in &item.paths {
                            if let UsePath::Package {
                                package,
                                package_span,
                                ..
                            } = &p.path
                            {
                                refs.push(Ref {
                                    from: i,
                                    name: package.clone(),
                                    at: Some((file.path(db).clone(), spans.range(*package_span))),
                                });
                            }
                        }
                    }
                }
            }
            PackageSrc::Binary { file, index } => {
                let decoded = binary_packages(db, *file);
                let Some(bp) = decoded.packages.get(*index as usize) else {
                    continue;
                };
                let mut push = |name: &PackageName| {
                    refs.push(Ref {
                        from: i,
                        name: name.clone(),
                        at: None,
                    })
                };
                for iface in bp.interfaces.values() {
                    for (name, _) in &iface.deps {
                        push(name);
                    }
                }
                for world in bp.worlds.values() {
                    for item in world.imports.iter().chain(&world.exports) {
                        if let BinWorldItem::Interface(name, _) = item {
                            push(name);
                        }
                    }
                }
            }
        }
    }
    refs.retain(|r| graph.packages[r.from].name != r.name);
    let missing = refs
        .iter()
        .filter(|r| graph.find(&r.name).is_none())
        .map(|r| r.name.clone())
        .collect();
    (refs, missing)
}

/// The `deps/` folder name wit-deps gives a package: the one its manifest names it by, which
/// is by convention the package's name without its namespace (`io` for `wasi:io`).
fn wit_deps_ids(name: &PackageName) -> [String; 2] {
    [
        name.name.clone(),
        format!("{}-{}", name.namespace, name.name),
    ]
}

/// What is in a `deps/` entry's name for wit-deps: the folder (or file stem).
fn entry_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match name.rsplit_once('.') {
        Some((stem, "wit" | "wasm" | "wat")) => stem.to_string(),
        _ => name,
    }
}

/// Two versions where one would do: the newer is semver-compatible with the older.
fn compatible(a: &semver::Version, b: &semver::Version) -> bool {
    if a.major != b.major {
        return false;
    }
    if a.major > 0 {
        return true;
    }
    a.minor == b.minor && (a.minor > 0 || a.patch == b.patch)
}

fn info(code: &'static str, message: String, file: PathBuf, range: TextRange) -> Diagnostic {
    let mut d = Diagnostic::error(code, message, file, range);
    d.severity = Severity::Info;
    d
}

fn warning(code: &'static str, message: String, file: PathBuf, range: TextRange) -> Diagnostic {
    let mut d = Diagnostic::error(code, message, file, range);
    d.severity = Severity::Warning;
    d
}

fn start() -> TextRange {
    TextRange::empty(TextSize::new(0))
}

fn rel<'a>(path: &'a Path, base: &Path) -> std::path::Display<'a> {
    path.strip_prefix(base).unwrap_or(path).display()
}

/// What names a lock entry or a declaration: a `deps/` folder name (wit-deps), or a package
/// (`ns:name@version` in a lock, `ns:name` in a manifest).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Id(String),
    Package(String),
}

/// A dependency as the root holds it: where it is, and its bytes if it is a binary.
struct Src {
    root: PathBuf,
    bytes: Option<std::sync::Arc<[u8]>>,
}

/// The report of a root whose package folder belongs to `project`.
pub fn report(db: &dyn salsa::Database, root: Root, project: &Project) -> DepsReport {
    let deps: Vec<Src> = root
        .deps(db)
        .iter()
        .map(|d| match d {
            PackageSource::Wit { path, .. } => Src {
                root: path.clone(),
                bytes: None,
            },
            PackageSource::Binary(f) => Src {
                root: f.path(db).clone(),
                bytes: Some(f.bytes(db).clone()),
            },
        })
        .collect();
    let graph = package_graph(db, root);
    let (refs, _) = references(db, root);
    let deps_dir = project.package_dir.join("deps");
    let base = match project.package_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let has_lock = |tool: Tool| {
        project.locked.iter().any(|l| l.tool == tool)
            || project
                .files
                .iter()
                .any(|f| f.tool == tool && f.path.extension().is_some_and(|e| e == "lock"))
    };

    // Which entry each package of the graph comes from.
    let entry_of = |i: usize| -> Option<usize> {
        let pkg = &graph.packages[i];
        if !pkg.is_dep {
            return None;
        }
        let path = match &pkg.src {
            PackageSrc::Wit { lists } => lists.first().map(|(f, _)| f.path(db).clone())?,
            PackageSrc::Binary { file, .. } => file.path(db).clone(),
        };
        deps.iter()
            .position(|d| path == d.root || path.parent() == Some(d.root.as_path()))
    };
    let owners: Vec<Option<usize>> = (0..graph.packages.len()).map(entry_of).collect();

    // The lock entries and declarations by what names them, so that a big lock file is
    // looked up, not scanned, for each dependency.
    let mut locks: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, l) in project.locked.iter().enumerate() {
        let key = match l.tool {
            Tool::WitDeps => Key::Id(l.name.clone()),
            _ => Key::Package(l.package_name()),
        };
        locks.entry(key).or_default().push(i);
    }
    let mut declarations: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, d) in project.declared.iter().enumerate() {
        let key = match d.tool {
            Tool::WitDeps => Key::Id(d.name.clone()),
            _ => Key::Package(d.name.clone()),
        };
        declarations.entry(key).or_default().push(i);
    }

    // What the main package needs, directly or through what it needs.
    let mut used_pkgs: BTreeSet<usize> = BTreeSet::new();
    let mut stack: Vec<usize> = graph.main.map(|m| m.0 as usize).into_iter().collect();
    stack.extend((0..graph.packages.len()).filter(|&i| !graph.packages[i].is_dep));
    while let Some(i) = stack.pop() {
        if !used_pkgs.insert(i) {
            continue;
        }
        for r in refs.iter().filter(|r| r.from == i) {
            if let Some(id) = graph.find(&r.name) {
                stack.push(id.0 as usize);
            }
        }
    }

    let mut problems = project.problems.clone();
    let mut fixes: Vec<ToolFix> = Vec::new();
    let mut entries = Vec::new();
    for (e, dep) in deps.iter().enumerate() {
        let origin = if project
            .cache_dir
            .as_ref()
            .is_some_and(|c| dep.root.starts_with(c))
        {
            Origin::Cache
        } else if project
            .workspace_deps
            .as_ref()
            .is_some_and(|w| dep.root.starts_with(w))
        {
            Origin::Workspace
        } else {
            Origin::Folder
        };
        // Its own packages: a binary's embedded copies of what it uses are needs, not its.
        let pkgs: Vec<usize> = (0..graph.packages.len())
            .filter(|&i| owners[i] == Some(e) && !graph.packages[i].embedded)
            .collect();
        let names: Vec<&PackageName> = pkgs.iter().map(|&i| &graph.packages[i].name).collect();
        let id = entry_id(&dep.root);
        let mut found: Vec<usize> = locks.get(&Key::Id(id.clone())).cloned().unwrap_or_default();
        let mut asked: Vec<usize> = declarations
            .get(&Key::Id(id.clone()))
            .cloned()
            .unwrap_or_default();
        for n in &names {
            found.extend(
                locks
                    .get(&Key::Package(n.to_string()))
                    .into_iter()
                    .flatten(),
            );
            asked.extend(
                declarations
                    .get(&Key::Package(n.unversioned()))
                    .into_iter()
                    .flatten(),
            );
        }
        found.sort();
        found.dedup();
        let locked: Vec<&Locked> = found.iter().map(|&i| &project.locked[i]).collect();
        let declared: BTreeSet<Tool> = asked.iter().map(|&i| project.declared[i].tool).collect();
        let mut needs: Vec<String> = refs
            .iter()
            .filter(|r| pkgs.contains(&r.from) && !names.contains(&&r.name))
            .map(|r| r.name.to_string())
            .collect();
        needs.sort();
        needs.dedup();

        // A wkg lock's digest is of the package's binary: check it where the binary is. A
        // wit-deps lock's is of a tar of the folder's `.wit` files.
        for l in &locked {
            let Some(digest) = &l.digest else { continue };
            if l.tool == Tool::WitDeps {
                let fix = invocation::fetch(project, Tool::WitDeps, true);
                if origin == Origin::Folder
                    && let Some(d) = wit_deps_digest::check(l, &dep.root, base, &fix.display())
                {
                    fixes.push(fix_at(&d, fix));
                    problems.push(d);
                }
                continue;
            }
            let Some(bytes) = &dep.bytes else {
                continue;
            };
            let found = cache::sha256(bytes);
            if &found != digest {
                let fix = invocation::fetch(project, l.tool, true);
                let mut d = Diagnostic::error(
                    "lock-digest-mismatch",
                    format!(
                        "`{}` locks `{}` with digest `{digest}`, but `{}` has digest `{found}`: the file changed since it was fetched; run `{}` to fetch it again",
                        rel(&l.file, base),
                        l.package_name(),
                        rel(&dep.root, base),
                        fix.display()
                    ),
                    l.file.clone(),
                    l.digest_range,
                );
                d.related.push(Related {
                    file: dep.root.clone(),
                    range: start(),
                    message: "the file whose digest differs".into(),
                });
                fixes.push(fix_at(&d, fix));
                problems.push(d);
            }
        }
        if origin == Origin::Folder && locked.is_empty() {
            // Which lock should explain it: the one of the tool that fills this `deps/`.
            let lock = project.files.iter().find(|f| {
                f.path.extension().is_some_and(|x| x == "lock") && f.tool != Tool::CargoComponent
            });
            if let Some(lock) = lock {
                let what = if names.is_empty() {
                    String::new()
                } else {
                    format!(
                        " (`{}`)",
                        names
                            .iter()
                            .map(|n| n.to_string())
                            .collect::<Vec<_>>()
                            .join("`, `")
                    )
                };
                problems.push(warning(
                    "unlocked-dependency",
                    format!(
                        "`{}`{what} is in `deps/` but `{}` does not lock it: it was put there by hand or by another tool, and `{}` may delete or replace it; declare it so that the lock has it, or remove it",
                        rel(&dep.root, base),
                        rel(&lock.path, base),
                        invocation::fetch(project, lock.tool, true).display()
                    ),
                    lock.path.clone(),
                    start(),
                ));
            }
        }
        entries.push(DepEntry {
            path: dep.root.clone(),
            origin,
            packages: names.iter().map(|n| n.to_string()).collect(),
            locked: locked
                .iter()
                .map(|l| {
                    (
                        l.tool,
                        l.file.clone(),
                        l.version.as_ref().map(|v| v.to_string()),
                    )
                })
                .collect(),
            declared: declared.into_iter().collect(),
            needs,
            used: pkgs.iter().any(|i| used_pkgs.contains(i)),
        });
    }

    // A blob in the cache whose bytes are not what its name says.
    for entry in entries.iter().filter(|e| e.origin == Origin::Cache) {
        let Some(name) = entry
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
        else {
            continue;
        };
        let Some(dep) = deps.iter().find(|d| d.root == entry.path) else {
            continue;
        };
        let Some(bytes) = &dep.bytes else {
            continue;
        };
        let found = cache::sha256(bytes);
        if found != name
            && let Some(l) = project
                .locked
                .iter()
                .find(|l| l.digest.as_deref() == Some(name.as_str()))
        {
            problems.push(Diagnostic::error(
                "lock-digest-mismatch",
                format!(
                    "wkg's cache holds `{}` for `{}`, but its content has digest `{found}`: the cache is damaged; delete that file and run `{}` to fetch it again",
                    entry.path.display(),
                    l.package_name(),
                    invocation::fetch(project, l.tool, true).display()
                ),
                l.file.clone(),
                l.digest_range,
            ));
        }
    }

    // Uses resolved from the cache, and uses of packages declared or locked but not fetched.
    let mut missing: BTreeMap<String, MissingDep> = BTreeMap::new();
    let mut noted: BTreeSet<(usize, String)> = BTreeSet::new();
    for r in &refs {
        let name = r.name.to_string();
        let from = graph.packages[r.from].name.to_string();
        match graph.find(&r.name) {
            Some(id) => {
                let Some(e) = owners[id.0 as usize] else {
                    continue;
                };
                if entries[e].origin != Origin::Cache || graph.packages[r.from].is_dep {
                    continue;
                }
                let Some((file, range)) = &r.at else { continue };
                if !noted.insert((r.from, name.clone())) {
                    continue;
                }
                let lock = entries[e]
                    .locked
                    .first()
                    .map(|(_, f, _)| rel(f, base).to_string())
                    .unwrap_or_default();
                let fix = invocation::fetch(project, Tool::Wkg, true);
                let d = info(
                    "dependency-from-cache",
                    format!(
                        "`{name}` is not in `deps/`: it is read from wkg's cache (`{}`), as `{lock}` pins it; tools that read only `deps/` will not find it until `{}` puts it there",
                        entries[e].path.display(),
                        fix.display()
                    ),
                    file.clone(),
                    *range,
                );
                fixes.push(fix_at(&d, fix));
                problems.push(d);
            }
            None => {
                let first = |index: &HashMap<Key, Vec<usize>>, package: String| {
                    wit_deps_ids(&r.name)
                        .into_iter()
                        .map(Key::Id)
                        .chain([Key::Package(package)])
                        .filter_map(|k| index.get(&k)?.first().copied())
                        .min()
                };
                let locked = first(&locks, name.clone()).map(|i| &project.locked[i]);
                let declared =
                    first(&declarations, r.name.unversioned()).map(|i| &project.declared[i]);
                let fetch = match (locked, declared) {
                    (Some(l), _) => Some((
                        invocation::fetch(project, l.tool, true),
                        format!("`{}` locks it", rel(&l.file, base)),
                    )),
                    (None, Some(d)) => Some((
                        invocation::fetch(project, d.tool, has_lock(d.tool)),
                        format!("`{}` declares it", rel(&d.file, base)),
                    )),
                    (None, None) => None,
                };
                let m = missing.entry(name.clone()).or_insert_with(|| MissingDep {
                    name: name.clone(),
                    needed_by: Vec::new(),
                    fetch: fetch.as_ref().map(|(i, _)| (i.tool, i.display())),
                });
                if !m.needed_by.contains(&from) {
                    m.needed_by.push(from.clone());
                }
                let (Some((fix, why)), Some((file, range))) = (fetch, &r.at) else {
                    continue;
                };
                let tool = fix.tool;
                let cached = if tool == Tool::Wkg || tool == Tool::CargoComponent {
                    " (nor wkg's cache)"
                } else {
                    ""
                };
                let dir = if tool == Tool::CargoComponent {
                    "the crate's folder"
                } else {
                    "the project folder"
                };
                let d = Diagnostic::error(
                    "dependency-not-fetched",
                    format!(
                        "package `{name}` is not fetched: {why}, but `deps/` does not have it{cached}; run `{}` in {dir} ({}) ({} installs with `{}`)",
                        fix.display(),
                        fix.cwd.display(),
                        fix.requires(),
                        fix.install_hint()
                    ),
                    file.clone(),
                    *range,
                );
                fixes.push(fix_at(&d, fix));
                problems.push(d);
            }
        }
    }

    // Two tools filling one `deps/`: wkg deletes the folder and writes it anew on each fetch.
    let wkg_lock = project
        .files
        .iter()
        .find(|f| f.tool == Tool::Wkg && f.path.file_name().is_some_and(|n| n == "wkg.lock"));
    let wit_deps_file = project.files.iter().find(|f| f.tool == Tool::WitDeps);
    if let (Some(wkg), Some(wd)) = (wkg_lock, wit_deps_file)
        && project.workspace_deps.is_none()
    {
        let mut d = warning(
            "conflicting-dependency-tools",
            format!(
                "both wit-deps (`{}`) and wkg (`{}`) fill `{}`: `wkg wit fetch` deletes `deps/` and writes it anew, and `wit-deps` replaces the folders it manages, so each undoes the other; keep one tool",
                rel(&wd.path, base),
                rel(&wkg.path, base),
                rel(&deps_dir, base)
            ),
            wd.path.clone(),
            start(),
        );
        d.related.push(Related {
            file: wkg.path.clone(),
            range: start(),
            message: "the other tool's lock".into(),
        });
        problems.push(d);
    }

    // Two versions of one package where one would do.
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, p) in graph.packages.iter().enumerate() {
        if p.is_dep && !p.embedded && p.name.version.is_some() {
            by_name.entry(p.name.unversioned()).or_default().push(i);
        }
    }
    for ids in by_name.values() {
        for (a, &i) in ids.iter().enumerate() {
            for &j in &ids[a + 1..] {
                let (vi, vj) = (
                    graph.packages[i].name.version.as_ref().unwrap(),
                    graph.packages[j].name.version.as_ref().unwrap(),
                );
                if vi == vj || !compatible(vi, vj) {
                    continue;
                }
                let (old, new) = if vi < vj { (i, j) } else { (j, i) };
                let old_name = graph.packages[old].name.to_string();
                let new_version = graph.packages[new]
                    .name
                    .version
                    .as_ref()
                    .unwrap()
                    .to_string();
                let place = refs
                    .iter()
                    .find(|r| {
                        graph.packages[r.from].name.to_string() != old_name
                            && r.name.to_string() == old_name
                            && r.at.is_some()
                    })
                    .and_then(|r| r.at.clone())
                    .or_else(|| owners[old].map(|e| (deps[e].root.clone(), start())));
                let Some((file, range)) = place else { continue };
                problems.push(warning(
                    "duplicate-dependency-version",
                    format!(
                        "`deps/` has both `{old_name}` and `{}`; {new_version} is compatible with {}, so one would do: use `@{new_version}` everywhere and remove the older one",
                        graph.packages[new].name,
                        graph.packages[old].name.version.as_ref().unwrap()
                    ),
                    file,
                    range,
                ));
            }
        }
    }

    DepsReport {
        package_dir: project.package_dir.clone(),
        name: graph.main.map(|m| graph.package(m).name.to_string()),
        tools: project.tools(),
        files: project.files.iter().map(|f| f.path.clone()).collect(),
        entries,
        missing: missing.into_values().collect(),
        problems,
        fixes,
    }
}

fn fix_at(d: &Diagnostic, invocation: invocation::Invocation) -> ToolFix {
    ToolFix {
        code: d.code,
        file: d.file.clone(),
        range: d.range,
        invocation,
    }
}

/// The root's diagnostics with the report's: an `unresolved-package` error where the report
/// says exactly why (a `dependency-not-fetched` at the same place) gives way to it.
pub fn merge(diagnostics: &mut Vec<Diagnostic>, report: &DepsReport) {
    let better: std::collections::HashSet<(PathBuf, TextRange)> = report
        .problems
        .iter()
        .filter(|d| d.code == "dependency-not-fetched")
        .map(|d| (d.file.clone(), d.range))
        .collect();
    diagnostics
        .retain(|d| d.code != "unresolved-package" || !better.contains(&(d.file.clone(), d.range)));
    diagnostics.extend(report.problems.iter().cloned());
}
