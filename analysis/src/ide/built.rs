//! Problems of built components as diagnostics on the world they were built for, each on the
//! line of the import or export concerned. A toolchain's runtime imports WASI interfaces the
//! author's world does not list (componentize-py, componentize-js, Rust's `wasm32-wasip2`
//! standard library): that is normal, so it gets one note on the world, not a warning each.

use std::path::Path;

use witty_syntax::TextRange;

use super::WorldSpans;
use crate::component::{Conformance, Direction, Mismatch, PlugReport, match_names, split_version};
use crate::{Diagnostic, Severity};

/// What is wrong with a component built for `world`, given its conformance to it.
pub fn component_diagnostics(
    component: &Path,
    conformance: &Conformance,
    world: &WorldSpans,
) -> Vec<Diagnostic> {
    let shown = component.display();
    let name = &world.name;
    let mut out = Vec::new();
    let mut runtime: Vec<&str> = Vec::new();
    // One change shows wherever the changed type is used: say it once, at its first path.
    let mut said: Vec<(&str, &str)> = Vec::new();
    for m in &conformance.mismatches {
        let last = m.path.last().map_or("", String::as_str);
        if said.contains(&(last, m.message.as_str())) {
            continue;
        }
        said.push((last, &m.message));
        let unlisted = m.direction == Direction::Import && find(&world.imports, &m.item).is_none();
        // The world's own WASI imports at another version are real mismatches.
        let other_version = world
            .imports
            .iter()
            .any(|(n, _)| split_version(n).0 == split_version(&m.item).0);
        if unlisted && !other_version && m.item.starts_with("wasi:") {
            runtime.push(&m.item);
            continue;
        }
        let message = if unlisted && !other_version {
            format!(
                "the built component {shown} imports `{}`, which world `{name}` does not: rebuild \
                 it, or import it in the world",
                m.item
            )
        } else {
            format!(
                "the built component {shown} does not match world `{name}`: {m}; rebuild it, or \
                 change the WIT back"
            )
        };
        let range = place(world, m);
        out.push(diagnostic(
            Severity::Warning,
            "component-mismatch",
            message,
            world,
            range,
        ));
    }
    if !runtime.is_empty() {
        let include = cli_imports(&runtime);
        let message = format!(
            "the built component {shown} also imports {} WASI interface{} that world `{name}` does \
             not list: {}. A toolchain's runtime imports these (normal for componentize-py, \
             componentize-js, or Rust's wasm32-wasip2); the host that runs it must provide them. \
             To check them against WIT, add `{include}` to the world",
            runtime.len(),
            if runtime.len() == 1 { "" } else { "s" },
            by_package(&runtime),
        );
        out.push(diagnostic(
            Severity::Info,
            "component-mismatch",
            message,
            world,
            world.name_range,
        ));
    }
    out
}

/// What is wrong with a compose set whose socket was built for `world`: plugs that do not
/// fit the import they are named for, imports several plugs could fill. `plugs` names each
/// plug (its file).
pub fn composition_diagnostics(
    report: &PlugReport,
    plugs: &[&Path],
    world: &WorldSpans,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut push = |import: &str, message: String| {
        let range = find(&world.imports, import).unwrap_or(world.name_range);
        out.push(diagnostic(
            Severity::Warning,
            "composition",
            message,
            world,
            range,
        ));
    };
    for r in &report.rejections {
        push(
            &r.import,
            format!(
                "{} does not fit import `{}`: {}",
                plugs[r.plug].display(),
                r.import,
                r.reasons.join("; ")
            ),
        );
    }
    for c in &report.conflicts {
        let who: Vec<String> = c
            .plugs
            .iter()
            .map(|(i, _)| plugs[*i].display().to_string())
            .collect();
        push(
            &c.import,
            format!(
                "import `{}` could be filled by several plugs: {}; keep only one of them in the set",
                c.import,
                who.join(", ")
            ),
        );
    }
    out
}

fn diagnostic(
    severity: Severity,
    code: &'static str,
    message: String,
    world: &WorldSpans,
    range: TextRange,
) -> Diagnostic {
    let mut d = Diagnostic::error(code, message, world.file.clone(), range);
    d.severity = severity;
    d
}

/// Where the world says the import or export a mismatch is about; for an import the world
/// does not have, the import of the same interface at another version if there is one, else
/// the world's name.
fn place(world: &WorldSpans, m: &Mismatch) -> TextRange {
    let items = match m.direction {
        Direction::Import => &world.imports,
        Direction::Export => &world.exports,
    };
    if let Some(range) = find(items, &m.item) {
        return range;
    }
    let (unversioned, _) = split_version(&m.item);
    items
        .iter()
        .find(|(name, _)| split_version(name).0 == unversioned)
        .map_or(world.name_range, |(_, range)| *range)
}

/// The place of an item named `name` exactly, or by the Component Model's semver rule.
fn find(items: &[(String, TextRange)], name: &str) -> Option<TextRange> {
    items
        .iter()
        .find(|(n, _)| n == name)
        .or_else(|| items.iter().find(|(n, _)| match_names(n, name).is_ok()))
        .map(|(_, range)| *range)
}

/// Interfaces grouped by package: `` `wasi:cli@0.2.9` (environment, exit), `wasi:io@0.2.9`
/// (streams) ``.
fn by_package(interfaces: &[&str]) -> String {
    let mut packages: Vec<(String, Vec<&str>)> = Vec::new();
    for i in interfaces {
        let (base, version) = split_version(i);
        let (package, name) = base.split_once('/').unwrap_or((base, ""));
        let package = match version {
            Some(v) => format!("{package}@{v}"),
            None => package.to_string(),
        };
        match packages.iter_mut().find(|(p, _)| *p == package) {
            Some((_, names)) => names.push(name),
            None => packages.push((package, vec![name])),
        }
    }
    packages.sort();
    packages
        .iter()
        .map(|(p, names)| format!("`{p}` ({})", names.join(", ")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `include wasi:cli/imports@V;` with the version of the runtime's WASI imports.
fn cli_imports(imports: &[&str]) -> String {
    let version = imports
        .iter()
        .filter_map(|i| split_version(i).1)
        .find(|v| !v.is_empty())
        .map(|v| format!("@{v}"))
        .unwrap_or_default();
    format!("include wasi:cli/imports{version};")
}
