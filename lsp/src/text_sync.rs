//! Applying an editor's changes to a document's text, in order.

use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

use crate::convert::{Encoding, LineMap};

/// Applies changes as the client sent them: each range is relative to the text after the
/// changes before it; a change without a range replaces the whole text.
pub fn apply_changes(
    text: &mut String,
    changes: Vec<TextDocumentContentChangeEvent>,
    encoding: Encoding,
) {
    for change in changes {
        match change.range {
            None => *text = change.text,
            Some(range) => {
                let range = LineMap::new(text, encoding).text_range(range);
                text.replace_range(std::ops::Range::<usize>::from(range), &change.text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn change(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn changes_apply_in_order_in_either_encoding() {
        // `é` is two bytes and one UTF-16 unit; `𝄞` is four bytes and two units.
        let mut text = "// é 𝄞 x\nline two\n".to_string();
        apply_changes(&mut text, vec![change(0, 8, 0, 9, "y")], Encoding::Utf16);
        assert_eq!(text, "// é 𝄞 y\nline two\n");
        apply_changes(
            &mut text,
            vec![change(0, 11, 0, 12, "z"), change(1, 0, 1, 4, "LINE")],
            Encoding::Utf8,
        );
        assert_eq!(text, "// é 𝄞 z\nLINE two\n");
        // Past the end of a line or of the text: clamped, never a panic.
        apply_changes(&mut text, vec![change(0, 99, 7, 0, "!")], Encoding::Utf16);
        assert_eq!(text, "// é 𝄞 z!");
    }

    #[test]
    fn lone_carriage_returns_and_a_long_line() {
        // Every `\r` is a line: line 2, column 0 is after the second one.
        let mut text = "\r\r\r\r".to_string();
        apply_changes(&mut text, vec![change(2, 0, 2, 5, "x")], Encoding::Utf16);
        assert_eq!(text, "\r\rx\r\r");
        // Past the end of a CRLF line is before its `\r`.
        let mut text = "ab\r\ncd".to_string();
        apply_changes(&mut text, vec![change(0, 9, 0, 9, "!")], Encoding::Utf16);
        assert_eq!(text, "ab!\r\ncd");
        // A megabyte on one line, edited at its end.
        let mut text = "x".repeat(1 << 20);
        apply_changes(
            &mut text,
            vec![change(0, 1 << 20, 0, 1 << 20, "y")],
            Encoding::Utf16,
        );
        assert!(text.ends_with("xy") && text.len() == (1 << 20) + 1);
    }
}
