//! Publishing diagnostics: computed on a snapshot as soon as the state changes, sent only
//! where they changed, never over newer ones; and wit-parser's verdict after a quiet moment.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tower_lsp_server::Client;
use tower_lsp_server::ls_types as lsp;

use crate::convert;
use crate::project::ProjectSettings;
use crate::quiet::{ComponentCache, Findings, Known, PackageInput};
use crate::state::State;

/// How long the editor must be quiet before wit-parser checks what witty found clean.
const BACKSTOP_PAUSE: Duration = Duration::from_millis(400);

/// The state and what publishing needs; cheap to clone into tasks.
#[derive(Clone)]
pub struct Publisher {
    pub client: Client,
    pub state: Arc<Mutex<State>>,
    /// Bumped by every change; work for an older generation is not published.
    pub generation: Arc<AtomicU64>,
    /// What was last published per file, so that unchanged lists are not sent again.
    published: Arc<tokio::sync::Mutex<HashMap<PathBuf, Vec<lsp::Diagnostic>>>>,
    /// What the last quiet moment found: wit-parser's verdicts, built components' problems.
    quiet: Arc<Mutex<Findings>>,
    /// The workspace's built components, as last read.
    pub known: Arc<Mutex<Arc<Known>>>,
    cache: Arc<Mutex<ComponentCache>>,
}

impl Publisher {
    pub fn new(client: Client) -> Publisher {
        Publisher {
            client,
            state: Arc::new(Mutex::new(State::new())),
            generation: Arc::new(AtomicU64::new(0)),
            published: Arc::default(),
            quiet: Arc::default(),
            known: Arc::default(),
            cache: Arc::default(),
        }
    }

    /// The state, even after a panic elsewhere poisoned the lock: the server never dies.
    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn publish_diagnostics(&self, first: Option<PathBuf>) {
        let generation = self.generation.clone();
        // The generation is read with the snapshot, under the lock, so that they match.
        let (snap, versions, at) = {
            let state = self.state();
            let versions: HashMap<PathBuf, i32> = state
                .docs
                .iter()
                .map(|(p, d)| (p.clone(), d.version))
                .collect();
            (
                state.snapshot(),
                versions,
                generation.load(Ordering::SeqCst),
            )
        };
        let client = self.client.clone();
        let published = self.published.clone();
        let quiet = self.quiet.lock().map(|b| b.clone()).unwrap_or_default();
        tokio::spawn(async move {
            let compute = move || {
                let first = first.as_deref();
                let found = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    crate::diagnostics::compute(&snap, first, &quiet)
                }));
                // The snapshot is dropped here, before publishing, so that edits never wait
                // on the client.
                drop(snap);
                found
            };
            let Ok(Ok(Ok(files))) = tokio::task::spawn_blocking(compute).await else {
                return;
            };
            let mut published = published.lock().await;
            // Files no package holds any more (deleted, or out of the workspace) are cleared.
            let current: std::collections::HashSet<&PathBuf> =
                files.iter().map(|(p, _)| p).collect();
            let gone: Vec<PathBuf> = published
                .keys()
                .filter(|p| !current.contains(p))
                .cloned()
                .collect();
            for path in gone {
                published.remove(&path);
                if let Some(uri) = convert::uri(&path) {
                    client.publish_diagnostics(uri, Vec::new(), None).await;
                }
            }
            for (i, (path, diagnostics)) in files.into_iter().enumerate() {
                if generation.load(Ordering::SeqCst) != at {
                    return;
                }
                let unchanged = published.get(&path) == Some(&diagnostics);
                if unchanged && i > 0 {
                    continue;
                }
                let Some(uri) = convert::uri(&path) else {
                    continue;
                };
                published.insert(path.clone(), diagnostics.clone());
                client
                    .publish_diagnostics(uri, diagnostics, versions.get(&path).copied())
                    .await;
            }
        });
    }

    /// Asks the client for code lenses again, where it can be asked: a build came or went.
    fn refresh_code_lenses(&self) {
        if !self.state().client.code_lens_refresh {
            return;
        }
        let client = self.client.clone();
        tokio::spawn(async move {
            let _ = client.code_lens_refresh().await;
        });
    }

    /// After a quiet moment, runs wit-parser on every package and checks the built
    /// components, and publishes again if what they found changed.
    pub fn schedule_backstop(&self) {
        let at = self.generation.load(Ordering::SeqCst);
        let generation = self.generation.clone();
        let this_generation = move || generation.load(Ordering::SeqCst) == at;
        let publisher = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(BACKSTOP_PAUSE).await;
            if !this_generation() {
                return;
            }
            let (packages, folders, settings) = {
                let state = publisher.state();
                (
                    quiet_inputs(&state),
                    state.folders.clone(),
                    state.project.clone(),
                )
            };
            let cache = publisher.cache.clone();
            let run = move || {
                let folder = folders.first().cloned();
                let mut problems = Vec::new();
                let file = match folder.as_deref().map(ProjectSettings::from_file) {
                    Some(Ok(file)) => file,
                    Some(Err(e)) => {
                        problems.push(e);
                        None
                    }
                    None => None,
                };
                let settings = ProjectSettings::merged(&settings, file);
                let dirs: Vec<PathBuf> = packages.iter().map(|p| p.root.clone()).collect();
                let found = crate::components::find(&folders, &dirs, &settings.components)
                    .unwrap_or_else(|e| {
                        problems.push(e);
                        Vec::new()
                    });
                let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
                let (mut findings, known) =
                    crate::quiet::run(packages, &found, &settings, folder.as_deref(), &mut cache);
                problems.append(&mut findings.settings);
                findings.settings = problems;
                (findings, known)
            };
            // wit-parser recurses deeply on long type chains: give it the stack it needs.
            let (tx, rx) = tokio::sync::oneshot::channel();
            let spawned = std::thread::Builder::new()
                .name("witty quiet checks".into())
                .stack_size(witty_analysis::backstop::STACK)
                .spawn(move || {
                    let _ = tx.send(std::panic::catch_unwind(AssertUnwindSafe(run)));
                });
            if spawned.is_err() {
                return;
            }
            let Ok(Ok((found, known))) = rx.await else {
                return;
            };
            let lenses_changed = {
                let mut current = publisher.known.lock().unwrap_or_else(|e| e.into_inner());
                let changed = built_paths(&current) != built_paths(&known);
                *current = Arc::new(known);
                changed
            };
            if lenses_changed {
                publisher.refresh_code_lenses();
            }
            if !this_generation() {
                return;
            }
            let (changed, new_problems) = {
                let mut current = publisher.quiet.lock().unwrap_or_else(|e| e.into_inner());
                let changed = *current != found;
                let new_problems: Vec<String> = found
                    .settings
                    .iter()
                    .filter(|p| !current.settings.contains(p))
                    .cloned()
                    .collect();
                *current = found;
                (changed, new_problems)
            };
            // Said once, when it first appears, not at every quiet moment.
            for problem in new_problems {
                publisher
                    .client
                    .show_message(lsp::MessageType::WARNING, problem)
                    .await;
            }
            if changed {
                publisher.publish_diagnostics(None);
            }
        });
    }
}

/// Which component each world runs: when it changes, the run lenses do.
fn built_paths(known: &Known) -> Vec<(&PathBuf, &String, &PathBuf)> {
    let mut out: Vec<_> = known
        .built
        .iter()
        .filter_map(|((file, world), cs)| Some((file, world, &cs.first()?.path)))
        .collect();
    out.sort();
    out
}

/// The packages of the state, copied out for the quiet checks: wit-parser's inputs and where
/// each world says its imports and exports. Taken under the lock, from a snapshot dropped before returning.
fn quiet_inputs(state: &State) -> Vec<PackageInput> {
    let analysis = state.host.analysis();
    let mut out = Vec::new();
    for &root in analysis.roots() {
        let Ok(input) = analysis.backstop_input(root) else {
            continue;
        };
        let worlds = analysis
            .world_spans(root)
            .unwrap_or_default()
            .into_iter()
            .map(|w| (w.name.clone(), w))
            .collect();
        out.push(PackageInput {
            root: analysis.root_path(root).to_path_buf(),
            input,
            worlds,
        });
    }
    out
}
