//! Diagnostics for the editor: every file of every package, each seen from its own package,
//! as LSP diagnostics; only what changed since the last publication is sent again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types as lsp;
use witty_analysis::ide::Cancellable;
use witty_analysis::{Diagnostic, Severity};

use crate::convert::Lines;
use crate::state::Snapshot;

/// Where the codes are explained.
const DOCS: &str = "https://github.com/witty-dev/witty/blob/main/docs/diagnostics.md";

/// The diagnostics of every known `.wit` file (empty lists included, so that fixed
/// problems are cleared), the file `first` first.
pub fn compute(
    snap: &Snapshot,
    first: Option<&Path>,
    quiet: &crate::quiet::Findings,
) -> Cancellable<Vec<(PathBuf, Vec<lsp::Diagnostic>)>> {
    let analysis = &snap.analysis;
    let mut by_file: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
    let mut order: Vec<PathBuf> = Vec::new();
    let homes = analysis.home_roots()?;
    for &root in analysis.roots() {
        let files = analysis.root_files(root)?;
        let mut own = Vec::new();
        for path in files {
            if homes.get(&path) == Some(&root) && !by_file.contains_key(&path) {
                by_file.insert(path.clone(), Vec::new());
                order.push(path.clone());
                own.push(path);
            }
        }
        let Some(fallback) = own.first().cloned() else {
            continue;
        };
        let mut found = analysis.root_diagnostics(root)?;
        // wit-parser's verdict counts only where witty's own checks found no error.
        let root_path = analysis.root_path(root);
        if !found.iter().any(|d| d.severity == Severity::Error)
            && let Some(d) = quiet.backstop.get(root_path)
        {
            found.push(d.clone());
        }
        found.extend(
            quiet
                .components
                .get(root_path)
                .into_iter()
                .flatten()
                .cloned(),
        );
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
            let list = by_file.remove(&path).unwrap_or_default();
            let converted = list.iter().map(|d| to_lsp(d, &mut lines)).collect();
            (path, converted)
        })
        .collect())
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
