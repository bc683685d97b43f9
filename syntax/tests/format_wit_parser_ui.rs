//! The formatter over wit-parser's own ui suite (found through `cargo metadata`, never
//! copied). Every file without syntax errors formats to text that parses, formats to itself,
//! keeps its comments and its tokens, also with a comment after every token. (That the
//! packages resolve the same after formatting is `format_resolve.rs`.)

mod common;

use std::path::PathBuf;

use common::{check_format_of, check_format_with_of, ui_dir, wit_files};
use witty_syntax::FormatOptions;

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
            // At the default width, and at one so narrow that every list breaks.
            for max_width in [FormatOptions::DEFAULT_MAX_WIDTH, 10] {
                let options = FormatOptions {
                    max_width,
                    ..FormatOptions::default()
                };
                let label = format!("{} with {style:?} at width {max_width}", path.display());
                check_format_with_of(&label, &text, &options).expect("no syntax errors");
            }
            formatted += 1;
        }
    }
    assert!(formatted > 1000, "only {formatted} files formatted");
    println!("{formatted} commented variants formatted soundly");
}
