#!/usr/bin/env bash
# The step of action.yml: keepalived-lint with GitHub annotations (--format github), and optionally a SARIF file.
# The action's checkout has no dist/: it is built once (npm ci, npm run build) unless KEEPALIVED_LINT names a
# built linter. Exit status: keepalived-lint's (0 clean, 1 findings at the --fail-on level, 2 bad usage).
set -euo pipefail
action_dir="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}"
lint="${KEEPALIVED_LINT:-$action_dir/dist/lint.js}"
if [[ ! -f "$lint" ]]; then
  (cd "$action_dir" && npm ci --no-audit --no-fund >/dev/null && npm run build >/dev/null)
fi

# the inputs are lists: options split at blanks; files split at blanks and new lines, globs expanded
: "${INPUT_FILES:?the files input is required}"
read -r -a args <<<"${INPUT_ARGS:-}"
shopt -s nullglob globstar
# shellcheck disable=SC2206 # splitting and globbing are what the files input asks for
files=(${INPUT_FILES})
if ((${#files[@]} == 0)); then
  echo "::error title=keepalived-lint::the files input matches no file"
  exit 2
fi

if [[ -n "${INPUT_SARIF_FILE:-}" ]]; then
  # only the report is wanted from this run (findings are the annotated run's to judge), but not bad usage
  status=0
  node "$lint" "${args[@]}" --format sarif --output "$INPUT_SARIF_FILE" -- "${files[@]}" >/dev/null || status=$?
  ((status != 2)) || exit 2
fi
exec node "$lint" "${args[@]}" --format github -- "${files[@]}"
