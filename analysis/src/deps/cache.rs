//! wkg's package cache: each package binary is a file named by its digest
//! (`sha256:<hex>`), beside `<ns>:<name>-<version>.json` files that map a release to its
//! digest. witty reads blobs from it and never writes to it.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// Where a blob with this digest is kept.
pub fn blob_path(cache_dir: &Path, digest: &str) -> PathBuf {
    cache_dir.join(digest)
}

/// `sha256:<hex>` of a file's bytes, read in pieces so a big file is not held at once.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(format!("sha256:{}", hex(&hasher.finalize())))
}

/// `sha256:<hex>` of bytes.
pub fn sha256(bytes: &[u8]) -> String {
    format!("sha256:{}", hex(&Sha256::digest(bytes)))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
