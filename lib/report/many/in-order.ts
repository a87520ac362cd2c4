// Writes pieces of a report in file order although files finish in any order (`--jobs N`).

// An emitter: `put(file, text)` stores a file's piece and writes every piece whose turn has come.
export function createInOrder(files: readonly string[], write: (text: string) => void): {put(file: string, text: string): void; flush(): void} {
  const pieces = new Map<string, string>()
  let next = 0
  const advance = () => {
    while (next < files.length && pieces.has(files[next]!)) {
      write(pieces.get(files[next]!)!)
      pieces.delete(files[next]!)
      next += 1
    }
  }
  return {
    put(file, text) {
      pieces.set(file, text)
      advance()
    },
    // At the end: write what is stored, skipping files that never reported.
    flush() {
      for (; next < files.length; next++) {
        const piece = pieces.get(files[next]!)
        if (piece !== undefined) write(piece)
      }
    },
  }
}
