//! What can go wrong when running a component, sorted by whose fault it is: the command line
//! (exit 2) or the call (exit 1).

use std::fmt;

/// Whose fault an error is, which decides the exit code of `wit run` and `wit test`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The command was wrong: an unreadable file, not a component, a bad CALL, an unknown
    /// export, arguments that do not fit the signature. Exit code 2.
    Usage,
    /// The call was made and failed: a trap, a limit reached, an import that is missing.
    /// Exit code 1.
    Failed,
}

/// An error whose message names the component file and says what would be right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunError {
    pub kind: ErrorKind,
    pub message: String,
}

impl RunError {
    pub fn usage(message: impl Into<String>) -> RunError {
        RunError {
            kind: ErrorKind::Usage,
            message: message.into(),
        }
    }

    pub fn failed(message: impl Into<String>) -> RunError {
        RunError {
            kind: ErrorKind::Failed,
            message: message.into(),
        }
    }

    /// The exit code the `wit` command uses for this error.
    pub fn exit_code(&self) -> u8 {
        match self.kind {
            ErrorKind::Usage => 2,
            ErrorKind::Failed => 1,
        }
    }
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RunError {}

/// The first line of wasmtime's text for a `WasmBacktrace`.
pub(crate) const BACKTRACE_HEADER: &str = "error while executing at wasm backtrace:";

/// Every message of a wasmtime error's chain, outermost first, joined by `: `.
pub(crate) fn chain(error: &wasmtime::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in error.chain() {
        let text = cause.to_string();
        // The backtrace rides along as a layer of its own; it is shown apart, not inline.
        if text.starts_with(BACKTRACE_HEADER) {
            continue;
        }
        // Some layers repeat their cause's text; say it once.
        if !parts.last().is_some_and(|p| p.contains(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}
