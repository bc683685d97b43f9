//! `empty-type`: records, variants, enums and flags without members, and `tuple<>`.

use super::check;

#[test]
fn each_kind() {
    check(
        r#"
package a:b;
interface i {
  record r {}
//       ^ empty-type: empty record: a record needs at least one field
  variant v {}
//        ^ empty-type: empty variant: a variant needs at least one case
  enum e {}
//     ^ empty-type: empty enum: an enum needs at least one case
  flags f {}
//      ^ empty-type: empty flags: flags need at least one flag
  type t = tuple<>;
//         ^^^^^ empty-type: empty tuple: a tuple needs at least one type
}
"#,
    );
}

#[test]
fn escaped_names_in_a_nested_package() {
    check(
        r#"
package a:b;
package a:c {
  interface i {
    record %record {}
//         ^^^^^^^ empty-type: empty record: a record needs at least one field
    enum %enum { %enum }
  }
}
"#,
    );
}
