//! Reading a component binary: is it WebAssembly, a component (not a core module or an
//! encoded WIT package), valid, and what WIT world does it have.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use wit_parser::decoding::DecodedWasm;
use wit_parser::{Resolve, WorldId};

/// A valid component and the WIT world its imports and exports make.
#[derive(Debug, Clone)]
pub struct Component {
    /// Where it was read from (or a name given by the caller), for messages.
    pub path: PathBuf,
    /// The component's binary form, for composing it.
    pub bytes: Arc<[u8]>,
    /// The decoded types: one package (`root:component`) holds the world; the interfaces it
    /// imports and exports are in their own packages.
    pub resolve: Resolve,
    pub world: WorldId,
}

/// Why a file is not a component that can be inspected. The message names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentError {
    pub path: PathBuf,
    pub message: String,
    /// The file is a WIT package encoded as WebAssembly: usable where a package is.
    pub is_wit_package: bool,
}

impl std::fmt::Display for ComponentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ComponentError {}

/// Reads and decodes the component at `path` (binary, or WebAssembly text for `.wat`).
pub fn read_component(path: &Path) -> Result<Component, ComponentError> {
    let bytes = std::fs::read(path).map_err(|e| ComponentError {
        path: path.to_path_buf(),
        message: format!("cannot read file: {e}"),
        is_wit_package: false,
    })?;
    decode_component(path.to_path_buf(), bytes)
}

/// Decodes a component from its bytes; `path` only names it in messages.
pub fn decode_component(path: PathBuf, bytes: Vec<u8>) -> Result<Component, ComponentError> {
    let fail = |message: String| ComponentError {
        path: path.clone(),
        message,
        is_wit_package: false,
    };
    let bytes = binary(bytes).map_err(fail)?;
    classify_header(&bytes).map_err(fail)?;
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&bytes)
        .map_err(|e| fail(format!("not a valid component: {e}")))?;
    only_wit_externs(&bytes).map_err(fail)?;
    match wit_parser::decoding::decode(&bytes) {
        Ok(DecodedWasm::Component(resolve, world)) => Ok(Component {
            path,
            bytes: Arc::from(bytes),
            resolve,
            world,
        }),
        Ok(DecodedWasm::WitPackage(..)) => Err(ComponentError {
            is_wit_package: true,
            ..fail(
                "this is a WIT package encoded as WebAssembly, not a component: it has \
                 interfaces and worlds but no implementation (`wit check` reads it as a package)"
                    .to_string(),
            )
        }),
        Err(e) => Err(fail(format!(
            "the component's imports and exports cannot be read as a WIT world: {e:#} \
             (only components whose imports and exports are instances, functions and types \
             have a WIT world)"
        ))),
    }
}

/// The binary form: the bytes themselves, or the binary that WebAssembly text compiles to.
fn binary(bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    if bytes.starts_with(b"\0asm") {
        return Ok(bytes);
    }
    if bytes.is_empty() {
        return Err("the file is empty; expected a WebAssembly component".to_string());
    }
    // Text that is not WebAssembly text gets the "not WebAssembly" message, not a WAT
    // syntax error, unless it plainly tries to be WAT.
    let text = std::str::from_utf8(&bytes).ok();
    let looks_like_wat = text.is_some_and(|t| t.trim_start().starts_with('('));
    match wat::parse_bytes(&bytes) {
        Ok(binary) => Ok(binary.into_owned()),
        Err(e) if looks_like_wat => Err(format!("not valid WebAssembly text: {e}")),
        Err(_) => Err(
            "not WebAssembly: a component starts with the bytes `\\0asm` (or is WebAssembly \
             text)"
                .to_string(),
        ),
    }
}

/// Tells a core module from a component by the header's version and layer fields.
fn classify_header(bytes: &[u8]) -> Result<(), String> {
    let Some(header) = bytes.get(4..8) else {
        return Err("truncated: the file ends inside the 8-byte WebAssembly header".to_string());
    };
    // Version 1, layer 0 is a core module; layer 1 is a component.
    match header {
        [1, 0, 0, 0] => Err(
            "this is a core WebAssembly module, not a component; make a component of it with \
             `wasm-tools component new` (wit-component)"
                .to_string(),
        ),
        [_, _, 1, 0] => Ok(()),
        _ => Err(format!(
            "unknown WebAssembly header {header:02x?}: expected a component (version 0x0d, \
             layer 1)"
        )),
    }
}

/// The decoder leaves out imports and exports that WIT cannot describe (core modules,
/// components, values); a world without them would be wrong, so they are an error.
fn only_wit_externs(bytes: &[u8]) -> Result<(), String> {
    use wasmparser::{ComponentExternalKind, ComponentTypeRef, Payload};
    let refuse = |what: &str, name: &str, kind: &str| {
        Err(format!(
            "{what} `{name}` is {kind}, which a WIT world cannot describe; only instances, \
             functions and types can be imported and exported in WIT"
        ))
    };
    let mut depth = 0usize;
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        // The bytes were validated: a parse error here cannot happen, and is not ours to
        // report.
        let Ok(payload) = payload else { return Ok(()) };
        match payload {
            Payload::ModuleSection { .. } | Payload::ComponentSection { .. } => depth += 1,
            Payload::End(_) => depth = depth.saturating_sub(1),
            Payload::ComponentImportSection(imports) if depth == 0 => {
                for import in imports.into_iter().flatten() {
                    let kind = match import.ty {
                        ComponentTypeRef::Module(_) => "a core module",
                        ComponentTypeRef::Component(_) => "a component",
                        ComponentTypeRef::Value(_) => "a value",
                        _ => continue,
                    };
                    return refuse("import", import.name.name, kind);
                }
            }
            Payload::ComponentExportSection(exports) if depth == 0 => {
                for export in exports.into_iter().flatten() {
                    let kind = match export.kind {
                        ComponentExternalKind::Module => "a core module",
                        ComponentExternalKind::Component => "a component",
                        ComponentExternalKind::Value => "a value",
                        _ => continue,
                    };
                    return refuse("export", export.name.name, kind);
                }
            }
            _ => {}
        }
    }
    Ok(())
}
