//! `duplicate-dependency-version`: `deps/` holds two semver-compatible versions of one
//! package, where the newer alone would do.

use crate::deps::fixture::{check, expect};

#[test]
fn two_patch_versions() {
    let out = check(
        "//- wit/world.wit\npackage my:app;\nworld app {\n  import wasi:io/streams@0.2.0;\n  import wasi:io/error@0.2.1;\n}\n//- wit/deps/io-0.2.0.wit\npackage wasi:io@0.2.0;\ninterface streams {}\n//- wit/deps/io-0.2.1.wit\npackage wasi:io@0.2.1;\ninterface streams {}\ninterface error {}\n",
    );
    expect(
        &out,
        r#"tools: []
folder [wasi:io@0.2.0] wit/deps/io-0.2.0.wit: used; locked: []; declared: []; needs: []
folder [wasi:io@0.2.1] wit/deps/io-0.2.1.wit: used; locked: []; declared: []; needs: []
wit/world.wit:3:10: warning duplicate-dependency-version: `deps/` has both `wasi:io@0.2.0` and `wasi:io@0.2.1`; 0.2.1 is compatible with 0.2.0, so one would do: use `@0.2.1` everywhere and remove the older one
"#,
    );
}

#[test]
fn versions_that_are_not_compatible_are_not_reported() {
    let out = check(
        "//- wit/world.wit\npackage my:app;\nworld app {\n  import wasi:io/streams@0.2.0;\n  import wasi:io/streams@0.3.0;\n}\n//- wit/deps/io-0.2.0.wit\npackage wasi:io@0.2.0;\ninterface streams {}\n//- wit/deps/io-0.3.0.wit\npackage wasi:io@0.3.0;\ninterface streams {}\n",
    );
    expect(
        &out,
        r#"tools: []
folder [wasi:io@0.2.0] wit/deps/io-0.2.0.wit: used; locked: []; declared: []; needs: []
folder [wasi:io@0.3.0] wit/deps/io-0.3.0.wit: used; locked: []; declared: []; needs: []
"#,
    );
}
