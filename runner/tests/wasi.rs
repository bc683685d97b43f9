//! WASI inside the sandbox: what the guest prints is captured, and it sees only the
//! environment variables it is given.

mod common;

use common::{ALLOC, Fixture, no_cache};
use witty_runner::RunOptions;
use witty_runner::test_components::component;

/// The parts of WASI 0.2.0 the guest uses, as the WASI packages declare them.
const WIT: &str = r#"
package test:hello;

world hello {
  import wasi:cli/stdout@0.2.0;
  import wasi:cli/stderr@0.2.0;
  import wasi:cli/environment@0.2.0;
  export hello: func() -> u32;
  export env-count: func() -> u32;
}

package wasi:io@0.2.0 {
  interface error {
    resource error;
  }
  interface streams {
    use error.{error};
    variant stream-error {
      last-operation-failed(error),
      closed,
    }
    resource output-stream {
      blocking-write-and-flush: func(contents: list<u8>) -> result<_, stream-error>;
    }
  }
}

package wasi:cli@0.2.0 {
  interface stdout {
    use wasi:io/streams@0.2.0.{output-stream};
    get-stdout: func() -> output-stream;
  }
  interface stderr {
    use wasi:io/streams@0.2.0.{output-stream};
    get-stderr: func() -> output-stream;
  }
  interface environment {
    get-environment: func() -> list<tuple<string, string>>;
  }
}
"#;

const WAT: &str = r#"
(module
  (import "wasi:cli/stdout@0.2.0" "get-stdout" (func $get-stdout (result i32)))
  (import "wasi:cli/stderr@0.2.0" "get-stderr" (func $get-stderr (result i32)))
  (import "wasi:io/streams@0.2.0" "[method]output-stream.blocking-write-and-flush"
    (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.0" "[resource-drop]output-stream" (func $drop (param i32)))
  (import "wasi:cli/environment@0.2.0" "get-environment" (func $get-env (param i32)))
  (func $print (param $stream i32) (param $ptr i32) (param $len i32)
    (call $write (local.get $stream) (local.get $ptr) (local.get $len) (i32.const 32))
    (call $drop (local.get $stream)))
  (func (export "hello") (result i32)
    (call $print (call $get-stdout) (i32.const 100) (i32.const 16))
    (call $print (call $get-stderr) (i32.const 200) (i32.const 8))
    (i32.const 1))
  (func (export "env-count") (result i32)
    (call $get-env (i32.const 48))
    (i32.load (i32.const 52)))
  (data (i32.const 100) "hello from wasm\n")
  (data (i32.const 200) "warning\n")
  ALLOC
)
"#;

fn fixture(options: RunOptions) -> Fixture {
    Fixture::new(&component(WIT, &WAT.replace("ALLOC", ALLOC)), options)
}

#[test]
fn stdout_and_stderr_are_captured() {
    insta::assert_snapshot!(fixture(no_cache()).call("hello()"), @r#"
    => 1
    stdout: "hello from wasm\n"
    stderr: "warning\n"
    "#);
}

#[test]
fn the_environment_is_empty_unless_given() {
    // The test process has variables of its own (PATH, HOME...); none reach the guest.
    assert!(std::env::vars().count() > 0);
    insta::assert_snapshot!(fixture(no_cache()).call("env-count()"), @"=> 0");
    let given = RunOptions {
        env: vec![("A".into(), "1".into()), ("B".into(), "2".into())],
        ..no_cache()
    };
    insta::assert_snapshot!(fixture(given).call("env-count()"), @"=> 2");
}
