//! The trivia between two significant tokens: the comments in it, and how many line breaks
//! stand before each comment and before the next token. Whitespace itself is not kept; the
//! printer decides it, using these counts to keep comments where they were.

use crate::TextRange;

/// One comment of a gap.
#[derive(Debug, Clone, Copy)]
pub(super) struct Comment {
    /// The comment's text, as a range of the input.
    pub(super) start: u32,
    pub(super) end: u32,
    /// Line breaks between the previous token (or comment) and this comment.
    pub(super) newlines_before: usize,
    /// A `//` comment runs to the end of its line, so whatever follows it starts a new one.
    pub(super) ends_line: bool,
}

#[derive(Debug, Default)]
pub(super) struct Gap {
    pub(super) comments: Vec<Comment>,
    /// Line breaks since the last comment (or since the previous token, without comments).
    pub(super) newlines_after: usize,
}

impl Gap {
    /// Adds one trivia token, in text order.
    pub(super) fn push(&mut self, kind: crate::SyntaxKind, range: TextRange, text: &str) {
        if kind.is_comment() {
            let ends_line = text.starts_with("//");
            // Trailing blanks of a line comment are invisible; dropping them keeps lines clean.
            let len = if ends_line {
                text.trim_end().len()
            } else {
                text.len()
            };
            let start = u32::from(range.start());
            self.comments.push(Comment {
                start,
                end: start + len as u32,
                newlines_before: std::mem::take(&mut self.newlines_after),
                ends_line,
            });
        } else {
            self.newlines_after += text.bytes().filter(|&b| b == b'\n').count();
        }
    }
}
