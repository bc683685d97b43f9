//! The entry point for the command line and the language server: load packages into the
//! database, change file texts, ask for diagnostics.

use crate::fx::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use witty_syntax::{TextRange, TextSize};

use crate::input::{BinaryFile, Features, File, PackageSource, Root};
use crate::{Diagnostic, FileProblem, LoadedPackage, PackageLayout, RootDatabase};

#[derive(Default)]
pub struct AnalysisHost {
    db: RootDatabase,
    /// Problems found while reading files (not UTF-8), by root.
    read_problems: HashMap<Root, Vec<Diagnostic>>,
    files: HashMap<PathBuf, Vec<File>>,
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

    /// Adds a loaded package (and its dependencies) as a root to check.
    pub fn add_root(&mut self, package: &LoadedPackage, features: Features) -> Root {
        let mut problems = Vec::new();
        let main = self.source(package, &mut problems);
        let deps = package
            .deps
            .iter()
            .map(|d| self.source(d, &mut problems))
            .collect();
        let root = Root::new(&self.db, package.root.clone(), main, deps, features);
        self.read_problems.insert(root, problems);
        root
    }

    fn source(&mut self, package: &LoadedPackage, problems: &mut Vec<Diagnostic>) -> PackageSource {
        if let PackageLayout::Binary(bytes) = &package.layout {
            return PackageSource::Binary(BinaryFile::new(
                &self.db,
                package.root.clone(),
                Arc::from(&bytes[..]),
            ));
        }
        let mut files = Vec::new();
        for f in &package.files {
            match &f.problem {
                Some(FileProblem::Unreadable(_)) => continue,
                Some(FileProblem::InvalidUtf8 { offset }) => problems.push(Diagnostic::error(
                    "invalid-utf8",
                    "invalid UTF-8: WIT files must be UTF-8 text; the bytes here are not",
                    f.path.clone(),
                    TextRange::at(TextSize::new(*offset as u32), TextSize::new(1)),
                )),
                None => {}
            }
            let file = File::new(&self.db, f.path.clone(), Arc::from(f.text.as_str()));
            self.files.entry(f.path.clone()).or_default().push(file);
            files.push(file);
        }
        PackageSource::Wit {
            path: package.root.clone(),
            files,
        }
    }

    /// Replaces the text of a file in every root that has it.
    pub fn set_file_text(&mut self, path: &Path, text: &str) {
        use salsa::Setter;
        let files = self.files.get(path).cloned().unwrap_or_default();
        for file in files {
            file.set_text(&mut self.db).to(Arc::from(text));
        }
        self.edits += 1;
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
        let mut out = self.read_problems.get(&root).cloned().unwrap_or_default();
        out.extend(
            crate::diagnostics::root_diagnostics(&self.db, root)
                .iter()
                .cloned(),
        );
        out
    }

    /// The diagnostics, and when they have no error, wit-parser's verdict too.
    pub fn diagnostics_with_backstop(&self, root: Root) -> Vec<Diagnostic> {
        // wit-parser reads only the file texts, so it runs on a snapshot of the database on
        // another core while witty's own checks run here; its answer is used only if they
        // find no error.
        let snapshot = self.db.clone();
        // wit-parser recurses on deep type chains: give it a generous stack.
        let reference = std::thread::Builder::new()
            .name("wit-parser backstop".into())
            .stack_size(256 << 20)
            .spawn(move || crate::backstop::backstop(&snapshot, root));
        let mut out = self.diagnostics(root);
        let backstop = reference.ok().and_then(|r| r.join().ok()).flatten();
        if !out.iter().any(|d| d.severity == crate::Severity::Error)
            && let Some(d) = backstop
        {
            out.push((*d).clone());
        }
        out
    }
}
