//! Writes a small component for benchmarks and trying `wit run` by hand:
//! `cargo run -p witty-runner --features test-components --example make_component -- OUT.wasm [N]`.
//!
//! The component exports `add: func(a: u32, b: u32) -> u32`, `greet: func(name: string) ->
//! string` and `hello: func()`, which prints through WASI's stdout. N more internal
//! functions (default 0) make it as big as a real component, so that compiling it costs
//! what compiling one built from source would (N = 2000 gives about 200 KB of wasm).

use std::fmt::Write;

use witty_runner::test_components::component;

const WIT: &str = r#"
package bench:calc;

world calc {
  import wasi:cli/stdout@0.2.0;
  export add: func(a: u32, b: u32) -> u32;
  export greet: func(name: string) -> string;
  export hello: func();
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
}
"#;

/// `greet` answers "hello, NAME" by copying the name behind the greeting in memory.
const WAT: &str = r#"
(module
  (import "wasi:cli/stdout@0.2.0" "get-stdout" (func $get-stdout (result i32)))
  (import "wasi:io/streams@0.2.0" "[method]output-stream.blocking-write-and-flush"
    (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.0" "[resource-drop]output-stream" (func $drop (param i32)))
  (memory (export "memory") 2)
  (global $heap (mut i32) (i32.const 65536))
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (i32.add (local.get 3) (i32.const 8))))
    (local.get $p))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "greet") (param $ptr i32) (param $len i32) (result i32)
    (memory.copy (i32.const 1031) (local.get $ptr) (local.get $len))
    (i32.store (i32.const 16) (i32.const 1024))
    (i32.store (i32.const 20) (i32.add (local.get $len) (i32.const 7)))
    (i32.const 16))
  (func (export "hello")
    (local $out i32)
    (local.set $out (call $get-stdout))
    (call $write (local.get $out) (i32.const 2048) (i32.const 6) (i32.const 32))
    (call $drop (local.get $out)))
  (data (i32.const 1024) "hello, ")
  (data (i32.const 2048) "hello\n")
  FILLER
)
"#;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(out), filler) = (args.next(), args.next()) else {
        eprintln!("usage: make_component OUT.wasm [N]");
        std::process::exit(2);
    };
    let filler: usize = filler.map_or(0, |n| n.parse().expect("N is a number"));
    let bytes = component(WIT, &WAT.replace("FILLER", &filler_funcs(filler)));
    std::fs::write(&out, &bytes).expect("the component can be written");
    println!("{out}: {} bytes", bytes.len());
}

/// `n` functions that nothing calls but that wasmtime compiles all the same, each a small
/// loop of arithmetic so that the compiler has real work.
fn filler_funcs(n: usize) -> String {
    let mut text = String::new();
    for i in 0..n {
        let _ = write!(
            text,
            "(func $filler{i} (param $x i32) (result i32) (local $i i32)
              (block $done (loop $next
                (br_if $done (i32.ge_u (local.get $i) (i32.const {i})))
                (local.set $x (i32.xor (i32.mul (local.get $x) (i32.const 31))
                  (i32.add (local.get $i) (i32.const 7))))
                (local.set $x (i32.rotl (local.get $x) (i32.and (local.get $i) (i32.const 15))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $next)))
              (i32.add (local.get $x) (i32.load (i32.and (local.get $x) (i32.const 4092)))))\n"
        );
    }
    text
}
