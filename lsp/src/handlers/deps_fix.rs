//! Quick fixes that run a dependency tool: for a `dependency-not-fetched`,
//! `dependency-from-cache` or `lock-digest-mismatch` diagnostic, an action that runs the exact
//! command the analysis gives (`wkg wit fetch`, `wit-deps lock`, …) through
//! `workspace/executeCommand`, offered only when the tool is installed (found on PATH).
//! Without it the diagnostic's message still says what to run and how to install it.

use std::path::Path;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;

use super::cancellable;
use crate::convert::Lines;
use crate::deps_tool::{COMMAND, ToolArguments, find_on_path};
use crate::state::Snapshot;

/// The codes whose problems a tool command fixes.
const CODES: [&str; 3] = [
    "dependency-not-fetched",
    "dependency-from-cache",
    "lock-digest-mismatch",
];

fn overlaps(a: &lsp::Range, b: &lsp::Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn code_of(d: &lsp::Diagnostic) -> Option<&str> {
    match d.code.as_ref()? {
        lsp::NumberOrString::String(s) => Some(s),
        lsp::NumberOrString::Number(_) => None,
    }
}

/// The actions for the diagnostics of `params` that a tool fixes.
pub fn tool_actions(
    snap: &Snapshot,
    params: &lsp::CodeActionParams,
    path: &Path,
) -> Result<Vec<lsp::CodeActionOrCommand>> {
    let only = params.context.only.as_ref();
    if only.is_some_and(|o| {
        !o.iter().any(|k| {
            lsp::CodeActionKind::QUICKFIX
                .as_str()
                .starts_with(k.as_str())
        })
    }) {
        return Ok(Vec::new());
    }
    // The report is computed only when the client shows such a diagnostic here.
    let asked: Vec<&lsp::Diagnostic> = params
        .context
        .diagnostics
        .iter()
        .filter(|d| code_of(d).is_some_and(|c| CODES.contains(&c)))
        .collect();
    if asked.is_empty() {
        return Ok(Vec::new());
    }
    let fixes = cancellable(snap.analysis.dependency_fixes(path))?;
    let mut lines = Lines::new(&snap.analysis, snap.encoding);
    let mut out: Vec<lsp::CodeActionOrCommand> = Vec::new();
    let mut offered = Vec::new();
    for fix in &fixes {
        let range = lines.range(&fix.file, fix.range);
        if !overlaps(&range, &params.range) {
            continue;
        }
        let invocation = &fix.invocation;
        if offered.contains(invocation) {
            continue;
        }
        if find_on_path(invocation.requires()).is_none()
            || find_on_path(invocation.program).is_none()
        {
            continue;
        }
        offered.push(invocation.clone());
        let title = format!(
            "Run `{}` in {}",
            invocation.display(),
            invocation.cwd.display()
        );
        let diagnostics: Vec<lsp::Diagnostic> = asked
            .iter()
            .filter(|d| code_of(d) == Some(fix.code) && d.range == range)
            .map(|d| (*d).clone())
            .collect();
        let argument = serde_json::to_value(ToolArguments::of(invocation)).ok();
        out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
            title: title.clone(),
            kind: Some(lsp::CodeActionKind::QUICKFIX),
            diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
            command: Some(lsp::Command {
                title,
                command: COMMAND.to_string(),
                arguments: argument.map(|a| vec![a]),
            }),
            is_preferred: Some(true),
            ..Default::default()
        }));
    }
    Ok(out)
}
