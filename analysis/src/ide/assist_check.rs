//! Checks a quick fix before it is offered: the package is analysed again with the fix
//! applied, and the fix is kept only if the diagnostic it is for goes away and no other
//! appears. A fix that looks right locally can still be wrong for the package (an import
//! that closes a `use` cycle, a close name that is not a type), and a fix that makes
//! things worse is worse than none.

use crate::fx::HashMap;
use crate::input::{PackageSource, Root};
use crate::{AnalysisHost, Diagnostic, LoadedFile, LoadedPackage, PackageLayout};
use std::path::{Path, PathBuf};

use super::rename::SourceChange;

/// What a diagnostic is, apart from where: edits move the ranges of everything after them.
type Key = (&'static str, crate::Severity, String, PathBuf);

fn key(d: &Diagnostic) -> Key {
    (d.code, d.severity, d.message.clone(), d.file.clone())
}

/// The root's packages as they were loaded, with the change applied to their texts.
pub(crate) struct FixCheck {
    before: HashMap<Key, usize>,
    main: LoadedPackage,
    features: crate::input::Features,
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
        FixCheck {
            before: counts,
            main,
            features: root.features(db).clone(),
        }
    }

    /// Whether applying `change` removes `fixed` and adds no diagnostic.
    pub(crate) fn holds(&self, change: &SourceChange, fixed: &Diagnostic) -> bool {
        let mut package = self.main.clone();
        for (path, edits) in &change.files {
            let Some(file) = find_file(&mut package, path) else {
                // A change to a file outside the root cannot be checked here.
                return false;
            };
            let mut edits = edits.clone();
            edits.sort_by_key(|e| std::cmp::Reverse(e.range.start()));
            for e in &edits {
                let range = std::ops::Range::<usize>::from(e.range);
                if range.end > file.text.len()
                    || !file.text.is_char_boundary(range.start)
                    || !file.text.is_char_boundary(range.end)
                {
                    return false;
                }
                file.text.replace_range(range, &e.new_text);
            }
        }
        let mut host = AnalysisHost::new();
        let root = host.add_root(&package, self.features.clone());
        let after = host.diagnostics(root);
        let mut counts = HashMap::default();
        for d in &after {
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

fn find_file<'a>(package: &'a mut LoadedPackage, path: &Path) -> Option<&'a mut LoadedFile> {
    if package.files.iter().any(|f| f.path == path) {
        return package.files.iter_mut().find(|f| f.path == path);
    }
    package.deps.iter_mut().find_map(|d| find_file(d, path))
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
