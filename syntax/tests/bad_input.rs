//! Hostile inputs: each gets errors with positions, prints back, and neither panics,
//! overflows the stack nor hangs.

use witty_syntax::{Parse, parse};

fn check(text: &str) -> Parse {
    let parse = parse(text);
    assert_eq!(parse.syntax_node().to_string(), text);
    for e in parse.errors() {
        assert!(
            usize::from(e.range().end()) <= text.len(),
            "error past the end: {e:?}"
        );
        assert!(!e.message().is_empty());
    }
    parse
}

#[test]
fn empty_file() {
    assert!(check("").errors().is_empty());
}

#[test]
fn binary_garbage() {
    // A deterministic stream of arbitrary bytes, made text the way editors do it.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    let parse = check(&text);
    assert!(!parse.errors().is_empty());
    assert!(parse.errors().len() <= witty_syntax::MAX_ERRORS + 1);
}

#[test]
fn five_megabytes() {
    let item = "interface i {\n  record r { a: u32, b: list<string> }\n  f: func(x: r) -> result<u32, string>;\n}\n";
    let mut text = String::from("package big:file;\n");
    while text.len() < 5 * 1024 * 1024 {
        text.push_str(item);
    }
    assert!(check(&text).errors().is_empty());
}

#[test]
fn ten_thousand_nested_lists() {
    let depth = 10_000;
    let text = format!(
        "interface i {{\n  type t = {}u8{};\n}}\n",
        "list<".repeat(depth),
        ">".repeat(depth)
    );
    let parse = check(&text);
    assert_eq!(parse.errors().len(), 1, "{:?}", parse.errors());
    assert!(parse.errors()[0].message().contains("nesting too deep"));
}

#[test]
fn ten_thousand_nested_braces_and_packages() {
    let text = format!("interface i {}\n", "{".repeat(10_000));
    assert!(!check(&text).errors().is_empty());
    let text = "package a:b {\n".repeat(10_000);
    assert!(!check(&text).errors().is_empty());
    let text = "(".repeat(10_000);
    assert!(!check(&text).errors().is_empty());
}

#[test]
fn crlf_and_bom() {
    let text = "\u{feff}package a:b;\r\n\r\n/// Doc\r\ninterface i {\r\n  f: func();\r\n}\r\n";
    assert!(check(text).errors().is_empty());
}

#[test]
fn unterminated_comment_at_end() {
    let parse = check("interface i {}\n/* open /* nested */");
    assert_eq!(parse.errors().len(), 1);
    assert!(
        parse.errors()[0]
            .message()
            .contains("unterminated block comment")
    );
}

#[test]
fn every_prefix_of_a_real_file() {
    // Typing a file from the top: each prefix is a text an editor will ask about.
    let text = include_str!("../test_data/ok/interface_items.wit");
    for (i, _) in text.char_indices() {
        check(&text[..i]);
    }
}

#[test]
fn a_top_level_keyword_as_a_member_name_is_an_error_not_a_panic() {
    // Found by the property tests: after a gate, or as an import's label, a keyword that
    // only starts top-level items was taken for a name the parser then could not consume.
    for text in [
        "interface i { @unstable(feature = x) world: func(); }",
        "interface i { resource r { @since(version = 1.0.0) package: func(); } }",
        "world w { import world: func(); }",
        "world w { export interface: func(); }",
    ] {
        let parse = check(text);
        assert!(!parse.errors().is_empty(), "{text}");
        assert_eq!(witty_syntax::format(text), None);
    }
}
