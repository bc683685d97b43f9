//! Publishing diagnostics: one worker computes, on a snapshot, the diagnostics of the
//! packages that changes touched (the edited file first) and sends only what changed; and
//! after a quiet moment, wit-parser's verdict on the packages that changed, and the checks of
//! built components.

use std::collections::{HashMap, HashSet};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tower_lsp_server::Client;
use tower_lsp_server::ls_types as lsp;

use crate::convert;
use crate::project::ProjectSettings;
use crate::quiet::{ComponentCache, Findings, Known, PackageInput, Resolved};
use crate::state::{Dirty, State};

/// A publication round over more files than this collects garbage after it.
const GARBAGE_AFTER_FILES: usize = 256;

/// How long the editor must be quiet before wit-parser checks what witty found clean.
const BACKSTOP_PAUSE: Duration = Duration::from_millis(400);

/// The state and what publishing needs; cheap to clone into tasks.
#[derive(Clone)]
pub struct Publisher {
    pub client: Client,
    pub state: Arc<Mutex<State>>,
    /// Bumped by every change; a quiet moment that sees it move gives way.
    pub generation: Arc<AtomicU64>,
    /// What is to be published next: which packages, and which file first.
    pending: Arc<Mutex<Pending>>,
    wake: Arc<tokio::sync::Notify>,
    worker: Arc<AtomicBool>,
    /// What was last published per file, so that unchanged lists are not sent again.
    published: Arc<tokio::sync::Mutex<HashMap<PathBuf, Vec<lsp::Diagnostic>>>>,
    /// What the quiet moments found: wit-parser's verdicts, built components' problems.
    quiet: Arc<Mutex<Findings>>,
    /// The workspace's built components, as last read.
    pub known: Arc<Mutex<Arc<Known>>>,
    cache: Arc<Mutex<ComponentCache>>,
    resolved: Arc<Mutex<Resolved>>,
}

#[derive(Default)]
struct Pending {
    dirty: Dirty,
    first: Option<PathBuf>,
}

impl Publisher {
    pub fn new(client: Client) -> Publisher {
        Publisher {
            client,
            state: Arc::new(Mutex::new(State::new())),
            generation: Arc::new(AtomicU64::new(0)),
            pending: Arc::default(),
            wake: Arc::default(),
            worker: Arc::default(),
            published: Arc::default(),
            quiet: Arc::default(),
            known: Arc::default(),
            cache: Arc::default(),
            resolved: Arc::default(),
        }
    }

    /// The state, even after a panic elsewhere poisoned the lock: the server never dies.
    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Changes the state, then publishes the diagnostics of what changed (the file `first`
    /// first) and schedules the quiet moment's checks.
    pub fn change(&self, first: Option<PathBuf>, f: impl FnOnce(&mut State)) {
        let dirty = {
            let mut state = self.state();
            f(&mut state);
            self.generation.fetch_add(1, Ordering::SeqCst);
            std::mem::take(&mut state.dirty)
        };
        self.publish(first, dirty);
        self.schedule_backstop();
    }

    /// Publishes the diagnostics of the packages in `dirty`, the file `first` first. Requests
    /// that come while the worker is busy are merged into its next round, so that at most
    /// one computation runs and none starts for a state already replaced.
    pub fn publish(&self, first: Option<PathBuf>, dirty: Dirty) {
        {
            let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
            pending.dirty.merge(dirty);
            if first.is_some() {
                pending.first = first;
            }
        }
        if !self.worker.swap(true, Ordering::SeqCst) {
            let this = self.clone();
            tokio::spawn(async move { this.work().await });
        }
        self.wake.notify_one();
    }

    /// The publishing worker: one round per wake-up, for everything pending by then.
    async fn work(self) {
        loop {
            self.wake.notified().await;
            let (dirty, first) = {
                let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
                let taken = std::mem::take(&mut *pending);
                (taken.dirty, taken.first)
            };
            if dirty.is_empty() {
                continue;
            }
            if !self.round(&dirty, first.clone()).await {
                // An edit cancelled the computation: its packages go with the next round.
                let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
                pending.dirty.merge(dirty);
                if pending.first.is_none() {
                    pending.first = first;
                }
                drop(pending);
                self.wake.notify_one();
            }
        }
    }

    /// Computes and sends the diagnostics of the dirty packages; false when an edit
    /// cancelled the computation.
    async fn round(&self, dirty: &Dirty, first: Option<PathBuf>) -> bool {
        let started = std::time::Instant::now();
        let (snap, versions) = {
            let state = self.state();
            let versions: HashMap<PathBuf, i32> = state
                .docs
                .iter()
                .map(|(p, d)| (p.clone(), d.version))
                .collect();
            (state.snapshot(), versions)
        };
        let quiet = self.quiet.lock().map(|b| b.clone()).unwrap_or_default();
        let all = dirty.all;
        let wanted: HashSet<PathBuf> = dirty.roots.clone();
        // The edited file's diagnostics go out as soon as they are known, before the rest of
        // its package (a thousand files) is checked.
        let (first_tx, first_rx) = tokio::sync::oneshot::channel();
        let compute = move || {
            if let Some(path) = &first {
                let one = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    crate::diagnostics::compute_first(&snap, path, &quiet)
                }));
                if let Ok(Ok(Some(found))) = one {
                    let _ = first_tx.send(found);
                }
            }
            let roots: Vec<_> = snap
                .analysis
                .roots()
                .iter()
                .copied()
                .filter(|&r| all || wanted.contains(snap.analysis.root_path(r)))
                .collect();
            // The package of the edited file first, so that its diagnostics come first.
            let mut roots = roots;
            if let Some(first) = &first
                && let Some(home) = snap.analysis.home_roots().get(first)
                && let Some(at) = roots.iter().position(|r| r == home)
            {
                let r = roots.remove(at);
                roots.insert(0, r);
            }
            let found = std::panic::catch_unwind(AssertUnwindSafe(|| {
                // Many packages at once (the first load, a setting): every core helps.
                if roots.len() > 1 {
                    snap.analysis.prepare(&roots);
                }
                crate::diagnostics::compute(&snap, &roots, first.as_deref(), &quiet)
            }));
            let homes = snap.analysis.home_roots();
            // The snapshot is dropped here, before publishing, so that edits never wait
            // on the client.
            drop(snap);
            (found, homes)
        };
        let task = tokio::task::spawn_blocking(compute);
        let mut first_sent = None;
        if let Ok((path, diagnostics)) = first_rx.await {
            let mut published = self.published.lock().await;
            if let Some(uri) = convert::uri(&path) {
                published.insert(path.clone(), diagnostics.clone());
                self.client
                    .publish_diagnostics(uri, diagnostics, versions.get(&path).copied())
                    .await;
                tracing::debug!("the edited file published in {:?}", started.elapsed());
                first_sent = Some(path);
            }
        }
        let (files, homes) = match task.await {
            Ok((Ok(Ok(files)), homes)) => (files, homes),
            Ok((Ok(Err(_cancelled)), _)) => {
                tracing::debug!(
                    "diagnostics cancelled by an edit after {:?}",
                    started.elapsed()
                );
                return false;
            }
            Ok((Err(panic), _)) => {
                log_failure(
                    &self.client,
                    "computing diagnostics",
                    &panic_message(&panic),
                )
                .await;
                return true;
            }
            Err(e) => {
                log_failure(&self.client, "computing diagnostics", &e.to_string()).await;
                return true;
            }
        };
        let computed = started.elapsed();
        let considered = files.len();
        let mut sent = 0;
        let mut published = self.published.lock().await;
        // Files no package holds any more (deleted, or out of the workspace) are cleared.
        let gone: Vec<PathBuf> = published
            .keys()
            .filter(|p| !homes.contains_key(*p))
            .cloned()
            .collect();
        for path in gone {
            published.remove(&path);
            if let Some(uri) = convert::uri(&path) {
                self.client.publish_diagnostics(uri, Vec::new(), None).await;
            }
        }
        for (i, (path, diagnostics)) in files.into_iter().enumerate() {
            // The edited file is always answered (the editor waits for it), once.
            let answer = i == 0 && first_sent.is_none();
            if published.get(&path) == Some(&diagnostics) && !answer {
                continue;
            }
            let Some(uri) = convert::uri(&path) else {
                continue;
            };
            published.insert(path.clone(), diagnostics.clone());
            self.client
                .publish_diagnostics(uri, diagnostics, versions.get(&path).copied())
                .await;
            sent += 1;
        }
        tracing::debug!(
            all = dirty.all,
            packages = dirty.roots.len(),
            files = considered,
            sent,
            "diagnostics computed in {computed:?}, published in {:?}",
            started.elapsed()
        );
        drop(published);
        // A round over many files (the first load) parsed them all: the trees of those not
        // looked at lately go now, rather than stay until the next edit.
        if considered > GARBAGE_AFTER_FILES {
            self.state().host.collect_garbage();
        }
        true
    }

    /// Asks the client for code lenses again, where it can be asked: a build came or went.
    pub(crate) fn refresh_code_lenses(&self) {
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
                let mut state = publisher.state();
                // Syntax trees of files not looked at lately go: a quiet moment is when
                // dropping them costs the editor nothing.
                state.host.collect_garbage();
                (
                    quiet_inputs(&state),
                    state.folders.clone(),
                    state.project.clone(),
                )
            };
            let cache = publisher.cache.clone();
            let resolved = publisher.resolved.clone();
            let run = move || {
                let started = std::time::Instant::now();
                let count = packages.len();
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
                let mut resolved = resolved.lock().unwrap_or_else(|e| e.into_inner());
                let (mut findings, known) = crate::quiet::run(
                    packages,
                    &found,
                    &settings,
                    folder.as_deref(),
                    &mut cache,
                    &mut resolved,
                );
                problems.append(&mut findings.settings);
                findings.settings = problems;
                tracing::debug!(
                    packages = count,
                    components = known.components.len(),
                    "quiet checks in {:?}",
                    started.elapsed()
                );
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
            let (found, known) = match rx.await {
                Ok(Ok(found)) => found,
                Ok(Err(panic)) => {
                    let what = panic_message(&panic);
                    return log_failure(&publisher.client, "the quiet checks", &what).await;
                }
                Err(_) => return,
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
            // What was found holds for the versions of the packages it was found in, even if
            // an edit came meanwhile: publishing checks the versions.
            let (dirty, new_problems) = {
                let mut current = publisher.quiet.lock().unwrap_or_else(|e| e.into_inner());
                let dirty = changed_packages(&current, &found);
                let new_problems: Vec<String> = found
                    .settings
                    .iter()
                    .filter(|p| !current.settings.contains(p))
                    .cloned()
                    .collect();
                *current = found;
                (dirty, new_problems)
            };
            // Said once, when it first appears, not at every quiet moment.
            for problem in new_problems {
                publisher
                    .client
                    .show_message(lsp::MessageType::WARNING, problem)
                    .await;
            }
            if !dirty.is_empty() {
                publisher.publish(None, dirty);
            }
        });
    }
}

/// The packages whose quiet-moment findings differ between two quiet moments.
fn changed_packages(old: &Findings, new: &Findings) -> Dirty {
    let mut dirty = Dirty::default();
    let backstop = old.backstop.keys().chain(new.backstop.keys());
    for root in backstop {
        if old.backstop.get(root) != new.backstop.get(root) {
            dirty.roots.insert(root.clone());
        }
    }
    let components = old.components.keys().chain(new.components.keys());
    for root in components {
        if old.components.get(root) != new.components.get(root) {
            dirty.roots.insert(root.clone());
        }
    }
    dirty
}

/// The message of a caught panic.
pub fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic".to_string())
}

/// Background work that failed is said on stderr and in the client's log, never swallowed:
/// the server goes on without that work's results.
pub async fn log_failure(client: &Client, what: &str, message: &str) {
    let line = format!("witty failed while {what} (a bug; please report it): {message}");
    tracing::error!("{line}");
    client.log_message(lsp::MessageType::ERROR, line).await;
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
        let (Ok(input), Ok(has_errors)) = (
            analysis.backstop_input(root),
            analysis.root_has_errors(root),
        ) else {
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
            version: analysis.root_version(root),
            has_errors,
            input,
            worlds,
        });
    }
    out
}
