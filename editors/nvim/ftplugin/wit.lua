-- WIT buffers: two-space indentation, `//` comments, and the witty language server
-- (`wit lsp`), one per project root for a package and its deps/. Set
-- `vim.g.witty_autostart = false` to start it yourself (on Neovim 0.11+:
-- `vim.lsp.enable("witty")`, with lsp/witty.lua from this folder).
vim.bo.commentstring = "// %s"
vim.bo.comments = "s1:/*,mb:*,ex:*/,:///,://"
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
vim.bo.expandtab = true
-- Names are kebab-case: `input-stream` is one word for `*`, `ciw` and completion.
vim.opt_local.iskeyword:append("-")

if vim.g.witty_autostart ~= false then
  require("witty").start(vim.api.nvim_get_current_buf())
end
