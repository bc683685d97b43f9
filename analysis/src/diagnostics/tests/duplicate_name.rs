//! `duplicate-name`: a name defined twice in one scope, compared as the Component Model
//! compares names (case and dashes aside, annotations of accessors taken into account).

use super::check;

#[test]
fn two_fields_differing_in_case() {
    check(
        r#"
package a:b;
interface i {
  record point { x: u32, X: u32 }
//                       ^ duplicate-name: field `X` conflicts with previous field `x`
//               ~ related: previous definition
}
"#,
    );
}

#[test]
fn two_interfaces_in_two_files() {
    check(
        r#"
//- /wit/a.wit
package a:b;
interface i {}
//        ~ related: first defined here
//- /wit/b.wit
package a:b;
interface i {}
//        ^ duplicate-name: duplicate item named `i`
"#,
    );
}

#[test]
fn a_getter_and_a_function() {
    check(
        r#"
package a:b;
interface i {
  prop: get() -> u32;
//~~~~ related: previous definition
  %get-prop: func();
  prop: func();
//^^^^ duplicate-name: name `prop` conflicts with previous name `[get]prop` (names are compared without regard to case, dashes or `[...]` annotations)
}
"#,
    );
}

#[test]
fn an_interface_imported_twice() {
    check(
        r#"
package a:b;
interface i {}
world w {
  import i;
  import i;
//       ^ duplicate-name: interface cannot be imported more than once
  export f: func();
  export f: func();
//       ^ duplicate-name: export `f` conflicts with prior func of same name
}
"#,
    );
}

#[test]
fn a_parameter_named_self_in_a_method() {
    check(
        r#"
package a:b;
interface i {
  resource r {
    m: func(self: u32);
//          ^^^^ duplicate-name: param `self` is defined more than once (methods have an implicit `self` parameter)
  }
}
"#,
    );
}
