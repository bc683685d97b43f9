//! Running wit-parser, the reference, without letting its panics escape: a panic becomes a
//! message for the one package that caused it, and prints nothing on the user's terminal.

use std::cell::{Cell, RefCell};
use std::panic::AssertUnwindSafe;
use std::sync::Once;

thread_local! {
    /// Set while this thread runs reference code whose panics are caught and reported.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// The message of the last panic caught on this thread.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Runs `f`; a panic inside it is returned as its message (with where it happened) instead
/// of unwinding further. The panic hook prints nothing for it: it is reported as a diagnostic.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CATCHING.with(Cell::get) {
                return previous(info);
            }
            let payload = info.payload();
            let what = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("a panic");
            let message = match info.location() {
                Some(at) => format!("{what}, at {}:{}", short_path(at.file()), at.line()),
                None => what.to_string(),
            };
            CAUGHT.with(|c| *c.borrow_mut() = Some(message));
        }));
    });
    let was = CATCHING.with(|c| c.replace(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(was));
    result.map_err(|_| {
        CAUGHT
            .with(|c| c.borrow_mut().take())
            .unwrap_or_else(|| "a panic".to_string())
    })
}

/// A source path from the registry without the machine's part: `wit-parser-0.263.0/src/...`.
fn short_path(file: &str) -> &str {
    match file.find("/wit-parser-") {
        Some(i) => &file[i + 1..],
        None => file,
    }
}

/// Where the first empty block comment `/**/` outside other comments is: wit-parser 0.263
/// takes it for a doc comment and panics when it reads it.
pub fn empty_block_comment(text: &str) -> Option<usize> {
    let (tokens, _) = witty_syntax::lex(text);
    (0..tokens.len())
        .find(|&i| tokens.text(text, i) == "/**/")
        .map(|i| usize::from(tokens.range(i).start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_with_its_message() {
        let caught = catch(|| -> u32 { panic!("boom") });
        let message = caught.unwrap_err();
        assert!(message.starts_with("boom, at "), "{message}");
        assert_eq!(catch(|| 7), Ok(7));
    }

    #[test]
    fn empty_block_comments_are_found_outside_comments() {
        assert_eq!(empty_block_comment("/**/ interface i {}"), Some(0));
        assert_eq!(empty_block_comment("// /**/\n/* */ x /**/"), Some(16));
        assert_eq!(empty_block_comment("/* /**/ */"), None);
        assert_eq!(empty_block_comment("/***/"), None);
    }
}
