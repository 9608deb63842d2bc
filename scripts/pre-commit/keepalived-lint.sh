#!/usr/bin/env bash
# The entry of the pre-commit hook (.pre-commit-hooks.yaml). pre-commit keeps its own copy of this repository;
# the first run there installs the build tools and builds dist/ (once), every run then lints with the built
# command. (A "node" hook would have pre-commit read the tarball's name from `npm pack`, whose output the
# prepack build's banner spoils.)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
if [[ ! -f "$repo/dist/lint.js" ]]; then
  (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error && node scripts/build.mjs) >&2
fi
exec node "$repo/dist/lint.js" "$@"
