//! wit-parser's own ui test suite (found through `cargo metadata`, never copied): every file
//! prints back byte for byte, and no file of a package that wit-parser accepts has a syntax
//! error.

use std::path::{Path, PathBuf};

use witty_syntax::parse;

/// The `tests/ui` folder of the registry copy of the wit-parser dev-dependency.
fn ui_dir() -> PathBuf {
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
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pkg = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "wit-parser")
        .expect("wit-parser is a dependency");
    let manifest_path = Path::new(pkg["manifest_path"].as_str().unwrap());
    let ui = manifest_path.parent().unwrap().join("tests/ui");
    assert!(ui.is_dir(), "{} is missing", ui.display());
    ui
}

fn wit_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            wit_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "wit") {
            out.push(path);
        }
    }
}

#[test]
fn every_ui_file_prints_back() {
    let mut files = Vec::new();
    wit_files(&ui_dir(), &mut files);
    assert!(files.len() > 300, "found only {} files", files.len());
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let tree = parse(&text).syntax_node().to_string();
        assert!(tree == text, "{} does not print back", path.display());
    }
    println!("{} files print back", files.len());
}

#[test]
fn accepted_packages_have_no_syntax_errors() {
    let ui = ui_dir();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&ui).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "parse-fail") {
            continue;
        }
        if path.is_dir() {
            wit_files(&path, &mut files);
        } else if path.extension().is_some_and(|e| e == "wit") {
            files.push(path);
        }
    }
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        for e in parse(&text).errors() {
            failures.push(format!(
                "{}: {:?}: {}",
                path.display(),
                e.range(),
                e.message()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("{} files of accepted packages parse cleanly", files.len());
}
