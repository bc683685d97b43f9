//! Finding built components in a workspace: the `components` globs of the settings, else
//! where builds put them (`target/wasm32-wasip*/**/*.wasm`, `build/`, `dist/`, and `.wasm`
//! files next to a package), never inside `node_modules`, `.git` or a `deps/` folder (whose
//! `.wasm` files are WIT packages, not components).

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

const DEFAULT_GLOBS: &[&str] = &[
    "target/wasm32-wasip*/**/*.wasm",
    "build/**/*.wasm",
    "dist/**/*.wasm",
];

/// A workspace this deep or this large is not walked further.
const MAX_DEPTH: usize = 16;
const MAX_ENTRIES: usize = 100_000;

fn glob_set(globs: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for g in globs {
        let glob =
            Glob::new(g).map_err(|e| format!("witty.components: `{g}` is not a glob: {e}"))?;
        builder.add(glob);
    }
    builder.build().map_err(|e| e.to_string())
}

/// The components under the workspace folders, by the settings' globs or the default places;
/// `packages` are the package folders, whose neighbouring `.wasm` files count by default.
pub fn find(
    folders: &[PathBuf],
    packages: &[PathBuf],
    globs: &[String],
) -> Result<Vec<PathBuf>, String> {
    let custom = !globs.is_empty();
    let set = if custom {
        glob_set(globs)?
    } else {
        glob_set(
            &DEFAULT_GLOBS
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        )?
    };
    let mut out = Vec::new();
    for folder in folders {
        walk(folder, &set, &mut out);
    }
    if !custom {
        for package in packages {
            for dir in [Some(package.as_path()), package.parent()]
                .into_iter()
                .flatten()
            {
                let Ok(entries) = std::fs::read_dir(dir) else {
                    continue;
                };
                for e in entries.flatten() {
                    let p = e.path();
                    if p.extension().is_some_and(|x| x == "wasm") && p.is_file() {
                        out.push(p);
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(folder: &Path, set: &GlobSet, out: &mut Vec<PathBuf>) {
    let mut stack = vec![(folder.to_path_buf(), 0)];
    let mut seen = 0;
    while let Some((dir, depth)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            seen += 1;
            if seen > MAX_ENTRIES {
                return;
            }
            let path = e.path();
            let Ok(kind) = e.file_type() else { continue };
            let name = e.file_name();
            if kind.is_dir() {
                let skip = matches!(name.to_str(), Some("node_modules" | ".git" | "deps"));
                if !skip && depth < MAX_DEPTH {
                    stack.push((path, depth + 1));
                }
            } else if path.extension().is_some_and(|x| x == "wasm")
                && let Ok(relative) = path.strip_prefix(folder)
                && set.is_match(relative)
            {
                out.push(path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(root: &Path, rel: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, b"\0asm").unwrap();
    }

    #[test]
    fn default_places_and_custom_globs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for rel in [
            "target/wasm32-wasip2/release/app.wasm",
            "target/wasm32-wasip1/debug/deps/old.wasm",
            "target/debug/native.wasm",
            "dist/web.wasm",
            "node_modules/x/dist/nope.wasm",
            "app.wasm",
            "wit/deps/io.wasm",
            "out/custom.wasm",
        ] {
            touch(root, rel);
        }
        let found = find(&[root.to_path_buf()], &[root.join("wit")], &[]).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "app.wasm",
                "dist/web.wasm",
                "target/wasm32-wasip2/release/app.wasm"
            ]
        );
        let found = find(&[root.to_path_buf()], &[], &["out/*.wasm".to_string()]).unwrap();
        assert_eq!(found, [root.join("out/custom.wasm")]);
        assert!(
            find(&[root.to_path_buf()], &[], &["[".to_string()])
                .unwrap_err()
                .contains("not a glob")
        );
    }
}
