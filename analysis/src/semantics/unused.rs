//! Names a `use` brings into an interface or world that nothing there refers to. Such a
//! name is still part of the API: the interface gains the type (others may `use` it through
//! the interface, and `wit semver-check` calls its removal breaking); the world imports the
//! type and its interface. So this is a hint that says so, never a warning with a fix: only
//! file-level `use`s (checked per file) can be removed without changing what wit-parser
//! resolves. Names another interface `use`s through this one, and `use`s of worlds that are
//! included elsewhere, are used.

use crate::fx::HashSet;
use std::sync::Arc;

use super::check::Owner;
use super::{At, Diag, ItemId, file_check};
use crate::Severity;
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
    // Only the root's own files: dependencies are not the user's to change.
    for &file in root.main(db).files() {
        let check = file_check(db, root, file);
        for unused in &check.unused_uses {
            let (name, from) = (&unused.name, &unused.from);
            let message = match &unused.container {
                Owner::Interface(id) => {
                    if used_through.contains(&(id.clone(), name.clone())) {
                        continue;
                    }
                    let i = &id.name;
                    format!(
                        "`{name}` is not used in interface `{i}`, but the `use` makes it part of \
                         `{i}` (others can `use {i}.{{{name}}}`): removing it would change the interface"
                    )
                }
                Owner::World(id) => {
                    if included.contains(id) {
                        continue;
                    }
                    format!(
                        "`{name}` is not used in world `{}`, but the `use` makes the world import \
                         it (a type of interface `{from}`): removing it would change the world's \
                         imports",
                        id.name
                    )
                }
                Owner::Inline { name: i, .. } => format!(
                    "`{name}` is not used in interface `{i}`, but the `use` makes it part of `{i}`: \
                     removing it would change the interface"
                ),
            };
            diags.push(Diag {
                severity: Severity::Hint,
                code: "unused-use",
                message,
                at: At::Span(file, unused.span),
                related: Vec::new(),
                tag: None,
            });
        }
    }
    Arc::new(diags)
}
