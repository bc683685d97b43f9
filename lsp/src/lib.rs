//! witty-lsp: the language server (`wit lsp`). The only crate that knows LSP types, UTF-16
//! positions and JSON-RPC. Built in the language server issue; empty until then.
