#!/bin/sh
# The `runbook` command: Node on the CLI file beside the real file of this script (dist/bin/).
#
# It moves NODE_EXTRA_CA_CERTS out of Node's way. Node 20 reads that file, and builds the store of
# every root certificate it knows, while it starts: ~70 ms on the 2-core machine, on every start,
# `--version` included (Node 22 and later wait for the first TLS connection). runbook gives the
# variable back to the steps' environment at once and loads the certificates itself for its first
# HTTPS request (lib/http/extra-ca.ts), so steps and requests trust the same authorities as before.
# With NODE_OPTIONS set, which may choose the certificate store (--use-openssl-ca), it leaves the
# variable where it is.
self=$0
while [ -L "$self" ]; do
  link=$(readlink "$self")
  case $link in
    /*) self=$link ;;
    *) self=${self%/*}/$link ;;
  esac
done
if [ -n "${NODE_EXTRA_CA_CERTS-}" ] && [ -z "${NODE_OPTIONS-}" ]; then
  RUNBOOK_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS
  export RUNBOOK_EXTRA_CA_CERTS
  unset NODE_EXTRA_CA_CERTS
fi
case $self in
  */*) here=${self%/*} ;;
  *) here=. ;; # `sh runbook` run from its own folder
esac
exec node "$here/runbook.js" "$@"
