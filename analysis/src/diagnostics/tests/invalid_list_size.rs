//! `invalid-list-size`: a fixed-size list length that does not fit in 32 bits.

use super::check;

#[test]
fn too_long() {
    check(
        r#"
package a:b;
interface i {
  type a = list<u8, 99999999999>;
//                  ^^^^^^^^^^^ invalid-list-size: invalid list size: number too large to fit in target type: a fixed-size list holds at most 4294967295 elements
  type b = list<u8, 16>;
}
"#,
    );
}

#[test]
fn the_largest_size() {
    check(
        r#"
package a:b;
interface i {
  type a = list<u8, 4294967295>;
  type b = list<u8, 4294967296>;
//                  ^^^^^^^^^^ invalid-list-size: invalid list size: number too large to fit in target type: a fixed-size list holds at most 4294967295 elements
}
"#,
    );
}
