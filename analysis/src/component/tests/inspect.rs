//! Reading components: their world as WIT and as data, and every way a file can fail to be
//! a component.

use std::path::PathBuf;

use insta::assert_snapshot;

use super::{component, component_bytes};
use crate::component::{ItemShapeKind, decode_component};

const WIT: &str = r#"
package demo:shapes@1.2.0;
interface types {
  record point { x: u32, y: u32 }
  resource canvas {
    constructor(width: u32);
    draw: func(at: point, label: option<string>) -> result<_, string>;
  }
}
world app {
  import types;
  import log: func(msg: string);
  export run: func(args: list<string>) -> u32;
}
"#;

/// The shape as plain data, one line per item.
fn check_shape(wit: &str) -> String {
    let shape = component(wit).shape();
    let mut out = format!("world {}\n", shape.name);
    for (word, items) in [("import", &shape.imports), ("export", &shape.exports)] {
        for item in items {
            out.push_str(&format!("{word} {}\n", item.name));
            match &item.item {
                ItemShapeKind::Interface(i) => {
                    for t in &i.types {
                        out.push_str(&format!("  {}: {}\n", t.kind, t.definition));
                    }
                    for f in &i.functions {
                        let params: Vec<String> = f
                            .params
                            .iter()
                            .map(|p| format!("{}: {}", p.name, p.ty))
                            .collect();
                        out.push_str(&format!(
                            "  {} {}{} ({}) -> {}\n",
                            f.kind,
                            f.resource
                                .as_deref()
                                .map(|r| format!("{r}."))
                                .unwrap_or_default(),
                            f.name,
                            params.join(", "),
                            f.result.as_deref().unwrap_or("()")
                        ));
                    }
                }
                ItemShapeKind::Function(f) => out.push_str(&format!(
                    "  func -> {}\n",
                    f.result.as_deref().unwrap_or("()")
                )),
                ItemShapeKind::Type(t) => out.push_str(&format!("  {}\n", t.definition)),
            }
        }
    }
    out
}

#[test]
fn shape_as_data() {
    assert_snapshot!(check_shape(WIT), @"
    world root
    import demo:shapes/types@1.2.0
      resource: resource canvas
      record: record point { x: u32, y: u32 }
      constructor canvas.constructor (width: u32) -> canvas
      method canvas.draw (self: borrow<canvas>, at: point, label: option<string>) -> result<_, string>
    import log
      func -> ()
    export run
      func -> u32
    ");
}

#[test]
fn world_as_wit() {
    assert_snapshot!(component(WIT).wit_text(), @"
    package root:component;

    world root {
      import demo:shapes/types@1.2.0;
      import log: func(msg: string);

      export run: func(args: list<string>) -> u32;
    }
    package demo:shapes@1.2.0 {
      interface types {
        resource canvas {
          constructor(width: u32);
          draw: func(at: point, label: option<string>) -> result<_, string>;
        }

        record point {
          x: u32,
          y: u32,
        }
      }
    }
    ");
}

/// The message for bytes that are not a usable component.
fn check_error(bytes: &[u8]) -> String {
    match decode_component(PathBuf::from("bad.wasm"), bytes.to_vec()) {
        Ok(c) => format!(
            "read: {} imports, {} exports",
            c.shape().imports.len(),
            c.shape().exports.len()
        ),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_input() {
    assert_snapshot!(check_error(b""), @"bad.wasm: the file is empty; expected a WebAssembly component");
    assert_snapshot!(check_error(b"hello, world"), @r"bad.wasm: not WebAssembly: a component starts with the bytes `\0asm` (or is WebAssembly text)");
    assert_snapshot!(check_error(b"(component (type"), @"
    bad.wasm: not valid WebAssembly text: unexpected token, expected one of: `bool`, `s8`, `u8`, `s16`, `u16`, `s32`, `u32`, `s64`, `u64`, `f32`, `f64`, `float32`, `float64`, `char`, `string`, `error-context`
         --> <anon>:1:17
          |
        1 | (component (type
          |                 ^
    ");
    assert_snapshot!(check_error(b"\0asm\x01"), @"bad.wasm: truncated: the file ends inside the 8-byte WebAssembly header");
    assert_snapshot!(check_error(&wat::parse_str("(module)").unwrap()), @"bad.wasm: this is a core WebAssembly module, not a component; make a component of it with `wasm-tools component new` (wit-component)");
    let good = component_bytes(WIT);
    assert_snapshot!(check_error(&good[..good.len() / 2]), @"bad.wasm: not a valid component: unexpected end-of-file (at offset 0x3ad)");
    let mut garbage = good[..8].to_vec();
    garbage.extend(std::iter::repeat_n(0xff, 40));
    assert_snapshot!(check_error(&garbage), @"bad.wasm: not a valid component: malformed section id (at offset 0x8)");
}

#[test]
fn not_a_component_with_a_world() {
    // A component with nothing in it is a component of an empty world.
    assert_snapshot!(check_error(b"(component)"), @"read: 0 imports, 0 exports");
    // Importing a core module cannot be said in WIT.
    assert_snapshot!(check_error(b"(component (import \"m\" (core module)))"), @"bad.wasm: import `m` is a core module, which a WIT world cannot describe; only instances, functions and types can be imported and exported in WIT");
    // An encoded WIT package is not a component.
    let (resolve, world) = super::world(WIT);
    let package = resolve.worlds[world].package.unwrap();
    let encoded = wit_component::encode(&resolve, package, false).unwrap();
    assert_snapshot!(check_error(&encoded), @"bad.wasm: this is a WIT package encoded as WebAssembly, not a component: it has interfaces and worlds but no implementation (`wit check` reads it as a package)");
}
