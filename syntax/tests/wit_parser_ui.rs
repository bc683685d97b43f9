//! wit-parser's own ui test suite (found through `cargo metadata`, never copied): every file
//! prints back byte for byte, and no file of a package that wit-parser accepts has a syntax
//! error.

mod common;

use common::{ui_dir, wit_files};
use witty_syntax::parse;

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
