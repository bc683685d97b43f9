//! Running a generator that may panic: the generators say "not supported yet" with `todo!`
//! and `unimplemented!`, which must become a message, not a crash of the CLI or the language
//! server, nor a backtrace printed into the server's log. The work runs on a thread of its
//! own with a deep stack (generators recurse on nested types as wit-parser does).

use std::cell::{Cell, RefCell};
use std::panic::AssertUnwindSafe;
use std::sync::Once;

/// The stack of a generation thread: wit-parser's, as the backstop gives it.
const STACK: usize = witty_analysis::backstop::STACK;

thread_local! {
    /// Set while a generator runs on this thread: its panics are caught and reported, so the
    /// default hook must not print them.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    /// Where in the generator's source the last caught panic was raised.
    static PLACE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A generator's panic: its message and where in the generator's source it was raised.
#[derive(Debug)]
pub struct Panic {
    pub message: String,
    /// `file:line` in the generator's source.
    pub place: Option<String>,
}

fn install_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                let place = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()));
                PLACE.with(|p| *p.borrow_mut() = place);
                return;
            }
            previous(info);
        }));
    });
}

/// Runs `f` on a thread with a deep stack, where panics are caught quietly; a panic that
/// `f` does not catch itself (with [`catch`]) is returned.
pub fn run<T: Send>(f: impl FnOnce() -> T + Send) -> Result<T, Panic> {
    install_hook();
    let spawned = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("witty-bindgen".to_string())
            .stack_size(STACK)
            .spawn_scoped(scope, || {
                QUIET.with(|q| q.set(true));
                catch(f)
            })
            .map(|handle| handle.join())
    });
    match spawned {
        Ok(Ok(result)) => result,
        Ok(Err(payload)) => Err(Panic {
            message: payload_message(&*payload),
            place: None,
        }),
        Err(e) => Err(Panic {
            message: format!("cannot start a thread for the generator: {e}"),
            place: None,
        }),
    }
}

/// Runs `f`, returning its panic (on a thread of [`run`], unprinted) as a value.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Panic> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| Panic {
        message: payload_message(&*payload),
        place: PLACE.with(|p| p.borrow_mut().take()),
    })
}

fn payload_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "the generator panicked".to_string()
    }
}
