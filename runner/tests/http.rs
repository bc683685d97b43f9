//! `wasi:http` 0.2: a component that imports it is linked to wasmtime-wasi-http, not refused;
//! requests it sends are the sandbox's business (see `http.rs`).

mod common;

use common::{ALLOC, Fixture, no_cache};
use witty_runner::test_components::component;

/// The part of `wasi:http/types` the guest uses: header fields.
const WIT: &str = r#"
package test:web;

world w {
  import wasi:http/types@0.2.0;
  export has-header: func(name: string) -> bool;
}

package wasi:http@0.2.0 {
  interface types {
    type field-name = string;
    resource fields {
      constructor();
      has: func(name: field-name) -> bool;
    }
  }
}
"#;

const WAT: &str = r#"
(module
  (import "wasi:http/types@0.2.0" "[constructor]fields" (func $new (result i32)))
  (import "wasi:http/types@0.2.0" "[method]fields.has" (func $has (param i32 i32 i32) (result i32)))
  (import "wasi:http/types@0.2.0" "[resource-drop]fields" (func $drop (param i32)))
  (func (export "has-header") (param i32 i32) (result i32)
    (local $fields i32) (local $has i32)
    (local.set $fields (call $new))
    (local.set $has (call $has (local.get $fields) (local.get 0) (local.get 1)))
    (call $drop (local.get $fields))
    (local.get $has))
  ALLOC
)
"#;

#[test]
fn a_wasi_http_import_is_provided() {
    let f = Fixture::new(&component(WIT, &WAT.replace("ALLOC", ALLOC)), no_cache());
    insta::assert_snapshot!(f.call(r#"has-header("content-type")"#), @"=> false");
}
