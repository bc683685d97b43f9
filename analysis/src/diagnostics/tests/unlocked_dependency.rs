//! `unlocked-dependency`: a lock exists, and a `deps/` entry is in none: it was put there by
//! hand or by another tool, and the next fetch may delete it.

use crate::deps::fixture::{check, expect};

#[test]
fn a_folder_wkg_lock_does_not_explain() {
    let out = check(
        "//- wkg.lock\nversion = 1\n//- wit/world.wit\npackage my:app;\nworld app { import my:tools/t; }\n//- wit/deps/tools/t.wit\npackage my:tools;\ninterface t {}\n",
    );
    expect(
        &out,
        r#"tools: [wkg]
folder [my:tools] wit/deps/tools: used; locked: []; declared: []; needs: []
wkg.lock:1:1: warning unlocked-dependency: `wit/deps/tools` (`my:tools`) is in `deps/` but `wkg.lock` does not lock it: it was put there by hand or by another tool, and `wkg wit fetch` may delete or replace it; declare it so that the lock has it, or remove it
"#,
    );
}
