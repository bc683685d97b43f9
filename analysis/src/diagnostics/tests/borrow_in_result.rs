//! `borrow-in-result`: a function that returns a type containing `borrow<T>`.

use super::check;

#[test]
fn directly_and_through_a_type() {
    check(
        r#"
package a:b;
interface i {
  resource file;
  record holder { f: borrow<file> }
  f: func() -> borrow<file>;
//^ borrow-in-result: function `f` returns a type which contains a `borrow<T>` which is not supported; return an `own<T>` (or the resource itself) instead
  g: func() -> holder;
//^ borrow-in-result: function `g` returns a type which contains a `borrow<T>` which is not supported; return an `own<T>` (or the resource itself) instead
  h: func(x: borrow<file>) -> file;
}
"#,
    );
}

#[test]
fn in_resources_and_worlds() {
    check(
        r#"
package a:b;
interface i {
  resource file {
    clone: func() -> borrow<file>;
//  ^^^^^ borrow-in-result: function `[method]file.clone` returns a type which contains a `borrow<T>` which is not supported; return an `own<T>` (or the resource itself) instead
    open: static func(name: string) -> result<file, string>;
  }
}
world w {
  resource handle;
  import get: func() -> option<borrow<handle>>;
//       ^^^ borrow-in-result: function `get` returns a type which contains a `borrow<T>` which is not supported; return an `own<T>` (or the resource itself) instead
}
"#,
    );
}
