//! `invalid-version`: a version that is not semantic.

use super::check;

#[test]
fn leading_zero() {
    check(
        r#"
package a:b@01.0.0;
//          ^^^^^^ invalid-version: invalid leading zero in major version number
interface i {}
"#,
    );
}

#[test]
fn in_a_use_path() {
    check(
        r#"
package a:b;
interface i {
  use c:d/j@1.0.{t};
//              ^ syntax-error: expected an integer, found '{'
}
"#,
    );
}
