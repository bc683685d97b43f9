//! Dependencies the way projects get them: the files that wkg, wit-deps and cargo-component
//! keep beside a WIT package (manifests, lock files) and wkg's package cache, read offline.
//! `Project::discover` finds and reads them for a package folder; `report` puts them beside
//! what the package's `deps/` really holds. witty only reads these files: it never writes
//! into `deps/`, a lock file or a cache.

pub mod cache;
pub mod cargo_component;
pub mod invocation;
pub mod report;
pub mod toml_doc;
pub mod wit_deps;
pub mod wit_deps_digest;
pub mod wkg;

use std::path::{Path, PathBuf};

use witty_syntax::TextRange;

use crate::Diagnostic;

pub use invocation::{Invocation, ToolFix};
pub use report::{DepEntry, DepsReport, MissingDep, Origin, merge, report, with_project};

/// A tool that fills `deps/` folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tool {
    Wkg,
    WitDeps,
    CargoComponent,
}

impl Tool {
    pub fn name(self) -> &'static str {
        match self {
            Tool::Wkg => "wkg",
            Tool::WitDeps => "wit-deps",
            Tool::CargoComponent => "cargo-component",
        }
    }
}

/// A dependency a manifest asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Declared {
    pub tool: Tool,
    /// `ns:name` for wkg and cargo-component; the `deps/` folder name for wit-deps.
    pub name: String,
    /// The version requirement, when the manifest gives one.
    pub requirement: Option<String>,
    /// Where it comes from, as written (a URL, `path ...`, `registry ...`).
    pub source: Option<String>,
    pub file: PathBuf,
    /// The key that names it.
    pub range: TextRange,
}

/// A dependency a lock file pins.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Locked {
    pub tool: Tool,
    /// `ns:name` for wkg and cargo-component; the `deps/` folder name for wit-deps.
    pub name: String,
    /// wkg's registry, or wit-deps' URL or path.
    pub registry: Option<String>,
    pub requirement: Option<String>,
    pub version: Option<semver::Version>,
    /// `sha256:<hex>`: for wkg, of the package's binary; for wit-deps, of its `.wit` files.
    pub digest: Option<String>,
    /// For wit-deps: the other `deps/` folders this one needs.
    pub needs: Vec<String>,
    pub file: PathBuf,
    /// The entry in the lock file.
    pub range: TextRange,
    /// Its digest in the lock file.
    pub digest_range: TextRange,
    /// wit-deps' second digest of the same bytes, `sha512:<hex>`, and where it is.
    pub sha512: Option<(String, TextRange)>,
}

impl Locked {
    /// `ns:name@version`, as a WIT `package` line would name it.
    pub fn package_name(&self) -> String {
        match &self.version {
            Some(v) => format!("{}@{v}", self.name),
            None => self.name.clone(),
        }
    }
}

/// Where to look outside the project: wkg's package cache.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Env {
    pub cache_dir: Option<PathBuf>,
}

impl Env {
    /// As wkg finds its cache: `$WKG_CACHE_DIR`, else `wasm-pkg` in the user's cache folder
    /// (`$XDG_CACHE_HOME`, else `~/.cache`; `%LOCALAPPDATA%` on Windows).
    pub fn from_process() -> Env {
        let var = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let cache_dir = var("WKG_CACHE_DIR").or_else(|| {
            let base = if cfg!(windows) {
                var("LOCALAPPDATA")
            } else {
                var("XDG_CACHE_HOME")
                    .filter(|p| p.is_absolute())
                    .or_else(|| var("HOME").map(|h| h.join(".cache")))
            };
            base.map(|b| b.join("wasm-pkg"))
        });
        Env { cache_dir }
    }
}

/// A file of the project that was read, with its text (for messages that quote it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProjectFile {
    pub tool: Tool,
    pub path: PathBuf,
    pub text: String,
}

/// What the tools' files say about one package folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Project {
    /// The package's folder (the one with its `.wit` files and `deps/`).
    pub package_dir: PathBuf,
    /// The manifests and lock files found, in the order they were read.
    pub files: Vec<ProjectFile>,
    pub declared: Vec<Declared>,
    pub locked: Vec<Locked>,
    /// A wkg workspace's merged `<root>/wkg/deps`, when the package is a member.
    pub workspace_deps: Option<PathBuf>,
    pub cache_dir: Option<PathBuf>,
    /// What is wrong with the files read.
    pub problems: Vec<Diagnostic>,
}

/// How far up from a package folder its project's files are looked for.
const MAX_UP: usize = 32;

impl Project {
    /// Reads the files the tools keep for the package in `package_dir`.
    pub fn discover(package_dir: &Path, env: &Env) -> Project {
        let mut p = Project {
            package_dir: package_dir.to_path_buf(),
            cache_dir: env.cache_dir.clone(),
            ..Project::default()
        };
        p.wit_deps();
        p.wkg();
        p.cargo_component();
        p
    }

    /// The tools whose files manage this package's dependencies.
    pub fn tools(&self) -> Vec<Tool> {
        let mut tools: Vec<Tool> = self.files.iter().map(|f| f.tool).collect();
        tools.sort();
        tools.dedup();
        tools
    }

    /// Whether any tool's file was found: otherwise the package is left as it is.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.problems.is_empty()
    }

    fn read(&mut self, tool: Tool, path: &Path) -> Option<String> {
        // A symlink loop or a folder where a file should be is an unreadable file, said once.
        if !path.exists() && std::fs::symlink_metadata(path).is_err() {
            return None;
        }
        match std::fs::read_to_string(path) {
            Ok(text) => {
                self.files.push(ProjectFile {
                    tool,
                    path: path.to_path_buf(),
                    text: text.clone(),
                });
                Some(text)
            }
            Err(e) => {
                let code = if path.extension().is_some_and(|e| e == "lock") {
                    toml_doc::INVALID_LOCK_FILE
                } else {
                    toml_doc::INVALID_MANIFEST
                };
                self.problems.push(toml_doc::problem(
                    code,
                    path.to_path_buf(),
                    0,
                    0..0,
                    format!("cannot read {}: {e}", path.display()),
                ));
                None
            }
        }
    }

    fn wit_deps(&mut self) {
        let manifest = self.package_dir.join("deps.toml");
        if let Some(text) = self.read(Tool::WitDeps, &manifest) {
            let declared = wit_deps::read_manifest(&manifest, &text, &mut self.problems);
            self.declared.extend(declared);
        }
        let lock = self.package_dir.join("deps.lock");
        if let Some(text) = self.read(Tool::WitDeps, &lock) {
            let locked = wit_deps::read_lock(&lock, &text, &mut self.problems);
            self.locked.extend(locked);
        }
    }

    fn wkg(&mut self) {
        // wkg takes the nearest `wkg.toml` above the package; a `[workspace]` in it (or in
        // one further up that lists the package) makes that folder the root, whose lock and
        // merged `wkg/deps` the members share. Without a manifest, `wkg wit fetch` run
        // beside `wit/` writes `wkg.lock` there.
        let ancestors: Vec<&Path> = self.package_dir.ancestors().take(MAX_UP).collect();
        let manifests: Vec<PathBuf> = ancestors
            .iter()
            .map(|d| d.join("wkg.toml"))
            .filter(|p| p.is_file())
            .collect();
        let mut lock_dir: Option<PathBuf> = None;
        for (i, path) in manifests.iter().enumerate() {
            let Ok(text) = std::fs::read_to_string(path) else {
                self.read(Tool::Wkg, path);
                continue;
            };
            let mut problems = Vec::new();
            let manifest = wkg::read_manifest(path, &text, &mut problems);
            let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
            let member = i == 0
                || manifest
                    .members
                    .as_ref()
                    .is_some_and(|m| is_member(&dir, m, &self.package_dir));
            if !member {
                continue;
            }
            self.files.push(ProjectFile {
                tool: Tool::Wkg,
                path: path.clone(),
                text,
            });
            self.problems.extend(problems);
            self.declared.extend(manifest.overrides);
            lock_dir = Some(dir.clone());
            if manifest.members.is_some() {
                self.workspace_deps = Some(dir.join("wkg").join("deps"));
                break;
            }
        }
        let lock = match lock_dir {
            Some(dir) => Some(dir.join("wkg.lock")),
            None => [Some(self.package_dir.as_path()), self.package_dir.parent()]
                .into_iter()
                .flatten()
                .map(|d| d.join("wkg.lock"))
                .find(|p| p.exists()),
        };
        if let Some(lock) = lock
            && let Some(text) = self.read(Tool::Wkg, &lock)
        {
            let locked = read_lock_cached(&lock, &text, Tool::Wkg, &mut self.problems);
            self.locked.extend(locked);
        }
    }

    fn cargo_component(&mut self) {
        for dir in self.package_dir.ancestors().take(3) {
            let manifest = dir.join("Cargo.toml");
            if !manifest.is_file() {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&manifest) else {
                continue;
            };
            let mut problems = Vec::new();
            let Some(meta) = cargo_component::read(&manifest, &text, &mut problems) else {
                continue;
            };
            if !same_dir(&meta.wit_dir, &self.package_dir) {
                continue;
            }
            self.files.push(ProjectFile {
                tool: Tool::CargoComponent,
                path: manifest.clone(),
                text,
            });
            self.problems.extend(problems);
            self.declared.extend(meta.dependencies);
            let lock = dir.join("Cargo-component.lock");
            if let Some(text) = self.read(Tool::CargoComponent, &lock) {
                let locked =
                    read_lock_cached(&lock, &text, Tool::CargoComponent, &mut self.problems);
                self.locked.extend(locked);
            }
            return;
        }
    }
}

/// A wkg lock file as `wkg::read_lock` reads it, remembered by path and text: the members of a
/// wkg workspace share one lock, which may be big, and each is a root of its own.
fn read_lock_cached(
    path: &Path,
    text: &str,
    tool: Tool,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Locked> {
    type Parsed = std::sync::Arc<(Vec<Locked>, Vec<Diagnostic>)>;
    type Known = crate::fx::HashMap<(PathBuf, Tool), (String, Parsed)>;
    static CACHE: std::sync::Mutex<Option<Known>> = std::sync::Mutex::new(None);
    let key = (path.to_path_buf(), tool);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let map = cache.get_or_insert_with(Default::default);
    let parsed = match map.get(&key) {
        Some((known, parsed)) if known == text => parsed.clone(),
        _ => {
            let mut found = Vec::new();
            let locked = wkg::read_lock(path, text, tool, &mut found);
            let parsed: Parsed = std::sync::Arc::new((locked, found));
            // One entry per lock file: an edited lock replaces what was known of it.
            map.insert(key, (text.to_string(), parsed.clone()));
            parsed
        }
    };
    problems.extend(parsed.1.iter().cloned());
    parsed.0.clone()
}

fn same_dir(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// Whether `package_dir` is one of a workspace's `members` (paths relative to `root`, where
/// `*` stands for one folder name).
fn is_member(root: &Path, members: &[String], package_dir: &Path) -> bool {
    let Ok(rel) = package_dir.strip_prefix(root) else {
        return false;
    };
    let rel: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    members.iter().any(|m| {
        let pattern: Vec<&str> = m
            .split('/')
            .filter(|s| !s.is_empty() && *s != ".")
            .collect();
        // A member names the package folder itself, or the project folder whose `wit/` it is.
        let matches = |rel: &[String]| {
            pattern.len() == rel.len() && pattern.iter().zip(rel).all(|(p, r)| glob_segment(p, r))
        };
        matches(&rel) || (rel.last().is_some_and(|l| l == "wit") && matches(&rel[..rel.len() - 1]))
    })
}

/// One path segment against a pattern where `*` matches any run of characters.
fn glob_segment(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((head, tail)) => {
            name.len() >= head.len()
                && name.starts_with(head)
                && (0..=name.len() - head.len()).any(|i| {
                    name.is_char_boundary(head.len() + i)
                        && glob_segment(tail, &name[head.len() + i..])
                })
        }
    }
}

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod tests;
