#!/usr/bin/env bash
# Runs smoke.lua in headless Neovim against a copy of the LSP test workspace.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export WITTY_BIN="${WITTY_BIN:-$repo/target/debug/wit}"
WITTY_WORKSPACE="$(mktemp -d)"
export WITTY_WORKSPACE
trap 'rm -rf "$WITTY_WORKSPACE"' EXIT
cp -r "$repo/tests/lsp/workspace/." "$WITTY_WORKSPACE/"
timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile $here/smoke.lua"
