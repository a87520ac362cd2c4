// The last N characters of a stream of chunks, kept without re-copying the whole buffer per chunk.
export interface TailBuffer {
  push(chunk: string): void
  text(): string // the kept tail
  dropped(): number // characters left out before it
}

// A buffer keeping at most `max` characters: whole chunks are dropped from the front as new ones come.
export function createTailBuffer(max: number): TailBuffer {
  const chunks: string[] = []
  let length = 0
  let dropped = 0
  return {
    push(chunk) {
      if (chunk.length > max) {
        dropped += chunk.length - max
        chunk = chunk.slice(chunk.length - max)
      }
      chunks.push(chunk)
      length += chunk.length
      while (chunks.length > 1 && length - chunks[0]!.length >= max) {
        const first = chunks.shift()!
        length -= first.length
        dropped += first.length
      }
    },
    text() {
      const all = chunks.join('')
      return all.length > max ? all.slice(all.length - max) : all
    },
    dropped() {
      const all = chunks.reduce((n, chunk) => n + chunk.length, 0)
      return dropped + Math.max(0, all - max)
    },
  }
}
