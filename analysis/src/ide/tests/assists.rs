//! Code actions: each assist at the cursor, with the file after it.

use insta::assert_snapshot;

use crate::ide::fixture::Fixture;
use witty_syntax::TextRange;

fn check(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    let pos = f.position();
    let assists = f
        .host
        .analysis()
        .assists(pos.path, TextRange::empty(pos.offset))
        .unwrap();
    let mut out = String::new();
    for a in &assists {
        out.push_str(&format!("=== {} ({:?})\n", a.title, a.kind));
        for (path, edits) in &a.change.files {
            let mut text = f.text(path).to_string();
            for e in edits.iter().rev() {
                text.replace_range(std::ops::Range::<usize>::from(e.range), &e.new_text);
            }
            out.push_str(&text);
        }
    }
    out
}

#[test]
fn kebab_case_everywhere_in_the_file() {
    assert_snapshot!(check("package a:b;\ninterface i {\n  record myPo$0int { x: u32 }\n  f: func(p: myPoint);\n}\n"), @"
    === Rename `myPoint` to `my-point` (2 places) (QuickFix)
    package a:b;
    interface i {
      record my-point { x: u32 }
      f: func(p: my-point);
    }
    ");
}

#[test]
fn import_a_type_from_another_interface() {
    assert_snapshot!(check(r#"
//- /wit/main.wit
package a:b;
interface types { record point { x: u32 } }
interface api {
  use types.{};
  f: func(p: poi$0nt);
}
interface other {
  f: func(p: point, s: input-stream);
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams { record point { y: u8 } resource input-stream; }
"#), @"
    === Import `point` from `types` (QuickFix)
    package a:b;
    interface types { record point { x: u32 } }
    interface api {
      use types.{point};
      f: func(p: point);
    }
    interface other {
      f: func(p: point, s: input-stream);
    }
    === Import `point` from `wasi:io/streams@0.2.0` (QuickFix)
    package a:b;
    interface types { record point { x: u32 } }
    interface api {
      use wasi:io/streams@0.2.0.{point};
      use types.{};
      f: func(p: point);
    }
    interface other {
      f: func(p: point, s: input-stream);
    }
    ");
    assert_snapshot!(check(r#"
//- /wit/main.wit
package a:b;
interface api {
  f: func(s: input-str$0eam);
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams { resource input-stream; }
"#), @"
    === Import `input-stream` from `wasi:io/streams@0.2.0` (QuickFix)
    package a:b;
    interface api {
      use wasi:io/streams@0.2.0.{input-stream};
      f: func(s: input-stream);
    }
    ");
}

#[test]
fn kebab_case_only_as_the_message_suggests() {
    // `größe` has letters WIT cannot spell: no suggestion, so no fix that would drop them.
    assert_snapshot!(check("package a:b;\ninterface i {\n  type grö$0ße = u32;\n}\n"), @"");
}

#[test]
fn misspelt_keyword_name() {
    // The close name is a keyword: the fix writes it escaped, as the message does.
    assert_snapshot!(check("package a:b;\ninterface i {\n  record %record { x: u32 }\n  type a = %rec$0rd;\n}\n"), @"
    === Replace with `%record` (QuickFix)
    package a:b;
    interface i {
      record %record { x: u32 }
      type a = %record;
    }
    ");
}

#[test]
fn misspelt_name() {
    assert_snapshot!(check("package a:b;\ninterface i {\n  record point { x: u32 }\n  f: func(p: pont$0);\n}\n"), @"
    === Replace with `point` (QuickFix)
    package a:b;
    interface i {
      record point { x: u32 }
      f: func(p: point);
    }
    ");
}

#[test]
fn remove_unused_use() {
    // A file-level `use` no path names: removing it changes nothing wit-parser resolves.
    assert_snapshot!(check("package a:b;\nuse t as unu$0sed;\ninterface t { type x = u8; }\n"), @"
    === Remove unused `unused` (QuickFix)
    package a:b;
    interface t { type x = u8; }
    ");
    // An unused name of an interface's `use` is part of the interface: a hint, no fix.
    assert_snapshot!(check("package a:b;\ninterface t { type x = u8; type y = u8; }\ninterface i {\n  use t.{x, y$0};\n  f: func(a: x);\n}\n"), @"");
}

#[test]
fn add_since_in_versioned_package() {
    assert_snapshot!(check("package a:b@1.2.0;\ninterface i {\n  /// Docs.\n  f$0: func();\n}\n"), @"
    === Add `@since(version = 1.2.0)` (Refactor)
    package a:b@1.2.0;
    interface i {
      /// Docs.
      @since(version = 1.2.0)
      f: func();
    }
    ");
    assert_snapshot!(check("package a:b;\ninterface i {\n  f$0: func();\n}\n"), @"");
}

#[test]
fn no_import_that_would_close_a_use_cycle() {
    // `api` already uses `types`: importing `id` from `api` into `types` makes a cycle, so
    // only the fix that works is offered.
    assert_snapshot!(check(r#"
//- /wit/main.wit
package a:b;
interface types {
  type point = u32;
  f: func(p: i$0d);
}
interface api {
  use types.{point};
  type id = u64;
}
interface ids {
  type id = u64;
}
"#), @"
    === Import `id` from `ids` (QuickFix)
    package a:b;
    interface types {
      use ids.{id};
      type point = u32;
      f: func(p: id);
    }
    interface api {
      use types.{point};
      type id = u64;
    }
    interface ids {
      type id = u64;
    }
    ");
}

#[test]
fn no_type_import_for_an_interface_name() {
    // `store` is a type of `types`, but `import store;` names an interface.
    assert_snapshot!(check(r#"
//- /wit/main.wit
package a:b;
interface types { resource store; }
world w {
  import sto$0re;
}
"#), @"");
}

#[test]
fn a_close_type_name_is_offered() {
    // The check of a fix lets a right one through.
    assert_snapshot!(check(r#"
//- /wit/main.wit
package a:b;
interface i {
  type f1 = u32;
  f2: func(p: f$03);
}
"#), @"
    === Replace with `f1` (QuickFix)
    package a:b;
    interface i {
      type f1 = u32;
      f2: func(p: f1);
    }
    ");
}
