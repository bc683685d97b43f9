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

#[test]
fn several_packages_side_by_side() {
    check(
        r#"
package a:b;
package a:c {
  interface i { type t = u8; }
}
package a:d {
  interface j { use a:c/i.{t}; f: func(x: t); }
}
"#,
    );
}
