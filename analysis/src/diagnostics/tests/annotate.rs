//! Annotated fixtures: diagnostics rendered as comment lines under the text they point at,
//! and the check that a fixture's annotations are exactly what witty reports.

use std::path::Path;

use witty_syntax::{LineIndex, TextRange, TextSize};

use crate::ide::fixture::Fixture;
use crate::{Diagnostic, Severity};

/// Checks a fixture: its annotations must be the diagnostics witty reports, no more, no less.
#[track_caller]
pub(crate) fn check(fixture: &str) {
    compare(fixture, &render(fixture, false, false));
}

/// As `check`, with wit-parser's verdict added where witty finds no error (`wit check`).
#[track_caller]
pub(crate) fn check_with_backstop(fixture: &str) {
    compare(fixture, &render(fixture, true, false));
}

/// As `check`, with every line ending in `\r\n`: the same diagnostics at the same places.
#[track_caller]
pub(crate) fn check_crlf(fixture: &str) {
    compare(fixture, &render(fixture, false, true));
}

/// As `check`, with the diagnostics that `found` computes on the fixture (its annotations
/// left out) in place of the root's.
#[track_caller]
pub(crate) fn check_found(fixture: &str, found: impl Fn(&Fixture) -> Vec<Diagnostic>) {
    let stripped = strip(fixture);
    let f = Fixture::parse(&stripped);
    compare(fixture, &render_found(&stripped, &found(&f)));
}

/// The diagnostics of the package at `path` on disk (as `wit check PATH` loads it), each as
/// `file: code: message` with the file relative to `base`.
pub(crate) fn diagnostics_on_disk(base: &Path, path: &Path) -> Vec<String> {
    let package = crate::load_path(path).unwrap();
    let mut host = crate::AnalysisHost::new();
    let root = host.add_root(&package, crate::Features::default());
    host.diagnostics(root)
        .iter()
        .map(|d| {
            let file = d.file.strip_prefix(base).unwrap_or(&d.file).display();
            format!("{file}: {}: {}", d.code, d.message)
        })
        .collect()
}

/// The diagnostics of a fixture (its annotations left out), for tests that look further.
pub(crate) fn diagnostics_of(fixture: &str) -> (Fixture, Vec<Diagnostic>) {
    let f = Fixture::parse(&strip(fixture));
    let analysis = f.host.analysis();
    let root = analysis.roots()[0];
    let found = analysis.root_diagnostics(root).unwrap();
    (f, found)
}

#[track_caller]
fn compare(fixture: &str, rendered: &str) {
    if fixture != rendered && std::env::var_os("UPDATE_EXPECT").is_some() {
        update(std::panic::Location::caller().file(), fixture, rendered);
        return;
    }
    if fixture != rendered {
        panic!(
            "the diagnostics differ from the fixture's annotations\n\
             --- fixture\n{fixture}\n--- found (the fixture as it should read)\n{rendered}\n---"
        );
    }
}

/// With `UPDATE_EXPECT=1`, the fixture in the test's source is rewritten to what was found
/// (review the change before committing it).
fn update(file: &str, fixture: &str, rendered: &str) {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let path = workspace.join(file);
    let source = std::fs::read_to_string(&path).expect("the test's source file");
    let old = format!("r#\"{fixture}\"#");
    let new = format!("r#\"{rendered}\"#");
    assert!(
        source.contains(&old),
        "fixture not found as a raw string in {file}"
    );
    std::fs::write(&path, source.replacen(&old, &new, 1)).unwrap();
}

/// Whether a line is an annotation (and not WIT to check).
fn is_annotation(line: &str) -> bool {
    let t = line.trim_start();
    let Some(rest) = t.strip_prefix("//") else {
        return false;
    };
    rest.starts_with('@') || rest.trim_start().starts_with(['^', '~', '|'])
}

/// The fixture without its annotations.
fn strip(fixture: &str) -> String {
    fixture
        .split_inclusive('\n')
        .filter(|l| !is_annotation(l))
        .collect()
}

/// The fixture with the diagnostics found written in as annotations.
fn render(fixture: &str, backstop: bool, crlf: bool) -> String {
    let stripped = strip(fixture);
    let input = if crlf {
        stripped.replace('\n', "\r\n")
    } else {
        stripped.clone()
    };
    let f = Fixture::parse(&input);
    let root = f.host.analysis().roots()[0];
    let mut found = if backstop {
        f.host.diagnostics_with_backstop(root)
    } else {
        f.host.analysis().root_diagnostics(root).unwrap()
    };
    if crlf {
        for d in &mut found {
            let text = f.text(&d.file).to_string();
            d.range = without_cr(&text, d.range);
            for r in &mut d.related {
                if let Some((_, text)) = f.files.iter().find(|(p, _)| *p == r.file) {
                    r.range = without_cr(text, r.range);
                }
            }
        }
    }
    render_found(&stripped, &found)
}

/// A fixture without annotations, with `found` written in.
fn render_found(stripped: &str, found: &[Diagnostic]) -> String {
    // The files in fixture order, with the text before the first header kept as it is.
    let plain = Fixture::parse(stripped);
    let (prefix, headers) = match stripped.find("//- ") {
        Some(at) if stripped.trim_start().starts_with("//- ") => (&stripped[..at], true),
        _ => ("", false),
    };
    let mut out = prefix.to_string();
    let mut elsewhere = Vec::new();
    for d in found {
        if !plain.files.iter().any(|(p, _)| *p == d.file) {
            elsewhere.push(format!(
                "//@ {}: {}\n",
                d.file.display(),
                label(d.severity, d.code, &d.message)
            ));
        }
    }
    let count = plain.files.len();
    for (i, (path, text)) in plain.files.iter().enumerate() {
        if headers {
            out.push_str(&format!("//- {}\n", path.display()));
        }
        out.push_str(&annotate(path, text, found));
        if i + 1 == count {
            for line in &elsewhere {
                if !out.ends_with('\n') && !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(line);
            }
        }
    }
    out
}

/// A range in a text with `\r\n` line ends, as a range in the same text with `\n` ones.
fn without_cr(crlf: &str, range: TextRange) -> TextRange {
    let lf = |offset: TextSize| {
        let at = usize::from(offset).min(crlf.len());
        let crs = crlf[..at].matches('\r').count();
        TextSize::new((at - crs) as u32)
    };
    TextRange::new(lf(range.start()), lf(range.end()))
}

fn label(severity: Severity, code: &str, message: &str) -> String {
    let severity = match severity {
        Severity::Error => String::new(),
        other => format!("{} ", other.as_str()),
    };
    format!("{severity}{code}: {}", message.replace('\n', "\\n"))
}

/// One file's text with an annotation line under each line that a diagnostic (or a place
/// it names) starts on.
fn annotate(path: &Path, text: &str, found: &[Diagnostic]) -> String {
    let index = LineIndex::new(text);
    let mut marks: Vec<(u32, String)> = Vec::new();
    let mut mark = |range: TextRange, sign: char, what: String| {
        let start = index.line_col(range.start());
        let end = index.line_col(range.end());
        let line_text = text.lines().nth(start.line as usize).unwrap_or("");
        let col = chars_before(line_text, start.col as usize);
        let width = if start.line == end.line {
            chars_before(line_text, end.col as usize) - col
        } else {
            line_text.chars().count().saturating_sub(col).max(1)
        };
        let signs = if range.is_empty() {
            "|".to_string()
        } else {
            sign.to_string().repeat(width.max(1))
        };
        let mut extra = String::new();
        if col < 2 {
            extra.push_str(&format!("(from column {}) ", col + 1));
        }
        if start.line != end.line {
            extra.push_str(&format!("(to {}:{}) ", end.line + 1, end.col + 1));
        }
        let pad = " ".repeat(col.max(2) - 2);
        marks.push((start.line, format!("//{pad}{signs} {extra}{what}\n")));
    };
    let mut own: Vec<&Diagnostic> = found.iter().filter(|d| d.file == path).collect();
    own.sort_by_key(|d| (d.range.start(), d.range.end()));
    for d in own {
        mark(d.range, '^', label(d.severity, d.code, &d.message));
    }
    for d in found {
        for r in d.related.iter().filter(|r| r.file == path) {
            mark(r.range, '~', format!("related: {}", r.message));
        }
    }
    marks.sort_by_key(|(line, _)| *line);
    let mut out = String::new();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut next = 0;
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        while next < marks.len() && marks[next].0 as usize == i {
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&marks[next].1);
            next += 1;
        }
    }
    // A diagnostic at the very end of a text without a final line break.
    for (_, m) in &marks[next..] {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(m);
    }
    out
}

/// How many characters the first `bytes` bytes of a line hold.
fn chars_before(line: &str, bytes: usize) -> usize {
    let bytes = bytes.min(line.len());
    line[..line.floor_char_boundary(bytes)].chars().count()
}
