//! The bindings witty gives are the generators' own: the same files as the generator crates
//! run directly on wit-parser's reading of real packages (WASI's WIT in the cargo registry);
//! what each language makes of a small package, keywords of the language included (the
//! generator's escaping shows); and a world a generator cannot handle, reported at the WIT.

mod common;

use witty_bindgen::{Bindings, Lang};

/// Each language's files for WASI 0.2 (every interface `wasi:cli/imports` brings) and
/// wasi:http, through witty and directly, are the same.
#[test]
fn the_same_files_as_the_generators_run_directly_on_wasi() {
    let cases = [
        ("wasmtime-wasi", "src/p2/wit", "bindings", &Lang::ALL[..]),
        (
            "wasmtime-wasi-http",
            "wit",
            "bindings",
            &[Lang::Rust, Lang::CSharp][..],
        ),
    ];
    for (krate, sub, world, langs) in cases {
        let dir = common::package_dir(krate).join(sub);
        let input = common::input(&dir);
        for &lang in langs {
            let ours = witty_bindgen::generate(&input, Some(world), lang)
                .unwrap_or_else(|f| panic!("{krate} {lang}: {}", f.to_line(&input)));
            let theirs = common::direct(&dir, Some(world), lang);
            let ours: Vec<(String, Vec<u8>)> = ours
                .files
                .into_iter()
                .map(|f| (f.name, f.contents))
                .collect();
            assert_eq!(
                ours.len(),
                theirs.len(),
                "{krate} {lang}: the number of files"
            );
            for ((name, text), (their_name, their_text)) in ours.iter().zip(&theirs) {
                assert_eq!(name, their_name, "{krate} {lang}");
                // MoonBit's generator keeps its FFI helpers in a `HashSet` (`builtins`), so
                // their order differs from run to run: its files are compared as sets of lines.
                let same = if lang == Lang::MoonBit {
                    let lines = |t: &[u8]| {
                        let mut l: Vec<String> = String::from_utf8_lossy(t)
                            .lines()
                            .map(str::to_string)
                            .collect();
                        l.sort();
                        l
                    };
                    lines(text) == lines(their_text)
                } else {
                    text == their_text
                };
                if !same {
                    let (a, b) = (
                        String::from_utf8_lossy(text),
                        String::from_utf8_lossy(their_text),
                    );
                    let at = a.lines().zip(b.lines()).position(|(x, y)| x != y);
                    panic!(
                        "{krate} {lang}: {name} differs at line {at:?}:\n{}\n{}",
                        a.lines().nth(at.unwrap_or(0)).unwrap_or(""),
                        b.lines().nth(at.unwrap_or(0)).unwrap_or("")
                    );
                }
            }
        }
    }
}

const SHAPES: &str = r#"
//- shapes.wit
package demo:shapes@0.1.0;

interface shapes {
  record point {
    x: s32,
    y: s32,
  }

  /// The distance between two points.
  distance: func(a: point, b: point) -> f64;
}

/// Names that are keywords in one target language or another.
interface keywords {
  record loop {
    match: u32,
    impl: string,
    default: bool,
    class: s8,
    namespace: u8,
  }

  switch: func(in: u32, ref: string) -> loop;
}

world app {
  export shapes;
  import keywords;
}
"#;

/// What the generator wrote for each of the items (by their definitions' names), as the
/// hover shows it.
fn check(lang: Lang) -> String {
    let dir = common::fixture(SHAPES);
    let input = common::input(dir.path());
    let bindings: Bindings = witty_bindgen::generate(&input, None, lang)
        .unwrap_or_else(|f| panic!("{}", f.to_line(&input)));
    let file = dir.path().join("shapes.wit");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut out = String::new();
    for needle in [
        "record point",
        "distance:",
        "record loop",
        "switch:",
        "interface keywords",
    ] {
        let word = needle
            .trim_start_matches("record ")
            .trim_start_matches("interface ")
            .trim_end_matches(':');
        let offset = text.find(needle).unwrap() + needle.find(word).unwrap();
        let found = bindings.signature_at(&file, offset);
        out.push_str(&format!(
            "{word}:\n{}\n\n",
            found.as_deref().unwrap_or("(not found)")
        ));
    }
    let got = out.trim_end().to_string();
    println!("=====BEGIN {lang}\n{got}\n=====END");
    got
}

#[test]
fn rust() {
    insta::assert_snapshot!(check(Lang::Rust), @r###"
    point:
    pub struct Point {
        pub x: i32,
        pub y: i32,
    }

    distance:
    fn distance(a: Point, b: Point) -> f64;

    loop:
    pub struct Loop {
        pub match_: u32,
        pub impl_: _rt::String,
        pub default: bool,
        pub class: i8,
        pub namespace: u8,
    }

    switch:
    pub fn switch(in_: u32, ref_: &str) -> Loop

    keywords:
    mod demo::shapes::keywords
    "###);
}

#[test]
fn c() {
    insta::assert_snapshot!(check(Lang::C), @r###"
    point:
    typedef struct exports_demo_shapes_shapes_point_t {
      int32_t   x;
      int32_t   y;
    } exports_demo_shapes_shapes_point_t;

    distance:
    double exports_demo_shapes_shapes_distance(exports_demo_shapes_shapes_point_t *a, exports_demo_shapes_shapes_point_t *b);

    loop:
    typedef struct demo_shapes_keywords_loop_t {
      uint32_t   match;
      app_string_t   impl;
      bool   default_;
      int8_t   class_;
      uint8_t   namespace_;
    } demo_shapes_keywords_loop_t;

    switch:
    extern void demo_shapes_keywords_switch(uint32_t in, app_string_t *ref, demo_shapes_keywords_loop_t *ret);

    keywords:
    (not found)
    "###);
}

#[test]
fn cpp() {
    insta::assert_snapshot!(check(Lang::Cpp), @r###"
    point:
    struct Point {
      int32_t x;
      int32_t y;
    };

    distance:
    double Distance(Point a, Point b);

    loop:
    struct Loop {
      uint32_t match;
      wit::string impl;
      bool default_;
      int8_t class_;
      uint8_t namespace_;
    };

    switch:
    Loop Switch(uint32_t in, std::string_view ref);

    keywords:
    namespace keywords
    "###);
}

#[test]
fn csharp() {
    insta::assert_snapshot!(check(Lang::CSharp), @r###"
    point:
    public struct Point {
        public int x;
        public int y;

        public Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    distance:
    static abstract double Distance(global::AppWorld.wit.Exports.demo.shapes.IShapesExports.Point a, global::AppWorld.wit.Exports.demo.shapes.IShapesExports.Point b);

    loop:
    public struct Loop {
        public uint match;
        public string impl;
        public bool @default;
        public sbyte @class;
        public byte @namespace;

        public Loop(uint match, string impl, bool @default, sbyte @class, byte @namespace) {
            this.match = match;
            this.impl = impl;
            this.@default = @default;
            this.@class = @class;
            this.@namespace = @namespace;
        }
        …

    switch:
    public static unsafe global::AppWorld.wit.Imports.demo.shapes.IKeywordsImports.Loop Switch(uint @in, string @ref)

    keywords:
    (not found)
    "###);
}

#[test]
fn moonbit() {
    insta::assert_snapshot!(check(Lang::MoonBit), @r###"
    point:
    pub(all) struct Point {
          x : Int; y : Int
    }

    distance:
    declare pub fn distance(a : Point, b : Point) -> Double

    loop:
    pub(all) struct Loop {
          match_ : UInt; impl_ : String; default : Bool; class : Int; namespace_ : Byte
    }

    switch:
    pub fn switch(in_ : UInt, ref_ : String) -> Loop

    keywords:
    (not found)
    "###);
}
