//! `cargo +nightly fuzz run parse` (from `syntax/`): any bytes, as text, parse without a
//! panic into a tree that prints back to the text.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parse = witty_syntax::parse(&text);
    assert_eq!(parse.syntax_node().to_string(), text);
    for e in parse.errors() {
        assert!(usize::from(e.range().end()) <= text.len());
    }
});
