//! `invalid-accessor`: getters take nothing and return a value; setters take one value,
//! return nothing or `result<_, E>`, and need a getter.

use super::check;

#[test]
fn a_setter_without_a_getter() {
    check(
        r#"
package a:b;
interface i {
  size: set(value: u64);
//^^^^ invalid-accessor: setter `[set]size` has no corresponding getter `[get]size`
}
"#,
    );
}

#[test]
fn getter_with_parameters_and_no_result() {
    check(
        r#"
package a:b;
interface i {
  a: get(x: u32) -> u32;
//       ^ invalid-accessor: getters cannot have parameters
  b: get();
//   ^^^ invalid-accessor: getters must return a value
  b: set(v: u32, w: u32) -> u32;
//               ^ invalid-accessor: setters must have exactly one parameter
//                          ^^^ invalid-accessor: if a setter return type is declared it must be a `result` with no `ok` type
}
"#,
    );
}

#[test]
fn in_a_world() {
    check(
        r#"
package a:b;
world w {
  import size: set(value: u64);
//       ^^^^ invalid-accessor: import `[set]size` in world `w` has no corresponding getter `[get]size`
}
"#,
    );
}
