#!/usr/bin/env bash
# Run the smoke subset of the suite on other Node majors (default: 22 and 24), each installed by
# .ci/node-install.sh. The smoke subset is listed in .ci/smoke-tests.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

# The listed test/**/*.ts files run compiled, as npm test runs them (dist/test/**/*.js, no ts-node).
npm run --silent build:test
mapfile -t tests < <(grep -v '^\s*\(#\|$\)' .ci/smoke-tests.txt | sed 's|^test/\(.*\)\.ts$|dist/test/\1.js|')
for major in ${@:-22 24}; do
  bin="$(bash .ci/node-install.sh "$major")"
  echo "ci: smoke tests on node $("$bin/node" --version)"
  PATH="$bin:$PATH" node node_modules/.bin/tap "${tests[@]}"
done
