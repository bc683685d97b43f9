//! `wit parse FILE`: the tree in rowan's debug form on stdout, syntax errors on stderr.

use std::io::Write;
use std::path::Path;

use crate::text_file::TextFile;

pub fn run(path: &Path) -> u8 {
    let file = match std::fs::read(path) {
        Ok(bytes) => TextFile::from_bytes(bytes),
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return 2;
        }
    };
    let parse = witty_syntax::parse(&file.text);
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`wit parse f | head`) is not an error of ours.
    let _ = stdout.write_all(parse.debug_tree().as_bytes());
    let _ = stdout.flush();
    u8::from(file.report(path, parse.errors()))
}
