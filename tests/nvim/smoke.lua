-- Smoke test in headless Neovim (0.7 and later): start `wit lsp` with the built-in client,
-- open a file with an error, wait for its diagnostics, ask for a hover. Exits 0 on success,
-- 1 with a message on failure.

local bin = os.getenv("WITTY_BIN")
local root = os.getenv("WITTY_WORKSPACE")

local function fail(message)
  io.stderr:write("nvim smoke test failed: " .. message .. "\n")
  vim.cmd("cquit 1")
end

local file = root .. "/wit/api.wit"
vim.cmd("edit " .. file)
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = "wit"
-- An error to be reported: a type that does not exist.
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
for i, line in ipairs(lines) do
  lines[i] = line:gsub("total: func%(%) %-> u64;", "total: func() -> u46;")
end
vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)

local client_id = vim.lsp.start_client({
  name = "witty",
  cmd = { bin, "lsp" },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = "ws" } },
})
if not client_id then
  fail("the client did not start")
end
vim.lsp.buf_attach_client(buf, client_id)

local got = vim.wait(15000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
if not got then
  fail("no diagnostics for " .. file)
end
local diagnostic = vim.diagnostic.get(buf)[1]
if not diagnostic.message:find("u46", 1, true) then
  fail("unexpected diagnostic: " .. diagnostic.message)
end

-- Hover on `product` in `use types.{id, product, error};`.
local row, col
for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  local at = line:find("product, error", 1, true)
  if at then
    row, col = i - 1, at
    break
  end
end
local client = vim.lsp.get_client_by_id(client_id)
local response = client.request_sync("textDocument/hover", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = row, character = col },
}, 10000, buf)
if not response or response.err or not response.result then
  fail("no hover: " .. vim.inspect(response))
end
local value = response.result.contents.value or ""
if not value:find("record product", 1, true) then
  fail("unexpected hover: " .. value)
end

client.stop()
vim.wait(5000, function()
  return client.is_stopped()
end, 50)
io.stdout:write("nvim smoke test passed: diagnostic `" .. diagnostic.message .. "`, hover on `product`\n")
vim.cmd("qa!")
