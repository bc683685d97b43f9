//! `use`: at file level (`use ns:pkg/iface as x;`) and in interfaces and worlds
//! (`use iface.{a, b as c};`): what each name refers to, and which of them nothing uses.

use super::{Checker, Entry, Lookup, Owner, Target, entry_span};
use crate::hir::*;
use crate::semantics::scope::{IfaceScope, ScopeEntry, TypeFacts, TypeShape, interface_scope};
use crate::semantics::suggest::{closest, did_you_mean, list, written};
use crate::semantics::{Diag, DiagTag, ItemId, ItemKind, interface_id_string};

/// A name a `use` in an interface or world brings in that nothing there refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnusedUse {
    pub container: Owner,
    pub name: Name,
    pub span: SpanId,
    /// The interface it comes from, as the `use` writes it.
    pub from: String,
}

impl Checker<'_> {
    /// `use path as name;` at file level: it may name an interface or a world. Whether the
    /// name it gives is used is decided once the file's items are all seen.
    pub(super) fn top_use(&mut self, u: &TopUse) {
        if !u.attrs.is_empty() {
            self.error(
                "invalid-attribute",
                "attributes not allowed on top-level use; put them on the items that use the name",
                u.span,
            );
        }
        let resolved = match &u.path {
            UsePath::Local(name) => match self.items.get(self.owner, &name.name) {
                Some(_) => {
                    let id = ItemId {
                        pkg: self.owner,
                        name: name.name.clone(),
                    };
                    self.target(name.span, Target::Item(id));
                    true
                }
                None => {
                    let names = self.items.per_pkg.get(self.owner.0 as usize);
                    let hint = did_you_mean(
                        &name.name,
                        names.into_iter().flat_map(|m| m.keys().map(|k| &**k)),
                    );
                    self.error(
                        "unresolved-name",
                        format!("interface or world `{}` does not exist{hint}", name.name),
                        name.span,
                    );
                    false
                }
            },
            // A foreign name at file level is always taken as an interface.
            path @ UsePath::Package { .. } => self.resolve(path, ItemKind::Interface).is_some(),
        };
        if resolved {
            self.top_uses.push(u.clone());
        }
    }

    /// After a list of items (a file's, or a nested package's): the file-level `use`s that
    /// no path of the list names. Removing one changes nothing wit-parser resolves (the name
    /// exists for this list's paths only), so this is a warning with a fix; in a dependency
    /// it is not the user's to fix.
    pub(super) fn unused_top_uses(&mut self, items: &DeclList) {
        let uses = std::mem::take(&mut self.top_uses);
        if self.graph.package(self.owner).is_dep {
            return;
        }
        let named = local_paths(items);
        for u in uses {
            let local = u.alias.as_ref().unwrap_or(u.path.name());
            if named.contains(&*local.name) {
                continue;
            }
            let target = match &u.path {
                UsePath::Local(name) => name.name.to_string(),
                UsePath::Package { package, name, .. } => path_string(package, &name.name),
            };
            let at = self.at(local.span);
            self.out.diags.push(
                Diag::warning(
                    "unused-use",
                    format!(
                        "`{}` is not used: no path in this file names it; remove this `use` (it \
                         only names `{target}` for this file)",
                        local.name
                    ),
                    at,
                )
                .with_tag(DiagTag::Unnecessary),
            );
        }
    }

    /// The names `use`s bring into an interface or world, checked against what their
    /// interfaces define.
    pub(super) fn resolve_uses(
        &mut self,
        uses: &[&Use],
        owner: &Owner,
        container: Option<&str>,
        lookup: &mut Lookup,
    ) {
        for u in uses {
            if let Some(n) = u.names.first() {
                self.gate(&u.attrs, n.name.span);
            } else {
                self.stability(&u.attrs);
            }
            let use_excluded = self.excluded(&u.attrs);
            for n in &u.names {
                self.not_gated_in_gated(container, &u.attrs, n.local().span);
            }
            let from = match &u.path {
                UsePath::Local(name) => name.name.to_string(),
                UsePath::Package { package, name, .. } => path_string(package, &name.name),
            };
            let outer_deprecated = self.in_deprecated;
            self.in_deprecated |= !u.attrs.deprecated.is_empty();
            // A `use` of a name in a package that is gated off is not looked up.
            let gated_foreign = use_excluded && matches!(u.path, UsePath::Package { .. });
            let Some(target) = (if gated_foreign {
                self.package_must_exist(&u.path);
                None
            } else {
                self.resolve(&u.path, ItemKind::Interface)
            }) else {
                // The names are still defined (as wit-parser defines them before it looks
                // them up), so that their uses are not reported again.
                for n in &u.names {
                    let local = n.local();
                    let facts = TypeFacts {
                        resource: true,
                        borrow: false,
                    };
                    let owner = owner.clone();
                    let name = n.name.name.clone();
                    lookup.entry(local.name.clone()).or_insert(Entry::Type {
                        facts,
                        span: local.span,
                        owner,
                        name,
                        excluded: use_excluded,
                        used: true,
                        // Nothing to say of a name whose `use` is wrong.
                        from: None,
                    });
                }
                self.in_deprecated = outer_deprecated;
                continue;
            };
            let scope = interface_scope(self.db, self.root, target.clone());
            for n in &u.names {
                match scope.entries.get(&n.name.name) {
                    Some(ScopeEntry::Type {
                        facts,
                        shape,
                        excluded,
                        deprecated,
                    }) => {
                        if *excluded && !use_excluded {
                            self.excluded_reference("type", n.name.span);
                        }
                        self.out
                            .use_refs
                            .push((target.clone(), n.name.name.clone()));
                        let (owner, name) = match shape {
                            TypeShape::Used { from, name } => {
                                (Owner::Interface(from.clone()), name.clone())
                            }
                            TypeShape::Def => {
                                (Owner::Interface(target.clone()), n.name.name.clone())
                            }
                        };
                        if let (Some(v), Owner::Interface(defined_in)) = (deprecated, &owner) {
                            let what = format!(
                                "`{}` (of `{}`)",
                                n.name.name,
                                interface_id_string(self.graph, defined_in)
                            );
                            self.deprecated_reference(&what, defined_in.pkg, v, n.name.span);
                        }
                        self.target(
                            n.name.span,
                            Target::Type {
                                owner: owner.clone(),
                                name: name.clone(),
                            },
                        );
                        let local = n.local();
                        if let Some(first) = lookup.get(&local.name) {
                            let first = entry_span(first);
                            self.duplicate(&local.name, local.span, first);
                        } else {
                            lookup.insert(
                                local.name.clone(),
                                Entry::Type {
                                    facts: *facts,
                                    span: local.span,
                                    owner,
                                    name,
                                    excluded: use_excluded,
                                    used: true,
                                    from: Some(from.clone()),
                                },
                            );
                        }
                    }
                    Some(ScopeEntry::Func) => self.error(
                        "wrong-item-kind",
                        format!(
                            "cannot import function `{}`: `use` brings in types only",
                            n.name.name
                        ),
                        n.name.span,
                    ),
                    // The cycle is the error; the names it hides are not missing.
                    None if scope.cyclic => {}
                    None => {
                        let hint = missing_member(&scope, &n.name.name, &u.path.name().name);
                        self.error(
                            "unresolved-name",
                            format!("name `{}` does not exist{hint}", n.name.name),
                            n.name.span,
                        )
                    }
                }
            }
            self.in_deprecated = outer_deprecated;
        }
    }

    /// After an interface or world: the names its `use`s bring in that nothing refers to.
    pub(super) fn note_unused_uses(&mut self, container: &Owner, lookup: &Lookup) {
        for (local, entry) in lookup {
            if let Entry::Type {
                used: true,
                span,
                from: Some(from),
                ..
            } = entry
                && !self.referenced.contains(local)
            {
                self.out.unused_uses.push(UnusedUse {
                    container: container.clone(),
                    name: local.clone(),
                    span: *span,
                    from: from.clone(),
                });
            }
        }
        self.referenced.clear();
    }
}

/// What to say of a name a `use` asks of an interface that lacks it: the close name, else
/// the types it has (only types can be used).
fn missing_member(scope: &IfaceScope, name: &str, iface: &str) -> String {
    let types: Vec<&str> = scope
        .entries
        .iter()
        .filter(|(_, e)| matches!(e, ScopeEntry::Type { .. }))
        .map(|(n, _)| &**n)
        .collect();
    if let Some(close) = closest(name, types.iter().copied()) {
        return format!(" in `{iface}`; did you mean `{}`?", written(close));
    }
    if types.is_empty() {
        format!(" in `{iface}`, which defines no types")
    } else {
        format!(" in `{iface}`; it has {}", list(&types))
    }
}

/// `ns:pkg/name@version`, as a path writes it.
pub(super) fn path_string(package: &PackageName, name: &str) -> String {
    let mut s = format!("{}/{name}", package.unversioned());
    if let Some(v) = &package.version {
        s.push_str(&format!("@{v}"));
    }
    s
}

/// The names that paths of a list of items give without a package: `use x.{..}`,
/// `import x;`, `export l: x;`, `include x;`. A file-level `use` names them for these.
fn local_paths(items: &DeclList) -> crate::fx::HashSet<&str> {
    fn uses(members: &[Member]) -> impl Iterator<Item = &UsePath> {
        members.iter().filter_map(|m| match m {
            Member::Use(u) => Some(&u.path),
            _ => None,
        })
    }
    let mut paths: Vec<&UsePath> = Vec::new();
    for item in &items.items {
        match item {
            TopItem::Interface(i) => paths.extend(uses(&i.members)),
            TopItem::World(w) => {
                for m in &w.members {
                    match m {
                        WorldMember::Use(u) => paths.push(&u.path),
                        WorldMember::Include(i) => paths.push(&i.path),
                        WorldMember::Import(e) | WorldMember::Export(e) => match &e.kind {
                            ExternKind::Path(p) | ExternKind::NamedPath { path: p, .. } => {
                                paths.push(p)
                            }
                            ExternKind::Interface { members, .. } => paths.extend(uses(members)),
                            ExternKind::Func(_) => {}
                        },
                        WorldMember::Type(_) => {}
                    }
                }
            }
            TopItem::Use(_) => {}
        }
    }
    paths
        .into_iter()
        .filter_map(|p| match p {
            UsePath::Local(name) => Some(&*name.name),
            UsePath::Package { .. } => None,
        })
        .collect()
}
