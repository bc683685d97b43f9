//! Checks a quick fix before it is offered: the package is analysed again with the fix
//! applied, and the fix is kept only if the diagnostic it is for goes away and no other
//! appears. A fix that looks right locally can still be wrong for the package (an import
//! that closes a `use` cycle, a close name that is not a type), and a fix that makes
//! things worse is worse than none.

use std::path::{Path, PathBuf};

use super::rename::{SourceChange, TextEdit};
use crate::fx::HashMap;
use crate::input::{PackageSource, Root};
use crate::{AnalysisHost, Diagnostic, LoadedFile, LoadedPackage, PackageLayout};

/// What a diagnostic is, apart from where: edits move the ranges of everything after them.
type Key = (&'static str, crate::Severity, String, PathBuf);

fn key(d: &Diagnostic) -> Key {
    (d.code, d.severity, d.message.clone(), d.file.clone())
}

/// A copy of the root in a database of its own, in which each fix is applied, analysed and
/// taken back: after the first, a fix costs what the edited file and its dependents cost.
pub(crate) struct FixCheck {
    before: HashMap<Key, usize>,
    host: AnalysisHost,
    root: Root,
}

impl FixCheck {
    pub(crate) fn new(db: &dyn salsa::Database, root: Root, before: &[Diagnostic]) -> FixCheck {
        let mut counts = HashMap::default();
        for d in before {
            *counts.entry(key(d)).or_insert(0) += 1;
        }
        let mut main = loaded(db, root.main(db), root.path(db));
        main.deps = root
            .deps(db)
            .iter()
            .map(|d| {
                let path = match d {
                    PackageSource::Wit { path, .. } => path.clone(),
                    PackageSource::Binary(b) => b.path(db).clone(),
                };
                loaded(db, d, &path)
            })
            .collect();
        let mut host = AnalysisHost::new();
        let copy = host.add_root(&main, root.features(db).clone());
        FixCheck {
            before: counts,
            host,
            root: copy,
        }
    }

    /// Whether applying `change` removes `fixed` and adds no diagnostic.
    pub(crate) fn holds(&mut self, change: &SourceChange, fixed: &Diagnostic) -> bool {
        let mut originals = Vec::new();
        let mut applies = true;
        for (path, edits) in &change.files {
            let Some(text) = self.host.file_text(path) else {
                // A change to a file outside the root cannot be checked here.
                applies = false;
                break;
            };
            let Some(edited) = apply(&text, edits) else {
                applies = false;
                break;
            };
            self.host.set_file_text(path, &edited);
            originals.push((path.clone(), text));
        }
        let holds = applies && self.compare(fixed);
        for (path, text) in originals {
            self.host.set_file_text(&path, &text);
        }
        holds
    }

    fn compare(&self, fixed: &Diagnostic) -> bool {
        let mut counts = HashMap::default();
        for d in &self.host.diagnostics(self.root) {
            *counts.entry(key(d)).or_insert(0usize) += 1;
        }
        let fixed_key = key(fixed);
        let removed = counts.get(&fixed_key).copied().unwrap_or(0)
            < self.before.get(&fixed_key).copied().unwrap_or(0);
        let added = counts
            .iter()
            .any(|(k, n)| *n > self.before.get(k).copied().unwrap_or(0));
        removed && !added
    }
}

/// The text with the edits made, or `None` if one does not fit it.
fn apply(text: &str, edits: &[TextEdit]) -> Option<String> {
    let mut text = text.to_string();
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| std::cmp::Reverse(e.range.start()));
    for e in &edits {
        let range = std::ops::Range::<usize>::from(e.range);
        if range.end > text.len()
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            return None;
        }
        text.replace_range(range, &e.new_text);
    }
    Some(text)
}

/// A package source read back from the database as the loader would have given it.
fn loaded(db: &dyn salsa::Database, source: &PackageSource, path: &Path) -> LoadedPackage {
    match source {
        PackageSource::Binary(b) => LoadedPackage {
            root: path.to_path_buf(),
            layout: PackageLayout::Binary(b.bytes(db).to_vec()),
            files: Vec::new(),
            deps: Vec::new(),
        },
        PackageSource::Wit { path, files } => {
            let single = files.len() == 1 && files[0].path(db) == path;
            LoadedPackage {
                root: path.clone(),
                layout: if single {
                    PackageLayout::File
                } else {
                    PackageLayout::Folder
                },
                files: files
                    .iter()
                    .map(|f| LoadedFile {
                        path: f.path(db).clone(),
                        text: f.text(db).to_string(),
                        problem: None,
                    })
                    .collect(),
                deps: Vec::new(),
            }
        }
    }
}
