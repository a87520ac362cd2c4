// Random hex strings for the run's own names (run ids, session tokens, output markers, temporary
// files): unguessable, so a step cannot forge a marker or plant a file under a name it predicted.
// Read from the kernel's /dev/urandom, which is what node:crypto's randomBytes draws from too:
// loading node:crypto costs 3-5 ms of a start (18-27 M instructions; issue 17) and a shell-only
// run needs nothing else from it. Where /dev/urandom cannot be read, node:crypto answers.
import {closeSync, openSync, readSync} from 'node:fs'
import {lazyRequire} from './lazy-require.js'

const load = lazyRequire(import.meta.url)

// `bytes` random bytes as 2 × `bytes` hex digits.
export function randomHex(bytes: number): string {
  const buffer = Buffer.alloc(bytes)
  try {
    const fd = openSync('/dev/urandom', 'r')
    try {
      let filled = 0
      while (filled < bytes) filled += readSync(fd, buffer, filled, bytes - filled, null)
    } finally {
      closeSync(fd)
    }
    return buffer.toString('hex')
  } catch {
    return (load('node:crypto') as typeof import('node:crypto')).randomBytes(bytes).toString('hex')
  }
}
