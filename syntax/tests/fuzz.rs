//! Property tests on stable: random bytes, and random edits of real WIT, never make the
//! parser panic, and the tree always prints back to its input. (`syntax/fuzz` has the same
//! properties as a `cargo fuzz` target for longer runs.)

use proptest::prelude::*;

fn check(text: &str) {
    let parse = witty_syntax::parse(text);
    assert_eq!(parse.syntax_node().to_string(), text);
    for e in parse.errors() {
        assert!(usize::from(e.range().end()) <= text.len());
    }
    // The typed layer must cope with whatever tree came out.
    let file = parse.tree();
    for item in file.items() {
        let _ = format!("{item:?}");
    }
}

const SEEDS: &[&str] = &[
    include_str!("../test_data/ok/interface_items.wit"),
    include_str!("../test_data/ok/worlds.wit"),
    include_str!("../test_data/ok/gates_and_attributes.wit"),
    include_str!("../test_data/ok/nested_packages.wit"),
    include_str!("../test_data/ok/comments_and_trivia.wit"),
];

const SNIPPETS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "<",
    ">",
    ";",
    ":",
    ",",
    ".",
    "@",
    "/",
    "->",
    "=",
    "%",
    "\"",
    "/*",
    "*/",
    "//",
    "///",
    "\n",
    " ",
    "\r\n",
    "interface",
    "world",
    "package",
    "use",
    "type",
    "record",
    "resource",
    "func",
    "static",
    "constructor",
    "import",
    "export",
    "include",
    "with",
    "as",
    "list",
    "map",
    "option",
    "result",
    "tuple",
    "future",
    "stream",
    "own",
    "borrow",
    "async",
    "get",
    "set",
    "u32",
    "_",
    "1.0.0",
    "0.2.0-rc.1",
    "42",
    "@since(version = 1.0.0)",
    "@unstable(feature = x)",
    "a:b/c@1.0.0",
    "x",
    "é",
    "\u{202e}",
    "\u{7}",
    "\u{feff}",
];

#[derive(Debug, Clone)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, snippet: usize },
    Duplicate { at: usize, len: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), 0..SNIPPETS.len()).prop_map(|(at, snippet)| Edit::Insert { at, snippet }),
        (any::<usize>(), 0usize..60).prop_map(|(at, len)| Edit::Duplicate { at, len }),
    ]
}

fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, edit: &Edit) {
    match *edit {
        Edit::Delete { at, len } => {
            let start = boundary(text, at);
            let end = boundary(text, (start + len).min(text.len()));
            text.replace_range(start..end.max(start), "");
        }
        Edit::Insert { at, snippet } => {
            let at = boundary(text, at);
            text.insert_str(at, SNIPPETS[snippet]);
        }
        Edit::Duplicate { at, len } => {
            let start = boundary(text, at);
            let end = boundary(text, (start + len).min(text.len())).max(start);
            let piece = text[start..end].to_string();
            text.insert_str(end, &piece);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_snippet_soup(parts in proptest::collection::vec(0..SNIPPETS.len(), 0..300)) {
        let text: String = parts.iter().map(|&i| SNIPPETS[i]).collect::<Vec<_>>().join(" ");
        check(&text);
    }

    #[test]
    fn random_edits_of_real_wit(seed in 0..SEEDS.len(), edits in proptest::collection::vec(edit(), 1..12)) {
        let mut text = SEEDS[seed].to_string();
        for e in &edits {
            apply(&mut text, e);
            check(&text);
        }
    }
}
