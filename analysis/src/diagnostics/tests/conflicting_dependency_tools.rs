//! `conflicting-dependency-tools`: wkg and wit-deps both fill the same `deps/`; each fetch of
//! one undoes the other's.

use crate::deps::fixture::{check, expect};

#[test]
fn wkg_and_wit_deps() {
    let out = check(
        "//- wkg.lock\nversion = 1\n//- wit/deps.lock\n//- wit/world.wit\npackage my:app;\nworld app {}\n",
    );
    expect(
        &out,
        r#"tools: [wkg, wit-deps]
wit/deps.lock:1:1: warning conflicting-dependency-tools: both wit-deps (`wit/deps.lock`) and wkg (`wkg.lock`) fill `wit/deps`: `wkg wit fetch` deletes `deps/` and writes it anew, and `wit-deps` replaces the folders it manages, so each undoes the other; keep one tool
  related wkg.lock: the other tool's lock
"#,
    );
}
