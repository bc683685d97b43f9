//! Listing a component's exports with their WIT signatures and docs, and calling the
//! functions of a resource.

mod common;

use common::{Fixture, no_cache};
use witty_runner::test_components::{component, dummy};

fn listing(fixture: &Fixture) -> String {
    let mut text = String::new();
    for export in fixture.loaded.exports().unwrap() {
        text.push_str(&format!("{}  =>  {}\n", export.name, export.signature));
        if let Some(docs) = &export.docs {
            text.push_str(&format!("    docs: {docs:?}\n"));
        }
    }
    text
}

#[test]
fn signatures_use_the_names_of_types() {
    let wit = r#"
package test:shapes@1.2.0;

interface circle {
  record info { radius: u32, label: string }
  /// Finds a circle.
  ///
  /// ```wave
  /// get(1) == {radius: 1, label: "one"}
  /// ```
  get: func(id: u32) -> info;
}

world shapes {
  flags perms { read, write }
  export circle;
  /// Says what a shape is.
  export describe: func(name: string, sides: list<u8>, p: perms) -> result<string, tuple<u32, option<f64>>>;
  export util: interface {
    reset: func();
  }
}
"#;
    // No `docs:` lines: wit-component keeps no doc comments in the components it makes, so
    // `wit test` reads examples from the WIT given beside the component.
    insta::assert_snapshot!(listing(&Fixture::new(&dummy(wit), no_cache())), @"
    describe  =>  describe: func(name: string, sides: list<u8>, p: perms) -> result<string, tuple<u32, option<f64>>>
    test:shapes/circle@1.2.0.get  =>  get: func(id: u32) -> info
    util.reset  =>  reset: func()
    ");
}

#[test]
fn a_component_made_by_hand() {
    // No world, no type exports: only what the component model itself requires. The file
    // is WebAssembly text, which the runner assembles.
    let text = r#"(component
          (core module $m
            (func (export "f") (param i32 i32) (result i32)
              (i32.store8 (i32.const 16) (i32.const 1))
              (i32.store (i32.const 20) (i32.add (local.get 0) (local.get 1)))
              (i32.const 16))
            (memory (export "memory") 1))
          (core instance $i (instantiate $m))
          (func (export "f") (param "p" (tuple u32 u32)) (result (option u32))
            (canon lift (core func $i "f") (memory (core memory $i "memory")))))"#;
    let fixture = Fixture::new(text.as_bytes(), no_cache());
    insta::assert_snapshot!(listing(&fixture), @"f  =>  f: func(p: tuple<u32, u32>) -> option<u32>");
    insta::assert_snapshot!(fixture.call("f((1, 2))"), @"=> some(3)");
}

const COUNTERS_WIT: &str = r#"
package test:res;

interface counters {
  resource counter {
    constructor(start: u32);
    get: func() -> u32;
  }
  /// Makes a counter at `n`, and reads it.
  round-trip: func(n: u32) -> u32;
}

world res { export counters; }
"#;

/// A counter's representation is the address of its value in memory.
const COUNTERS_WAT: &str = r#"
(module
  (import "[export]test:res/counters" "[resource-new]counter" (func $new (param i32) (result i32)))
  (import "[export]test:res/counters" "[resource-rep]counter" (func $rep (param i32) (result i32)))
  (global $next (mut i32) (i32.const 1024))
  (func $make (param $start i32) (result i32)
    (local $at i32)
    (local.set $at (global.get $next))
    (global.set $next (i32.add (global.get $next) (i32.const 4)))
    (i32.store (local.get $at) (local.get $start))
    (call $new (local.get $at)))
  (func (export "test:res/counters#[constructor]counter") (param i32) (result i32)
    (call $make (local.get 0)))
  (func (export "test:res/counters#[method]counter.get") (param i32) (result i32)
    (i32.load (local.get 0)))
  (func (export "test:res/counters#round-trip") (param i32) (result i32)
    (i32.load (call $rep (call $make (local.get 0)))))
  (func (export "test:res/counters#[dtor]counter") (param i32))
  (memory (export "memory") 1)
)
"#;

#[test]
fn resources() {
    let fixture = Fixture::new(&component(COUNTERS_WIT, COUNTERS_WAT), no_cache());
    insta::assert_snapshot!(listing(&fixture), @"
    test:res/counters.[constructor]counter  =>  [constructor]counter: func(start: u32) -> counter
    test:res/counters.[method]counter.get  =>  [method]counter.get: func(self: borrow<counter>) -> u32
    test:res/counters.round-trip  =>  round-trip: func(n: u32) -> u32
    ");
    insta::assert_snapshot!(fixture.call("round-trip(41)"), @"=> 41");
    insta::assert_snapshot!(fixture.call("[constructor]counter(5)"), @"=> <resource>");
    insta::assert_snapshot!(fixture.call("counters.[method]counter.get()"), @"
    error (exit 2): comp.wasm: `test:res/counters.[method]counter.get` takes a resource handle (`self`), which a CALL cannot write: call a function that makes the resource and uses it
    expected: [method]counter.get: func(self: borrow<counter>) -> u32
    ");
}
