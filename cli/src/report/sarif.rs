//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning takes it.

use serde_json::{Value, json};
use witty_analysis::{Diagnostic, Severity};
use witty_syntax::TextRange;

use crate::sources::Sources;

pub fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let location = |file: &std::path::Path, range: TextRange, message: Option<&str>| {
        let (sl, sc) = sources.line_col(file, range.start());
        let (el, ec) = sources.line_col(file, range.end());
        let mut loc = json!({
            "physicalLocation": {
                "artifactLocation": {"uri": uri(file)},
                "region": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec},
            }
        });
        if let Some(m) = message {
            loc["message"] = json!({"text": m});
        }
        loc
    };
    let mut rules: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    rules.sort();
    rules.dedup();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "note",
            };
            let related: Vec<Value> = d
                .related
                .iter()
                .map(|r| location(&r.file, r.range, Some(&r.message)))
                .collect();
            json!({
                "ruleId": d.code,
                "ruleIndex": rules.iter().position(|r| *r == d.code),
                "level": level,
                "message": {"text": d.message},
                "locations": [location(&d.file, d.range, None)],
                "relatedLocations": related,
            })
        })
        .collect();
    let rules: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r,
                "name": r,
                "helpUri": format!("https://github.com/witty-dev/witty/blob/main/docs/diagnostics.md#{r}"),
            })
        })
        .collect();
    let out = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "witty",
                "informationUri": "https://github.com/witty-dev/witty",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    format!("{out}\n")
}

/// A relative path stays relative (GitHub resolves it against the repository); separators
/// become `/`.
fn uri(path: &std::path::Path) -> String {
    let s = path.display().to_string().replace('\\', "/");
    s.strip_prefix("./").unwrap_or(&s).to_string()
}
