# Sourced by the sandbox scripts: where PostgreSQL 15 lives and how to run its server tools.
# PostgreSQL refuses to run as root, so as root the tools run as the `postgres` user.
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

require_sandbox() {
  : "${SANDBOX_DIR:?SANDBOX_DIR is not set: run the clean-up step first}"
  : "${PGPORT:?PGPORT is not set: run the clean-up step first}"
}
