//! The bundled examples are real WIT: wit-parser, the reference, accepts every one of them.

use std::path::Path;

#[test]
fn wit_parser_accepts_every_example() {
    let examples = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples"));
    let mut checked = 0;
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_dir() {
            continue;
        }
        let mut resolve = wit_parser::Resolve::new();
        if let Err(e) = resolve.push_path(&path) {
            panic!("{}: {}", path.display(), resolve.render_error(&e));
        }
        checked += 1;
    }
    assert!(checked >= 2);
}
