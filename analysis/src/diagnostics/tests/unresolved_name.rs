//! `unresolved-name`: a name that names nothing. When a close name exists the message
//! says it; an unknown member of a `use` list gets the names the interface has.

use super::{check, check_crlf};

#[test]
fn a_misspelt_type_says_the_close_one() {
    check(
        r#"
package a:b;
interface i {
  record point { x: u32 }
  type p = pont;
//         ^^^^ unresolved-name: type `pont` does not exist; did you mean `point`?
  f: func(p: poin) -> list<pointt>;
//           ^^^^ unresolved-name: name `poin` does not exist; did you mean `point`?
//                         ^^^^^^ unresolved-name: name `pointt` does not exist; did you mean `point`?
}
"#,
    );
}

#[test]
fn an_unknown_type_with_nothing_close() {
    check(
        r#"
package a:b;
interface i {
  f: func(p: zebra);
//           ^^^^^ unresolved-name: name `zebra` does not exist
}
"#,
    );
}

#[test]
fn the_old_float_names() {
    check(
        r#"
package a:b;
interface i {
  type a = float32;
//         ^^^^^^^ unresolved-name: type `float32` does not exist; it was renamed to `f32`
  f: func(x: float64);
//           ^^^^^^^ unresolved-name: name `float64` does not exist; it was renamed to `f64`
}
"#,
    );
}

#[test]
fn a_use_of_a_missing_member_lists_what_is_there() {
    check(
        r#"
//- /wit/a.wit
package a:b;
interface types {
  record point { x: u32 }
  type size = u64;
  f: func();
}
interface api {
  use types.{pointt, zebra, f};
//           ^^^^^^ unresolved-name: name `pointt` does not exist in `types`; did you mean `point`?
//                   ^^^^^ unresolved-name: name `zebra` does not exist in `types`; it has `point`, `size`
//                          ^ wrong-item-kind: cannot import function `f`: `use` brings in types only
}
"#,
    );
}

#[test]
fn an_unknown_interface_says_the_close_one() {
    check(
        r#"
package a:b;
interface types {}
interface api {
  use typse.{t};
//    ^^^^^ unresolved-name: interface or world `typse` does not exist; did you mean `types`?
}
world w {
  import typess;
//       ^^^^^^ unresolved-name: interface or world `typess` does not exist; did you mean `types`?
  export zebra;
//       ^^^^^ unresolved-name: interface or world `zebra` does not exist
}
"#,
    );
}

#[test]
fn an_interface_missing_from_a_dependency() {
    check(
        r#"
//- /wit/main.wit
package a:b;
interface api {
  use wasi:io/streamz@0.2.0.{input-stream};
//            ^^^^^^^ unresolved-name: interface `streamz` not found in package `wasi:io@0.2.0`; did you mean `streams`?
  use wasi:io/zebra@0.2.0.{input-stream as s};
//            ^^^^^ unresolved-name: interface `zebra` not found in package `wasi:io@0.2.0`; it has `streams`, `poll`
  f: func(a: input-stream, b: s);
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams { resource input-stream; }
interface poll {}
"#,
    );
}

#[test]
fn an_escaped_name_and_digits() {
    check(
        r#"
package a:b;
interface i {
  record %record { x: u32 }
  type http-1-1 = u8;
  type a = %recrd;
//         ^^^^^^ unresolved-name: type `recrd` does not exist; did you mean `%record`?
  type b = http-1-2;
//         ^^^^^^^^ unresolved-name: type `http-1-2` does not exist; did you mean `http-1-1`?
}
"#,
    );
}

#[test]
fn in_a_nested_package() {
    check(
        r#"
package a:b;
package a:c {
  interface i {
    record point { x: u32 }
    type p = pont;
//           ^^^^ unresolved-name: type `pont` does not exist; did you mean `point`?
  }
}
"#,
    );
}

#[test]
fn an_include_renaming_a_name_the_world_lacks() {
    check(
        r#"
//- /wit/main.wit
package a:b;
world base {
  import f: func();
  import wasi:io/streams@0.2.0;
  export run: func();
}
world w {
  include base with { g as h }
//        ^^^^ unresolved-name: no import or export kebab-name `g` in world `base`; it has `f`, `run` (an interface imported or exported by its path keeps its name and cannot be renamed)
}
world v {
  include base with { rnu as start }
//        ^^^^ unresolved-name: no import or export kebab-name `rnu` in world `base`; did you mean `run`? (an interface imported or exported by its path keeps its name and cannot be renamed)
}
//- /wit/deps/io.wit
package wasi:io@0.2.0;
interface streams {}
"#,
    );
}

#[test]
fn with_crlf_line_ends() {
    check_crlf(
        r#"
package a:b;
interface types { record point { x: u32 } }
interface api {
  use types.{pointt};
//           ^^^^^^ unresolved-name: name `pointt` does not exist in `types`; did you mean `point`?
  f: func(p: pont);
//           ^^^^ unresolved-name: name `pont` does not exist
}
"#,
    );
}
