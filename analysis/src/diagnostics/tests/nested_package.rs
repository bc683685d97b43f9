//! `nested-package`: a nested package inside another one.

use super::check;

#[test]
fn two_levels() {
    check(
        r#"
package a:b;
package a:c {
  package a:d {
//        ^^^ nested-package: nested packages must be placed at the top-level
    interface i {}
  }
}
"#,
    );
}
