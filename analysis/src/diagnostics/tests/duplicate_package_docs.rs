//! `duplicate-package-docs`: comments above the `package` line in more than one file.

use super::check;

#[test]
fn two_files() {
    check(
        r#"
//- /wit/a.wit
/// The package.
package a:b;
interface i {}
//- /wit/b.wit
// Also about the package.
//^^^^^^^^^^^^^^^^^^^^^^^^^^ (from column 1) duplicate-package-docs: found doc comments on multiple 'package' items; wit-parser takes every comment above a `package` line as the package's documentation, so keep comments above only one of them
package a:b;
interface j {}
"#,
    );
}

#[test]
fn docs_in_one_file_only() {
    check(
        r#"
//- /wit/a.wit
/// The package.
package a:b;
interface i {}
//- /wit/b.wit
package a:b;
/// An interface.
interface j {}
"#,
    );
}
