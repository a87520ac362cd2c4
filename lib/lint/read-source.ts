// Read a file for lint: only regular files (a symlink to /dev/zero or a FIFO would never end), and
// at most `maxLintBytes`, so one hostile file cannot take the whole run's memory.
import {closeSync, fstatSync, openSync, readSync} from 'node:fs'

// The largest file lint reads (10 MiB: far more than any hand-written document).
export const maxLintBytes = 10 * 1024 * 1024

// The text of `absolute`, or a message (naming it as `name`) saying why it was not read.
export function readSource(absolute: string, name: string): {source: string} | {error: string} {
  let fd: number
  try {
    fd = openSync(absolute, 'r')
  } catch (error) {
    return {error: `cannot read ${name}: ${(error as Error).message}`}
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return {error: `${name}: not a regular file (${kind(stat)}); lint reads only regular files`}
    if (stat.size > maxLintBytes) return {error: `${name}:1:1: the file is ${mib(stat.size)} MiB, more than the ${mib(maxLintBytes)} MiB lint reads`}
    const buffer = Buffer.alloc(stat.size)
    let read = 0
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read)
      if (n === 0) break
      read += n
    }
    return {source: buffer.subarray(0, read).toString('utf8')}
  } catch (error) {
    return {error: `cannot read ${name}: ${(error as Error).message}`}
  } finally {
    closeSync(fd)
  }
}

// Read a stream (standard input) up to `maxLintBytes`.
export async function readStreamSource(stream: AsyncIterable<Buffer | string>, name: string): Promise<{source: string} | {error: string}> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buffer.length
    if (size > maxLintBytes) return {error: `${name}:1:1: more than the ${mib(maxLintBytes)} MiB lint reads`}
    chunks.push(buffer)
  }
  return {source: Buffer.concat(chunks).toString('utf8')}
}

function kind(stat: {isDirectory(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isFIFO(): boolean; isSocket(): boolean}): string {
  if (stat.isDirectory()) return 'a folder'
  if (stat.isCharacterDevice()) return 'a character device'
  if (stat.isBlockDevice()) return 'a block device'
  if (stat.isFIFO()) return 'a FIFO'
  if (stat.isSocket()) return 'a socket'
  return 'not a file'
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)
}
