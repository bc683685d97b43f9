//! `syntax-error`: text that does not follow WIT's grammar; the message says what was
//! expected and what was found.

use super::{check, check_crlf};

#[test]
fn a_missing_semicolon() {
    check(
        r#"
package a:b;
interface i {
  type a = u32
  f: func();
//^ syntax-error: expected ';', found identifier `f`
}
"#,
    );
}

#[test]
fn a_misspelt_keyword_names_the_close_one() {
    check(
        r#"
package a:b;
world w {
  improt f: func();
//^^^^^^ syntax-error: expected `import`, `export`, `include`, `use`, or type definition, found identifier `improt`; did you mean `import`?
}
"#,
    );
}

#[test]
fn a_version_followed_by_junk_is_one_error_at_the_version() {
    check(
        r#"
package a:b@1.0.0-rc.1
//          ^^^^^^^^^^ (to 3:8) invalid-version: unexpected character '\n' after pre-release identifier
default world w {}
"#,
    );
}

#[test]
fn a_second_package_header_needs_a_body() {
    check(
        r#"
package a:b;
interface i {}
package a:c;
//         ^ syntax-error: expected '{', found ';': only the first item of a file can be `package ns:name;`, a package declared later needs a body `{ ... }`
"#,
    );
}

#[test]
fn with_crlf_line_ends() {
    check_crlf(
        r#"
package a:b@1.0.0-rc.1
//          ^^^^^^^^^^ (to 3:8) invalid-version: unexpected character '\r' after pre-release identifier
default world w {}
"#,
    );
}
