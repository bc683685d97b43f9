//! A guest that loops forever, eats memory, recurses without end or burns fuel is stopped
//! within its limit with a clear message, and the host goes on: the next call works.

mod common;

use std::time::{Duration, Instant};

use common::{Fixture, no_cache};
use witty_runner::RunOptions;
use witty_runner::test_components::component;

const WIT: &str = r#"
package test:limits;

world limits {
  export spin: func();
  export bomb: func();
  export deep: func(n: u32) -> u32;
  export ok: func() -> u32;
}
"#;

const WAT: &str = r#"
(module
  (func (export "spin") (loop $forever (br $forever)))
  (func (export "bomb") (loop $more (drop (memory.grow (i32.const 160))) (br $more)))
  (func $deep (export "deep") (param i32) (result i32)
    (i32.add (call $deep (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
  (func (export "ok") (result i32) (i32.const 7))
  (memory (export "memory") 1)
)
"#;

fn fixture(options: RunOptions) -> Fixture {
    Fixture::new(&component(WIT, WAT), options)
}

/// The outcome without the backtrace, whose frames depend on where the guest was stopped.
fn check(fixture: &Fixture, call: &str) -> String {
    let text = fixture.call(call);
    text.split("\nwasm backtrace:").next().unwrap().to_string()
}

#[test]
fn an_infinite_loop_times_out() {
    let f = fixture(RunOptions {
        timeout: Some(Duration::from_millis(300)),
        ..no_cache()
    });
    let start = Instant::now();
    insta::assert_snapshot!(check(&f, "spin()"), @"error (exit 1): comp.wasm: `spin` did not finish within 0.3 s (the time limit; raise it with --timeout SECONDS, or --timeout 0 for none)");
    let took = start.elapsed();
    assert!(took < Duration::from_secs(3), "took {took:?}");
    assert!(took >= Duration::from_millis(300), "took {took:?}");
    insta::assert_snapshot!(check(&f, "ok()"), @"=> 7");
}

#[test]
fn a_memory_bomb_hits_the_memory_limit() {
    let f = fixture(RunOptions {
        max_memory: 64 << 20,
        ..no_cache()
    });
    insta::assert_snapshot!(check(&f, "bomb()"), @"error (exit 1): comp.wasm: `bomb` ran out of memory: a memory asked to grow to 70.1 MiB, past the limit of 64 MiB (raise it with --max-memory)");
    insta::assert_snapshot!(check(&f, "ok()"), @"=> 7");
}

#[test]
fn the_default_memory_limit_is_512_mib() {
    let f = fixture(no_cache());
    insta::assert_snapshot!(check(&f, "bomb()"), @"error (exit 1): comp.wasm: `bomb` ran out of memory: a memory asked to grow to 520.1 MiB, past the limit of 512 MiB (raise it with --max-memory)");
}

#[test]
fn deep_recursion_overflows_the_wasm_stack() {
    let f = fixture(no_cache());
    insta::assert_snapshot!(check(&f, "deep(0)"), @"error (exit 1): comp.wasm: `deep` overflowed the wasm call stack: its recursion is too deep or never ends");
    insta::assert_snapshot!(check(&f, "ok()"), @"=> 7");
}

#[test]
fn fuel_runs_out() {
    let f = fixture(RunOptions {
        fuel: Some(10_000),
        ..no_cache()
    });
    insta::assert_snapshot!(check(&f, "spin()"), @"error (exit 1): comp.wasm: `spin` ran out of fuel: it burned all 10000 units it was given (raise the limit with --fuel N)");
    insta::assert_snapshot!(check(&f, "ok()"), @"=> 7");
}
