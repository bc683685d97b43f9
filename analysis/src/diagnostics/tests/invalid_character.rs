//! `invalid-character`: a character that starts no WIT token.

use super::check;

#[test]
fn a_dollar() {
    check(
        r#"
package a:b;
interface i {
  type a = $u32;
//         ^ invalid-character: unexpected character '$'
}
"#,
    );
}

#[test]
fn a_letter_outside_ascii() {
    check(
        r#"
package a:b;
interface i {
  type größe = u32;
//     ^^^^^ invalid-identifier: invalid character in identifier 'ö': identifiers are kebab-case: words of lowercase (or all uppercase) ASCII letters and digits joined by '-', the first starting with a letter
}
"#,
    );
}
