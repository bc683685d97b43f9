//! Workspace symbols: every interface, world, type and function of every package, found by
//! a fuzzy match of their names.

use std::path::PathBuf;

use witty_syntax::TextRange;

use super::defs::{DefKind, file_index};
use super::navigation::{NavTarget, nav_target};
use super::{Analysis, Cancellable};
use crate::fx::HashSet;

/// More than this many matches is more than anyone reads.
const LIMIT: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceSymbol {
    pub target: NavTarget,
    /// The interface or world it is part of.
    pub container: Option<String>,
}

impl Analysis {
    pub fn workspace_symbols(&self, query: &str) -> Cancellable<Vec<WorkspaceSymbol>> {
        self.catch(|db| {
            let query = query.to_lowercase();
            let mut seen: HashSet<(PathBuf, TextRange)> = HashSet::default();
            let mut found: Vec<(u32, WorkspaceSymbol)> = Vec::new();
            for &root in self.roots.iter() {
                for file in crate::diagnostics::root_files(db, root) {
                    let index = file_index(db, root, file);
                    for site in &index.defs {
                        if matches!(site.kind, DefKind::Param) {
                            continue;
                        }
                        let name = &file.text(db)[site.name];
                        let Some(score) = fuzzy_score(&name.to_lowercase(), &query) else {
                            continue;
                        };
                        if !seen.insert((file.path(db).clone(), site.name)) {
                            continue;
                        }
                        let Some(target) = nav_target(db, root, &site.def) else {
                            continue;
                        };
                        let container = site
                            .parent
                            .map(|p| file.text(db)[index.defs[p].name].to_string());
                        found.push((score, WorkspaceSymbol { target, container }));
                    }
                }
            }
            found.sort_by(|a, b| {
                a.0.cmp(&b.0)
                    .then_with(|| a.1.target.name.cmp(&b.1.target.name))
            });
            found.into_iter().take(LIMIT).map(|(_, s)| s).collect()
        })
    }
}

/// Lower is better: 0 for an exact name, 1 for a prefix, 2 for a substring, 3 for the
/// letters in order; `None` when the letters are not all there in order.
fn fuzzy_score(name: &str, query: &str) -> Option<u32> {
    if query.is_empty() {
        return Some(3);
    }
    if name == query {
        return Some(0);
    }
    if name.starts_with(query) {
        return Some(1);
    }
    if name.contains(query) {
        return Some(2);
    }
    let mut chars = name.chars();
    query.chars().all(|q| chars.any(|c| c == q)).then_some(3)
}
