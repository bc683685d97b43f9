//! `invalid-identifier`: names are kebab-case; `%` lets a keyword be a name.

use super::check;

#[test]
fn camel_case_and_underscores() {
    check(
        r#"
package a:b;
interface i {
  record MyType { user_name: string }
//       ^^^^^^ invalid-identifier: invalid character in identifier 'y': identifiers are kebab-case: words of lowercase (or all uppercase) ASCII letters and digits joined by '-', the first starting with a letter; try `my-type`
//                ^^^^^^^^^ invalid-identifier: invalid character in identifier '_': identifiers are kebab-case: words of lowercase (or all uppercase) ASCII letters and digits joined by '-', the first starting with a letter; try `user-name`
}
"#,
    );
}

#[test]
fn a_lone_percent() {
    check(
        r#"
package a:b;
interface i {
  type % = u32;
//     ^ invalid-identifier: expected a name after `%`
}
"#,
    );
}

#[test]
fn digits_may_start_a_later_word_but_not_the_first() {
    check(
        r#"
package a:b;
interface i {
  type http-1-1 = u32;
  type v2-x = u32;
  type 2fa = u32;
//     ^ syntax-error: expected an identifier, found `2`
}
"#,
    );
}

#[test]
fn escaped_keywords_are_names() {
    check(
        r#"
package a:b;
interface %interface {
  type %record = u32;
  %type: func(%use: %record);
}
"#,
    );
}
