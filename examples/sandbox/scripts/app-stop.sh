#!/usr/bin/env bash
# Stops the sandbox app of $SANDBOX_DIR (SIGTERM, then waits until its pid file is gone).
set -uo pipefail
pidfile="${SANDBOX_DIR:?SANDBOX_DIR is not set}/app.pid"
if [ ! -f "$pidfile" ]; then echo "app not running"; exit 0; fi
if ! kill "$(cat "$pidfile")" 2>/dev/null; then rm -f "$pidfile"; echo "app not running"; exit 0; fi
for _ in $(seq 1 50); do
  if [ ! -f "$pidfile" ]; then echo "app stopped"; exit 0; fi
  sleep 0.1
done
echo "the app did not stop in 5s" >&2
exit 1
