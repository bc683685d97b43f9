//! What an edit re-computes, counted from salsa's execution events: a doc comment edit
//! re-parses its file and re-runs no resolution; renaming a type re-resolves only the files
//! that refer to it.

use std::path::Path;

use witty_analysis::input::Root;
use witty_analysis::{AnalysisHost, ExecutionLog, Features, load_path};

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

const A: &str =
    "package demo:inc@1.0.0;\n\n/// Shapes.\ninterface a {\n  record point { x: u32, y: u32 }\n}\n";
const B: &str =
    "package demo:inc@1.0.0;\n\ninterface b {\n  use a.{point};\n  draw: func(p: point);\n}\n";
const C: &str = "package demo:inc@1.0.0;\n\ninterface c {\n  type id = string;\n  f: func(i: id);\n}\n\ninterface d {\n  use c.{id};\n  g: func(i: id);\n}\n\nworld w {\n  import d;\n  export c;\n}\n";

/// A host with the three files checked once (cleanly), and the log of what that ran.
fn checked_host() -> (tempfile::TempDir, AnalysisHost, Root, ExecutionLog) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.wit", A);
    write(dir.path(), "b.wit", B);
    write(dir.path(), "c.wit", C);
    let (mut host, log) = AnalysisHost::with_execution_log();
    let root = host.add_root(&load_path(dir.path()).unwrap(), Features::default());
    let diagnostics = host.diagnostics(root);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    (dir, host, root, log)
}

fn executed(log: &ExecutionLog) -> Vec<String> {
    std::mem::take(&mut *log.lock().unwrap())
}

fn count(log: &[String], query: &str) -> usize {
    log.iter()
        .filter(|e| e.starts_with(&format!("{query}(")))
        .count()
}

#[test]
fn doc_comment_edit_reparses_one_file_and_resolves_nothing() {
    let (dir, mut host, root, log) = checked_host();
    let first = executed(&log);
    assert_eq!(count(&first, "parse"), 3, "{first:#?}");
    assert_eq!(count(&first, "file_check"), 3, "{first:#?}");

    host.set_file_text(
        &dir.path().join("a.wit"),
        &A.replace("/// Shapes.", "/// Shapes, in two dimensions."),
    );
    assert!(host.diagnostics(root).is_empty());
    let after = executed(&log);
    assert_eq!(
        count(&after, "parse"),
        1,
        "only a.wit is parsed again: {after:#?}"
    );
    assert_eq!(
        count(&after, "file_check"),
        0,
        "no resolution re-runs: {after:#?}"
    );
    assert_eq!(count(&after, "interface_scope"), 0, "{after:#?}");
}

#[test]
fn renaming_a_type_re_resolves_only_its_dependents() {
    let (dir, mut host, root, log) = checked_host();
    executed(&log);

    host.set_file_text(&dir.path().join("a.wit"), &A.replace("point", "pos"));
    let diagnostics = host.diagnostics(root);
    // b.wit still names `point`, which is gone.
    assert!(
        diagnostics
            .iter()
            .any(|d| d.message.contains("`point` does not exist")),
        "{diagnostics:?}"
    );
    let after = executed(&log);
    assert_eq!(count(&after, "parse"), 1, "{after:#?}");
    // a.wit itself, and b.wit which uses it; not c.wit.
    assert_eq!(count(&after, "file_check"), 2, "{after:#?}");
}

/// The package-wide queries, which an edit inside one item must not re-run.
const PACKAGE_WIDE: &[&str] = &[
    "package_graph",
    "package_items",
    "package_items_diags",
    "package_graph_diags",
    "cycle_diags",
];

#[test]
fn adding_a_field_re_runs_no_package_wide_query() {
    let (dir, mut host, root, log) = checked_host();
    executed(&log);
    host.set_file_text(
        &dir.path().join("a.wit"),
        &A.replace("y: u32 }", "y: u32, z: u32 }"),
    );
    assert!(host.diagnostics(root).is_empty());
    let after = executed(&log);
    for query in PACKAGE_WIDE {
        assert_eq!(count(&after, query), 0, "{query}: {after:#?}");
    }
    // c.wit names nothing of a.wit: nothing of it runs again.
    assert!(
        !after
            .iter()
            .any(|e| e.contains("c.wit") && !e.starts_with("root_diagnostics")),
        "{after:#?}"
    );
}

#[test]
fn adding_a_function_before_others_re_runs_no_package_wide_query() {
    let (dir, mut host, root, log) = checked_host();
    executed(&log);
    host.set_file_text(
        &dir.path().join("c.wit"),
        &C.replace("  type id", "  g: func();\n  type id"),
    );
    assert!(host.diagnostics(root).is_empty());
    let after = executed(&log);
    for query in PACKAGE_WIDE {
        assert_eq!(count(&after, query), 0, "{query}: {after:#?}");
    }
}
