// Reading a file the user named (a runbook, a `schema=`, an evidence manifest): only a regular
// file, never more than a cap, never blocking. `/dev/zero`, `/dev/urandom`, a FIFO or a socket
// where a file is meant is refused at once with a clear message instead of hanging or filling memory.
import {closeSync, constants, fstatSync, openSync, readSync, type Stats} from 'node:fs'

// Why a file could not be read, in words for the user (`not a regular file (a FIFO)`, `no such file`).
export class FileReadError extends Error {
  code: string
  constructor(message: string, code: string) {
    super(message)
    this.code = code
  }
}

// The cap on a file the tool reads whole, unless a caller gives its own.
export const defaultMaxFileBytes = 16 * 1024 * 1024

// The bytes of `file`, when it is a regular file no larger than `maxBytes`.
export function readRegularFileSync(file: string, options: {maxBytes?: number} = {}): Buffer {
  const maxBytes = options.maxBytes ?? defaultMaxFileBytes
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    throw new FileReadError(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message, code)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw new FileReadError(`not a regular file (${kindOf(stat)})`, 'RUNBOOK_ERR_NOT_A_FILE')
    if (stat.size > maxBytes) throw tooLarge(maxBytes)
    // /proc and other synthetic files report size 0: read in pieces and stop past the cap.
    const pieces: Buffer[] = []
    let total = 0
    for (;;) {
      const piece = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total))
      const count = readSync(fd, piece, 0, piece.length, null)
      if (count === 0) break
      pieces.push(piece.subarray(0, count))
      total += count
      if (total > maxBytes) throw tooLarge(maxBytes)
    }
    return Buffer.concat(pieces, total)
  } finally {
    closeSync(fd)
  }
}

// The text of `file` (UTF-8), under the same rules.
export function readRegularTextSync(file: string, options: {maxBytes?: number} = {}): string {
  return readRegularFileSync(file, options).toString('utf8')
}

function tooLarge(maxBytes: number): FileReadError {
  return new FileReadError(`larger than ${formatBytes(maxBytes)}, the most this reads`, 'RUNBOOK_ERR_FILE_TOO_LARGE')
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder'
  if (stat.isFIFO()) return 'a FIFO'
  if (stat.isCharacterDevice()) return 'a character device'
  if (stat.isBlockDevice()) return 'a block device'
  if (stat.isSocket()) return 'a socket'
  return 'not a file'
}
