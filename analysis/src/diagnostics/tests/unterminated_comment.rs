//! `unterminated-comment`: a block comment without its `*/` (block comments nest).

use super::check;

#[test]
fn nested_comment_closed_once() {
    check(
        r#"
package a:b;
interface i {}
  /* outer /* inner */
//^^ unterminated-comment: unterminated block comment: add `*/` to close it
"#,
    );
}

#[test]
fn a_closed_nested_comment() {
    check(
        r#"
package a:b;
interface i {}
  /* outer /* inner */ still outer */
"#,
    );
}
