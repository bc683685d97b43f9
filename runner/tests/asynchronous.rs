//! Components of the component model's async ABI: async-lifted exports are called, and the
//! async types (`stream`, `future`, `error-context`) are listed from the types alone.

mod common;

use common::{Fixture, no_cache};
use witty_runner::test_components::{async_adder, dummy_async};

#[test]
fn an_async_export_is_called() {
    let f = Fixture::new(&async_adder(), no_cache());
    insta::assert_snapshot!(f.call("add(1, 2)"), @"=> 3");
    insta::assert_snapshot!(f.call("add(4294967295, 1)"), @"=> 0");
}

#[test]
fn async_types_are_listed_without_compiling() {
    let f = Fixture::new(
        &dummy_async(
            r#"package test:streams;
            world w {
              export numbers: async func(n: u32) -> stream<u32>;
              export later: async func() -> future<string>;
              export oops: func() -> error-context;
              export sum: async func(s: stream<u32>) -> u64;
            }"#,
        ),
        no_cache(),
    );
    let listed: Vec<String> = f
        .loaded
        .exports()
        .unwrap()
        .into_iter()
        .map(|e| e.signature)
        .collect();
    assert_eq!(f.loaded.cache(), None, "listing compiled the component");
    insta::assert_snapshot!(listed.join("\n"), @"
    numbers: async func(n: u32) -> stream<u32>
    later: async func() -> future<string>
    oops: func() -> error-context
    sum: async func(s: stream<u32>) -> u64
    ");
    // wit-component 0.263 lifts these with canonical built-ins newer than wasmtime 48's
    // wasm-tools 0.254: the message says so, never that the component is invalid.
    insta::assert_snapshot!(f.call("sum(1)"), @"error (exit 2): comp.wasm: wasmtime 48.0.8, which witty runs components with, cannot run this component, though it is valid for the newer wasm-tools 0.263 that listed its exports: failed to parse WebAssembly module: invalid leading byte (0x2e) for canonical function (at offset 0x8b9)");
}
