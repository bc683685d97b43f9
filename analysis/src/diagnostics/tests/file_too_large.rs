//! `file-too-large`: a file of 4 GiB or more. The text here is 4 GiB of zero bytes that
//! the system lends without touching them (they are not read: the length decides).

#[test]
fn four_gibibytes() {
    let len = 1usize << 32;
    let layout = std::alloc::Layout::array::<u8>(len).unwrap();
    // SAFETY: the layout has a non-zero size; a null pointer (no memory to lend) is checked.
    let ptr = unsafe { std::alloc::alloc_zeroed(layout) };
    if ptr.is_null() {
        eprintln!("skipped: the system cannot lend 4 GiB of untouched memory");
        return;
    }
    // SAFETY: `ptr` holds `len` zero bytes, which are valid UTF-8; freed below.
    let text = unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr, len)) };
    let parse = witty_syntax::parse(text);
    let errors: Vec<(&str, String)> = parse
        .errors()
        .iter()
        .map(|e| (e.code(), e.message().to_string()))
        .collect();
    // SAFETY: allocated above with this layout.
    unsafe { std::alloc::dealloc(ptr, layout) };
    assert_eq!(
        errors,
        [(
            "file-too-large",
            "file too large: WIT files must be smaller than 4 GiB".to_string()
        )]
    );
}
