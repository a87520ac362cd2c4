// Offsets to line:column points, from one index of line starts built once per source.
import type {Point, Span} from '../model.js'

// Turns UTF-16 offsets into 1-based line/column points and spans.
export interface Locator {
  point(offset: number): Point
  span(start: number, end: number): Span
  lineStart(line: number): number
}

// Build a locator for `source` (one pass over the text; lookups are binary searches).
export function createLocator(source: string): Locator {
  const starts = [0]
  let at = source.indexOf('\n')
  while (at !== -1) {
    starts.push(at + 1)
    at = source.indexOf('\n', at + 1)
  }
  const point = (offset: number): Point => {
    const clamped = Math.max(0, Math.min(offset, source.length))
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (starts[mid]! <= clamped) low = mid
      else high = mid - 1
    }
    return {line: low + 1, column: clamped - starts[low]! + 1, offset: clamped}
  }
  return {
    point,
    span: (start, end) => ({start: point(start), end: point(end)}),
    lineStart: (line) => starts[Math.max(0, Math.min(line - 1, starts.length - 1))]!,
  }
}
