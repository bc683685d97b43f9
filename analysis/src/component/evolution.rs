//! Semver checks: is a new version of a package (or world, or component) a compatible
//! evolution of the old one? Each breaking change and each compatible one, the version bump
//! they need (with the 0.x rules), and whether the new version number makes that bump.

use semver::Version;
use wit_parser::{PackageId, Resolve, WorldId, WorldItem, WorldKey};

use super::compare::{Detail, Differ, Difference, Level};
use super::names::{compatible_versions, split_version};

/// One change from the old version to the new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// From the item down to the member that changed: `["interface demo:calc/math", "func
    /// add", "param a"]`.
    pub path: Vec<String>,
    /// What changed: `changed from s32 to s64`, `removed func `sub: func(a: s32) -> s32``.
    pub message: String,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path.join(" > "), self.message)
        }
    }
}

/// What the changes need of the version number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// Nothing changed.
    Nothing,
    /// Only compatible changes: a release on the same semver track.
    Compatible,
    /// A breaking change: a release on a new track.
    Breaking,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SemverReport {
    pub breaking: Vec<Change>,
    pub compatible: Vec<Change>,
    pub old_version: Option<Version>,
    pub new_version: Option<Version>,
}

impl SemverReport {
    pub fn need(&self) -> Need {
        if !self.breaking.is_empty() {
            Need::Breaking
        } else if !self.compatible.is_empty() {
            Need::Compatible
        } else {
            Need::Nothing
        }
    }

    /// The bump the changes need, in words, with the smallest version that makes it when the
    /// old version is known: `a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps
    /// the minor version)`.
    pub fn needed_bump(&self) -> String {
        let need = self.need();
        let Some(old) = &self.old_version else {
            return match need {
                Need::Breaking => "a major bump (a breaking change)".to_string(),
                Need::Compatible => "a minor bump (compatible additions)".to_string(),
                Need::Nothing => "no bump".to_string(),
            };
        };
        let (word, next) = smallest_bump(old, need);
        match need {
            Need::Nothing => "no bump".to_string(),
            _ if old.major == 0 && old.minor == 0 => format!(
                "a {word} bump ({old} -> {next}; every 0.0.x version is its own compatibility track)"
            ),
            Need::Breaking if old.major == 0 => format!(
                "a {word} bump ({old} -> {next}; below 1.0 a breaking change bumps the minor version)"
            ),
            Need::Compatible if old.major == 0 => format!(
                "a {word} bump ({old} -> {next}; below 1.0 a compatible change bumps the patch version)"
            ),
            _ => format!("a {word} bump ({old} -> {next})"),
        }
    }

    /// Whether the new version number makes the bump the changes need: `None` when either
    /// version is unknown.
    pub fn bump_check(&self) -> Option<Result<(), String>> {
        let (old, new) = (self.old_version.as_ref()?, self.new_version.as_ref()?);
        let need = self.need();
        if new < old {
            return Some(Err(format!("the version goes down from {old} to {new}")));
        }
        let made = if new == old {
            Need::Nothing
        } else if new.pre != old.pre || compatible_versions(old, new).is_err() {
            Need::Breaking
        } else if old.major > 0 && new.minor == old.minor {
            // A patch release on 1.x and above is for fixes, not for additions.
            Need::Nothing
        } else {
            Need::Compatible
        };
        Some(if made >= need {
            Ok(())
        } else {
            Err(format!(
                "{new} is not enough after {old}: the changes need {}",
                self.needed_bump()
            ))
        })
    }

    /// The report for people: breaking changes, compatible ones, the bump they need, and
    /// whether the new version makes it.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (title, changes) in [
            ("breaking changes", &self.breaking),
            ("compatible changes", &self.compatible),
        ] {
            if !changes.is_empty() {
                out.push_str(&format!("{title}:\n"));
                for c in changes {
                    out.push_str(&format!("  {c}\n"));
                }
            }
        }
        out.push_str(&format!("needs: {}\n", self.needed_bump()));
        let show = |v: &Option<Version>| v.as_ref().map_or("(none)".to_string(), |v| v.to_string());
        match self.bump_check() {
            Some(Ok(())) => out.push_str(&format!(
                "version: {} -> {}: enough\n",
                show(&self.old_version),
                show(&self.new_version)
            )),
            Some(Err(why)) => out.push_str(&format!("version: {why}\n")),
            None if self.new_version.is_some() => {
                out.push_str("version: the old version has none, so the bump is not checked\n")
            }
            None => {}
        }
        out
    }

    /// Compatible, or the new version makes the bump the changes need.
    pub fn passes(&self) -> bool {
        match self.bump_check() {
            Some(check) => check.is_ok(),
            None => self.breaking.is_empty(),
        }
    }
}

/// The name and smallest version of the bump that `need` calls for after `old`.
fn smallest_bump(old: &Version, need: Need) -> (&'static str, Version) {
    let v = |major, minor, patch| Version::new(major, minor, patch);
    let (major, minor, patch) = (old.major, old.minor, old.patch);
    match need {
        Need::Nothing => ("none", old.clone()),
        _ if major == 0 && minor == 0 => ("patch", v(0, 0, patch + 1)),
        Need::Breaking if major == 0 => ("minor", v(0, minor + 1, 0)),
        Need::Compatible if major == 0 => ("patch", v(0, minor, patch + 1)),
        Need::Breaking => ("major", v(major + 1, 0, 0)),
        Need::Compatible => ("minor", v(major, minor + 1, 0)),
    }
}

/// Whether adding to an item is compatible (and removing breaks), or the other way round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Growth {
    /// Adding is compatible, removing breaks: an interface of a package, the imports a
    /// target world offers, the exports a component provides.
    AddFreely,
    /// Adding breaks, removing is compatible: the exports a target world demands (components
    /// made for the old world lack the new ones), the imports a component needs.
    RemoveFreely,
}

/// What the two worlds are: targets written in WIT, or the worlds of two components.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorldRole {
    /// A world components target: it may import more and export less (wit-component's
    /// `semver_check` rule).
    Target,
    /// A component's world: the new component can replace the old one when it imports less
    /// and exports more.
    Component,
}

struct Collector {
    breaking: Vec<Change>,
    compatible: Vec<Change>,
}

impl Collector {
    fn add(&mut self, differences: Vec<Difference>, growth: Growth) {
        for d in differences {
            let (message, breaking) = match (&d.detail, d.level) {
                (Detail::Differs { left, right }, _) => {
                    (format!("changed from {left} to {right}"), true)
                }
                (Detail::OnlyLeft(what), Level::Structure) => (format!("removed {what}"), true),
                (Detail::OnlyRight(what), Level::Structure) => (format!("added {what}"), true),
                (Detail::OnlyLeft(what), Level::Member) => {
                    (format!("removed {what}"), growth == Growth::AddFreely)
                }
                (Detail::OnlyRight(what), Level::Member) => {
                    (format!("added {what}"), growth == Growth::RemoveFreely)
                }
            };
            let change = Change {
                path: d.path,
                message,
            };
            if breaking {
                self.breaking.push(change);
            } else {
                self.compatible.push(change);
            }
        }
    }

    fn item(&mut self, path: String, message: String, breaking: bool) {
        let change = Change {
            path: vec![path],
            message,
        };
        if breaking {
            self.breaking.push(change);
        } else {
            self.compatible.push(change);
        }
    }
}

/// Compares two versions of a package: its interfaces (adding compatible, removing
/// breaking) and its worlds (as targets).
pub fn semver_packages(
    old: &Resolve,
    old_package: PackageId,
    new: &Resolve,
    new_package: PackageId,
) -> SemverReport {
    let (op, np) = (&old.packages[old_package], &new.packages[new_package]);
    let mut c = Collector {
        breaking: Vec::new(),
        compatible: Vec::new(),
    };
    if (&op.name.namespace, &op.name.name) != (&np.name.namespace, &np.name.name) {
        c.item(
            "package".to_string(),
            format!(
                "renamed from {}:{} to {}:{}",
                op.name.namespace, op.name.name, np.name.namespace, np.name.name
            ),
            true,
        );
    }
    let base = format!("{}:{}", op.name.namespace, op.name.name);
    for (name, &oi) in &op.interfaces {
        let segment = format!("interface {base}/{name}");
        match np.interfaces.get(name) {
            Some(&ni) => {
                let mut differ = Differ::new(old, new);
                differ.interface_at(&segment, oi, ni);
                c.add(differ.out, Growth::AddFreely);
            }
            None => c.item(segment, "removed".to_string(), true),
        }
    }
    for name in np.interfaces.keys() {
        if !op.interfaces.contains_key(name) {
            c.item(
                format!("interface {base}/{name}"),
                "added".to_string(),
                false,
            );
        }
    }
    for (name, &ow) in &op.worlds {
        match np.worlds.get(name) {
            Some(&nw) => worlds(
                &mut c,
                (old, ow),
                (new, nw),
                WorldRole::Target,
                Some(old_package),
            ),
            None => c.item(format!("world {name}"), "removed".to_string(), true),
        }
    }
    for name in np.worlds.keys() {
        if !op.worlds.contains_key(name) {
            c.item(format!("world {name}"), "added".to_string(), false);
        }
    }
    SemverReport {
        breaking: c.breaking,
        compatible: c.compatible,
        old_version: op.name.version.clone(),
        new_version: np.name.version.clone(),
    }
}

/// Compares two versions of one world (or the worlds of two components).
pub fn semver_worlds(
    old: &Resolve,
    old_world: WorldId,
    new: &Resolve,
    new_world: WorldId,
    role: WorldRole,
) -> SemverReport {
    let mut c = Collector {
        breaking: Vec::new(),
        compatible: Vec::new(),
    };
    worlds(&mut c, (old, old_world), (new, new_world), role, None);
    let version = |r: &Resolve, w: WorldId| {
        r.worlds[w]
            .package
            .and_then(|p| r.packages[p].name.version.clone())
    };
    SemverReport {
        breaking: c.breaking,
        compatible: c.compatible,
        old_version: version(old, old_world),
        new_version: version(new, new_world),
    }
}

/// Whether `item` is an interface of the package `skip`.
fn own_interface(resolve: &Resolve, item: &WorldItem, skip: Option<PackageId>) -> bool {
    match item {
        WorldItem::Interface { id, .. } => {
            skip.is_some() && resolve.interfaces[*id].package == skip
        }
        _ => false,
    }
}

/// Compares two worlds; `skip` is the package whose interfaces are compared elsewhere.
fn worlds(
    c: &mut Collector,
    (old, ow): (&Resolve, WorldId),
    (new, nw): (&Resolve, WorldId),
    role: WorldRole,
    skip: Option<PackageId>,
) {
    let (o, n) = (&old.worlds[ow], &new.worlds[nw]);
    let prefix = match role {
        WorldRole::Target => format!("world {} > ", o.name),
        WorldRole::Component => String::new(),
    };
    for (word, oi, ni) in [
        ("import", &o.imports, &n.imports),
        ("export", &o.exports, &n.exports),
    ] {
        // Whole imports and exports follow the direction's rule; inside a target world's
        // interfaces, as in a package's, adding is compatible and removing breaks. A
        // component's interfaces follow the direction: a new import it needs breaks.
        let growth = match (role, word) {
            (WorldRole::Target, "import") | (WorldRole::Component, "export") => Growth::AddFreely,
            _ => Growth::RemoveFreely,
        };
        let inner = match role {
            WorldRole::Target => Growth::AddFreely,
            WorldRole::Component => growth,
        };
        let removing_breaks = growth == Growth::AddFreely;
        let keyed = |r: &Resolve, items: &indexmap::IndexMap<WorldKey, WorldItem>| {
            items
                .iter()
                .map(|(k, item)| {
                    let name = r.name_world_key(k);
                    (split_version(&name).0.to_string(), name, item.clone())
                })
                .collect::<Vec<_>>()
        };
        let (olds, news) = (keyed(old, oi), keyed(new, ni));
        for (base, name, item) in &olds {
            match news.iter().find(|(b, _, _)| b == base) {
                // An interface of the package being checked was compared on its own.
                Some(_) if own_interface(old, item, skip) => {}
                Some((_, _, new_item)) => {
                    let mut differ = Differ::new(old, new);
                    differ.world_item(&format!("{prefix}{word} {base}"), item, new_item);
                    c.add(differ.out, inner);
                }
                None => c.item(
                    format!("{prefix}{word} {name}"),
                    "removed".to_string(),
                    removing_breaks,
                ),
            }
        }
        for (base, name, _) in &news {
            if !olds.iter().any(|(b, _, _)| b == base) {
                c.item(
                    format!("{prefix}{word} {name}"),
                    "added".to_string(),
                    !removing_breaks,
                );
            }
        }
    }
}

/// One side of a semver check: a WIT package or a component.
#[derive(Debug, Clone)]
pub enum Evolving {
    Package(Resolve, PackageId),
    Component(super::Component),
}

/// Reads a side of a semver check: a component (`.wasm`/`.wat` that is one), else a WIT
/// package as `wit check` takes it.
pub fn load_evolving(path: &std::path::Path) -> Result<Evolving, crate::LoadError> {
    let binary = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("wasm" | "wat")
    );
    if binary {
        match super::read_component(path) {
            Ok(component) => return Ok(Evolving::Component(component)),
            // An encoded WIT package is read as a package below; anything else that is not
            // a component is reported as it is.
            Err(e) if !e.is_wit_package => {
                return Err(crate::LoadError {
                    path: e.path,
                    message: e.message,
                });
            }
            Err(_) => {}
        }
    }
    let (resolve, package) = super::load_package(path)?;
    Ok(Evolving::Package(resolve, package))
}
