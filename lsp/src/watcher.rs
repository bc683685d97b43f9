//! The server's own file watcher, for clients that cannot watch files for it (Neovim 0.7;
//! 0.11 on Linux offers watching without dynamic registration; any client that refuses or
//! never answers the registration). Each folder of the workspace is watched on its own,
//! except those never worth a walk (`target/`, `node_modules/`, `.git/`, hidden folders),
//! so a big build folder costs no watches; new folders are watched as they appear.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use notify::event::{CreateKind, EventKind, ModifyKind, RemoveKind, RenameMode};
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};
use tokio::sync::mpsc::UnboundedSender;
use witty_analysis::layout::{MAX_DEPTH, SKIPPED};

use crate::state::DiskChange;

/// What the watcher saw: files (and folders) created, changed or deleted.
pub type Changes = Vec<(PathBuf, DiskChange)>;

pub struct Watcher {
    inner: RecommendedWatcher,
    watched: HashSet<PathBuf>,
    /// Folders that could not be watched, said once each.
    failed: HashSet<PathBuf>,
}

/// How far below a folder to watch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Depth {
    All,
    /// A `target/` folder: only its `wasm32-*` folders.
    Target,
    /// `target/wasm32-*`: its folders, but not below them.
    Profiles,
    Last,
}

/// How far below a folder to watch, from where it is: in a build folder, only where
/// components are built; `None` for a folder not worth watching at all.
fn depth_of(dir: &Path) -> Option<Depth> {
    fn is_target(p: Option<&Path>) -> bool {
        p.and_then(Path::file_name).is_some_and(|n| n == "target")
    }
    let parent = dir.parent();
    let grandparent = parent.and_then(Path::parent);
    if is_target(Some(dir)) {
        Some(Depth::Target)
    } else if is_target(parent) {
        let wasm = dir
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("wasm32-"));
        wasm.then_some(Depth::Profiles)
    } else if is_target(grandparent) {
        Some(Depth::Last)
    } else if dir.ancestors().skip(3).any(|a| is_target(Some(a))) {
        None
    } else {
        Some(Depth::All)
    }
}

fn skipped(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || SKIPPED.contains(&name.as_ref())
}

/// Whether a change to `path` can matter: a WIT file, a WebAssembly file (a binary package,
/// a built component), a WebAssembly text in `deps/`, a dependency tool's manifest or lock,
/// or a folder.
fn relevant(path: &Path) -> bool {
    if crate::workspace::is_dependency_tool_file(path) {
        return true;
    }
    // Only folders worth watching are watched: what is in them is looked at, except a
    // folder never worth a walk appearing in one (a new `.git/`).
    if path
        .file_name()
        .is_some_and(|n| n != "target" && skipped(n))
    {
        return false;
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some("wit" | "wasm") => true,
        Some("wat") => true,
        Some(_) => false,
        // Without an extension: possibly a folder (created, or deleted with what it held).
        None => true,
    }
}

impl Watcher {
    /// Starts watching; changes are sent to `tx` as they come.
    pub fn start(tx: UnboundedSender<Changes>) -> notify::Result<Watcher> {
        let inner = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else {
                return;
            };
            let change = match event.kind {
                EventKind::Create(CreateKind::File | CreateKind::Folder | CreateKind::Any) => {
                    DiskChange::Created
                }
                EventKind::Modify(ModifyKind::Name(RenameMode::From)) => DiskChange::Deleted,
                EventKind::Modify(ModifyKind::Name(RenameMode::To)) => DiskChange::Created,
                EventKind::Modify(ModifyKind::Name(_)) => {
                    // Both ends of a rename: the first is gone, the second is new.
                    let mut changes = Changes::new();
                    let mut paths = event.paths.iter();
                    if let Some(from) = paths.next().filter(|p| relevant(p)) {
                        changes.push((from.clone(), DiskChange::Deleted));
                    }
                    for to in paths.filter(|p| relevant(p)) {
                        changes.push((to.clone(), DiskChange::Created));
                    }
                    if !changes.is_empty() {
                        let _ = tx.send(changes);
                    }
                    return;
                }
                EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any) => DiskChange::Changed,
                EventKind::Remove(RemoveKind::File | RemoveKind::Folder | RemoveKind::Any) => {
                    DiskChange::Deleted
                }
                _ => return,
            };
            let changes: Changes = event
                .paths
                .into_iter()
                .filter(|p| relevant(p))
                .map(|p| (p, change))
                .collect();
            if !changes.is_empty() {
                let _ = tx.send(changes);
            }
        })?;
        Ok(Watcher {
            inner,
            watched: HashSet::new(),
            failed: HashSet::new(),
        })
    }

    /// Watches `dir` and the folders below it worth watching. Returns what could not be
    /// watched (once per folder), for the log.
    pub fn watch_tree(&mut self, dir: &Path) -> Vec<String> {
        let mut problems = Vec::new();
        let Some(how) = depth_of(dir) else {
            return problems;
        };
        let mut stack = vec![(dir.to_path_buf(), 0, how)];
        while let Some((dir, depth, how)) = stack.pop() {
            if self.watched.contains(&dir) {
                continue;
            }
            match self.inner.watch(&dir, RecursiveMode::NonRecursive) {
                Ok(()) => {
                    self.watched.insert(dir.clone());
                }
                Err(e) => {
                    if self.failed.insert(dir.clone()) {
                        problems.push(format!("cannot watch {}: {e}", dir.display()));
                    }
                    continue;
                }
            }
            if depth >= MAX_DEPTH || how == Depth::Last {
                continue;
            }
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                // Links are not followed: what they lead to is watched where it is.
                if !entry.file_type().is_ok_and(|t| t.is_dir()) {
                    continue;
                }
                let name = entry.file_name();
                let next = match how {
                    // In a build folder, only where builds for WebAssembly put components:
                    // `target/wasm32-*/` and its `debug/`, `release/` (not their deps).
                    Depth::Target if name.to_string_lossy().starts_with("wasm32-") => {
                        Depth::Profiles
                    }
                    Depth::Target => continue,
                    Depth::Profiles => Depth::Last,
                    _ if name == "target" => Depth::Target,
                    _ if skipped(&name) => continue,
                    _ => Depth::All,
                };
                stack.push((entry.path(), depth + 1, next));
            }
        }
        problems
    }

    /// Stops watching a folder and everything below it (a folder deleted, or removed from
    /// the workspace).
    pub fn unwatch_tree(&mut self, dir: &Path) {
        let gone: Vec<PathBuf> = self
            .watched
            .iter()
            .filter(|p| p.starts_with(dir))
            .cloned()
            .collect();
        for path in gone {
            // A folder already deleted is no longer watched by the system either.
            let _ = self.inner.unwatch(&path);
            self.watched.remove(&path);
        }
        self.failed.retain(|p| !p.starts_with(dir));
    }

    /// Watches exactly the trees of `folders`.
    pub fn set_folders(&mut self, folders: &[PathBuf]) -> Vec<String> {
        let stale: Vec<PathBuf> = self
            .watched
            .iter()
            .filter(|p| !folders.iter().any(|f| p.starts_with(f)))
            .cloned()
            .collect();
        for dir in stale {
            self.unwatch_tree(&dir);
        }
        folders.iter().flat_map(|f| self.watch_tree(f)).collect()
    }
}

/// The watcher, shared by the server and the task that forwards its events.
pub type Shared = std::sync::Arc<std::sync::Mutex<Watcher>>;

/// How long events are gathered before they are applied: a `git checkout` or a build writes
/// many files at once.
const GATHER: std::time::Duration = std::time::Duration::from_millis(30);

/// Applies the watcher's events to the state as they come, gathered in bursts; watches new
/// folders and forgets deleted ones; says once what could not be watched.
pub async fn forward(
    publisher: crate::publish::Publisher,
    watcher: Shared,
    mut rx: tokio::sync::mpsc::UnboundedReceiver<Changes>,
    problems: Vec<String>,
) {
    let say = |problems: Vec<String>| {
        for problem in problems {
            tracing::warn!("{problem}");
        }
    };
    say(problems);
    while let Some(mut changes) = rx.recv().await {
        tokio::time::sleep(GATHER).await;
        while let Ok(more) = rx.try_recv() {
            changes.extend(more);
        }
        let mut problems = Vec::new();
        {
            let mut watcher = watcher.lock().unwrap_or_else(|e| e.into_inner());
            for (path, change) in &changes {
                match change {
                    DiskChange::Created if path.is_dir() => {
                        problems.extend(watcher.watch_tree(path));
                    }
                    DiskChange::Deleted => watcher.unwatch_tree(path),
                    _ => {}
                }
            }
        }
        say(problems);
        tracing::debug!("{} changes on disk", changes.len());
        publisher.change(None, |state| state.disk_changed(&changes));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_can_matter() {
        assert!(relevant(Path::new("/w/wit/a.wit")));
        assert!(relevant(Path::new("/w/wkg.lock")));
        assert!(relevant(Path::new("/w/wit/deps.toml")));
        assert!(!relevant(Path::new("/w/notes.toml")));
        assert!(relevant(Path::new("/w/wit/deps/io")));
        assert!(relevant(Path::new("/w/target2/app.wasm")));
        assert!(relevant(Path::new(
            "/w/target/wasm32-wasip2/debug/app.wasm"
        )));
        assert!(!relevant(Path::new("/w/.git")));
        assert!(!relevant(Path::new("/w/node_modules")));
        // A workspace inside a hidden folder is watched like any other.
        assert!(relevant(Path::new("/home/u/.config/w/a.wit")));
        assert!(!relevant(Path::new("/w/wit/notes.md")));
    }

    #[test]
    fn a_file_written_in_a_new_folder_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let mut watcher = Watcher::start(tx).unwrap();
        assert!(watcher.watch_tree(dir.path()).is_empty());
        let sub = dir.path().join("wit");
        std::fs::create_dir(&sub).unwrap();
        // The new folder is reported; the server then watches it.
        let first = rx.blocking_recv().unwrap();
        assert!(
            first
                .iter()
                .any(|(p, c)| p == &sub && *c == DiskChange::Created),
            "{first:?}"
        );
        watcher.watch_tree(&sub);
        std::fs::write(sub.join("a.wit"), "package a:b;\n").unwrap();
        let mut seen = Vec::new();
        while !seen
            .iter()
            .any(|(p, _): &(PathBuf, DiskChange)| p.ends_with("a.wit"))
        {
            seen.extend(rx.blocking_recv().unwrap());
        }
        // In a build folder, only where components are built.
        let target = dir.path().join("target");
        for sub in ["debug/deps", "wasm32-wasip2/release/deps"] {
            std::fs::create_dir_all(target.join(sub)).unwrap();
        }
        watcher.watch_tree(&target);
        let mut watched: Vec<_> = watcher
            .watched
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
            .collect();
        watched.sort();
        assert_eq!(
            watched,
            [
                "",
                "target",
                "target/wasm32-wasip2",
                "target/wasm32-wasip2/release",
                "wit"
            ]
        );
    }
}
