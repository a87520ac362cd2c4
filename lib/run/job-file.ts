// An anonymous file for a bash job's text: created private (0600), unlinked at once, reached only
// through descriptors (a child reopens it as `/dev/fd/N`). Its contents, exported secrets included,
// never sit under a name on disk, and the kernel frees it when the last descriptor closes.
import {randomHex} from '../random-hex.js'
import {fstatSync, ftruncateSync, openSync, readSync, unlinkSync, writeSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

// The length of what each descriptor's file holds, as far as writeJobFile knows (only the runner
// writes these files, except a spawned job's own, which is written once).
const lengths = new Map<number, number>()

// A new anonymous file, holding `text`; the caller closes the descriptor.
export function openJobFile(text = ''): number {
  const path = join(tmpdir(), `runbook-job-${process.pid}-${randomHex(6)}`)
  const fd = openSync(path, 'wx+', 0o600)
  unlinkSync(path)
  lengths.set(fd, 0) // a new, empty file (its descriptor number may have served another before)
  if (text !== '') writeJobFile(fd, text)
  return fd
}

// Replace the file's contents with `text` (cut to length only when the old text was longer).
export function writeJobFile(fd: number, text: string): void {
  const bytes = Buffer.from(text)
  writeSync(fd, bytes, 0, bytes.length, 0)
  if ((lengths.get(fd) ?? Infinity) > bytes.length) ftruncateSync(fd, bytes.length)
  lengths.set(fd, bytes.length)
}

// One buffer for every read (the runner reads a job's state file once a step): it grows to the
// largest text read so far.
let scratch = Buffer.allocUnsafe(0)

// The file's whole text ('' when it cannot be read).
export function readJobFile(fd: number): string {
  try {
    const size = fstatSync(fd).size
    if (size > scratch.length) scratch = Buffer.allocUnsafe(Math.max(size, 2 * scratch.length, 16_384))
    return scratch.toString('utf8', 0, readSync(fd, scratch, 0, size, 0))
  } catch {
    return ''
  }
}
