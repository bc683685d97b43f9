//! `witty/dependencies`: the dependency tree of the package that a file or folder belongs to,
//! as `wit deps` reports it (each `deps/` entry or cache blob, its origin, lock, needs,
//! whether it is used, what is missing and how to fetch it), for the editor's tree view.
//! It reads the project's files from disk: it never writes into `deps/`, a lock or a cache.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::Uri;
use witty_analysis::deps::{Project, report};
use witty_analysis::{AnalysisHost, Features};
use witty_syntax::LineIndex;

use crate::state::Snapshot;

#[derive(Clone, serde::Deserialize)]
pub struct DependenciesParams {
    /// A `.wit` file of the package, or the package's folder.
    pub uri: Uri,
}

/// The package folder a path names: the folder itself, or the package of a file in it (a
/// file in `deps/` belongs to the package whose dependency it is).
fn package_dir(path: &Path) -> Option<PathBuf> {
    if path.is_dir() {
        return Some(path.to_path_buf());
    }
    witty_analysis::layout::package_of(path)
}

fn uri_of(path: &Path) -> Value {
    crate::convert::uri(path).map_or(Value::Null, |u| Value::String(u.as_str().to_string()))
}

pub fn dependencies(_: &Snapshot, params: DependenciesParams) -> Result<Value> {
    let Some(path) = crate::convert::path(&params.uri) else {
        return Err(Error::invalid_params(format!(
            "{} is not a file or folder",
            params.uri.as_str()
        )));
    };
    let Some(dir) = package_dir(&path) else {
        return Err(Error::invalid_params(format!(
            "{} is in no package folder",
            path.display()
        )));
    };
    let package =
        witty_analysis::load_path(&dir).map_err(|e| Error::invalid_params(e.to_string()))?;
    let mut host = AnalysisHost::new();
    let root = host.add_root(&package, Features::default());
    let project = host.project(root).map(|p| (*p).clone()).unwrap_or(Project {
        package_dir: dir.clone(),
        ..Project::default()
    });
    let r = report(host.db(), root, &project);
    let dependencies: Vec<Value> = r
        .entries
        .iter()
        .map(|e| {
            json!({
                "uri": uri_of(&e.path),
                "path": e.path.display().to_string(),
                "origin": e.origin.as_str(),
                "packages": e.packages,
                "locked": e.locked.iter().map(|(t, f, v)| json!({"tool": t.name(), "uri": uri_of(f), "version": v})).collect::<Vec<_>>(),
                "declared": e.declared.iter().map(|t| t.name()).collect::<Vec<_>>(),
                "needs": e.needs,
                "used": e.used,
                // A cache blob is wkg's: the editor opens it read-only.
                "readOnly": e.origin == witty_analysis::deps::Origin::Cache,
            })
        })
        .collect();
    let missing: Vec<Value> = r
        .missing
        .iter()
        .map(|m| {
            json!({
                "name": m.name,
                "neededBy": m.needed_by,
                "fetch": m.fetch.as_ref().map(|(t, c)| json!({"tool": t.name(), "command": c})),
            })
        })
        .collect();
    let problems: Vec<Value> = r
        .problems
        .iter()
        .map(|d| {
            // LSP positions: 0-based lines, UTF-16 columns.
            let text = std::fs::read_to_string(&d.file).unwrap_or_default();
            let index = LineIndex::new(&text);
            let at = |o| {
                let lc = index.line_col(o);
                let line_start = text
                    .split_inclusive('\n')
                    .take(lc.line as usize)
                    .map(str::len)
                    .sum::<usize>();
                let upto = text.get(line_start..usize::from(o)).unwrap_or("");
                json!({"line": lc.line, "character": upto.encode_utf16().count()})
            };
            json!({
                "uri": uri_of(&d.file),
                "range": {"start": at(d.range.start()), "end": at(d.range.end())},
                "severity": d.severity.as_str(),
                "code": d.code,
                "message": d.message,
            })
        })
        .collect();
    Ok(json!({
        "version": 1,
        "package": {"name": r.name, "uri": uri_of(&r.package_dir)},
        "tools": r.tools.iter().map(|t| t.name()).collect::<Vec<_>>(),
        "files": r.files.iter().map(|f| uri_of(f)).collect::<Vec<_>>(),
        "dependencies": dependencies,
        "missing": missing,
        "problems": problems,
    }))
}
