//! The formatter: WIT laid out as the WASI packages write it. One item per line, record and
//! variant bodies one element per line with a trailing comma, gates on the line above their
//! item, and a line width: a parameter list, a type argument list, a `use` or `include ...
//! with` list, or an enum or flags body stays on one line when it fits and was not written
//! across lines, else it gets one element per line (with a trailing comma where WIT allows
//! one).
//!
//! It works on the lossless tree and never drops or reorders a comment; blank lines between
//! items are kept (one at most). A file with syntax errors is refused, not guessed at.
//! Formatting is idempotent: formatting formatted text changes nothing.
//!
//! The tree is walked once into layout commands ([`doc`]), which [`layout`] prints with a
//! width, deciding for each list whether it fits (the Wadler/prettier algorithm).

mod doc;
mod frame;
mod gap;
mod layout;
mod range;
mod rules;
mod walk;

pub use range::{TextEdit, format_range, format_range_with};

/// How each level of indentation is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndentStyle {
    /// `indent_width` spaces.
    Spaces,
    /// One tab, counted as `indent_width` columns when measuring lines.
    Tabs,
}

/// How to format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatOptions {
    pub indent_style: IndentStyle,
    /// Spaces per level, or the columns a tab counts for.
    pub indent_width: usize,
    /// The longest line wanted, in characters. Only what cannot be broken (a long name or
    /// path, a comment) makes a longer one.
    pub max_width: usize,
}

impl FormatOptions {
    pub const DEFAULT_INDENT_WIDTH: usize = 2;
    pub const DEFAULT_MAX_WIDTH: usize = 100;

    /// `width` spaces per level, and the default width.
    pub fn spaces(width: usize) -> FormatOptions {
        FormatOptions {
            indent_width: width,
            ..FormatOptions::default()
        }
    }
}

impl Default for FormatOptions {
    fn default() -> Self {
        FormatOptions {
            indent_style: IndentStyle::Spaces,
            indent_width: FormatOptions::DEFAULT_INDENT_WIDTH,
            max_width: FormatOptions::DEFAULT_MAX_WIDTH,
        }
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
    Some(walk::format_tree(&parse.syntax_node(), text, options).text)
}
