//! Syntax diagnostics of every file of a loaded package and its dependencies.

use witty_syntax::{TextRange, TextSize};

use crate::{Diagnostic, FileProblem, LoadedFile, LoadedPackage};

/// Diagnostics for every file of `package` and its `deps/`: read problems and syntax errors.
pub fn syntax_diagnostics(package: &LoadedPackage) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for file in all_files(package) {
        out.extend(file_diagnostics(file));
    }
    out
}

/// The `.wit` files of a package and of its dependencies, the package's own first.
pub fn all_files(package: &LoadedPackage) -> impl Iterator<Item = &LoadedFile> {
    package
        .files
        .iter()
        .chain(package.deps.iter().flat_map(|d| d.files.iter()))
}

fn file_diagnostics(file: &LoadedFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    match &file.problem {
        Some(FileProblem::Unreadable(_)) => return out,
        Some(FileProblem::InvalidUtf8 { offset }) => out.push(Diagnostic::error(
            "invalid-utf8",
            "invalid UTF-8: WIT files must be UTF-8 text; the bytes here are not",
            file.path.clone(),
            TextRange::at(TextSize::new(*offset as u32), TextSize::new(1)),
        )),
        None => {}
    }
    let parse = witty_syntax::parse(&file.text);
    out.extend(
        parse
            .errors()
            .iter()
            .map(|e| Diagnostic::error(e.code(), e.message(), file.path.clone(), e.range())),
    );
    out
}
