#!/usr/bin/env bash
# The `wit doc` browser test: writes the sites of WASI's WIT (the copy in the cargo registry
# that wasmtime-wasi vendors, found through `cargo metadata`) and of examples/kv-store (with a
# versions page comparing it to a changed copy), then drives each in Debian's Chromium with
# playwright-core and axe-core (e2e.mjs). The npm packages, pinned in package-lock.json, are
# installed under target/docsite-e2e and reused while the lock file stays the same.
#
#   WITTY_BIN=path/to/wit tests/docsite/run.sh     (else `wit` is built here)
#   WITTY_DOC_SCREENSHOTS=docs/images ...          (also refresh the README's screenshots)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

if ! command -v chromium >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

wit="${WITTY_BIN:-}"
if [ -z "$wit" ] || [ ! -x "$wit" ]; then
  cargo build --bin wit
  wit="$repo/target/debug/wit"
fi

cache="$repo/target/docsite-e2e"
if ! cmp -s "$here/package-lock.json" "$cache/package-lock.json"; then
  rm -rf "$cache"
  mkdir -p "$cache"
  cp "$here/package.json" "$here/package-lock.json" "$cache/"
  (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error)
fi
export DOCSITE_MODULES="$cache/node_modules"

wasi="$(cargo metadata --format-version 1 --manifest-path "$repo/Cargo.toml" | python3 -c '
import json, os, sys
meta = json.load(sys.stdin)
for p in meta["packages"]:
    if p["name"] == "wasmtime-wasi":
        print(os.path.join(os.path.dirname(p["manifest_path"]), "src", "p2", "wit"))
        break
')"
[ -d "$wasi" ] || { echo "WASI's WIT not found (wasmtime-wasi is a dependency of the runner)"; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shots="${WITTY_DOC_SCREENSHOTS:-$cache/screenshots}"

"$wit" doc "$wasi" --out "$work/wasi"
node "$here/e2e.mjs" "$work/wasi" --search descriptor --kind resource --screenshots "$shots"

# An older kv-store without `delete`: the versions page lists what changed.
cp -r examples/kv-store "$work/kv-old"
sed -i '/delete: func/d' "$work/kv-old/store.wit"
"$wit" doc examples/kv-store --out "$work/kv" --compare "$work/kv-old"
grep -q 'added' "$work/kv/versions.html" || { echo "the versions page shows no change"; exit 1; }
node "$here/e2e.mjs" "$work/kv" --search store --kind interface
