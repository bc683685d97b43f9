//! `wit fmt` end to end: in place, `--check` (a diff `patch` applies), stdin, settings from
//! the command line, `witty.toml` and `.editorconfig`, syntax errors and bad paths.

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

/// A package written with four spaces, as the WASI repositories are.
const FOUR: &str = "package demo:app;\n\ninterface types {\n    record r {\n        a: u32,\n    }\n    f: func(x: r);\n}\n";

#[test]
fn config_on_the_command_line_sets_indentation_and_width() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.wit", FOUR);
    write(dir.path(), ".editorconfig", "root = true\n");
    let out = wit(
        &["fmt", "--check", "--config", "indent=4", "a.wit"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = wit(
        &[
            "fmt",
            "--config",
            "indent=tab",
            "--config",
            "max-width=15",
            "a.wit",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        read(dir.path(), "a.wit"),
        "package demo:app;\n\ninterface types {\n\trecord r {\n\t\ta: u32,\n\t}\n\tf: func(\n\t\tx: r,\n\t);\n}\n"
    );
}

#[test]
fn a_bad_config_on_the_command_line_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.wit", MESSY);
    for (arg, message) in [
        (
            "indent=four",
            "error: --config indent=four: `indent` takes a number of spaces (1 to 16), or \"tab\", not `four`\n",
        ),
        (
            "width=80",
            "error: --config width=80: unknown key `width`: the keys are indent, max-width, tab-width\n",
        ),
        (
            "indent",
            "error: --config indent: expected KEY=VALUE, such as indent=4\n",
        ),
    ] {
        let out = wit(&["fmt", "--config", arg, "a.wit"], dir.path());
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stderr(&out), message);
    }
    assert_eq!(read(dir.path(), "a.wit"), MESSY);
}

#[test]
fn witty_toml_and_editorconfig_above_the_file_are_used() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".editorconfig",
        "root = true\n[*.wit]\nindent_style = space\nindent_size = 4\n",
    );
    write(dir.path(), "a/wit/types.wit", FOUR);
    write(dir.path(), "b/witty.toml", "[fmt]\nindent = 3\n");
    write(dir.path(), "b/wit/types.wit", MESSY);
    let out = wit(&["fmt", "--check", "a/wit"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = wit(&["fmt", "b/wit"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(read(dir.path(), "b/wit/types.wit").contains("\n   record r {\n      a: u32,\n"));
    // The command line wins over both.
    let out = wit(
        &["fmt", "--check", "--config", "indent=2", "a/wit"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    // So does stdin, formatted as a file of the current folder.
    let out = wit_stdin(&["fmt", "-"], &dir.path().join("b"), MESSY);
    assert!(stdout(&out).contains("\n   record r {\n"), "{}", text(&out));
}

#[test]
fn bad_settings_are_named_once_and_the_defaults_used() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".editorconfig",
        "root = true\n[*.wit]\nmax_line_length = wide\n",
    );
    write(dir.path(), "witty.toml", "[fmt]\nindent = \"four\"\n");
    write(dir.path(), "wit/a.wit", MESSY);
    write(dir.path(), "wit/b.wit", MESSY);
    let out = wit(&["fmt", "wit"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let dir_name = dir.path().display().to_string();
    assert_eq!(
        stderr(&out).replace(&dir_name, "$DIR"),
        "warning: $DIR/.editorconfig:3: `max_line_length` takes a number from 10 to 10000, or `off`, not `wide`; it is not used\n\
         warning: $DIR/witty.toml:2:10: in [fmt]: `indent` takes a number of spaces (1 to 16), or \"tab\", not `\"four\"`; it is not used\n"
    );
    assert_eq!(read(dir.path(), "wit/a.wit"), TIDY);
    assert_eq!(read(dir.path(), "wit/b.wit"), TIDY);
}

#[test]
fn check_prints_a_diff_that_patch_applies() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".editorconfig", "root = true\n");
    write(dir.path(), "wit/a.wit", MESSY);
    write(dir.path(), "wit/crlf.wit", MESSY.replace('\n', "\r\n"));
    write(
        dir.path(),
        "wit/no-newline.wit",
        "package demo:app;\ninterface i {}",
    );
    write(dir.path(), "wit/tidy.wit", TIDY);
    let out = wit(&["fmt", "--check", "wit"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let patch = std::process::Command::new("patch")
        .args(["-p0", "--quiet", "--input", "-"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(&out.stdout)?;
            child.wait()
        })
        .expect("`patch` runs (scripts/test installs it)");
    assert!(patch.success());
    let out = wit(&["fmt", "--check", "wit"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(read(dir.path(), "wit/crlf.wit"), TIDY.replace('\n', "\r\n"));
}
