//! Document symbols, folding ranges, selection ranges.

use insta::assert_snapshot;

use crate::ide::StructureSymbol;
use crate::ide::fixture::Fixture;

const FILE: &str = r#"package demo:shapes@1.0.0;

// A comment
// on two lines.
interface shapes {
  use types.{id};
  use other.{x};

  /// A point.
  record point {
    x: u32,
    y: u32,
  }
  variant shape { circle(u32), none }
  enum color { red, green }
  flags perms { read }
  type ids = list<id>;
  resource canvas {
    constructor(w: u32);
    draw: func(s: shape) -> result<_, string>;
    make: static func() -> canvas;
  }
  @deprecated(version = 1.0.0)
  area: func(s: shape) -> f64;
}

world app {
  import shapes;
  import log: func(msg: string);
  export run: interface { go: func(); }
  export w: demo:shapes/shapes@1.0.0;
}
"#;

fn render(symbols: &[StructureSymbol], depth: usize, out: &mut String) {
    for s in symbols {
        let detail = s
            .detail
            .as_deref()
            .map(|d| format!(" {d}"))
            .unwrap_or_default();
        let deprecated = if s.deprecated { " (deprecated)" } else { "" };
        out.push_str(&format!(
            "{}{:?} {}{detail}{deprecated}\n",
            "  ".repeat(depth),
            s.kind,
            s.name
        ));
        render(&s.children, depth + 1, out);
    }
}

fn check_symbols(text: &str) -> String {
    let f = Fixture::parse(text);
    let symbols = f
        .host
        .analysis()
        .document_symbols(f.files[0].0.as_path())
        .unwrap();
    let mut out = String::new();
    render(&symbols, 0, &mut out);
    out
}

fn check_folds(text: &str) -> String {
    let f = Fixture::parse(text);
    let path = f.files[0].0.clone();
    let folds = f.host.analysis().folding_ranges(&path).unwrap();
    folds
        .iter()
        .map(|fold| format!("{:?} {}", fold.kind, f.show(&path, fold.range)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn check_selection(text: &str) -> String {
    let f = Fixture::parse(text);
    let pos = f.position();
    let ranges = f
        .host
        .analysis()
        .selection_ranges(pos.path, &[pos.offset])
        .unwrap();
    ranges[0]
        .iter()
        .map(|r| f.show(pos.path, *r))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn symbols_nest_like_the_items() {
    assert_snapshot!(check_symbols(FILE), @"
    Package demo:shapes@1.0.0
    Interface shapes
      Record point
        Field x u32
        Field y u32
      Variant shape
        Case circle u32
        Case none
      Enum color
        EnumCase red
        EnumCase green
      Flags perms
        Flag read
      TypeAlias ids list<id>
      Resource canvas
        Constructor constructor (w: u32)
        Method draw func(s: shape) -> result<_, string>
        StaticFunc make func() -> canvas
      Func area func(s: shape) -> f64 (deprecated)
    World app
      Import shapes
      Import log func(msg: string)
      Export run interface
        Func go func()
      Export w demo:shapes/shapes@1.0.0
    ");
}

#[test]
fn symbols_of_a_broken_file() {
    assert_snapshot!(check_symbols("package a:b;\ninterface i {\n  record r { a: u32\n  f: func();\n"), @"
    Package a:b
    Interface i
      Record r
        Field a u32
        Field f
    ");
}

#[test]
fn folds() {
    assert_snapshot!(check_folds(FILE), @r#"
    Comment /wit/main.wit:3:1-4:17 "// A comment\n// on two lines."
    Region /wit/main.wit:5:18-25:2 "{\n  use types.{id};\n  use other.{x};\n..."
    Imports /wit/main.wit:6:3-7:17 "use types.{id};\n  use other.{x};"
    Region /wit/main.wit:10:16-13:4 "{\n    x: u32,\n    y: u32,\n  }"
    Region /wit/main.wit:18:19-22:4 "{\n    constructor(w: u32);\n    draw: ..."
    Region /wit/main.wit:27:11-32:2 "{\n  import shapes;\n  import log: func..."
    "#);
}

#[test]
fn selection_grows_outward() {
    assert_snapshot!(check_selection("package a:b;\ninterface i {\n  /// Docs.\n  record r { a: u3$02 }\n}\n"), @r#"
    /wit/main.wit:4:17-4:20 "u32"
    /wit/main.wit:4:14-4:20 "a: u32"
    /wit/main.wit:4:12-4:22 "{ a: u32 }"
    /wit/main.wit:4:3-4:22 "record r { a: u32 }"
    /wit/main.wit:3:3-4:22 "/// Docs.\n  record r { a: u32 }"
    /wit/main.wit:2:13-5:2 "{\n  /// Docs.\n  record r { a: u32 }\n}"
    /wit/main.wit:2:1-5:2 "interface i {\n  /// Docs.\n  record r ..."
    /wit/main.wit:1:1-6:1 "package a:b;\ninterface i {\n  /// Docs..."
    "#);
}

#[test]
fn selection_in_docs_and_leading_space_contains_the_position() {
    assert_snapshot!(check_selection("package a:b;\ninterface i {\n  /// Do$0cs.\n  record r { a: u32 }\n}\n"), @r#"
    /wit/main.wit:3:3-3:12 "/// Docs."
    /wit/main.wit:3:3-4:22 "/// Docs.\n  record r { a: u32 }"
    /wit/main.wit:2:13-5:2 "{\n  /// Docs.\n  record r { a: u32 }\n}"
    /wit/main.wit:2:1-5:2 "interface i {\n  /// Docs.\n  record r ..."
    /wit/main.wit:1:1-6:1 "package a:b;\ninterface i {\n  /// Docs..."
    "#);
    assert_snapshot!(check_selection("package a:b;\ninterface i {\n $0 /// Docs.\n  record r { a: u32 }\n}\n"), @r#"
    /wit/main.wit:2:13-5:2 "{\n  /// Docs.\n  record r { a: u32 }\n}"
    /wit/main.wit:2:1-5:2 "interface i {\n  /// Docs.\n  record r ..."
    /wit/main.wit:1:1-6:1 "package a:b;\ninterface i {\n  /// Docs..."
    "#);
}

#[test]
fn workspace_symbols_fuzzy() {
    let f = Fixture::parse(super::TYPES_ACROSS_FILES);
    let found = f.host.analysis().workspace_symbols("pnt").unwrap();
    let shown: Vec<String> = found
        .iter()
        .map(|s| {
            format!(
                "{:?} {} in {:?}",
                s.target.kind,
                f.show(&s.target.path, s.target.focus_range),
                s.container
            )
        })
        .collect();
    assert_snapshot!(shown.join("\n"), @r#"Record /wit/a.wit:3:10-3:15 "point" in Some("types")"#);
}
