//! Name uniqueness as the Component Model defines it ("strongly unique"): names compare
//! without regard to case or dashes, and with their annotations (`[method]`, `[get]`...)
//! canonicalized. The rules are wasmparser's; names of an unexpected shape go to wasmparser
//! itself, for its error message.

use crate::fx::{HashMap, HashSet};

use wasmparser::names::{ComponentName, KebabStr};

use super::{At, Diag};
use crate::hir::Ident;
use crate::input::File;

/// The names of one scope (an interface, or a world's imports or its exports).
#[derive(Default)]
pub struct NameScope {
    names: HashMap<String, (String, At)>,
    order: Vec<String>,
    raw: HashSet<String>,
}

/// The canonical form of a plain component name (as wasmparser's `PlainName` computes it):
/// `[method]`/`[static]`/`[get]` dropped, `[constructor]` and `[set]` kept, the rest lower
/// case without dashes, and `r.r` (a method named after its resource) as `r`. `None` when the
/// name is not a well-formed plain name.
pub fn canonical(name: &str) -> Option<String> {
    let mut rest = name;
    let mut constructor = false;
    let mut resource_func = false;
    if let Some(r) = rest.strip_prefix("[constructor]") {
        constructor = true;
        rest = r;
    } else if let Some(r) = rest
        .strip_prefix("[method]")
        .or_else(|| rest.strip_prefix("[static]"))
    {
        resource_func = true;
        rest = r;
    }
    let mut setter = false;
    if let Some(r) = rest.strip_prefix("[get]") {
        rest = r;
    } else if let Some(r) = rest.strip_prefix("[set]") {
        setter = true;
        rest = r;
    }
    let well_formed = if resource_func {
        rest.split_once('.')
            .is_some_and(|(r, m)| KebabStr::new(r).is_some() && KebabStr::new(m).is_some())
    } else {
        KebabStr::new(rest).is_some()
    };
    if !well_formed {
        return None;
    }
    let lower: String = rest
        .chars()
        .filter(|&c| c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if let Some((a, b)) = lower.split_once('.')
        && a == b
    {
        return Some(a.to_string());
    }
    Some(if constructor {
        format!("[constructor]{lower}")
    } else if setter {
        format!("[set]{lower}")
    } else {
        lower
    })
}

impl NameScope {
    /// Adds an (already mangled) name; an error if it is not strongly unique in the scope.
    pub fn define(&mut self, name: &str, at: At) -> Result<(), Diag> {
        let Some(key) = canonical(name) else {
            // A name that is no identifier was reported where it is written.
            if !plain_parts(name).all(|part| witty_syntax::check_identifier(part).is_ok()) {
                return Ok(());
            }
            let message =
                match ComponentName::new_with_features(name, 0, wasmparser::WasmFeatures::all()) {
                    Err(e) => format!(
                        "name `{name}` is not a valid component name: {}",
                        e.message()
                    ),
                    Ok(_) => format!("name `{name}` is not a valid plain name"),
                };
            return Err(Diag::error("invalid-name", message, at));
        };
        if let Some((prev, prev_at)) = self.names.get(&key) {
            let message = if prev == name {
                format!("duplicate name `{name}`")
            } else {
                format!(
                    "name `{name}` conflicts with previous name `{prev}` (names are compared \
                     without regard to case, dashes or `[...]` annotations)"
                )
            };
            return Err(Diag::error("duplicate-name", message, at)
                .with_related(prev_at.clone(), "previous definition"));
        }
        self.order.push(key.clone());
        self.names.insert(key, (name.to_string(), at));
        self.raw.insert(name.to_string());
        Ok(())
    }

    /// Every setter needs a getter of the same name in the scope.
    pub fn check_setters(&self) -> Vec<Diag> {
        let mut out = Vec::new();
        for key in &self.order {
            let (name, at) = &self.names[key];
            let Some(pos) = name.find("[set]") else {
                continue;
            };
            let getter = format!("{}[get]{}", &name[..pos], &name[pos + 5..]);
            if !self.raw.contains(&getter) {
                out.push(Diag::error(
                    "invalid-accessor",
                    format!("setter `{name}` has no corresponding getter `{getter}`"),
                    at.clone(),
                ));
            }
        }
        out
    }
}

/// The identifiers a mangled name is made of: `[method]r.m` is `r` and `m`.
fn plain_parts(name: &str) -> impl Iterator<Item = &str> {
    let mut rest = name;
    while let Some(r) = rest.strip_prefix('[').and_then(|r| r.split_once(']')) {
        rest = r.1;
    }
    rest.split('.')
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

#[test]
fn canonical_names_follow_wasmparser() {
    for name in [
        "foo-bar",
        "[method]r.m",
        "[static][get]BLOB.FOO-BAR",
        "[constructor]r",
        "[set]x",
        "[method]r.r",
        "[get]x",
    ] {
        let ours = canonical(name).unwrap();
        let theirs =
            ComponentName::new_with_features(name, 0, wasmparser::WasmFeatures::all()).unwrap();
        for other in [
            "foobar",
            "[method]r.m",
            "[static]blob.foobar",
            "[constructor]r",
            "[set]x",
            "r",
            "x",
        ] {
            let theirs_other =
                ComponentName::new_with_features(other, 0, wasmparser::WasmFeatures::all())
                    .unwrap();
            assert_eq!(
                ours == canonical(other).unwrap(),
                theirs == theirs_other,
                "{name} vs {other}"
            );
        }
    }
}
