//! The entry point for the command line and the language server: load packages into the
//! database, change file texts, ask for diagnostics, take snapshots for IDE requests.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use witty_syntax::{TextRange, TextSize};

use crate::fx::HashMap;
use crate::ide::Analysis;
use crate::input::{BinaryFile, Features, File, PackageSource, Root};
use crate::{Diagnostic, FileProblem, LoadedPackage, PackageLayout, RootDatabase};

use salsa::Durability;

/// How often an input changes, which lets salsa skip re-verifying what reads only inputs
/// that did not: a package's own files change with every keystroke; the list of a root's
/// files, rarely; what a dependency folder holds, more rarely still. After an edit, whatever
/// reads only dependencies (their outlines, checks and scopes) is then known to be valid
/// without looking at it, in every root. A package's own files are not given a higher
/// durability while nobody edits them: the first edit would lower it, and salsa does not
/// backdate a value whose durability fell, which would re-check the whole package once.
const EDITED: Durability = Durability::LOW;
const OWN: Durability = Durability::LOW;
const ROOTS: Durability = Durability::MEDIUM;
const DEPENDENCY: Durability = Durability::HIGH;

/// Owns the database. Every file path has one input, shared by all the roots that hold the
/// file, so that a file is parsed once however many packages see it.
#[derive(Default)]
pub struct AnalysisHost {
    db: RootDatabase,
    files: Arc<HashMap<PathBuf, File>>,
    binaries: HashMap<PathBuf, BinaryFile>,
    /// Problems found while reading a file (not UTF-8), by path.
    read_problems: Arc<HashMap<PathBuf, Diagnostic>>,
    roots: Arc<Vec<Root>>,
    /// The roots that hold each file (in their own package or their dependencies).
    file_roots: HashMap<File, Vec<Root>>,
    /// Where each file's diagnostics are reported: the first root whose own package holds
    /// it, else the first whose dependencies do. Rebuilt when the roots change, not on edits.
    homes: Arc<HashMap<PathBuf, Root>>,
    /// A number that changes whenever anything a root is made of changes (a file's text,
    /// its files, its dependencies, its features): what is known of a root's inputs (say,
    /// wit-parser's verdict) holds only for the version it was computed at.
    versions: Arc<HashMap<Root, u64>>,
    tick: u64,
    /// How many file texts have been set, and that count when each root was last checked:
    /// a root is checked on every core only when many of its files are new to the database.
    edits: usize,
    checked_at: Mutex<HashMap<Root, usize>>,
    /// Where to look for the dependency tools' files and wkg's cache; `None` reads none.
    deps_env: Option<crate::deps::Env>,
}

impl AnalysisHost {
    /// A host that reads, beside each folder package, what wkg, wit-deps and cargo-component
    /// keep (and wkg's cache, where the environment says it is).
    pub fn new() -> AnalysisHost {
        AnalysisHost {
            deps_env: Some(crate::deps::Env::from_process()),
            ..AnalysisHost::default()
        }
    }

    /// A host that takes packages exactly as loaded, reading no tool's files.
    pub fn without_projects() -> AnalysisHost {
        AnalysisHost::default()
    }

    /// Where later `add_root`s look for wkg's cache (tests point it at a folder of their own).
    pub fn set_deps_env(&mut self, env: Option<crate::deps::Env>) {
        self.deps_env = env;
    }

    /// What the dependency tools' files say about a root's package, if it has any.
    pub fn project(&self, root: Root) -> Option<Arc<crate::deps::Project>> {
        root.project(&self.db).clone()
    }

    /// A host whose database records every query it runs (for tests of incrementality).
    pub fn with_execution_log() -> (AnalysisHost, crate::ExecutionLog) {
        let (db, log) = RootDatabase::with_execution_log();
        (
            AnalysisHost {
                db,
                ..AnalysisHost::default()
            },
            log,
        )
    }

    pub fn db(&self) -> &RootDatabase {
        &self.db
    }

    /// A snapshot for answering requests on another thread. Any change to the host waits
    /// until every snapshot is dropped, and makes their running queries unwind with
    /// `salsa::Cancelled`.
    pub fn analysis(&self) -> Analysis {
        Analysis::new(
            self.db.clone(),
            self.files.clone(),
            self.roots.clone(),
            self.read_problems.clone(),
            self.homes.clone(),
            self.versions.clone(),
        )
    }

    /// Adds a loaded package (and its dependencies) as a root to check. A root with the same
    /// path is updated instead, so that what did not change is not computed again.
    pub fn add_root(&mut self, package: &LoadedPackage, features: Features) -> Root {
        use salsa::Setter;
        // A folder package's project may add dependencies: a wkg workspace's `wkg/deps`,
        // blobs of wkg's cache that a lock pins.
        let mut project = None;
        let with_project;
        let package = match (&self.deps_env, &package.layout) {
            (Some(env), PackageLayout::Folder) => {
                // Even without any tool's file, the report finds two versions where one
                // would do.
                let found = crate::deps::Project::discover(&package.root, env);
                let package = if found.is_empty() {
                    package
                } else {
                    with_project = crate::deps::with_project(package, &found);
                    &with_project
                };
                project = Some(Arc::new(found));
                package
            }
            _ => package,
        };
        let before = self.edits;
        let main = self.source(package, OWN);
        let deps: Vec<PackageSource> = package
            .deps
            .iter()
            .map(|d| self.source(d, DEPENDENCY))
            .collect();
        let existing = self
            .roots
            .iter()
            .copied()
            .find(|r| r.path(&self.db) == &package.root);
        let Some(root) = existing else {
            let root = Root::builder(package.root.clone(), main, deps, features, project)
                .durability(ROOTS)
                .new(&self.db);
            Arc::make_mut(&mut self.roots).push(root);
            self.roots_changed();
            return root;
        };
        let mut changed = self.edits != before;
        if root.main(&self.db) != &main {
            root.set_main(&mut self.db).with_durability(ROOTS).to(main);
            changed = true;
        }
        if root.deps(&self.db) != &deps {
            root.set_deps(&mut self.db).with_durability(ROOTS).to(deps);
            changed = true;
        }
        if root.features(&self.db) != &features {
            root.set_features(&mut self.db)
                .with_durability(ROOTS)
                .to(features);
            changed = true;
        }
        if root.project(&self.db) != &project {
            root.set_project(&mut self.db)
                .with_durability(ROOTS)
                .to(project);
            changed = true;
        }
        if changed {
            self.roots_changed();
        }
        root
    }

    /// Stops checking a root (its files stay known, in case another root has them).
    pub fn remove_root(&mut self, root: Root) {
        Arc::make_mut(&mut self.roots).retain(|r| *r != root);
        Arc::make_mut(&mut self.versions).remove(&root);
        self.roots_changed();
    }

    /// Rebuilds the indexes of which roots hold which file, and gives every root a new
    /// version (a root's files or dependencies may have changed).
    fn roots_changed(&mut self) {
        let db = &self.db;
        self.file_roots.clear();
        let mut homes: HashMap<PathBuf, Root> = HashMap::default();
        for &root in self.roots.iter() {
            for file in root.main(db).files() {
                homes.entry(file.path(db).clone()).or_insert(root);
            }
        }
        for &root in self.roots.iter() {
            for file in crate::diagnostics::root_files(db, root) {
                homes.entry(file.path(db).clone()).or_insert(root);
                let holders = self.file_roots.entry(file).or_default();
                if holders.last() != Some(&root) {
                    holders.push(root);
                }
            }
        }
        self.homes = Arc::new(homes);
        // A file no root holds any more (deleted, or out of the workspace) is forgotten;
        // its input cannot be removed from the database, but its text can.
        let forgotten: Vec<(PathBuf, File)> = self
            .files
            .iter()
            .filter(|(_, f)| !self.file_roots.contains_key(*f))
            .map(|(p, f)| (p.clone(), *f))
            .collect();
        for (path, file) in forgotten {
            use salsa::Setter;
            file.set_text(&mut self.db).to(Arc::from(""));
            Arc::make_mut(&mut self.files).remove(&path);
            if self.read_problems.contains_key(&path) {
                Arc::make_mut(&mut self.read_problems).remove(&path);
            }
        }
        self.tick += 1;
        let tick = self.tick;
        let versions = Arc::make_mut(&mut self.versions);
        versions.clear();
        versions.extend(self.roots.iter().map(|&r| (r, tick)));
    }

    /// Drops what the database keeps only while recently used (the syntax trees of files not
    /// looked at lately): their memory comes back, and they are parsed again when asked for.
    /// Like an edit, this waits for snapshots to be dropped.
    pub fn collect_garbage(&mut self) {
        use salsa::Database;
        self.db.trigger_lru_eviction();
    }

    /// The version of a root's inputs (see `versions`).
    pub fn root_version(&self, root: Root) -> u64 {
        self.versions.get(&root).copied().unwrap_or(0)
    }

    pub fn roots(&self) -> &[Root] {
        &self.roots
    }

    pub fn root_path(&self, root: Root) -> &Path {
        root.path(&self.db)
    }

    /// The roots whose packages or dependencies hold the file.
    pub fn roots_of(&self, path: &Path) -> Vec<Root> {
        self.files
            .get(path)
            .and_then(|f| self.file_roots.get(f))
            .cloned()
            .unwrap_or_default()
    }

    fn source(&mut self, package: &LoadedPackage, durability: Durability) -> PackageSource {
        use salsa::Setter;
        if let PackageLayout::Binary(bytes) = &package.layout {
            let bytes: Arc<[u8]> = Arc::from(&bytes[..]);
            let file = match self.binaries.get(&package.root) {
                Some(&file) => {
                    if file.bytes(&self.db) != &bytes {
                        file.set_bytes(&mut self.db)
                            .with_durability(durability)
                            .to(bytes);
                    }
                    file
                }
                None => {
                    let file = BinaryFile::builder(package.root.clone(), bytes)
                        .durability(durability)
                        .new(&self.db);
                    self.binaries.insert(package.root.clone(), file);
                    file
                }
            };
            return PackageSource::Binary(file);
        }
        let mut files = Vec::new();
        for f in &package.files {
            match &f.problem {
                Some(FileProblem::Unreadable(_)) => continue,
                Some(FileProblem::InvalidUtf8 { offset }) => {
                    Arc::make_mut(&mut self.read_problems)
                        .insert(f.path.clone(), invalid_utf8(&f.path, *offset));
                }
                None if self.read_problems.contains_key(&f.path) => {
                    Arc::make_mut(&mut self.read_problems).remove(&f.path);
                }
                None => {}
            }
            let file = match self.files.get(&f.path) {
                Some(&file) => {
                    if **file.text(&self.db) != *f.text {
                        file.set_text(&mut self.db)
                            .with_durability(durability)
                            .to(Arc::from(f.text.as_str()));
                        self.edits += 1;
                    }
                    file
                }
                None => {
                    let file = File::builder(f.path.clone(), Arc::from(f.text.as_str()))
                        .durability(durability)
                        .new(&self.db);
                    Arc::make_mut(&mut self.files).insert(f.path.clone(), file);
                    file
                }
            };
            files.push(file);
        }
        PackageSource::Wit {
            path: package.root.clone(),
            files,
        }
    }

    /// Replaces the text of a file; returns the roots that hold it (none for a file no root
    /// has), each of which now has a new version.
    pub fn set_file_text(&mut self, path: &Path, text: &str) -> Vec<Root> {
        self.set_text(path, text, Some(EDITED))
    }

    /// `durability`: `None` keeps the file's (a file read again from disk stays a
    /// dependency's or a package's own).
    fn set_text(&mut self, path: &Path, text: &str, durability: Option<Durability>) -> Vec<Root> {
        use salsa::Setter;
        let Some(&file) = self.files.get(path) else {
            return Vec::new();
        };
        let holders = self.file_roots.get(&file).cloned().unwrap_or_default();
        if **file.text(&self.db) != *text {
            let setter = file.set_text(&mut self.db);
            match durability {
                Some(d) => setter.with_durability(d).to(Arc::from(text)),
                None => setter.to(Arc::from(text)),
            };
            self.edits += 1;
            self.tick += 1;
            let versions = Arc::make_mut(&mut self.versions);
            for root in &holders {
                versions.insert(*root, self.tick);
            }
        }
        // Text given by an editor is valid UTF-8, whatever the file on disk held.
        if self.read_problems.contains_key(path) {
            Arc::make_mut(&mut self.read_problems).remove(path);
        }
        holders
    }

    /// Replaces the text of a file as read from disk, with what was wrong reading it (not
    /// UTF-8); returns the roots that hold it.
    pub fn set_loaded_file(&mut self, file: &crate::LoadedFile) -> Vec<Root> {
        let roots = self.set_text(&file.path, &file.text, None);
        if let Some(FileProblem::InvalidUtf8 { offset }) = &file.problem {
            Arc::make_mut(&mut self.read_problems)
                .insert(file.path.clone(), invalid_utf8(&file.path, *offset));
        }
        roots
    }

    /// What was wrong reading a known file from disk.
    pub fn read_problem(&self, path: &Path) -> Option<FileProblem> {
        let d = self.read_problems.get(path)?;
        Some(FileProblem::InvalidUtf8 {
            offset: u32::from(d.range.start()) as usize,
        })
    }

    /// The current text of a known file.
    pub fn file_text(&self, path: &Path) -> Option<Arc<str>> {
        self.files.get(path).map(|f| f.text(&self.db).clone())
    }

    /// Problems found while reading the files of a root.
    fn read_problems(&self, root: Root) -> Vec<Diagnostic> {
        crate::diagnostics::root_files(&self.db, root)
            .iter()
            .filter_map(|f| self.read_problems.get(f.path(&self.db)).cloned())
            .collect()
    }

    /// Every diagnostic of a root that witty's own checks find, in file and position order.
    pub fn diagnostics(&self, root: Root) -> Vec<Diagnostic> {
        let last = self
            .checked_at
            .lock()
            .ok()
            .and_then(|mut m| m.insert(root, self.edits));
        if last.is_none_or(|at| self.edits - at >= crate::parallel::MIN_FILES) {
            crate::parallel::warm(&self.db, root);
        }
        let mut out = self.read_problems(root);
        out.extend(
            crate::diagnostics::root_diagnostics(&self.db, root)
                .iter()
                .cloned(),
        );
        out
    }

    /// The diagnostics, and when they have no error, wit-parser's verdict too.
    pub fn diagnostics_with_backstop(&self, root: Root) -> Vec<Diagnostic> {
        // wit-parser reads only the file texts, so it runs on a copy of them on another
        // core while witty's own checks run here; its answer is used only if they find no
        // error.
        let input = crate::backstop::BackstopInput::collect(&self.db, root);
        // wit-parser recurses on deep type chains: give it a generous stack.
        let reference = std::thread::Builder::new()
            .name("wit-parser backstop".into())
            .stack_size(crate::backstop::STACK)
            .spawn(move || input.run());
        let mut out = self.diagnostics(root);
        let backstop = reference.ok().and_then(|r| r.join().ok()).flatten();
        if !out.iter().any(|d| d.severity == crate::Severity::Error)
            && let Some(d) = backstop
        {
            out.push(d);
        }
        out
    }
}

fn invalid_utf8(path: &Path, offset: usize) -> Diagnostic {
    Diagnostic::error(
        "invalid-utf8",
        "invalid UTF-8: WIT files must be UTF-8 text; the bytes here are not",
        path.to_path_buf(),
        TextRange::at(TextSize::new(offset as u32), TextSize::new(1)),
    )
}
