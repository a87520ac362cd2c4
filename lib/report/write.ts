// Writing to the injected stream and waiting until it has taken the bytes.
import type {Writable} from 'node:stream'

// Write `text` (possibly empty) and resolve once the stream has handled it, so `close()` really flushes.
export function writeAndFlush(out: Writable, text: string): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.resolve()
  return new Promise((resolve) => {
    out.write(text, () => resolve())
  })
}
