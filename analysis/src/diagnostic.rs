//! Diagnostics as plain data: what is wrong, where (a file and a byte range), how bad.

use std::path::PathBuf;

use witty_syntax::TextRange;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }
}

/// Another place that explains a diagnostic: the first definition of a duplicate, say.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Related {
    pub file: PathBuf,
    pub range: TextRange,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable kebab-case name, documented in docs/diagnostics.md.
    pub code: &'static str,
    pub message: String,
    pub file: PathBuf,
    pub range: TextRange,
    pub related: Vec<Related>,
    /// About a deprecated item (editors strike it through).
    pub deprecated: bool,
    /// About something unused (editors fade it out).
    pub unnecessary: bool,
}

impl Diagnostic {
    pub fn error(
        code: &'static str,
        message: impl Into<String>,
        file: PathBuf,
        range: TextRange,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            file,
            range,
            related: Vec::new(),
            deprecated: false,
            unnecessary: false,
        }
    }
}
