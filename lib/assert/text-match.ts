// Text expectations (SPEC §2): the whole output, line by line, against the expected lines;
// `contains` looks for them as one contiguous run anywhere. `blessText` rewrites for `--update`.
import {alignLines, matchLines, type AlignOp} from './align.js'
import {renderDiff} from './diff.js'
import {encodeEscapes, needsEscaping} from './escapes.js'
import {compileLine, quote, type LinePattern} from './line-pattern.js'
import {normalizeLines, rawLines} from './normalize.js'

// The outcome of a text match; `line` is the 1-based expected line that failed first.
export interface TextMatch {
  ok: boolean
  message?: string
  diff?: string
  line?: number
}

// `contains`: the expected lines may stand anywhere in the output, as one contiguous run.
export interface TextMatchOptions {
  mode?: 'exact' | 'contains'
}

const ellipsis = compileLine('...')

interface Prepared {
  expected: string[]
  actual: string[]
  raw?: string[] // the output lines with ANSI kept, when an ` (esc)` line may look at them
  patterns: LinePattern[] // with the two `...` that `contains` adds around the lines
  offset: number // 1 when `contains` added a leading `...`
  start: number // index of actual[0] in the whole output (`contains` looks at a window)
  total: number // lines in the whole output
}

function prepare(expected: string, actual: string, options: TextMatchOptions): Prepared {
  const expectedLines = normalizeLines(expected)
  const actualLines = normalizeLines(actual)
  const patterns = expectedLines.map(compileLine)
  const contains = options.mode === 'contains'
  const raw = patterns.some((p) => p.kind === 'esc' || / \((?:esc|escaped)\) \(/.test(p.text)) ? rawLines(actual) : undefined
  return {
    ...(raw && raw.length === actualLines.length ? {raw} : {}),
    expected: expectedLines,
    actual: actualLines,
    patterns: contains ? [ellipsis, ...patterns, ellipsis] : patterns,
    offset: contains ? 1 : 0,
    start: 0,
    total: actualLines.length,
  }
}

// Match output against an expected block; on failure, a one-line message and a unified diff.
export function matchText(expected: string, actual: string, options: TextMatchOptions = {}): TextMatch {
  const prepared = prepare(expected, actual, options)
  if (matchLines(prepared.patterns, prepared.actual, prepared.raw)) return {ok: true}
  const focused = focus(prepared)
  const ops = alignLines(focused.patterns, focused.actual, focused.raw)
  const {message, line} = firstFailure(ops, focused, options)
  return {ok: false, message, line, diff: renderDiff(ops, focused.expected, focused.actual, message)}
}

// The expected text rewritten so it matches `actual`, changing only the lines that did not match:
// matching `...`, placeholder and ` (re)` lines are kept as written (`--update`).
export function blessText(expected: string, actual: string, options: TextMatchOptions = {}): string {
  const prepared = prepare(expected, actual, options)
  if (matchLines(prepared.patterns, prepared.actual, prepared.raw)) return expected
  const focused = focus(prepared, true)
  const lines: string[] = []
  for (const op of alignLines(focused.patterns, focused.actual, focused.raw)) {
    if (op.op === 'match' || op.op === 'ellipsis') lines.push(focused.expected[op.p]!)
    else if (op.op === 'insert') {
      const line = focused.actual[op.a]!
      lines.push(needsEscaping(line) ? `${encodeEscapes(line)} (esc)` : line)
    }
  }
  const eol = expected.includes('\r\n') ? '\r\n' : '\n'
  const text = lines.join(eol)
  return expected.endsWith('\n') && text !== '' ? text + eol : text
}

// For `contains`, the window of output closest to the expected run (matched lines, widened by the
// expected lines that found no partner), then compared exactly; otherwise everything. Nothing in
// common: an empty window (the lines are simply not there), or for `--update` the whole output.
function focus(prepared: Prepared, bless = false): Prepared {
  if (!prepared.offset) return prepared
  const patterns = prepared.patterns.slice(1, -1)
  const ops = alignLines(prepared.patterns, prepared.actual, prepared.raw)
  const matched = ops.filter((op): op is Extract<AlignOp, {op: 'match'}> => op.op === 'match')
  if (matched.length === 0) return {...prepared, patterns, offset: 0, actual: bless ? prepared.actual : []}
  const first = ops.indexOf(matched[0]!)
  const last = ops.lastIndexOf(matched[matched.length - 1]!)
  const before = ops.slice(0, first).filter((op) => op.op === 'delete').length
  const after = ops.slice(last + 1).filter((op) => op.op === 'delete').length
  const lo = Math.max(0, matched[0]!.a - before)
  const hi = Math.min(prepared.actual.length, matched[matched.length - 1]!.a + 1 + after)
  return {...prepared, patterns, actual: prepared.actual.slice(lo, hi), ...(prepared.raw ? {raw: prepared.raw.slice(lo, hi)} : {}), offset: 0, start: lo}
}

function firstFailure(ops: AlignOp[], prepared: Prepared, options: TextMatchOptions): {message: string; line?: number} {
  const patterns = prepared.patterns
  const broken = ops.find((op) => op.op === 'delete' && patterns[op.p]!.error)
  if (broken && broken.op === 'delete') return {message: `line ${broken.p + 1}: ${patterns[broken.p]!.error}`, line: broken.p + 1}
  const start = ops.findIndex((op) => op.op === 'delete' || op.op === 'insert')
  let deleted: number | undefined
  let inserted: number | undefined
  for (let k = start; k >= 0 && k < ops.length; k++) {
    const op = ops[k]!
    if (op.op === 'delete') deleted ??= op.p
    else if (op.op === 'insert') inserted ??= op.a
    else break
  }
  const where = options.mode === 'contains' ? ' (expected as one contiguous run in the output)' : ''
  if (deleted !== undefined && inserted !== undefined) {
    return {message: `line ${deleted + 1}: ${patterns[deleted]!.explain(prepared.actual[inserted]!)}${where}`, line: deleted + 1}
  }
  if (deleted !== undefined) {
    const missing = `line ${deleted + 1}: expected ${quote(prepared.expected[deleted]!)}`
    const after = prepared.total === 0 ? 'the output is empty' : options.mode === 'contains' ? 'not found' : 'not found in the output'
    return {message: `${missing}, ${after}${where}`, line: deleted + 1}
  }
  if (inserted !== undefined) {
    const line = quote(prepared.actual[inserted]!)
    if (options.mode === 'contains') return {message: `output line ${prepared.start + inserted + 1}: unexpected ${line} inside the expected run (expected as one contiguous run in the output)`}
    return {message: `output line ${inserted + 1}: unexpected ${line} (not in the expected output)`}
  }
  return {message: 'output does not match'}
}
