//! `duplicate-package`: two packages of one name (and version) in the root or `deps/`.

use super::check;

#[test]
fn a_nested_package_named_as_a_dependency() {
    check(
        r#"
//- /wit/main.wit
package a:b;
package wasi:io@0.2.0 {
//      ~~~~~~~~~~~~~ related: first defined here
  interface streams {}
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
//      ^^^^^^^^^^^^^ duplicate-package: package `wasi:io@0.2.0` is defined in two different locations
interface streams {}
"#,
    );
}

#[test]
fn two_nested_packages_of_one_file() {
    check(
        r#"
package a:b;
package x:y {
//      ~~~ related: first defined here
  interface i {}
}
package x:y {
//      ^^^ duplicate-package: package `x:y` is defined in two different locations
  interface j {}
}
"#,
    );
}
