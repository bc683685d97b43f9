//! `wit deps [PATH]`: a package's dependency tree as wkg, wit-deps and cargo-component left it
//! (each `deps/` entry or cache blob, its version, where it came from, which lock pins it,
//! what it needs, whether it is used), and what is wrong with it. Reads only: it never writes
//! into `deps/`, a lock file or a cache.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use witty_analysis::deps::{DepsReport, Project, report};
use witty_analysis::{AnalysisHost, Features, Severity};

use crate::sources::Sources;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DepsFormat {
    /// A tree for people, then the problems rustc-style
    Human,
    /// One JSON object (`version`, `package`, `dependencies`, `missing`, `diagnostics`, `summary`)
    Json,
}

#[derive(clap::Args)]
pub struct DepsArgs {
    /// The package folder; default: `./wit` if it exists, else `.`
    pub path: Option<PathBuf>,
    /// How to print the tree
    #[arg(long, value_enum, default_value_t = DepsFormat::Human)]
    pub format: DepsFormat,
}

/// Loads the package at `path` as `wit check` does and reports its dependencies, with the
/// texts its diagnostics point into.
fn load(path: &Path) -> Result<(DepsReport, Sources), String> {
    let package = witty_analysis::load_path(path).map_err(|e| e.to_string())?;
    let mut host = AnalysisHost::new();
    let root = host.add_root(&package, Features::default());
    let project = host.project(root).map(|p| (*p).clone()).unwrap_or(Project {
        package_dir: path.to_path_buf(),
        ..Project::default()
    });
    let mut sources = Sources::default();
    for file in witty_analysis::all_files(&package) {
        sources.add(&file.path, &file.text);
    }
    for file in &project.files {
        sources.add(&file.path, &file.text);
    }
    Ok((report(host.db(), root, &project), sources))
}

pub fn run(args: DepsArgs) -> u8 {
    let path = crate::paths::or_default(args.path.into_iter().collect()).remove(0);
    if !path.is_dir() {
        eprintln!(
            "error: {}: not a package folder; `wit deps` takes the folder of a package (with its `deps/`)",
            path.display()
        );
        return 2;
    }
    let (r, sources) = match load(&path) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let r = &r;
    let out = match args.format {
        DepsFormat::Human => human(r, &sources),
        DepsFormat::Json => format!("{}\n", to_json(r, &sources)),
    };
    print!("{out}");
    let problems = r
        .problems
        .iter()
        .any(|d| matches!(d.severity, Severity::Error | Severity::Warning));
    u8::from(problems || !r.missing.is_empty())
}

fn shown(path: &Path, base: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn human(r: &DepsReport, sources: &Sources) -> String {
    let base = r.package_dir.parent().unwrap_or(&r.package_dir);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({})",
        r.name.as_deref().unwrap_or("(no package name)"),
        r.package_dir.display()
    );
    if r.tools.is_empty() {
        out.push_str("  no dependency tool's files (wkg.toml, wkg.lock, deps.toml, Cargo.toml metadata) found\n");
    } else {
        let files: Vec<String> = r.files.iter().map(|f| shown(f, base)).collect();
        let tools: Vec<&str> = r.tools.iter().map(|t| t.name()).collect();
        let _ = writeln!(
            out,
            "  managed by {} ({})",
            tools.join(", "),
            files.join(", ")
        );
    }
    for e in &r.entries {
        let mut how = vec![e.origin.as_str().to_string()];
        for (tool, file, _) in &e.locked {
            how.push(format!(
                "locked by {} in {}",
                tool.name(),
                shown(file, base)
            ));
        }
        for tool in &e.declared {
            how.push(format!("declared for {}", tool.name()));
        }
        if !e.used {
            how.push("unused".into());
        }
        let names = if e.packages.is_empty() {
            "(no package)".to_string()
        } else {
            e.packages.join(", ")
        };
        let _ = writeln!(
            out,
            "  ├─ {names}  {}  [{}]",
            shown(&e.path, base),
            how.join("; ")
        );
        if !e.needs.is_empty() {
            let _ = writeln!(out, "  │    needs {}", e.needs.join(", "));
        }
    }
    for m in &r.missing {
        let fetch = m
            .fetch
            .as_ref()
            .map(|(_, c)| format!("; run `{c}`"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  ✗  {} missing, needed by {}{fetch}",
            m.name,
            m.needed_by.join(", ")
        );
    }
    if !r.problems.is_empty() {
        out.push('\n');
        let rendered = crate::report::human::render(&r.problems, sources);
        // The problems without `wit check`'s summary line: the summary here is of the tree.
        let body = rendered.trim_end().rsplit_once('\n').map_or("", |(b, _)| b);
        out.push_str(body.trim_end());
        out.push_str("\n\n");
    }
    let c = crate::report::counts(&r.problems);
    let _ = writeln!(
        out,
        "{} {}, {} missing: {} {}, {} {}",
        r.entries.len(),
        if r.entries.len() == 1 {
            "dependency"
        } else {
            "dependencies"
        },
        r.missing.len(),
        c.errors,
        if c.errors == 1 { "error" } else { "errors" },
        c.warnings,
        if c.warnings == 1 {
            "warning"
        } else {
            "warnings"
        },
    );
    out
}

fn to_json(r: &DepsReport, sources: &Sources) -> Value {
    let entries: Vec<Value> = r
        .entries
        .iter()
        .map(|e| {
            json!({
                "path": e.path.display().to_string(),
                "origin": e.origin.as_str(),
                "packages": e.packages,
                "locked": e.locked.iter().map(|(t, f, v)| json!({"tool": t.name(), "file": f.display().to_string(), "version": v})).collect::<Vec<_>>(),
                "declared": e.declared.iter().map(|t| t.name()).collect::<Vec<_>>(),
                "needs": e.needs,
                "used": e.used,
            })
        })
        .collect();
    let missing: Vec<Value> = r
        .missing
        .iter()
        .map(|m| {
            json!({
                "name": m.name,
                "needed_by": m.needed_by,
                "fetch": m.fetch.as_ref().map(|(t, c)| json!({"tool": t.name(), "command": c})),
            })
        })
        .collect();
    let c = crate::report::counts(&r.problems);
    json!({
        "version": 1,
        "package": {"name": r.name, "path": r.package_dir.display().to_string()},
        "tools": r.tools.iter().map(|t| t.name()).collect::<Vec<_>>(),
        "files": r.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>(),
        "dependencies": entries,
        "missing": missing,
        "diagnostics": crate::report::json::items(&r.problems, sources),
        "summary": {"errors": c.errors, "warnings": c.warnings, "dependencies": r.entries.len(), "missing": r.missing.len()},
    })
}
