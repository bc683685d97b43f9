//! The formatter: WIT laid out as the WASI packages write it. Two-space indentation, one
//! item per line, the bodies of records, variants, enums and flags one element per line with
//! a trailing comma, function signatures on one line, gates on the line above their item.
//!
//! It works on the lossless tree and never drops or reorders a comment; blank lines between
//! items are kept (one at most). A file with syntax errors is refused, not guessed at.
//! Formatting is idempotent: formatting formatted text changes nothing.

mod frame;
mod gap;
mod printer;
mod range;
mod rules;
mod walk;

pub use range::{TextEdit, format_range, format_range_with};

/// How to format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatOptions {
    /// Spaces per indentation level.
    pub indent_width: usize,
}

impl Default for FormatOptions {
    fn default() -> Self {
        FormatOptions { indent_width: 2 }
    }
}

/// The formatted text, or `None` if `text` has syntax errors.
pub fn format(text: &str) -> Option<String> {
    format_with(text, &FormatOptions::default())
}

/// [`format`] with options.
pub fn format_with(text: &str, options: &FormatOptions) -> Option<String> {
    let parse = crate::parse(text);
    if !parse.errors().is_empty() {
        return None;
    }
    Some(walk::format_tree(&parse.syntax_node(), text, options.indent_width).text)
}
