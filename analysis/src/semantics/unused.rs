//! Names brought in by `use` that nothing refers to: not the interface or world that has
//! the `use`, nor any other `use` of that name through it (a `use`d type is part of its
//! interface), nor any world that includes the world.

use crate::fx::HashSet;
use std::sync::Arc;

use super::check_file::Owner;
use super::{At, Diag, DiagTag, ItemId, file_check};
use crate::input::Root;

#[salsa::tracked(returns(clone))]
pub fn unused_use_diags(db: &dyn salsa::Database, root: Root) -> Arc<Vec<Diag>> {
    let mut used_through: HashSet<(ItemId, crate::hir::Name)> = HashSet::default();
    let mut included: HashSet<ItemId> = HashSet::default();
    for file in crate::diagnostics::root_files(db, root) {
        let check = file_check(db, root, file);
        used_through.extend(check.use_refs.iter().cloned());
        included.extend(check.include_refs.iter().cloned());
    }
    let mut diags = Vec::new();
    // Only the root's own files: warnings about dependencies are not the user's to fix.
    for &file in root.main(db).files() {
        let check = file_check(db, root, file);
        for unused in &check.unused_uses {
            let still_used = match &unused.container {
                Owner::Interface(id) => used_through.contains(&(id.clone(), unused.name.clone())),
                Owner::World(id) => included.contains(id),
                Owner::Inline { .. } => false,
            };
            if still_used {
                continue;
            }
            diags.push(
                Diag::warning(
                    "unused-use",
                    format!(
                        "`{}` is brought in by `use` but never used; remove it from the `use`",
                        unused.name
                    ),
                    At::Span(file, unused.span),
                )
                .with_tag(DiagTag::Unnecessary),
            );
        }
    }
    Arc::new(diags)
}
