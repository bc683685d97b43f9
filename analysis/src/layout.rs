//! Which packages a set of files makes: the one rule by which a workspace's folders, files on
//! disk and documents open in an editor become packages with their dependencies, as
//! `wit check FOLDER` would read each of them. Pure: it sees paths, never the disk.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Folders that are never packages, nor hold any worth a walk.
pub const SKIPPED: &[&str] = &["node_modules", "target", ".git", ".hg", ".svn"];

/// A workspace deeper than this below its folder is not looked into.
pub const MAX_DEPTH: usize = 16;

/// One package to check and where its files are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootLayout {
    /// The package's folder, or for a package that is one document, that document.
    pub root: PathBuf,
    pub single_file: bool,
    /// Its own `.wit` files, sorted.
    pub files: Vec<PathBuf>,
    /// The entries of its `deps/` folder, sorted by name.
    pub deps: Vec<DepLayout>,
}

/// An entry of a `deps/` folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DepLayout {
    /// A folder: a package made of its `.wit` files.
    Folder { path: PathBuf, files: Vec<PathBuf> },
    /// A `.wit` file: a package on its own.
    File(PathBuf),
    /// A `.wasm` or `.wat` file: a package in binary (or text) form.
    Binary(PathBuf),
}

impl DepLayout {
    pub fn path(&self) -> &Path {
        match self {
            DepLayout::Folder { path, .. } | DepLayout::File(path) | DepLayout::Binary(path) => {
                path
            }
        }
    }
}

pub fn is_wit(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "wit")
}

pub fn is_binary_package(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "wasm" || e == "wat")
}

fn is_deps(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "deps")
}

/// Whether a path below `folder` lies in a folder that is never walked (`target/`,
/// `node_modules/`, hidden folders) or deeper than [`MAX_DEPTH`].
pub fn is_skipped(folder: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(folder) else {
        return false;
    };
    let dirs: Vec<_> = rel.parent().map(|p| p.iter().collect()).unwrap_or_default();
    dirs.len() > MAX_DEPTH
        || dirs.iter().any(|d| {
            let d = d.to_string_lossy();
            d.starts_with('.') || SKIPPED.contains(&d.as_ref())
        })
}

/// The package folder a file belongs to: its folder, or for a file of `deps/`, the folder
/// whose dependency it is.
pub fn package_of(path: &Path) -> Option<PathBuf> {
    let dir = path.parent()?;
    if is_deps(dir) {
        return dir.parent().map(Path::to_path_buf);
    }
    if let Some(parent) = dir.parent()
        && is_deps(parent)
    {
        return parent.parent().map(Path::to_path_buf);
    }
    Some(dir.to_path_buf())
}

/// The packages that `files` make. A folder with a `.wit` file in it is a package; `deps/`
/// folders (and what is in them) are never packages, only the dependencies of the folder
/// beside them. `single` are documents that are packages on their own (not files).
pub fn layout(files: &BTreeSet<PathBuf>, single: &BTreeSet<PathBuf>) -> Vec<RootLayout> {
    // The `.wit` files directly in each folder, and the entries of each `deps/` folder.
    let mut own: BTreeMap<&Path, Vec<PathBuf>> = BTreeMap::new();
    let mut deps: BTreeMap<&Path, BTreeMap<PathBuf, DepLayout>> = BTreeMap::new();
    for path in files {
        let Some(dir) = path.parent() else {
            continue;
        };
        if is_deps(dir) {
            let Some(package) = dir.parent() else {
                continue;
            };
            let entry = if is_wit(path) {
                DepLayout::File(path.clone())
            } else if is_binary_package(path) {
                DepLayout::Binary(path.clone())
            } else {
                continue;
            };
            deps.entry(package).or_default().insert(path.clone(), entry);
            continue;
        }
        if let Some(parent) = dir.parent()
            && is_deps(parent)
        {
            if !is_wit(path) {
                continue;
            }
            let Some(package) = parent.parent() else {
                continue;
            };
            let entry = deps
                .entry(package)
                .or_default()
                .entry(dir.to_path_buf())
                .or_insert_with(|| DepLayout::Folder {
                    path: dir.to_path_buf(),
                    files: Vec::new(),
                });
            if let DepLayout::Folder { files, .. } = entry {
                files.push(path.clone());
            }
            continue;
        }
        // Deeper inside a `deps/` folder is nothing wit-parser reads.
        if dir.ancestors().any(is_deps) {
            continue;
        }
        if is_wit(path) {
            own.entry(dir).or_default().push(path.clone());
        }
    }
    let mut out: Vec<RootLayout> = own
        .into_iter()
        .map(|(dir, files)| RootLayout {
            root: dir.to_path_buf(),
            single_file: false,
            files,
            deps: deps
                .get(dir)
                .map(|d| d.values().cloned().collect())
                .unwrap_or_default(),
        })
        .collect();
    out.extend(single.iter().map(|path| RootLayout {
        root: path.clone(),
        single_file: true,
        files: vec![path.clone()],
        deps: Vec::new(),
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(files: &[&str]) -> String {
        let files: BTreeSet<PathBuf> = files.iter().map(PathBuf::from).collect();
        layout(&files, &BTreeSet::new())
            .iter()
            .map(|r| {
                let deps: Vec<String> = r
                    .deps
                    .iter()
                    .map(|d| match d {
                        DepLayout::Folder { path, files } => {
                            format!("{} ({} files)", path.display(), files.len())
                        }
                        DepLayout::File(p) => format!("{} (file)", p.display()),
                        DepLayout::Binary(p) => format!("{} (binary)", p.display()),
                    })
                    .collect();
                format!(
                    "{}: {} files; deps: [{}]",
                    r.root.display(),
                    r.files.len(),
                    deps.join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn folders_with_wit_files_are_packages_and_deps_never_are() {
        let shown = check(&[
            "/w/wit/a.wit",
            "/w/wit/b.wit",
            "/w/wit/deps/io/streams.wit",
            "/w/wit/deps/io/error.wit",
            "/w/wit/deps/logging.wit",
            "/w/wit/deps/types.wasm",
            "/w/wit/deps/io/nested/x.wit",
            "/w/wit/deps/notes.txt",
            // Its package's own files deleted: deps/ is still no package.
            "/w/other/deps/cli/run.wit",
            "/w/README.md",
        ]);
        insta::assert_snapshot!(shown, @"/w/wit: 2 files; deps: [/w/wit/deps/io (2 files), /w/wit/deps/logging.wit (file), /w/wit/deps/types.wasm (binary)]");
    }

    #[test]
    fn skipped_folders_and_the_package_of_a_file() {
        let w = Path::new("/w");
        assert!(is_skipped(w, Path::new("/w/target/wasm32-wasip2/x.wit")));
        assert!(is_skipped(w, Path::new("/w/a/.git/x.wit")));
        assert!(!is_skipped(w, Path::new("/w/wit/x.wit")));
        assert_eq!(
            package_of(Path::new("/w/wit/deps/io/streams.wit")),
            Some(PathBuf::from("/w/wit"))
        );
        assert_eq!(
            package_of(Path::new("/w/wit/deps/log.wit")),
            Some(PathBuf::from("/w/wit"))
        );
        assert_eq!(
            package_of(Path::new("/w/wit/a.wit")),
            Some(PathBuf::from("/w/wit"))
        );
    }
}
