//! `missing-package-header`: no file of the package has a `package` line; a header that
//! is there but malformed is reported as what it is, not as missing.

use super::check;

#[test]
fn no_header() {
    check(
        r#"
//| (from column 1) missing-package-header: no `package` header was found in any WIT file for this package; add a line such as `package my-namespace:my-package;` at the top of one of its files
interface i {}
"#,
    );
}

#[test]
fn a_malformed_header_is_the_one_error() {
    check(
        r#"
package a;
//       ^ syntax-error: expected ':', found ';'
interface i {}
"#,
    );
}

#[test]
fn a_header_with_a_bad_version() {
    check(
        r#"
package a:b@1.0;
//             ^ syntax-error: expected '.', found ';'
interface i {}
"#,
    );
}
