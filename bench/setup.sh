#!/usr/bin/env bash
# Install the peers the benchmarks compare runbook with, into bench/.work/ (gitignored).
# Idempotent: re-running it only installs what is missing. Never adds anything to package.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work"
mkdir -p "$work"

# npm peers, pinned, in their own prefix so they never touch the project's node_modules.
if [ ! -x "$work/node_modules/.bin/txm" ] || [ ! -x "$work/node_modules/.bin/markdownlint-cli2" ]; then
  echo "setup: installing txm@8.2.0 and markdownlint-cli2@0.22.1 into bench/.work"
  npm install --prefix "$work" --no-audit --no-fund --no-save txm@8.2.0 markdownlint-cli2@0.22.1 >/dev/null
fi

# Debian peers: cram (cram3), hyperfine (the timer), GNU time (peak RSS).
missing=()
command -v cram3 >/dev/null 2>&1 || missing+=(python3-cram)
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: apt-get install ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Optional peer: Ansible (Debian's `ansible`) for the ssh fan-out figure; the figure says so and
# leaves it out when the package cannot be installed here.
if ! command -v ansible >/dev/null 2>&1; then
  echo "setup: apt-get install ansible (optional, for the ssh fan-out figure)"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq ansible >/dev/null 2>&1 || echo "setup: ansible could not be installed; the ssh fan-out figure leaves it out"
fi

echo "setup: txm $("$work/node_modules/.bin/txm" --version 2>/dev/null || echo '?')," \
  "markdownlint-cli2 $(node -p "require('$work/node_modules/markdownlint-cli2/package.json').version")," \
  "cram3 $(cram3 --version 2>&1 | head -1 | sed 's/[^0-9.]*\([0-9.]*\).*/\1/')," \
  "$(hyperfine --version)"
