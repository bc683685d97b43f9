//! Compiled components kept on disk, so that running the same component again skips
//! compilation.
//!
//! An entry is named by a SHA-256 of the wasmtime version, the engine's compilation settings
//! and the component's bytes, so a change to any of them is a miss, never a wrong hit. Each
//! file starts with a checksum of the rest: a truncated or corrupt entry is seen before
//! wasmtime loads it, and is compiled again and rewritten.

use std::hash::Hasher;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use wasmtime::Engine;
use wasmtime::component::Component;

/// The environment variable that overrides where the cache lives; empty turns caching off.
pub const CACHE_DIR_VAR: &str = "WITTY_CACHE_DIR";

/// The wasmtime this crate is built with, part of every cache key.
pub const WASMTIME_VERSION: &str = "48.0.8";

const MAGIC: &[u8; 8] = b"witty-c1";
const HEADER_LEN: usize = MAGIC.len() + 32;

/// `$WITTY_CACHE_DIR`, else `$XDG_CACHE_HOME/witty`, else `~/.cache/witty`; `None` when
/// `WITTY_CACHE_DIR` is set but empty, or no home is known.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_VAR) {
        return (!dir.is_empty()).then(|| PathBuf::from(dir));
    }
    if let Some(xdg) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(xdg).join("witty"));
    }
    let home = std::env::var_os("HOME").filter(|d| !d.is_empty())?;
    Some(PathBuf::from(home).join(".cache").join("witty"))
}

/// Whether a component came from the cache or was compiled now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheUse {
    /// No cache folder was given.
    Off,
    /// Loaded from a cache entry.
    Hit,
    /// Compiled; the entry was missing, stale or corrupt, and has been (re)written.
    Miss,
}

/// The compiled `bytes`, from the entry in `dir` if a good one is there, else compiled now
/// and stored. Failing to write the cache is not an error: it only costs time next run.
pub(crate) fn compile(
    engine: &Engine,
    bytes: &[u8],
    dir: Option<&Path>,
) -> wasmtime::Result<(Component, CacheUse)> {
    let Some(dir) = dir else {
        return Ok((Component::new(engine, bytes)?, CacheUse::Off));
    };
    let path = dir.join(format!("{}.cwasm", key(engine, bytes)));
    if let Some(component) = load(engine, &path) {
        return Ok((component, CacheUse::Hit));
    }
    let component = Component::new(engine, bytes)?;
    if let Ok(serialized) = component.serialize() {
        let _ = store(&path, &serialized);
    }
    Ok((component, CacheUse::Miss))
}

/// The entry's file name: a hex SHA-256 of everything that decides the compiled code.
fn key(engine: &Engine, bytes: &[u8]) -> String {
    let mut hasher = ShaHasher(Sha256::new());
    hasher.0.update(WASMTIME_VERSION.as_bytes());
    std::hash::Hash::hash(&engine.precompile_compatibility_hash(), &mut hasher);
    hasher.0.update(bytes);
    hex(&hasher.0.finalize())
}

/// The component in the entry at `path`, or `None` if there is none or it is damaged.
fn load(engine: &Engine, path: &Path) -> Option<Component> {
    let file = std::fs::read(path).ok()?;
    let payload = checked_payload(&file)?;
    // SAFETY: `deserialize` trusts its input to be what `Component::serialize` wrote. This
    // payload is: the checksum written beside it by `store` matches, so it is byte for byte
    // what this program serialized (a truncated or corrupted file fails the check), and
    // wasmtime itself checks that the version and settings it was compiled with match.
    let component = unsafe { Component::deserialize(engine, payload) };
    match component {
        Ok(component) => Some(component),
        Err(_) => {
            let _ = std::fs::remove_file(path);
            None
        }
    }
}

/// The payload of an entry whose magic and checksum are right.
fn checked_payload(file: &[u8]) -> Option<&[u8]> {
    if file.len() < HEADER_LEN || &file[..MAGIC.len()] != MAGIC {
        return None;
    }
    let (sum, payload) = file[MAGIC.len()..].split_at(32);
    (Sha256::digest(payload).as_slice() == sum).then_some(payload)
}

/// Writes an entry through a temporary file and a rename, so that a reader never sees half
/// of one, even with several runs at once.
fn store(path: &Path, payload: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("entry"),
        std::process::id()
    ));
    let written = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(MAGIC)?;
        file.write_all(&Sha256::digest(payload))?;
        file.write_all(payload)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Feeds what `Hash` writes into a SHA-256, so the engine's settings join the key.
struct ShaHasher(Sha256);

impl Hasher for ShaHasher {
    fn finish(&self) -> u64 {
        // Never called: the key is the whole digest, taken from the inner SHA-256.
        0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_entry_is_refused() {
        let payload = b"compiled code";
        let mut file = MAGIC.to_vec();
        file.extend_from_slice(&Sha256::digest(payload));
        file.extend_from_slice(payload);
        assert_eq!(checked_payload(&file), Some(&payload[..]));

        let mut flipped = file.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert_eq!(checked_payload(&flipped), None);
        assert_eq!(checked_payload(&file[..file.len() - 1]), None);
        assert_eq!(checked_payload(&file[..10]), None);
        assert_eq!(
            checked_payload(b"garbage garbage garbage garbage garbage!"),
            None
        );
    }
}
