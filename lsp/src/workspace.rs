//! Which packages a workspace holds, and loading them from disk with the editor's unsaved
//! texts laid over.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use witty_analysis::{LoadedFile, LoadedPackage, PackageLayout, load_path};

/// Folders that are never packages, nor hold any worth a walk.
const SKIPPED: &[&str] = &["node_modules", "target", ".git", ".hg", ".svn"];

/// A workspace this deep or this large is not walked further.
const MAX_DEPTH: usize = 16;
const MAX_FOLDERS: usize = 20_000;

/// The package folders under `folder`: each folder with `.wit` files in it. The folders and
/// files of a `deps/` folder are the dependencies of the package beside it, not packages
/// of their own.
pub fn discover(folder: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![(folder.to_path_buf(), 0)];
    let mut visited = 0;
    while let Some((dir, depth)) = stack.pop() {
        visited += 1;
        if visited > MAX_FOLDERS {
            break;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut has_wit = false;
        let mut subdirs = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if !name.starts_with('.') && !SKIPPED.contains(&name.as_ref()) {
                    subdirs.push(path);
                }
            } else if is_wit(&path) {
                has_wit = true;
            }
        }
        if has_wit {
            out.push(dir.clone());
        }
        if depth < MAX_DEPTH {
            for sub in subdirs {
                if has_wit && sub.file_name().is_some_and(|n| n == "deps") {
                    continue;
                }
                stack.push((sub, depth + 1));
            }
        }
    }
    out.sort();
    out
}

pub fn is_wit(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "wit")
}

/// The package folder a file belongs to: its folder, or for a file of `deps/`, the folder
/// whose dependency it is.
pub fn root_for_file(path: &Path) -> Option<PathBuf> {
    let dir = path.parent()?;
    let is_deps = |p: &Path| p.file_name().is_some_and(|n| n == "deps");
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

/// Loads a package folder with its `deps/`, taking the text of every open file from the
/// editor; an open file that is not on disk yet still belongs to its folder's package.
pub fn load(root: &Path, open: &HashMap<PathBuf, String>) -> Option<LoadedPackage> {
    let mut package = load_path(root).ok()?;
    overlay(&mut package, open);
    for dep in &mut package.deps {
        overlay(dep, open);
    }
    Some(package)
}

fn overlay(package: &mut LoadedPackage, open: &HashMap<PathBuf, String>) {
    if !matches!(package.layout, PackageLayout::Folder | PackageLayout::File) {
        return;
    }
    for file in &mut package.files {
        if let Some(text) = open.get(&file.path) {
            file.text = text.clone();
            file.problem = None;
        }
    }
    if matches!(package.layout, PackageLayout::Folder) {
        for (path, text) in open {
            let unsaved = path.parent() == Some(package.root.as_path())
                && is_wit(path)
                && !package.files.iter().any(|f| &f.path == path);
            if unsaved {
                package.files.push(LoadedFile {
                    path: path.clone(),
                    text: text.clone(),
                    problem: None,
                });
            }
        }
        package.files.sort_by(|a, b| a.path.cmp(&b.path));
    }
}
