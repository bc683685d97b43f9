//! Writing generated files into a folder without losing anyone's work: a folder that holds
//! files witty did not write is refused (unless forced, and then they are left alone), and a
//! list of what witty wrote (`.witty-bindgen`) lets the next run replace exactly those,
//! removing the ones a smaller world no longer has.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use witty_bindgen::Bindings;

/// The list of files witty wrote in the folder, one relative path a line.
const MANIFEST: &str = ".witty-bindgen";

/// Writes the files; returns how many.
pub fn write(dir: &Path, bindings: &Bindings, force: bool) -> Result<usize, String> {
    if dir.exists() && !dir.is_dir() {
        return Err(format!("{}: not a folder", dir.display()));
    }
    let ours = written_before(dir);
    let mut others: Vec<PathBuf> = Vec::new();
    if dir.is_dir() {
        list_files(dir, dir, &mut others).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    others.retain(|f| f != Path::new(MANIFEST) && !ours.contains(f));
    if !others.is_empty() && !force {
        let shown: Vec<String> = others
            .iter()
            .take(3)
            .map(|f| f.display().to_string())
            .collect();
        let more = match others.len() {
            n if n > 3 => format!(" and {} more", n - 3),
            _ => String::new(),
        };
        return Err(format!(
            "{} holds files witty did not write ({}{more}); choose an empty or new folder, or pass --force to write beside them (they are left as they are)",
            dir.display(),
            shown.join(", ")
        ));
    }
    let mut names: BTreeSet<PathBuf> = BTreeSet::new();
    for file in &bindings.files {
        let relative = PathBuf::from(&file.name);
        let plain = relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if !plain {
            return Err(format!(
                "the generator named a file `{}` outside the folder; nothing was written",
                file.name
            ));
        }
        names.insert(relative);
    }
    for file in &bindings.files {
        let target = dir.join(&file.name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&target, &file.contents)
            .map_err(|e| format!("{}: {e}", target.display()))?;
    }
    // What witty wrote last time and the world no longer has.
    for stale in ours.difference(&names) {
        let target = dir.join(stale);
        if target.is_file() {
            std::fs::remove_file(&target).map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    let list: String = names.iter().map(|n| format!("{}\n", n.display())).collect();
    let manifest = dir.join(MANIFEST);
    std::fs::write(&manifest, list).map_err(|e| format!("{}: {e}", manifest.display()))?;
    Ok(bindings.files.len())
}

/// The files the last run wrote, as its list says (only plain relative paths are believed).
fn written_before(dir: &Path) -> BTreeSet<PathBuf> {
    let Ok(text) = std::fs::read_to_string(dir.join(MANIFEST)) else {
        return BTreeSet::new();
    };
    text.lines()
        .map(PathBuf::from)
        .filter(|p| {
            !p.as_os_str().is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)))
        })
        .collect()
}

/// Every file under `dir`, relative to `base`.
fn list_files(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            list_files(base, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(base) {
            out.push(relative.to_path_buf());
        }
    }
    Ok(())
}
