//! `dependency-not-fetched`: a package that a manifest declares or a lock pins, but that no
//! `deps/` entry (nor wkg's cache) has; it replaces `unresolved-package` at that place and
//! says the exact command that fetches it.

use crate::deps::fixture::{check, expect};

#[test]
fn locked_by_wkg() {
    let out = check(
        "//- wkg.lock\nversion = 1\n\n[[packages]]\nname = \"wasi:io\"\nregistry = \"wasi.dev\"\n\n[[packages.versions]]\nrequirement = \"=0.2.0\"\nversion = \"0.2.0\"\ndigest = \"$digest(wasi:io@0.2.0)\"\n//- wit/world.wit\npackage my:app;\nworld app { import wasi:io/streams@0.2.0; }\n",
    );
    expect(
        &out,
        r#"tools: [wkg]
missing wasi:io@0.2.0 (needed by my:app); fetch: wkg wit fetch
wit/world.wit:2:20: error dependency-not-fetched: package `wasi:io@0.2.0` is not fetched: `wkg.lock` locks it, but `deps/` does not have it (nor wkg's cache); run `wkg wit fetch` in the project folder (<dir>)
"#,
    );
}

#[test]
fn declared_for_wit_deps() {
    let out = check(
        "//- wit/deps.toml\nio = \"https://github.com/WebAssembly/wasi-io/archive/v0.2.0.tar.gz\"\n//- wit/world.wit\npackage my:app;\nworld app { import wasi:io/streams@0.2.0; }\n",
    );
    expect(
        &out,
        r#"tools: [wit-deps]
missing wasi:io@0.2.0 (needed by my:app); fetch: wit-deps update
wit/world.wit:2:20: error dependency-not-fetched: package `wasi:io@0.2.0` is not fetched: `wit/deps.toml` declares it, but `deps/` does not have it; run `wit-deps update` in the project folder (<dir>)
"#,
    );
}
