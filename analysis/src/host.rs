//! The entry point for the command line and the language server: load packages into the
//! database, change file texts, ask for diagnostics, take snapshots for IDE requests.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use witty_syntax::{TextRange, TextSize};

use crate::fx::HashMap;
use crate::ide::Analysis;
use crate::input::{BinaryFile, Features, File, PackageSource, Root};
use crate::{Diagnostic, FileProblem, LoadedPackage, PackageLayout, RootDatabase};

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
    /// How many file texts have been set, and that count when each root was last checked:
    /// a root is checked on every core only when many of its files are new to the database.
    edits: usize,
    checked_at: Mutex<HashMap<Root, usize>>,
}

impl AnalysisHost {
    pub fn new() -> AnalysisHost {
        AnalysisHost::default()
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
        )
    }

    /// Adds a loaded package (and its dependencies) as a root to check. A root with the same
    /// path is updated instead, so that what did not change is not computed again.
    pub fn add_root(&mut self, package: &LoadedPackage, features: Features) -> Root {
        use salsa::Setter;
        let main = self.source(package);
        let deps: Vec<PackageSource> = package.deps.iter().map(|d| self.source(d)).collect();
        let existing = self
            .roots
            .iter()
            .copied()
            .find(|r| r.path(&self.db) == &package.root);
        let Some(root) = existing else {
            let root = Root::new(&self.db, package.root.clone(), main, deps, features);
            Arc::make_mut(&mut self.roots).push(root);
            return root;
        };
        if root.main(&self.db) != &main {
            root.set_main(&mut self.db).to(main);
        }
        if root.deps(&self.db) != &deps {
            root.set_deps(&mut self.db).to(deps);
        }
        if root.features(&self.db) != &features {
            root.set_features(&mut self.db).to(features);
        }
        root
    }

    /// Stops checking a root (its files stay known, in case another root has them).
    pub fn remove_root(&mut self, root: Root) {
        Arc::make_mut(&mut self.roots).retain(|r| *r != root);
    }

    pub fn roots(&self) -> &[Root] {
        &self.roots
    }

    pub fn root_path(&self, root: Root) -> &Path {
        root.path(&self.db)
    }

    /// The roots whose packages or dependencies hold the file.
    pub fn roots_of(&self, path: &Path) -> Vec<Root> {
        let Some(&file) = self.files.get(path) else {
            return Vec::new();
        };
        self.roots
            .iter()
            .copied()
            .filter(|r| crate::diagnostics::root_files(&self.db, *r).contains(&file))
            .collect()
    }

    fn source(&mut self, package: &LoadedPackage) -> PackageSource {
        use salsa::Setter;
        if let PackageLayout::Binary(bytes) = &package.layout {
            let bytes: Arc<[u8]> = Arc::from(&bytes[..]);
            let file = match self.binaries.get(&package.root) {
                Some(&file) => {
                    if file.bytes(&self.db) != &bytes {
                        file.set_bytes(&mut self.db).to(bytes);
                    }
                    file
                }
                None => {
                    let file = BinaryFile::new(&self.db, package.root.clone(), bytes);
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
                    let diagnostic = Diagnostic::error(
                        "invalid-utf8",
                        "invalid UTF-8: WIT files must be UTF-8 text; the bytes here are not",
                        f.path.clone(),
                        TextRange::at(TextSize::new(*offset as u32), TextSize::new(1)),
                    );
                    Arc::make_mut(&mut self.read_problems).insert(f.path.clone(), diagnostic);
                }
                None if self.read_problems.contains_key(&f.path) => {
                    Arc::make_mut(&mut self.read_problems).remove(&f.path);
                }
                None => {}
            }
            let file = match self.files.get(&f.path) {
                Some(&file) => {
                    if **file.text(&self.db) != *f.text {
                        file.set_text(&mut self.db).to(Arc::from(f.text.as_str()));
                        self.edits += 1;
                    }
                    file
                }
                None => {
                    let file = File::new(&self.db, f.path.clone(), Arc::from(f.text.as_str()));
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

    /// Replaces the text of a file; false when no root has the file.
    pub fn set_file_text(&mut self, path: &Path, text: &str) -> bool {
        use salsa::Setter;
        let Some(&file) = self.files.get(path) else {
            return false;
        };
        if **file.text(&self.db) != *text {
            file.set_text(&mut self.db).to(Arc::from(text));
            self.edits += 1;
        }
        // Text given by an editor is valid UTF-8, whatever the file on disk held.
        if self.read_problems.contains_key(path) {
            Arc::make_mut(&mut self.read_problems).remove(path);
        }
        true
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
