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
use witty_analysis::component::{Component, conformance, match_names, plug, read_component};
use witty_analysis::ide::{WorldSpans, component_diagnostics, composition_diagnostics};

use crate::project::{ProjectSettings, resolve};

/// What a quiet moment found: per package folder, wit-parser's error (shown only where
/// witty finds none) and the problems of built components (always shown).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    pub backstop: HashMap<PathBuf, Diagnostic>,
    pub components: HashMap<PathBuf, Vec<Diagnostic>>,
    /// What is wrong with the settings (`witty.toml`, a glob, a file a compose set names):
    /// no place in a WIT file to show it, so the editor shows it as a message.
    pub settings: Vec<String>,
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
    pub input: BackstopInput,
    pub worlds: HashMap<String, WorldSpans>,
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
        let read = read_component(path)
            .map(Arc::new)
            .map_err(|e| e.to_string());
        self.entries
            .insert(path.to_path_buf(), (stamp, read.clone()));
        read
    }

    /// Forgets the files that are not among `paths` any more.
    pub fn retain(&mut self, paths: &[PathBuf]) {
        self.entries.retain(|p, _| paths.contains(p));
    }
}

/// The export names of a world: what decides which world a component was built for.
fn export_names(resolve: &wit_parser::Resolve, world: wit_parser::WorldId) -> Vec<String> {
    resolve.worlds[world]
        .exports
        .keys()
        .map(|k| resolve.name_world_key(k))
        .collect()
}

/// How many of `ours` a component exports (by name and the semver rule).
fn overlap(ours: &[String], theirs: &[String]) -> usize {
    ours.iter()
        .filter(|o| theirs.iter().any(|t| match_names(o, t).is_ok()))
        .count()
}

/// The worlds (of all packages) each component was built for: those sharing the most export
/// names with it, at least one.
pub fn built_for(
    packages: &[(PathBuf, wit_parser::Resolve, wit_parser::PackageId)],
    component: &Component,
) -> Vec<(PathBuf, String)> {
    let theirs = export_names(&component.resolve, component.world);
    let mut best = (0, Vec::new());
    for (root, resolve, pkg) in packages {
        for (name, &world) in &resolve.packages[*pkg].worlds {
            let n = overlap(&export_names(resolve, world), &theirs);
            if n == 0 || n < best.0 {
                continue;
            }
            if n > best.0 {
                best = (n, Vec::new());
            }
            best.1.push((root.clone(), name.clone()));
        }
    }
    best.1
}

/// Runs the backstop on every package, then checks the built components and compose sets.
pub fn run(
    packages: Vec<PackageInput>,
    components: &[PathBuf],
    settings: &ProjectSettings,
    folder: Option<&Path>,
    cache: &mut ComponentCache,
) -> (Findings, Known) {
    let mut findings = Findings::default();
    let mut resolved = Vec::new();
    let mut worlds: HashMap<(PathBuf, String), WorldSpans> = HashMap::new();
    for p in packages {
        match p.input.resolve() {
            Ok((resolve, pkg)) => resolved.push((p.root.clone(), resolve, pkg)),
            Err(d) => {
                findings.backstop.insert(p.root.clone(), d);
            }
        }
        for (name, at) in p.worlds {
            worlds.insert((p.root.clone(), name), at);
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
    let mut built: HashMap<(PathBuf, String), Vec<Arc<Component>>> = HashMap::new();
    for component in &known {
        for (root, world_name) in built_for(&resolved, component) {
            let Some((_, resolve, pkg)) = resolved.iter().find(|(r, _, _)| *r == root) else {
                continue;
            };
            let Some(&world) = resolve.packages[*pkg].worlds.get(&world_name) else {
                continue;
            };
            let Some(at) = worlds.get(&(root.clone(), world_name.clone())) else {
                continue;
            };
            built
                .entry((at.file.clone(), world_name.clone()))
                .or_default()
                .push(component.clone());
            let result = conformance(component, resolve, world);
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
            compose_set(folder, set, &resolved, &worlds, cache, &mut findings);
        }
    }
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
    resolved: &[(PathBuf, wit_parser::Resolve, wit_parser::PackageId)],
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
    let Some((root, world_name)) = built_for(resolved, &socket).into_iter().next() else {
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
