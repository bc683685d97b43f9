//! `invalid-handle`: `own<T>` and `borrow<T>` of something that is not a resource.

use super::check;

#[test]
fn a_record() {
    check(
        r#"
package a:b;
interface i {
  record r { x: u32 }
  resource file;
  f: func(x: borrow<r>, y: own<file>);
//                  ^ invalid-handle: type `r` used in a handle must be a resource
}
"#,
    );
}

#[test]
fn through_aliases_and_uses() {
    check(
        r#"
//- /wit/main.wit
package a:b;
interface types {
  resource file;
  type alias = file;
  type size = u64;
}
interface api {
  use types.{alias, size};
  f: func(a: borrow<alias>, b: own<size>);
//                                 ^^^^ invalid-handle: type `size` used in a handle must be a resource
}
"#,
    );
}
