//! `invalid-list-size`: a fixed-size list length that does not fit in 32 bits.

use super::check;

#[test]
fn too_long() {
    check(
        r#"
package a:b;
interface i {
  type a = list<u8, 99999999999>;
//                  ^^^^^^^^^^^ invalid-list-size: invalid list size: number too large to fit in target type
  type b = list<u8, 16>;
}
"#,
    );
}
