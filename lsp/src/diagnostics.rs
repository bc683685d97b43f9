//! Diagnostics for the editor: every file of every package, each seen from its own package,
//! as LSP diagnostics; only what changed since the last publication is sent again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types as lsp;
use witty_analysis::ide::Cancellable;
use witty_analysis::input::Root;
use witty_analysis::{Diagnostic, Severity};

use crate::convert::Lines;
use crate::state::Snapshot;

/// Where the codes are explained.
const DOCS: &str = "https://github.com/witty-dev/witty/blob/main/docs/diagnostics.md";

/// At most this many diagnostics of one code are published per file: past that, a note says
/// how many more there are, so that a pathological file does not flood the client on every
/// edit (`wit check` still lists them all).
const MAX_PER_CODE: usize = 200;

/// The diagnostics of the files of `roots` (empty lists included, so that fixed problems are
/// cleared), the file `first` first.
pub fn compute(
    snap: &Snapshot,
    roots: &[Root],
    first: Option<&Path>,
    quiet: &crate::quiet::Findings,
) -> Cancellable<Vec<(PathBuf, Vec<lsp::Diagnostic>)>> {
    let analysis = &snap.analysis;
    let homes = analysis.home_roots();
    let mut by_file: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
    let mut order: Vec<PathBuf> = Vec::new();
    for &root in roots {
        let own = analysis.home_files(root)?;
        let Some(fallback) = own.first().cloned() else {
            continue;
        };
        for path in &own {
            by_file.insert(path.clone(), Vec::new());
        }
        order.extend(own);
        let mut found = analysis.root_diagnostics(root)?;
        let has_errors = found.iter().any(|d| d.severity == Severity::Error);
        found.extend(quiet_findings(snap, root, quiet, has_errors, None));
        for mut d in found {
            if homes.get(&d.file) != Some(&root) {
                if homes.contains_key(&d.file) {
                    // Another package's file: that package reports it.
                    continue;
                }
                // A problem with a folder or a binary: shown on the package's first file.
                d.message = format!("{}: {}", d.file.display(), d.message);
                d.file = fallback.clone();
                d.range = Default::default();
            }
            if let Some(list) = by_file.get_mut(&d.file) {
                list.push(d);
            }
        }
    }
    if let Some(first) = first
        && let Some(at) = order.iter().position(|p| p == first)
    {
        let path = order.remove(at);
        order.insert(0, path);
    }
    let mut lines = Lines::new(analysis, snap.encoding);
    Ok(order
        .into_iter()
        .map(|path| {
            let list = bounded(by_file.remove(&path).unwrap_or_default());
            let converted = list.iter().map(|d| to_lsp(d, &mut lines)).collect();
            (path, converted)
        })
        .collect())
}

/// What the quiet moments found about a root (all of it, or what is about `only`):
/// wit-parser's verdict, which counts only where witty's own checks found no error and only
/// for the texts it was given (after any edit of the package it is forgotten), and the
/// built components' problems.
fn quiet_findings(
    snap: &Snapshot,
    root: Root,
    quiet: &crate::quiet::Findings,
    has_errors: bool,
    only: Option<&Path>,
) -> Vec<Diagnostic> {
    let analysis = &snap.analysis;
    let root_path = analysis.root_path(root);
    let mut out = Vec::new();
    if !has_errors && let Some(d) = quiet.backstop_for(root_path, analysis.root_version(root)) {
        out.push(d.clone());
    }
    out.extend(
        quiet
            .components
            .get(root_path)
            .into_iter()
            .flatten()
            .cloned(),
    );
    if let Some(only) = only {
        out.retain(|d| d.file == only);
    }
    out
}

/// The diagnostics of the edited file alone, exactly as [`compute`] gives them, without
/// checking the other files of its package: a big package's edited file is answered first.
/// `None` where that cannot be told from the file alone: a file of no package, or the
/// package's first file, which also shows the problems of folders and binaries.
pub fn compute_first(
    snap: &Snapshot,
    path: &Path,
    quiet: &crate::quiet::Findings,
) -> Cancellable<Option<(PathBuf, Vec<lsp::Diagnostic>)>> {
    let analysis = &snap.analysis;
    let Some((root, mut found)) = analysis.file_diagnostics(path)? else {
        return Ok(None);
    };
    if analysis.home_files(root)?.first().map(PathBuf::as_path) == Some(path) {
        return Ok(None);
    }
    // An error anywhere in the package sets wit-parser's verdict aside. Asking costs the
    // whole package, so it is asked only when there is a verdict for these very texts (never
    // right after an edit of the package) and this file has no error of its own.
    let verdict = quiet
        .backstop_for(analysis.root_path(root), analysis.root_version(root))
        .is_some();
    let has_errors = found.iter().any(|d| d.severity == Severity::Error)
        || (verdict && analysis.root_has_errors(root)?);
    found.extend(quiet_findings(snap, root, quiet, has_errors, Some(path)));
    let mut lines = Lines::new(analysis, snap.encoding);
    let list = bounded(found);
    let converted = list.iter().map(|d| to_lsp(d, &mut lines)).collect();
    Ok(Some((path.to_path_buf(), converted)))
}

/// The diagnostics of a file, at most [`MAX_PER_CODE`] of each code, each cut followed by a
/// note that counts what was left out.
fn bounded(list: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    for d in &list {
        *counts.entry(d.code).or_default() += 1;
    }
    if counts.values().all(|&n| n <= MAX_PER_CODE) {
        return list;
    }
    let mut shown: HashMap<&'static str, usize> = HashMap::new();
    let mut out = Vec::new();
    for d in list {
        let n = shown.entry(d.code).or_default();
        *n += 1;
        if *n <= MAX_PER_CODE {
            out.push(d);
        } else if *n == MAX_PER_CODE + 1 {
            let more = counts[d.code] - MAX_PER_CODE;
            let mut note = d;
            note.message = format!(
                "{more} more `{}` diagnostics in this file are not shown; `wit check` lists them all",
                note.code
            );
            note.severity = Severity::Info;
            note.related.clear();
            out.push(note);
        }
    }
    out
}

fn to_lsp(d: &Diagnostic, lines: &mut Lines<'_>) -> lsp::Diagnostic {
    let severity = match d.severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    };
    let mut tags = Vec::new();
    if d.deprecated {
        tags.push(lsp::DiagnosticTag::DEPRECATED);
    }
    if d.unnecessary {
        tags.push(lsp::DiagnosticTag::UNNECESSARY);
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            Some(lsp::DiagnosticRelatedInformation {
                location: lines.location(&r.file, r.range)?,
                message: r.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: lines.range(&d.file, d.range),
        severity: Some(severity),
        code: Some(lsp::NumberOrString::String(d.code.to_string())),
        code_description: format!("{DOCS}#{}", d.code)
            .parse()
            .ok()
            .map(|href| lsp::CodeDescription { href }),
        source: Some("witty".to_string()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: (!tags.is_empty()).then_some(tags),
        data: None,
    }
}
