//! What runs when the editor has been quiet for a moment: wit-parser's verdict on every
//! package (the backstop), and the checks of built components against the worlds they were
//! built for, and of the socket/plug sets of the settings. Slow work, on inputs copied out of
//! the database, so that no edit waits for it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use witty_analysis::Diagnostic;
use witty_analysis::backstop::BackstopInput;
use witty_analysis::component::{
    Component, PackageWorlds, built_for, conformance, export_names, plug, read_component,
};
use witty_analysis::ide::{WorldSpans, component_diagnostics, composition_diagnostics};

use crate::project::{ProjectSettings, resolve};

/// What the quiet moments found: per package folder, wit-parser's error (shown only where
/// witty finds none, and only for the version of the package it was found in) and the
/// problems of built components (always shown).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    pub backstop: HashMap<PathBuf, (u64, Diagnostic)>,
    pub components: HashMap<PathBuf, Vec<Diagnostic>>,
    /// What is wrong with the settings (`witty.toml`, a glob, a file a compose set names):
    /// no place in a WIT file to show it, so the editor shows it as a message.
    pub settings: Vec<String>,
}

impl Findings {
    /// wit-parser's error for a package, if it was found in this version of the package.
    pub fn backstop_for(&self, root: &Path, version: u64) -> Option<&Diagnostic> {
        self.backstop
            .get(root)
            .filter(|(at, _)| *at == version)
            .map(|(_, d)| d)
    }
}

/// What the last quiet moment knew of the workspace's built components.
#[derive(Default)]
pub struct Known {
    pub components: Vec<Arc<Component>>,
    /// For each world (the file that defines it, and its name), the components built for it,
    /// the newest build first.
    pub built: HashMap<(PathBuf, String), Vec<Arc<Component>>>,
    /// The settings in force: the client's, else `witty.toml`'s.
    pub settings: ProjectSettings,
}

impl Known {
    /// The component to run for a world: its newest build.
    pub fn component_for(&self, world_file: &Path, world: &str) -> Option<&Arc<Component>> {
        self.built
            .get(&(world_file.to_path_buf(), world.to_string()))?
            .first()
    }
}

/// A package to check: its wit-parser input, and where each of its worlds says its imports
/// and exports.
pub struct PackageInput {
    pub root: PathBuf,
    /// The version of the package's inputs (see `Analysis::root_version`).
    pub version: u64,
    /// Whether witty's own checks found an error: then wit-parser's verdict is not needed.
    pub has_errors: bool,
    pub input: BackstopInput,
    pub worlds: HashMap<String, WorldSpans>,
}

/// wit-parser's work on the packages, kept between quiet moments and redone for a package
/// only when its version changes.
#[derive(Default)]
pub struct Resolved {
    packages: HashMap<PathBuf, ResolvedPackage>,
    /// Conformance of a component (by path) to a world (package folder and name), for the
    /// component as read and the package's version.
    checks: HashMap<(PathBuf, PathBuf, String), Check>,
}

struct Check {
    component: Arc<Component>,
    version: u64,
    result: witty_analysis::component::Conformance,
}

struct ResolvedPackage {
    version: u64,
    /// wit-parser's error, if it found one.
    verdict: Option<Diagnostic>,
    /// The export names of each world: what a component is matched to its world by.
    worlds: Vec<(String, Vec<String>)>,
    /// The resolved package, kept only while a component built for one of its worlds needs
    /// it (the big packages of a workspace are tens of megabytes resolved).
    resolve: Option<Arc<(wit_parser::Resolve, wit_parser::PackageId)>>,
}

impl Resolved {
    /// wit-parser's verdict on a package at its current version, resolving it if needed;
    /// returns the resolved package for this quiet moment's use.
    fn resolve(
        &mut self,
        p: &PackageInput,
    ) -> Option<Arc<(wit_parser::Resolve, wit_parser::PackageId)>> {
        if let Some(known) = self.packages.get(&p.root)
            && known.version == p.version
            && (known.verdict.is_some() || known.resolve.is_some())
        {
            return known.resolve.clone();
        }
        let started = std::time::Instant::now();
        let result = p.input.resolve();
        tracing::debug!(
            root = %p.root.display(),
            version = p.version,
            ok = result.is_ok(),
            "wit-parser resolved the package in {:?}",
            started.elapsed()
        );
        let (verdict, resolved) = match result {
            Ok(resolved) => (None, Some(Arc::new(resolved))),
            Err(d) => (Some(d), None),
        };
        let worlds = resolved
            .as_ref()
            .map(|r| {
                let (resolve, pkg) = &**r;
                resolve.packages[*pkg]
                    .worlds
                    .iter()
                    .map(|(name, &w)| (name.clone(), export_names(resolve, w)))
                    .collect()
            })
            .unwrap_or_default();
        self.packages.insert(
            p.root.clone(),
            ResolvedPackage {
                version: p.version,
                verdict,
                worlds,
                resolve: resolved.clone(),
            },
        );
        resolved
    }

    /// The export names of every world of every package wit-parser resolved.
    fn world_exports(&self) -> Vec<PackageWorlds> {
        self.packages
            .iter()
            .map(|(root, p)| (root.clone(), p.worlds.clone()))
            .collect()
    }

    /// Whether a component conforms to a world of a package; computed again only when the
    /// component or the package changed.
    fn conformance(
        &mut self,
        input: &PackageInput,
        component: &Arc<Component>,
        world: &str,
    ) -> witty_analysis::component::Conformance {
        let key = (
            component.path.clone(),
            input.root.clone(),
            world.to_string(),
        );
        if let Some(check) = self.checks.get(&key)
            && check.version == input.version
            && Arc::ptr_eq(&check.component, component)
        {
            return check.result.clone();
        }
        let Some(resolved) = self.resolve(input) else {
            return Default::default();
        };
        let (resolve, pkg) = &*resolved;
        let Some(&id) = resolve.packages[*pkg].worlds.get(world) else {
            return Default::default();
        };
        let result = conformance(component, resolve, id);
        self.checks.insert(
            key,
            Check {
                component: component.clone(),
                version: input.version,
                result: result.clone(),
            },
        );
        result
    }

    /// Drops the resolved packages no component needs, and checks of components and
    /// packages that are gone.
    fn keep_only(&mut self, needed: &[PathBuf]) {
        for (root, p) in self.packages.iter_mut() {
            if !needed.contains(root) {
                p.resolve = None;
            }
        }
        let packages = &self.packages;
        self.checks
            .retain(|(_, root, _), c| packages.get(root).is_some_and(|p| p.version == c.version));
    }

    /// Whether wit-parser has a verdict on this version of the package.
    fn knows(&self, p: &PackageInput) -> bool {
        self.packages
            .get(&p.root)
            .is_some_and(|known| known.version == p.version)
    }
}

/// Components read from disk, kept until their file changes.
#[derive(Default)]
pub struct ComponentCache {
    entries: HashMap<PathBuf, (Stamp, Result<Arc<Component>, String>)>,
}

/// A file's modification time and length: when both stay, the file is taken as unchanged.
type Stamp = (SystemTime, u64);

impl ComponentCache {
    pub fn read(&mut self, path: &Path) -> Result<Arc<Component>, String> {
        let stamp = std::fs::metadata(path)
            .map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()))
            .map_err(|e| format!("{}: cannot read file: {e}", path.display()))?;
        if let Some((seen, read)) = self.entries.get(path)
            && *seen == stamp
        {
            return read.clone();
        }
        // wit-parser decodes the component's types: a panic there is this file's problem.
        let read = witty_analysis::reference::catch(|| read_component(path))
            .map(|read| read.map_err(|e| e.to_string()))
            .unwrap_or_else(|panic| {
                Err(format!(
                    "{}: wit-parser crashed reading it: {panic}",
                    path.display()
                ))
            })
            .map(Arc::new);
        self.entries
            .insert(path.to_path_buf(), (stamp, read.clone()));
        read
    }

    /// Forgets the files that are not among `paths` any more.
    pub fn retain(&mut self, paths: &[PathBuf]) {
        self.entries.retain(|p, _| paths.contains(p));
    }
}

/// Runs the backstop on every package that changed since its last verdict and that witty
/// finds clean, then checks the built components and compose sets.
pub fn run(
    packages: Vec<PackageInput>,
    components: &[PathBuf],
    settings: &ProjectSettings,
    folder: Option<&Path>,
    cache: &mut ComponentCache,
    known_packages: &mut Resolved,
) -> (Findings, Known) {
    let mut findings = Findings::default();
    let mut worlds: HashMap<(PathBuf, String), WorldSpans> = HashMap::new();
    known_packages
        .packages
        .retain(|root, _| packages.iter().any(|p| &p.root == root));
    for p in &packages {
        if !p.has_errors && !known_packages.knows(p) {
            known_packages.resolve(p);
        }
        if let Some(known) = known_packages.packages.get(&p.root)
            && let Some(d) = &known.verdict
        {
            findings
                .backstop
                .insert(p.root.clone(), (known.version, d.clone()));
        }
        for (name, at) in &p.worlds {
            worlds.insert((p.root.clone(), name.clone()), at.clone());
        }
    }
    // The files of the compose sets stay cached too, or each quiet moment would decode them.
    let mut keep = components.to_vec();
    if let Some(folder) = folder {
        for set in &settings.compose {
            keep.push(resolve(folder, &set.socket));
            keep.extend(set.plugs.iter().map(|p| resolve(folder, p)));
        }
    }
    cache.retain(&keep);
    let mut known = Vec::new();
    for path in components {
        // A file that is not a component (a core module, a WIT package) is simply not one of
        // the workspace's components.
        if let Ok(c) = cache.read(path) {
            known.push(c);
        }
    }
    let exports = known_packages.world_exports();
    let mut built: HashMap<(PathBuf, String), Vec<Arc<Component>>> = HashMap::new();
    let mut needed: Vec<PathBuf> = Vec::new();
    for component in &known {
        for (root, world_name) in built_for(&exports, component) {
            let Some(at) = worlds.get(&(root.clone(), world_name.clone())) else {
                continue;
            };
            let Some(input) = packages.iter().find(|p| p.root == root) else {
                continue;
            };
            built
                .entry((at.file.clone(), world_name.clone()))
                .or_default()
                .push(component.clone());
            needed.push(root.clone());
            let result = known_packages.conformance(input, component, &world_name);
            let found = component_diagnostics(&component.path, &result, at);
            if !found.is_empty() {
                findings
                    .components
                    .entry(root.clone())
                    .or_default()
                    .extend(found);
            }
        }
    }
    if let Some(folder) = folder {
        for set in &settings.compose {
            compose_set(folder, set, &exports, &worlds, cache, &mut findings);
        }
    }
    known_packages.keep_only(&needed);
    for components in built.values_mut() {
        // Debug and release builds of one world: the one built last is the one to run.
        components.sort_by_key(|c| std::cmp::Reverse(modified(&c.path)));
    }
    let known = Known {
        components: known,
        built,
        settings: settings.clone(),
    };
    (findings, known)
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

/// A socket/plug set of the settings: every plug that does not fit the import it is named
/// for, and every import several plugs could fill, shown on the socket's world. Imports no
/// plug fills are left alone: the host may provide them.
fn compose_set(
    folder: &Path,
    set: &crate::project::ComposeSet,
    exports: &[PackageWorlds],
    worlds: &HashMap<(PathBuf, String), WorldSpans>,
    cache: &mut ComponentCache,
    findings: &mut Findings,
) {
    let socket = match cache.read(&resolve(folder, &set.socket)) {
        Ok(socket) => socket,
        Err(e) => {
            findings
                .settings
                .push(format!("witty.compose: the socket {e}"));
            return;
        }
    };
    let mut plugs = Vec::new();
    let mut names = Vec::new();
    for p in &set.plugs {
        let path = resolve(folder, p);
        match cache.read(&path) {
            Ok(c) => {
                plugs.push((*c).clone());
                names.push(path);
            }
            Err(e) => findings
                .settings
                .push(format!("witty.compose: the plug {e}")),
        }
    }
    let report = plug(&socket, &plugs);
    let Some((root, world_name)) = built_for(exports, &socket).into_iter().next() else {
        return;
    };
    let Some(at) = worlds.get(&(root.clone(), world_name)) else {
        return;
    };
    let plugs: Vec<&Path> = names.iter().map(PathBuf::as_path).collect();
    let found = composition_diagnostics(&report, &plugs, at);
    if !found.is_empty() {
        findings.components.entry(root).or_default().extend(found);
    }
}
