//! What every formatting test checks of the formatter's output, whatever the input.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use witty_syntax::{FormatOptions, SyntaxKind, T, format_with, lex, parse};

/// Formats `text` and checks the output: it parses without errors, formatting it again
/// changes nothing, its comments are the input's in the same order, and so are its other
/// tokens, but for commas added or removed at the end of lists. `None` if `text` has syntax
/// errors.
pub fn check_format(text: &str) -> Option<String> {
    check_format_with(text, &FormatOptions::default())
}

/// [`check_format`] with options.
pub fn check_format_with(text: &str, options: &FormatOptions) -> Option<String> {
    let formatted = format_with(text, options)?;
    let errors = parse(&formatted).errors().to_vec();
    assert!(
        errors.is_empty(),
        "the output has syntax errors {errors:?}:\n{formatted}"
    );
    let again = format_with(&formatted, options).expect("formatted text parses");
    assert_eq!(again, formatted, "formatting is not idempotent");
    assert_eq!(
        comments(&formatted),
        comments(text),
        "comments changed:\n{formatted}"
    );
    same_tokens(text, &formatted);
    Some(formatted)
}

/// How `with_comments` writes a comment after a token.
pub const COMMENT_STYLES: &[&str] = &[" /* c */ ", "/*c*/", " // c\n", "\n/// d\n", "\n\n// e\n\n"];

/// `text` with `comment` after every significant token: a comment in every place one can be.
pub fn with_comments(text: &str, comment: &str) -> String {
    let (lexed, _) = lex(text);
    let mut out = String::with_capacity(text.len() * 4);
    for i in 0..lexed.len() {
        out.push_str(lexed.text(text, i));
        if !lexed.kinds[i].is_trivia() {
            out.push_str(comment);
        }
    }
    out
}

/// [`check_format`], naming `label` (the file, say) when a check fails.
pub fn check_format_of(label: &str, text: &str) -> Option<String> {
    check_format_with_of(label, text, &FormatOptions::default())
}

/// [`check_format_with`], naming `label` when a check fails.
pub fn check_format_with_of(label: &str, text: &str, options: &FormatOptions) -> Option<String> {
    match std::panic::catch_unwind(|| check_format_with(text, options)) {
        Ok(formatted) => formatted,
        Err(e) => {
            let message = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("{label}: {message}")
        }
    }
}

/// The comments of a text, in order; trailing blanks of a line comment do not count.
pub fn comments(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .filter(|(kind, _)| kind.is_comment())
        .map(|(_, t)| {
            if t.starts_with("//") {
                t.trim_end().to_string()
            } else {
                t
            }
        })
        .collect()
}

/// The significant tokens of `output` are those of `input`, but for commas the formatter
/// added or removed right before a closing `}`, `)` or `>`.
fn same_tokens(input: &str, output: &str) {
    let significant = |text| -> Vec<(SyntaxKind, String)> {
        tokens(text)
            .into_iter()
            .filter(|(kind, _)| !kind.is_trivia())
            .collect()
    };
    let (input, output) = (significant(input), significant(output));
    let trailing = |tokens: &[(SyntaxKind, String)], i: usize| {
        tokens[i].0 == T![,]
            && matches!(
                tokens.get(i + 1).map(|t| t.0),
                Some(T!['}'] | T![')'] | T![>])
            )
    };
    let (mut i, mut j) = (0, 0);
    while i < input.len() || j < output.len() {
        if i < input.len() && j < output.len() && input[i] == output[j] {
            (i, j) = (i + 1, j + 1);
        } else if j < output.len() && trailing(&output, j) {
            j += 1;
        } else if i < input.len() && trailing(&input, i) {
            i += 1;
        } else {
            panic!(
                "token {j} of the output, {:?}, is not the input's {:?}",
                output.get(j),
                input.get(i)
            );
        }
    }
}

fn tokens(text: &str) -> Vec<(SyntaxKind, String)> {
    let (lexed, _) = lex(text);
    (0..lexed.len())
        .map(|i| (lexed.kinds[i], lexed.text(text, i).to_string()))
        .collect()
}

/// The folder of a registry package the workspace depends on, found through `cargo metadata`
/// (so that its files are read where cargo put them, never copied into this repository).
pub fn package_dir(name: &str) -> Option<PathBuf> {
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
    let packages = meta["packages"].as_array().unwrap();
    // Several versions may be in the graph (wasmtime brings wit-parser 0.254 beside the
    // workspace's 0.263): the one this crate depends on itself is the one it is tested with.
    let here = packages
        .iter()
        .find(|p| p["name"] == env!("CARGO_PKG_NAME"))
        .map(|p| &p["id"]);
    let direct = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|node| Some(&node["id"]) == here)
        .and_then(|node| {
            node["deps"]
                .as_array()?
                .iter()
                .find(|dep| dep["name"] == name.replace('-', "_"))
        })
        .map(|dep| &dep["pkg"]);
    let pkg = match direct {
        Some(id) => packages.iter().find(|p| &p["id"] == id)?,
        None => packages.iter().find(|p| p["name"] == name)?,
    };
    let manifest_path = Path::new(pkg["manifest_path"].as_str().unwrap());
    Some(manifest_path.parent().unwrap().to_path_buf())
}

/// The `tests/ui` folder of the registry copy of the wit-parser dev-dependency.
pub fn ui_dir() -> PathBuf {
    let ui = package_dir("wit-parser")
        .expect("wit-parser is a dependency")
        .join("tests/ui");
    assert!(ui.is_dir(), "{} is missing", ui.display());
    ui
}

/// Every `.wit` file under `dir`, in a stable order.
pub fn wit_files(dir: &Path, out: &mut Vec<PathBuf>) {
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
