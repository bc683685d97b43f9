//! Go to definition, type definition, references and highlight.

use insta::assert_snapshot;

use crate::ide::fixture::Fixture;

fn check_definition(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    let targets = f.host.analysis().goto_definition(f.position()).unwrap();
    render_targets(&f, targets)
}

fn check_type_definition(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    let targets = f
        .host
        .analysis()
        .goto_type_definition(f.position())
        .unwrap();
    render_targets(&f, targets)
}

fn render_targets(f: &Fixture, targets: Vec<crate::ide::NavTarget>) -> String {
    targets
        .iter()
        .map(|t| {
            format!(
                "{:?} {}\n  full: {}",
                t.kind,
                f.show(&t.path, t.focus_range),
                f.show(&t.path, t.full_range)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check_references(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    let refs = f.host.analysis().references(f.position(), true).unwrap();
    refs.iter()
        .map(|r| {
            let tag = if r.is_def { "def" } else { "ref" };
            format!("{tag} {}", f.show(&r.location.path, r.location.range))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check_highlight(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    let path = f.position().path.to_path_buf();
    let found = f.host.analysis().highlight(f.position()).unwrap();
    found
        .iter()
        .map(|h| {
            let tag = if h.is_def { "def" } else { "ref" };
            format!("{tag} {}", f.show(&path, h.range))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn type_in_same_interface() {
    assert_snapshot!(check_definition(r#"
package a:b;
interface i {
  /// A point.
  record point { x: u32 }
  f: func(p: poi$0nt);
}
"#), @r#"
    Record /wit/main.wit:5:10-5:15 "point"
      full: /wit/main.wit:5:3-5:26 "record point { x: u32 }"
    "#);
}

#[test]
fn type_through_use_in_other_file() {
    assert_snapshot!(check_definition(r#"
//- /wit/a.wit
package a:b;
interface types {
  type id = string;
}
//- /wit/b.wit
package a:b;
interface api {
  use types.{id};
  get: func(key: i$0d);
}
"#), @r#"
    TypeAlias /wit/a.wit:3:8-3:10 "id"
      full: /wit/a.wit:3:3-3:20 "type id = string;"
    "#);
}

#[test]
fn use_path_and_package_into_deps() {
    assert_snapshot!(check_definition(r#"
//- /wit/main.wit
package a:b;
interface api {
  use wasi:io/str$0eams@0.2.0.{input-stream};
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams {
  resource input-stream;
}
"#), @r#"
    Interface /wit/deps/io/streams.wit:2:11-2:18 "streams"
      full: /wit/deps/io/streams.wit:2:1-4:2 "interface streams {\n  resource input-..."
    "#);
    assert_snapshot!(check_definition(r#"
//- /wit/main.wit
package a:b;
interface api {
  use was$0i:io/streams@0.2.0.{input-stream};
}
//- /wit/deps/io/streams.wit
/// I/O.
package wasi:io@0.2.0;
interface streams {
  resource input-stream;
}
"#), @r#"
    Package /wit/deps/io/streams.wit:2:9-2:22 "wasi:io@0.2.0"
      full: /wit/deps/io/streams.wit:2:1-2:23 "package wasi:io@0.2.0;"
    "#);
}

#[test]
fn chain_of_uses_leads_to_the_definition() {
    assert_snapshot!(check_definition(r#"
package a:b;
interface x { record r { a: u8 } }
interface y { use x.{r}; }
interface z { use y.{r}; f: func() -> r$0; }
"#), @r#"
    Record /wit/main.wit:3:22-3:23 "r"
      full: /wit/main.wit:3:15-3:33 "record r { a: u8 }"
    "#);
}

#[test]
fn include_and_world_import() {
    assert_snapshot!(check_definition(r#"
package a:b;
interface i { f: func(); }
world base { import i; }
world w { include ba$0se; }
"#), @r#"
    World /wit/main.wit:4:7-4:11 "base"
      full: /wit/main.wit:4:1-4:25 "world base { import i; }"
    "#);
    assert_snapshot!(check_definition(r#"
package a:b;
interface i { f: func(); }
world w { export i$0; }
"#), @r#"
    Interface /wit/main.wit:3:11-3:12 "i"
      full: /wit/main.wit:3:1-3:27 "interface i { f: func(); }"
    "#);
}

#[test]
fn on_a_definition_itself() {
    assert_snapshot!(check_definition(r#"
package a:b;
interface i { resource r { constructor(); get-x$0: func() -> u32; } }
"#), @r#"
    Method /wit/main.wit:3:43-3:48 "get-x"
      full: /wit/main.wit:3:43-3:64 "get-x: func() -> u32;"
    "#);
}

#[test]
fn nothing_on_keywords_and_whitespace() {
    assert_snapshot!(check_definition("package a:b;\ninterface i { rec$0ord r { a: u8 } }\n"), @"");
    assert_snapshot!(check_definition("package a:b;\ninterface i {  $0  }\n"), @"");
}

#[test]
fn type_definition_follows_aliases() {
    assert_snapshot!(check_type_definition(r#"
package a:b;
interface i {
  record point { x: u32 }
  type p2 = point;
  type p1 = p2;
  f: func(p$0: p1);
}
"#), @r#"
    Record /wit/main.wit:4:10-4:15 "point"
      full: /wit/main.wit:4:3-4:26 "record point { x: u32 }"
    "#);
    assert_snapshot!(check_type_definition(r#"
package a:b;
interface i {
  resource file;
  record entry { f$0ile: borrow<file> }
}
"#), @r#"
    Resource /wit/main.wit:4:12-4:16 "file"
      full: /wit/main.wit:4:3-4:17 "resource file;"
    "#);
}

#[test]
fn references_across_files() {
    assert_snapshot!(check_references(super::TYPES_ACROSS_FILES), @r#"
    def /wit/a.wit:3:10-3:15 "point"
    ref /wit/a.wit:4:16-4:21 "point"
    ref /wit/b.wit:3:14-3:19 "point"
    ref /wit/b.wit:3:21-3:26 "point"
    ref /wit/b.wit:4:14-4:19 "point"
    ref /wit/b.wit:4:29-4:30 "p"
    ref /wit/b.wit:7:14-7:19 "point"
    ref /wit/b.wit:8:21-8:26 "point"
    "#);
}

#[test]
fn references_of_an_interface() {
    assert_snapshot!(check_references(r#"
//- /wit/a.wit
package a:b;
interface ty$0pes { type t = u8; }
world w { import types; export types; }
//- /wit/b.wit
package a:b;
interface api { use types.{t}; }
"#), @r#"
    def /wit/a.wit:2:11-2:16 "types"
    ref /wit/a.wit:3:18-3:23 "types"
    ref /wit/a.wit:3:32-3:37 "types"
    ref /wit/b.wit:2:21-2:26 "types"
    "#);
}

#[test]
fn highlight_in_file() {
    assert_snapshot!(check_highlight(r#"
package a:b;
interface i {
  resource r$0 { m: func(other: borrow<r>); }
  make: func() -> r;
}
"#), @r#"
    def /wit/main.wit:4:12-4:13 "r"
    ref /wit/main.wit:4:38-4:39 "r"
    ref /wit/main.wit:5:19-5:20 "r"
    "#);
}
