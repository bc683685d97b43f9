//! Finds what a path names, as `wasm-tools component wit` takes it: a `.wit` file is a
//! package on its own; a folder is a package made of its `.wit` files, with dependencies in
//! `deps/` (folders, single `.wit` files, or `.wasm`/`.wat` binary packages), not recursively.

use std::path::{Path, PathBuf};

/// One source file as read from disk. A file that is not UTF-8 still has a text (with
/// replacement characters) so that the rest of it can be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedFile {
    pub path: PathBuf,
    pub text: String,
    pub problem: Option<FileProblem>,
}

/// Why a file's text is not exactly what is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// It could not be read at all; `text` is empty.
    Unreadable(String),
    /// It is not UTF-8; the first bad byte is at this offset.
    InvalidUtf8 { offset: usize },
}

/// How a package is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageLayout {
    /// A folder of `.wit` files.
    Folder,
    /// One `.wit` file.
    File,
    /// A binary (`.wasm`) or text (`.wat`) WebAssembly encoding of a package.
    Binary(Vec<u8>),
}

/// The files of one package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedPackage {
    /// The folder or file the package was read from.
    pub root: PathBuf,
    pub layout: PackageLayout,
    /// Its `.wit` files, sorted by path (the order wit-parser reads them in).
    pub files: Vec<LoadedFile>,
    /// For the package named on the command line: its `deps/` entries, sorted by name.
    pub deps: Vec<LoadedPackage>,
}

/// Why a path could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for LoadError {}

fn io_error(path: &Path, what: &str, e: std::io::Error) -> LoadError {
    LoadError {
        path: path.to_path_buf(),
        message: format!("{what}: {e}"),
    }
}

/// Loads the package at `path` and, for a folder, its `deps/`.
pub fn load_path(path: &Path) -> Result<LoadedPackage, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, "cannot read", e))?;
    if meta.is_dir() {
        let mut package = load_folder(path)?;
        package.deps = load_deps(&path.join("deps"))?;
        Ok(package)
    } else {
        load_file(path)
    }
}

fn load_file(path: &Path) -> Result<LoadedPackage, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, "cannot read file", e))?;
    let ext = path.extension().and_then(|e| e.to_str());
    if matches!(ext, Some("wasm" | "wat")) || bytes.starts_with(b"\0asm") {
        return Ok(LoadedPackage {
            root: path.to_path_buf(),
            layout: PackageLayout::Binary(bytes),
            files: Vec::new(),
            deps: Vec::new(),
        });
    }
    Ok(LoadedPackage {
        root: path.to_path_buf(),
        layout: PackageLayout::File,
        files: vec![decode(path.to_path_buf(), bytes)],
        deps: Vec::new(),
    })
}

fn load_folder(dir: &Path) -> Result<LoadedPackage, LoadError> {
    let mut files = Vec::new();
    for entry in read_dir_sorted(dir)? {
        let path = entry.path();
        // Subfolders (and links to them) are not part of the package.
        if path.is_dir() || path.extension().and_then(|e| e.to_str()) != Some("wit") {
            continue;
        }
        let file = match std::fs::read(&path) {
            Ok(bytes) => decode(path, bytes),
            Err(e) => LoadedFile {
                text: String::new(),
                problem: Some(FileProblem::Unreadable(format!("cannot read file: {e}"))),
                path,
            },
        };
        files.push(file);
    }
    Ok(LoadedPackage {
        root: dir.to_path_buf(),
        layout: PackageLayout::Folder,
        files,
        deps: Vec::new(),
    })
}

pub(crate) fn load_deps(deps: &Path) -> Result<Vec<LoadedPackage>, LoadError> {
    if !deps.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in read_dir_sorted(deps)? {
        let path = entry.path();
        if path.is_dir() {
            out.push(load_folder(&path)?);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("wit" | "wasm" | "wat")
        ) {
            out.push(load_file(&path)?);
        }
    }
    Ok(out)
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<std::fs::DirEntry>, LoadError> {
    let mut entries = std::fs::read_dir(dir)
        .and_then(|it| it.collect::<std::io::Result<Vec<_>>>())
        .map_err(|e| io_error(dir, "cannot read folder", e))?;
    entries.sort_by_key(|e| e.file_name());
    Ok(entries)
}

fn decode(path: PathBuf, bytes: Vec<u8>) -> LoadedFile {
    match String::from_utf8(bytes) {
        Ok(text) => LoadedFile {
            path,
            text,
            problem: None,
        },
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            LoadedFile {
                path,
                text,
                problem: Some(FileProblem::InvalidUtf8 { offset }),
            }
        }
    }
}

/// The `.wit` files of a package and of its dependencies, the package's own first.
pub fn all_files(package: &LoadedPackage) -> impl Iterator<Item = &LoadedFile> {
    package
        .files
        .iter()
        .chain(package.deps.iter().flat_map(|d| d.files.iter()))
}
