//! The tool commands that fix a file's dependency problems (`dependency-not-fetched`,
//! `dependency-from-cache`, `lock-digest-mismatch`), for the editor to offer as quick fixes.

use std::path::Path;

use super::{Analysis, Cancellable};
use crate::deps::ToolFix;

impl Analysis {
    /// The fixes whose diagnostics are in `path`: a `.wit` file of a package, or a manifest or
    /// lock file of its project.
    pub fn dependency_fixes(&self, path: &Path) -> Cancellable<Vec<ToolFix>> {
        self.catch(|db| {
            let home = self.locate(db, path).map(|(root, _)| root);
            let mut out = Vec::new();
            for &root in self.roots.iter() {
                let Some(project) = root.project(db) else {
                    continue;
                };
                let about = home == Some(root) || project.files.iter().any(|f| f.path == path);
                if !about {
                    continue;
                }
                let report = crate::deps::report(db, root, project);
                out.extend(report.fixes.into_iter().filter(|f| f.file == path));
            }
            out.dedup();
            out
        })
    }
}
