//! `wrong-item-kind`: a world where an interface is needed (or the reverse), a function
//! in a `use` list, a function used as a type.

use super::check;

#[test]
fn a_world_imported() {
    check(
        r#"
package a:b;
world base {}
world w {
  import base;
//       ^^^^ wrong-item-kind: name `base` is defined as a world, not an interface
  include api;
//        ^^^ wrong-item-kind: name `api` is defined as an interface, not a world
}
interface api {}
"#,
    );
}

#[test]
fn a_function_in_a_use_list() {
    check(
        r#"
package a:b;
interface i { f: func(); }
interface j { use i.{f}; }
//                   ^ wrong-item-kind: cannot import function `f`: `use` brings in types only
"#,
    );
}

#[test]
fn a_function_as_a_type() {
    check(
        r#"
package a:b;
interface i {
  f: func();
  g: func(x: f);
//           ^ wrong-item-kind: cannot use function `f` as a type
}
"#,
    );
}
