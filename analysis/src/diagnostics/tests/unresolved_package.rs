//! `unresolved-package`: a path `ns:pkg/item@version` whose package is neither the
//! root's nor in its `deps/`. The message says where witty looked and how `deps/` is filled;
//! "versions must match exactly" only when the name matched and the version did not.

use super::{check, check_crlf};

#[test]
fn nothing_in_deps() {
    check(
        r#"
package a:b;
interface api {
  use wasi:io/streams@0.2.0.{input-stream};
//    ^^^^^^^ unresolved-package: package `wasi:io@0.2.0` not found in `/wit/deps`: add it there as a folder of `.wit` files, a single `.wit` file, or a binary WIT package (`.wasm`/`.wat`) directly in `deps/` (`wkg wit fetch` or `wit-deps` fill `deps/` from a registry)
}
"#,
    );
}

#[test]
fn another_version_in_deps() {
    check(
        r#"
//- /wit/main.wit
package a:b;
interface api {
  use wasi:io/streams@0.2.1.{input-stream};
//    ^^^^^^^ unresolved-package: package `wasi:io@0.2.1` not found: only `wasi:io@0.2.0` is there (versions must match exactly)
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams { resource input-stream; }
"#,
    );
}

#[test]
fn a_version_missing_from_the_path() {
    check(
        r#"
//- /wit/main.wit
package a:b;
interface api {
  use wasi:io/streams.{input-stream};
//    ^^^^^^^ unresolved-package: package `wasi:io` not found: the path has no version, and only `wasi:io@0.2.0` is there; write its version, as in `wasi:io/streams@0.2.0`
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams { resource input-stream; }
"#,
    );
}

#[test]
fn other_packages_in_deps() {
    check(
        r#"
//- /wit/main.wit
package a:b;
world w {
  import wasi:cli/environment@0.2.0;
//       ^^^^^^^^ unresolved-package: package `wasi:cli@0.2.0` not found in `/wit/deps`: add it there as a folder of `.wit` files, a single `.wit` file, or a binary WIT package (`.wasm`/`.wat`) directly in `deps/` (`wkg wit fetch` or `wit-deps` fill `deps/` from a registry); it has `wasi:io@0.2.0`
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams { resource input-stream; }
"#,
    );
}

#[test]
fn with_crlf_line_ends() {
    check_crlf(
        r#"
//- /wit/main.wit
package a:b;
interface api {
  use wasi:io/streams@0.2.1.{input-stream};
//    ^^^^^^^ unresolved-package: package `wasi:io@0.2.1` not found: only `wasi:io@0.2.0` is there (versions must match exactly)
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams { resource input-stream; }
"#,
    );
}

#[test]
fn several_packages_in_one_file() {
    check(
        r#"
package a:b;
package x:y@1.0.0 {
  interface i { type t = u8; }
}
package x:z {
  interface j {
    use x:y/i@1.0.0.{t};
    use x:y/i@2.0.0.{t as u};
//      ^^^ unresolved-package: package `x:y@2.0.0` not found: only `x:y@1.0.0` is there (versions must match exactly)
    f: func(a: t, b: u);
  }
}
"#,
    );
}

/// A single `.wit` file checked on its own has no `deps/` (as `wasm-tools component wit
/// FILE` reads it); its folder has.
#[test]
fn a_single_file_has_no_deps() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.wit"),
        "package a:b;\ninterface i { use wasi:io/streams@0.2.0.{input-stream}; f: func(s: input-stream); }\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("deps")).unwrap();
    std::fs::write(
        dir.path().join("deps/io.wit"),
        "package wasi:io@0.2.0;\ninterface streams { resource input-stream; }\n",
    )
    .unwrap();
    let file = super::diagnostics_on_disk(dir.path(), &dir.path().join("a.wit"));
    insta::assert_debug_snapshot!(file, @r#"
    [
        "a.wit: unresolved-package: package `wasi:io@0.2.0` not found: a single `.wit` file has no dependencies; check its folder instead, with `wasi:io@0.2.0` in the folder's `deps/`",
    ]
    "#);
    let folder = super::diagnostics_on_disk(dir.path(), dir.path());
    assert_eq!(folder, Vec::<String>::new());
}
