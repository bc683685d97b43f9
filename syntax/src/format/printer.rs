//! The output buffer: text, line breaks in the file's own style, indentation, and where each
//! significant token ended up (for range formatting).

use crate::{TextRange, TextSize};

pub(super) struct Printer {
    out: String,
    newline: &'static str,
    indent_unit: String,
    /// Length of what precedes the first token: a byte order mark, if the input had one.
    prefix_len: usize,
    /// For each significant token, in order: its range in the input and in the output.
    pub(super) positions: Vec<(TextRange, TextRange)>,
}

impl Printer {
    pub(super) fn new(input: &str, indent_width: usize) -> Printer {
        // Keep the file's line endings: a file whose first line ends in `\r\n` stays CRLF.
        let newline = match input.find('\n') {
            Some(i) if input[..i].ends_with('\r') => "\r\n",
            _ => "\n",
        };
        let mut out = String::with_capacity(input.len() + input.len() / 8);
        if input.starts_with('\u{feff}') {
            out.push('\u{feff}');
        }
        Printer {
            prefix_len: out.len(),
            out,
            newline,
            indent_unit: " ".repeat(indent_width),
            positions: Vec::new(),
        }
    }

    /// Nothing written yet: no line break or space is needed before the first token.
    pub(super) fn at_start(&self) -> bool {
        self.out.len() == self.prefix_len
    }

    pub(super) fn push(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// Writes a significant token, remembering where it came from and where it went.
    pub(super) fn token(&mut self, text: &str, input: TextRange) {
        let start = self.offset();
        self.out.push_str(text);
        let end = self.offset();
        self.positions.push((input, TextRange::new(start, end)));
    }

    /// The output's length; past 4 GiB (which rowan cannot measure anyway) it saturates.
    fn offset(&self) -> TextSize {
        TextSize::new(u32::try_from(self.out.len()).unwrap_or(u32::MAX))
    }

    pub(super) fn space(&mut self) {
        if !self.at_start() {
            self.out.push(' ');
        }
    }

    /// Ends the line (with a blank line after it if `blank`) and indents the next one.
    pub(super) fn line_break(&mut self, blank: bool, level: usize) {
        if self.at_start() {
            return;
        }
        self.out.push_str(self.newline);
        if blank {
            self.out.push_str(self.newline);
        }
        for _ in 0..level {
            self.out.push_str(&self.indent_unit);
        }
    }

    /// Ends the last line; an empty file stays empty.
    pub(super) fn finish(mut self) -> (String, Vec<(TextRange, TextRange)>) {
        if !self.at_start() {
            self.out.push_str(self.newline);
        }
        (self.out, self.positions)
    }
}
