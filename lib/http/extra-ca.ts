// The extra certificate authorities of NODE_EXTRA_CA_CERTS when the `runbook` command moved the
// variable out of Node's way (bin/runbook.sh: Node 20 parses the file while it starts, ~70 ms).
// Only the file's path is kept here, so that the launcher can hand it over without loading TLS or
// undici; extra-ca-agent.ts reads it for the first HTTPS request.
let file: string | undefined

// Trust the certificates of `path` (PEM) in HTTPS requests from now on.
export function useExtraCaCerts(path: string | undefined): void {
  file = path
}

// The file handed over, if any.
export function extraCaFile(): string | undefined {
  return file
}
