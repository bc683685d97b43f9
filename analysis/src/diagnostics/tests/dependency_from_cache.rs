//! `dependency-from-cache`: a package that `deps/` lacks but a wkg lock pins, read from wkg's
//! cache (a blob named by its digest); an info note at the first place the package names it.

use crate::deps::fixture::{check, expect};

#[test]
fn a_locked_package_read_from_the_cache() {
    let out = check(
        "//- wkg.lock\nversion = 1\n\n[[packages]]\nname = \"wasi:io\"\nregistry = \"wasi.dev\"\n\n[[packages.versions]]\nrequirement = \"=0.2.0\"\nversion = \"0.2.0\"\ndigest = \"$digest(wasi:io@0.2.0)\"\n//- wit/world.wit\npackage my:app;\ninterface api {\n  use wasi:io/streams@0.2.0.{input-stream};\n  read: func(s: borrow<input-stream>);\n}\n//- cache\npackage wasi:io@0.2.0;\ninterface streams { resource input-stream; }\n",
    );
    expect(
        &out,
        r#"tools: [wkg]
cache [wasi:io@0.2.0] cache/sha256:22a75fe7…: used; locked: [wkg wkg.lock]; declared: []; needs: []
wit/world.wit:3:7: info dependency-from-cache: `wasi:io@0.2.0` is not in `deps/`: it is read from wkg's cache (`<dir>/cache/sha256:22a75fe774f4d11c14f8acbe6edfe3e7d9890b24c255b831015d17c35999b436`), as `wkg.lock` pins it; tools that read only `deps/` will not find it until `wkg wit fetch` puts it there
"#,
    );
}
