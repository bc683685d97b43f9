//! Printing diagnostics in each `--format`.

mod github;
pub mod human;
pub mod json;
mod sarif;

use witty_analysis::{Diagnostic, Severity};

use crate::sources::Sources;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style messages with the source line and carets
    Human,
    /// One JSON object (see DESIGN.md)
    Json,
    /// GitHub Actions workflow commands (`::error file=...::message`)
    Github,
    /// SARIF 2.1.0, for GitHub code scanning
    Sarif,
}

pub fn print(format: Format, diagnostics: &[Diagnostic], sources: &Sources) {
    let out = match format {
        Format::Human => human::render(diagnostics, sources),
        Format::Json => json::render(diagnostics, sources),
        Format::Github => github::render(diagnostics, sources),
        Format::Sarif => sarif::render(diagnostics, sources),
    };
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
}

pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
}

pub fn counts(diagnostics: &[Diagnostic]) -> Counts {
    Counts {
        errors: diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count(),
        warnings: diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count(),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
