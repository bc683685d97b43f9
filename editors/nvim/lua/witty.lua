--- The witty language server (`wit lsp`) for WIT files, on Neovim 0.7 and later.
---
--- One server per project root, where the root of a WIT file is the nearest folder above it
--- (and above the `deps/` folder it is in, if any) holding `witty.toml`, a `wit` folder or
--- `.git`, else its package folder: jumping into a dependency stays with the same server.
local M = {}

--- The command that starts the server; `vim.g.witty_cmd` overrides it.
local function cmd()
  return vim.g.witty_cmd or { "wit", "lsp" }
end

M.root_markers = { "witty.toml", "wit", ".git" }

local function exists(path)
  return (vim.uv or vim.loop).fs_stat(path) ~= nil
end

--- The folder a WIT file's package belongs to: above the last `deps/` folder in its path
--- (dependencies are not nested), else the file's own folder.
local function above_deps(dir)
  local above = (dir .. "/"):match("^(.*)/deps/[^/]+/")
  return above ~= "" and above or dir
end

--- The project root of the WIT file at `path`.
function M.root(path)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  local start = above_deps(dir)
  local d = start
  while d and d ~= "" do
    for _, marker in ipairs(M.root_markers) do
      if exists(d .. "/" .. marker) then
        return d
      end
    end
    local parent = vim.fn.fnamemodify(d, ":h")
    if parent == d then
      break
    end
    d = parent
  end
  return start
end

--- `witty.run` from a code lens: a function that takes arguments and has no example in its
--- docs (`▶ Run mul(…)`) asks for them with `vim.ui.input`, prefilled with nothing, and the
--- server runs the call; every other lens runs at once on the server.
local function run_command(command, ctx)
  local args = vim.deepcopy((command.arguments or {})[1] or {})
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if not client then
    return
  end
  local function execute()
    client.request("workspace/executeCommand", { command = command.command, arguments = { args } },
      function() end, ctx.bufnr)
  end
  if not args.needsArgs or (args.call or "") ~= "" then
    execute()
    return
  end
  local name = (args.export or ""):match("([^.]+)$") or args.export
  local prompt = string.format("%s arguments in WAVE (%s): ", name, args.signature or "")
  vim.ui.input({ prompt = prompt }, function(given)
    if given == nil then
      return
    end
    args.call = args.export .. "(" .. given .. ")"
    execute()
  end)
end

vim.lsp.commands = vim.lsp.commands or {}
vim.lsp.commands["witty.run"] = vim.lsp.commands["witty.run"] or run_command
M.run_command = run_command

--- The configuration for `vim.lsp.config` (Neovim 0.11+).
function M.lsp_config()
  return {
    cmd = cmd(),
    filetypes = { "wit" },
    root_dir = function(bufnr, on_dir)
      on_dir(M.root(vim.api.nvim_buf_get_name(bufnr)))
    end,
  }
end

--- Starts the server for a buffer, or attaches it to the one running for its root.
function M.start(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" or name:match("^%a[%w+.-]*://") then
    return
  end
  local root = M.root(name)
  local config = {
    name = "witty",
    cmd = cmd(),
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
  }
  if vim.lsp.config then
    -- 0.11+: lsp/witty.lua with the user's `vim.lsp.config("witty", ...)` merged in.
    config = vim.tbl_extend("force", vim.lsp.config.witty or {}, config, {
      cmd = (vim.lsp.config.witty or {}).cmd or cmd(),
    })
  end
  if vim.lsp.start then
    -- 0.8+: reuses the client of the same name and root (also one `vim.lsp.enable` started).
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  -- 0.7: find the client for this root, or start one.
  for _, client in pairs(vim.lsp.get_active_clients()) do
    if client.name == "witty" and client.config.root_dir == root and not client.is_stopped() then
      vim.lsp.buf_attach_client(bufnr, client.id)
      return
    end
  end
  local id = vim.lsp.start_client(config)
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

return M
