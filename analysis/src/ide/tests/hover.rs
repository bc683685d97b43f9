//! Hover.

use insta::assert_snapshot;

use crate::ide::fixture::Fixture;

fn check(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    let path = f.position().path.to_path_buf();
    match f.host.analysis().hover(f.position()).unwrap() {
        Some(h) => format!("{}\n{}", f.show(&path, h.range), h.markdown()),
        None => "(nothing)".to_string(),
    }
}

#[test]
fn record_with_docs_and_gate() {
    assert_snapshot!(check(r#"
package wasi:demo@0.2.0;
interface types {
  /// A point on the plane.
  ///
  /// Coordinates are in pixels.
  @since(version = 0.2.0)
  record point {
    /// Across.
    x: u32,
    y: u32,
  }
  move: func(p: poi$0nt) -> point;
}
"#), @r#"
    /wit/main.wit:13:17-13:22 "point"
    ```wit
    record point
    ```

    A point on the plane.

    Coordinates are in pixels.

    ---

    record of interface `wasi:demo/types@0.2.0`

    ```wit
    record point {
      x: u32,
      y: u32,
    }
    ```

    `@since(version = 0.2.0)`
    "#);
}

#[test]
fn function_and_method() {
    assert_snapshot!(check(r#"
package a:b;
interface i {
  resource file {
    constructor(path: string);
    /// Reads bytes.
    read: func(len: u64) -> result<list<u8>, string>;
  }
  open: func(path: string) -> fi$0le;
}
"#), @r#"
    /wit/main.wit:9:31-9:35 "file"
    ```wit
    resource file
    ```

    ---

    resource of interface `a:b/i`

    ```wit
    resource file {
      constructor(path: string);
      read: func(len: u64) -> result<list<u8>, string>;
    }
    ```
    "#);
    assert_snapshot!(check(r#"
package a:b;
interface i {
  resource file {
    /// Reads bytes.
    re$0ad: func(len: u64) -> result<list<u8>, string>;
  }
}
"#), @r#"
    /wit/main.wit:6:5-6:9 "read"
    ```wit
    read: func(len: u64) -> result<list<u8>, string>
    ```

    Reads bytes.

    ---

    method of resource `file` in interface `a:b/i`
    "#);
}

#[test]
fn alias_resolves_through_chain_and_use() {
    assert_snapshot!(check(r#"
//- /wit/a.wit
package a:b@1.0.0;
interface types {
  type bytes = list<u8>;
  type payload = bytes;
}
//- /wit/b.wit
package a:b@1.0.0;
interface api {
  use types.{payload};
  send: func(p: pay$0load);
}
"#), @r#"
    /wit/b.wit:4:17-4:24 "payload"
    ```wit
    type payload = bytes
    ```

    ---

    type of interface `a:b/types@1.0.0`

    Resolves to `list<u8>`
    "#);
}

#[test]
fn deprecated_item_from_dependency() {
    assert_snapshot!(check(r#"
//- /wit/main.wit
package a:b;
interface api {
  use wasi:io/streams@0.2.0.{input-st$0ream};
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams {
  /// A stream of bytes.
  @deprecated(version = 0.2.0)
  @since(version = 0.1.0)
  resource input-stream;
}
"#), @r#"
    /wit/main.wit:3:30-3:42 "input-stream"
    ```wit
    resource input-stream
    ```

    A stream of bytes.

    ---

    resource of interface `wasi:io/streams@0.2.0`

    `@deprecated(version = 0.2.0)` · `@since(version = 0.1.0)`
    "#);
}

#[test]
fn package_interface_and_field() {
    assert_snapshot!(check(r#"
//- /wit/main.wit
package a:b;
world w { import wasi:io/str$0eams@0.2.0; }
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
/// Byte streams.
interface streams {
  resource input-stream;
  resource output-stream;
}
"#), @r#"
    /wit/main.wit:2:26-2:33 "streams"
    ```wit
    interface streams
    ```

    Byte streams.

    ---

    interface `wasi:io/streams@0.2.0`

    ```wit
    interface streams {
      resource input-stream;
      resource output-stream;
    }
    ```
    "#);
    assert_snapshot!(check(r#"
package a:b;
interface i { record r { /// The size.
  si$0ze: u64 } }
"#), @r#"
    /wit/main.wit:4:3-4:7 "size"
    ```wit
    size: u64
    ```

    The size.

    ---

    field of `r` in interface `a:b/i`
    "#);
}

#[test]
fn builtins_and_nothing() {
    assert_snapshot!(check("package a:b;\ninterface i { f: func() -> bor$0row<x>; }\n"), @r#"
    /wit/main.wit:2:28-2:34 "borrow"
    ```wit
    borrow
    ```

    `borrow<R>`: a handle to a resource `R` lent for the duration of a call; only allowed in parameters.
    "#);
    assert_snapshot!(check("package a:b;\ninterface i { f: func() -> u$032; }\n"), @r#"
    /wit/main.wit:2:28-2:31 "u32"
    ```wit
    u32
    ```

    An unsigned 32-bit integer (0 to 4,294,967,295).
    "#);
    assert_snapshot!(check("package a:b;\ninterface i { f: func()$0; }\n"), @"(nothing)");
}

#[test]
fn long_interface_is_cut_short() {
    let mut text = String::from("package a:b;\ninterface bi$0g {\n");
    for i in 0..40 {
        text.push_str(&format!("  f{i}: func();\n"));
    }
    text.push_str("}\n");
    assert_snapshot!(check(&text), @r#"
    /wit/main.wit:2:11-2:14 "big"
    ```wit
    interface big
    ```

    ---

    interface `a:b/big`

    ```wit
    interface big {
      f0: func();
      f1: func();
      f2: func();
      f3: func();
      f4: func();
      f5: func();
      f6: func();
      f7: func();
      f8: func();
      f9: func();
      f10: func();
      f11: func();
      f12: func();
      f13: func();
      f14: func();
      f15: func();
      f16: func();
      f17: func();
      f18: func();
      f19: func();
      f20: func();
      ...
    }
    ```
    "#);
}

#[test]
fn package_lists_its_items() {
    assert_snapshot!(check(r#"
//- /wit/main.wit
package a:b;
world w { import wasi:i$0o/streams@0.2.0; }
//- /wit/deps/io/streams.wit
/// Input and output.
package wasi:io@0.2.0;
interface streams { resource input-stream; }
interface error { resource error; }
world imports { import streams; }
"#), @r#"
    /wit/main.wit:2:18-2:25 "wasi:io"
    ```wit
    package wasi:io@0.2.0
    ```

    Input and output.

    ---

    package `wasi:io@0.2.0` (a dependency)

    Interfaces: `streams`, `error`  
    Worlds: `imports`
    "#);
}

/// The hover as plain text, for clients that show no Markdown.
fn check_plain(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    match f.host.analysis().hover(f.position()).unwrap() {
        Some(h) => h.plain_text(),
        None => "(nothing)".to_string(),
    }
}

#[test]
fn signature_on_one_line_then_docs_in_plain_text() {
    assert_snapshot!(check_plain(r#"
package a:b;
interface math {
  /// Adds two numbers.
  ///
  /// Wraps around.
  @since(version = 0.1.0)
  a$0dd: func(
    a: u32, // the first
    b: u32,
  ) -> u32;
}
"#), @"
    add: func(a: u32, b: u32) -> u32

    Adds two numbers.

    Wraps around.

    function of interface a:b/math

    @since(version = 0.1.0)
    ");
    assert_snapshot!(check_plain(r#"
package a:b;
interface i {
  type id = string;
  /// A thing.
  record thing { id: i$0d }
}
"#), @"
    type id = string

    type of interface a:b/i

    Resolves to string
    ");
}
