//! `include`: the imports and exports of one world taken into another, renamed by
//! `with { a as b }`; then the rules that hold after every include: names strongly unique,
//! every setter with its getter.

use super::{Own, WorldItemKind, WorldItems, WorldKey};
use crate::fx::IndexMap;
use crate::hir::*;
use crate::semantics::check::mangle;
use crate::semantics::suggest::{closest, list, written};
use crate::semantics::{At, Diag};

/// Takes the items of `from` (the elaborated world that `inc` names) into `out`.
pub(super) fn merge(
    file: crate::input::File,
    inc: &Include,
    from: &WorldItems,
    out: &mut WorldItems,
    diags: &mut Vec<Diag>,
) {
    let at = At::Span(file, inc.path.name().span);
    let mut unmatched: Vec<&(Ident, Ident)> = inc.names.iter().collect();
    for key in from.imports.keys().chain(from.exports.keys()) {
        if let WorldKey::Name(n) = key {
            unmatched.retain(|(name, as_)| rename(n, &name.name, &as_.name).is_none());
        }
    }
    if let Some((name, _)) = unmatched.first() {
        // What `with` can rename: the plain names (an interface imported by its path keeps it).
        let names: Vec<&str> = from
            .imports
            .keys()
            .chain(from.exports.keys())
            .filter_map(|k| match k {
                WorldKey::Name(n) if !n.starts_with('[') => Some(n.as_str()),
                _ => None,
            })
            .collect();
        let there = match closest(&name.name, names.iter().copied()) {
            Some(close) => format!("did you mean `{}`?", written(close)),
            None if names.is_empty() => "it has none".to_string(),
            None => format!("it has {}", list(&names)),
        };
        diags.push(Diag::error(
            "unresolved-name",
            format!(
                "no import or export kebab-name `{}` in world `{}`; {there} (an interface \
                 imported or exported by its path keeps its name and cannot be renamed)",
                name.name,
                inc.path.name().name
            ),
            at.clone(),
        ));
    }
    for (desc, from_map, into) in [
        ("import", &from.imports, &mut out.imports),
        ("export", &from.exports, &mut out.exports),
    ] {
        for (key, it) in from_map {
            let mut it = it.clone();
            it.included = true;
            it.origin = Some((file, inc.path.name().span));
            match key {
                WorldKey::Name(n) => {
                    let renamed = inc
                        .names
                        .iter()
                        .find_map(|(name, as_)| rename(n, &name.name, &as_.name))
                        .unwrap_or_else(|| n.clone());
                    let key = WorldKey::Name(renamed.clone());
                    if into.contains_key(&key) {
                        diags.push(Diag::error(
                            "duplicate-name",
                            format!("{desc} of `{renamed}` shadows previously {desc}ed items"),
                            at.clone(),
                        ));
                        continue;
                    }
                    into.insert(key, it);
                }
                WorldKey::Interface(_) => {
                    into.entry(key.clone()).or_insert(it);
                }
            }
        }
    }
}

/// wit-parser's renaming of an included name: the whole label, or the resource part of a
/// `[method]r.m` name.
fn rename(original: &str, from: &str, to: &str) -> Option<String> {
    let mut prefix_len = 0;
    while original[prefix_len..].starts_with('[') {
        let close = original[prefix_len..].find(']')?;
        prefix_len += close + 1;
    }
    let (prefix, rest) = original.split_at(prefix_len);
    match rest.split_once('.') {
        Some((resource, func)) if resource == from => Some(format!("{prefix}{to}.{func}")),
        None if rest == from => Some(format!("{prefix}{to}")),
        _ => None,
    }
}

pub(super) fn unique_after_includes(
    items: &WorldItems,
    world: &str,
    at: &At,
    diags: &mut Vec<Diag>,
) {
    for (desc, map) in [("import", &items.imports), ("export", &items.exports)] {
        let mut seen: IndexMap<wasmparser::names::ComponentName, (&str, bool)> =
            IndexMap::default();
        for (key, it) in map {
            let WorldKey::Name(name) = key else { continue };
            let Ok(parsed) = wasmparser::names::ComponentName::new_with_features(
                name,
                0,
                wasmparser::WasmFeatures::all(),
            ) else {
                continue;
            };
            if let Some(&(prev, prev_included)) = seen.get(&parsed) {
                // Conflicts among the world's own names were reported where they are written.
                if it.included || prev_included {
                    diags.push(Diag::error(
                        "duplicate-name",
                        format!(
                            "{desc} `{name}` in world `{world}` conflicts with {desc} `{prev}` (names must be strongly unique)"
                        ),
                        at.clone(),
                    ));
                }
                continue;
            }
            seen.insert(parsed, (name, it.included));
        }
    }
}

pub(super) fn setters_have_getters(items: &WorldItems, own: Own<'_>, diags: &mut Vec<Diag>) {
    for (desc, map) in [("import", &items.imports), ("export", &items.exports)] {
        for (key, it) in map {
            let WorldKey::Name(name) = key else { continue };
            if it.kind != WorldItemKind::Func {
                continue;
            }
            let Some(pos) = name.find("[set]") else {
                continue;
            };
            let getter = format!("{}[get]{}", &name[..pos], &name[pos + 5..]);
            if map.contains_key(&WorldKey::Name(getter.clone())) {
                continue;
            }
            let span = own_span(own.world, name).unwrap_or(own.world.name.span);
            diags.push(Diag::error(
                "invalid-accessor",
                format!(
                    "{desc} `{name}` in world `{}` has no corresponding getter `{getter}`",
                    own.world.name.name
                ),
                At::Span(own.file, span),
            ));
        }
    }
}

/// Where a world's own item of this (mangled) name is written; an included item points at
/// the `include`.
fn own_span(world: &World, mangled: &str) -> Option<SpanId> {
    for m in &world.members {
        match m {
            WorldMember::Import(e) | WorldMember::Export(e) => {
                if let ExternKind::Func(f) = &e.kind
                    && mangle(f, None).0 == mangled
                {
                    return Some(f.name.span);
                }
            }
            WorldMember::Type(TypeDef {
                name,
                kind: TypeDefKind::Resource(funcs),
                ..
            }) => {
                for rf in funcs {
                    if mangle(&rf.func, Some((&name.name, rf.kind))).0 == mangled {
                        return Some(rf.func.name.span);
                    }
                }
            }
            _ => {}
        }
    }
    world.members.iter().find_map(|m| match m {
        WorldMember::Include(i) => Some(i.path.name().span),
        _ => None,
    })
}
