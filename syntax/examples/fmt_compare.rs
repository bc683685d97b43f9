//! Formats every `.wit` file under the given files and folders and reports which would
//! change: how close the formatter comes to a body of WIT written by hand (the WASI
//! packages, say). Run with `cargo run -p witty-syntax --example fmt_compare -- PATH...`.

use std::path::{Path, PathBuf};

fn wit_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for entry in entries {
            wit_files(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e == "wit") {
        out.push(path.to_path_buf());
    }
}

fn main() {
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        wit_files(Path::new(&arg), &mut files);
    }
    let (mut unchanged, mut refused) = (0, 0);
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            println!("unreadable {}", path.display());
            continue;
        };
        match witty_syntax::format(&text) {
            None => {
                refused += 1;
                println!("syntax errors {}", path.display());
            }
            Some(formatted) if formatted == text => unchanged += 1,
            Some(formatted) => {
                let before: Vec<&str> = text.lines().collect();
                let after: Vec<&str> = formatted.lines().collect();
                let differing = before.iter().filter(|l| !after.contains(l)).count();
                println!("changes {} ({differing} lines)", path.display());
            }
        }
    }
    println!(
        "{unchanged} of {} files unchanged, {refused} refused for syntax errors",
        files.len()
    );
}
