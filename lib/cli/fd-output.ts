// The CLI's stdout and stderr (issue 17). Node's process.stdout and process.stderr load the stream
// modules when first touched (4-6 ms of a 50 ms `runbook list` on Node 24). To a file or /dev/null
// Node writes synchronously anyway, so there a write goes straight to the descriptor and no stream
// is made (nor node:tty, which loads them too). Anything else (a pipe or a socket, whose writes are asynchronous with
// backpressure; a terminal; any property but `write` and what a file's stream would answer:
// `isTTY`, `columns`, `destroyed`, `writableEnded`; a failed write) gets Node's own
// stream, made on first use, and from then on every write goes through it, in order.
import {fstatSync, statSync, writeSync} from 'node:fs'
import type {Writable} from 'node:stream'

// What io.stdout and io.stderr are.
export type Output = Writable & {isTTY?: boolean; columns?: number}

type Callback = (error?: Error | null) => void

// An output for descriptor `fd` that makes `stream()` only when it must.
export function fdOutput(fd: number, stream: () => Output): Output {
  let real: Output | undefined
  const made = () => (real ??= stream())
  let direct = writesInPlace(fd)
  const write = (chunk: unknown, encoding?: BufferEncoding | Callback, callback?: Callback): boolean => {
    const done = typeof encoding === 'function' ? encoding : callback
    const charset = typeof encoding === 'string' ? encoding : 'utf8'
    if (!direct || real) return made().write(chunk, charset, done)
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, charset) : (chunk as Uint8Array)
    let at = 0
    try {
      while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at)
    } catch {
      // EAGAIN, EIO after a hang-up, a full disk: Node's stream takes over, and reports it as it would
      direct = false
      return made().write(Buffer.from(bytes.subarray(at)), done)
    }
    if (done) process.nextTick(done)
    return true
  }
  return new Proxy({} as Output, {
    get(_target, property) {
      if (property === 'write') return write
      if (!real && direct) {
        if (property === 'isTTY' || property === 'columns') return undefined
        if (property === 'destroyed' || property === 'writableEnded') return false
      }
      const value = Reflect.get(made(), property) as unknown
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value
    },
  })
}

// A regular file or /dev/null: Node's stream for these writes synchronously and is no terminal.
function writesInPlace(fd: number): boolean {
  try {
    const info = fstatSync(fd)
    return info.isFile() || (info.isCharacterDevice() && info.rdev === statSync('/dev/null').rdev)
  } catch {
    return false
  }
}
