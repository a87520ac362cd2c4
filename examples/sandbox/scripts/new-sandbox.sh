# Sourced by the first step of a sandbox runbook: a fresh folder, free ports and fresh secrets for
# this run only, exported so that every later step (one terminal session) sees them.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SANDBOX_DIR="$(mktemp -d "${TMPDIR:-/tmp}/qgp-sandbox.XXXXXX")"
PGPORT="$(node "$here/free-port.js")"
APP_PORT="$(node "$here/free-port.js")"
while [ "$APP_PORT" = "$PGPORT" ]; do APP_PORT="$(node "$here/free-port.js")"; done
DB_PASSWORD="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(18).toString("base64url"))')"
API_TOKEN="${API_TOKEN:-$(node -e 'process.stdout.write(require("node:crypto").randomBytes(18).toString("hex"))')}"
export SANDBOX_DIR PGPORT APP_PORT DB_PASSWORD API_TOKEN
export PGHOST="$SANDBOX_DIR/pg" PGUSER=qgp_user PGDATABASE=qgp_db
export DATABASE_URL="postgresql://qgp_user:${DB_PASSWORD}@127.0.0.1:${PGPORT}/qgp_db"
export BASE_URL="http://127.0.0.1:${APP_PORT}"
