// JSON expectations (SPEC §2): a structural subset match. Every expected key must match, extra
// keys are allowed unless `strict`; arrays have the same length unless the last expected element
// is "..."; strings may be placeholders ("<uuid>", "id-<int>"); numbers and booleans are exact.
import {compileLine} from './line-pattern.js'
import {isPlaceholder, placeholderRegex} from './placeholders.js'

// Where and why the first mismatch happened: `$.error.code: expected "DUPLICATE", got "CONFLICT"`.
export type JsonMatch = {ok: true} | {ok: false; path: string; message: string}

// Compare an actual JSON value with an expected pattern.
export function matchJson(expected: unknown, actual: unknown, options: {strict?: boolean} = {}): JsonMatch {
  const failure = compare(expected, actual, '$', options.strict ?? false)
  return failure ?? {ok: true}
}

function compare(expected: unknown, actual: unknown, path: string, strict: boolean): JsonMatch | undefined {
  if (typeof expected === 'string') return compareString(expected, actual, path)
  if (expected === null || typeof expected !== 'object') {
    return Object.is(expected, actual) || expected === actual ? undefined : fail(path, `expected ${show(expected)}, got ${show(actual)}`)
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return fail(path, `expected an array, got ${show(actual)}`)
    const open = expected.length > 0 && expected[expected.length - 1] === '...'
    const items = open ? expected.slice(0, -1) : expected
    if (open ? actual.length < items.length : actual.length !== items.length) {
      const want = open ? `at least ${items.length}` : `${items.length}`
      return fail(path, `expected ${want} element${items.length === 1 ? '' : 's'}, got ${actual.length}`)
    }
    for (let i = 0; i < items.length; i++) {
      const failure = compare(items[i], actual[i], `${path}[${i}]`, strict)
      if (failure) return failure
    }
    return undefined
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return fail(path, `expected an object, got ${show(actual)}`)
  const object = actual as Record<string, unknown>
  for (const [key, value] of Object.entries(expected as Record<string, unknown>)) {
    const child = childPath(path, key)
    if (!Object.hasOwn(object, key)) return fail(child, `missing (expected ${show(value)})`)
    const failure = compare(value, object[key], child, strict)
    if (failure) return failure
  }
  if (strict) {
    const extra = Object.keys(object).find((key) => !Object.hasOwn(expected, key))
    if (extra !== undefined) return fail(childPath(path, extra), `unexpected key (strict), got ${show(object[extra])}`)
  }
  return undefined
}

function compareString(expected: string, actual: unknown, path: string): JsonMatch | undefined {
  if (actual === expected) return undefined
  const whole = /^<([a-z]+)>$/.exec(expected)
  if (whole && whole[1] === 'any') return undefined
  if (whole && isPlaceholder(whole[1]!)) {
    const text = typeof actual === 'string' || typeof actual === 'number' ? String(actual) : undefined
    if (text !== undefined && placeholderRegex(whole[1]!).test(text)) return undefined
    return fail(path, `expected ${expected}, got ${show(actual)}`)
  }
  if (typeof actual === 'string' && !expected.includes('\n') && !actual.includes('\n')) {
    const pattern = compileLine(expected)
    if (pattern.kind !== 'literal' && pattern.matches(actual)) return undefined
  }
  return fail(path, `expected ${show(expected)}, got ${show(actual)}`)
}

function fail(path: string, detail: string): JsonMatch {
  return {ok: false, path, message: `${path}: ${detail}`}
}

// `$.a.b`, `$['a-b']`: the JSONPath of a child key.
export function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}['${key.replace(/[\\']/g, '\\$&')}']`
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
