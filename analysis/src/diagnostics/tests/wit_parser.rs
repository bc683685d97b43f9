//! `wit-parser`: the backstop. Where witty's own checks find no error, wit-parser resolves
//! the package too, and its error is shown where it points. witty's rules make this rare
//! (the conformance suite has no case left where only wit-parser objects), so these tests
//! run the backstop on packages witty also refuses, to pin where and how it reports; and a
//! clean package gets nothing from it.

use super::{check_found, check_with_backstop};

/// wit-parser's verdict on the fixture, whatever witty says.
fn backstop(f: &crate::ide::fixture::Fixture) -> Vec<crate::Diagnostic> {
    let analysis = f.host.analysis();
    let input = analysis.backstop_input(analysis.roots()[0]).unwrap();
    input.run().into_iter().collect()
}

#[test]
fn an_error_in_a_second_file() {
    check_found(
        r#"
//- /wit/a.wit
package a:b;
interface i { type t = u32; }
//- /wit/b.wit
package a:b;
interface j {
  use i.{u};
//       ^ wit-parser: name `u` does not exist
}
"#,
        backstop,
    );
}

#[test]
fn an_error_in_a_dependency() {
    check_found(
        r#"
//- /wit/main.wit
package a:b;
interface i { use x:y/j@1.0.0.{t}; }
//- /wit/deps/y/y.wit
package x:y@1.0.0;
interface j {
  type t = strin;
//         ^^^^^ wit-parser: type `strin` does not exist
}
"#,
        backstop,
    );
}

#[test]
fn a_clean_package_gets_nothing() {
    check_with_backstop(
        r#"
package a:b;
interface i {
  type a = list<u8, 4>;
  f: async func() -> future<u8>;
}
world w {
  export i: interface { type t = u8; }
  import i: interface { type t = u8; }
}
"#,
    );
}
