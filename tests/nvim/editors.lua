-- Headless Neovim (0.7 and later) driving `wit lsp` through the shipped configuration in
-- editors/nvim (on the runtimepath: ftdetect, ftplugin/wit.lua, lua/witty.lua and, on 0.11+,
-- lsp/witty.lua), on a copy of tests/lsp/workspace outside any git repository. Each check reads
-- back what a user would see: diagnostics, the hover, where a definition goes, the completion
-- items, the buffers after a rename and a formatting. Prints one line per check and
-- `nvim: N passed, N failed`; exits 1 when a check fails.

local root = os.getenv("WITTY_WORKSPACE")
-- Several files stay open with unsaved changes, as in a user's session.
vim.o.hidden = true
local version = vim.version()
local label = string.format("nvim-%d.%d.%d", version.major, version.minor, version.patch)

local function say(line)
  io.stdout:write(line .. "\n")
end

local function wait(pred, ms)
  local value
  vim.wait(ms or 15000, function()
    value = pred()
    return value and true or false
  end, 20)
  return value
end

--- Opens a workspace file as a user would (`:edit`), and waits for the server to attach.
local function open(file)
  local path = root .. "/" .. file
  local existing = vim.fn.bufnr(path)
  if existing ~= -1 and vim.api.nvim_buf_is_loaded(existing) then
    vim.api.nvim_set_current_buf(existing)
  else
    vim.cmd("edit " .. vim.fn.fnameescape(path))
  end
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].filetype ~= "wit" then
    error(file .. " has filetype '" .. vim.bo[buf].filetype .. "', not wit")
  end
  local client = wait(function()
    if vim.lsp.get_clients then
      return vim.lsp.get_clients({ bufnr = buf })[1]
    end
    local _, attached = next(vim.lsp.buf_get_clients(buf))
    return attached
  end)
  if not client then
    error("no language server attached to " .. file)
  end
  return buf, client
end

local function line_of(buf, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local at = line:find(text, 1, true)
    if at then
      return i - 1, at - 1
    end
  end
  error("'" .. text .. "' is not in " .. vim.api.nvim_buf_get_name(buf))
end

local function request(buf, method, params)
  local answers, err = vim.lsp.buf_request_sync(buf, method, params, 10000)
  if not answers then
    error(method .. ": " .. tostring(err))
  end
  for _, answer in pairs(answers) do
    if answer.err then
      error(method .. ": " .. vim.inspect(answer.err))
    end
    return answer.result
  end
end

local function at(buf, row, col)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = row, character = col } }
end

local function text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
end

local checks = {}
local function check(name, expected_failure, fn)
  table.insert(checks, { name = name, xfail = expected_failure, fn = fn })
end

check("diagnostics of a file with an error", nil, function()
  local buf = open("wit/api.wit")
  local row, col = line_of(buf, "total: func() -> u64;")
  vim.api.nvim_buf_set_text(buf, row, col + 17, row, col + 20, { "u46" })
  local found = wait(function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.message:find("u46", 1, true) then
        return d.message
      end
    end
  end)
  if not found then
    error("no diagnostic names u46: " .. vim.inspect(vim.diagnostic.get(buf)))
  end
  vim.api.nvim_buf_set_text(buf, row, col + 17, row, col + 20, { "u64" })
  return "shows `" .. found .. "`"
end)

check("hover leads with the signature and the docs", nil, function()
  local buf = open("wit/api.wit")
  local row, col = line_of(buf, "product, error}")
  local hover = request(buf, "textDocument/hover", at(buf, row, col + 1))
  local value = hover and hover.contents and hover.contents.value or ""
  if not value:find("^```wit\nrecord product\n```\n\nOne item of the catalogue%.") then
    error("hover: " .. value)
  end
  if not value:find("price: u64", 1, true) then
    error("the hover lacks the definition: " .. value)
  end
  return "`record product`, then `One item of the catalogue.`, then the definition"
end)

check("definition into deps/, kept by the same server", nil, function()
  local buf, client = open("wit/api.wit")
  local row, col = line_of(buf, "output-stream}")
  local result = request(buf, "textDocument/definition", at(buf, row, col + 1))
  local location = result and (result[1] or result)
  local uri = location and (location.uri or location.targetUri) or "nothing"
  if not uri:find("/wit/deps/io/streams%.wit$") then
    error("the definition went to " .. uri)
  end
  local _, dep_client = open("wit/deps/io/streams.wit")
  if dep_client.id ~= client.id then
    error("deps/io/streams.wit got a server of its own, rooted at " .. tostring(dep_client.config.root_dir))
  end
  return "deps/io/streams.wit, one server (root " .. client.config.root_dir .. ")"
end)

if vim.lsp.config then
  check("lsp/witty.lua for `vim.lsp.config` (0.11+)", nil, function()
    local config = vim.lsp.config.witty
    if not config or config.cmd[2] ~= "lsp" or not vim.tbl_contains(config.filetypes, "wit") then
      error("vim.lsp.config.witty is " .. vim.inspect(config))
    end
    local buf = open("wit/deps/io/streams.wit")
    local found
    config.root_dir(buf, function(dir)
      found = dir
    end)
    if found ~= root then
      error("its root for deps/io/streams.wit is " .. tostring(found) .. ", not " .. root)
    end
    return "`wit lsp` for wit files, rooted above deps/"
  end)
end

check("completion inside `option<`", nil, function()
  local buf = open("wit/api.wit")
  local row = line_of(buf, "  dump: func")
  local line = "  find: func(name: string) -> option<pro"
  vim.api.nvim_buf_set_lines(buf, row, row, false, { line })
  local ok, outcome = pcall(function()
    local result = request(buf, "textDocument/completion", at(buf, row, #line))
    local items = result and (result.items or result) or {}
    table.sort(items, function(a, b)
      return (a.sortText or a.label) < (b.sortText or b.label)
    end)
    local first = items[1]
    if not first or first.label ~= "product" then
      error("completion offers " .. vim.inspect(vim.tbl_map(function(i) return i.label end, items)))
    end
    if first.textEdit.range.start.character ~= #line - 3 then
      error("the completion replaces from column " .. first.textEdit.range.start.character)
    end
    return "`pro` -> `product`"
  end)
  vim.api.nvim_buf_set_lines(buf, row, row + 1, false, {})
  if not ok then
    error(outcome, 0)
  end
  return outcome
end)

check("rename across files, versioned", nil, function()
  local api = open("wit/api.wit")
  -- An unsaved edit in api.wit: the rename is made for this version.
  local row = line_of(api, "  dump: func")
  vim.api.nvim_buf_set_lines(api, row, row, false, { "  first: func() -> product;" })
  local types = open("wit/types.wit")
  local r, c = line_of(types, "record product")
  vim.api.nvim_win_set_cursor(0, { r + 1, c + 8 })
  vim.lsp.buf.rename("item")
  local renamed = wait(function()
    return text(api):find("first: func() -> item;", 1, true) and text(types):find("record item {", 1, true)
  end)
  if not renamed then
    error("after the rename, api.wit reads:\n" .. text(api))
  end
  for _, stale in ipairs({ "-> product;", "<product", ", product," }) do
    if text(api):find(stale, 1, true) then
      error("api.wit still has `" .. stale .. "`:\n" .. text(api))
    end
  end
  vim.api.nvim_win_set_cursor(0, { r + 1, c + 8 })
  vim.lsp.buf.rename("product")
  wait(function()
    return text(types):find("record product {", 1, true)
  end)
  local first = line_of(api, "  first: func()")
  vim.api.nvim_buf_set_lines(api, first, first + 1, false, {})
  return "`product` -> `item` in types.wit and the unsaved api.wit, and back"
end)

check("formatting", nil, function()
  local buf = open("wit/world.wit")
  local before = text(buf)
  local row = line_of(buf, "  import log")
  vim.api.nvim_buf_set_text(buf, row, 0, row, 0, { "      " })
  if vim.lsp.buf.format then
    vim.lsp.buf.format({ timeout_ms = 10000 })
  else
    vim.lsp.buf.formatting_sync(nil, 10000)
  end
  if text(buf) ~= before then
    error("formatting gave:\n" .. text(buf))
  end
  return "a re-indented line comes back as it was"
end)

-- Neovim 0.7 (and 0.11 on Linux) does not watch files for the server: it watches them itself.
check(
  "a closed file changed on disk",
  nil,
  function()
    local buf = open("wit/api.wit")
    local dep = root .. "/wit/deps/io/streams.wit"
    local open_dep = vim.fn.bufnr(dep)
    if open_dep ~= -1 then
      vim.api.nvim_buf_delete(open_dep, { force = true })
      -- Let the server take the close in (it then reads the file from disk) before the
      -- file changes: the change must come to it from the disk, not from the close.
      vim.wait(1000)
    end
    local f = assert(io.open(dep, "w"))
    f:write("package wasi:io@0.2.0;\n\ninterface streams {\n  resource out-stream;\n}\n")
    f:close()
    local found = wait(function()
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        if d.message:find("output-stream", 1, true) then
          return d.message
        end
      end
    end, 10000)
    if not found then
      error("api.wit has no diagnostic for the type removed on disk")
    end
    return "shows `" .. found .. "`"
  end
)

local passed, failed = 0, 0
for _, c in ipairs(checks) do
  local ok, outcome = pcall(c.fn)
  if ok and not c.xfail then
    passed = passed + 1
    say("PASS " .. c.name .. ": " .. tostring(outcome))
  elseif not ok and c.xfail then
    passed = passed + 1
    say("XFAIL " .. c.name .. " (" .. c.xfail .. "): " .. tostring(outcome))
  elseif ok then
    failed = failed + 1
    say("XPASS " .. c.name .. ": expected to fail (" .. c.xfail .. ") but passed: " .. tostring(outcome))
  else
    failed = failed + 1
    say("FAIL " .. c.name .. ": " .. tostring(outcome))
  end
end
say(string.format("%s: %d passed, %d failed", label, passed, failed))
vim.lsp.stop_client(vim.tbl_map(function(c)
  return c.id
end, (vim.lsp.get_clients or vim.lsp.get_active_clients)()))
vim.cmd(failed == 0 and "qa!" or "cquit 1")
