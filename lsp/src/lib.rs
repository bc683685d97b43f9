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
mod server;
mod state;
#[cfg(test)]
mod tests;
mod text_sync;
mod workspace;

use tower_lsp_server::{LspService, Server};

/// Serves LSP on stdin and stdout until the client says `exit` (or closes stdin).
pub fn run() -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let (service, socket) = LspService::build(server::Backend::new)
            .custom_method("witty/syntaxTree", server::Backend::syntax_tree)
            .custom_method("witty/inspectComponent", server::Backend::inspect_component)
            .finish();
        Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
            .serve(service)
            .await;
    });
    // Requests still running would only delay the exit the client asked for.
    runtime.shutdown_background();
    Ok(())
}
