//! witty-lsp: the language server (`wit lsp`). The only crate that knows LSP types, UTF-16
//! positions and JSON-RPC: handlers convert positions, ask the analysis on a snapshot, and
//! convert the answer back.

mod capabilities;
mod components;
mod convert;
mod diagnostics;
mod handlers;
mod project;
mod publish;
mod quiet;
mod run;
mod semantic_tokens;
mod serve;
mod server;
mod state;
#[cfg(test)]
mod tests;
mod text_sync;
mod watcher;
mod workspace;

use tower_lsp_server::{LspService, Server};

/// Serves LSP on stdin and stdout until the client says `exit` (or closes stdin).
pub fn run() -> std::io::Result<()> {
    init_logging();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let (service, socket) = LspService::build(server::Backend::new)
            .custom_method("witty/syntaxTree", server::Backend::syntax_tree)
            .custom_method("witty/inspectComponent", server::Backend::inspect_component)
            .custom_method("witty/dependencies", server::Backend::dependencies)
            .finish();
        Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
            .serve(service)
            .await;
    });
    // Requests still running would only delay the exit the client asked for.
    runtime.shutdown_background();
    Ok(())
}

/// `WITTY_LOG` (a tracing filter: `info`, `witty_lsp=debug`, ...) turns on a log of what the
/// server computes and how long it takes, on stderr (which editors keep as the server's log).
/// Errors of background work are logged even without it.
fn init_logging() {
    let filter = std::env::var("WITTY_LOG").unwrap_or_else(|_| "error".to_string());
    let filter = tracing_subscriber::EnvFilter::try_new(&filter).unwrap_or_else(|e| {
        eprintln!("witty: WITTY_LOG={filter:?} is not a valid filter ({e}); logging errors only");
        tracing_subscriber::EnvFilter::new("error")
    });
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}
