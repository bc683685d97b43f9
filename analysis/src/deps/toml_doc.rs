//! A TOML file read with the span of every key and value, so that each problem found in a
//! manifest or a lock file names its file, line and column and says what would be right.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use witty_syntax::{TextRange, TextSize};

use crate::Diagnostic;

/// The code of every problem in a manifest (`wkg.toml`, `deps.toml`, `Cargo.toml`).
pub const INVALID_MANIFEST: &str = "invalid-manifest";
/// The code of every problem in a lock file (`wkg.lock`, `deps.lock`, `Cargo-component.lock`).
pub const INVALID_LOCK_FILE: &str = "invalid-lock-file";

/// A file's path and text, and the code its problems are reported under.
pub struct Doc<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub code: &'static str,
}

impl<'a> Doc<'a> {
    /// The file parsed, or a diagnostic at the place it stops being TOML.
    pub fn parse(&self) -> Result<DeTable<'a>, Diagnostic> {
        match DeTable::parse(self.text) {
            Ok(doc) => Ok(doc.into_inner()),
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                Err(self.problem(
                    span,
                    format!("this is not TOML: {}", e.message().trim_end()),
                ))
            }
        }
    }

    /// The file parsed; where it is not TOML, the problem goes to `problems` and `None`
    /// comes back (a reader then has nothing to read).
    pub fn parse_or_report(&self, problems: &mut Vec<Diagnostic>) -> Option<DeTable<'a>> {
        self.parse().map_err(|d| problems.push(d)).ok()
    }

    pub fn problem(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        problem(
            self.code,
            self.path.to_path_buf(),
            self.text.len(),
            span,
            message,
        )
    }
}

pub fn problem(
    code: &'static str,
    path: PathBuf,
    len: usize,
    span: Range<usize>,
    message: impl Into<String>,
) -> Diagnostic {
    let start = span.start.min(len);
    let end = span.end.clamp(start, len);
    Diagnostic::error(
        code,
        message,
        path,
        TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32)),
    )
}

/// A table's entries in the order they are written.
pub fn entries<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
)> {
    let mut out: Vec<_> = table.iter().collect();
    out.sort_by_key(|(k, _)| k.span().start);
    out
}

/// What a value is, in words, for messages that say what was found instead.
pub fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// The string a key holds; a problem if it holds something else.
pub fn string<'t>(
    doc: &Doc<'_>,
    value: &'t Spanned<DeValue<'_>>,
    what: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<&'t str> {
    match value.get_ref() {
        DeValue::String(s) => Some(s.as_ref()),
        other => {
            problems.push(doc.problem(
                value.span(),
                format!("{what} should be a string; this is {}", kind(other)),
            ));
            None
        }
    }
}

/// The table a key holds; a problem if it holds something else.
pub fn table<'t, 'i>(
    doc: &Doc<'_>,
    value: &'t Spanned<DeValue<'i>>,
    what: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<&'t DeTable<'i>> {
    match value.get_ref() {
        DeValue::Table(t) => Some(t),
        other => {
            problems.push(doc.problem(
                value.span(),
                format!("{what} should be a table; this is {}", kind(other)),
            ));
            None
        }
    }
}
