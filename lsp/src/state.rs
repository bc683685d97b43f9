//! The server's state: the analysis host, the open documents, the workspace folders, and
//! the choices made at initialization.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use witty_analysis::ide::Analysis;
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
    /// Counts changes, so that work for an older state is not published over newer.
    pub generation: u64,
    /// The packages (by root path) whose diagnostics changes since the last publication may
    /// have changed.
    pub dirty: Dirty,
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
            generation: 0,
            dirty: Dirty::default(),
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

    fn open_texts(&self) -> HashMap<PathBuf, String> {
        self.docs
            .iter()
            .map(|(p, d)| (p.clone(), d.text.clone()))
            .collect()
    }

    /// Finds and loads every package of the workspace folders.
    pub fn load_workspace(&mut self) {
        let roots: Vec<PathBuf> = self
            .folders
            .iter()
            .flat_map(|f| workspace::discover(f))
            .collect();
        let open = self.open_texts();
        for root in roots {
            self.load_root(&root, &open);
        }
        self.generation += 1;
    }

    /// Loads (or reloads) the package at `root`; a folder that is gone or holds no `.wit`
    /// file any more stops being checked.
    /// Marks the packages holding a file as changed.
    pub fn mark_file(&mut self, roots: &[witty_analysis::input::Root]) {
        for &r in roots {
            let path = self.host.root_path(r).to_path_buf();
            self.dirty.roots.insert(path);
        }
    }

    fn load_root(&mut self, root: &Path, open: &HashMap<PathBuf, String>) {
        let existing = self
            .host
            .roots()
            .iter()
            .copied()
            .find(|r| self.host.root_path(*r) == root);
        self.dirty.roots.insert(root.to_path_buf());
        match workspace::load(root, open).filter(|p| !p.files.is_empty()) {
            Some(package) => {
                self.host.add_root(&package, self.features.clone());
            }
            None => {
                if let Some(r) = existing {
                    self.host.remove_root(r);
                }
            }
        }
    }

    /// Makes sure the package of a file is loaded (a file opened outside the workspace
    /// folders brings its own package; a document that is not a file is a package alone).
    pub fn ensure_root_for(&mut self, path: &Path) {
        if !self.host.roots_of(path).is_empty() {
            return;
        }
        if crate::convert::is_virtual(path) {
            if let Some(doc) = self.docs.get(path) {
                let package = witty_analysis::LoadedPackage {
                    root: path.to_path_buf(),
                    layout: witty_analysis::PackageLayout::File,
                    files: vec![witty_analysis::LoadedFile {
                        path: path.to_path_buf(),
                        text: doc.text.clone(),
                        problem: None,
                    }],
                    deps: Vec::new(),
                };
                self.host.add_root(&package, self.features.clone());
                self.dirty.roots.insert(path.to_path_buf());
            }
            return;
        }
        if let Some(root) = workspace::root_for_file(path) {
            let open = self.open_texts();
            self.load_root(&root, &open);
        }
    }

    /// Reloads the packages that files created, deleted or changed on disk belong to.
    pub fn reload_for(&mut self, paths: &[PathBuf]) {
        // A document that is not a file and is closed is gone with its package.
        for path in paths
            .iter()
            .filter(|p| crate::convert::is_virtual(p) && !self.docs.contains_key(*p))
        {
            let roots: Vec<_> = self
                .host
                .roots()
                .iter()
                .copied()
                .filter(|r| self.host.root_path(*r) == path)
                .collect();
            for r in roots {
                self.host.remove_root(r);
            }
            self.dirty.roots.insert(path.to_path_buf());
        }
        let open = self.open_texts();
        let mut roots: Vec<PathBuf> = paths
            .iter()
            .filter_map(|p| workspace::root_for_file(p))
            .collect();
        roots.sort();
        roots.dedup();
        for root in roots {
            let known = self
                .host
                .roots()
                .iter()
                .any(|r| self.host.root_path(*r) == root);
            let in_workspace = self.folders.iter().any(|f| root.starts_with(f));
            if known || in_workspace {
                self.load_root(&root, &open);
            }
        }
        self.generation += 1;
    }

    pub fn set_features(&mut self, features: Features) {
        if features == self.features {
            return;
        }
        self.features = features;
        self.dirty.all = true;
        let open = self.open_texts();
        let roots: Vec<PathBuf> = self
            .host
            .roots()
            .iter()
            .map(|r| self.host.root_path(*r).to_path_buf())
            .collect();
        for root in roots {
            self.load_root(&root, &open);
        }
        self.generation += 1;
    }
}
