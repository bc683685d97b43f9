//! The `wit` binary end to end: output formats and exit codes of `parse` and `check`.

mod common;

use std::path::Path;

use common::*;

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

#[test]
fn parse_prints_the_tree_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.wit", "package a:b;\n");
    let out = wit(&["parse", "a.wit"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!(stdout(&out), @r#"
    SOURCE_FILE@0..13
      PACKAGE_DECL@0..12
        PACKAGE_KW@0..7 "package"
        WHITESPACE@7..8 " "
        PACKAGE_NAME@8..11
          IDENT@8..9 "a"
          COLON@9..10 ":"
          IDENT@10..11 "b"
        SEMICOLON@11..12 ";"
      WHITESPACE@12..13 "\n"
    "#);
    assert_eq!(stderr(&out), "");
}

#[test]
fn parse_reports_syntax_errors_with_positions_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.wit", "interface i {\n  type a = u32\n}\n");
    let out = wit(&["parse", "bad.wit"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with("SOURCE_FILE@0..31"));
    assert_eq!(stderr(&out), "bad.wit:3:1: expected ';', found '}'\n");
}

#[test]
fn parse_of_invalid_utf8_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bin.wit", b"interface i {}\n// \xff\xfe\n");
    let out = wit(&["parse", "bin.wit"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "bin.wit:2:4: invalid UTF-8: WIT files must be UTF-8 text\n"
    );
}

#[test]
fn parse_of_a_missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = wit(&["parse", "nope.wit"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read nope.wit"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_of_the_examples_is_clean() {
    let out = wit(
        &["check", "examples/kv-store", "examples/calculator"],
        repo(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "checked 7 files: no problems\n");
}

fn broken_package(dir: &Path) {
    write(
        dir,
        "wit/types.wit",
        "package demo:app;\n\ninterface types {\n  type a = list<u32;\n}\n",
    );
    write(
        dir,
        "wit/world.wit",
        "package demo:app;\n\nworld w {\n  improt types;\n}\n",
    );
    write(
        dir,
        "wit/deps/dep/dep.wit",
        "package demo:dep;\ninterface d { f: func() }\n",
    );
}

#[test]
fn check_json_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    broken_package(dir.path());
    let out = wit(&["check", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    insta::assert_json_snapshot!(json, @r#"
    {
      "version": 1,
      "diagnostics": [
        {
          "severity": "error",
          "code": "syntax-error",
          "message": "expected '>', found ';'",
          "file": "wit/types.wit",
          "range": {
            "start": {
              "line": 4,
              "column": 20
            },
            "end": {
              "line": 4,
              "column": 21
            }
          },
          "related": []
        },
        {
          "severity": "error",
          "code": "syntax-error",
          "message": "expected `import`, `export`, `include`, `use`, or type definition, found identifier `improt`; did you mean `import`?",
          "file": "wit/world.wit",
          "range": {
            "start": {
              "line": 4,
              "column": 3
            },
            "end": {
              "line": 4,
              "column": 9
            }
          },
          "related": []
        },
        {
          "severity": "error",
          "code": "syntax-error",
          "message": "expected ';', found '}'",
          "file": "wit/deps/dep/dep.wit",
          "range": {
            "start": {
              "line": 2,
              "column": 25
            },
            "end": {
              "line": 2,
              "column": 26
            }
          },
          "related": []
        }
      ],
      "summary": {
        "errors": 3,
        "warnings": 0,
        "files": 3
      }
    }
    "#);
}

#[test]
fn check_human_shows_the_source_line() {
    let dir = tempfile::tempdir().unwrap();
    broken_package(dir.path());
    let out = wit(&["check", "wit/types.wit"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&out), @r"
    error[syntax-error]: expected '>', found ';'
      ┌─ wit/types.wit:4:20
      │
    4 │   type a = list<u32;
      │                    ^

    checked 1 file: 1 error, 0 warnings
    ");
}

#[test]
fn check_github_annotations() {
    let dir = tempfile::tempdir().unwrap();
    broken_package(dir.path());
    let out = wit(
        &["check", "--format", "github", "wit/types.wit"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "::error file=wit/types.wit,line=4,col=20,endLine=4,endColumn=21,title=wit(syntax-error)::expected '>', found ';'\n"
    );
}

#[test]
fn check_counts_columns_in_characters() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "u.wit",
        "interface i { /* é😀 */ type a = u32 }\n",
    );
    let out = wit(&["check", "--format", "github", "u.wit"], dir.path());
    assert!(stdout(&out).contains("line=1,col=37,"), "{}", stdout(&out));
}

#[test]
fn check_of_a_missing_path_exits_2_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = wit(&["check", "missing"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("missing: cannot read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_usage_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = wit(&["check", "--format", "yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

/// What `wit check` prints of each kind of diagnostic, in each format: errors and warnings
/// everywhere; hints (an unused name that is part of an API) in JSON and SARIF, counted by
/// the human summary, left out of GitHub annotations.
#[test]
fn check_prints_warnings_and_keeps_hints_for_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "wit/a.wit",
        "package a:b;\nuse types as unused;\ninterface types { type x = u8; }\ninterface api {\n  use types.{x};\n}\n",
    );
    let human = wit(&["check"], dir.path());
    assert_eq!(human.status.code(), Some(0), "{}", stderr(&human));
    insta::assert_snapshot!(stdout(&human), @"
    warning[unused-use]: `unused` is not used: no path in this file names it; remove this `use` (it only names `types` for this file)
      ┌─ wit/a.wit:2:14
      │
    2 │ use types as unused;
      │              ^^^^^^

    checked 1 file: 0 errors, 1 warning (1 hint, listed by `--format json`)
    ");
    let denied = wit(&["check", "--deny-warnings"], dir.path());
    assert_eq!(denied.status.code(), Some(1));
    let github = wit(&["check", "--format", "github"], dir.path());
    insta::assert_snapshot!(stdout(&github), @"::warning file=wit/a.wit,line=2,col=14,endLine=2,endColumn=20,title=wit(unused-use)::`unused` is not used: no path in this file names it; remove this `use` (it only names `types` for this file)");
    let json = wit(&["check", "--format", "json"], dir.path());
    let severities: Vec<String> = serde_json::from_str::<serde_json::Value>(&stdout(&json))
        .unwrap()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {}", d["severity"], d["code"]))
        .collect();
    assert_eq!(
        severities,
        [r#""warning" "unused-use""#, r#""hint" "unused-use""#]
    );
}
