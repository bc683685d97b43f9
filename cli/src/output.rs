//! What the component commands share about output: the answer on stdout, where a closed
//! pipe (`wit inspect x.wasm | head`) is not an error of ours, and input errors on stderr.

use std::io::Write;

/// Writes the answer to stdout.
pub fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

/// The value, or (after printing `error: ...` on stderr) the exit code 2 for input that
/// could not be used.
pub fn or_exit_2<T>(result: Result<T, impl std::fmt::Display>) -> Result<T, u8> {
    result.map_err(|e| {
        eprintln!("error: {e}");
        2
    })
}
