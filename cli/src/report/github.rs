//! `--format github`: workflow commands that GitHub Actions shows as annotations.

use witty_analysis::{Diagnostic, Severity};

use crate::sources::Sources;

pub fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for d in diagnostics {
        // A hint is for the editor; as an annotation on a pull request it would be noise.
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
            Severity::Hint => continue,
        };
        let (line, col) = sources.line_col(&d.file, d.range.start());
        let (end_line, end_col) = sources.line_col(&d.file, d.range.end());
        out.push_str(&format!(
            "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
            escape_property(&d.file.display().to_string()),
            escape_property(&format!("wit({})", d.code)),
            escape_data(&d.message),
        ));
    }
    out
}

/// Message text: `%`, CR and LF are escaped so that a message stays on one line.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Property values also escape `:` and `,`, which separate properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[test]
fn escapes() {
    assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
    assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
}
