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
        ("wasmtime-wasi", "src/p2/wit", &Lang::ALL[..]),
        ("wasmtime-wasi-http", "wit", &[Lang::Rust, Lang::CSharp][..]),
    ];
    for (krate, sub, langs) in cases {
        let dir = common::package_dir(krate).join(sub);
        let input = common::input(&dir);
        for &lang in langs {
            let ours = witty_bindgen::generate(&input, None, lang)
                .unwrap_or_else(|f| panic!("{krate} {lang}: {}", f.to_line(&input)));
            let theirs = common::direct(&dir, None, lang);
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
                assert!(text == their_text, "{krate} {lang}: {name} differs");
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
fn check(lang: Lang, expect: &str) {
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
    let got = out.trim_end();
    println!("{got}");
    assert_eq!(got, expect.trim());
}

#[test]
fn rust() {
    check(Lang::Rust, r#""#);
}
