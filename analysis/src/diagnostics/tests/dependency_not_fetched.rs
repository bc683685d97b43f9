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
wit/world.wit:2:20: error dependency-not-fetched: package `wasi:io@0.2.0` is not fetched: `wkg.lock` locks it, but `deps/` does not have it (nor wkg's cache); run `wkg wit fetch` in the project folder (<dir>) (wkg installs with `cargo install wkg`)
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
wit/world.wit:2:20: error dependency-not-fetched: package `wasi:io@0.2.0` is not fetched: `wit/deps.toml` declares it, but `deps/` does not have it; run `wit-deps update` in the project folder (<dir>) (wit-deps installs with `cargo install wit-deps-cli`)
"#,
    );
}

/// A package folder other than `wit/`: wkg is told the folder, wit-deps its three paths.
#[test]
fn package_folder_not_named_wit() {
    let w = crate::deps::fixture::write(
        "//- wkg.lock\nversion = 1\n\n[[packages]]\nname = \"wasi:io\"\nregistry = \"wasi.dev\"\n\n[[packages.versions]]\nrequirement = \"=0.2.0\"\nversion = \"0.2.0\"\ndigest = \"$digest(wasi:io@0.2.0)\"\n//- api/world.wit\npackage my:app;\nworld app { import wasi:io/streams@0.2.0; }\n//- other/interfaces/deps.toml\ncli = \"https://github.com/WebAssembly/wasi-cli/archive/v0.2.0.tar.gz\"\n//- other/interfaces/world.wit\npackage my:other;\nworld other { import wasi:cli/run@0.2.0; }\n",
    );
    let out = crate::deps::fixture::check_written(&w, "api")
        + &crate::deps::fixture::check_written(&w, "other/interfaces");
    expect(
        &out,
        r#"tools: [wkg]
missing wasi:io@0.2.0 (needed by my:app); fetch: wkg wit fetch api
api/world.wit:2:20: error dependency-not-fetched: package `wasi:io@0.2.0` is not fetched: `wkg.lock` locks it, but `deps/` does not have it (nor wkg's cache); run `wkg wit fetch api` in the project folder (<dir>) (wkg installs with `cargo install wkg`)
tools: [wit-deps]
missing wasi:cli@0.2.0 (needed by my:other); fetch: wit-deps --manifest interfaces/deps.toml --lock interfaces/deps.lock --deps interfaces/deps update
other/interfaces/world.wit:2:22: error dependency-not-fetched: package `wasi:cli@0.2.0` is not fetched: `interfaces/deps.toml` declares it, but `deps/` does not have it; run `wit-deps --manifest interfaces/deps.toml --lock interfaces/deps.lock --deps interfaces/deps update` in the project folder (<dir>/other) (wit-deps installs with `cargo install wit-deps-cli`)
"#,
    );
}
