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
