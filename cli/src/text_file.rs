//! Reading a WIT file as text, and reporting its syntax errors as `file:line:col: message`,
//! for the commands that work on single files (`parse`, `fmt`).

use std::path::Path;

use witty_syntax::{LineIndex, SyntaxError, TextSize};

pub struct TextFile {
    pub text: String,
    /// Where the first byte that is not UTF-8 was. The text is still there (with replacement
    /// characters) so that the other errors can be shown.
    pub bad_utf8: Option<usize>,
}

impl TextFile {
    pub fn from_bytes(bytes: Vec<u8>) -> TextFile {
        match String::from_utf8(bytes) {
            Ok(text) => TextFile {
                text,
                bad_utf8: None,
            },
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                TextFile {
                    text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    bad_utf8: Some(at),
                }
            }
        }
    }

    /// Prints the UTF-8 problem and `errors` on stderr, one `name:line:col: message` line
    /// each; returns whether there was anything to print.
    pub fn report(&self, name: &Path, errors: &[SyntaxError]) -> bool {
        let index = LineIndex::new(&self.text);
        let location = |offset: TextSize| {
            let lc = index.line_col_chars(offset);
            format!("{}:{}:{}", name.display(), lc.line + 1, lc.col + 1)
        };
        if let Some(at) = self.bad_utf8 {
            eprintln!(
                "{}: invalid UTF-8: WIT files must be UTF-8 text",
                location(TextSize::new(at as u32))
            );
        }
        for error in errors {
            eprintln!("{}: {}", location(error.range().start()), error.message());
        }
        self.bad_utf8.is_some() || !errors.is_empty()
    }
}
