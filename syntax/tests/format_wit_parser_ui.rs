//! The formatter over wit-parser's own ui suite (found through `cargo metadata`, never
//! copied). Every file without syntax errors formats to text that parses, formats to itself,
//! keeps its comments and its tokens; and every package wit-parser resolves still resolves,
//! to the same result, once all its files are formatted.

mod common;

use std::path::{Path, PathBuf};

use common::{check_format_of, ui_dir, wit_files};

/// Every `.wit` file of the suite, with its text.
fn ui_texts() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    wit_files(&ui_dir(), &mut files);
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect()
}

#[test]
fn every_ui_file_formats_soundly() {
    let files = ui_texts();
    let mut formatted = 0;
    for (path, text) in &files {
        if check_format_of(&path.display().to_string(), text).is_some() {
            formatted += 1;
        }
    }
    assert!(formatted > 280, "only {formatted} files formatted");
    println!("{formatted} of {} files formatted soundly", files.len());
}

#[test]
fn every_ui_file_with_a_comment_after_every_token_formats_soundly() {
    let mut formatted = 0;
    for (path, original) in &ui_texts() {
        for style in common::COMMENT_STYLES {
            let text = common::with_comments(original, style);
            if !witty_syntax::parse(&text).errors().is_empty() {
                continue;
            }
            let label = format!("{} with {style:?}", path.display());
            check_format_of(&label, &text).expect("no syntax errors");
            formatted += 1;
        }
    }
    assert!(formatted > 1000, "only {formatted} files formatted");
    println!("{formatted} commented variants formatted soundly");
}

/// wit-parser's verdict and result for a ui case (a file or a folder), as its own runner
/// gets them (with the feature `active` on).
fn resolve(case: &Path) -> Result<serde_json::Value, String> {
    let mut resolve = wit_parser::Resolve::new();
    resolve.features.insert("active".to_string());
    match resolve.push_path(case) {
        Ok(_) => Ok(serde_json::to_value(&resolve).unwrap()),
        Err(e) => Err(format!("{e:#}")),
    }
}

/// A copy of `from` at `to` with every `.wit` file formatted (files with syntax errors, and
/// everything else, copied as they are).
fn copy_formatted(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy_formatted(&entry.path(), &to.join(entry.file_name()));
        }
    } else if from.extension().is_some_and(|e| e == "wit") {
        let text = std::fs::read_to_string(from).unwrap();
        std::fs::write(to, witty_syntax::format(&text).unwrap_or(text)).unwrap();
    } else {
        std::fs::copy(from, to).unwrap();
    }
}

#[test]
fn wit_parser_resolves_formatted_packages_to_the_same_result() {
    let ui = ui_dir();
    let mut cases: Vec<PathBuf> = Vec::new();
    for dir in [ui.clone(), ui.join("parse-fail")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() && path.file_name().is_some_and(|n| n == "parse-fail") {
                continue;
            }
            if path.is_dir() || path.extension().is_some_and(|e| e == "wit") {
                cases.push(path);
            }
        }
    }
    cases.sort();
    let temp = tempfile::tempdir().unwrap();
    let (mut accepted, mut rejected) = (0, 0);
    for case in &cases {
        let copy = temp.path().join(case.strip_prefix(&ui).unwrap());
        std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
        copy_formatted(case, &copy);
        match (resolve(case), resolve(&copy)) {
            (Ok(before), Ok(after)) => {
                assert!(before == after, "{}: the result changed", case.display());
                accepted += 1;
            }
            (Err(_), Err(_)) => rejected += 1,
            (Ok(_), Err(e)) => panic!("{}: formatting broke it: {e}", case.display()),
            (Err(e), Ok(_)) => panic!("{}: formatting fixed it?! {e}", case.display()),
        }
    }
    assert!(accepted > 70, "only {accepted} packages accepted");
    println!("{accepted} accepted and {rejected} rejected packages agree after formatting");
}
