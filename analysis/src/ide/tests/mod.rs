//! Feature tests: each feature has one `check` helper that runs it on a fixture (files
//! under `/wit`, `$0` for the cursor) and renders the answer for an inline snapshot.

mod assists;
mod completion;
mod highlight;
mod hover;
mod inlay_hints;
mod navigation;
mod rename;
mod runnables;
mod structure;

/// A type used across files, directly, under another name, in an interface and a world,
/// beside a dependency.
const TYPES_ACROSS_FILES: &str = r#"
//- /wit/a.wit
package a:b;
interface types {
  record po$0int { x: u32 }
  type alias = point;
}
//- /wit/b.wit
package a:b;
interface api {
  use types.{point, point as p};
  f: func(a: point, b: list<p>);
}
world w {
  use types.{point};
  import g: func(x: point);
}
//- /wit/deps/d/d.wit
package x:y;
interface dep { type t = u8; }
"#;
