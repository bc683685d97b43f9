//! `missing-package-header`: no file of the package has a `package` line; a header that
//! is there but malformed is reported as what it is, not as missing.

use super::check;

#[test]
fn no_header() {
    check(
        r#"
//| (from column 1) missing-package-header: no `package` header was found in any WIT file for this package; add a line such as `package my-namespace:my-package;` at the top of one of its files
interface i {}
"#,
    );
}

#[test]
fn a_malformed_header_is_the_one_error() {
    check(
        r#"
package a;
//       ^ syntax-error: expected ':', found ';'
interface i {}
"#,
    );
}

#[test]
fn a_header_with_a_bad_version() {
    check(
        r#"
package a:b@1.0;
//             ^ syntax-error: expected '.', found ';'
interface i {}
"#,
    );
}

/// What a folder on disk without `.wit` files gets: the root, and a folder of `deps/` (where
/// binary packages sit directly, not in subfolders, as wit-parser reads them).
#[test]
fn folders_without_wit_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("wit");
    std::fs::create_dir_all(root.join("v1")).unwrap();
    std::fs::write(root.join("v1/a.wit"), "package a:b;\n").unwrap();
    let found = |path: &std::path::Path| super::diagnostics_on_disk(dir.path(), path);
    insta::assert_debug_snapshot!(found(&root), @r#"
    [
        "wit: missing-package-header: no `.wit` files in this folder: a package is the `.wit` files directly in a folder (subfolders are not read, except `deps/` for dependencies); check the folder that holds them",
    ]
    "#);
    std::fs::create_dir_all(root.join("v1/deps/wasi")).unwrap();
    std::fs::write(root.join("v1/deps/wasi/io.wasm"), b"").unwrap();
    insta::assert_debug_snapshot!(found(&root.join("v1")), @r#"
    [
        "wit/v1/deps/wasi: missing-package-header: no `.wit` files in this folder of `deps/`: a dependency is a folder of `.wit` files, a single `.wit` file, or a binary package (`.wasm`/`.wat`) directly in `deps/`, not in a subfolder of it",
    ]
    "#);
}
