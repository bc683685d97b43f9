//! `wit fmt` end to end: in place, `--check`, stdin, syntax errors and bad paths.

mod common;

use std::path::Path;

use common::*;

const MESSY: &str = "package demo:app;\ninterface types { record r { a: u32 } f: func( x: r ); }\n";
const TIDY: &str =
    "package demo:app;\ninterface types {\n  record r {\n    a: u32,\n  }\n  f: func(x: r);\n}\n";

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

#[test]
fn formats_the_package_in_wit_in_place_but_not_its_deps() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wit/types.wit", MESSY);
    write(
        dir.path(),
        "wit/world.wit",
        "package demo:app;\nworld w { import types; }\n",
    );
    write(
        dir.path(),
        "wit/deps/dep/dep.wit",
        "package demo:dep;\ninterface d {f:func();}\n",
    );
    write(dir.path(), "top.wit", "interface stays {f:func();}\n");
    let out = wit(&["fmt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(text(&out), "");
    assert_eq!(read(dir.path(), "wit/types.wit"), TIDY);
    assert_eq!(
        read(dir.path(), "wit/world.wit"),
        "package demo:app;\nworld w {\n  import types;\n}\n"
    );
    // Vendored dependencies are not ours to reformat; nor is what lies outside `wit/`.
    assert_eq!(
        read(dir.path(), "wit/deps/dep/dep.wit"),
        "package demo:dep;\ninterface d {f:func();}\n"
    );
    assert_eq!(read(dir.path(), "top.wit"), "interface stays {f:func();}\n");
}

#[test]
fn without_a_wit_folder_formats_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "types.wit", MESSY);
    let out = wit(&["fmt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(read(dir.path(), "types.wit"), TIDY);
}

#[test]
fn check_prints_a_diff_writes_nothing_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pkg/types.wit", MESSY);
    write(dir.path(), "pkg/tidy.wit", TIDY);
    let out = wit(&["fmt", "--check", "pkg"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&out), @r"
    --- pkg/types.wit
    +++ pkg/types.wit (formatted)
    @@ -1,2 +1,7 @@
     package demo:app;
    -interface types { record r { a: u32 } f: func( x: r ); }
    +interface types {
    +  record r {
    +    a: u32,
    +  }
    +  f: func(x: r);
    +}
    ");
    assert_eq!(stderr(&out), "1 file would be reformatted\n");
    assert_eq!(read(dir.path(), "pkg/types.wit"), MESSY);
}

#[test]
fn check_of_formatted_files_is_silent_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.wit", TIDY);
    let out = wit(&["fmt", "--check", "a.wit"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(text(&out), "");
}

#[test]
fn a_file_with_syntax_errors_is_reported_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let bad = "interface bad {\n  f: func()\n}\n";
    write(dir.path(), "wit/bad.wit", bad);
    write(dir.path(), "wit/good.wit", MESSY);
    let out = wit(&["fmt", "wit"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "wit/bad.wit:3:1: expected ';', found '}'\nwit/bad.wit: has syntax errors, left unchanged\n"
    );
    assert_eq!(read(dir.path(), "wit/bad.wit"), bad);
    // The other files are still formatted.
    assert_eq!(read(dir.path(), "wit/good.wit"), TIDY);
}

#[test]
fn invalid_utf8_is_reported_and_the_file_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = b"interface i {}\n// \xff\n";
    write(dir.path(), "bin.wit", bytes);
    let out = wit(&["fmt", "bin.wit"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("bin.wit:2:4: invalid UTF-8: WIT files must be UTF-8 text\n"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(dir.path().join("bin.wit")).unwrap(), bytes);
}

#[test]
fn a_missing_path_exits_2_and_names_it_but_the_others_are_formatted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.wit", MESSY);
    let out = wit(&["fmt", "nope.wit", "a.wit"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read nope.wit"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(dir.path(), "a.wit"), TIDY);
}

#[test]
fn crlf_files_keep_their_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.wit",
        "package a:b;\r\ninterface i {f: func();}\r\n",
    );
    let out = wit(&["fmt", "a.wit"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        read(dir.path(), "a.wit"),
        "package a:b;\r\ninterface i {\r\n  f: func();\r\n}\r\n"
    );
}

#[test]
fn stdin_is_formatted_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["fmt", "-"][..], &["fmt", "--stdin"][..]] {
        let out = wit_stdin(args, dir.path(), MESSY);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        assert_eq!(stdout(&out), TIDY);
    }
}

#[test]
fn stdin_check_prints_a_diff_and_exits_1_or_0() {
    let dir = tempfile::tempdir().unwrap();
    let out = wit_stdin(&["fmt", "--check", "-"], dir.path(), "interface i {}");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "--- <stdin>\n+++ <stdin> (formatted)\n@@ -1 +1 @@\n-interface i {}\n\\ No newline at end of file\n+interface i {}\n"
    );
    let out = wit_stdin(&["fmt", "--check", "-"], dir.path(), TIDY);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(text(&out), "");
}

#[test]
fn stdin_with_syntax_errors_prints_nothing_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = wit_stdin(&["fmt", "-"], dir.path(), "interface i {");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "<stdin>:1:14: expected '}', found end of file\n<stdin>: has syntax errors, not formatted\n"
    );
}

#[test]
fn stdin_and_paths_together_are_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.wit", MESSY);
    let out = wit(&["fmt", "-", "a.wit"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot be formatted together"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(dir.path(), "a.wit"), MESSY);
}

#[test]
fn help_describes_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = wit(&["fmt", "--help"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for word in ["--check", "--stdin", "deps/", "./wit"] {
        assert!(help.contains(word), "{word} missing from:\n{help}");
    }
}
