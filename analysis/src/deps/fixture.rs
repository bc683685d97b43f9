//! Projects on disk for tests, written the way the tools write them. A fixture is one string
//! of files, each under a `//- path` header (relative to a fresh temporary folder). A path
//! ending in `.wasm` holds WIT that is encoded into a binary WIT package with wit-component
//! when the fixture is written; `//- cache` does the same into wkg's cache (`cache/`), under
//! the file name wkg gives it (`sha256:<hex>`). In every other file, `$digest(ns:name@1.0.0)`
//! stands for the digest of the binary made from the package of that name.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use witty_syntax::LineIndex;

use super::{DepsReport, Env, Project, cache, report};
use crate::{AnalysisHost, Diagnostic, Features};

/// A written fixture: its folder and wkg's cache in it.
pub(crate) struct Written {
    pub dir: tempfile::TempDir,
}

impl Written {
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn env(&self) -> Env {
        Env {
            cache_dir: Some(self.dir.path().join("cache")),
        }
    }
}

/// A WIT text encoded as a binary package: its main package's name and the bytes.
pub(crate) fn encode(wit: &str) -> (String, Vec<u8>) {
    let mut resolve = wit_parser::Resolve::default();
    let pkg = resolve.push_str("fixture.wit", wit).expect("fixture WIT");
    let name = resolve.packages[pkg].name.to_string();
    (
        name,
        wit_component::encode(&resolve, pkg, false).expect("encodable WIT"),
    )
}

pub(crate) fn write(fixture: &str) -> Written {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<(String, String)> = Vec::new();
    for chunk in fixture.split("//- ").skip(1) {
        let (header, body) = chunk.split_once('\n').unwrap_or((chunk, ""));
        files.push((header.trim().to_string(), body.to_string()));
    }
    let mut digests: BTreeMap<String, String> = BTreeMap::new();
    for (path, body) in &files {
        if path == "cache" || path.ends_with(".wasm") {
            let (name, bytes) = encode(body);
            let digest = cache::sha256(&bytes);
            digests.insert(name, digest.clone());
            let at = if path == "cache" {
                dir.path().join("cache").join(&digest)
            } else {
                dir.path().join(path)
            };
            std::fs::create_dir_all(at.parent().unwrap()).unwrap();
            std::fs::write(at, bytes).unwrap();
        }
    }
    for (path, body) in &files {
        if path == "cache" || path.ends_with(".wasm") {
            continue;
        }
        let mut text = body.clone();
        for (name, digest) in &digests {
            text = text.replace(&format!("$digest({name})"), digest);
        }
        // A package no binary was made of gets a digest of its name: a lock entry whose
        // binary is nowhere.
        while let Some(at) = text.find("$digest(") {
            let end = at + text[at..].find(')').expect("`)` closing `$digest(`");
            let fake = cache::sha256(&text.as_bytes()[at + 8..end]);
            text.replace_range(at..=end, &fake);
        }
        let at = dir.path().join(path);
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        std::fs::write(at, text).unwrap();
    }
    Written { dir }
}

/// The report of the package in `package` (relative to the fixture's folder), and every
/// diagnostic `wit check` gives for it.
pub(crate) fn run(w: &Written, package: &str) -> (DepsReport, Vec<Diagnostic>) {
    let path = w.path().join(package);
    let loaded = crate::load_path(&path).expect("loadable package");
    let mut host = AnalysisHost::without_projects();
    host.set_deps_env(Some(w.env()));
    let root = host.add_root(&loaded, Features::default());
    let project = host.project(root).map(|p| (*p).clone()).unwrap_or(Project {
        package_dir: path,
        ..Project::default()
    });
    let found = report(host.db(), root, &project);
    (found, host.diagnostics(root))
}

/// A diagnostic as `path:line:column: severity code: message`, paths relative to `base`.
pub(crate) fn show_diagnostic(base: &Path, d: &Diagnostic) -> String {
    let text = std::fs::read_to_string(&d.file).unwrap_or_default();
    let lc = LineIndex::new(&text).line_col_chars(d.range.start());
    let file = rel(base, &d.file);
    let mut out = format!(
        "{file}:{}:{}: {} {}: {}",
        lc.line + 1,
        lc.col + 1,
        d.severity.as_str(),
        d.code,
        d.message
    );
    for r in &d.related {
        let _ = write!(out, "\n  related {}: {}", rel(base, &r.file), r.message);
    }
    out.replace(&base.display().to_string(), "<dir>")
}

fn rel(base: &Path, p: &Path) -> String {
    p.strip_prefix(base).unwrap_or(p).display().to_string()
}

/// The fixture's package checked: the report's entries, then every diagnostic.
pub(crate) fn check(fixture: &str) -> String {
    let w = write(fixture);
    check_written(&w, "wit")
}

pub(crate) fn check_written(w: &Written, package: &str) -> String {
    let (found, diags) = run(w, package);
    let base = w.path();
    let mut out = String::new();
    let tools: Vec<&str> = found.tools.iter().map(|t| t.name()).collect();
    let _ = writeln!(out, "tools: [{}]", tools.join(", "));
    for e in &found.entries {
        let path = if e.origin == super::Origin::Cache {
            format!(
                "cache/{}…",
                &e.path.file_name().unwrap().to_string_lossy()[..15]
            )
        } else {
            rel(base, &e.path)
        };
        let locked: Vec<String> = e
            .locked
            .iter()
            .map(|(t, f, _)| format!("{} {}", t.name(), rel(base, f)))
            .collect();
        let declared: Vec<&str> = e.declared.iter().map(|t| t.name()).collect();
        let _ = writeln!(
            out,
            "{} [{}] {}: {}; locked: [{}]; declared: [{}]; needs: [{}]",
            e.origin.as_str(),
            e.packages.join(", "),
            path,
            if e.used { "used" } else { "unused" },
            locked.join(", "),
            declared.join(", "),
            e.needs.join(", "),
        );
    }
    for m in &found.missing {
        let fetch = m
            .fetch
            .as_ref()
            .map(|(_, c)| format!("; fetch: {c}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "missing {} (needed by {}){fetch}",
            m.name,
            m.needed_by.join(", ")
        );
    }
    for d in &diags {
        let _ = writeln!(out, "{}", show_diagnostic(base, d));
    }
    out
}

/// Compares what was found with the expectation, a raw string `r#"..."#` that starts on or
/// after the caller's line; with `UPDATE_EXPECT=1` the expectation is rewritten to what was
/// found instead (review the change before committing it).
#[track_caller]
pub(crate) fn expect(found: &str, expected: &str) {
    if found == expected {
        return;
    }
    let caller = std::panic::Location::caller();
    if std::env::var_os("UPDATE_EXPECT").is_none() {
        panic!(
            "found differs from the expectation at {}:{}\n--- found\n{found}\n---",
            caller.file(),
            caller.line()
        );
    }
    // The lines each update so far added, by file and line: the caller's line is where it
    // was when the test was compiled.
    static SHIFTS: std::sync::Mutex<Vec<(&'static str, u32, isize)>> =
        std::sync::Mutex::new(Vec::new());
    let mut shifts = SHIFTS.lock().unwrap_or_else(|e| e.into_inner());
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(caller.file());
    let source = std::fs::read_to_string(&path).unwrap();
    let shift: isize = shifts
        .iter()
        .filter(|(f, l, _)| *f == caller.file() && *l < caller.line())
        .map(|(_, _, d)| d)
        .sum();
    let line = (caller.line() as isize + shift) as usize;
    shifts.push((
        caller.file(),
        caller.line(),
        found.lines().count() as isize - expected.lines().count() as isize,
    ));
    let line_start: usize = source
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let open = line_start
        + source[line_start..]
            .find("r#\"")
            .expect("a raw string after the call")
        + 3;
    let close = open + source[open..].find("\"#").expect("the raw string's end");
    let updated = format!("{}{found}{}", &source[..open], &source[close..]);
    std::fs::write(&path, updated).unwrap();
}
