//! `unterminated-string`: a string literal that does not end on its line.

use super::{check, check_crlf};

#[test]
fn an_external_id() {
    check(
        r#"
package a:b;
interface i {
  @external-id("abc)
//             ^ unterminated-string: unterminated string literal: add `"` before the end of the line
  type a = u32;
//^^^^ syntax-error: expected ')', found keyword `type`
}
"#,
    );
}

#[test]
fn in_a_crlf_file() {
    check_crlf(
        r#"
package a:b;
interface i {
  @external-id("abc
//             ^ unterminated-string: unterminated string literal: add `"` before the end of the line
  type a = u32;
//^^^^ syntax-error: expected ')', found keyword `type`
}
"#,
    );
}
