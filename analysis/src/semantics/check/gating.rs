//! The gates of each item as the checker meets it: `@since` against the package's version,
//! `@unstable` items left out when their feature is off (and what may not refer to them),
//! `@deprecated` items of dependencies that the user's package still refers to.

use super::{Checker, Entry, Lookup};
use crate::hir::*;
use crate::semantics::gates::{self, Stability};
use crate::semantics::items::decl_list;
use crate::semantics::packages::PkgId;
use crate::semantics::{At, Diag, DiagTag, ItemId};

impl Checker<'_> {
    pub(super) fn stability(&mut self, attrs: &Attrs) -> Stability {
        gates::stability(attrs, self.file, &mut self.out.diags)
    }

    /// Checks an item's attributes, and its `@since` against the package's version.
    pub(super) fn gate(&mut self, attrs: &Attrs, span: SpanId) {
        if attrs.is_empty() {
            return;
        }
        let st = self.stability(attrs);
        let package = &self.graph.package(self.owner).name;
        gates::included(
            &st,
            package,
            self.features,
            At::Span(self.file, span),
            &mut self.out.diags,
        );
    }

    pub(super) fn excluded(&self, attrs: &Attrs) -> bool {
        crate::semantics::scope::is_excluded(attrs, self.features)
    }

    /// wit-parser keeps every type of a gated-off interface or world out too; one that is not
    /// gated itself is an error.
    pub(super) fn not_gated_in_gated(
        &mut self,
        container: Option<&str>,
        attrs: &Attrs,
        span: SpanId,
    ) {
        if let Some(what) = container
            && !self.excluded(attrs)
        {
            self.error(
                "excluded-reference",
                format!(
                    "found a reference to {} {what} which is excluded due to its feature not being \
                     activated: this item is not gated by a feature but its {what} is; give it the \
                     same `@unstable` as its {what}",
                    article(what)
                ),
                span,
            );
        }
    }

    /// Whether a type expression refers to a type gated off by its feature.
    pub(super) fn refers_to_excluded(&self, ty: &TypeRef, lookup: &Lookup) -> bool {
        let mut found = false;
        ty.walk(|t| {
            let name = match &t.kind {
                TypeRefKind::Named(n) => &**n,
                TypeRefKind::Own(id) | TypeRefKind::Borrow(id) => &*id.name,
                _ => return,
            };
            if let Some(Entry::Type { excluded: true, .. }) = lookup.get(name) {
                found = true;
            }
        });
        found
    }

    pub(super) fn excluded_reference(&mut self, what: &str, span: SpanId) {
        self.error(
            "excluded-reference",
            format!(
                "found a reference to {} {what} which is excluded due to its feature not being \
                 activated; enable the feature (`--features`) or gate this item with the same \
                 `@unstable`",
                article(what)
            ),
            span,
        );
    }

    /// A reference, from an item that is in, to an interface or world gated off. In this
    /// package that is an excluded reference; in another package the item simply is not
    /// there, and wit-parser says so where the package first names it.
    pub(super) fn excluded_item(&mut self, path: &UsePath, what: &str, span: SpanId) {
        match path {
            UsePath::Local(_) => self.excluded_reference(what, span),
            UsePath::Package { package, name, .. } => {
                let kinds = crate::semantics::items::foreign_kinds(self.db, self.root, self.owner);
                let at = kinds
                    .get(&(package.clone(), name.name.clone()))
                    .map_or(self.at(name.span), |r| r.first.clone());
                self.out.diags.push(Diag::error(
                    "excluded-reference",
                    format!(
                        "{what} '{}' not found in package '{package}': it is gated off by \
                         `@unstable` there, and its feature is not enabled",
                        name.name
                    ),
                    at,
                ));
            }
        }
    }

    /// Whether an interface or world is gated off.
    pub(super) fn item_excluded(&self, id: &ItemId) -> bool {
        self.with_item_attrs(id, |attrs| self.excluded(attrs))
            .unwrap_or(false)
    }

    /// The version an interface or world of a `.wit` package is deprecated since.
    pub(super) fn item_deprecated(&self, id: &ItemId) -> Option<semver::Version> {
        self.with_item_attrs(id, |attrs| attrs.deprecated.first().map(|d| d.0.clone()))
            .flatten()
    }

    fn with_item_attrs<T>(&self, id: &ItemId, f: impl FnOnce(&Attrs) -> T) -> Option<T> {
        let def = self.items.def(id)?;
        let crate::semantics::items::ItemSrc::Wit { file, list, index } = def.src else {
            return None;
        };
        let tree = item_tree(self.db, file);
        match decl_list(&tree, list).and_then(|l| l.items.get(index as usize)) {
            Some(TopItem::Interface(i)) => Some(f(&i.attrs)),
            Some(TopItem::World(w)) => Some(f(&w.attrs)),
            _ => None,
        }
    }

    /// A reference from the user's own package to something another package marks
    /// `@deprecated` (and is at that version or later): a warning. A dependency referring to
    /// deprecated items is not the user's to change, nor is a package referring to what it
    /// deprecates itself (it keeps the item for compatibility), nor a deprecated item
    /// referring to another.
    pub(super) fn deprecated_reference(
        &mut self,
        what: &str,
        defined_in: PkgId,
        since: &semver::Version,
        span: SpanId,
    ) {
        if defined_in == self.owner || self.in_deprecated || self.graph.package(self.owner).is_dep {
            return;
        }
        let version = self.graph.package(defined_in).name.version.as_ref();
        if version.is_some_and(|v| v < since) {
            return;
        }
        let at = self.at(span);
        self.out.diags.push(
            Diag::warning(
                "deprecated",
                format!("{what} is deprecated since version {since}"),
                at,
            )
            .with_tag(DiagTag::Deprecated),
        );
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
