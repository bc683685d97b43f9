//! Seeded sequences of what happens to a workspace (edits, saves, files created and deleted on
//! disk, unsaved and virtual documents, `deps/` folders coming and going, settings and folder
//! changes), applied to the server's state; after each step its diagnostics must equal those
//! of a fresh check of the same texts, as `wit check --no-backstop` computes them.
//! `WITTY_MODEL_SEEDS=200` runs longer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use witty_analysis::{AnalysisHost, Features};

use super::editor::Rng;
use crate::state::{DiskChange, State};

/// Texts a file may get: packages that refer to each other, dependencies, mistakes.
const TEXTS: &[&str] = &[
    "package a:app;\ninterface api {\n  use types.{point};\n  get: func() -> point;\n}\n",
    "package a:app;\ninterface types {\n  record point { x: u32, y: u32 }\n}\n",
    "package a:app;\nworld w {\n  import api;\n  import wasi:io/streams@0.2.0;\n}\n",
    "package a:app;\ninterface broken {\n  f: func() -> missing;\n}\n",
    "package a:other;\ninterface i {}\n",
    "interface no-header {}\n",
    "package a:app;\ninterface api {\n  get: func(;\n}\n",
    "package wasi:io@0.2.0;\ninterface streams {\n  resource input-stream;\n}\n",
    "package wasi:io@0.2.0;\ninterface error {\n  resource error;\n}\n",
    "",
];

/// Where files may be: two packages with `deps/`, one package made of one file, and a
/// folder that is only `deps/`.
const PLACES: &[&str] = &[
    "one/wit/a.wit",
    "one/wit/b.wit",
    "one/wit/world.wit",
    "one/wit/deps/io/streams.wit",
    "one/wit/deps/io/error.wit",
    "one/wit/deps/logging.wit",
    "two/c.wit",
    "two/deps/io/streams.wit",
    "three/deps/x/y.wit",
    "top.wit",
];

fn seeds() -> u64 {
    std::env::var("WITTY_MODEL_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(6)
}

/// The editor's side of the world: what is on disk and what is open.
struct World {
    root: tempfile::TempDir,
    /// Open documents: path (or virtual name) and text.
    open: BTreeMap<PathBuf, String>,
    features: Features,
    folders: Vec<PathBuf>,
}

impl World {
    fn path(&self, place: &str) -> PathBuf {
        self.root.path().join(place)
    }

    fn write(&self, place: &str, text: &str) -> (PathBuf, DiskChange) {
        let path = self.path(place);
        let change = if path.exists() {
            DiskChange::Changed
        } else {
            DiskChange::Created
        };
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        (path, change)
    }
}

/// One random thing that happens; returns a description for failures.
fn step(rng: &mut Rng, world: &mut World, state: &mut State) -> String {
    let place = *rng.pick(PLACES);
    let text = *rng.pick(TEXTS);
    match rng.below(11) {
        // Typing in an open document (opening it first if needed).
        0..=2 => {
            let path = world.path(place);
            if !world.open.contains_key(&path) {
                let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
                world.open.insert(path.clone(), on_disk.clone());
                state.open(&path, on_disk, 1);
            }
            world.open.insert(path.clone(), text.to_string());
            if let Some(doc) = state.docs.get_mut(&path) {
                doc.text = text.to_string();
                doc.version += 1;
            }
            state.edited(&path);
            format!("edit {place}")
        }
        // Saving an open document.
        3 => {
            let Some((path, text)) = world
                .open
                .iter()
                .find(|(p, _)| p.starts_with(world.root.path()))
                .map(|(p, t)| (p.clone(), t.clone()))
            else {
                return "nothing to save".into();
            };
            let rel = path.strip_prefix(world.root.path()).unwrap().to_path_buf();
            let change = world.write(rel.to_str().unwrap(), &text);
            state.disk_changed(&[change]);
            format!("save {}", rel.display())
        }
        // Closing a document.
        4 => {
            let Some(path) = world.open.keys().nth(rng.below(3) as usize).cloned() else {
                return "nothing to close".into();
            };
            world.open.remove(&path);
            state.close(&path);
            format!("close {}", path.display())
        }
        // A file written or deleted on disk by another program.
        5 | 6 => {
            let change = world.write(place, text);
            state.disk_changed(&[change]);
            format!("write {place} on disk")
        }
        7 => {
            let path = world.path(place);
            if std::fs::remove_file(&path).is_err() {
                return "nothing to delete".into();
            }
            state.disk_changed(&[(path, DiskChange::Deleted)]);
            format!("delete {place} on disk")
        }
        // A whole folder deleted (a `deps/` folder, a package).
        8 => {
            let dir = *rng.pick(&["one/wit/deps", "two/deps", "one/wit/deps/io", "three"]);
            let path = world.path(dir);
            if std::fs::remove_dir_all(&path).is_err() {
                return "no folder to delete".into();
            }
            state.disk_changed(&[(path, DiskChange::Deleted)]);
            format!("delete folder {dir}")
        }
        // A virtual document (an untitled buffer, a diff view).
        9 => {
            let path = crate::convert::path(&"untitled:Untitled-1".parse().unwrap()).unwrap();
            if world.open.remove(&path).is_some() {
                state.close(&path);
                "close untitled".into()
            } else {
                world.open.insert(path.clone(), text.to_string());
                state.open(&path, text.to_string(), 1);
                "open untitled".into()
            }
        }
        // Settings and folders.
        _ => {
            if rng.below(2) == 0 {
                world.features.all = !world.features.all;
                state.set_features(world.features.clone());
                "toggle all features".into()
            } else {
                let extra = world.path("two");
                if world.folders.contains(&extra) {
                    world.folders.retain(|f| f != &extra);
                } else {
                    world.folders.push(extra);
                }
                state.set_folders(world.folders.clone());
                format!("folders {:?}", world.folders)
            }
        }
    }
}

type Found = BTreeMap<PathBuf, BTreeSet<String>>;

/// The server's diagnostics, file by file (without the quiet moment's backstop).
fn servers(state: &State) -> Found {
    let snap = state.snapshot();
    let roots = snap.analysis.roots().to_vec();
    let mut out = Found::new();
    for root in roots {
        for d in snap.analysis.root_diagnostics(root).unwrap() {
            out.entry(d.file.clone())
                .or_default()
                .insert(format!("{} {:?} {}", d.code, d.range, d.message));
        }
    }
    out
}

/// A fresh check of the same texts: the disk with the open documents saved over it, every
/// package of the workspace folders checked on its own, as `wit check` would.
fn fresh(world: &World) -> Found {
    let copy = tempfile::tempdir().unwrap();
    let base = world.root.path();
    let mut files: BTreeSet<PathBuf> = BTreeSet::new();
    for folder in &world.folders {
        files.extend(crate::workspace::scan_folder(folder));
    }
    let mut single = BTreeSet::new();
    for path in world.open.keys() {
        if crate::convert::is_virtual(path) {
            single.insert(path.clone());
        } else if world.folders.iter().any(|f| path.starts_with(f)) {
            files.insert(path.clone());
        }
    }
    // Materialize the editor's view in the copy.
    for path in &files {
        let rel = path.strip_prefix(base).unwrap();
        let target = copy.path().join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let text = match world.open.get(path) {
            Some(text) => text.clone(),
            None => std::fs::read_to_string(path).unwrap_or_default(),
        };
        std::fs::write(&target, text).unwrap();
    }
    let mut out = Found::new();
    let mut host = AnalysisHost::new();
    let copied: BTreeSet<PathBuf> = files
        .iter()
        .map(|p| copy.path().join(p.strip_prefix(base).unwrap()))
        .collect();
    for layout in witty_analysis::layout::layout(&copied, &BTreeSet::new()) {
        let package = witty_analysis::load_path(&layout.root).unwrap();
        let root = host.add_root(&package, world.features.clone());
        for d in host.diagnostics(root) {
            let original = base.join(d.file.strip_prefix(copy.path()).unwrap_or(&d.file));
            let message = d.message.replace(
                &copy.path().display().to_string(),
                &base.display().to_string(),
            );
            out.entry(original)
                .or_default()
                .insert(format!("{} {:?} {}", d.code, d.range, message));
        }
    }
    for path in single {
        let package = witty_analysis::LoadedPackage {
            root: path.clone(),
            layout: witty_analysis::PackageLayout::File,
            files: vec![witty_analysis::LoadedFile {
                path: path.clone(),
                text: world.open[&path].clone(),
                problem: None,
            }],
            deps: Vec::new(),
        };
        let root = host.add_root(&package, world.features.clone());
        for d in host.diagnostics(root) {
            out.entry(d.file.clone())
                .or_default()
                .insert(format!("{} {:?} {}", d.code, d.range, d.message));
        }
    }
    out
}

fn differences(server: &Found, fresh: &Found) -> Vec<String> {
    let files: BTreeSet<&PathBuf> = server.keys().chain(fresh.keys()).collect();
    let empty = BTreeSet::new();
    let mut out = Vec::new();
    for file in files {
        let (s, f) = (
            server.get(file).unwrap_or(&empty),
            fresh.get(file).unwrap_or(&empty),
        );
        for only in s.difference(f) {
            out.push(format!("only the server: {}: {only}", file.display()));
        }
        for only in f.difference(s) {
            out.push(format!("only a fresh check: {}: {only}", file.display()));
        }
    }
    out
}

#[test]
fn the_servers_picture_equals_a_fresh_check() {
    for seed in 0..seeds() {
        let mut rng = Rng::new(7000 + seed);
        let mut world = World {
            root: tempfile::tempdir().unwrap(),
            open: BTreeMap::new(),
            features: Features::default(),
            folders: Vec::new(),
        };
        for place in [
            "one/wit/a.wit",
            "one/wit/b.wit",
            "one/wit/deps/io/streams.wit",
        ] {
            let text = TEXTS[rng.below(TEXTS.len() as u64) as usize];
            world.write(place, text);
        }
        world.folders.push(world.root.path().to_path_buf());
        let mut state = State::new();
        state.folders = world.folders.clone();
        state.load_workspace();
        let mut history = Vec::new();
        for _ in 0..40 {
            history.push(step(&mut rng, &mut world, &mut state));
            let diff = differences(&servers(&state), &fresh(&world));
            assert!(
                diff.is_empty(),
                "seed {seed}, after {history:#?}:\n{}",
                diff.join("\n")
            );
        }
    }
}
