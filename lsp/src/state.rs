//! The server's state: the analysis host, the open documents, the workspace folders, and
//! the choices made at initialization. Which packages exist follows from two facts only:
//! the files on disk (as scanned and then watched) and the documents the editor has open;
//! every change of either goes through `sync`, which derives the packages from them by the
//! analysis's one rule (`witty_analysis::layout`) and updates what changed.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use witty_analysis::ide::Analysis;
use witty_analysis::layout::{RootLayout, layout, package_of};
use witty_analysis::{AnalysisHost, Features};

use crate::convert::Encoding;
use crate::semantic_tokens::TokenCache;
use crate::workspace;

pub struct Doc {
    pub text: String,
    pub version: i32,
}

pub struct State {
    pub host: AnalysisHost,
    pub docs: HashMap<PathBuf, Doc>,
    pub folders: Vec<PathBuf>,
    pub features: Features,
    pub encoding: Encoding,
    pub client: ClientSupport,
    pub tokens: TokenCache,
    /// The client's settings for components (merged with `witty.toml` where used).
    pub project: crate::project::ProjectSettings,
    /// The packages (by root path) whose diagnostics changes since the last publication may
    /// have changed.
    pub dirty: Dirty,
    /// The package files on disk: under the workspace folders, and in the package folders
    /// of documents open outside them.
    disk: BTreeSet<PathBuf>,
    /// Package folders outside the workspace folders that open documents brought in.
    outside: BTreeSet<PathBuf>,
    /// Each package's layout as last loaded into the host.
    layouts: HashMap<PathBuf, RootLayout>,
}

/// Which packages to publish again.
#[derive(Debug, Default, Clone)]
pub struct Dirty {
    /// Every package (a setting that applies to all of them changed).
    pub all: bool,
    pub roots: std::collections::HashSet<PathBuf>,
}

impl Dirty {
    pub fn is_empty(&self) -> bool {
        !self.all && self.roots.is_empty()
    }

    pub fn merge(&mut self, other: Dirty) {
        self.all |= other.all;
        self.roots.extend(other.roots);
    }
}

/// What happened to a file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskChange {
    Created,
    Changed,
    Deleted,
}

/// What a request handler needs, taken under the lock and used without it.
pub struct Snapshot {
    pub analysis: Analysis,
    pub encoding: Encoding,
    pub client: ClientSupport,
    pub tokens: TokenCache,
    /// The workspace's built components, as the last quiet moment read them.
    pub known: std::sync::Arc<crate::quiet::Known>,
    /// The versions of the open documents, for versioned workspace edits.
    pub versions: HashMap<PathBuf, i32>,
}

/// What the client said it can take.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientSupport {
    pub snippets: bool,
    pub hierarchical_symbols: bool,
    /// `workspace/codeLens/refresh`: lenses follow new builds without an edit.
    pub code_lens_refresh: bool,
    /// Hovers in Markdown (else plain text).
    pub hover_markdown: bool,
    /// Completion items' documentation in Markdown (else plain text).
    pub completion_markdown: bool,
    /// `documentChanges` in workspace edits, with the version each edit was made for.
    pub document_changes: bool,
}

impl State {
    pub fn new() -> State {
        State {
            host: AnalysisHost::new(),
            docs: HashMap::new(),
            folders: Vec::new(),
            features: Features::default(),
            encoding: Encoding::Utf16,
            client: ClientSupport::default(),
            tokens: TokenCache::default(),
            project: Default::default(),
            dirty: Dirty::default(),
            disk: BTreeSet::new(),
            outside: BTreeSet::new(),
            layouts: HashMap::new(),
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            analysis: self.host.analysis(),
            encoding: self.encoding,
            client: self.client,
            tokens: self.tokens.clone(),
            known: Default::default(),
            versions: self
                .docs
                .iter()
                .map(|(p, d)| (p.clone(), d.version))
                .collect(),
        }
    }

    fn in_folders(&self, path: &Path) -> bool {
        self.folders.iter().any(|f| path.starts_with(f))
    }

    /// Scans the workspace folders and loads every package in them.
    pub fn load_workspace(&mut self) {
        self.disk.clear();
        for folder in &self.folders {
            self.disk.extend(workspace::scan_folder(folder));
        }
        for dir in &self.outside {
            self.disk.extend(workspace::scan_package(dir));
        }
        self.sync();
    }

    /// The workspace folders changed: what is under removed ones is forgotten (unless
    /// another folder or an open document still holds it), added ones are scanned.
    pub fn set_folders(&mut self, folders: Vec<PathBuf>) {
        self.folders = folders;
        self.load_workspace();
    }

    /// A document was opened (or its whole text given again).
    pub fn open(&mut self, path: &Path, text: String, version: i32) {
        self.docs.insert(path.to_path_buf(), Doc { text, version });
        let outside = !crate::convert::is_virtual(path) && !self.in_folders(path);
        if outside
            && workspace::is_package_file(path)
            && let Some(dir) = package_of(path)
            && self.outside.insert(dir.clone())
        {
            self.disk.extend(workspace::scan_package(&dir));
        }
        self.edited(path);
    }

    /// Gives the analysis an open document's text; a document no package holds yet (a new,
    /// unsaved file; a virtual document) makes the packages be derived again.
    pub fn edited(&mut self, path: &Path) {
        let Some(doc) = self.docs.get(path) else {
            return;
        };
        let roots = self.host.set_file_text(path, &doc.text);
        if roots.is_empty() {
            self.sync();
        } else {
            self.mark(&roots);
        }
    }

    /// A document was closed: what is on disk counts again, and a file that is not on disk
    /// is forgotten.
    pub fn close(&mut self, path: &Path) {
        if self.docs.remove(path).is_none() {
            return;
        }
        // A package folder outside the workspace stays while a document of it is open.
        if let Some(dir) = package_of(path)
            && self.outside.contains(&dir)
            && !self
                .docs
                .keys()
                .any(|p| package_of(p).as_ref() == Some(&dir))
        {
            self.outside.remove(&dir);
            let folders = &self.folders;
            self.disk
                .retain(|p| !p.starts_with(&dir) || folders.iter().any(|f| p.starts_with(f)));
        }
        if self.disk.contains(path) && witty_analysis::layout::is_wit(path) {
            let roots = self.host.set_loaded_file(&workspace::read_wit(path));
            self.mark(&roots);
        }
        self.sync();
    }

    /// Files created, changed or deleted on disk (a file watcher's events). An open
    /// document's text stays the editor's, whatever happens on disk.
    pub fn disk_changed(&mut self, changes: &[(PathBuf, DiskChange)]) {
        let mut structure = false;
        for (path, change) in changes {
            let watched = self.in_folders(path)
                || package_of(path).is_some_and(|d| self.outside.contains(&d));
            let exists = *change != DiskChange::Deleted && path.exists();
            if workspace::is_dependency_tool_file(path) {
                // A manifest or lock changes what the packages below its folder resolve to:
                // they are loaded again, and read it then.
                if watched && let Some(dir) = path.parent() {
                    let before = self.layouts.len();
                    self.layouts.retain(|p, _| !p.starts_with(dir));
                    structure |= self.layouts.len() != before;
                }
                continue;
            }
            if path.is_dir()
                || (*change == DiskChange::Deleted && !workspace::is_package_file(path))
            {
                // A folder: created (or moved in) with whatever it holds, or deleted with it.
                let before = self.disk.len();
                self.disk.retain(|p| !p.starts_with(path) || p == path);
                if exists && watched {
                    self.disk.extend(workspace::scan_folder(path));
                }
                structure |= self.disk.len() != before || exists;
                continue;
            }
            if !workspace::is_package_file(path) || !watched {
                continue;
            }
            if exists {
                structure |= self.disk.insert(path.clone());
            } else {
                structure |= self.disk.remove(path);
            }
            if !exists || self.docs.contains_key(path) {
                continue;
            }
            if witty_analysis::layout::is_wit(path) {
                let roots = self.host.set_loaded_file(&workspace::read_wit(path));
                self.mark(&roots);
            } else if let Some(dir) = package_of(path) {
                // A binary package's bytes are read when its package is loaded again.
                self.layouts.remove(&dir);
                structure = true;
            }
        }
        if structure {
            self.sync();
        }
    }

    /// Everything below `dir` read again from disk (a dependency tool wrote there): the
    /// files found anew, and the packages below it loaded again with their `deps/`.
    pub fn reload_below(&mut self, dir: &Path) {
        // Only what is in the workspace folders is scanned, however far up `dir` is.
        let scan: Vec<PathBuf> = if self.in_folders(dir) {
            vec![dir.to_path_buf()]
        } else {
            self.folders
                .iter()
                .filter(|f| f.starts_with(dir))
                .cloned()
                .collect()
        };
        for folder in scan {
            self.disk.retain(|p| !p.starts_with(&folder));
            self.disk.extend(workspace::scan_folder(&folder));
        }
        self.layouts.retain(|p, _| !p.starts_with(dir));
        self.sync();
    }

    /// New features for every package: the same packages, checked again.
    pub fn set_features(&mut self, features: Features) {
        if features == self.features {
            return;
        }
        self.features = features;
        self.layouts.clear();
        self.sync();
        self.dirty.all = true;
    }

    /// Marks the packages holding a file as changed.
    pub fn mark(&mut self, roots: &[witty_analysis::input::Root]) {
        for &r in roots {
            let path = self.host.root_path(r).to_path_buf();
            self.dirty.roots.insert(path);
        }
    }

    /// Derives the packages from the files on disk and the open documents, and brings the
    /// analysis in line: new and changed packages loaded, vanished ones dropped.
    pub fn sync(&mut self) {
        let mut files = self.disk.clone();
        let mut single = BTreeSet::new();
        for path in self.docs.keys() {
            if crate::convert::is_virtual(path) {
                single.insert(path.clone());
            } else if workspace::is_package_file(path)
                && (self.in_folders(path)
                    || package_of(path).is_some_and(|d| self.outside.contains(&d)))
            {
                files.insert(path.clone());
            }
        }
        let wanted: HashMap<PathBuf, RootLayout> = layout(&files, &single)
            .into_iter()
            .filter(|l| l.single_file || self.in_folders(&l.root) || self.outside.contains(&l.root))
            .map(|l| (l.root.clone(), l))
            .collect();
        let gone: Vec<_> = self
            .host
            .roots()
            .iter()
            .copied()
            .filter(|r| !wanted.contains_key(self.host.root_path(*r)))
            .collect();
        for root in gone {
            let path = self.host.root_path(root).to_path_buf();
            self.host.remove_root(root);
            self.layouts.remove(&path);
            self.dirty.roots.insert(path);
        }
        for (path, wanted) in wanted {
            if self.layouts.get(&path) == Some(&wanted) {
                continue;
            }
            let package = {
                let docs = &self.docs;
                let host = &self.host;
                let text = |p: &Path| match docs.get(p) {
                    Some(doc) => witty_analysis::LoadedFile {
                        path: p.to_path_buf(),
                        text: doc.text.clone(),
                        problem: None,
                    },
                    None => match host.file_text(p) {
                        Some(text) if !host.roots_of(p).is_empty() => witty_analysis::LoadedFile {
                            path: p.to_path_buf(),
                            text: text.to_string(),
                            problem: host.read_problem(p),
                        },
                        _ => workspace::read_wit(p),
                    },
                };
                workspace::load(&wanted, &text)
            };
            self.host.add_root(&package, self.features.clone());
            self.layouts.insert(path.clone(), wanted);
            self.dirty.roots.insert(path);
        }
    }
}
