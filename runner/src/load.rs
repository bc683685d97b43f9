//! Reading a component file, and saying clearly what it is when it is not a component.

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
    if !bytes.starts_with(b"\0asm") {
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
        let hint = if text.trim_start().starts_with("(component") {
            ": it looks like the text format (WAT); assemble it first, as with `wasm-tools parse`"
        } else if text.contains("package ") || text.contains("interface ") {
            ": it looks like WIT; `wit run` takes a component built from it"
        } else {
            ""
        };
        return Err(RunError::usage(format!(
            "{name}: not a WebAssembly component (a binary .wasm starting with `\\0asm`){hint}"
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
