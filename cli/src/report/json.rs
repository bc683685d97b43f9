//! `--format json`: one object with every diagnostic and a summary.

use serde_json::{Value, json};
use witty_analysis::Diagnostic;
use witty_syntax::TextRange;

use super::counts;
use crate::sources::Sources;

pub fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let items = items(diagnostics, sources);
    let c = counts(diagnostics);
    let out = json!({
        "version": 1,
        "diagnostics": items,
        "summary": {"errors": c.errors, "warnings": c.warnings, "files": sources.len()},
    });
    format!("{out}\n")
}

/// Each diagnostic as the JSON object `wit check --format json` prints for it.
pub fn items(diagnostics: &[Diagnostic], sources: &Sources) -> Vec<Value> {
    let range = |file: &std::path::Path, range: TextRange| {
        let (sl, sc) = sources.line_col(file, range.start());
        let (el, ec) = sources.line_col(file, range.end());
        json!({"start": {"line": sl, "column": sc}, "end": {"line": el, "column": ec}})
    };
    let items: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let related: Vec<Value> = d
                .related
                .iter()
                .map(|r| {
                    json!({
                        "file": r.file.display().to_string(),
                        "range": range(&r.file, r.range),
                        "message": r.message,
                    })
                })
                .collect();
            json!({
                "severity": d.severity.as_str(),
                "code": d.code,
                "message": d.message,
                "file": d.file.display().to_string(),
                "range": range(&d.file, d.range),
                "related": related,
            })
        })
        .collect();
    items
}
