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
