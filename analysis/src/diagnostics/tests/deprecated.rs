//! `deprecated`: a warning where the user's own package refers to an item a dependency
//! marks `@deprecated`. A dependency's references to its own deprecated items are not the
//! user's to change, and neither are a package's references to what it deprecates itself.

use super::{check, check_crlf};

#[test]
fn a_deprecated_type_of_a_dependency() {
    check(
        r#"
//- /wit/main.wit
package a:b;
interface api {
  use wasi:http/types@0.2.2.{field-key, field-name};
//                           ^^^^^^^^^ warning deprecated: `field-key` (of `wasi:http/types@0.2.2`) is deprecated since version 0.2.2
  f: func(k: field-key, n: field-name);
}
//- /wit/deps/http/types.wit
package wasi:http@0.2.2;
interface types {
  @since(version = 0.2.0)
  @deprecated(version = 0.2.2)
  type field-key = string;
  @since(version = 0.2.1)
  type field-name = field-key;
}
"#,
    );
}

#[test]
fn a_package_using_what_it_deprecates() {
    check(
        r#"
package a:b@1.0.0;
interface types {
  @since(version = 0.1.0)
  @deprecated(version = 1.0.0)
  type old = u32;
  @since(version = 1.0.0)
  type new = old;
}
"#,
    );
}

#[test]
fn deprecated_in_a_later_version_than_the_dependency() {
    check(
        r#"
//- /wit/main.wit
package a:b;
interface api {
  use x:y/types@0.1.0.{old};
  f: func(x: old);
}
//- /wit/deps/y/types.wit
package x:y@0.1.0;
interface types {
  @since(version = 0.1.0)
  @deprecated(version = 0.2.0)
  type old = u32;
}
"#,
    );
}

#[test]
fn a_deprecated_interface_imported() {
    check(
        r#"
//- /wit/main.wit
package a:b;
world w {
  import x:y/old@1.0.0;
//           ^^^ warning deprecated: interface `x:y/old@1.0.0` is deprecated since version 1.0.0
  import x:y/new@1.0.0;
}
//- /wit/deps/y/types.wit
package x:y@1.0.0;
@since(version = 0.1.0)
@deprecated(version = 1.0.0)
interface old {}
@since(version = 1.0.0)
interface new {}
"#,
    );
}

#[test]
fn with_crlf_line_ends() {
    check_crlf(
        r#"
//- /wit/main.wit
package a:b;
world w {
  import x:y/old@1.0.0;
//           ^^^ warning deprecated: interface `x:y/old@1.0.0` is deprecated since version 1.0.0
}
//- /wit/deps/y/types.wit
package x:y@1.0.0;
@since(version = 0.1.0)
@deprecated(version = 1.0.0)
interface old {}
"#,
    );
}
