//! Conformance: does a component target a world? Every import the world does not allow,
//! every export it lacks, and every type that differs, each with the path to the member.

use wit_parser::{Resolve, WorldId, WorldItem, WorldKey};

use super::Component;
use super::compare::{Detail, Differ, Difference, Level};
use super::names::{NameMatch, NameMismatch, match_names};

/// Whether a mismatch concerns an import or an export of the component.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Import,
    Export,
}

impl Direction {
    pub fn word(self) -> &'static str {
        match self {
            Direction::Import => "import",
            Direction::Export => "export",
        }
    }
}

/// One way a component does not conform to a world, as plain data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub direction: Direction,
    /// The import or export it concerns, as the component names it (or the world, for a
    /// missing export): `demo:calc/math@0.2.0`, `run`.
    pub item: String,
    /// From the import or export to the member that differs: `["export demo:calc/math@0.2.0",
    /// "func add", "param a"]`.
    pub path: Vec<String>,
    /// What is wrong there: `expected s32, found s64`.
    pub message: String,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.join(" > "), self.message)
    }
}

/// The verdict of a conformance check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conformance {
    pub mismatches: Vec<Mismatch>,
    /// What is allowed but worth saying: an extra export, a name matched by semver.
    pub notes: Vec<String>,
}

impl Conformance {
    pub fn conforms(&self) -> bool {
        self.mismatches.is_empty()
    }

    /// One line per mismatch, then one per note (`note: ...`).
    pub fn render(&self) -> String {
        let mut out = String::new();
        for m in &self.mismatches {
            out.push_str(&format!("{m}\n"));
        }
        for n in &self.notes {
            out.push_str(&format!("note: {n}\n"));
        }
        out
    }
}

/// Checks that `component` targets `world` of `resolve`: it imports only what the world
/// allows and exports everything the world exports, with the same types. When witty's own
/// comparison finds nothing, the Component Model's validator has the last word (on a
/// component wrapping both), as the reference.
pub fn conformance(component: &Component, resolve: &Resolve, world: WorldId) -> Conformance {
    let mut result = compare_worlds(&component.resolve, component.world, resolve, world);
    if result.conforms()
        && let Err(e) = wit_component::targets(resolve, world, &component.bytes, true)
    {
        result.mismatches.push(Mismatch {
            direction: Direction::Export,
            item: String::new(),
            path: vec![format!("world {}", resolve.worlds[world].name)],
            message: format!("the Component Model's validator rejects the component: {e:#}"),
        });
    }
    result
}

/// witty's own comparison of a component's world (`found`) with a target world.
pub fn compare_worlds(
    found: &Resolve,
    found_world: WorldId,
    resolve: &Resolve,
    world: WorldId,
) -> Conformance {
    let mut result = Conformance::default();
    let target = &resolve.worlds[world];
    let own = &found.worlds[found_world];
    let world_name = &target.name;

    for (key, item) in &own.imports {
        let name = found.name_world_key(key);
        let Some((wanted, rule)) = find(resolve, &target.imports, &name) else {
            result.mismatches.push(Mismatch {
                direction: Direction::Import,
                item: name.clone(),
                path: vec![format!("import {name}")],
                message: format!(
                    "not allowed: world `{world_name}` does not import it{}",
                    near_miss(resolve, &target.imports, &name)
                ),
            });
            continue;
        };
        note_rule(&mut result.notes, "import", &name, &wanted.0, &rule);
        let mut differ = Differ::new(resolve, found);
        differ.world_item(&format!("import {name}"), wanted.1, item);
        push_rendered(&mut result, Direction::Import, &name, differ.out);
    }

    for (key, item) in &target.exports {
        let name = resolve.name_world_key(key);
        let Some((offered, rule)) = find(found, &own.exports, &name) else {
            result.mismatches.push(Mismatch {
                direction: Direction::Export,
                item: name.clone(),
                path: vec![format!("export {name}")],
                message: format!(
                    "missing: world `{world_name}` exports it and the component does not{}",
                    near_miss(found, &own.exports, &name)
                ),
            });
            continue;
        };
        note_rule(&mut result.notes, "export", &name, &offered.0, &rule);
        let mut differ = Differ::new(resolve, found);
        differ.world_item(&format!("export {name}"), item, offered.1);
        push_rendered(&mut result, Direction::Export, &name, differ.out);
    }

    for key in own.exports.keys() {
        let name = found.name_world_key(key);
        let known = target
            .exports
            .keys()
            .any(|k| match_names(&resolve.name_world_key(k), &name).is_ok());
        if !known {
            result.notes.push(format!(
                "export {name}: not in world `{world_name}` (allowed: a component may export \
                 more than its world)"
            ));
        }
    }
    result
}

/// The item of `items` that `name` matches: the same name, or a semver-compatible one.
fn find<'r>(
    resolve: &'r Resolve,
    items: &'r indexmap::IndexMap<WorldKey, WorldItem>,
    name: &str,
) -> Option<((String, &'r WorldItem), NameMatch)> {
    let named = items
        .iter()
        .map(|(k, item)| (resolve.name_world_key(k), item));
    let mut compatible = None;
    for (candidate, item) in named {
        match match_names(name, &candidate) {
            Ok(NameMatch::Exact) => return Some(((candidate, item), NameMatch::Exact)),
            Ok(rule) if compatible.is_none() => compatible = Some(((candidate, item), rule)),
            _ => {}
        }
    }
    compatible
}

/// Says why a near name did not match: the same interface at an incompatible version.
fn near_miss(
    resolve: &Resolve,
    items: &indexmap::IndexMap<WorldKey, WorldItem>,
    name: &str,
) -> String {
    for key in items.keys() {
        let candidate = resolve.name_world_key(key);
        if let Err(NameMismatch::Incompatible(why)) = match_names(name, &candidate) {
            return format!(" (it has `{candidate}`, which does not match: {why})");
        }
    }
    String::new()
}

fn note_rule(notes: &mut Vec<String>, word: &str, name: &str, other: &str, rule: &NameMatch) {
    if *rule != NameMatch::Exact {
        notes.push(format!(
            "{word} {name}: matched to `{other}` ({})",
            rule.rule()
        ));
    }
}

/// Turns differences into mismatches: the world is the left side, the component the right.
/// A component may import less than the world offers and export more than it asks.
fn push_rendered(
    result: &mut Conformance,
    direction: Direction,
    item: &str,
    differences: Vec<Difference>,
) {
    for d in differences {
        if let Some(message) = conformance_message(&d, direction) {
            result.mismatches.push(Mismatch {
                direction,
                item: item.to_string(),
                path: d.path,
                message,
            });
        }
    }
}

/// How a difference reads when the left side is what is expected (a world, a socket's
/// import) and the right side what was found; `None` when it is allowed.
pub(crate) fn conformance_message(d: &Difference, direction: Direction) -> Option<String> {
    Some(match (&d.detail, d.level, direction) {
        (Detail::Differs { left, right }, _, _) => format!("expected {left}, found {right}"),
        (Detail::OnlyLeft(what), Level::Structure, _) => format!("expected {what}, found none"),
        (Detail::OnlyRight(what), Level::Structure, _) => {
            format!("found {what}, which is not expected")
        }
        (Detail::OnlyLeft(what), Level::Member, Direction::Export) => format!("missing {what}"),
        (Detail::OnlyRight(what), Level::Member, Direction::Import) => {
            format!("{what} is not in the world's interface")
        }
        (Detail::OnlyLeft(_), Level::Member, Direction::Import)
        | (Detail::OnlyRight(_), Level::Member, Direction::Export) => return None,
    })
}
