#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3) from the npm registry into DEST without its
# postinstall step, which downloads ripgrep from GitHub: Debian's ripgrep is linked in instead
# and the native modules are rebuilt from source. Needs Node 20, build tools and ripgrep.
set -euo pipefail
DEST=${1:?usage: install-code-server.sh DEST}
if [ -x "$DEST/node_modules/.bin/code-server" ]; then
  exit 0
fi
mkdir -p "$DEST"
cd "$DEST"
export npm_config_yes=true
[ -f package.json ] || echo '{"name":"witty-e2e-code-server","version":"1.0.0","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts code-server@4.100.3
npm rebuild argon2
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts)
"$DEST/node_modules/.bin/code-server" --version
