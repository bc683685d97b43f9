#!/usr/bin/env bash
# The VS Code end-to-end test: packages the extension with a built `wit` (WITTY_BIN, as CI's
# test build left it, else a release build made here), installs it into code-server 4.100.3,
# serves a copy of the LSP test workspace (with an error added), and drives it with
# playwright-core in Debian's Chromium (e2e.mjs).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ext="$(cd "$here/../.." && pwd)"
repo="$(cd "$ext/.." && pwd)"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

missing=()
for pkg in build-essential pkg-config python3 libkrb5-dev ripgrep chromium; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cd "$repo"
if [ -n "${WITTY_BIN:-}" ] && [ -x "$WITTY_BIN" ] && [ -x "$(dirname "$WITTY_BIN")/witty-fixture" ]; then
  bin_dir="$(cd "$(dirname "$WITTY_BIN")" && pwd)"
else
  cargo build --release --bin wit --bin witty-fixture
  bin_dir="$repo/target/release"
fi
export WITTY_BIN="$bin_dir/wit"
cd "$ext"
# The extension's packages, unless `npm ci` installed them since the lock file last changed.
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run package
"$here/install-code-server.sh" "$ext/.e2e/code-server"

work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/user/User" "$work/extensions" "$work/ws"
cp "$here/settings.json" "$work/user/User/settings.json"
cp -r "$repo/tests/lsp/workspace/." "$work/ws/"
# The error the test expects to see underlined.
sed -i 's/total: func() -> u64;/total: func() -> u46;/' "$work/ws/wit/api.wit"
# A second package with a component built from it, where cargo would put it: its run lenses.
mkdir -p "$work/ws/calc" "$work/ws/target/wasm32-wasip2/release"
cp -r "$here/calc/." "$work/ws/calc/"
"$bin_dir/witty-fixture" "$work/ws/calc/wit" --wat "$work/ws/calc/calc.wat" \
  -o "$work/ws/target/wasm32-wasip2/release/calc.wasm"

cs="$ext/.e2e/code-server/node_modules/.bin/code-server"
"$cs" --user-data-dir "$work/user" --extensions-dir "$work/extensions" --install-extension "$ext/witty.vsix" >/dev/null
port=$((20000 + RANDOM % 20000))
"$cs" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --user-data-dir "$work/user" --extensions-dir "$work/extensions" "$work/ws" >"$work/code-server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
mkdir -p "$ext/images"
if ! node "$here/e2e.mjs" "http://127.0.0.1:$port" "$work/ws" "$ext/images/screenshot.png"; then
  echo "code-server log:"; tail -50 "$work/code-server.log"
  # The extension's output channel and the extension host's log say why the server failed.
  find "$work/user/logs" \( -name '*witty*.log' -o -name 'exthost.log' \) -print -exec tail -40 {} \;
  exit 1
fi
