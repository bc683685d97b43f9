//! `package-mismatch`: files of one package that say different `package` names.

use super::check;

#[test]
fn two_names() {
    check(
        r#"
//- /wit/a.wit
package demo:app;
interface i {}
//- /wit/b.wit
package demo:other;
//      ^^^^^^^^^^ package-mismatch: package identifier `demo:other` does not match previous package name of `demo:app`
interface j {}
"#,
    );
}

#[test]
fn a_third_file_and_a_version() {
    check(
        r#"
//- /wit/a.wit
package demo:app@1.0.0;
interface i {}
//- /wit/b.wit
package demo:app@1.0.0;
interface j {}
//- /wit/c.wit
package demo:app@1.0.1;
//      ^^^^^^^^^^^^^^ package-mismatch: package identifier `demo:app@1.0.1` does not match previous package name of `demo:app@1.0.0`
interface k {}
"#,
    );
}
