// A readable diff for a JSON mismatch: both values pretty-printed, the actual one with its keys
// in the expected order, so only real differences show.
import {alignLines} from './align.js'
import {renderDiff} from './diff.js'
import {compileLine} from './line-pattern.js'

// Unified diff of the expected pattern and the actual value; `note` names the first mismatch.
export function jsonDiff(expected: unknown, actual: unknown, note: string): string {
  const expectedLines = JSON.stringify(expected, null, 2).split('\n')
  const actualLines = (JSON.stringify(ordered(actual, expected), null, 2) ?? 'undefined').split('\n')
  const patterns = expectedLines.map((line) => compileLine(line.trim() === '"...",' || line.trim() === '"..."' ? '...' : line))
  return renderDiff(alignLines(patterns, actualLines), expectedLines, actualLines, note)
}

// `actual` with object keys ordered like `like`'s (its own extra keys after them).
function ordered(actual: unknown, like: unknown): unknown {
  if (Array.isArray(actual)) return actual.map((item, i) => ordered(item, Array.isArray(like) ? like[i] : undefined))
  if (actual === null || typeof actual !== 'object') return actual
  const object = actual as Record<string, unknown>
  const pattern = like !== null && typeof like === 'object' && !Array.isArray(like) ? (like as Record<string, unknown>) : {}
  const keys = [...Object.keys(pattern).filter((k) => Object.hasOwn(object, k)), ...Object.keys(object).filter((k) => !Object.hasOwn(pattern, k))]
  return Object.fromEntries(keys.map((k) => [k, ordered(object[k], pattern[k])]))
}
