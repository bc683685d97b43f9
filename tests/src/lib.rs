//! witty-tests: end-to-end tests across crates live in `tests/tests/`; this library holds
//! what they share: finding wit-parser's ui suite, and asking both witty and wit-parser for
//! a verdict on one case.

use std::path::{Path, PathBuf};

use witty_analysis::{AnalysisHost, Diagnostic, Features, Severity};

/// What `cargo metadata` says of this workspace (the registry copies of its dependencies).
fn cargo_metadata() -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let out = std::process::Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--manifest-path",
            manifest,
        ])
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
}

/// The folder of the package whose id is `id` in `meta`.
fn package_folder(meta: &serde_json::Value, id: &serde_json::Value) -> PathBuf {
    let pkg = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|p| &p["id"] == id)
        .expect("the package of a resolved id");
    let manifest_path = Path::new(pkg["manifest_path"].as_str().expect("manifest_path"));
    manifest_path.parent().expect("a folder").to_path_buf()
}

/// The `tests/ui` folder of the registry copy of wit-parser, found through `cargo metadata`
/// (the suite is read in place, never copied).
pub fn wit_parser_ui_dir() -> PathBuf {
    let meta = cargo_metadata();
    // wasmtime brings wit-parser 0.254 beside the workspace's 0.263: the suite is the one of
    // the wit-parser this crate depends on, which gives the verdicts it is compared with.
    let here = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|p| p["name"] == env!("CARGO_PKG_NAME"))
        .map(|p| p["id"].clone());
    let id = meta["resolve"]["nodes"]
        .as_array()
        .expect("the resolved graph")
        .iter()
        .find(|node| Some(&node["id"]) == here.as_ref())
        .and_then(|node| {
            node["deps"]
                .as_array()?
                .iter()
                .find(|dep| dep["name"] == "wit_parser")
        })
        .map(|dep| dep["pkg"].clone())
        .expect("wit-parser is a dependency of witty-tests");
    let ui = package_folder(&meta, &id).join("tests/ui");
    assert!(ui.is_dir(), "{} is missing", ui.display());
    ui
}

/// WASI 0.2's WIT (a package with its `deps/`), as the registry copy of wasmtime-wasi, a
/// dependency of the runner, vendors it; found through `cargo metadata`.
pub fn wasi_p2_wit_dir() -> PathBuf {
    let meta = cargo_metadata();
    let id = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|p| p["name"] == "wasmtime-wasi")
        .map(|p| p["id"].clone())
        .expect("wasmtime-wasi is a dependency of the runner");
    let wit = package_folder(&meta, &id).join("src/p2/wit");
    assert!(wit.is_dir(), "{} is missing", wit.display());
    wit
}

/// The cases of the suite, as wit-parser's own runner finds them: files (`.wit`, `.wat`,
/// `.wasm`) and folders of `tests/ui` and of `tests/ui/parse-fail`.
pub fn ui_cases(ui: &Path) -> Vec<PathBuf> {
    let mut cases = Vec::new();
    for dir in [ui.to_path_buf(), ui.join("parse-fail")] {
        for entry in std::fs::read_dir(&dir).expect("readable ui folder") {
            let path = entry.expect("entry").path();
            if path.file_name().is_some_and(|n| n == "parse-fail") {
                continue;
            }
            let wanted = path.is_dir()
                || matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("wit" | "wat" | "wasm" | "md")
                );
            if wanted {
                cases.push(path);
            }
        }
    }
    cases.sort();
    cases
}

/// wit-parser's verdict: `None` when it accepts the case, else its first error: where (a
/// file and byte offset, if it says) and the message.
pub fn wit_parser_verdict(case: &Path) -> Option<(Option<(PathBuf, usize)>, String)> {
    // wit-parser can panic on some invalid input (a repeated `@since` on a `use` of another
    // package, in 0.263); that is a rejection too, at no particular place.
    match std::panic::catch_unwind(|| verdict(case)) {
        Ok(v) => v,
        Err(_) => Some((None, "wit-parser panicked".to_string())),
    }
}

fn verdict(case: &Path) -> Option<(Option<(PathBuf, usize)>, String)> {
    let mut resolve = wit_parser::Resolve::new();
    resolve.features.insert("active".to_string());
    let err = resolve.push_path(case).err()?;
    let span = err.chain().find_map(|layer| {
        if let Some(e) = layer.downcast_ref::<wit_parser::ResolveError>() {
            Some(e.kind().span())
        } else {
            layer
                .downcast_ref::<wit_parser::ParseError>()
                .map(|e| e.kind().span())
        }
    });
    let location = span
        .and_then(|s| resolve.source_map.resolve_span(s))
        .map(|loc| (PathBuf::from(loc.path), loc.range.start));
    Some((location, format!("{err:#}")))
}

/// witty's errors for the case, as `wit check --features active` finds them, with or
/// without the wit-parser backstop.
pub fn witty_errors(case: &Path, backstop: bool) -> Vec<Diagnostic> {
    let Ok(package) = witty_analysis::load_path(case) else {
        return vec![Diagnostic::error(
            "io",
            "cannot load",
            case.to_path_buf(),
            Default::default(),
        )];
    };
    let mut host = AnalysisHost::new();
    let features = Features {
        enabled: vec!["active".to_string()],
        all: false,
    };
    let root = host.add_root(&package, features);
    let found = if backstop {
        host.diagnostics_with_backstop(root)
    } else {
        host.diagnostics(root)
    };
    found
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// How witty's verdict on one case compares with wit-parser's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// Same verdict and, for a rejection, an error of ours where wit-parser's first one is.
    Agree,
    /// Both reject, but none of our errors is where wit-parser's first one is.
    Position,
    /// One accepts what the other rejects.
    Verdict,
}

/// Compares the two verdicts on the case and, unless they agree, returns lines that show
/// both sides.
pub fn compare(case: &Path) -> (Agreement, Vec<String>) {
    let theirs = wit_parser_verdict(case);
    let ours = witty_errors(case, false);
    let agreement = match (&theirs, ours.is_empty()) {
        (None, true) => Agreement::Agree,
        (Some((None, _)), false) => Agreement::Agree,
        (Some((Some((file, offset)), _)), false) => {
            let at = |d: &Diagnostic| d.file == *file && usize::from(d.range.start()) == *offset;
            if ours.iter().any(at) {
                Agreement::Agree
            } else {
                Agreement::Position
            }
        }
        _ => Agreement::Verdict,
    };
    let mut report = Vec::new();
    if agreement != Agreement::Agree {
        report.push(match &theirs {
            Some((loc, msg)) => format!(
                "  wit-parser rejects: {loc:?} {}",
                msg.lines().last().unwrap_or_default()
            ),
            None => "  wit-parser accepts".to_string(),
        });
        for d in ours.iter().take(3) {
            report.push(format!(
                "  witty: {}:{:?} {}",
                d.file.display(),
                d.range,
                d.message
            ));
        }
    }
    (agreement, report)
}
