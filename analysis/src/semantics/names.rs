//! Name uniqueness as the Component Model defines it: names compare case-insensitively and
//! with their annotations (`[method]`, `[get]`...) canonicalized, using wasmparser's own
//! implementation of the rules.

use std::collections::HashSet;

use indexmap::IndexMap;
use wasmparser::names::{ComponentName, ComponentNameKind, KebabStr};

use super::{At, Diag};
use crate::hir::Ident;
use crate::input::File;

/// The names of one scope (an interface, or a world's imports or its exports).
#[derive(Default)]
pub struct NameScope {
    names: IndexMap<ComponentName, (String, At)>,
    raw: HashSet<String>,
}

impl NameScope {
    /// Adds an (already mangled) name; an error if it is not strongly unique in the scope.
    pub fn define(&mut self, name: &str, at: At) -> Result<(), Diag> {
        let parsed = ComponentName::new_with_features(name, 0, wasmparser::WasmFeatures::all())
            .map_err(|e| {
                Diag::error(
                    "invalid-name",
                    format!(
                        "name `{name}` is not a valid component name: {}",
                        e.message()
                    ),
                    at.clone(),
                )
            })?;
        if let Some((prev, prev_at)) = self.names.get(&parsed) {
            let message = if prev == name {
                format!("duplicate name `{name}`")
            } else {
                format!(
                    "name `{name}` conflicts with previous name `{prev}` (names are compared \
                     without regard to case or `[...]` annotations)"
                )
            };
            return Err(Diag::error("duplicate-name", message, at)
                .with_related(prev_at.clone(), "previous definition"));
        }
        self.names.insert(parsed, (name.to_string(), at));
        self.raw.insert(name.to_string());
        Ok(())
    }

    /// Every setter needs a getter of the same name in the scope.
    pub fn check_setters(&self) -> Vec<Diag> {
        let mut out = Vec::new();
        for (name, (_, at)) in &self.names {
            let ComponentNameKind::Plain(plain) = name.kind() else {
                continue;
            };
            if plain.accessor == Some(wasmparser::names::AccessorKind::Set) {
                let getter = plain.getter_for_setter();
                if !self.raw.contains(&getter) {
                    out.push(Diag::error(
                        "invalid-accessor",
                        format!("setter `{name}` has no corresponding getter `{getter}`"),
                        at.clone(),
                    ));
                }
            }
        }
        out
    }
}

/// Record fields, flags, and cases must be strongly unique among themselves.
pub fn check_unique(desc: &str, names: &[&Ident], file: File, out: &mut Vec<Diag>) {
    let mut seen: Vec<(KebabStr<'_>, &Ident)> = Vec::new();
    for name in names {
        let Some(kebab) = KebabStr::new(&name.name) else {
            continue;
        };
        if let Some((_, prev)) = seen.iter().find(|(k, _)| *k == kebab) {
            let message = if prev.name == name.name {
                format!("duplicate {desc} `{}`", prev.name)
            } else {
                format!(
                    "{desc} `{}` conflicts with previous {desc} `{}`",
                    name.name, prev.name
                )
            };
            out.push(
                Diag::error("duplicate-name", message, At::Span(file, name.span))
                    .with_related(At::Span(file, prev.span), "previous definition"),
            );
            continue;
        }
        seen.push((kebab, name));
    }
}

/// Whether two names are the same to the Component Model (case and dashes aside).
pub fn kebab_eq(a: &str, b: &str) -> bool {
    match (KebabStr::new(a), KebabStr::new(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a == b,
    }
}
