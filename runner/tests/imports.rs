//! Imports witty does not provide: the message names the import (and the part of it that is
//! missing) with the flag that stubs it; with the flag, only what is missing is stubbed, so
//! the WASI functions the component uses keep working.

mod common;

use common::{ALLOC, Fixture, no_cache};
use witty_runner::RunOptions;
use witty_runner::test_components::component;

/// A world that imports WASI's environment at a patch version newer than witty's 0.2.12,
/// with a function that version does not have, and an interface nobody provides.
const WIT: &str = r#"
package test:imports;

world w {
  import wasi:cli/environment@0.2.99;
  import custom;
  export env-count: func() -> u32;
  export secret: func() -> u32;
  export custom: func() -> u32;
}

interface custom {
  ask: func() -> u32;
}

package wasi:cli@0.2.99 {
  interface environment {
    get-environment: func() -> list<tuple<string, string>>;
    get-secret: func() -> u32;
  }
}
"#;

const WAT: &str = r#"
(module
  (import "wasi:cli/environment@0.2.99" "get-environment" (func $get-env (param i32)))
  (import "wasi:cli/environment@0.2.99" "get-secret" (func $get-secret (result i32)))
  (import "test:imports/custom" "ask" (func $ask (result i32)))
  (func (export "env-count") (result i32)
    (call $get-env (i32.const 48))
    (i32.load (i32.const 52)))
  (func (export "secret") (result i32) (call $get-secret))
  (func (export "custom") (result i32) (call $ask))
  ALLOC
)
"#;

fn fixture(trap_unknown_imports: bool) -> Fixture {
    let options = RunOptions {
        env: vec![("A".into(), "1".into())],
        trap_unknown_imports,
        ..no_cache()
    };
    Fixture::new(&component(WIT, &WAT.replace("ALLOC", ALLOC)), options)
}

/// The outcome without the wasm backtrace, whose offsets say nothing here.
fn call(f: &Fixture, call: &str) -> String {
    f.call(call)
        .split("\nwasm backtrace:")
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn the_first_missing_part_is_named_with_the_flag() {
    let f = fixture(false);
    insta::assert_snapshot!(call(&f, "env-count()"), @"error (exit 1): comp.wasm: the component imports `wasi:cli/environment@0.2.99`, and witty's WASI 0.2.12 has no `get-secret` in it (witty provides WASI 0.2.12 and 0.3.0: wasi:cli, wasi:clocks, wasi:filesystem, wasi:io, wasi:random, wasi:sockets, and wasi:http 0.2.12); run with --trap-unknown-imports to run it anyway: a call of what is missing then traps");
}

#[test]
fn only_what_is_missing_is_stubbed() {
    let f = fixture(true);
    // WASI's own `get-environment`, found by the semver rule, is not replaced by a stub.
    insta::assert_snapshot!(call(&f, "env-count()"), @"=> 1");
    insta::assert_snapshot!(call(&f, "secret()"), @"error (exit 1): comp.wasm: `secret` called `wasi:cli/environment@0.2.99#get-secret`, an import witty does not provide: with --trap-unknown-imports such a call traps");
    insta::assert_snapshot!(call(&f, "custom()"), @"error (exit 1): comp.wasm: `custom` called `test:imports/custom#ask`, an import witty does not provide: with --trap-unknown-imports such a call traps");
    insta::assert_snapshot!(f.loaded.stubbed_imports().join("\n"), @"
    wasi:cli/environment@0.2.99#get-secret
    test:imports/custom#ask
    ");
}
