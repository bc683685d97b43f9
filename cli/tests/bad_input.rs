//! `wit check` on hostile input: each case gets a clear diagnostic or an exit-2 message that
//! names the path, never a panic, a hang or a stack overflow, and the other files are still
//! checked.

mod common;

use std::process::Output;

use common::*;

fn no_crash(o: &Output) {
    let t = text(o);
    assert!(!t.contains("panicked") && !t.contains("overflow"), "{t}");
    assert!(
        o.status.code().is_some_and(|c| c <= 2),
        "killed or crashed: {:?}\n{t}",
        o.status
    );
}

#[test]
fn non_utf8_file_is_a_diagnostic_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pkg/a.wit",
        b"package a:b;\n// \xff\n interface i {}\n",
    );
    write(
        dir.path(),
        "pkg/b.wit",
        "package a:b;\ninterface j { type t = u32 }\n",
    );
    let out = wit(&["check", "pkg"], dir.path());
    no_crash(&out);
    assert_eq!(out.status.code(), Some(1));
    let t = text(&out);
    assert!(
        t.contains("invalid-utf8") && t.contains("pkg/a.wit:2:4"),
        "{t}"
    );
    assert!(t.contains("pkg/b.wit:2:28"), "b.wit is still checked: {t}");
}

#[cfg(unix)]
#[test]
fn unreadable_file_exits_2_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pkg/a.wit", "package a:b;\ninterface i {}\n");
    // A link to nothing: listed in the folder, but cannot be read.
    std::os::unix::fs::symlink("nowhere.wit", dir.path().join("pkg/b.wit")).unwrap();
    let out = wit(&["check", "pkg"], dir.path());
    no_crash(&out);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("pkg/b.wit"), "{}", text(&out));
}

#[test]
fn garbage_wasm_in_deps() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pkg/a.wit",
        "package a:b;\ninterface i { use c:d/x.{t}; }\n",
    );
    write(
        dir.path(),
        "pkg/deps/junk.wasm",
        b"\0asm\x01\0\0\0garbage garbage",
    );
    let out = wit(&["check", "pkg"], dir.path());
    no_crash(&out);
    assert_eq!(out.status.code(), Some(1));
    let t = text(&out);
    assert!(
        t.contains("pkg/deps/junk.wasm") && t.contains("failed to decode"),
        "{t}"
    );
}

#[test]
fn dependency_cycle_between_packages() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pkg/a.wit",
        "package a:main;\ninterface i { use a:one/x.{t}; }\n",
    );
    write(
        dir.path(),
        "pkg/deps/one/x.wit",
        "package a:one;\ninterface x { use a:two/y.{t}; }\n",
    );
    write(
        dir.path(),
        "pkg/deps/two/y.wit",
        "package a:two;\ninterface y { use a:one/x.{t}; }\n",
    );
    let out = wit(&["check", "pkg"], dir.path());
    no_crash(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("creates a dependency cycle"),
        "{}",
        text(&out)
    );
}

#[test]
fn two_packages_with_one_name() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pkg/a.wit", "package a:main;\ninterface i {}\n");
    write(
        dir.path(),
        "pkg/deps/one/x.wit",
        "package a:dup;\ninterface x {}\n",
    );
    write(
        dir.path(),
        "pkg/deps/two/y.wit",
        "package a:dup;\ninterface y {}\n",
    );
    let out = wit(&["check", "pkg"], dir.path());
    no_crash(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("package `a:dup` is defined in two different locations"),
        "{}",
        text(&out)
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pkg/a.wit", "package a:b;\ninterface i {}\n");
    std::os::unix::fs::symlink(
        dir.path().join("pkg/deps/loop"),
        dir.path().join("pkg/deps/loop"),
    )
    .ok();
    std::fs::create_dir_all(dir.path().join("pkg/deps")).unwrap();
    std::os::unix::fs::symlink("loop", dir.path().join("pkg/deps/loop")).unwrap();
    std::os::unix::fs::symlink("self.wit", dir.path().join("pkg/self.wit")).unwrap();
    let out = wit(&["check", "pkg"], dir.path());
    no_crash(&out);
    let t = text(&out);
    assert!(
        t.contains("self.wit") || t.contains("loop"),
        "the loop is named: {t}"
    );
}

#[test]
fn ten_thousand_deep_alias_chain() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = String::from("package a:deep;\ninterface i {\n  resource r;\n");
    for i in 0..10_000 {
        s.push_str(&format!("  type a{i} = a{};\n", i + 1));
    }
    s.push_str("  type a10000 = r;\n  f: func(x: borrow<a0>) -> a0;\n}\n");
    write(dir.path(), "deep.wit", &s);
    let out = wit(&["check", "deep.wit"], dir.path());
    no_crash(&out);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn missing_path_exits_2_and_other_paths_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ok.wit",
        "package a:b;\ninterface i { type t = u32 }\n",
    );
    let out = wit(&["check", "missing", "ok.wit"], dir.path());
    no_crash(&out);
    assert_eq!(out.status.code(), Some(2));
    let t = text(&out);
    assert!(t.contains("missing: cannot read"), "{t}");
    assert!(t.contains("ok.wit:2:28"), "{t}");
}

#[test]
fn a_crash_of_wit_parser_is_one_error_at_its_cause_without_a_backtrace() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pkg/a.wit",
        "package a:b;\n/**/\ninterface i {}\n",
    );
    write(dir.path(), "other/b.wit", "package a:c;\ninterface j {}\n");
    let out = wit(&["check", "pkg", "other", "--format", "json"], dir.path());
    no_crash(&out);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = json["diagnostics"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{json}");
    let d = &found[0];
    assert_eq!(d["code"], "wit-parser-crash");
    assert_eq!(
        d["range"]["start"],
        serde_json::json!({"line": 2, "column": 1})
    );
    assert!(d["message"].as_str().unwrap().contains("`/* */`"), "{d}");
    assert!(out.stderr.is_empty(), "{}", text(&out));
}
