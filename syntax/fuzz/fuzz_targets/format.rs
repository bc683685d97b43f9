//! `cargo +nightly fuzz run format` (from `syntax/`): any bytes, as text, format without a
//! panic; text without syntax errors formats to text that parses and formats to itself.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Some(formatted) = witty_syntax::format(&text) else {
        return;
    };
    assert!(witty_syntax::parse(&formatted).errors().is_empty());
    assert_eq!(witty_syntax::format(&formatted).as_deref(), Some(&*formatted));
    let all = witty_syntax::TextRange::up_to(witty_syntax::TextSize::of(&*text));
    assert!(witty_syntax::format_range(&text, all).is_some());
});
