//! Completion: one line per item (label, kind, what it inserts).

use insta::assert_snapshot;

use crate::ide::fixture::Fixture;

fn check(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    let items = f.host.analysis().completions(f.position()).unwrap();
    items
        .iter()
        .map(|i| {
            let doc = i
                .documentation
                .as_deref()
                .map(|d| format!("  // {}", d.replace('\n', " ")))
                .unwrap_or_default();
            format!("{:?} {} => {:?}{doc}", i.kind, i.label, i.insert)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const DEPS: &str = r#"
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
/// Streams of bytes.
interface streams {
  /// Read side.
  resource input-stream;
  type size = u64;
  read: func();
}
world proxy { import streams; }
"#;

fn with_deps(main: &str) -> String {
    format!("//- /wit/main.wit\n{main}{DEPS}")
}

#[test]
fn file_level() {
    assert_snapshot!(check("package a:b;\n\n$0"), @r#"
    Snippet interface => "interface ${1:name} {\n\t$0\n}"
    Snippet world => "world ${1:name} {\n\t$0\n}"
    Snippet use => "use ${1:ns:pkg/iface@1.0.0}${2: as name};"
    Snippet package => "package ${1:ns}:${2:name}${3:@0.1.0};"
    Attribute @since => "@since(version = ${1:0.1.0})"
    Attribute @unstable => "@unstable(feature = ${1:name})"
    Attribute @deprecated => "@deprecated(version = ${1:0.1.0})"
    "#);
}

#[test]
fn interface_body_and_resource_body() {
    assert_snapshot!(check("package a:b;\ninterface i {\n  $0\n}\n"), @r#"
    Snippet record => "record ${1:name} {\n\t${2:field}: ${3:u32},\n}"
    Snippet variant => "variant ${1:name} {\n\t${2:case}(${3:u32}),\n}"
    Snippet enum => "enum ${1:name} {\n\t${2:case},\n}"
    Snippet flags => "flags ${1:name} {\n\t${2:flag},\n}"
    Snippet resource => "resource ${1:name} {\n\tconstructor($2);\n\t$0\n}"
    Snippet type => "type ${1:name} = ${2:u32};"
    Snippet use => "use ${1:iface}.{${2:name}};"
    Snippet func => "${1:name}: func(${2}) -> ${3:u32};"
    Attribute @since => "@since(version = ${1:0.1.0})"
    Attribute @unstable => "@unstable(feature = ${1:name})"
    Attribute @deprecated => "@deprecated(version = ${1:0.1.0})"
    "#);
    assert_snapshot!(check("package a:b;\ninterface i {\n  resource r {\n    $0\n  }\n}\n"), @r#"
    Snippet constructor => "constructor($1);"
    Snippet method => "${1:name}: func($2)$3;"
    Snippet static => "${1:name}: static func($2)$3;"
    Attribute @since => "@since(version = ${1:0.1.0})"
    Attribute @unstable => "@unstable(feature = ${1:name})"
    Attribute @deprecated => "@deprecated(version = ${1:0.1.0})"
    "#);
}

#[test]
fn world_body() {
    assert_snapshot!(check("package a:b;\nworld w {\n  record r { a: u8 }\n  i$0\n}\n"), @r#"
    Snippet import => "import ${1:iface};"
    Snippet include => "include ${1:world};"
    Snippet import func => "import ${1:name}: func($2)$3;"
    Snippet import interface => "import ${1:name}: interface {\n\t$0\n}"
    Snippet export interface => "export ${1:name}: interface {\n\t$0\n}"
    "#);
}

#[test]
fn types_in_scope_after_colon_arrow_and_angle() {
    let text = with_deps(
        "package a:b;\ninterface i {\n  use wasi:io/streams@0.2.0.{input-stream, size as len};\n  /// A point.\n  record point { x: u32 }\n  f: func(p: $0);\n}\n",
    );
    assert_snapshot!(check(&text), @r#"
    Def(Resource) input-stream => "input-stream"  // Read side.
    Def(TypeAlias) len => "len"
    Def(Record) point => "point"  // A point.
    BuiltinType bool => "bool"
    BuiltinType u8 => "u8"
    BuiltinType u16 => "u16"
    BuiltinType u32 => "u32"
    BuiltinType u64 => "u64"
    BuiltinType s8 => "s8"
    BuiltinType s16 => "s16"
    BuiltinType s32 => "s32"
    BuiltinType s64 => "s64"
    BuiltinType f32 => "f32"
    BuiltinType f64 => "f64"
    BuiltinType char => "char"
    BuiltinType string => "string"
    BuiltinType error-context => "error-context"
    BuiltinType list<T> => "list<$1>"
    BuiltinType option<T> => "option<$1>"
    BuiltinType result<T, E> => "result<$1, $2>"
    BuiltinType tuple<..> => "tuple<$1>"
    BuiltinType borrow<R> => "borrow<$1>"
    BuiltinType own<R> => "own<$1>"
    BuiltinType future<T> => "future<$1>"
    BuiltinType stream<T> => "stream<$1>"
    BuiltinType map<K, V> => "map<$1, $2>"
    "#);
    let text = with_deps(
        "package a:b;\ninterface i {\n  use wasi:io/streams@0.2.0.{input-stream};\n  record point { x: u32 }\n  f: func(p: borrow<$0>);\n}\n",
    );
    assert_snapshot!(check(&text), @r#"Def(Resource) input-stream => "input-stream"  // Read side."#);
    assert_snapshot!(check("package a:b;\ninterface i {\n  record point { x: u32 }\n  f: func() -> po$0\n}\n"), @r#"Def(Record) point => "point""#);
}

#[test]
fn paths_after_use_import_and_include() {
    let text = with_deps("package a:b;\ninterface local {}\nworld w {\n  import $0\n}\n");
    assert_snapshot!(check(&text), @r#"
    Def(Interface) local => "local"
    Def(Interface) wasi:io/streams@0.2.0 => "wasi:io/streams@0.2.0"  // Streams of bytes.
    "#);
    let text = with_deps("package a:b;\nworld w {\n  include $0\n}\n");
    assert_snapshot!(check(&text), @r#"
    Def(World) w => "w"
    Def(World) wasi:io/proxy@0.2.0 => "wasi:io/proxy@0.2.0"
    "#);
    let text = with_deps("package a:b;\ninterface i {\n  use wasi:io/$0\n}\n");
    assert_snapshot!(check(&text), @r#"Def(Interface) streams@0.2.0 => "streams@0.2.0"  // Streams of bytes."#);
}

#[test]
fn names_after_use_brace() {
    let text =
        with_deps("package a:b;\ninterface i {\n  use wasi:io/streams@0.2.0.{size, $0};\n}\n");
    assert_snapshot!(check(&text), @r#"Def(Resource) input-stream => "input-stream"  // Read side."#);
}

#[test]
fn function_after_name_colon_and_attributes() {
    assert_snapshot!(check("package a:b;\ninterface i {\n  run: $0\n}\n"), @r#"
    Snippet func => "func($1)$2;"
    Snippet async func => "async func($1)$2;"
    "#);
    assert_snapshot!(check("package a:b;\ninterface i {\n  @$0\n}\n"), @r#"
    Attribute since => "since(version = ${1:0.1.0})"
    Attribute unstable => "unstable(feature = ${1:name})"
    Attribute deprecated => "deprecated(version = ${1:0.1.0})"
    "#);
}

#[test]
fn nothing_where_a_new_name_goes() {
    assert_snapshot!(check("package a:b;\ninterface i {\n  record r { $0 }\n}\n"), @"");
    assert_snapshot!(check("package a:b;\ninterface $0"), @"");
}

/// What a client without snippets inserts: one line per item, `label => plain`.
fn check_plain(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    let items = f.host.analysis().completions(f.position()).unwrap();
    items
        .iter()
        .map(|i| format!("{} => {:?}", i.label, i.plain))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn own_types_inside_an_unfinished_option() {
    assert_snapshot!(check("package a:b;\ninterface i {\n  record key { id: u32 }\n  record keys { k: list<key> }\n  get: func(k: option<ke$0\n}\n"), @r#"
    Def(Record) key => "key"
    Def(Record) keys => "keys"
    "#);
}

#[test]
fn plain_text_without_snippets() {
    assert_snapshot!(check_plain("package a:b;\ninterface i {\n  f: func() -> r$0\n}\n"), @r#"result<T, E> => "result""#);
    assert_snapshot!(check_plain("package a:b;\ninterface i {\n  rec$0\n}\n"), @r#"record => "record name {\n\tfield: u32,\n}""#);
}
