// A readable diff for a JSON mismatch: both values pretty-printed, the actual one with its keys
// in the expected order, so only real differences show.
import {alignLines} from './align.js'
import {renderDiff} from './diff.js'
import {compileLine} from './line-pattern.js'

// Unified diff of the expected pattern and the actual value; `note` names the first mismatch.
// Without `strict`, keys the pattern does not mention are left out: they cannot be the problem.
export function jsonDiff(expected: unknown, actual: unknown, note: string, options: {strict?: boolean} = {}): string {
  // Trailing commas are dropped so that adding a key does not show its neighbour as changed.
  const lines = (value: unknown) => (JSON.stringify(value, null, 2) ?? 'undefined').split('\n').map((line) => line.replace(/,$/, ''))
  const expectedLines = lines(expected)
  const actualLines = lines(ordered(actual, expected, options.strict ?? false))
  const patterns = expectedLines.map((line) => compileLine(line.trim() === '"..."' ? '...' : line))
  return renderDiff(alignLines(patterns, actualLines), expectedLines, actualLines, note)
}

// `actual` with object keys ordered like `like`'s (its own extra keys after them, when strict).
function ordered(actual: unknown, like: unknown, strict: boolean): unknown {
  if (Array.isArray(actual)) return actual.map((item, i) => ordered(item, Array.isArray(like) ? like[i] : undefined, strict))
  if (actual === null || typeof actual !== 'object') return actual
  const object = actual as Record<string, unknown>
  const pattern = like !== null && typeof like === 'object' && !Array.isArray(like) ? (like as Record<string, unknown>) : {}
  const known = Object.keys(pattern).filter((k) => Object.hasOwn(object, k))
  const extra = strict || like === undefined ? Object.keys(object).filter((k) => !Object.hasOwn(pattern, k)) : []
  return Object.fromEntries([...known, ...extra].map((k) => [k, ordered(object[k], pattern[k], strict)]))
}
