#!/usr/bin/env bash
# Starts the sandbox app detached (the `docker compose up -d app` of the sandbox) and waits until
# it wrote its pid file. It keeps running after this step; sandbox-down.sh stops it.
set -euo pipefail
: "${SANDBOX_DIR:?SANDBOX_DIR is not set}" "${APP_PORT:?APP_PORT is not set}"
cd "$(dirname "$0")/.."
rm -f "$SANDBOX_DIR/app.pid"
PORT="$APP_PORT" setsid nohup node app/server.js --instance "$SANDBOX_DIR" >/dev/null 2>&1 </dev/null &
for _ in $(seq 1 100); do
  if [ -s "$SANDBOX_DIR/app.pid" ]; then echo "app started (pid $(cat "$SANDBOX_DIR/app.pid"))"; exit 0; fi
  sleep 0.1
done
echo "the app did not start: see $SANDBOX_DIR/app.log" >&2
exit 1
