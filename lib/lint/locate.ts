// Offsets → `line:column` (1-based), by binary search over line starts.
import type {Point} from '../model.js'

// A function that turns a UTF-16 offset into a Point.
export type Locate = (offset: number) => Point

// Build a locator for `source`.
export function createLocate(source: string): Locate {
  const starts = [0]
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1)
  return (offset) => {
    const at = Math.max(0, Math.min(offset, source.length))
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= at) lo = mid
      else hi = mid - 1
    }
    return {line: lo + 1, column: at - starts[lo]! + 1, offset: at}
  }
}
