//! `cargo +nightly fuzz run format` (from `syntax/`): any bytes, as text, format without a
//! panic; text without syntax errors formats to text that parses and formats to itself. The
//! first byte picks the settings: a width from 10 to 137, spaces or tabs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&settings, rest)) = data.split_first() else {
        return;
    };
    let options = witty_syntax::FormatOptions {
        indent_style: if settings & 0x80 == 0 {
            witty_syntax::IndentStyle::Spaces
        } else {
            witty_syntax::IndentStyle::Tabs
        },
        indent_width: 2,
        max_width: 10 + usize::from(settings & 0x7f),
    };
    let text = String::from_utf8_lossy(rest);
    let Some(formatted) = witty_syntax::format_with(&text, &options) else {
        return;
    };
    assert!(witty_syntax::parse(&formatted).errors().is_empty());
    assert_eq!(
        witty_syntax::format_with(&formatted, &options).as_deref(),
        Some(&*formatted)
    );
    let all = witty_syntax::TextRange::up_to(witty_syntax::TextSize::of(&*text));
    assert!(witty_syntax::format_range_with(&text, all, &options).is_some());
});
