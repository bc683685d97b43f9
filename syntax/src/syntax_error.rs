//! A syntax error: a message and the range of text it is about.

use crate::TextRange;

/// A problem found while lexing, parsing or validating one file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SyntaxError {
    code: &'static str,
    message: String,
    range: TextRange,
}

impl SyntaxError {
    /// A grammar error: something expected was not found.
    pub fn new(message: impl Into<String>, range: TextRange) -> SyntaxError {
        SyntaxError::with_code("syntax-error", message, range)
    }

    /// An error of a more specific kind; `code` is one of the codes in docs/diagnostics.md.
    pub fn with_code(
        code: &'static str,
        message: impl Into<String>,
        range: TextRange,
    ) -> SyntaxError {
        SyntaxError {
            code,
            message: message.into(),
            range,
        }
    }

    /// The stable kebab-case name of this kind of error.
    pub fn code(&self) -> &'static str {
        self.code
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn range(&self) -> TextRange {
        self.range
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
