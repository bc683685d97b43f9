-- The witty language server for Neovim 0.11+'s `vim.lsp.config` / `vim.lsp.enable("witty")`.
-- Override any field with `vim.lsp.config("witty", { cmd = { "/path/to/wit", "lsp" } })`.
return require("witty").lsp_config()
