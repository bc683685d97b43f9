//! `wit run` and `wit test` end to end: the real binary on components built in the test.

mod common;

use std::path::Path;
use std::process::Output;

use common::*;
use witty_runner::test_components::component;

const WIT: &str = r#"
package test:calc@0.1.0;

interface ops {
  /// Adds two numbers.
  ///
  /// ```wave
  /// add(1, 2) == 3
  /// add(4294967295, 1) == 0
  /// ```
  add: func(a: u32, b: u32) -> u32;

  /// Halves.
  ///
  /// ```wave
  /// halve(3) == 1.5
  /// ```
  halve: func(x: f64) -> f64;
}

world calc {
  export ops;
  export spin: func();
  export test-math: func() -> result<_, string>;
}
"#;

const WAT: &str = r#"
(module
  (func (export "test:calc/ops@0.1.0#add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func (export "test:calc/ops@0.1.0#halve") (param f64) (result f64)
    (f64.div (local.get 0) (f64.const 2)))
  (func (export "spin") (loop $forever (br $forever)))
  (func (export "test-math") (result i32)
    (i32.store8 (i32.const 16) (i32.const 0))
    (i32.const 16))
  (memory (export "memory") 1)
)
"#;

/// A folder with `calc.wasm` and its WIT in `wit/calc.wit`, and a private cache folder.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "calc.wasm", component(WIT, WAT));
    write(dir.path(), "wit/calc.wit", WIT);
    dir
}

/// `wit ARGS` with the cache in the test's folder, as `exit N` then stdout and stderr.
fn check(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    let mut text = format!("exit {}\n", out.status.code().unwrap_or(-1));
    text.push_str(&stdout(&out));
    let err = stderr(&out);
    if !err.is_empty() {
        text.push_str("--- stderr\n");
        text.push_str(&err);
    }
    text
}

fn run(dir: &Path, args: &[&str]) -> Output {
    wit_env(args, dir, &[("WITTY_CACHE_DIR", &dir.join("cache"))])
}

#[test]
fn calls_print_wave() {
    let dir = project();
    insta::assert_snapshot!(check(dir.path(), &["run", "calc.wasm", "add(1, 2)"]), @"
    exit 0
    3
    ");
    insta::assert_snapshot!(check(dir.path(), &["run", "calc.wasm", "test:calc/ops@0.1.0.halve(5)"]), @"
    exit 0
    2.5
    ");
    insta::assert_snapshot!(check(dir.path(), &["run", "calc.wasm", "ops.add(1, \"x\")"]), @r#"
    exit 2
    --- stderr
    error: calc.wasm: argument `b` of `ops.add` wants a value of type `u32`: invalid value type
      ops.add(1, "x")
                 ^^^
    expected: add: func(a: u32, b: u32) -> u32
    "#);
}

#[test]
fn no_call_lists_the_exports() {
    let dir = project();
    insta::assert_snapshot!(check(dir.path(), &["run", "calc.wasm"]), @"
    exit 0
    spin: func()
    test-math: func() -> result<_, string>
    test:calc/ops@0.1.0:
      add: func(a: u32, b: u32) -> u32
      halve: func(x: f64) -> f64
    ");
}

#[test]
fn limits_from_the_command_line() {
    let dir = project();
    insta::assert_snapshot!(check(dir.path(), &["run", "calc.wasm", "spin()", "--timeout", "0.2"]), @"
    exit 1
    --- stderr
    error: calc.wasm: `spin` did not finish within 0.2 s (the time limit; raise it with --timeout SECONDS, or --timeout 0 for none)
    wasm backtrace:
        0:     0xa5 - <wasm function 2>
    ");
    insta::assert_snapshot!(check(dir.path(), &["run", "calc.wasm", "spin()", "--fuel", "1000"]), @"
    exit 1
    --- stderr
    error: calc.wasm: `spin` ran out of fuel: it burned all 1000 units it was given (raise the limit with --fuel N)
    wasm backtrace:
        0:     0xa5 - <wasm function 2>
    ");
    insta::assert_snapshot!(check(dir.path(), &["run", "calc.wasm", "spin()", "--timeout", "soon"]), @"
    exit 2
    --- stderr
    error: invalid value 'soon' for '--timeout <SECONDS>': `soon` is not a number of seconds, such as `10` or `0.5` (or `0` for no limit)

    For more information, try '--help'.
    ");
    insta::assert_snapshot!(check(dir.path(), &["run", "calc.wasm", "add(1, 2)", "--max-memory", "lots"]), @"
    exit 2
    --- stderr
    error: invalid value 'lots' for '--max-memory <SIZE>': `lots` is not a size, such as `4096`, `64MiB` or `1GiB`

    For more information, try '--help'.
    ");
    insta::assert_snapshot!(check(dir.path(), &["run", "calc.wasm", "add(1, 2)", "--env", "novalue"]), @"
    exit 2
    --- stderr
    error: invalid value 'novalue' for '--env <K=V>': `novalue` is not K=V, such as `LANG=C`

    For more information, try '--help'.
    ");
}

#[test]
fn json_for_programs() {
    let dir = project();
    insta::assert_snapshot!(check(dir.path(), &["run", "calc.wasm", "add(1, 2)", "--format", "json"]), @r#"
    exit 0
    {"version":1,"ok":true,"result":"3","stdout":"","stderr":""}
    "#);
    insta::assert_snapshot!(check(dir.path(), &["run", "calc.wasm", "nope()", "--format", "json"]), @r#"
    exit 2
    {"version":1,"ok":false,"error":"calc.wasm: no exported function `nope` (`wit run calc.wasm` lists the exports)","stdout":"","stderr":""}
    "#);
    insta::assert_snapshot!(check(dir.path(), &["run", "missing.wasm", "add(1, 2)", "--format", "json"]), @r#"
    exit 2
    {"version":1,"ok":false,"error":"cannot read missing.wasm: no such file","stdout":"","stderr":""}
    "#);
    let listing = run(dir.path(), &["run", "calc.wasm", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&listing.stdout).unwrap();
    insta::assert_snapshot!(serde_json::to_string_pretty(&value).unwrap(), @r#"
    {
      "version": 1,
      "ok": true,
      "exports": [
        {
          "name": "spin",
          "instance": null,
          "function": "spin",
          "signature": "spin: func()",
          "docs": null
        },
        {
          "name": "test-math",
          "instance": null,
          "function": "test-math",
          "signature": "test-math: func() -> result<_, string>",
          "docs": null
        },
        {
          "name": "test:calc/ops@0.1.0.add",
          "instance": "test:calc/ops@0.1.0",
          "function": "add",
          "signature": "add: func(a: u32, b: u32) -> u32",
          "docs": null
        },
        {
          "name": "test:calc/ops@0.1.0.halve",
          "instance": "test:calc/ops@0.1.0",
          "function": "halve",
          "signature": "halve: func(x: f64) -> f64",
          "docs": null
        }
      ]
    }
    "#);
}

#[test]
fn json_of_a_trap_and_of_tests_that_cannot_run() {
    let dir = project();
    let trap = run(
        dir.path(),
        &[
            "run",
            "calc.wasm",
            "spin()",
            "--timeout",
            "0.1",
            "--format",
            "json",
        ],
    );
    assert_eq!(trap.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&trap.stdout).unwrap();
    let error = value["error"].as_str().unwrap();
    insta::assert_snapshot!(
        format!("ok: {}, result: {}, error: {}", value["ok"], value["result"], error.lines().next().unwrap()),
        @"ok: false, result: null, error: calc.wasm: `spin` did not finish within 0.1 s (the time limit; raise it with --timeout SECONDS, or --timeout 0 for none)"
    );
    insta::assert_snapshot!(check(dir.path(), &["test", "calc.wasm", "nowhere", "--format", "json"]), @r#"
    exit 2
    {"version":1,"ok":false,"passed":0,"failed":0,"cases":[],"error":"nowhere: cannot read: No such file or directory (os error 2) (WIT_PATH is the package folder or .wit file whose docs hold the examples)"}
    "#);
}

#[test]
fn sandbox_flags_that_cannot_work_are_usage() {
    let dir = project();
    insta::assert_snapshot!(check(dir.path(), &["run", "calc.wasm", "add(1, 2)", "--dir", "nowhere::/data"]), @"
    exit 2
    --- stderr
    error: calc.wasm: cannot open --dir nowhere: No such file or directory (os error 2)
    ");
}

#[test]
fn the_second_run_uses_the_cache() {
    let dir = project();
    assert_eq!(
        run(dir.path(), &["run", "calc.wasm", "add(1, 2)"])
            .status
            .code(),
        Some(0)
    );
    let entries = || std::fs::read_dir(dir.path().join("cache")).unwrap().count();
    assert_eq!(entries(), 1);
    assert_eq!(
        stdout(&run(dir.path(), &["run", "calc.wasm", "add(2, 2)"])),
        "4\n"
    );
    assert_eq!(entries(), 1);
}

#[test]
fn tests_from_a_wit_folder_a_file_and_none() {
    let dir = project();
    insta::assert_snapshot!(check(dir.path(), &["test", "calc.wasm", "wit"]), @"
    exit 0
    PASS test-math: test-math()
    PASS test:calc/ops@0.1.0.add: add(1, 2) == 3
    PASS test:calc/ops@0.1.0.add: add(4294967295, 1) == 0
    PASS test:calc/ops@0.1.0.halve: halve(3) == 1.5
    4 passed, 0 failed
    ");
    insta::assert_snapshot!(check(dir.path(), &["test", "calc.wasm", "wit/calc.wit"]), @"
    exit 0
    PASS test-math: test-math()
    PASS test:calc/ops@0.1.0.add: add(1, 2) == 3
    PASS test:calc/ops@0.1.0.add: add(4294967295, 1) == 0
    PASS test:calc/ops@0.1.0.halve: halve(3) == 1.5
    4 passed, 0 failed
    ");
    insta::assert_snapshot!(check(dir.path(), &["test", "calc.wasm"]), @"
    exit 0
    PASS test-math: test-math()
    1 passed, 0 failed
    --- stderr
    note: calc.wasm carries no doc comments, so only its test-* exports run; give WIT_PATH (its WIT folder or file) to run the examples in its docs
    ");
}

#[test]
fn only_runs_the_tests_of_one_export() {
    let dir = project();
    insta::assert_snapshot!(check(dir.path(), &["test", "calc.wasm", "wit", "--only", "test:calc/ops@0.1.0.add"]), @"
    exit 0
    PASS test:calc/ops@0.1.0.add: add(1, 2) == 3
    PASS test:calc/ops@0.1.0.add: add(4294967295, 1) == 0
    2 passed, 0 failed
    ");
    insta::assert_snapshot!(check(dir.path(), &["test", "calc.wasm", "wit", "--only", "halve"]), @"
    exit 0
    PASS test:calc/ops@0.1.0.halve: halve(3) == 1.5
    1 passed, 0 failed
    ");
    insta::assert_snapshot!(check(dir.path(), &["test", "calc.wasm", "wit", "--only", "nothing"]), @"
    exit 2
    --- stderr
    error: calc.wasm: --only nothing: no such export; the exports are spin, test-math, test:calc/ops@0.1.0.add, test:calc/ops@0.1.0.halve
    ");
}

#[test]
fn a_failing_example_fails_the_run() {
    let dir = project();
    write(
        dir.path(),
        "wrong/calc.wit",
        WIT.replace("add(1, 2) == 3", "add(1, 2) == 4")
            .replace("halve(3) == 1.5", "halve(3) == \"x\""),
    );
    insta::assert_snapshot!(check(dir.path(), &["test", "calc.wasm", "wrong"]), @r#"
    exit 1
    PASS test-math: test-math()
    FAIL test:calc/ops@0.1.0.add: add(1, 2) == 4
         got 3
    PASS test:calc/ops@0.1.0.add: add(4294967295, 1) == 0
    FAIL test:calc/ops@0.1.0.halve: halve(3) == "x"
         the expected value `"x"` is not a `f64` in WAVE: invalid value type
    2 passed, 2 failed
    "#);
    let json = run(
        dir.path(),
        &["test", "calc.wasm", "wrong", "--format", "json"],
    );
    assert_eq!(json.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    insta::assert_snapshot!(serde_json::to_string_pretty(&value["cases"][1]).unwrap(), @r#"
    {
      "name": "test:calc/ops@0.1.0.add",
      "call": "add(1, 2)",
      "expected": "4",
      "actual": "3",
      "passed": false,
      "error": null,
      "line": 4,
      "stdout": "",
      "stderr": ""
    }
    "#);
    insta::assert_snapshot!(format!("ok: {}, passed: {}, failed: {}", value["ok"], value["passed"], value["failed"]), @"ok: false, passed: 2, failed: 2");
}

#[test]
fn a_bad_wit_path_is_usage() {
    let dir = project();
    insta::assert_snapshot!(check(dir.path(), &["test", "calc.wasm", "nowhere"]), @"
    exit 2
    --- stderr
    error: nowhere: cannot read: No such file or directory (os error 2) (WIT_PATH is the package folder or .wit file whose docs hold the examples)
    ");
}

/// Files that are not components: each gets a message naming it, exit 2, and no panic.
#[test]
fn bad_input_is_named_and_exits_2() {
    let dir = project();
    let good = std::fs::read(dir.path().join("calc.wasm")).unwrap();
    write(dir.path(), "core.wasm", core_module());
    write(dir.path(), "cut.wasm", &good[..good.len() / 2]);
    write(
        dir.path(),
        "garbage.wasm",
        b"\0asm\x0d\0\x01\0garbage garbage",
    );
    write(dir.path(), "text.wasm", "(component (oops))");
    write(dir.path(), "empty.wasm", "");
    std::fs::create_dir(dir.path().join("folder.wasm")).unwrap();
    let mut all = String::new();
    for file in [
        "missing.wasm",
        "core.wasm",
        "cut.wasm",
        "garbage.wasm",
        "text.wasm",
        "empty.wasm",
        "folder.wasm",
    ] {
        let out = run(dir.path(), &["run", file, "f()"]);
        let text = text(&out);
        assert!(!text.contains("panicked"), "{text}");
        assert_eq!(out.status.code(), Some(2), "{file}: {text}");
        let test = run(dir.path(), &["test", file]);
        assert_eq!(
            test.status.code(),
            Some(2),
            "{file}: {}",
            common::text(&test)
        );
        all.push_str(&text);
    }
    insta::assert_snapshot!(all, @r"
    error: cannot read missing.wasm: no such file
    error: core.wasm: a core WebAssembly module, not a component: make one with `wasm-tools component new core.wasm -o component.wasm` (with `--adapt` for a WASI preview 1 module), or build for a component target such as wasm32-wasip2
    error: cut.wasm: not a valid component: failed to parse WebAssembly module: unexpected end-of-file (at offset 0x211) (the file is cut short: was it copied or built completely?)
    error: garbage.wasm: not a valid component: failed to parse WebAssembly module: unexpected end-of-file (at offset 0xa) (the file is cut short: was it copied or built completely?)
    error: text.wasm: not valid WebAssembly text: expected valid component field
         --> text.wasm:1:13
          |
        1 | (component (oops))
          |             ^
    error: empty.wasm: not a WebAssembly component (a binary .wasm starting with `\0asm`, or its text)
    error: cannot read folder.wasm: it is a folder, not a .wasm file
    ");
}

/// A core module: the magic number with version 1.
fn core_module() -> Vec<u8> {
    b"\0asm\x01\0\0\0".to_vec()
}
