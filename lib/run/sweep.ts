// Find processes by the tags the executor puts in every child's environment (SPEC §11): catches
// daemons that left the step's process group with `setsid` or a double fork (`pg_ctl start`).
import {readdirSync, readFileSync} from 'node:fs'

// Pids of live processes whose environment holds every `NAME=value` of `tags`.
export function findTagged(tags: Record<string, string>): number[] {
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return [] // no /proc (macOS): the process-group kill is all we have
  }
  const needles = Object.entries(tags).map(([name, value]) => Buffer.from(`${name}=${value}\0`))
  const found: number[] = []
  for (const entry of entries) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    let environ: Buffer
    try {
      environ = readFileSync(`/proc/${pid}/environ`)
    } catch {
      continue // gone, or another user's
    }
    if (needles.every((needle) => hasEntry(environ, needle))) found.push(pid)
  }
  return found
}

function hasEntry(environ: Buffer, needle: Buffer): boolean {
  for (let at = environ.indexOf(needle); at !== -1; at = environ.indexOf(needle, at + 1)) {
    if (at === 0 || environ[at - 1] === 0) return true
  }
  return false
}
