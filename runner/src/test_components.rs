//! Small components built from WIT and WAT, for the tests of the runner and of `wit`
//! (the `test-components` feature). Panics say which input was wrong: these are test inputs.

use wit_component::{ComponentEncoder, StringEncoding, embed_component_metadata};
use wit_parser::{ManglingAndAbi, Resolve, WorldId};

/// A component of the single world in `wit`, whose core module is `wat`. The module follows
/// the canonical ABI by hand: exports named as wit-component expects (`add`,
/// `ns:pkg/iface#add`), `memory` and `cabi_realloc` when strings or lists cross.
pub fn component(wit: &str, wat: &str) -> Vec<u8> {
    let (resolve, world) = world(wit);
    let mut module = wat::parse_str(wat).unwrap_or_else(|e| panic!("bad test WAT: {e}"));
    encode(&resolve, world, &mut module)
}

/// A component of `world` whose core module is `module` (binary), for test tools that read
/// their WIT from disk.
pub fn component_of_module(resolve: &Resolve, world: WorldId, mut module: Vec<u8>) -> Vec<u8> {
    encode(resolve, world, &mut module)
}

/// A component of the world in `wit` whose every function traps (`unreachable`): for tests
/// where only the shape matters.
pub fn dummy(wit: &str) -> Vec<u8> {
    let (resolve, world) = world(wit);
    let mut module = wit_component::dummy_module(&resolve, world, ManglingAndAbi::Standard32);
    encode(&resolve, world, &mut module)
}

fn world(wit: &str) -> (Resolve, WorldId) {
    let mut resolve = Resolve::default();
    let package = resolve
        .push_str("test.wit", wit)
        .unwrap_or_else(|e| panic!("bad test WIT: {e:?}"));
    let world = resolve
        .select_world(&[package], None)
        .unwrap_or_else(|e| panic!("the test WIT needs one world: {e:?}"));
    (resolve, world)
}

fn encode(resolve: &Resolve, world: WorldId, module: &mut Vec<u8>) -> Vec<u8> {
    embed_component_metadata(module, resolve, world, StringEncoding::UTF8, false)
        .unwrap_or_else(|e| panic!("cannot embed the WIT: {e:?}"));
    ComponentEncoder::default()
        .module(module)
        .and_then(|encoder| encoder.validate(true).encode())
        .unwrap_or_else(|e| panic!("cannot make the component: {e:?}"))
}

/// A WASI 0.2 command (`wasi:cli/run@0.2.0`) that prints each of its arguments (its
/// `argv[0]` first) on a line of stdout as it goes; it returns `err` when given more than
/// two arguments, and spins forever after printing when its last argument is `spin`.
pub fn echo_command() -> Vec<u8> {
    component(ECHO_WIT, ECHO_WAT)
}

/// A component with one async-lifted export (the callback ABI of the component model's
/// async proposal): `add: async func(a: u32, b: u32) -> u32`.
pub fn async_adder() -> Vec<u8> {
    component(
        "package test:asy;\nworld w { export add: async func(a: u32, b: u32) -> u32; }\n",
        r#"(module
          (import "[export]$root" "[task-return]add" (func $return (param i32)))
          (func (export "[async-lift]add") (param i32 i32) (result i32)
            (call $return (i32.add (local.get 0) (local.get 1)))
            ;; EXIT: the task is done.
            (i32.const 0))
          (func (export "[callback][async-lift]add") (param i32 i32 i32) (result i32)
            unreachable)
          (memory (export "memory") 1))"#,
    )
}

/// A component of the world in `wit` whose every function traps, lifted with the async ABI
/// where the WIT says `async`: for listing `stream`, `future` and `error-context` types.
pub fn dummy_async(wit: &str) -> Vec<u8> {
    let (resolve, world) = world(wit);
    let mangling = ManglingAndAbi::Legacy(wit_parser::LiftLowerAbi::AsyncCallback);
    let mut module = wit_component::dummy_module(&resolve, world, mangling);
    encode(&resolve, world, &mut module)
}

const ECHO_WIT: &str = r#"
package test:echo;

world echo {
  import wasi:cli/stdout@0.2.0;
  import wasi:cli/environment@0.2.0;
  export wasi:cli/run@0.2.0;
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
  interface environment {
    get-arguments: func() -> list<string>;
  }
  interface run {
    run: func() -> result;
  }
}
"#;

const ECHO_WAT: &str = r#"
(module
  (import "wasi:cli/stdout@0.2.0" "get-stdout" (func $get-stdout (result i32)))
  (import "wasi:io/streams@0.2.0" "[method]output-stream.blocking-write-and-flush"
    (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.0" "[resource-drop]output-stream" (func $drop (param i32)))
  (import "wasi:cli/environment@0.2.0" "get-arguments" (func $get-args (param i32)))
  (func (export "wasi:cli/run@0.2.0#run") (result i32)
    (local $out i32) (local $list i32) (local $count i32) (local $i i32)
    (local $ptr i32) (local $len i32)
    (local.set $out (call $get-stdout))
    (call $get-args (i32.const 16))
    (local.set $list (i32.load (i32.const 16)))
    (local.set $count (i32.load (i32.const 20)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $ptr (i32.load (i32.add (local.get $list) (i32.mul (local.get $i) (i32.const 8)))))
        (local.set $len (i32.load (i32.add (local.get $list)
          (i32.add (i32.mul (local.get $i) (i32.const 8)) (i32.const 4)))))
        (call $write (local.get $out) (local.get $ptr) (local.get $len) (i32.const 32))
        (call $write (local.get $out) (i32.const 8) (i32.const 1) (i32.const 32))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (call $drop (local.get $out))
    ;; The last argument `spin`: never return.
    (if (i32.and (i32.eq (local.get $len) (i32.const 4))
                 (i32.eq (i32.load (local.get $ptr)) (i32.const 0x6e697073)))
      (then (loop $forever (br $forever))))
    (i32.gt_u (local.get $count) (i32.const 3)))
  (data (i32.const 8) "\n")
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and
      (i32.add (global.get $heap) (i32.sub (local.get 2) (i32.const 1)))
      (i32.xor (i32.sub (local.get 2) (i32.const 1)) (i32.const -1))))
    (global.set $heap (i32.add (local.get $p) (local.get 3)))
    (local.get $p))
)
"#;

/// A WASI 0.3 command (`wasi:cli/run@0.3.0`, an async export): it reads its arguments from
/// WASI 0.3's environment and returns `err` when given more than two.
pub fn p3_command() -> Vec<u8> {
    component(
        r#"
package test:p3;

world command {
  import wasi:cli/environment@0.3.0;
  export wasi:cli/run@0.3.0;
}

package wasi:cli@0.3.0 {
  interface environment {
    get-arguments: func() -> list<string>;
  }
  interface run {
    run: async func() -> result;
  }
}
"#,
        r#"(module
          (import "wasi:cli/environment@0.3.0" "get-arguments" (func $get-args (param i32)))
          (import "[export]wasi:cli/run@0.3.0" "[task-return]run"
            (func $return (param i32)))
          (func (export "[async-lift]wasi:cli/run@0.3.0#run") (result i32)
            (call $get-args (i32.const 16))
            (call $return (i32.gt_u (i32.load (i32.const 20)) (i32.const 3)))
            (i32.const 0))
          (func (export "[callback][async-lift]wasi:cli/run@0.3.0#run")
            (param i32 i32 i32) (result i32)
            unreachable)
          (memory (export "memory") 1)
          (global $heap (mut i32) (i32.const 4096))
          (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
            (local $p i32)
            (local.set $p (i32.and
              (i32.add (global.get $heap) (i32.sub (local.get 2) (i32.const 1)))
              (i32.xor (i32.sub (local.get 2) (i32.const 1)) (i32.const -1))))
            (global.set $heap (i32.add (local.get $p) (local.get 3)))
            (local.get $p)))"#,
    )
}

/// A `wasi:http/proxy@0.2.12` component whose core module is `wat`, built against the WIT of
/// the wasmtime-wasi-http this crate links (its `wit` folder in the cargo registry, found
/// through `cargo metadata`): the real `wasi:http` types, which a handler must match.
pub fn http_handler(wat: &str) -> Vec<u8> {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("cargo metadata: {e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    // The manifest path of the package, read without a JSON parser: the one line of
    // `cargo metadata` that names the crate's own folder.
    let marker = "wasmtime-wasi-http-48.0.8";
    let at = text
        .find(&format!("{marker}/Cargo.toml"))
        .unwrap_or_else(|| panic!("wasmtime-wasi-http 48.0.8 is not in cargo metadata"));
    let start = text[..at].rfind('"').map_or(0, |q| q + 1);
    let folder = std::path::PathBuf::from(&text[start..at + marker.len()]);
    let mut resolve = Resolve::default();
    let (package, _) = resolve
        .push_dir(folder.join("wit"))
        .unwrap_or_else(|e| panic!("the wasi:http WIT of wasmtime-wasi-http: {e:?}"));
    let world = resolve
        .select_world(&[package], Some("wasi:http/proxy@0.2.12"))
        .unwrap_or_else(|e| panic!("no proxy world: {e:?}"));
    let module = wat::parse_str(wat).unwrap_or_else(|e| panic!("bad test WAT: {e}"));
    component_of_module(&resolve, world, module)
}

/// A `wasi:http/incoming-handler` that answers every request with status 418 and no body.
pub const TEAPOT: &str = r#"
(module
  (import "wasi:http/types@0.2.12" "[constructor]fields" (func $fields (result i32)))
  (import "wasi:http/types@0.2.12" "[constructor]outgoing-response"
    (func $response (param i32) (result i32)))
  (import "wasi:http/types@0.2.12" "[method]outgoing-response.set-status-code"
    (func $status (param i32 i32) (result i32)))
  (import "wasi:http/types@0.2.12" "[static]response-outparam.set"
    (func $set (param i32 i32 i32 i32 i64 i32 i32 i32 i32)))
  (import "wasi:http/types@0.2.12" "[resource-drop]incoming-request" (func $drop (param i32)))
  (func (export "wasi:http/incoming-handler@0.2.12#handle") (param $request i32) (param $out i32)
    (local $response i32)
    (call $drop (local.get $request))
    (local.set $response (call $response (call $fields)))
    (drop (call $status (local.get $response) (i32.const 418)))
    ;; ok(response): the flat form of result<outgoing-response, error-code>, the error's
    ;; slots zero.
    (call $set (local.get $out) (i32.const 0) (local.get $response)
      (i32.const 0) (i64.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
  (memory (export "memory") 1)
)
"#;

/// The environment variable scripts/test sets to the folder of the components that
/// scripts/build_components.py built from tests/components with real toolchains.
pub const BUILT_VAR: &str = "WITTY_TEST_COMPONENTS";

/// `NAME.wasm` built by scripts/build_components.py, or `None` (with a line saying why on
/// stderr) when the tests run outside scripts/test and it was never built. Under scripts/test
/// (`$WITTY_TEST_COMPONENTS` set) a missing component fails the test instead of skipping it.
pub fn built(name: &str) -> Option<std::path::PathBuf> {
    let set = std::env::var_os(BUILT_VAR);
    let dir = match &set {
        Some(dir) => std::path::PathBuf::from(dir),
        None => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/test-components"),
    };
    let path = dir.join(format!("{name}.wasm"));
    if path.exists() {
        return Some(path);
    }
    if set.is_some() {
        panic!(
            "{} is missing although ${BUILT_VAR} is set: run scripts/build_components.py",
            path.display()
        );
    }
    eprintln!(
        "skipped: {} was not built (scripts/test builds it with scripts/build_components.py)",
        path.display()
    );
    None
}
