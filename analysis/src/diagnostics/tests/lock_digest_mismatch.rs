//! `lock-digest-mismatch`: a wkg lock's digest is not that of the binary package in `deps/`
//! (or of the cache blob named by it): the file changed since it was fetched.

use crate::deps::fixture::{check, check_written, encode, expect, write};

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

/// A wit-deps folder whose `.wit` files are not those locked: the digest is wit-deps' own
/// (a tar of the folder's `.wit` files), so the lock's `sha256` is checked offline.
#[test]
fn wit_deps_folder_edited() {
    let out = check(
        "//- wit/deps.toml\nio = \"https://github.com/WebAssembly/wasi-io/archive/v0.2.0.tar.gz\"\n//- wit/deps.lock\n[io]\nurl = \"https://github.com/WebAssembly/wasi-io/archive/v0.2.0.tar.gz\"\nsha256 = \"c9af6925e7fafbb554e2b6739161f9c4503262076d02c5c44f5cb93093dc2f51\"\nsha512 = \"f53b071e57597119145d5e8de06876fd00f9598ecdf0ef6a69a49287b3946a2c437367e41548878eaa06fcc09d981e94f6064e04e33c098b6c0c319692e7e707\"\n//- wit/world.wit\npackage my:app;\nworld app { import wasi:io/streams@0.2.0; }\n//- wit/deps/io/streams.wit\npackage wasi:io@0.2.0;\ninterface streams { resource input-stream; }\n//- wit/deps/io/extra.wit\ninterface extra { }\n",
    );
    expect(
        &out,
        r#"tools: [wit-deps]
folder [wasi:io@0.2.0] wit/deps/io: used; locked: [wit-deps wit/deps.lock]; declared: [wit-deps]; needs: []
wit/deps.lock:3:10: error lock-digest-mismatch: `wit/deps.lock` locks `io` with `sha256:c9af6925e7fafbb554e2b6739161f9c4503262076d02c5c44f5cb93093dc2f51`, but the `.wit` files of `wit/deps/io` hash to `sha256:e3441b09db1cef70206b9be7b872914e2e23428b90b8917bdbdf84f36f5aba7b` (as wit-deps hashes them: a tar of the folder's `.wit` files): they changed since they were locked; run `wit-deps lock` to fetch them again
  related wit/deps/io: the folder whose digest differs
"#,
    );
}
