//! The formatter: snapshots of `test_data/fmt` (every construct, every place a comment can
//! stand), the output's invariants on each, and the behaviours the snapshots do not show.

mod common;

use common::{check_format, check_format_with};
use witty_syntax::{
    FormatOptions, IndentStyle, TextRange, TextSize, format, format_range, format_range_with,
};

#[test]
fn fmt_corpus() {
    insta::glob!(
        concat!(env!("CARGO_MANIFEST_DIR"), "/test_data"),
        "fmt/*.wit",
        |path| {
            let text = std::fs::read_to_string(path).unwrap();
            let formatted = check_format(&text).expect("the corpus has no syntax errors");
            insta::assert_snapshot!(formatted);
        }
    );
}

/// The files of `test_data/fmt`.
fn corpus_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    common::wit_files(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/test_data/fmt")),
        &mut files,
    );
    files
}

#[test]
fn a_comment_after_every_token_of_the_corpus_survives() {
    let mut formatted = 0;
    for path in &corpus_files() {
        let text = std::fs::read_to_string(path).unwrap();
        for style in common::COMMENT_STYLES {
            let text = common::with_comments(&text, style);
            // A comment inside a version (`1.0.0-rc.1`) is an error, so not every file parses.
            if !witty_syntax::parse(&text).errors().is_empty() {
                continue;
            }
            for options in [
                FormatOptions::default(),
                FormatOptions {
                    max_width: 10,
                    ..FormatOptions::default()
                },
                FormatOptions {
                    indent_style: IndentStyle::Tabs,
                    max_width: 40,
                    ..FormatOptions::default()
                },
            ] {
                let label = format!("{} with {style:?} and {options:?}", path.display());
                common::check_format_with_of(&label, &text, &options).expect("no syntax errors");
            }
            formatted += 1;
        }
    }
    assert!(formatted > 60, "only {formatted} files formatted");
}

#[test]
fn refuses_text_with_syntax_errors() {
    assert_eq!(format("interface i {\n  f: func()\n}\n"), None);
    assert_eq!(format("interface i {"), None);
    assert_eq!(format("record r {}"), None);
}

#[test]
fn formatted_text_is_left_alone() {
    let text = "package a:b;\n\ninterface i {\n  f: func();\n}\n";
    assert_eq!(format(text).as_deref(), Some(text));
}

#[test]
fn crlf_files_stay_crlf() {
    let out = format("package a:b;\r\ninterface i { f: func(); }\r\n").unwrap();
    assert_eq!(
        out,
        "package a:b;\r\ninterface i {\r\n  f: func();\r\n}\r\n"
    );
}

#[test]
fn a_byte_order_mark_is_kept() {
    let out = format("\u{feff}package a:b;\ninterface i {}").unwrap();
    assert_eq!(out, "\u{feff}package a:b;\ninterface i {}\n");
}

/// `text` formatted with `options`, the output checked as every test checks it.
fn formatted(text: &str, options: FormatOptions) -> String {
    check_format_with(text, &options).expect("no syntax errors")
}

const NESTED: &str =
    "interface i { record r { a: u32 } f: func(a: u32, b: string) -> result<u32, string>; }";

#[test]
fn indentation_is_an_option() {
    insta::assert_snapshot!(formatted(NESTED, FormatOptions::spaces(4)), @"
    interface i {
        record r {
            a: u32,
        }
        f: func(a: u32, b: string) -> result<u32, string>;
    }
    ");
    let tabs = FormatOptions {
        indent_style: IndentStyle::Tabs,
        ..FormatOptions::default()
    };
    insta::assert_snapshot!(formatted(NESTED, tabs).replace('\t', "→"), @"
    interface i {
    →record r {
    →→a: u32,
    →}
    →f: func(a: u32, b: string) -> result<u32, string>;
    }
    ");
}

#[test]
fn the_width_is_an_option_and_tabs_count_as_their_width() {
    let narrow = FormatOptions {
        max_width: 40,
        ..FormatOptions::default()
    };
    insta::assert_snapshot!(formatted(NESTED, narrow), @"
    interface i {
      record r {
        a: u32,
      }
      f: func(
        a: u32,
        b: string,
      ) -> result<u32, string>;
    }
    ");
    // `→f: func(a: u32, b: string) -> result<u32, string>;` is 51 characters: 52 columns
    // with a tab of 2, 58 with a tab of 8.
    for (indent_width, broken) in [(2, false), (8, true)] {
        let options = FormatOptions {
            indent_style: IndentStyle::Tabs,
            indent_width,
            max_width: 55,
        };
        let out = formatted(NESTED, options);
        assert_eq!(out.contains("func(\n"), broken, "{out}");
    }
}

#[test]
fn every_corpus_file_formats_soundly_at_every_width() {
    for path in &corpus_files() {
        let text = std::fs::read_to_string(path).unwrap();
        for max_width in [1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 120, usize::MAX] {
            let options = FormatOptions {
                max_width,
                ..FormatOptions::default()
            };
            let label = format!("{} at width {max_width}", path.display());
            let formatted = common::check_format_with_of(&label, &text, &options).unwrap();
            // A list of two elements or more that is too long for its line is broken.
            for line in formatted.lines() {
                let code = line.split("//").next().unwrap_or_default();
                let code = code.split("/*").next().unwrap_or_default().trim_end();
                assert!(
                    line.chars().count() <= max_width || !code.contains(", "),
                    "{label}: {line:?} is too long"
                );
            }
        }
    }
}

#[test]
fn deepest_nesting_the_parser_accepts_formats() {
    let depth = 99;
    let text = format!(
        "interface i {{ type t = {}u8{}; }}",
        "list< ".repeat(depth),
        " >".repeat(depth)
    );
    let unlimited = FormatOptions {
        max_width: usize::MAX,
        ..FormatOptions::default()
    };
    let out = check_format_with(&text, &unlimited).expect("99 nested lists are valid WIT");
    let line = format!(
        "  type t = {}u8{};",
        "list<".repeat(depth),
        ">".repeat(depth)
    );
    assert_eq!(out, format!("interface i {{\n{line}\n}}\n"));
    // Too long for a line: each list hugs the next, and the innermost breaks.
    let out = check_format(&text).unwrap();
    assert!(out.contains("list<\n    u8\n  >>"), "{out}");
}

#[test]
fn deeper_nesting_is_refused_without_overflow() {
    for depth in [2_000, 10_000] {
        let text = format!(
            "interface i {{ type t = {}u8{}; }}",
            "list<".repeat(depth),
            ">".repeat(depth)
        );
        assert_eq!(format(&text), None);
        assert_eq!(
            format_range(&text, TextRange::up_to(TextSize::of(&text))),
            None
        );
    }
}

#[test]
fn a_large_file_formats() {
    let item = "interface i { record r { a: u32, b: list<string> } f: func(x: r) -> result<u32, string>; }\n";
    let text = item.repeat(20_000);
    let out = format(&text).unwrap();
    assert_eq!(out.matches("    a: u32,\n").count(), 20_000);
}

fn range_of(text: &str, needle: &str) -> TextRange {
    let start = text.find(needle).expect("needle is in the text");
    TextRange::at(TextSize::new(start as u32), TextSize::of(needle))
}

fn apply(text: &str, edits: &[witty_syntax::TextEdit]) -> String {
    let mut out = text.to_string();
    for edit in edits.iter().rev() {
        out.replace_range(std::ops::Range::<usize>::from(edit.range), &edit.insert);
    }
    out
}

const MESSY: &str = "package a:b;\ninterface i {\n  f:func( a:u32 );\n    g:func();\n  record r { a: u32 }\n}\nworld w {import i;}\n";

#[test]
fn range_formatting_touches_only_the_items_in_the_range() {
    let range = range_of(MESSY, "g:func");
    let edits = format_range(MESSY, range).unwrap();
    insta::assert_debug_snapshot!(edits, @r#"
    [
        TextEdit {
            range: 45..59,
            insert: "\n  g: func();",
        },
    ]
    "#);
    insta::assert_snapshot!(apply(MESSY, &edits), @r"
    package a:b;
    interface i {
      f:func( a:u32 );
      g: func();
      record r { a: u32 }
    }
    world w {import i;}
    ");
}

#[test]
fn range_over_several_items_edits_each() {
    let start = MESSY.find("f:func").unwrap();
    let end = MESSY.find("record").unwrap() + 3;
    let range = TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32));
    let out = apply(MESSY, &format_range(MESSY, range).unwrap());
    insta::assert_snapshot!(out, @r"
    package a:b;
    interface i {
      f: func(a: u32);
      g: func();
      record r {
        a: u32,
      }
    }
    world w {import i;}
    ");
}

#[test]
fn range_over_an_item_header_formats_the_whole_item() {
    let range = range_of(MESSY, "world w");
    let out = apply(MESSY, &format_range(MESSY, range).unwrap());
    assert!(out.ends_with("}\nworld w {\n  import i;\n}\n"), "{out}");
    assert!(out.contains("  f:func( a:u32 );"), "{out}");
}

#[test]
fn range_formatting_of_everything_agrees_with_format() {
    for text in [
        MESSY,
        "// c\npackage a:b;\n\n\ninterface i {f: func();}\n// end\n",
    ] {
        let all = TextRange::up_to(TextSize::of(text));
        let edited = apply(text, &format_range(text, all).unwrap());
        // Only the whitespace after the last item is not an item's to fix.
        assert_eq!(edited.trim_end(), format(text).unwrap().trim_end());
    }
}

#[test]
fn range_formatting_lays_out_the_items_in_the_range_with_the_options() {
    let text = "interface i {\n    f: func(first: u32, second: u32) -> u32;\n    g:func( );\n}\n";
    let options = FormatOptions {
        max_width: 30,
        ..FormatOptions::spaces(4)
    };
    let edits = format_range_with(text, range_of(text, "f: func"), &options).unwrap();
    insta::assert_snapshot!(apply(text, &edits), @"
    interface i {
        f: func(
            first: u32,
            second: u32,
        ) -> u32;
        g:func( );
    }
    ");
}

#[test]
fn range_formatting_refuses_syntax_errors_and_skips_formatted_items() {
    assert_eq!(format_range("interface i {", TextRange::default()), None);
    let text = "interface i {\n  f: func();\n}\n";
    let edits = format_range(text, TextRange::up_to(TextSize::of(text))).unwrap();
    assert!(edits.is_empty());
}

/// The WASI packages that wasmtime-wasi vendors (printed by wasm-tools, which knows no line
/// width) come out of the formatter byte for byte when it has no width either; with the
/// default width, only their lines longer than it change. wasmtime-wasi is found through
/// `cargo metadata`: the runner depends on it.
#[test]
fn wasi_packages_change_only_where_lines_are_too_long() {
    let dir = common::package_dir("wasmtime-wasi").expect("the runner depends on wasmtime-wasi");
    let mut files = Vec::new();
    common::wit_files(&dir.join("src"), &mut files);
    assert!(!files.is_empty(), "no .wit files under {}", dir.display());
    let unlimited = FormatOptions {
        max_width: usize::MAX,
        ..FormatOptions::default()
    };
    let mut broken = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let formatted = check_format_with(&text, &unlimited).expect("WASI has no syntax errors");
        assert!(formatted == text, "{} changes", path.display());
        let formatted = check_format(&text).unwrap();
        let output_lines: std::collections::HashSet<&str> = formatted.lines().collect();
        for line in text.lines() {
            if line.chars().count() <= 100 {
                assert!(
                    output_lines.contains(line),
                    "{}: {line:?} changed",
                    path.display()
                );
            } else if !line.trim_start().starts_with("//") {
                broken += 1;
            }
        }
        assert!(
            formatted
                .lines()
                .all(|l| l.len() <= 100 || l.trim_start().starts_with("//"))
        );
    }
    assert!(broken > 10, "only {broken} long lines");
}

#[test]
fn ten_thousand_parameters_break_one_per_line() {
    let params: Vec<String> = (0..10_000).map(|i| format!("p{i}: u32")).collect();
    let text = format!("interface i {{ f: func({}); }}", params.join(", "));
    let out = check_format(&text).unwrap();
    assert_eq!(out.lines().count(), 10_000 + 4);
    assert!(out.contains("\n    p9999: u32,\n  );\n"));
}

#[test]
fn five_megabytes_on_one_line_format() {
    let item = "interface i { f: func(a: u32, b: list<string>) -> result<u32, string>; } ";
    let text = item.repeat(5_000_000 / item.len());
    let out = format(&text).unwrap();
    assert_eq!(
        out.matches("  f: func(a: u32, b: list<string>) -> result<u32, string>;\n")
            .count(),
        text.len() / item.len()
    );
}
