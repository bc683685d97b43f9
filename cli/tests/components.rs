//! `wit inspect`, `wit targets`, `wit plug` and `wit semver-check` end to end: components are
//! built here from WIT (a dummy core module with the world's shape, made a component by
//! wit-component), written to a temporary folder, and given to the real binary.

mod common;

use std::path::Path;

use common::*;
use insta::assert_snapshot;

/// Writes `name` under `dir`: a component with the shape of the only world of `wit`.
fn build(dir: &Path, name: &str, wit: &str) {
    let bytes = witty_analysis::component::dummy_component_from_wit(wit).unwrap();
    write(dir, name, bytes);
}

/// The smallest core module: the magic bytes and version 1.
const CORE_MODULE: &[u8] = b"\0asm\x01\0\0\0";

/// The exit code, then stdout and stderr.
fn run(args: &[&str], dir: &Path) -> String {
    let out = wit(args, dir);
    let t = text(&out);
    assert!(!t.contains("panicked"), "{t}");
    format!("exit {}\n{t}", out.status.code().unwrap_or(-1))
}

const CALC: &str = r#"package demo:calc@0.2.0;
interface math {
  add: func(a: s32, b: s32) -> s32;
}
world calc {
  import log: func(msg: string);
  export math;
}
"#;

#[test]
fn inspect_prints_wit_and_json() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "calc.wasm", CALC);
    assert_snapshot!(run(&["inspect", "calc.wasm"], dir.path()), @"
    exit 0
    package root:component;

    world root {
      import log: func(msg: string);

      export demo:calc/math@0.2.0;
    }
    package demo:calc@0.2.0 {
      interface math {
        add: func(a: s32, b: s32) -> s32;
      }
    }
    ");
    assert_snapshot!(run(&["inspect", "calc.wasm", "--json"], dir.path()), @r#"
    exit 0
    {
      "version": 1,
      "file": "calc.wasm",
      "world": "root",
      "imports": [
        {
          "name": "log",
          "kind": "function",
          "function": {
            "name": "log",
            "kind": "freestanding",
            "resource": null,
            "async": false,
            "params": [
              {
                "name": "msg",
                "type": "string"
              }
            ],
            "result": null
          }
        }
      ],
      "exports": [
        {
          "name": "demo:calc/math@0.2.0",
          "kind": "interface",
          "package": "demo:calc@0.2.0",
          "interface": "math",
          "types": [],
          "functions": [
            {
              "name": "add",
              "kind": "freestanding",
              "resource": null,
              "async": false,
              "params": [
                {
                  "name": "a",
                  "type": "s32"
                },
                {
                  "name": "b",
                  "type": "s32"
                }
              ],
              "result": "s32"
            }
          ]
        }
      ]
    }
    "#);
}

#[test]
fn inspect_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "core.wasm", CORE_MODULE);
    write(dir.path(), "garbage.wasm", "not wasm at all");
    build(dir.path(), "calc.wasm", CALC);
    let whole = std::fs::read(dir.path().join("calc.wasm")).unwrap();
    write(dir.path(), "truncated.wasm", &whole[..whole.len() - 10]);
    assert_snapshot!(run(&["inspect", "core.wasm"], dir.path()), @"
    exit 2
    error: core.wasm: this is a core WebAssembly module, not a component; make a component of it with `wasm-tools component new` (wit-component)
    ");
    assert_snapshot!(run(&["inspect", "garbage.wasm"], dir.path()), @r"
    exit 2
    error: garbage.wasm: not WebAssembly: a component starts with the bytes `\0asm` (or is WebAssembly text)
    ");
    assert_snapshot!(run(&["inspect", "truncated.wasm"], dir.path()), @"
    exit 2
    error: truncated.wasm: not a valid component: unexpected end-of-file (at offset 0x523)
    ");
    assert_snapshot!(run(&["inspect", "missing.wasm"], dir.path()), @"
    exit 2
    error: missing.wasm: cannot read file: No such file or directory (os error 2)
    ");
}

#[test]
fn targets() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "good.wasm", CALC);
    build(
        dir.path(),
        "bad.wasm",
        &CALC.replace("add: func(a: s32", "add: func(a: s64"),
    );
    write(dir.path(), "wit/calc.wit", CALC);
    assert_snapshot!(run(&["targets", "good.wasm", "wit"], dir.path()), @"
    exit 0
    good.wasm conforms to world demo:calc/calc@0.2.0
    ");
    assert_snapshot!(run(&["targets", "bad.wasm", "wit/calc.wit"], dir.path()), @"
    exit 1
    export demo:calc/math@0.2.0 > func add > param a: expected s32, found s64
    bad.wasm does not conform to world demo:calc/calc@0.2.0: 1 mismatch
    ");
}

#[test]
fn targets_world_selection_and_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "good.wasm", CALC);
    write(
        dir.path(),
        "two/calc.wit",
        format!("{CALC}world other {{ export math; }}\n"),
    );
    write(dir.path(), "core.wasm", CORE_MODULE);
    assert_snapshot!(run(&["targets", "good.wasm", "two"], dir.path()), @"
    exit 2
    error: two: package `demo:calc@0.2.0` has several worlds; choose one with --world: calc, other
    ");
    assert_snapshot!(run(&["targets", "good.wasm", "two", "--world", "nope"], dir.path()), @"
    exit 2
    error: two: package `demo:calc@0.2.0` has no world `nope`; its worlds are: calc, other
    ");
    assert_snapshot!(run(&["targets", "good.wasm", "two", "--world", "other"], dir.path()), @"
    exit 1
    import log: not allowed: world `other` does not import it
    good.wasm does not conform to world demo:calc/other@0.2.0: 1 mismatch
    ");
    assert_snapshot!(run(&["targets", "core.wasm", "two"], dir.path()), @"
    exit 2
    error: core.wasm: this is a core WebAssembly module, not a component; make a component of it with `wasm-tools component new` (wit-component)
    ");
}

const SOCKET: &str = r#"package demo:app@0.1.0;
world app {
  import demo:kv/store@0.2.0;
  import demo:log/sink@1.0.0;
  export run: func();
}
package demo:kv@0.2.0 {
  interface store { get: func(key: string) -> option<list<u8>>; }
}
package demo:log@1.0.0 {
  interface sink { log: func(msg: string); }
}
"#;

fn kv(version: &str, result: &str) -> String {
    format!(
        "package demo:kv-impl;\nworld kv {{ export demo:kv/store@{version}; }}\n\
         package demo:kv@{version} {{ interface store {{ get: func(key: string) -> {result}; }} }}\n"
    )
}

#[test]
fn plug_fills_and_composes() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "app.wasm", SOCKET);
    build(dir.path(), "kv.wasm", &kv("0.2.3", "option<list<u8>>"));
    assert_snapshot!(run(&["plug", "app.wasm", "kv.wasm", "-o", "out.wasm"], dir.path()), @"
    exit 0
    import demo:kv/store@0.2.0: filled by kv.wasm (export demo:kv/store@0.2.3; semver: 0.2.0 and 0.2.3 are both on the 0.2 track)
    import demo:log/sink@1.0.0: open (no plug exports it)
    wrote out.wasm
    ");
    assert_snapshot!(run(&["inspect", "out.wasm"], dir.path()), @"
    exit 0
    package root:component;

    world root {
      import demo:log/sink@1.0.0;

      export run: func();
    }
    package demo:log@1.0.0 {
      interface sink {
        log: func(msg: string);
      }
    }
    ");
}

#[test]
fn plug_rejections() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "app.wasm", SOCKET);
    build(dir.path(), "kv3.wasm", &kv("0.3.0", "option<list<u8>>"));
    build(dir.path(), "kv-string.wasm", &kv("0.2.0", "option<string>"));
    assert_snapshot!(run(&["plug", "app.wasm", "kv3.wasm", "kv-string.wasm"], dir.path()), @"
    exit 1
    import demo:kv/store@0.2.0: open (no plug exports it)
    import demo:log/sink@1.0.0: open (no plug exports it)
    import demo:kv/store@0.2.0: kv3.wasm does not fit (export demo:kv/store@0.3.0):
      version does not match: 0.2.0 and 0.3.0: below 1.0 the minor version is the compatibility track, and 0.2 is not 0.3
    import demo:kv/store@0.2.0: kv-string.wasm does not fit (export demo:kv/store@0.2.0):
      import demo:kv/store@0.2.0 > func get > result > option: expected list<u8>, found string
    kv3.wasm: fills no import of app.wasm
    kv-string.wasm: fills no import of app.wasm
    ");
}

#[test]
fn plug_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "app.wasm", SOCKET);
    build(dir.path(), "a.wasm", &kv("0.2.0", "option<list<u8>>"));
    build(dir.path(), "b.wasm", &kv("0.2.1", "option<list<u8>>"));
    write(dir.path(), "junk.wasm", b"\0asm\x0d\0\x01\0\xff\xff");
    assert_snapshot!(run(&["plug", "app.wasm", "a.wasm", "b.wasm"], dir.path()), @"
    exit 2
    import demo:log/sink@1.0.0: open (no plug exports it)
    error: import demo:kv/store@0.2.0 of app.wasm can be filled by more than one plug: a.wasm (export demo:kv/store@0.2.0) and b.wasm (export demo:kv/store@0.2.1); pass only one of them
    ");
    assert_snapshot!(run(&["plug", "app.wasm", "junk.wasm"], dir.path()), @"
    exit 2
    error: junk.wasm: not a valid component: malformed section id (at offset 0x8)
    ");
}

#[test]
fn semver_check() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "old/calc.wit", CALC);
    write(
        dir.path(),
        "same/calc.wit",
        CALC.replace("@0.2.0", "@0.2.1").replace(
            "  add: func",
            "  sub: func(a: s32, b: s32) -> s32;\n  add: func",
        ),
    );
    let breaking = CALC.replace("add: func(a: s32", "add: func(a: s64");
    write(
        dir.path(),
        "patch/calc.wit",
        breaking.replace("@0.2.0", "@0.2.1"),
    );
    write(
        dir.path(),
        "minor/calc.wit",
        breaking.replace("@0.2.0", "@0.3.0"),
    );
    build(dir.path(), "calc.wasm", CALC);
    assert_snapshot!(run(&["semver-check", "old", "same"], dir.path()), @"
    exit 0
    compatible changes:
      interface demo:calc/math: added func sub: func(a: s32, b: s32) -> s32
    needs: a patch bump (0.2.0 -> 0.2.1; below 1.0 a compatible change bumps the patch version)
    version: 0.2.0 -> 0.2.1: enough
    ");
    assert_snapshot!(run(&["semver-check", "old", "patch"], dir.path()), @"
    exit 1
    breaking changes:
      interface demo:calc/math > func add > param a: changed from s32 to s64
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.1 is not enough after 0.2.0: the changes need a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    ");
    assert_snapshot!(run(&["semver-check", "old/calc.wit", "minor/calc.wit"], dir.path()), @"
    exit 0
    breaking changes:
      interface demo:calc/math > func add > param a: changed from s32 to s64
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.0 -> 0.3.0: enough
    ");
    assert_snapshot!(run(&["semver-check", "old", "minor", "--world", "calc"], dir.path()), @"
    exit 0
    breaking changes:
      world calc > export demo:calc/math > func add > param a: changed from s32 to s64
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.0 -> 0.3.0: enough
    ");
    assert_snapshot!(run(&["semver-check", "old", "calc.wasm"], dir.path()), @"
    exit 2
    error: old and calc.wasm are not of one kind: compare two WIT packages or two components
    ");
}
