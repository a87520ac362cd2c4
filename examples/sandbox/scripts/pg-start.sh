#!/usr/bin/env bash
# Creates a fresh PostgreSQL 15 cluster in $SANDBOX_DIR/pg and starts it on 127.0.0.1:$PGPORT
# (socket in $SANDBOX_DIR/pg), without waiting: the next step waits until it accepts connections.
set -euo pipefail
. "$(dirname "$0")/pg-env.sh"
require_sandbox
: "${DB_PASSWORD:?DB_PASSWORD is not set}"

pg="$SANDBOX_DIR/pg"
mkdir -p "$pg"
chmod 755 "$SANDBOX_DIR"
if [ "$(id -u)" = 0 ]; then chown postgres: "$pg"; fi
pwfile="$pg/pwfile"
as_postgres sh -c 'umask 077; cat > "$1"' sh "$pwfile" <<<"$DB_PASSWORD"

as_postgres "$PG_BIN/initdb" -D "$pg/data" -U qgp_user --pwfile="$pwfile" -E UTF8 \
  --auth-local=trust --auth-host=scram-sha-256 >"$pg/initdb.log"
rm -f "$pwfile"
as_postgres "$PG_BIN/pg_ctl" -D "$pg/data" -l "$pg/postgres.log" -W \
  -o "-p $PGPORT -k $pg -c listen_addresses=127.0.0.1" start
