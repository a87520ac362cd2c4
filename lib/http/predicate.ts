// hurl-style predicates of `[Asserts]` lines and check-table assertions: `== != < <= > >=
// contains startsWith endsWith matches exists count`, each optionally negated with `not`.
import type {HttpAssert} from '../model.js'
import {compileUserRegex, timeoutMessage} from '../assert/user-regex.js'
import {describeQuery, evaluateQuery} from './query.js'
import type {HttpResponse} from './send.js'

// Undefined when the assert holds; otherwise one line saying what was found.
export function checkAssert(assert: HttpAssert, response: HttpResponse): string | undefined {
  const label = assert.raw || `${describeQuery(assert.query)} ${assert.not ? 'not ' : ''}${assert.predicate} ${JSON.stringify(assert.value)}`
  const result = evaluateQuery(assert.query, response)
  if ('error' in result) return `${label}: ${result.error}`
  const verdict = holds(assert, result.value)
  if (typeof verdict === 'string') return `${label}: ${verdict}`
  if (verdict !== assert.not) return undefined
  return `${label}: got ${show(result.value)}`
}

// True/false, or a string when the predicate cannot apply to the value (always a failure).
function holds(assert: HttpAssert, actual: unknown): boolean | string {
  const expected = assert.value
  switch (assert.predicate) {
    case 'exists': return actual !== undefined
    case '==': return actual !== undefined && equal(actual, expected)
    case '!=': return actual !== undefined && !equal(actual, expected)
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const a = toNumber(actual)
      const b = toNumber(expected)
      if (a === undefined) return `expected a number, got ${show(actual)}`
      if (b === undefined) return `cannot compare with ${show(expected)}`
      return assert.predicate === '<' ? a < b : assert.predicate === '<=' ? a <= b : assert.predicate === '>' ? a > b : a >= b
    }
    case 'contains':
      if (Array.isArray(actual)) return actual.some((item) => equal(item, expected))
      return typeof actual === 'string' && actual.includes(String(expected))
    case 'startsWith': return typeof actual === 'string' && actual.startsWith(String(expected))
    case 'endsWith': return typeof actual === 'string' && actual.endsWith(String(expected))
    case 'matches': {
      // Unicode mode first (`\p{L}` means a letter, as the parser checked), then the lenient mode.
      const unicode = compileUserRegex(String(expected), {flags: 'u'})
      const compiled = unicode.ok || unicode.message.startsWith('unsafe') ? unicode : compileUserRegex(String(expected))
      if (!compiled.ok) return compiled.message
      if (actual === undefined) return false
      const text = typeof actual === 'string' ? actual : JSON.stringify(actual)
      const found = compiled.test(text)
      return found === 'timeout' ? timeoutMessage(String(expected), text) : found
    }
    case 'count': {
      const size = Array.isArray(actual) ? actual.length : actual !== null && typeof actual === 'object' ? Object.keys(actual).length : undefined
      if (size === undefined) return `expected a list to count, got ${show(actual)}`
      return size === toNumber(expected)
    }
  }
}

// Values compare by JSON meaning; a number and its text (`200` vs "200") are equal, as in headers.
function equal(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true
  if (typeof actual === 'number' && typeof expected === 'string') return expected.trim() !== '' && Number(expected) === actual
  if (typeof actual === 'string' && typeof expected === 'number') return actual.trim() !== '' && Number(actual) === expected
  if (actual !== null && typeof actual === 'object') return JSON.stringify(actual) === JSON.stringify(expected)
  return false
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  return undefined
}

// A value as it appears in a message; `nothing` when the query found nothing.
export function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}
