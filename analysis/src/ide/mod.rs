//! IDE features as plain data (paths and byte ranges): what the language server asks, on a
//! snapshot of the database. Every answer may be cancelled by an edit, so each returns
//! `Cancellable`; none knows LSP.

mod assist_check;
mod assists;
mod built;
mod completion;
mod defs;
mod dependency_fixes;
mod highlight;
mod hover;
mod inlay_hints;
mod navigation;
mod rename;
mod runnables;
mod structure;
mod syntax_nodes;
mod workspace_symbols;
mod world_spans;

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use witty_syntax::{TextRange, TextSize};

use crate::fx::HashMap;
use crate::input::{File, Root};
use crate::{Diagnostic, RootDatabase};

pub use assists::{Assist, AssistKind};
pub use built::{component_diagnostics, composition_diagnostics};
pub use completion::{CompletionItem, CompletionKind};
pub use defs::{Def, DefKind, DefSite, FileIndex, file_index, find_def};
pub use highlight::{HlRange, HlTag, hl_mod};
pub use hover::{HoverParts, HoverResult};
pub use inlay_hints::InlayHint;
pub use navigation::{Highlight, NavTarget, Reference};
pub use rename::{SourceChange, TextEdit};
pub use runnables::{DocumentedFunc, RunnableFunc, RunnableWorld};
pub use structure::{Fold, FoldKind, StructureSymbol};
pub use workspace_symbols::WorkspaceSymbol;
pub use world_spans::WorldSpans;

/// An answer, or the news that an edit came first and the question should be asked again.
pub type Cancellable<T> = Result<T, salsa::Cancelled>;

/// A place in a file.
#[derive(Debug, Clone, Copy)]
pub struct FilePosition<'a> {
    pub path: &'a Path,
    pub offset: TextSize,
}

/// A snapshot of the database for answering requests, possibly on another thread.
pub struct Analysis {
    db: RootDatabase,
    files: Arc<HashMap<PathBuf, File>>,
    roots: Arc<Vec<Root>>,
    read_problems: Arc<HashMap<PathBuf, Diagnostic>>,
    homes: Arc<HashMap<PathBuf, Root>>,
    versions: Arc<HashMap<Root, u64>>,
}

impl Analysis {
    pub(crate) fn new(
        db: RootDatabase,
        files: Arc<HashMap<PathBuf, File>>,
        roots: Arc<Vec<Root>>,
        read_problems: Arc<HashMap<PathBuf, Diagnostic>>,
        homes: Arc<HashMap<PathBuf, Root>>,
        versions: Arc<HashMap<Root, u64>>,
    ) -> Analysis {
        Analysis {
            db,
            files,
            roots,
            read_problems,
            homes,
            versions,
        }
    }

    /// The version of a root's inputs: it changes whenever anything the root is made of
    /// does, so that what was computed for an older version is known to be stale.
    pub fn root_version(&self, root: Root) -> u64 {
        self.versions.get(&root).copied().unwrap_or(0)
    }

    /// Runs `f`, turning salsa's cancellation (an edit arrived) into an `Err`.
    fn catch<T>(&self, f: impl FnOnce(&RootDatabase) -> T) -> Cancellable<T> {
        salsa::Cancelled::catch(AssertUnwindSafe(|| f(&self.db)))
    }

    pub fn file_text(&self, path: &Path) -> Option<Arc<str>> {
        self.files.get(path).map(|f| f.text(&self.db).clone())
    }

    /// The line index of a known file, computed once per version of its text.
    pub fn line_index(&self, path: &Path) -> Cancellable<Option<Arc<witty_syntax::LineIndex>>> {
        self.catch(|db| {
            let file = *self.files.get(path)?;
            Some(crate::hir::line_index(db, file))
        })
    }

    pub fn roots(&self) -> &[Root] {
        &self.roots
    }

    /// The package folder (or file) a root was loaded from.
    pub fn root_path(&self, root: Root) -> &Path {
        root.path(&self.db)
    }

    /// Every diagnostic of a root, as `wit check --no-backstop` reports them.
    pub fn root_diagnostics(&self, root: Root) -> Cancellable<Vec<Diagnostic>> {
        self.catch(|db| {
            let mut out: Vec<Diagnostic> = crate::diagnostics::root_files(db, root)
                .iter()
                .filter_map(|f| self.read_problems.get(f.path(db)).cloned())
                .collect();
            out.extend(
                crate::diagnostics::root_diagnostics(db, root)
                    .iter()
                    .cloned(),
            );
            out
        })
    }

    /// The diagnostics of one file in its home root, in the order [`Self::root_diagnostics`]
    /// gives them for that file, without checking the root's other files.
    pub fn file_diagnostics(&self, path: &Path) -> Cancellable<Option<(Root, Vec<Diagnostic>)>> {
        self.catch(|db| {
            let (root, file) = self.locate(db, path)?;
            let mut out: Vec<Diagnostic> =
                self.read_problems.get(path).cloned().into_iter().collect();
            out.extend(crate::diagnostics::root_file_diagnostics(db, root, file));
            Some((root, out))
        })
    }

    /// Computes the diagnostics of many roots on every core (for the first load of a
    /// workspace); later questions about them find the answers ready.
    pub fn prepare(&self, roots: &[Root]) {
        crate::parallel::warm_roots(&self.db, roots);
    }

    /// Whether witty's own checks find an error in a root (then wit-parser's verdict is not
    /// needed).
    pub fn root_has_errors(&self, root: Root) -> Cancellable<bool> {
        self.catch(|db| {
            crate::diagnostics::root_files(db, root)
                .iter()
                .any(|f| self.read_problems.contains_key(f.path(db)))
                || crate::diagnostics::root_diagnostics(db, root)
                    .iter()
                    .any(|d| d.severity == crate::Severity::Error)
        })
    }

    /// The paths of a root's `.wit` files, its own first.
    pub fn root_files(&self, root: Root) -> Cancellable<Vec<PathBuf>> {
        self.catch(|db| {
            crate::diagnostics::root_files(db, root)
                .iter()
                .map(|f| f.path(db).clone())
                .collect()
        })
    }

    /// wit-parser's input for a root, to run outside the snapshot.
    pub fn backstop_input(&self, root: Root) -> Cancellable<crate::backstop::BackstopInput> {
        self.catch(|db| crate::backstop::BackstopInput::collect(db, root))
    }

    /// Every known file with the root it is best seen in (see `locate`).
    pub fn home_roots(&self) -> Arc<HashMap<PathBuf, Root>> {
        self.homes.clone()
    }

    /// The files whose diagnostics a root reports: those it is the home of, its own first.
    pub fn home_files(&self, root: Root) -> Cancellable<Vec<PathBuf>> {
        self.catch(|db| {
            crate::diagnostics::root_files(db, root)
                .iter()
                .map(|f| f.path(db))
                .filter(|p| self.homes.get(*p) == Some(&root))
                .cloned()
                .collect()
        })
    }

    /// The root a file is best seen in (see `locate`).
    pub fn home_root(&self, path: &Path) -> Cancellable<Option<Root>> {
        self.catch(|db| self.locate(db, path).map(|(root, _)| root))
    }

    /// The file and the root it is best seen in: one whose own package holds it, else one
    /// whose dependencies do.
    fn locate(&self, _db: &RootDatabase, path: &Path) -> Option<(Root, File)> {
        let file = *self.files.get(path)?;
        Some((*self.homes.get(path)?, file))
    }

    /// The root of the file at the position and the definition named there.
    fn def_at(&self, db: &RootDatabase, pos: FilePosition<'_>) -> Option<(Root, defs::Def)> {
        let (root, file) = self.locate(db, pos.path)?;
        let index = file_index(db, root, file);
        let (_, def, _) = index.at(pos.offset)?;
        Some((root, def.clone()))
    }

    /// Every root that holds the file (a package can be a dependency of several).
    fn roots_with(&self, db: &RootDatabase, file: File) -> Vec<Root> {
        self.roots
            .iter()
            .copied()
            .filter(|r| crate::diagnostics::root_files(db, *r).contains(&file))
            .collect()
    }
}

/// A range in a file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileRange {
    pub path: PathBuf,
    pub range: TextRange,
}

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod tests;
