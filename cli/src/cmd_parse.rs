//! `wit parse FILE`: the tree in rowan's debug form on stdout, syntax errors on stderr.

use std::io::Write;
use std::path::Path;

use witty_syntax::{LineIndex, TextSize};

pub fn run(path: &Path) -> u8 {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return 2;
        }
    };
    // Text that is not UTF-8 is still parsed (with replacement characters) so that the
    // tree and the other errors can be shown; the first bad byte is an error of its own.
    let (text, bad_utf8) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
        }
    };
    let parse = witty_syntax::parse(&text);
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`wit parse f | head`) is not an error of ours.
    let _ = stdout.write_all(parse.debug_tree().as_bytes());
    let _ = stdout.flush();

    let index = LineIndex::new(&text);
    let location = |offset: TextSize| {
        let lc = index.line_col_chars(offset);
        format!("{}:{}:{}", path.display(), lc.line + 1, lc.col + 1)
    };
    let mut failed = false;
    if let Some(at) = bad_utf8 {
        eprintln!(
            "{}: invalid UTF-8: WIT files must be UTF-8 text",
            location(TextSize::new(at as u32))
        );
        failed = true;
    }
    for error in parse.errors() {
        eprintln!("{}: {}", location(error.range().start()), error.message());
        failed = true;
    }
    u8::from(failed)
}
