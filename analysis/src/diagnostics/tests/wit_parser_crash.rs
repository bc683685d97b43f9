//! `wit-parser-crash`: wit-parser, the reference, panicked on the package (where witty's
//! own checks found nothing, and the backstop ran it). The error is this package's only.

use super::{check_found, check_with_backstop};

#[test]
fn an_empty_block_comment_before_an_item() {
    check_with_backstop(
        r#"
package a:b;
  /**/
//^^^^ wit-parser-crash: wit-parser, the reference, crashed on this file: it takes the empty block comment `/**/` for a doc comment and panics (it said: called `Option::unwrap()` on a `None` value, at wit-parser-0.263.0/src/ast/resolve.rs:1602); write `/* */` instead, or remove it
interface i {}
"#,
    );
}

#[test]
fn in_a_dependency() {
    check_found(
        r#"
//- /wit/main.wit
package a:b;
interface i { use x:y/j@1.0.0.{t}; }
//- /wit/deps/y/y.wit
package x:y@1.0.0;
interface j {
  /**/
//^^^^ wit-parser-crash: wit-parser, the reference, crashed on this file: it takes the empty block comment `/**/` for a doc comment and panics (it said: called `Option::unwrap()` on a `None` value, at wit-parser-0.263.0/src/ast/resolve.rs:1602); write `/* */` instead, or remove it
  type t = u8;
}
"#,
        |f| {
            let analysis = f.host.analysis();
            let input = analysis.backstop_input(analysis.roots()[0]).unwrap();
            input.run().into_iter().collect()
        },
    );
}
