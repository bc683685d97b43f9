//! Tree snapshots of the `test_data/ok` and `test_data/err` corpora: every file prints back
//! to its input; `ok` files have no errors, `err` files have some, each with a position.

use witty_syntax::{LineIndex, parse};

fn render(text: &str) -> (String, usize) {
    let parse = parse(text);
    assert_eq!(
        parse.syntax_node().to_string(),
        text,
        "the tree must print back to its input"
    );
    let mut out = parse.debug_tree();
    let index = LineIndex::new(text);
    if !parse.errors().is_empty() {
        out.push_str("errors:\n");
    }
    for e in parse.errors() {
        let lc = index.line_col_chars(e.range().start());
        out.push_str(&format!(
            "{}:{}: [{}] {}\n",
            lc.line + 1,
            lc.col + 1,
            e.code(),
            e.message()
        ));
    }
    (out, parse.errors().len())
}

#[test]
fn ok_corpus() {
    insta::glob!(
        concat!(env!("CARGO_MANIFEST_DIR"), "/test_data"),
        "ok/*.wit",
        |path| {
            let text = std::fs::read_to_string(path).unwrap();
            let (tree, errors) = render(&text);
            assert_eq!(errors, 0, "{}:\n{tree}", path.display());
            insta::assert_snapshot!(tree);
        }
    );
}

#[test]
fn err_corpus() {
    insta::glob!(
        concat!(env!("CARGO_MANIFEST_DIR"), "/test_data"),
        "err/*.wit",
        |path| {
            let text = std::fs::read_to_string(path).unwrap();
            let (tree, errors) = render(&text);
            assert!(errors > 0, "{} should have errors", path.display());
            insta::assert_snapshot!(tree);
        }
    );
}
