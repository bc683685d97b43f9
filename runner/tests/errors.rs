//! Every way a call can go wrong says what is wrong and what would be right, names the file,
//! and sorts itself into usage (exit 2) or failure (exit 1).

mod common;

use std::sync::LazyLock;

use common::{Fixture, no_cache};
use witty_runner::test_components::{component, dummy};

/// Interfaces that share function names, so that bare names can be ambiguous.
const SHAPES: &str = r#"
package test:shapes@1.2.0;

interface circle {
  record info { radius: u32, label: string }
  get: func(id: u32) -> info;
  area: func(radius: f64) -> f64;
}

interface square {
  get: func(id: u32) -> u32;
  scale: func(side: u32, by: option<u32>, label: option<string>) -> u32;
}

world shapes {
  export circle;
  export square;
  export describe: func(name: string, sides: list<u8>) -> string;
}
"#;

static SHAPES_DUMMY: LazyLock<Fixture> = LazyLock::new(|| Fixture::new(&dummy(SHAPES), no_cache()));

fn check(call: &str) -> String {
    SHAPES_DUMMY.call(call)
}

#[test]
fn unknown_exports_list_the_close_ones() {
    insta::assert_snapshot!(check("descrbe(\"x\", [])"), @"error (exit 2): comp.wasm: no exported function `descrbe`; did you mean `describe`? (`wit run comp.wasm` lists the exports)");
    insta::assert_snapshot!(check("aera(1.0)"), @"error (exit 2): comp.wasm: no exported function `aera`; did you mean `test:shapes/circle@1.2.0.area`? (`wit run comp.wasm` lists the exports)");
    insta::assert_snapshot!(check("triangle.get(1)"), @"error (exit 2): comp.wasm: no exported function `triangle.get`; did you mean one of `test:shapes/circle@1.2.0.get`, `test:shapes/square@1.2.0.get`? (`wit run comp.wasm` lists the exports)");
    insta::assert_snapshot!(check("zzzzzz()"), @"error (exit 2): comp.wasm: no exported function `zzzzzz` (`wit run comp.wasm` lists the exports)");
}

#[test]
fn a_bare_name_in_several_interfaces_is_ambiguous() {
    insta::assert_snapshot!(check("get(1)"), @"error (exit 2): comp.wasm: `get` is exported by several interfaces; name one: `test:shapes/circle@1.2.0.get`, `test:shapes/square@1.2.0.get`");
}

#[test]
fn qualified_names_pick_one() {
    // The dummy traps when called; reaching that trap shows the name was found.
    let found = |call: &str| check(call).lines().next().unwrap().to_string();
    insta::assert_snapshot!(found("square.get(1)"), @"error (exit 1): comp.wasm: `test:shapes/square@1.2.0.get` trapped: wasm trap: wasm `unreachable` instruction executed");
    insta::assert_snapshot!(found("test:shapes/square.get(1)"), @"error (exit 1): comp.wasm: `test:shapes/square@1.2.0.get` trapped: wasm trap: wasm `unreachable` instruction executed");
    insta::assert_snapshot!(found("test:shapes/square@1.2.0.get(1)"), @"error (exit 1): comp.wasm: `test:shapes/square@1.2.0.get` trapped: wasm trap: wasm `unreachable` instruction executed");
}

#[test]
fn wrong_arguments_show_the_signature_and_the_span() {
    insta::assert_snapshot!(check("square.get(\"one\")"), @r#"
    error (exit 2): comp.wasm: argument `id` of `square.get` wants a value of type `u32`: invalid value type
      square.get("one")
                 ^^^^^
    expected: get: func(id: u32) -> u32
    "#);
    insta::assert_snapshot!(check("square.get(1, 2)"), @"
    error (exit 2): comp.wasm: `square.get` takes 1 argument, 2 given
      square.get(1, 2)
                    ^
    expected: get: func(id: u32) -> u32
    ");
    insta::assert_snapshot!(check("square.get()"), @"
    error (exit 2): comp.wasm: `square.get` takes 1 argument, 0 given
      square.get()
                ^^
    expected: get: func(id: u32) -> u32
    ");
    insta::assert_snapshot!(check("circle.get(-1)"), @"
    error (exit 2): comp.wasm: argument `id` of `circle.get` wants a value of type `u32`: invalid value
      circle.get(-1)
                 ^^
    expected: get: func(id: u32) -> info
    ");
    insta::assert_snapshot!(check("describe(\"x\", [1, 300])"), @r#"
    error (exit 2): comp.wasm: argument `sides` of `describe` wants a value of type `list<u8>`: invalid value
      describe("x", [1, 300])
                        ^^^
    expected: describe: func(name: string, sides: list<u8>) -> string
    "#);
    insta::assert_snapshot!(check("area({radius: 1})"), @"
    error (exit 2): comp.wasm: argument `radius` of `area` wants a value of type `f64`: invalid value type
      area({radius: 1})
           ^^^^^^^^^^^
    expected: area: func(radius: f64) -> f64
    ");
}

#[test]
fn trailing_options_may_be_left_out() {
    let found = |call: &str| check(call).lines().next().unwrap().to_string();
    insta::assert_snapshot!(found("scale(2)"), @"error (exit 1): comp.wasm: `test:shapes/square@1.2.0.scale` trapped: wasm trap: wasm `unreachable` instruction executed");
    insta::assert_snapshot!(found("scale(2, some(3))"), @"error (exit 1): comp.wasm: `test:shapes/square@1.2.0.scale` trapped: wasm trap: wasm `unreachable` instruction executed");
}

#[test]
fn bad_call_syntax() {
    insta::assert_snapshot!(check("describe"), @"
    error (exit 2): comp.wasm: bad CALL: a CALL is `name(arguments)`: arguments go in parentheses, as in `describe()`
      describe
      ^^^^^^^^
    ");
    insta::assert_snapshot!(check("describe(\"x\", [1, 2)"), @r#"
    error (exit 2): comp.wasm: bad CALL: the arguments are not valid WAVE: unexpected token: ParenClose
      describe("x", [1, 2)
                         ^
    "#);
    insta::assert_snapshot!(check("describe(\"x\") trailing"), @r#"
    error (exit 2): comp.wasm: bad CALL: the arguments are not valid WAVE: trailing characters after value
      describe("x") trailing
                    ^^^^^^^^
    "#);
}

/// A trap deep in the guest, and a component that imports what no host provides.
const FAULTY_WIT: &str = r#"
package test:faulty;

interface missing {
  do-it: func() -> u32;
}

world faulty {
  import missing;
  export crash: func(depth: u32) -> u32;
  export ask: func() -> u32;
  export fine: func() -> u32;
}
"#;

const FAULTY_WAT: &str = r#"
(module
  (import "test:faulty/missing" "do-it" (func $do-it (result i32)))
  (func $inner (param i32) (result i32)
    (if (i32.eqz (local.get 0)) (then unreachable))
    (call $middle (i32.sub (local.get 0) (i32.const 1))))
  (func $middle (param i32) (result i32) (call $inner (local.get 0)))
  (func (export "crash") (param i32) (result i32) (call $middle (local.get 0)))
  (func (export "ask") (result i32) (call $do-it))
  (func (export "fine") (result i32) (i32.const 42))
  (memory (export "memory") 1)
)
"#;

#[test]
fn an_unsatisfied_import_is_named() {
    let faulty = Fixture::new(&component(FAULTY_WIT, FAULTY_WAT), no_cache());
    insta::assert_snapshot!(faulty.call("fine()"), @"error (exit 1): comp.wasm: the component imports `test:faulty/missing`, which witty does not provide (it provides WASI 0.2.12 and 0.3.0: wasi:cli, wasi:clocks, wasi:filesystem, wasi:io, wasi:random, wasi:sockets, and wasi:http 0.2.12); run with --trap-unknown-imports to run it anyway: a call of what is missing then traps");
}

#[test]
fn trap_unknown_imports_runs_until_the_import_is_called() {
    let options = witty_runner::RunOptions {
        trap_unknown_imports: true,
        ..no_cache()
    };
    let faulty = Fixture::new(&component(FAULTY_WIT, FAULTY_WAT), options);
    insta::assert_snapshot!(faulty.call("fine()"), @"=> 42");
    insta::assert_snapshot!(faulty.call("ask()"), @"
    error (exit 1): comp.wasm: `ask` called `test:faulty/missing#do-it`, an import witty does not provide: with --trap-unknown-imports such a call traps
    wasm backtrace:
        0:     0xbe - <wasm function 4>
    ");
    insta::assert_snapshot!(faulty.call("crash(2)"), @"
    error (exit 1): comp.wasm: `crash` trapped: wasm trap: wasm `unreachable` instruction executed
    wasm backtrace:
        0:     0xa2 - inner
        1:     0xb2 - middle
        2:     0xab - inner
        3:     0xb2 - middle
        4:     0xab - inner
        5:     0xb2 - middle
        6:     0xb9 - <wasm function 3>
    ");
}

#[test]
fn resource_handles_cannot_be_written() {
    let wit = r#"
package test:res;
interface counters {
  resource counter {
    constructor(start: u32);
    get: func() -> u32;
  }
}
world res { export counters; }
"#;
    let res = Fixture::new(&dummy(wit), no_cache());
    insta::assert_snapshot!(res.call("[method]counter.get()"), @"
    error (exit 2): comp.wasm: `test:res/counters.[method]counter.get` takes a resource handle (`self`), which a CALL cannot write: call a function that makes the resource and uses it
    expected: [method]counter.get: func(self: borrow<counter>) -> u32
    ");
}
