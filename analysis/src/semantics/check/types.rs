//! Type definitions of an interface or world (records, variants, enums, flags, aliases,
//! resources) and type expressions: names that exist, no cycles, the shape rules (empty
//! types, flags, map keys, handles of resources).

use super::{Checker, Entry, Lookup, Owner, Target, entry_span};
use crate::fx::IndexMap;
use crate::hir::*;
use crate::semantics::names::check_unique;
use crate::semantics::scope::{IfaceScope, ScopeEntry, TypeShape, local_facts};
use crate::semantics::suggest::{PRIMITIVES, did_you_mean};

impl Checker<'_> {
    /// The type definitions of an interface or world: unique names, references that exist,
    /// no cycles; then each definition's own rules.
    pub(super) fn define_types(
        &mut self,
        defs: &[&TypeDef],
        owner: &Owner,
        container: Option<&str>,
        lookup: &mut Lookup,
    ) {
        // Definitions: unique names, references that exist, no cycles.
        let mut by_name: IndexMap<&str, &TypeDef> = IndexMap::default();
        for d in defs {
            if let Some(first) = by_name.get(&*d.name.name) {
                let first = first.name.span;
                self.duplicate(&d.name.name, d.name.span, Some(first));
            } else {
                by_name.insert(&d.name.name, d);
            }
        }
        let mut edges: Vec<Vec<(usize, SpanId)>> = Vec::new();
        for d in by_name.values() {
            let mut out = Vec::new();
            for (name, span) in type_def_names(d) {
                match by_name.get_index_of(name) {
                    Some(j) => out.push((j, span)),
                    None if lookup.contains_key(name) => {}
                    None => {
                        let known = by_name.keys().copied().chain(lookup.keys().map(|k| &**k));
                        let hint = unknown_type_hint(name, known);
                        self.error(
                            "unresolved-name",
                            format!("type `{name}` does not exist{hint}"),
                            span,
                        );
                    }
                }
            }
            edges.push(out);
        }
        if let Some((name, span)) = find_cycle(&by_name, &edges) {
            self.error(
                "cycle",
                format!("type `{name}` depends on itself: a type cannot contain itself, directly or through other types"),
                span,
            );
        }

        let use_scope = IfaceScope {
            excluded: false,
            cyclic: false,
            entries: lookup
                .iter()
                .filter_map(|(n, e)| match e {
                    Entry::Type {
                        facts, excluded, ..
                    } => Some((
                        n.clone(),
                        ScopeEntry::Type {
                            facts: *facts,
                            shape: TypeShape::Def,
                            excluded: *excluded,
                            deprecated: None,
                        },
                    )),
                    Entry::Func => None,
                })
                .collect(),
        };
        let unique: Vec<&TypeDef> = by_name.values().copied().collect();
        let facts = local_facts(&unique, &use_scope);
        for d in &unique {
            if let Some(first) = lookup.get(&d.name.name) {
                let first = entry_span(first);
                self.duplicate(&d.name.name, d.name.span, first);
                continue;
            }
            let f = facts.get(&*d.name.name).copied().unwrap_or_default();
            let excluded = self.excluded(&d.attrs);
            lookup.insert(
                d.name.name.clone(),
                Entry::Type {
                    facts: f,
                    span: d.name.span,
                    owner: owner.clone(),
                    name: d.name.name.clone(),
                    excluded,
                    used: false,
                    from: None,
                },
            );
        }
        for d in defs {
            self.type_def(d, lookup, container);
        }
    }

    pub(super) fn type_def(&mut self, d: &TypeDef, lookup: &Lookup, container: Option<&str>) {
        self.gate(&d.attrs, d.name.span);
        self.not_gated_in_gated(container, &d.attrs, d.name.span);
        // References from a type that is in to one that is gated off.
        if container.is_none() && !self.excluded(&d.attrs) {
            match &d.kind {
                TypeDefKind::Record(fields) => {
                    for f in fields {
                        if self.refers_to_excluded(&f.ty, lookup) {
                            self.excluded_reference("type", f.name.span);
                        }
                    }
                }
                TypeDefKind::Alias(ty) if self.refers_to_excluded(ty, lookup) => {
                    self.excluded_reference("type", d.name.span);
                }
                TypeDefKind::Variant(cases)
                    if cases
                        .iter()
                        .filter_map(|c| c.ty.as_ref())
                        .any(|t| self.refers_to_excluded(t, lookup)) =>
                {
                    self.excluded_reference("type", d.name.span);
                }
                _ => {}
            }
        }
        let empty = match &d.kind {
            TypeDefKind::Record(f) if f.is_empty() => {
                "empty record: a record needs at least one field"
            }
            TypeDefKind::Flags(f) if f.is_empty() => "empty flags: flags need at least one flag",
            TypeDefKind::Variant(c) if c.is_empty() => {
                "empty variant: a variant needs at least one case"
            }
            TypeDefKind::Enum(c) if c.is_empty() => "empty enum: an enum needs at least one case",
            _ => "",
        };
        if !empty.is_empty() {
            self.error("empty-type", empty, d.name.span);
        }
        let file = self.file;
        match &d.kind {
            TypeDefKind::Alias(ty) => self.check_type(ty, lookup, false),
            TypeDefKind::Record(fields) => {
                let names: Vec<&Ident> = fields.iter().map(|f| &f.name).collect();
                check_unique("field", &names, file, &mut self.out.diags);
                for f in fields {
                    self.check_type(&f.ty, lookup, false);
                }
            }
            TypeDefKind::Flags(flags) => {
                if let Some(flag) = flags.get(32) {
                    self.error(
                        "too-many-flags",
                        "cannot have more than 32 flags",
                        flag.span,
                    );
                }
                let names: Vec<&Ident> = flags.iter().collect();
                check_unique("flag", &names, file, &mut self.out.diags);
            }
            TypeDefKind::Variant(cases) => {
                let names: Vec<&Ident> = cases.iter().map(|c| &c.name).collect();
                check_unique("case", &names, file, &mut self.out.diags);
                for c in cases {
                    if let Some(ty) = &c.ty {
                        self.check_type(ty, lookup, false);
                    }
                }
            }
            TypeDefKind::Enum(cases) => {
                let names: Vec<&Ident> = cases.iter().collect();
                check_unique("case", &names, file, &mut self.out.diags);
            }
            TypeDefKind::Resource(_) => {}
        }
    }

    /// References and shapes inside a type expression. Missing names in type definitions
    /// were reported already (as wit-parser does, while ordering the definitions).
    pub(super) fn check_type(&mut self, ty: &TypeRef, lookup: &Lookup, report_missing: bool) {
        let mut found: Vec<(SpanId, Target)> = Vec::new();
        let mut errors: Vec<(&'static str, String, SpanId)> = Vec::new();
        let mut referenced: Vec<(Name, SpanId)> = Vec::new();
        ty.walk(|t| match &t.kind {
            TypeRefKind::Named(n) => match lookup.get(n) {
                Some(Entry::Type { owner, name, .. }) => {
                    referenced.push((n.clone(), t.span));
                    found.push((t.span, Target::Type { owner: owner.clone(), name: name.clone() }))
                }
                Some(Entry::Func) => {
                    errors.push(("wrong-item-kind", format!("cannot use function `{n}` as a type"), t.span))
                }
                None if report_missing => {
                    let hint = unknown_type_hint(n, type_names(lookup));
                    errors.push(("unresolved-name", format!("name `{n}` does not exist{hint}"), t.span))
                }
                None => {}
            },
            TypeRefKind::Own(id) | TypeRefKind::Borrow(id) => match lookup.get(&id.name) {
                Some(Entry::Type { facts, owner, name, .. }) => {
                    referenced.push((id.name.clone(), id.span));
                    found.push((id.span, Target::Type { owner: owner.clone(), name: name.clone() }));
                    if !facts.resource {
                        errors.push((
                            "invalid-handle",
                            format!("type `{}` used in a handle must be a resource", id.name),
                            id.span,
                        ));
                    }
                }
                Some(Entry::Func) => errors.push((
                    "wrong-item-kind",
                    format!("cannot use function `{}` as a type", id.name),
                    id.span,
                )),
                None if report_missing => {
                    let hint = unknown_type_hint(&id.name, type_names(lookup));
                    errors.push(("unresolved-name", format!("name `{}` does not exist{hint}", id.name), id.span))
                }
                None => {}
            },
            TypeRefKind::Map(k, _) => {
                let ok = matches!(&k.kind, TypeRefKind::Primitive(p) if p.is_map_key())
                    || matches!(&k.kind, TypeRefKind::Error);
                if !ok {
                    errors.push((
                        "invalid-map-key",
                        "invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, s32, s64, char, or string"
                            .to_string(),
                        t.span,
                    ));
                }
            }
            TypeRefKind::Tuple(ts) if ts.is_empty() => {
                errors.push(("empty-type", "empty tuple: a tuple needs at least one type".to_string(), t.span))
            }
            _ => {}
        });
        self.out.targets.extend(found);
        for (code, message, span) in errors {
            self.error(code, message, span);
        }
        for (name, _) in referenced {
            self.referenced.insert(name);
        }
    }

    /// Whether a type contains a `borrow<T>`, looking through named types.
    pub(super) fn has_borrow(&self, ty: &TypeRef, lookup: &Lookup) -> bool {
        let mut found = false;
        ty.walk(|t| match &t.kind {
            TypeRefKind::Borrow(_) => found = true,
            TypeRefKind::Named(n) => {
                if let Some(Entry::Type { facts, .. }) = lookup.get(n) {
                    found |= facts.borrow;
                }
            }
            _ => {}
        });
        found
    }
}

/// The names a type definition refers to (wit-parser's dependency edges between types).
fn type_def_names(d: &TypeDef) -> Vec<(&str, SpanId)> {
    let mut out = Vec::new();
    match &d.kind {
        TypeDefKind::Alias(t) => out.extend(t.names()),
        TypeDefKind::Record(fields) => fields.iter().for_each(|f| out.extend(f.ty.names())),
        TypeDefKind::Variant(cases) => cases
            .iter()
            .filter_map(|c| c.ty.as_ref())
            .for_each(|t| out.extend(t.names())),
        TypeDefKind::Flags(_) | TypeDefKind::Enum(_) | TypeDefKind::Resource(_) => {}
    }
    out
}

/// wit-parser's topological sort: after taking every definition whose dependencies are
/// taken, the first one left that depends on another one left names the cycle.
fn find_cycle<'a>(
    nodes: &IndexMap<&'a str, &TypeDef>,
    edges: &[Vec<(usize, SpanId)>],
) -> Option<(&'a str, SpanId)> {
    let n = nodes.len();
    let mut remaining: Vec<usize> = edges.iter().map(|e| e.len()).collect();
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, e) in edges.iter().enumerate() {
        for &(j, _) in e {
            reverse[j].push(i);
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&i| remaining[i] == 0).collect();
    let mut taken = 0;
    while let Some(i) = ready.pop() {
        taken += 1;
        for &k in &reverse[i] {
            remaining[k] -= 1;
            if remaining[k] == 0 {
                ready.push(k);
            }
        }
    }
    if taken == n {
        return None;
    }
    for (i, e) in edges.iter().enumerate() {
        if remaining[i] == 0 {
            continue;
        }
        for &(j, span) in e {
            if remaining[j] != 0 {
                let (name, _) = nodes.get_index(j)?;
                return Some((name, span));
            }
        }
    }
    None
}

/// What to say of a type name that names nothing: the pre-1.0 float names were renamed
/// (wit-parser's hint there also names an environment variable that no release reads any
/// more), else the close name among the types in scope and the built-in ones.
fn unknown_type_hint<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    match name {
        "float32" => return "; it was renamed to `f32`".to_string(),
        "float64" => return "; it was renamed to `f64`".to_string(),
        _ => {}
    }
    did_you_mean(name, known.into_iter().chain(PRIMITIVES.iter().copied()))
}

/// The names of the types in scope.
fn type_names(lookup: &Lookup) -> impl Iterator<Item = &str> {
    lookup
        .iter()
        .filter(|(_, e)| matches!(e, Entry::Type { .. }))
        .map(|(n, _)| &**n)
}
