//! `wit test` in the runner: examples from doc comments and `test-*` exports, compared as
//! values of the result type.

mod common;

use common::{Fixture, no_cache};
use witty_runner::FuncDocs;
use witty_runner::test_components::component;

const WIT: &str = r#"
package test:suite@0.1.0;

interface calc {
  record point { x: s32, y: s32 }
  flags perms { read, write }
  add: func(a: u32, b: u32) -> u32;
  flip: func(p: point) -> point;
  toggle: func(p: perms) -> perms;
  halve: func(x: f64) -> f64;
  boom: func() -> u32;
}

world suite {
  export calc;
  export test-passes: func();
  export test-ok: func() -> result<_, string>;
  export test-err: func() -> result<_, string>;
  export test-traps: func();
  export test-takes-a-value: func(x: u32);
}
"#;

const WAT: &str = r#"
(module
  (func (export "test:suite/calc@0.1.0#add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func (export "test:suite/calc@0.1.0#flip") (param i32 i32) (result i32)
    (i32.store (i32.const 16) (local.get 1))
    (i32.store (i32.const 20) (local.get 0))
    (i32.const 16))
  (func (export "test:suite/calc@0.1.0#toggle") (param i32) (result i32)
    (i32.xor (local.get 0) (i32.const 1)))
  (func (export "test:suite/calc@0.1.0#halve") (param f64) (result f64)
    (f64.div (local.get 0) (f64.const 2)))
  (func (export "test:suite/calc@0.1.0#boom") (result i32) unreachable)
  (func (export "test-passes"))
  (func (export "test-ok") (result i32)
    (i32.store8 (i32.const 16) (i32.const 0))
    (i32.const 16))
  (func (export "test-err") (result i32)
    (i32.store8 (i32.const 16) (i32.const 1))
    (i32.store (i32.const 20) (i32.const 100))
    (i32.store (i32.const 24) (i32.const 11))
    (i32.const 16))
  (func (export "test-traps") unreachable)
  (func (export "test-takes-a-value") (param i32))
  (data (i32.const 100) "it is wrong")
  (memory (export "memory") 1)
)
"#;

fn docs(function: &str, lines: &str) -> FuncDocs {
    FuncDocs {
        instance: Some("test:suite/calc".into()),
        function: function.into(),
        docs: format!("Some text.\n\n```wave\n{lines}\n```\n"),
    }
}

/// The cases of the examples in `docs`, each on a line or two: verdict, name, call,
/// expected, and what came instead. The `test-*` exports are left to `check_tests`.
fn check(docs: &[FuncDocs]) -> String {
    show(docs, |case| case.line.is_some())
}

/// The cases of the `test-*` exports.
fn check_tests() -> String {
    show(&[], |case| case.line.is_none())
}

fn show(docs: &[FuncDocs], keep: impl Fn(&witty_runner::TestCase) -> bool) -> String {
    let fixture = Fixture::new(&component(WIT, WAT), no_cache());
    let mut text = String::new();
    for case in fixture.loaded.run_tests(docs).into_iter().filter(keep) {
        let verdict = if case.passed { "pass" } else { "FAIL" };
        let line = case
            .line
            .map(|l| format!(" (line {l})"))
            .unwrap_or_default();
        text.push_str(&format!(
            "{verdict} {}{line}: {} == {}",
            case.name,
            case.call,
            case.expected.as_deref().unwrap_or("-")
        ));
        if let Some(actual) = &case.actual
            && !case.passed
        {
            text.push_str(&format!(" / got {actual}"));
        }
        if let Some(error) = &case.error {
            let first = error.split("\nwasm backtrace:").next().unwrap();
            text.push_str(&format!("\n    {}", fixture.relative(first)));
        }
        text.push('\n');
    }
    text
}

#[test]
fn test_exports_alone() {
    insta::assert_snapshot!(check_tests(), @r#"
    pass test-passes: test-passes() == -
    pass test-ok: test-ok() == -
    FAIL test-err: test-err() == - / got err("it is wrong")
        it is wrong
    FAIL test-traps: test-traps() == -
        comp.wasm: `test-traps` trapped: wasm trap: wasm `unreachable` instruction executed
    "#);
}

#[test]
fn examples_compare_values_not_text() {
    insta::assert_snapshot!(check(&[
        docs("add", "add(1, 2) == 3\nadd(1, 2) ==   3\nadd(2, 2) == 5\nadd(1, 1)"),
        docs("flip", "flip({x: 1, y: -2}) == {y: 1, x: -2}"),
        docs("toggle", "toggle({write}) == {write, read}"),
        docs("halve", "halve(1) == 0.50\nhalve(nan) == nan"),
    ]), @"
    pass test:suite/calc@0.1.0.add (line 4): add(1, 2) == 3
    pass test:suite/calc@0.1.0.add (line 5): add(1, 2) == 3
    FAIL test:suite/calc@0.1.0.add (line 6): add(2, 2) == 5 / got 4
    pass test:suite/calc@0.1.0.add (line 7): add(1, 1) == -
    pass test:suite/calc@0.1.0.flip (line 4): flip({x: 1, y: -2}) == {y: 1, x: -2}
    pass test:suite/calc@0.1.0.toggle (line 4): toggle({write}) == {write, read}
    pass test:suite/calc@0.1.0.halve (line 4): halve(1) == 0.50
    pass test:suite/calc@0.1.0.halve (line 5): halve(nan) == nan
    ");
}

#[test]
fn broken_examples_say_why() {
    insta::assert_snapshot!(check(&[
        docs("add", "add(1) == 1\nadd(1, 2) == \"three\"\nsub(1, 2) == 0\nadd(1, 2 == 3"),
        docs("boom", "boom() == 1"),
    ]), @r#"
    FAIL test:suite/calc@0.1.0.add (line 4): add(1) == 1
        comp.wasm: `add` takes 2 arguments, 1 given
      add(1)
           ^
    expected: add: func(a: u32, b: u32) -> u32
    FAIL test:suite/calc@0.1.0.add (line 5): add(1, 2) == "three" / got 3
        the expected value `"three"` is not a `u32` in WAVE: invalid value type
    FAIL test:suite/calc@0.1.0.add (line 6): sub(1, 2) == 0
        comp.wasm: no exported function `sub` (`wit run comp.wasm` lists the exports)
    FAIL test:suite/calc@0.1.0.add (line 7): add(1, 2 == 3 == -
        comp.wasm: bad CALL: the arguments are not valid WAVE: invalid token
      add(1, 2 == 3
               ^
    FAIL test:suite/calc@0.1.0.boom (line 4): boom() == 1
        comp.wasm: `test:suite/calc@0.1.0.boom` trapped: wasm trap: wasm `unreachable` instruction executed
    "#);
}

#[test]
fn examples_may_name_other_functions_fully() {
    insta::assert_snapshot!(check(&[
        docs("add", "test:suite/calc@0.1.0.halve(3) == 1.5\ncalc.add(0, 0) == 0"),
    ]), @"
    pass test:suite/calc@0.1.0.add (line 4): test:suite/calc@0.1.0.halve(3) == 1.5
    pass test:suite/calc@0.1.0.add (line 5): calc.add(0, 0) == 0
    ");
}

#[test]
fn docs_for_functions_that_are_not_exported_are_ignored() {
    let mut other = docs("add", "add(1, 2) == 3");
    other.instance = Some("test:other/calc".into());
    insta::assert_snapshot!(check(&[other]), @"");
}
