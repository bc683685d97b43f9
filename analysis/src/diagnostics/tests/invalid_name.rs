//! `invalid-name`: a name that is not a valid Component Model name once mangled. Names are
//! checked as identifiers first, so a name that is no identifier is reported once, as an
//! `invalid-identifier`, not again here; what WIT's identifiers allow, the Component Model
//! allows too (digits starting a later word, all-uppercase words, keywords with `%`).

use super::check;

#[test]
fn an_identifier_error_is_not_reported_twice() {
    check(
        r#"
package a:b;
interface i {
  type MyType = u32;
//     ^^^^^^ invalid-identifier: invalid character in identifier 'y': identifiers are kebab-case: words of lowercase (or all uppercase) ASCII letters and digits joined by '-', the first starting with a letter; try `my-type`
  resource r {
    get_x: func();
//  ^^^^^ invalid-identifier: invalid character in identifier '_': identifiers are kebab-case: words of lowercase (or all uppercase) ASCII letters and digits joined by '-', the first starting with a letter; try `get-x`
  }
}
"#,
    );
}

#[test]
fn names_wit_allows_are_valid_component_names() {
    check(
        r#"
package a:b;
interface i {
  type http-1-1 = u32;
  type URL = string;
  type %interface = u8;
  resource r {
    constructor();
    %static: static func();
    m: func();
  }
}
world w {
  import v2-api: func();
  export %export: func();
}
"#,
    );
}
