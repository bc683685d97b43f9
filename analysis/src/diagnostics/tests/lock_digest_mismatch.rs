//! `lock-digest-mismatch`: a wkg lock's digest is not that of the binary package in `deps/`
//! (or of the cache blob named by it): the file changed since it was fetched.

use crate::deps::fixture::{check_written, encode, expect, write};

#[test]
fn a_binary_in_deps_changed_after_it_was_locked() {
    let w = write(
        "//- wkg.lock\nversion = 1\n\n[[packages]]\nname = \"wasi:io\"\n\n[[packages.versions]]\nrequirement = \"=0.2.0\"\nversion = \"0.2.0\"\ndigest = \"$digest(wasi:io@0.2.0)\"\n//- wit/world.wit\npackage my:app;\nworld app { import wasi:io/streams@0.2.0; }\n//- wit/deps/wasi-io-0.2.0.wasm\npackage wasi:io@0.2.0;\ninterface streams { resource input-stream; }\n",
    );
    let (_, changed) = encode(
        "package wasi:io@0.2.0;\ninterface streams { resource output-stream; resource input-stream; }\n",
    );
    std::fs::write(w.path().join("wit/deps/wasi-io-0.2.0.wasm"), changed).unwrap();
    let out = check_written(&w, "wit");
    expect(
        &out,
        r#"tools: [wkg]
folder [wasi:io@0.2.0] wit/deps/wasi-io-0.2.0.wasm: used; locked: [wkg wkg.lock]; declared: []; needs: []
wkg.lock:9:10: error lock-digest-mismatch: `wkg.lock` locks `wasi:io@0.2.0` with digest `sha256:22a75fe774f4d11c14f8acbe6edfe3e7d9890b24c255b831015d17c35999b436`, but `wit/deps/wasi-io-0.2.0.wasm` has digest `sha256:974123b72c1e92db2f9a12a27e4ea427792cac145f90fe2754c5ecbd32b12cee`: the file changed since it was fetched; run `wkg wit fetch` to fetch it again
  related wit/deps/wasi-io-0.2.0.wasm: the file whose digest differs
"#,
    );
}
