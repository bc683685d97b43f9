//! Semantic highlighting.

use insta::assert_snapshot;

use crate::ide::fixture::Fixture;

fn check(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    let path = f.files[0].0.clone();
    let text = f.text(&path);
    let ranges = f.host.analysis().highlight_ranges(&path, None).unwrap();
    ranges
        .iter()
        .map(|h| {
            let mut mods = Vec::new();
            for (bit, name) in [(1, "decl"), (2, "deprecated"), (4, "doc"), (8, "builtin")] {
                if h.mods & bit != 0 {
                    mods.push(name);
                }
            }
            format!("{:?} {:?} {}", &text[h.range], h.tag, mods.join(","))
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn names_by_what_they_resolve_to() {
    assert_snapshot!(check(r#"
//- /wit/main.wit
package a:b@1.0.0;
/// Docs.
interface i {
  use wasi:io/streams@0.2.0.{input-stream};
  @since(version = 1.0.0)
  record point { x: u32 }
  @deprecated(version = 1.0.0)
  type old = point;
  read: func(s: borrow<input-stream>, p: old) -> list<u8>; // note
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams { resource input-stream; }
"#), @r#"
    "package" Keyword
    "a" Def(Package)
    "b" Def(Package)
    "1.0.0" Number
    "/// Docs." Comment doc
    "interface" Keyword
    "i" Def(Interface) decl
    "use" Keyword
    "wasi" Def(Package)
    "io" Def(Package)
    "streams" Def(Interface)
    "0.2.0" Number
    "input-stream" Def(Resource)
    "@" Attribute
    "since" Attribute
    "version" AttributeKey
    "1.0.0" Number
    "record" Keyword
    "point" Def(Record) decl
    "x" Def(Field) decl
    "u32" BuiltinType builtin
    "@" Attribute
    "deprecated" Attribute
    "version" AttributeKey
    "1.0.0" Number
    "type" Keyword
    "old" Def(TypeAlias) decl,deprecated
    "point" Def(Record)
    "read" Def(Func) decl
    "func" Keyword
    "s" Def(Param) decl
    "borrow" BuiltinType builtin
    "input-stream" Def(Resource)
    "p" Def(Param) decl
    "old" Def(TypeAlias) deprecated
    "list" BuiltinType builtin
    "u8" BuiltinType builtin
    "// note" Comment
    "#);
}
