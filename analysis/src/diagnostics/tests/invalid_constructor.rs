//! `invalid-constructor`: a constructor's result must be `result<R>` or `result<R, E>`
//! of the resource it constructs.

use super::check;

#[test]
fn the_wrong_ok_type() {
    check(
        r#"
package a:b;
interface i {
  resource file {
    constructor(path: string) -> result<u32, string>;
//                                      ^^^ invalid-constructor: the `ok` type must be the resource being constructed: `result<file, E>`
  }
  resource dir {
    constructor() -> u32;
//                   ^^^ invalid-constructor: if a constructor return type is declared it must be a `result`
  }
}
"#,
    );
}

#[test]
fn results_that_are_right() {
    check(
        r#"
package a:b;
interface i {
  resource file {
    constructor(path: string) -> result<file>;
  }
  resource dir {
    constructor() -> result<own<dir>, string>;
  }
}
"#,
    );
}
