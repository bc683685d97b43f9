//! Property tests on stable: random bytes, and random edits of real WIT, never make the
//! parser or the formatter panic, the tree always prints back to its input, and formatting
//! is idempotent and keeps comments and tokens. (`syntax/fuzz` has the parser's properties
//! as a `cargo fuzz` target for longer runs.)

mod common;

use proptest::prelude::*;
use witty_syntax::{T, TextRange, TextSize, format_range};

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
    // Refused exactly when there are syntax errors; otherwise sound (see `check_format`).
    let formatted = common::check_format(text);
    assert_eq!(formatted.is_none(), !parse.errors().is_empty());
}

/// Range edits are in order, do not overlap, stay inside the text, and applying them leaves
/// text that formats to what the whole text formats to.
fn check_range(text: &str, range: TextRange) {
    let Some(edits) = format_range(text, range) else {
        return;
    };
    let mut end = TextSize::new(0);
    for edit in &edits {
        assert!(edit.range.start() >= end, "edits overlap: {edits:?}");
        end = edit.range.end();
    }
    assert!(usize::from(end) <= text.len());
    let mut edited = text.to_string();
    for edit in edits.iter().rev() {
        edited.replace_range(std::ops::Range::<usize>::from(edit.range), &edit.insert);
    }
    assert_eq!(witty_syntax::format(&edited), witty_syntax::format(text));
}

const SEEDS: &[&str] = &[
    include_str!("../test_data/ok/interface_items.wit"),
    include_str!("../test_data/ok/worlds.wit"),
    include_str!("../test_data/ok/gates_and_attributes.wit"),
    include_str!("../test_data/ok/nested_packages.wit"),
    include_str!("../test_data/ok/comments_and_trivia.wit"),
    include_str!("../test_data/fmt/comments_between_items.wit"),
    include_str!("../test_data/fmt/comments_inside_items.wit"),
    include_str!("../test_data/fmt/type_bodies.wit"),
    include_str!("../test_data/fmt/trailing_commas.wit"),
    include_str!("../test_data/fmt/line_width.wit"),
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

/// `text` with the whitespace between tokens changed, where it cannot matter: not next to a
/// comment, and with a blank line wherever there was one.
fn respace(text: &str, picks: &[usize]) -> String {
    const SAME_LINE: &[&str] = &[" ", "   ", "\t", "\n", "\n    ", " \t\n\t"];
    const BLANK: &[&str] = &["\n\n", "\n\n\n\n", " \n \t\n  "];
    let (tokens, _) = witty_syntax::lex(text);
    let mut out = String::new();
    for i in 0..tokens.len() {
        let piece = tokens.text(text, i);
        let near_comment = |j: Option<usize>| {
            j.is_some_and(|j| tokens.kinds.get(j).is_some_and(|k| k.is_comment()))
        };
        // Whether the author put a list's first element on a new line is a choice the
        // formatter keeps (the list stays broken), so the space after an opener stays too.
        let after_opener = i
            .checked_sub(1)
            .is_some_and(|j| matches!(tokens.kinds[j], T!['('] | T!['{'] | T![<]));
        let fixed = tokens.kinds[i] != witty_syntax::SyntaxKind::WHITESPACE
            || piece.contains('\u{feff}')
            || after_opener
            || near_comment(i.checked_sub(1))
            || near_comment(Some(i + 1));
        if fixed {
            out.push_str(piece);
            continue;
        }
        let pick = picks[i % picks.len()];
        let choices = if piece.matches('\n').count() > 1 {
            BLANK
        } else {
            SAME_LINE
        };
        out.push_str(choices[pick % choices.len()]);
    }
    out
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
    fn whitespace_does_not_matter(seed in 0..SEEDS.len(), picks in proptest::collection::vec(0usize..6, 1..50)) {
        let text = SEEDS[seed];
        let respaced = respace(text, &picks);
        check(&respaced);
        prop_assert_eq!(witty_syntax::format(&respaced), witty_syntax::format(text));
    }

    #[test]
    fn random_ranges_of_real_wit(seed in 0..SEEDS.len(), a in any::<usize>(), b in any::<usize>()) {
        let text = SEEDS[seed];
        let (a, b) = (boundary(text, a), boundary(text, b));
        let range = TextRange::new(TextSize::new(a.min(b) as u32), TextSize::new(a.max(b) as u32));
        check_range(text, range);
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
