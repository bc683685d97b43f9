//! `invalid-manifest`: a `wkg.toml`, `wit/deps.toml` or cargo-component metadata that its tool
//! would refuse: not TOML, a field it does not know, a value of the wrong kind.

use crate::deps::fixture::{check, expect};

#[test]
fn an_unknown_field_in_wkg_toml() {
    let out = check(
        "//- wkg.toml\n[metadata]\nauthors = \"Me\"\n[overides]\n//- wit/world.wit\npackage my:app;\n",
    );
    expect(
        &out,
        r#"tools: [wkg]
wkg.toml:3:2: error invalid-manifest: unknown field `overides` in wkg.toml: wkg refuses a manifest with fields it does not know; expected one of `workspace`, `overrides`, `metadata`
"#,
    );
}

#[test]
fn deps_toml_that_is_not_toml() {
    let out = check(
        "//- wit/deps.toml\nio = \"https://example.com/io.tar.gz\nclocks = 1\n//- wit/world.wit\npackage my:app;\n",
    );
    expect(
        &out,
        r#"tools: [wit-deps]
wit/deps.toml:1:36: error invalid-manifest: this is not TOML: invalid basic string, expected `"`
"#,
    );
}
