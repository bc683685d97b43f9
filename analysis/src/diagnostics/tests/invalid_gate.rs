//! `invalid-gate`: `@since` in a package without a version, or newer than its version.

use super::check;

#[test]
fn newer_than_the_package() {
    check(
        r#"
package a:b@0.1.0;
@since(version = 0.2.0)
interface i {}
//        ^ invalid-gate: feature gate cannot reference unreleased version 0.2.0 of package [a:b@0.1.0] (current version 0.1.0)
"#,
    );
}

#[test]
fn a_package_without_version() {
    check(
        r#"
package a:b;
interface i {
  @since(version = 0.2.0)
  f: func();
//^ invalid-gate: package [a:b] contains a feature gate with a version specifier, so it must have a version: write `package a:b@0.2.0;` (or a later version)
}
"#,
    );
}
