//! What runs when the editor has been quiet for a moment: wit-parser's verdict on every
//! package (the backstop), and the checks of built components against the worlds they were
//! built for, and of the socket/plug sets of the settings. Slow work, on inputs copied out of
//! the database, so that no edit waits for it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use witty_analysis::backstop::BackstopInput;
use witty_analysis::component::{Component, conformance, match_names, plug, read_component};
use witty_analysis::ide::NavTarget;
use witty_analysis::{Diagnostic, Severity};
use witty_syntax::TextRange;

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

/// A package to check: its wit-parser input, and where each of its worlds is named.
pub struct PackageInput {
    pub root: PathBuf,
    /// The version of the package's inputs (see `Analysis::root_version`).
    pub version: u64,
    /// Whether witty's own checks found an error: then wit-parser's verdict is not needed.
    pub has_errors: bool,
    pub input: BackstopInput,
    pub worlds: HashMap<String, (NavTarget, Arc<str>)>,
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

/// A package folder, and each of its worlds with the names it exports.
pub type PackageWorlds = (PathBuf, Vec<(String, Vec<String>)>);

/// The worlds (of all packages) each component was built for: those sharing the most export
/// names with it, at least one. Packages are given with the export names of their worlds.
pub fn built_for(packages: &[PackageWorlds], component: &Component) -> Vec<(PathBuf, String)> {
    let theirs = export_names(&component.resolve, component.world);
    let mut best = (0, Vec::new());
    for (root, worlds) in packages {
        for (name, ours) in worlds.iter() {
            let n = overlap(ours, &theirs);
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

fn warning(code: &'static str, message: String, file: PathBuf, range: TextRange) -> Diagnostic {
    let mut d = Diagnostic::error(code, message, file, range);
    d.severity = Severity::Warning;
    d
}

/// Where a problem about `item` of a world is shown: the world's import or export line that
/// names it, else the world's name.
fn place(world: &(NavTarget, Arc<str>), item: &str) -> (PathBuf, TextRange) {
    let (target, text) = world;
    let range = target.full_range;
    let body = &text[range];
    let short = item.split('@').next().unwrap_or(item);
    let at = [item, short]
        .iter()
        .filter(|n| !n.is_empty())
        .find_map(|needle| find_name(body, needle).map(|i| (i, needle.len())));
    match at {
        Some((i, len)) => {
            let start = range.start() + witty_syntax::TextSize::new(i as u32);
            (
                target.path.clone(),
                TextRange::at(start, witty_syntax::TextSize::new(len as u32)),
            )
        }
        None => (target.path.clone(), target.focus_range),
    }
}

/// Where `name` stands as a whole name in `body` outside comments: `add` is not found in
/// `/// adds` or in `add-all`.
fn find_name(body: &str, name: &str) -> Option<usize> {
    let part_of_name = |c: char| c.is_alphanumeric() || "-_:/@.%".contains(c);
    // After a whole name may come its version (`wasi:io/streams` in `...@0.2.0`), `:` or `;`.
    let continues_name = |c: char| c.is_alphanumeric() || "-_%".contains(c);
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let code = line.find("//").map_or(line, |i| &line[..i]);
        let mut from = 0;
        while let Some(i) = code[from..].find(name).map(|i| i + from) {
            let before = code[..i].chars().next_back();
            let after = code[i + name.len()..].chars().next();
            if !before.is_some_and(part_of_name) && !after.is_some_and(continues_name) {
                return Some(line_start + i);
            }
            from = i + name.len();
        }
        line_start += line.len();
    }
    None
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
    let mut worlds: HashMap<(PathBuf, String), (NavTarget, Arc<str>)> = HashMap::new();
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
                .entry((at.0.path.clone(), world_name.clone()))
                .or_default()
                .push(component.clone());
            needed.push(root.clone());
            let result = known_packages.conformance(input, component, &world_name);
            for m in &result.mismatches {
                let (file, range) = place(at, &m.item);
                let message = format!(
                    "the built component {} does not match world `{world_name}`: {m}; rebuild it, or change the WIT back",
                    component.path.display()
                );
                findings
                    .components
                    .entry(root.clone())
                    .or_default()
                    .push(warning("component-mismatch", message, file, range));
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
    worlds: &HashMap<(PathBuf, String), (NavTarget, Arc<str>)>,
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
    let mut push = |item: &str, message: String| {
        let (file, range) = place(at, item);
        findings
            .components
            .entry(root.clone())
            .or_default()
            .push(warning("composition", message, file, range));
    };
    for r in &report.rejections {
        let plug = names[r.plug].display();
        push(
            &r.import,
            format!(
                "{plug} does not fit import `{}`: {}",
                r.import,
                r.reasons.join("; ")
            ),
        );
    }
    for c in &report.conflicts {
        let who: Vec<String> = c
            .plugs
            .iter()
            .map(|(i, _)| names[*i].display().to_string())
            .collect();
        push(
            &c.import,
            format!(
                "import `{}` could be filled by several plugs: {}",
                c.import,
                who.join(", ")
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::find_name;

    #[test]
    fn names_are_found_whole_and_outside_comments() {
        let body = "world w {\n  /// adds; add\n  export add-all: func();\n  export add: func();\n  import wasi:io/streams@0.2.0;\n}";
        let at = |name| find_name(body, name).map(|i| &body[i..i + 12]);
        assert_eq!(at("add"), Some("add: func();"));
        assert_eq!(at("wasi:io/streams"), Some("wasi:io/stre"));
        assert_eq!(at("io"), None);
        assert_eq!(at("missing"), None);
    }
}
