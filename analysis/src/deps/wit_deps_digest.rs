//! wit-deps' digest of a `deps/` folder, computed offline as wit-deps 0.6 computes it to tell
//! whether a folder is in step with `deps.lock` (`LockEntry::digest`): the SHA-256 and SHA-512
//! of a tar that async-tar 0.6 writes in its deterministic mode, holding the folder's `.wit`
//! files (not sub-folders), sorted by name, each as `wit/<name>`. Each entry is a GNU header
//! (mode 0644, or 0755 when the owner may execute it; owner, group and time zero) and the
//! file's bytes padded to 512; a name past 100 bytes comes first as a GNU long-name entry; two
//! zero blocks end the archive. The digests in `deps.toml` are of the downloaded `.tar.gz`,
//! which `deps/` does not keep: they cannot be checked offline.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use sha2::{Digest, Sha256, Sha512};

use super::Locked;
use crate::{Diagnostic, Related};

/// Both digests of a folder, as `sha256:<hex>` and `sha512:<hex>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeDigest {
    pub sha256: String,
    pub sha512: String,
}

const BLOCK: usize = 512;

/// What the tar is written into: both hashes at once.
struct Hashers {
    sha256: Sha256,
    sha512: Sha512,
}

impl Hashers {
    fn write(&mut self, bytes: &[u8]) {
        self.sha256.update(bytes);
        self.sha512.update(bytes);
    }

    fn pad(&mut self, len: u64) {
        let rest = (len % BLOCK as u64) as usize;
        if rest != 0 {
            self.write(&[0; BLOCK][..BLOCK - rest]);
        }
    }
}

/// Writes `value` in octal into `field`, right-aligned with leading zeros, its last byte
/// left as it is (a NUL in a fresh header); big numbers in GNU's binary form.
fn octal(field: &mut [u8], value: u64) {
    let binary = value >= 8_589_934_592 || (value >= 2_097_152 && field.len() == 8);
    if binary {
        let len = field.len();
        field.fill(0);
        field[len - 8..].copy_from_slice(&value.to_be_bytes());
        field[0] |= 0x80;
        return;
    }
    let digits = format!("{value:o}");
    let last = field.len() - 1;
    for (i, slot) in field[..last].iter_mut().rev().enumerate() {
        *slot = digits
            .as_bytes()
            .iter()
            .rev()
            .nth(i)
            .copied()
            .unwrap_or(b'0');
    }
}

/// A GNU header for an entry: name (at most 100 bytes), mode, size and type. A file's or
/// folder's header has its device numbers written (as zeros); a long name's has not.
fn header(name: &[u8], mode: u64, size: u64, kind: u8) -> [u8; BLOCK] {
    let mut h = [0u8; BLOCK];
    h[..name.len()].copy_from_slice(name);
    octal(&mut h[100..108], mode);
    octal(&mut h[108..116], 0); // uid
    octal(&mut h[116..124], 0); // gid
    octal(&mut h[124..136], size);
    octal(&mut h[136..148], 0); // mtime
    h[156] = kind;
    h[257..263].copy_from_slice(b"ustar ");
    h[263..265].copy_from_slice(b" \0");
    if kind != b'L' {
        octal(&mut h[329..337], 0); // device major
        octal(&mut h[337..345], 0); // device minor
    }
    // The checksum counts its own field as spaces.
    let sum: u64 = h[..148]
        .iter()
        .chain(&h[156..])
        .map(|&b| b as u64)
        .sum::<u64>()
        + 8 * 32;
    octal(&mut h[148..156], sum);
    h
}

fn name_bytes(name: &std::ffi::OsStr) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        name.as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned().into_bytes()
    }
}

fn executable(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o100 != 0
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// The `.wit` entries of a folder that wit-deps puts in its tar, by name (sub-folders are
/// left out; a link is followed when it is read).
fn wit_names(dir: &Path) -> std::io::Result<BTreeSet<OsString>> {
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let is_wit = Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("wit"));
        if is_wit && !entry.file_type()?.is_dir() {
            names.insert(name);
        }
    }
    Ok(names)
}

/// wit-deps' digest of a `deps/` folder.
pub fn tree_digest(dir: &Path) -> std::io::Result<TreeDigest> {
    let mut out = Hashers {
        sha256: Sha256::new(),
        sha512: Sha512::new(),
    };
    for name in wit_names(dir)? {
        let path = dir.join(&name);
        let meta = std::fs::metadata(&path)?;
        let mut ar_name = b"wit/".to_vec();
        ar_name.extend(name_bytes(&name));
        if ar_name.len() > 100 {
            // GNU's long name: an entry of its own holding the name and a NUL.
            let len = ar_name.len() as u64 + 1;
            out.write(&header(b"././@LongLink", 0o644, len, b'L'));
            out.write(&ar_name);
            out.write(&[0]);
            out.pad(len);
            ar_name.truncate(100);
        }
        if meta.is_dir() {
            out.write(&header(&ar_name, 0o755, 0, b'5'));
            continue;
        }
        if !meta.is_file() {
            return Err(std::io::Error::other(format!(
                "{} is neither a file nor a folder",
                path.display()
            )));
        }
        let mut bytes = Vec::new();
        std::fs::File::open(&path)?.read_to_end(&mut bytes)?;
        let mode = if executable(&meta) { 0o755 } else { 0o644 };
        out.write(&header(&ar_name, mode, bytes.len() as u64, b'0'));
        out.write(&bytes);
        out.pad(bytes.len() as u64);
    }
    out.write(&[0; 2 * BLOCK]);
    Ok(TreeDigest {
        sha256: format!("sha256:{}", hex(&out.sha256.finalize())),
        sha512: format!("sha512:{}", hex(&out.sha512.finalize())),
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a folder's digest depends on, cheap to read: its `.wit` files' names, sizes, times
/// and modes. A folder whose signature did not change is not hashed again on each edit.
type Signature = Vec<(OsString, u64, Option<SystemTime>, bool)>;

fn signature(dir: &Path) -> std::io::Result<Signature> {
    let mut out = Vec::new();
    for name in wit_names(dir)? {
        let meta = std::fs::metadata(dir.join(&name))?;
        out.push((name, meta.len(), meta.modified().ok(), executable(&meta)));
    }
    Ok(out)
}

/// wit-deps' digest of a folder, remembered while its files stay the same.
fn cached_digest(dir: &Path) -> std::io::Result<TreeDigest> {
    type Known = std::collections::HashMap<PathBuf, (Signature, TreeDigest)>;
    static KNOWN: Mutex<Option<Known>> = Mutex::new(None);
    let sig = signature(dir)?;
    if let Some((s, d)) = KNOWN
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
        .and_then(|k| k.get(dir))
        && *s == sig
    {
        return Ok(d.clone());
    }
    let digest = tree_digest(dir)?;
    let mut known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
    let map = known.get_or_insert_with(Default::default);
    if map.len() > 4096 {
        map.clear();
    }
    map.insert(dir.to_path_buf(), (sig, digest.clone()));
    Ok(digest)
}

/// A `lock-digest-mismatch` when the folder's digest is not the one `lock` records. A folder
/// that cannot be read is not judged: wit-deps would fetch it again, and says why itself.
pub fn check(lock: &Locked, dir: &Path, base: &Path, command: &str) -> Option<Diagnostic> {
    if !dir.is_dir() {
        return None;
    }
    let digest = cached_digest(dir).ok()?;
    let (want, found, range) = match (&lock.digest, &lock.sha512) {
        (Some(want), _) if *want != digest.sha256 => (want, &digest.sha256, lock.digest_range),
        (_, Some((want, range))) if *want != digest.sha512 => (want, &digest.sha512, *range),
        _ => return None,
    };
    let rel = |p: &Path| p.strip_prefix(base).unwrap_or(p).display().to_string();
    let mut d = Diagnostic::error(
        "lock-digest-mismatch",
        format!(
            "`{}` locks `{}` with `{want}`, but the `.wit` files of `{}` hash to `{found}` (as wit-deps hashes them: a tar of the folder's `.wit` files): they changed since they were locked; run `{command}` to fetch them again",
            rel(&lock.file),
            lock.name,
            rel(dir),
        ),
        lock.file.clone(),
        range,
    );
    d.related.push(Related {
        file: dir.to_path_buf(),
        range: witty_syntax::TextRange::empty(0.into()),
        message: "the folder whose digest differs".into(),
    });
    Some(d)
}
