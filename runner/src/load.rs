//! Reading a component file (binary, or WebAssembly text), and saying clearly what it is
//! when it is not a component.

use std::path::Path;

use crate::error::RunError;

/// The bytes of the component at `path`, or why they are not one. Validation of the
/// component itself is left to wasmtime when it compiles.
pub(crate) fn read_component(path: &Path) -> Result<Vec<u8>, RunError> {
    let name = path.display();
    let bytes = std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::IsADirectory => "it is a folder, not a .wasm file".to_string(),
            _ => e.to_string(),
        };
        RunError::usage(format!("cannot read {name}: {why}"))
    })?;
    let bytes = if !bytes.starts_with(b"\0asm") && looks_like_wat(&bytes) {
        // The other component commands take WebAssembly text too; so does this one.
        wat::parse_bytes(&bytes)
            .map(|binary| binary.into_owned())
            .map_err(|mut e| {
                e.set_path(path);
                RunError::usage(format!("{name}: not valid WebAssembly text: {e}"))
            })?
    } else {
        bytes
    };
    if !bytes.starts_with(b"\0asm") {
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
        let hint = if text.contains("package ") || text.contains("interface ") {
            ": it looks like WIT; `wit run` takes a component built from it"
        } else {
            ""
        };
        return Err(RunError::usage(format!(
            "{name}: not a WebAssembly component (a binary .wasm starting with `\\0asm`, or \
             its text){hint}"
        )));
    }
    if wasmparser::Parser::is_core_wasm(&bytes) {
        return Err(RunError::usage(format!(
            "{name}: a core WebAssembly module, not a component: make one with \
             `wasm-tools component new {name} -o component.wasm` (with `--adapt` for a \
             WASI preview 1 module), or build for a component target such as wasm32-wasip2"
        )));
    }
    if !wasmparser::Parser::is_component(&bytes) {
        return Err(RunError::usage(format!(
            "{name}: not a WebAssembly component: its header (bytes 4 to 8) has no known \
             version; the file may be damaged"
        )));
    }
    Ok(bytes)
}

/// Whether the file is text that starts like WebAssembly text: `(` or a `;;` comment.
fn looks_like_wat(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|text| {
        let text = text.trim_start();
        text.starts_with('(') || text.starts_with(";;")
    })
}
