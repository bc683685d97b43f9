//! All diagnostics of a root, with their positions looked up: syntax errors of every file,
//! then what the semantic checks found.

use std::sync::Arc;

use witty_syntax::{TextRange, TextSize};

use crate::hir::{SummaryKind, parse, span_map};
use crate::input::{File, Root};
use crate::semantics::packages::PackageSrc;
use crate::semantics::{
    At, Diag, DiagTag, ItemId, cycles, file_check, package_graph, package_graph_diags,
    package_items_diags, world_diags,
};
use crate::{Diagnostic, Related};

/// Every file of a root: its own, then its dependencies'.
pub fn root_files(db: &dyn salsa::Database, root: Root) -> Vec<File> {
    let mut files: Vec<File> = root.main(db).files().to_vec();
    for dep in root.deps(db) {
        files.extend(dep.files());
    }
    files
}

/// A file's syntax errors, kept apart from its syntax tree: the tree is dropped when not
/// used lately, and diagnostics computed again must not parse the file again for them.
#[salsa::tracked(returns(clone))]
pub fn syntax_errors(db: &dyn salsa::Database, file: File) -> Arc<Vec<Diagnostic>> {
    Arc::new(
        parse(db, file)
            .errors()
            .iter()
            .map(|e| Diagnostic::error(e.code(), e.message(), file.path(db).clone(), e.range()))
            .collect(),
    )
}

/// Diagnostics of one file as part of `root`: syntax errors and the file's own checks. Not
/// memoized: the checks are, and the positions are looked up only for what they found,
/// which spares salsa another memo per file to verify after every edit.
pub fn file_diagnostics(db: &dyn salsa::Database, root: Root, file: File) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = syntax_errors(db, file).to_vec();
    let check = file_check(db, root, file);
    out.extend(check.diags.iter().map(|d| to_diagnostic(db, d)));
    out
}

/// Every diagnostic of a root, files in order, each file's by position.
#[salsa::tracked(returns(clone))]
pub fn root_diagnostics(db: &dyn salsa::Database, root: Root) -> Arc<Vec<Diagnostic>> {
    let mut out: Vec<Diagnostic> = Vec::new();
    let files = root_files(db, root);
    let files_order: Vec<std::path::PathBuf> = files.iter().map(|f| f.path(db).clone()).collect();
    for file in files {
        out.extend(file_diagnostics(db, root, file));
    }
    out.extend(package_diagnostics(db, root).iter().cloned());
    with_dependency_report(db, root, &mut out);
    // Order: by file as the root lists them, then by position.
    let order: crate::fx::HashMap<&std::path::Path, usize> = files_order
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_path(), i))
        .collect();
    out.sort_by_cached_key(|d| {
        (
            order.get(d.file.as_path()).copied().unwrap_or(usize::MAX),
            d.range.start(),
            d.range.end(),
        )
    });
    out.dedup();
    Arc::new(out)
}

/// The diagnostics of one file of a root, by position, as [`root_diagnostics`] lists them
/// for that file: the edited file's, before the other files of a big package are checked.
pub fn root_file_diagnostics(db: &dyn salsa::Database, root: Root, file: File) -> Vec<Diagnostic> {
    let path = file.path(db);
    let mut out: Vec<Diagnostic> = file_diagnostics(db, root, file);
    out.extend(package_diagnostics(db, root).iter().cloned());
    with_dependency_report(db, root, &mut out);
    out.retain(|d| &d.file == path);
    out.sort_by_cached_key(|d| (d.range.start(), d.range.end()));
    out.dedup();
    out
}

/// What the dependency tools' files say, where the package has them.
fn with_dependency_report(db: &dyn salsa::Database, root: Root, out: &mut Vec<Diagnostic>) {
    if let Some(report) = dependency_report(db, root) {
        crate::deps::merge(out, &report);
    }
}

/// The dependency report of a root, kept between edits: it reads the outline of every file
/// (the packages each one names), which costs a big package's worth of work if redone on
/// every keystroke.
#[salsa::tracked(returns(clone))]
fn dependency_report(db: &dyn salsa::Database, root: Root) -> Option<Arc<crate::deps::DepsReport>> {
    let project = root.project(db).as_ref()?;
    Some(Arc::new(crate::deps::report(db, root, project)))
}

/// The diagnostics about the package as a whole: its graph, item names, cycles, unused
/// `use`s and worlds. They may be about any file of the root, or about a folder.
#[salsa::tracked(returns(clone))]
pub fn package_diagnostics(db: &dyn salsa::Database, root: Root) -> Arc<Vec<Diagnostic>> {
    let mut diags: Vec<Diag> = Vec::new();
    diags.extend(package_graph_diags(db, root).iter().cloned());
    diags.extend(package_items_diags(db, root).iter().cloned());
    diags.extend(cycles::cycle_diags(db, root).iter().cloned());
    diags.extend(crate::semantics::unused_use_diags(db, root).iter().cloned());
    let graph = package_graph(db, root);
    for (i, pkg) in graph.packages.iter().enumerate() {
        let PackageSrc::Wit { lists } = &pkg.src else {
            continue;
        };
        // The outlines say where the worlds are, and stay the same through edits inside
        // items, so that such an edit does not run this again.
        for &(file, list) in lists {
            let summary = crate::hir::file_summary(db, file);
            let Some(items) = summary.list(list) else {
                continue;
            };
            for item in &items.items {
                if item.kind == SummaryKind::World {
                    let id = ItemId {
                        pkg: crate::semantics::PkgId(i as u32),
                        name: item.name.name.clone(),
                    };
                    diags.extend(world_diags(db, root, id).iter().cloned());
                }
            }
        }
    }
    Arc::new(diags.iter().map(|d| to_diagnostic(db, d)).collect())
}

fn locate(db: &dyn salsa::Database, at: &At) -> (std::path::PathBuf, TextRange) {
    match at {
        At::Span(file, span) => (file.path(db).clone(), span_map(db, *file).range(*span)),
        At::FileStart(file) => (file.path(db).clone(), TextRange::empty(TextSize::new(0))),
        At::Binary(b) => (b.path(db).clone(), TextRange::empty(TextSize::new(0))),
        At::Path(p) => (p.clone(), TextRange::empty(TextSize::new(0))),
    }
}

fn to_diagnostic(db: &dyn salsa::Database, d: &Diag) -> Diagnostic {
    let (file, range) = locate(db, &d.at);
    let related = d
        .related
        .iter()
        .map(|(at, message)| {
            let (file, range) = locate(db, at);
            Related {
                file,
                range,
                message: message.clone(),
            }
        })
        .collect();
    Diagnostic {
        severity: d.severity,
        code: d.code,
        message: d.message.clone(),
        file,
        range,
        related,
        deprecated: d.tag == Some(DiagTag::Deprecated),
        unnecessary: d.tag == Some(DiagTag::Unnecessary),
    }
}

#[cfg(test)]
mod tests;
