//! Writing a site to its folder without harming anything else there. witty keeps a manifest
//! of the files it wrote; a folder that holds other files is refused unless the user says
//! `--force`, and even then no file witty did not write is replaced or deleted. Files a
//! previous run wrote and this one does not are removed.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::Site;

/// The manifest's name in the output folder: one path per line, relative to the folder.
pub const MANIFEST: &str = ".wit-doc-files";

const MANIFEST_HEADER: &str = "# Files written by `wit doc`; it deletes or replaces no others.";

#[derive(Debug)]
pub enum WriteError {
    /// The folder holds files witty did not write (the first few of them).
    Foreign { out: PathBuf, files: Vec<String> },
    /// A file witty would write is there already and was not written by it.
    WouldReplace { path: PathBuf },
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Foreign { out, files } => write!(
                f,
                "{}: the folder holds files `wit doc` did not write ({}); choose a new or empty \
                 folder with --out, or pass --force to write beside them (they are kept)",
                out.display(),
                files.join(", ")
            ),
            WriteError::WouldReplace { path } => write!(
                f,
                "{}: `wit doc` would replace this file, which it did not write; move it away or \
                 choose another folder with --out",
                path.display()
            ),
            WriteError::Io { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

/// Writes `site` into `out`; returns how many files were written.
pub fn write_site(site: &Site, out: &Path, force: bool) -> Result<usize, WriteError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| WriteError::Io { path, error }
    };
    if out.exists() && !out.is_dir() {
        return Err(WriteError::Io {
            path: out.to_path_buf(),
            error: std::io::Error::other("not a folder"),
        });
    }
    let previous = read_manifest(out);
    let mut present = Vec::new();
    if out.is_dir() {
        list_files(out, out, &mut present).map_err(io(out))?;
    }
    let foreign: Vec<String> = present
        .iter()
        .filter(|p| p.as_str() != MANIFEST && !previous.contains(*p))
        .cloned()
        .collect();
    if !foreign.is_empty() && !force {
        let mut files: Vec<String> = foreign.iter().take(3).cloned().collect();
        if foreign.len() > 3 {
            files.push(format!("and {} more", foreign.len() - 3));
        }
        return Err(WriteError::Foreign {
            out: out.to_path_buf(),
            files,
        });
    }
    if let Some(clash) = site.files.keys().find(|p| foreign.contains(p)) {
        return Err(WriteError::WouldReplace {
            path: out.join(clash),
        });
    }
    for (rel, bytes) in &site.files {
        let path = out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        std::fs::write(&path, bytes).map_err(io(&path))?;
    }
    let mut manifest = format!("{MANIFEST_HEADER}\n");
    for rel in site.files.keys() {
        manifest.push_str(rel);
        manifest.push('\n');
    }
    let manifest_path = out.join(MANIFEST);
    std::fs::write(&manifest_path, manifest).map_err(io(&manifest_path))?;
    // What an earlier run wrote and this one did not is stale: only those files go.
    for rel in previous.iter().filter(|p| !site.files.contains_key(*p)) {
        let path = out.join(rel);
        if path.is_file() {
            std::fs::remove_file(&path).map_err(io(&path))?;
            remove_empty_parents(out, &path);
        }
    }
    Ok(site.files.len())
}

/// The paths an earlier run wrote; entries that would leave the folder are ignored.
fn read_manifest(out: &Path) -> BTreeSet<String> {
    let Ok(text) = std::fs::read_to_string(out.join(MANIFEST)) else {
        return BTreeSet::new();
    };
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| {
            let p = Path::new(l);
            p.is_relative()
                && p.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
        })
        .map(str::to_string)
        .collect()
}

/// Every file under `dir` (symbolic links included, not followed), `/`-separated from `base`.
fn list_files(base: &Path, dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            list_files(base, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(base) {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// Removes the folders above a deleted file while they are empty, up to `out`.
fn remove_empty_parents(out: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == out || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
