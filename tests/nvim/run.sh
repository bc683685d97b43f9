#!/usr/bin/env bash
# Runs editors.lua in headless Neovim with editors/nvim on the runtimepath, against a copy of the
# LSP test workspace outside any git repository: once with each Neovim given in $WITTY_NVIMS
# (space-separated paths; by default `nvim` on PATH).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export WITTY_BIN="${WITTY_BIN:-$repo/target/debug/wit}"
status=0
for nvim in ${WITTY_NVIMS:-nvim}; do
  WITTY_WORKSPACE="$(mktemp -d)"
  export WITTY_WORKSPACE
  cp -r "$repo/tests/lsp/workspace/." "$WITTY_WORKSPACE/"
  # The shipped plugin, as a plugin manager would load it: on the runtimepath, with filetype
  # detection and ftplugins on; the server's command given through the plugin's setting.
  timeout 180 "$nvim" --headless -u NONE -i NONE -n \
    --cmd "set rtp^=$repo/editors/nvim" \
    --cmd "let g:witty_cmd = ['$WITTY_BIN', 'lsp']" \
    --cmd "filetype plugin on" \
    -c "luafile $here/editors.lua" || status=1
  rm -rf "$WITTY_WORKSPACE"
done
exit $status
