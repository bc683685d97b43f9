//! `invalid-utf8`: a file that is not UTF-8, read from disk; the diagnostic points at the
//! first byte that is not, and the rest of the file is still checked.

use crate::{AnalysisHost, Features};

#[test]
fn a_latin1_byte() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.wit");
    std::fs::write(
        &file,
        b"package a:b;\n// caf\xe9\ninterface i { type t = u32 }\n",
    )
    .unwrap();
    let package = crate::load_path(dir.path()).unwrap();
    let mut host = AnalysisHost::new();
    let root = host.add_root(&package, Features::default());
    let found: Vec<(&str, String, u32)> = host
        .diagnostics(root)
        .iter()
        .map(|d| (d.code, d.message.clone(), u32::from(d.range.start())))
        .collect();
    assert_eq!(
        found,
        [
            (
                "invalid-utf8",
                "invalid UTF-8: WIT files must be UTF-8 text; the bytes here are not".to_string(),
                19
            ),
            (
                "syntax-error",
                "expected ';', found '}'".to_string(),
                "package a:b;\n// caf\u{fffd}\ninterface i { type t = u32 ".len() as u32
            ),
        ]
    );
}
