#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine (run as root): the real keepalived used as
# an oracle, OpenSSH for deploy tests, Neovim as a second LSP client, iproute2 for network namespaces,
# pre-commit and ansible-core that run keepalived-lint's integrations, xmllint that checks its checkstyle XML,
# chromium that renders the extension's icon when the packaging test builds the .vsix,
# keepalived 2.4.3 built from ../shared/oracle (a second oracle), then the project's npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
packages=(keepalived openssh-server openssh-client neovim iproute2 ipvsadm procps net-tools pre-commit ansible-core libxml2-utils chromium)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
mkdir -p -m 0755 /run/sshd
bash scripts/build-oracle-243.sh
npm ci --no-audit --no-fund
