//! `--format human`: rustc-style messages with the source line and carets; colour only on
//! a terminal (and never with `NO_COLOR`).

use std::io::IsTerminal;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};
use witty_analysis::{Diagnostic, Severity};

use super::{counts, plural};
use crate::sources::Sources;

pub fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let mut files = SimpleFiles::new();
    let mut ids = std::collections::HashMap::new();
    for (path, text) in sources.iter() {
        ids.insert(
            path.to_path_buf(),
            files.add(path.display().to_string(), text.to_string()),
        );
    }
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let config = Config::default();
    let mut out = Vec::new();
    // Hints are for the editor (an unused name that is part of an API, say): here they would
    // drown what is to be fixed; the summary counts them.
    for d in diagnostics.iter().filter(|d| d.severity != Severity::Hint) {
        let Some(&file) = ids.get(&d.file) else {
            // No text to show (a binary package, a folder): the message and the path.
            let line = format!(
                "{}[{}]: {}\n  --> {}\n\n",
                d.severity.as_str(),
                d.code,
                d.message,
                d.file.display()
            );
            out.extend_from_slice(line.as_bytes());
            continue;
        };
        let severity = match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
            Severity::Info => CsSeverity::Note,
            Severity::Hint => CsSeverity::Help,
        };
        let mut labels = vec![Label::primary(file, d.range)];
        for r in &d.related {
            if let Some(&rf) = ids.get(&r.file) {
                labels.push(Label::secondary(rf, r.range).with_message(r.message.clone()));
            }
        }
        let diag = CsDiagnostic::new(severity)
            .with_code(d.code)
            .with_message(&d.message)
            .with_labels(labels);
        if color {
            let mut buffer = term::termcolor::Buffer::ansi();
            let _ = term::emit_to_write_style(&mut buffer, &config, &files, &diag);
            out.extend_from_slice(buffer.as_slice());
        } else {
            let _ = term::emit_to_io_write(&mut out, &config, &files, &diag);
        }
    }
    let c = counts(diagnostics);
    let hints = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Hint)
        .count();
    let hints = if hints == 0 {
        String::new()
    } else {
        format!(" ({}, listed by `--format json`)", plural(hints, "hint"))
    };
    let summary = if c.errors == 0 && c.warnings == 0 {
        format!(
            "checked {}: no problems{hints}\n",
            plural(sources.len(), "file")
        )
    } else {
        format!(
            "checked {}: {}, {}{hints}\n",
            plural(sources.len(), "file"),
            plural(c.errors, "error"),
            plural(c.warnings, "warning")
        )
    };
    let mut text = String::from_utf8_lossy(&out).into_owned();
    text.push_str(&summary);
    text
}
