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
use witty_analysis::Diagnostic;

use crate::convert;
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
    /// wit-parser's verdict per package folder, from the last quiet moment.
    backstop: Arc<Mutex<HashMap<PathBuf, Diagnostic>>>,
}

impl Publisher {
    pub fn new(client: Client) -> Publisher {
        Publisher {
            client,
            state: Arc::new(Mutex::new(State::new())),
            generation: Arc::new(AtomicU64::new(0)),
            published: Arc::default(),
            backstop: Arc::default(),
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
        let backstop = self.backstop.lock().map(|b| b.clone()).unwrap_or_default();
        tokio::spawn(async move {
            let compute = move || {
                let first = first.as_deref();
                let found = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    crate::diagnostics::compute(&snap, first, &backstop)
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

    /// After a quiet moment, runs wit-parser on every package and publishes again if its
    /// verdict changed.
    pub fn schedule_backstop(&self) {
        let at = self.generation.load(Ordering::SeqCst);
        let generation = self.generation.clone();
        let state = self.state.clone();
        let backstop = self.backstop.clone();
        let this_generation = move || generation.load(Ordering::SeqCst) == at;
        let publisher = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(BACKSTOP_PAUSE).await;
            if !this_generation() {
                return;
            }
            let inputs = {
                let state = state.lock().unwrap_or_else(|e| e.into_inner());
                let analysis = state.host.analysis();
                let mut inputs = Vec::new();
                for &root in analysis.roots() {
                    if let Ok(input) = analysis.backstop_input(root) {
                        inputs.push((analysis.root_path(root).to_path_buf(), input));
                    }
                }
                inputs
            };
            let run = move || {
                inputs
                    .into_iter()
                    .filter_map(|(root, input)| Some((root, input.run()?)))
                    .collect::<HashMap<PathBuf, Diagnostic>>()
            };
            // wit-parser recurses deeply on long type chains: give it the stack it needs.
            let (tx, rx) = tokio::sync::oneshot::channel();
            let spawned = std::thread::Builder::new()
                .name("wit-parser backstop".into())
                .stack_size(witty_analysis::backstop::STACK)
                .spawn(move || {
                    let found = std::panic::catch_unwind(AssertUnwindSafe(run)).unwrap_or_default();
                    let _ = tx.send(found);
                });
            if spawned.is_err() {
                return;
            }
            let Ok(found) = rx.await else { return };
            if !this_generation() {
                return;
            }
            let changed = {
                let mut current = backstop.lock().unwrap_or_else(|e| e.into_inner());
                let changed = *current != found;
                *current = found;
                changed
            };
            if changed {
                publisher.publish_diagnostics(None);
            }
        });
    }
}
