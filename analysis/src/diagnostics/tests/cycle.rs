//! `cycle`: types that contain themselves, interfaces or worlds that `use` or `include`
//! each other in a circle, packages that depend on each other.

use super::check;

#[test]
fn a_type_containing_itself() {
    check(
        r#"
package a:b;
interface i {
  record node { next: option<node> }
//                           ^^^^ cycle: type `node` depends on itself: a type cannot contain itself, directly or through other types
}
"#,
    );
}

#[test]
fn interfaces_using_each_other() {
    check(
        r#"
package a:b;
interface a { use b.{t}; type u = u32; }
interface b { use a.{u}; type t = u32; }
//        ^ cycle: interface or world `b` depends on itself
"#,
    );
}

#[test]
fn worlds_including_each_other() {
    check(
        r#"
package a:b;
world a { include b; }
world b { include a; }
//    ^ cycle: interface or world `b` depends on itself
"#,
    );
}
