#!/usr/bin/env bash
# Stops the sandbox's PostgreSQL if it runs (fast shutdown); does nothing when there is none.
set -uo pipefail
. "$(dirname "$0")/pg-env.sh"
data="${SANDBOX_DIR:-/nonexistent}/pg/data"
if [ -f "$data/postmaster.pid" ]; then
  as_postgres "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop
else
  echo "no PostgreSQL running in ${SANDBOX_DIR:-<unset>}"
fi
