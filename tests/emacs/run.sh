#!/usr/bin/env bash
# Runs witty-test.el in headless Emacs (Debian's emacs + elpa-eglot) with editors/emacs/witty.el,
# against a copy of the LSP test workspace in a folder outside any git repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export WITTY_BIN="${WITTY_BIN:-$repo/target/debug/wit}"
WITTY_WORKSPACE="$(mktemp -d)"
export WITTY_WORKSPACE
trap 'rm -rf "$WITTY_WORKSPACE"' EXIT
cp -r "$repo/tests/lsp/workspace/." "$WITTY_WORKSPACE/"
# No init file, but the site files: they put Debian's elpa-eglot on the load path; a user's
# Emacs 29+ has Eglot built in.
timeout 180 emacs --batch --no-init-file \
  --eval '(progn (require (quote package)) (package-initialize))' \
  -L "$repo/editors/emacs" -l "$here/witty-test.el" -f witty-test-run </dev/null
