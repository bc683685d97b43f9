//! The server's view of the disk: which files that packages are made of exist under the
//! workspace folders, and reading a package's files, the editor's unsaved texts first.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use witty_analysis::layout::{
    DepLayout, MAX_DEPTH, RootLayout, SKIPPED, is_binary_package, is_wit,
};
use witty_analysis::{LoadedFile, LoadedPackage, PackageLayout};

/// A workspace larger than this is not walked further.
const MAX_FOLDERS: usize = 20_000;

/// Whether a file can be part of a package: a `.wit` file, or a binary package in `deps/`.
pub fn is_package_file(path: &Path) -> bool {
    is_wit(path)
        || (is_binary_package(path)
            && path
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|n| n == "deps"))
}

/// The files of the tools that fill `deps/` (wkg, wit-deps, cargo-component): what the
/// packages in the folders below one resolve their dependencies from.
pub const DEPENDENCY_TOOL_FILES: [&str; 6] = [
    "wkg.toml",
    "wkg.lock",
    "deps.toml",
    "deps.lock",
    "Cargo.toml",
    "Cargo-component.lock",
];

/// Whether `path` is one of [`DEPENDENCY_TOOL_FILES`].
pub fn is_dependency_tool_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| DEPENDENCY_TOOL_FILES.contains(&n))
}

/// The package files under `folder`, at most `depth` folders down, skipping `target/`,
/// `node_modules/` and hidden folders.
pub fn scan(folder: &Path, depth: usize) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut stack = vec![(folder.to_path_buf(), 0)];
    let mut visited = 0;
    while let Some((dir, level)) = stack.pop() {
        visited += 1;
        if visited > MAX_FOLDERS {
            tracing::warn!(
                "{}: more than {MAX_FOLDERS} folders; the rest is not looked into",
                folder.display()
            );
            break;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() || (kind.is_symlink() && path.is_dir()) {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                let skipped = name.starts_with('.') || SKIPPED.contains(&name.as_ref());
                // A link is followed only into folders it cannot lead back up from.
                let looped = kind.is_symlink()
                    && match (std::fs::canonicalize(&path), std::fs::canonicalize(&dir)) {
                        (Ok(target), Ok(here)) => here.starts_with(target),
                        _ => true,
                    };
                if !skipped && !looped && level < depth {
                    stack.push((path, level + 1));
                }
            } else if is_package_file(&path) {
                out.insert(path);
            }
        }
    }
    out
}

/// The package files of the workspace folders.
pub fn scan_folder(folder: &Path) -> BTreeSet<PathBuf> {
    scan(folder, MAX_DEPTH)
}

/// The files of one package folder (its own and its `deps/`), for a file opened outside the
/// workspace folders.
pub fn scan_package(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out: BTreeSet<PathBuf> = scan(dir, 0);
    out.extend(scan(&dir.join("deps"), 1));
    out
}

/// Reads a `.wit` file from disk; a file that is not UTF-8 keeps a text with replacement
/// characters and says where the first bad byte is.
pub fn read_wit(path: &Path) -> LoadedFile {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => LoadedFile {
                path: path.to_path_buf(),
                text,
                problem: None,
            },
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                LoadedFile {
                    path: path.to_path_buf(),
                    text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    problem: Some(witty_analysis::FileProblem::InvalidUtf8 { offset }),
                }
            }
        },
        Err(e) => LoadedFile {
            path: path.to_path_buf(),
            text: String::new(),
            problem: Some(witty_analysis::FileProblem::Unreadable(format!(
                "cannot read file: {e}"
            ))),
        },
    }
}

/// A package as its layout says, each `.wit` file's text from `text` (the editor's, else
/// what the analysis has, else the disk's).
pub fn load(layout: &RootLayout, text: &dyn Fn(&Path) -> LoadedFile) -> LoadedPackage {
    let files = |paths: &[PathBuf]| paths.iter().map(|p| text(p)).collect();
    let deps = layout
        .deps
        .iter()
        .map(|dep| match dep {
            DepLayout::Folder { path, files: f } => LoadedPackage {
                root: path.clone(),
                layout: PackageLayout::Folder,
                files: files(f),
                deps: Vec::new(),
            },
            DepLayout::File(path) => LoadedPackage {
                root: path.clone(),
                layout: PackageLayout::File,
                files: vec![text(path)],
                deps: Vec::new(),
            },
            DepLayout::Binary(path) => LoadedPackage {
                root: path.clone(),
                // An unreadable binary is an empty one: the analysis says it is not a package.
                layout: PackageLayout::Binary(std::fs::read(path).unwrap_or_default()),
                files: Vec::new(),
                deps: Vec::new(),
            },
        })
        .collect();
    LoadedPackage {
        root: layout.root.clone(),
        layout: if layout.single_file {
            PackageLayout::File
        } else {
            PackageLayout::Folder
        },
        files: files(&layout.files),
        deps,
    }
}
