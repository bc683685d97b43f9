//! `invalid-lock-file`: a `wkg.lock`, `Cargo-component.lock` or `wit/deps.lock` that does not
//! parse, has a version witty does not know, or lacks what its tool always writes.

use crate::deps::fixture::{check, expect};

#[test]
fn a_wkg_lock_with_a_missing_digest() {
    let out = check(
        "//- wkg.lock\nversion = 1\n\n[[packages]]\nname = \"wasi:io\"\n\n[[packages.versions]]\nrequirement = \"=0.2.0\"\nversion = \"0.2.0\"\n//- wit/world.wit\npackage my:app;\n",
    );
    expect(
        &out,
        r#"tools: [wkg]
wkg.lock:6:1: error invalid-lock-file: a `[[packages.versions]]` entry of `wasi:io` needs `digest`, as in `digest = "sha256:<64 hex digits>"`
"#,
    );
}

#[test]
fn a_lock_cut_short() {
    let out = check(
        "//- wkg.lock\nversion = 1\n[[packages]]\nname = \"wasi:io\n//- wit/world.wit\npackage my:app;\n",
    );
    expect(
        &out,
        r#"tools: [wkg]
wkg.lock:3:16: error invalid-lock-file: this is not TOML: invalid basic string, expected `"`
"#,
    );
}
