//! Plugging: which imports of a socket component the exports of plug components fill,
//! which stay open, and why a candidate does not fit (its version, or the path to each type
//! that differs).

use super::Component;
use super::compare::Differ;
use super::names::{NameMatch, NameMismatch, match_names};
use super::targets::{Direction, conformance_message};

/// An import of the socket that a plug's export fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fill {
    pub import: String,
    /// Which plug, by its index in the list given.
    pub plug: usize,
    pub export: String,
    /// The rule that matched the names.
    pub rule: NameMatch,
}

/// A plug's export named like an import of the socket, that cannot fill it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub import: String,
    pub plug: usize,
    pub export: String,
    /// Each reason: the version rule that refused the names, or a type that differs, with its
    /// path (`import demo:kv/store@0.2.0 > func get > result: expected ...`).
    pub reasons: Vec<String>,
}

/// An import that more than one plug could fill: the composition would be ambiguous.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub import: String,
    /// The plugs that fit, with the export of each.
    pub plugs: Vec<(usize, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlugReport {
    pub fills: Vec<Fill>,
    /// The socket's imports that no plug fills.
    pub open: Vec<String>,
    pub rejections: Vec<Rejection>,
    pub conflicts: Vec<Conflict>,
    /// Plugs that fill no import at all.
    pub idle: Vec<usize>,
}

impl PlugReport {
    /// Every plug fills an import, no candidate was turned down, nothing is ambiguous.
    pub fn all_fit(&self) -> bool {
        self.rejections.is_empty() && self.conflicts.is_empty() && self.idle.is_empty()
    }

    /// The report for people: what fills each import, what stays open, why each candidate
    /// does not fit, which plugs fill nothing. `plug` names a plug by its index (its file);
    /// `socket` names the socket. Conflicts are left to the caller, who decides how loud
    /// they are.
    pub fn render(&self, plug: impl Fn(usize) -> String, socket: &str) -> String {
        let mut out = String::new();
        for f in &self.fills {
            out.push_str(&format!(
                "import {}: filled by {} (export {}; {})\n",
                f.import,
                plug(f.plug),
                f.export,
                f.rule.rule()
            ));
        }
        for import in &self.open {
            out.push_str(&format!("import {import}: open (no plug exports it)\n"));
        }
        for r in &self.rejections {
            out.push_str(&format!(
                "import {}: {} does not fit (export {}):\n",
                r.import,
                plug(r.plug),
                r.export
            ));
            for reason in &r.reasons {
                out.push_str(&format!("  {reason}\n"));
            }
        }
        for &p in &self.idle {
            out.push_str(&format!("{}: fills no import of {socket}\n", plug(p)));
        }
        out
    }

    /// One line per import that more than one plug fits.
    pub fn render_conflicts(&self, plug: impl Fn(usize) -> String, socket: &str) -> String {
        let mut out = String::new();
        for c in &self.conflicts {
            let who: Vec<String> = c
                .plugs
                .iter()
                .map(|(p, export)| format!("{} (export {export})", plug(*p)))
                .collect();
            out.push_str(&format!(
                "import {} of {socket} can be filled by more than one plug: {}; pass only one \
                 of them\n",
                c.import,
                who.join(" and ")
            ));
        }
        out
    }
}

/// Matches the exports of `plugs` to the imports of `socket`.
pub fn plug(socket: &Component, plugs: &[Component]) -> PlugReport {
    let mut report = PlugReport::default();
    let socket_world = &socket.resolve.worlds[socket.world];
    for (key, wanted) in &socket_world.imports {
        let import = socket.resolve.name_world_key(key);
        let mut fits: Vec<(usize, String, NameMatch)> = Vec::new();
        for (index, p) in plugs.iter().enumerate() {
            for (key, offered) in &p.resolve.worlds[p.world].exports {
                let export = p.resolve.name_world_key(key);
                match fit(socket, &import, wanted, p, &export, offered) {
                    Ok(Some(rule)) => fits.push((index, export, rule)),
                    Ok(None) => {}
                    Err(reasons) => report.rejections.push(Rejection {
                        import: import.clone(),
                        plug: index,
                        export,
                        reasons,
                    }),
                }
            }
        }
        match &fits[..] {
            [] => report.open.push(import),
            [(plug, export, rule)] => report.fills.push(Fill {
                import,
                plug: *plug,
                export: export.clone(),
                rule: rule.clone(),
            }),
            _ => report.conflicts.push(Conflict {
                import,
                plugs: fits.into_iter().map(|(p, e, _)| (p, e)).collect(),
            }),
        }
    }
    report.idle = (0..plugs.len())
        .filter(|p| {
            !report.fills.iter().any(|f| f.plug == *p)
                && !report
                    .conflicts
                    .iter()
                    .any(|c| c.plugs.iter().any(|(q, _)| q == p))
        })
        .collect();
    report
}

/// Whether an export can fill an import: `Ok(None)` when it is not a candidate at all (another
/// name), `Ok(Some(rule))` when it fits, `Err(reasons)` when it is named like the import but
/// does not fit.
fn fit(
    socket: &Component,
    import: &str,
    wanted: &wit_parser::WorldItem,
    plug: &Component,
    export: &str,
    offered: &wit_parser::WorldItem,
) -> Result<Option<NameMatch>, Vec<String>> {
    let rule = match match_names(import, export) {
        Ok(rule) => rule,
        Err(NameMismatch::DifferentName) => return Ok(None),
        Err(NameMismatch::Incompatible(why)) => {
            return Err(vec![format!("version does not match: {why}")]);
        }
    };
    // The socket's import is what is expected; the plug must offer at least that.
    let mut differ = Differ::new(&socket.resolve, &plug.resolve);
    differ.world_item(&format!("import {import}"), wanted, offered);
    let reasons: Vec<String> = differ
        .out
        .iter()
        .filter_map(|d| {
            conformance_message(d, Direction::Export)
                .map(|m| format!("{}: {m}", d.path.join(" > ")))
        })
        .collect();
    if reasons.is_empty() {
        Ok(Some(rule))
    } else {
        Err(reasons)
    }
}

/// Which of `components` export something that fills the import `import` (a world key such
/// as `wasi:http/handler@0.2.0`), with the export's name and the rule that matched, by name
/// and version only: for "which known components provide this import".
pub fn providers<'c>(
    components: impl IntoIterator<Item = &'c Component>,
    import: &str,
) -> Vec<(usize, String, NameMatch)> {
    let mut out = Vec::new();
    for (index, c) in components.into_iter().enumerate() {
        for key in c.resolve.worlds[c.world].exports.keys() {
            let export = c.resolve.name_world_key(key);
            if let Ok(rule) = match_names(import, &export) {
                out.push((index, export, rule));
            }
        }
    }
    out
}
