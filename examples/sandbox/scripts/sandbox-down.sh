#!/usr/bin/env bash
# The sandbox's `docker compose down -v`: stops the app and PostgreSQL of $SANDBOX_DIR, then
# deletes that folder (data included). Safe to run twice, and when nothing was started.
set -uo pipefail
here="$(dirname "$0")"
if [ -z "${SANDBOX_DIR:-}" ] || [ ! -d "$SANDBOX_DIR" ]; then
  echo "nothing to clean up"
  exit 0
fi
"$here/app-stop.sh"
"$here/pg-stop.sh"
case "$SANDBOX_DIR" in
  */qgp-sandbox.*) rm -r -- "$SANDBOX_DIR" && echo "removed $SANDBOX_DIR" ;;
  *) echo "refusing to delete $SANDBOX_DIR: not a qgp-sandbox folder" >&2; exit 1 ;;
esac
