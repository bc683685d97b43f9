//! Formatting never changes what a package means: on every real WIT file within reach (the
//! repository's own, and those of the registry crates the workspace depends on: wit-parser's
//! ui suite, wit-component's and wac-graph's tests, the WASI packages wasmtime vendors), with
//! several settings, wit-parser resolves each package and each file to the same result after
//! formatting as before, or rejects it both times. The files are read where cargo put them
//! (found through `cargo metadata`), never copied into this repository.

mod common;

use std::path::{Path, PathBuf};

use common::{check_format_with_of, package_dir};
use witty_syntax::{FormatOptions, IndentStyle};

/// The folders of real WIT: registry crates by name (with the folder inside), and the
/// repository's own.
fn roots() -> Vec<PathBuf> {
    let mut roots = Vec::new();
    for (krate, inside) in [
        ("wit-parser", "tests/ui"),
        ("wit-component", "tests"),
        ("wac-graph", "tests"),
        ("wasmtime-wasi", "src"),
        ("wasmtime-wasi-io", "."),
    ] {
        let dir = package_dir(krate)
            .unwrap_or_else(|| panic!("{krate} is in the dependency graph"))
            .join(inside);
        assert!(dir.is_dir(), "{} is missing", dir.display());
        roots.push(dir);
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    for dir in ["examples", "tests/lsp/workspace", "syntax/test_data/ok"] {
        roots.push(repo.join(dir));
    }
    roots
}

/// Settings to format with: the default, the WASI repositories' four spaces, tabs, and a
/// width so narrow that every list breaks.
fn settings() -> Vec<FormatOptions> {
    vec![
        FormatOptions::default(),
        FormatOptions::spaces(4),
        FormatOptions {
            indent_style: IndentStyle::Tabs,
            ..FormatOptions::default()
        },
        FormatOptions {
            max_width: 10,
            ..FormatOptions::default()
        },
    ]
}

/// wit-parser's verdict and result for a package folder or a file (with the feature `active`
/// on, as its ui suite has it).
fn resolve(path: &Path) -> Result<serde_json::Value, String> {
    let mut resolve = wit_parser::Resolve::new();
    resolve.features.insert("active".to_string());
    match resolve.push_path(path) {
        Ok(_) => Ok(serde_json::to_value(&resolve).unwrap()),
        Err(e) => Err(format!("{e:#}")),
    }
}

/// A copy of `from` at `to` with every `.wit` file formatted (each checked as every
/// formatting test checks its output; files with syntax errors, and everything else, copied
/// as they are). Returns the `.wit` files formatted.
fn copy_formatted(from: &Path, to: &Path, options: &FormatOptions) -> usize {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        let mut formatted = 0;
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            formatted += copy_formatted(&entry.path(), &to.join(entry.file_name()), options);
        }
        formatted
    } else if from.extension().is_some_and(|e| e == "wit") {
        let text = std::fs::read_to_string(from).unwrap();
        let label = format!("{} with {options:?}", from.display());
        let formatted = check_format_with_of(&label, &text, options);
        let counted = usize::from(formatted.is_some());
        std::fs::write(to, formatted.unwrap_or(text)).unwrap();
        counted
    } else {
        std::fs::copy(from, to).unwrap();
        0
    }
}

/// What wit-parser can be asked to resolve under `root`: every folder holding `.wit` files
/// (a package, with its `deps/`), and every `.wit` file.
fn cases(root: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    if entries
        .iter()
        .any(|p| p.is_file() && p.extension().is_some_and(|e| e == "wit"))
    {
        out.push(root.to_path_buf());
    }
    for path in entries {
        if path.is_dir() {
            cases(&path, out);
        } else if path.extension().is_some_and(|e| e == "wit") {
            out.push(path);
        }
    }
}

#[test]
fn wit_parser_resolves_every_real_package_the_same_after_formatting() {
    let temp = tempfile::tempdir().unwrap();
    let (mut accepted, mut rejected, mut files) = (0, 0, 0);
    for (i, options) in settings().iter().enumerate() {
        for (j, root) in roots().iter().enumerate() {
            let copy = temp.path().join(format!("{i}-{j}"));
            files += copy_formatted(root, &copy, options);
            let mut found = Vec::new();
            cases(root, &mut found);
            for case in &found {
                let formatted = copy.join(case.strip_prefix(root).unwrap());
                let label = format!("{} with {options:?}", case.display());
                match (resolve(case), resolve(&formatted)) {
                    (Ok(before), Ok(after)) => {
                        assert!(before == after, "{label}: the result changed");
                        accepted += 1;
                    }
                    (Err(_), Err(_)) => rejected += 1,
                    (Ok(_), Err(e)) => panic!("{label}: formatting broke it: {e}"),
                    (Err(e), Ok(_)) => panic!("{label}: formatting fixed it?! {e}"),
                }
            }
        }
    }
    assert!(files > 4 * 600, "only {files} files formatted");
    assert!(accepted > 4 * 500, "only {accepted} cases accepted");
    println!(
        "{files} files formatted; {accepted} accepted and {rejected} rejected cases agree after formatting"
    );
}
