//! `invalid-attribute`: an attribute WIT does not know, with wrong arguments, or
//! where it is not allowed.

use super::check;

#[test]
fn a_misspelt_attribute() {
    check(
        r#"
package a:b@1.0.0;
@sinse(version = 1.0.0)
//^^^^^ (from column 2) invalid-attribute: unknown attribute `sinse`: expected `since`, `unstable`, `deprecated` or `external-id`
interface i {}
"#,
    );
}

#[test]
fn both_since_and_unstable() {
    check(
        r#"
package a:b@1.0.0;
interface i {
  @since(version = 1.0.0)
// ^^^^^ invalid-attribute: cannot specify both @since and @unstable
  @unstable(feature = x)
  f: func();
}
"#,
    );
}

#[test]
fn deprecated_without_since() {
    check(
        r#"
package a:b@1.0.0;
interface i {
  @deprecated(version = 1.0.0)
// ^^^^^^^^^^ invalid-attribute: cannot specify both @deprecated without @since or @unstable
  f: func();
}
"#,
    );
}

#[test]
fn on_a_top_level_use() {
    check(
        r#"
package a:b@1.0.0;
@since(version = 1.0.0)
use a:b/i@1.0.0 as j;
//^^^ (from column 1) invalid-attribute: attributes not allowed on top-level use; put them on the items that use the name
//  ^^^ cycle: package `a:b@1.0.0` creates a dependency cycle: it is the package this is written in; name its items directly, without the package
world w { import j; }
interface i {}
"#,
    );
}
