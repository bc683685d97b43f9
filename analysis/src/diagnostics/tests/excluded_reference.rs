//! `excluded-reference`: an item that is in referring to one that `@unstable` leaves out.

use super::check;

#[test]
fn a_function_using_a_gated_type() {
    check(
        r#"
package a:b@1.0.0;
interface i {
  @unstable(feature = fancy)
  type t = u32;
  @since(version = 1.0.0)
  f: func(x: t);
//^ excluded-reference: found a reference to a type which is excluded due to its feature not being activated; enable the feature (`--features`) or gate this item with the same `@unstable`
  @unstable(feature = fancy)
  g: func(x: t);
}
"#,
    );
}

#[test]
fn an_ungated_type_in_a_gated_interface() {
    check(
        r#"
package a:b@1.0.0;
@unstable(feature = fancy)
interface i {
  type t = u32;
//     ^ excluded-reference: found a reference to an interface which is excluded due to its feature not being activated: this item is not gated by a feature but its interface is; give it the same `@unstable` as its interface
}
"#,
    );
}
