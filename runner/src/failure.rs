//! Turning what wasmtime reports when a call or an instantiation fails into a message that
//! says what happened in the guest's terms, which limit was hit and how to raise it.

use std::time::Duration;

use wasmtime::{Trap, WasmBacktrace};

use crate::error::{BACKTRACE_HEADER, chain};
use crate::host::Limits;
use crate::options::RunOptions;

/// Why a call (with its instantiation) failed, without the file name: `add` trapped: ...
pub(crate) fn call_failure(
    what: &str,
    error: &wasmtime::Error,
    limits: &Limits,
    options: &RunOptions,
) -> String {
    let mut message = if let Some(asked) = limits.refused {
        format!(
            "{what} ran out of memory: a memory asked to grow to {}, past the limit of {} \
             (raise it with --max-memory)",
            bytes(asked),
            bytes(limits.max_memory)
        )
    } else if let Some(exit) = error.downcast_ref::<wasmtime_wasi::I32Exit>() {
        format!(
            "{what} called exit({}) instead of returning a value",
            exit.0
        )
    } else {
        match error.downcast_ref::<Trap>() {
            Some(Trap::Interrupt) => timed_out(what, options),
            Some(Trap::OutOfFuel) => format!(
                "{what} ran out of fuel: it burned all {} units it was given (raise the \
                 limit with --fuel N)",
                options.fuel.unwrap_or(0)
            ),
            Some(Trap::StackOverflow) => format!(
                "{what} overflowed the wasm call stack: its recursion is too deep or never ends"
            ),
            Some(trap) => format!("{what} trapped: {trap}"),
            None => match called_missing_import(&chain(error)) {
                Some(import) => format!(
                    "{what} called `{import}`, an import witty does not provide: with \
                     --trap-unknown-imports such a call traps"
                ),
                None => format!("{what} failed: {}", chain(error)),
            },
        }
    };
    if let Some(backtrace) = error.downcast_ref::<WasmBacktrace>()
        && !backtrace.frames().is_empty()
    {
        // wasmtime's own text, less its header and the `<unknown>!` of unnamed modules
        // (a component's core modules rarely have names).
        let text = backtrace.to_string();
        let frames = text.strip_prefix(BACKTRACE_HEADER).unwrap_or(&text);
        message.push_str("\nwasm backtrace:");
        message.push_str(frames.trim_end().replace("<unknown>!", "").as_str());
    }
    message
}

/// `WHAT did not finish within 10 s (...)`: a call stopped by its time limit.
pub(crate) fn timed_out(what: &str, options: &RunOptions) -> String {
    let limit = options
        .timeout
        .map_or("its time limit".to_string(), seconds);
    format!(
        "{what} did not finish within {limit} (the time limit; raise it with --timeout \
         SECONDS, or --timeout 0 for none)"
    )
}

/// The import in the error that `--trap-unknown-imports` puts in place of a missing one.
fn called_missing_import(text: &str) -> Option<&str> {
    let rest = &text[text.find("unknown import: `")? + "unknown import: `".len()..];
    let name = &rest[..rest.find('`')?];
    rest[name.len()..]
        .starts_with("` has not been defined")
        .then_some(name)
}

fn bytes(n: usize) -> String {
    const MIB: usize = 1 << 20;
    if n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else {
        format!("{n} bytes")
    }
}

/// `10 s`, `0.5 s`: a duration as `--timeout` takes it.
pub(crate) fn seconds(d: Duration) -> String {
    format!("{} s", d.as_secs_f64())
}
