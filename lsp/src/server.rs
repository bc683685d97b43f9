//! The language server: LSP messages in, the state changed in order, answers computed on
//! snapshots off the async threads, diagnostics published as soon as they are known.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::MutexGuard;
use std::sync::atomic::{AtomicBool, Ordering};

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};
use witty_analysis::Features;

use crate::convert;
use crate::handlers;
use crate::publish::Publisher;
use crate::state::{DiskChange, Snapshot, State};
use crate::text_sync::apply_changes;

/// How long a client may take to answer the registration of file watching before the server
/// watches files itself.
const REGISTRATION_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

pub struct Backend {
    publisher: Publisher,
    watch_files: AtomicBool,
    /// The server's own file watcher, when the client does not watch for it.
    watcher: std::sync::Mutex<Option<crate::watcher::Shared>>,
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend {
            publisher: Publisher::new(client),
            watch_files: AtomicBool::new(false),
            watcher: Default::default(),
        }
    }

    /// Shows each warning (a bad formatting setting, say) in the editor.
    async fn show_warnings(&self, warnings: Vec<String>) {
        for warning in warnings {
            self.publisher
                .client
                .show_message(tower_lsp_server::ls_types::MessageType::WARNING, warning)
                .await;
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.publisher.state()
    }

    /// `witty/syntaxTree`: a custom request for the editor's "show syntax tree" command.
    pub async fn syntax_tree(&self, params: handlers::SyntaxTreeParams) -> Result<String> {
        self.request(params, handlers::syntax_tree).await
    }

    /// `witty/inspectComponent`: the WIT of a built component, shown as a document.
    pub async fn inspect_component(
        &self,
        params: handlers::InspectParams,
    ) -> Result<handlers::InspectResult> {
        self.request(params, handlers::inspect_component).await
    }

    /// `witty/dependencies`: the dependency tree of a package, for the editor's tree view.
    pub async fn dependencies(
        &self,
        params: handlers::DependenciesParams,
    ) -> Result<serde_json::Value> {
        self.request(params, handlers::dependencies).await
    }

    /// Runs a handler on a snapshot in a blocking thread; a panic becomes an error answer.
    /// A handler cancelled by something other than an edit (the quiet moment's clean-up of
    /// the database) runs again on a new snapshot: "content modified" is for edits only.
    async fn request<P, R>(&self, params: P, handler: fn(&Snapshot, P) -> Result<R>) -> Result<R>
    where
        P: Clone + Send + 'static,
        R: Send + 'static,
    {
        const TRIES: usize = 3;
        let mut tries = 0;
        loop {
            tries += 1;
            let generation = self.publisher.generation.load(Ordering::SeqCst);
            let answer = self.request_once(params.clone(), handler).await;
            let cancelled = matches!(&answer, Err(e) if *e == handlers::content_modified());
            let edited = self.publisher.generation.load(Ordering::SeqCst) != generation;
            if !cancelled || edited || tries == TRIES {
                return answer;
            }
            tracing::debug!("a request cancelled without an edit runs again");
        }
    }

    async fn request_once<P, R>(
        &self,
        params: P,
        handler: fn(&Snapshot, P) -> Result<R>,
    ) -> Result<R>
    where
        P: Send + 'static,
        R: Send + 'static,
    {
        let mut snap = self.state().snapshot();
        snap.known = self
            .publisher
            .known
            .lock()
            .map(|c| c.clone())
            .unwrap_or_default();
        let run = move || {
            let started = std::time::Instant::now();
            let answer = std::panic::catch_unwind(AssertUnwindSafe(|| handler(&snap, params)));
            tracing::trace!(
                "{} answered in {:?}",
                std::any::type_name::<P>()
                    .rsplit("::")
                    .next()
                    .unwrap_or("request"),
                started.elapsed()
            );
            answer
        };
        match tokio::task::spawn_blocking(run).await {
            Ok(Ok(answer)) => answer,
            Ok(Err(panic)) => {
                if panic.is::<salsa::Cancelled>() {
                    return Err(handlers::content_modified());
                }
                let what = crate::publish::panic_message(&panic);
                tracing::error!("a request handler panicked: {what}");
                Err(Error {
                    code: tower_lsp_server::jsonrpc::ErrorCode::InternalError,
                    message: format!(
                        "witty failed on this request (a bug; please report it): {what}"
                    )
                    .into(),
                    data: None,
                })
            }
            Err(e) => Err(Error {
                code: tower_lsp_server::jsonrpc::ErrorCode::InternalError,
                message: format!("witty failed on this request: {e}").into(),
                data: None,
            }),
        }
    }

    fn change(&self, first: Option<PathBuf>, f: impl FnOnce(&mut State)) {
        self.publisher.change(first, f);
    }

    /// Watches the workspace folders with the server's own watcher (the client cannot, or
    /// would not), and applies what it sees as the client's watch events would be.
    fn watch_natively(&self) {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let mut watcher = match crate::watcher::Watcher::start(tx) {
            Ok(w) => w,
            Err(e) => {
                let client = self.publisher.client.clone();
                tokio::spawn(async move {
                    let message = format!(
                        "witty cannot watch files ({e}): diagnostics of files closed in the editor follow changes on disk only when they are opened"
                    );
                    client.show_message(MessageType::WARNING, message).await;
                });
                return;
            }
        };
        let folders = self.state().folders.clone();
        let problems = watcher.set_folders(&folders);
        let watcher = std::sync::Arc::new(std::sync::Mutex::new(watcher));
        *self.watcher.lock().unwrap_or_else(|e| e.into_inner()) = Some(watcher.clone());
        tokio::spawn(crate::watcher::forward(
            self.publisher.clone(),
            watcher,
            rx,
            problems,
        ));
        tracing::info!("watching {} workspace folders natively", folders.len());
    }

    fn settings(&self, value: &serde_json::Value) -> Option<Features> {
        let witty = value.get("witty").unwrap_or(value);
        let enabled = witty.get("features")?.as_array()?;
        Some(Features {
            enabled: enabled
                .iter()
                .filter_map(|f| f.as_str().map(str::to_string))
                .collect(),
            all: witty
                .get("allFeatures")
                .and_then(|a| a.as_bool())
                .unwrap_or(false),
        })
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = crate::capabilities::negotiate_encoding(&params.capabilities);
        let support = crate::capabilities::client_support(&params.capabilities);
        self.watch_files.store(
            crate::capabilities::can_watch_files(&params.capabilities),
            Ordering::SeqCst,
        );
        let mut folders: Vec<PathBuf> = params
            .workspace_folders
            .unwrap_or_default()
            .iter()
            .filter_map(|f| convert::path(&f.uri))
            .collect();
        #[allow(deprecated)]
        if folders.is_empty()
            && let Some(root) = params.root_uri.as_ref().and_then(convert::path)
        {
            folders.push(root);
        }
        let features = params
            .initialization_options
            .as_ref()
            .and_then(|o| self.settings(o));
        let project = params
            .initialization_options
            .as_ref()
            .and_then(crate::project::ProjectSettings::from_client);
        {
            let mut state = self.state();
            state.encoding = encoding;
            if let Some(p) = project {
                state.project = p;
            }
            state.client = support;
            state.folders = folders;
            if let Some(f) = features {
                state.features = f;
            }
        }
        Ok(InitializeResult {
            capabilities: crate::capabilities::server_capabilities(encoding),
            server_info: Some(ServerInfo {
                name: "witty".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let started = std::time::Instant::now();
        self.change(None, |state| state.load_workspace());
        tracing::info!("workspace loaded in {:?}", started.elapsed());
        if !self.watch_files.load(Ordering::SeqCst) {
            self.watch_natively();
            return;
        }
        // `.wasm` files anywhere: binary packages in deps/, and built components; the
        // manifests and locks of the tools that fill deps/.
        let tools = crate::workspace::DEPENDENCY_TOOL_FILES
            .iter()
            .map(|name| format!("**/{name}"));
        let watchers = ["**/*.wit", "**/*.wasm", "**/deps/**/*.wat"]
            .iter()
            .map(|glob| glob.to_string())
            .chain(tools)
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "witty-watch-wit".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        // A client that refuses, or never answers, gets the server's own watcher.
        let answer = tokio::time::timeout(
            REGISTRATION_TIMEOUT,
            self.publisher
                .client
                .register_capability(vec![registration]),
        )
        .await;
        if !matches!(answer, Ok(Ok(()))) {
            tracing::info!("the client did not take the file watch registration: {answer:?}");
            self.watch_natively();
        }
    }

    async fn shutdown(&self) -> Result<()> {
        crate::serve::stop_all();
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let Some(path) = convert::path(&params.text_document.uri) else {
            return;
        };
        let doc = params.text_document;
        self.change(Some(path.clone()), |state| {
            state.open(&path, doc.text, doc.version)
        });
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let Some(path) = convert::path(&params.text_document.uri) else {
            return;
        };
        let version = params.text_document.version;
        self.change(Some(path.clone()), |state| {
            let encoding = state.encoding;
            let Some(doc) = state.docs.get_mut(&path) else {
                return;
            };
            apply_changes(&mut doc.text, params.content_changes, encoding);
            doc.version = version;
            state.edited(&path);
        });
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let Some(path) = convert::path(&params.text_document.uri) else {
            return;
        };
        if crate::serve::stop_for_document(&path) {
            self.publisher.refresh_code_lenses();
        }
        self.change(None, |state| state.close(&path));
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let changes: Vec<(PathBuf, DiskChange)> = params
            .changes
            .iter()
            .filter_map(|c| {
                let change = match c.typ {
                    FileChangeType::CREATED => DiskChange::Created,
                    FileChangeType::DELETED => DiskChange::Deleted,
                    _ => DiskChange::Changed,
                };
                Some((convert::path(&c.uri)?, change))
            })
            .collect();
        self.change(None, |state| state.disk_changed(&changes));
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let features = self.settings(&params.settings);
        let project = crate::project::ProjectSettings::from_client(&params.settings);
        self.change(None, |state| {
            if let Some(features) = features {
                state.set_features(features);
            }
            if let Some(project) = project {
                state.project = project;
            }
        });
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        self.change(None, |state| {
            let mut folders = state.folders.clone();
            for removed in &params.event.removed {
                if let Some(p) = convert::path(&removed.uri) {
                    folders.retain(|f| f != &p);
                }
            }
            for added in &params.event.added {
                if let Some(p) = convert::path(&added.uri)
                    && !folders.contains(&p)
                {
                    folders.push(p);
                }
            }
            state.set_folders(folders);
        });
        let watcher = self
            .watcher
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some(watcher) = watcher {
            let folders = self.state().folders.clone();
            let problems = watcher
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .set_folders(&folders);
            for problem in problems {
                tracing::warn!("{problem}");
            }
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        self.request(params, handlers::hover).await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        self.request(params, handlers::definition).await
    }

    async fn goto_type_definition(
        &self,
        params: request::GotoTypeDefinitionParams,
    ) -> Result<Option<request::GotoTypeDefinitionResponse>> {
        self.request(params, handlers::type_definition).await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        self.request(params, handlers::references).await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        self.request(params, handlers::highlight).await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        self.request(params, handlers::prepare_rename).await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        self.request(params, handlers::rename).await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        self.request(params, handlers::completion).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.request(params, handlers::code_action).await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.request(params, handlers::document_symbol).await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        self.request(params, handlers::workspace_symbol).await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.request(params, handlers::folding_range).await
    }

    async fn selection_range(
        &self,
        params: SelectionRangeParams,
    ) -> Result<Option<Vec<SelectionRange>>> {
        self.request(params, handlers::selection_range).await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        self.request(params, handlers::semantic_tokens_full).await
    }

    async fn semantic_tokens_full_delta(
        &self,
        params: SemanticTokensDeltaParams,
    ) -> Result<Option<SemanticTokensFullDeltaResult>> {
        self.request(params, handlers::semantic_tokens_delta).await
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        self.request(params, handlers::semantic_tokens_range).await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.request(params, handlers::code_lens).await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        let limits = self
            .publisher
            .known
            .lock()
            .map(|k| k.settings.run.clone())
            .unwrap_or_default();
        let answer = crate::run::execute(
            &self.publisher.client,
            &limits,
            &params.command,
            params.arguments,
        )
        .await;
        // The serve lens's title says whether it serves.
        if params.command == crate::serve::SERVE {
            self.publisher.refresh_code_lenses();
        }
        answer
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.request(params, handlers::inlay_hint).await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        let answer = self.request(params, handlers::formatting).await?;
        self.show_warnings(answer.problems).await;
        Ok(answer.edits)
    }

    async fn range_formatting(
        &self,
        params: DocumentRangeFormattingParams,
    ) -> Result<Option<Vec<TextEdit>>> {
        let answer = self.request(params, handlers::range_formatting).await?;
        self.show_warnings(answer.problems).await;
        Ok(answer.edits)
    }
}
