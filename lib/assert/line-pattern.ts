// One expected line compiled into a matcher (SPEC §2): literal, `...`, placeholders,
// ` (re)`, ` (glob)` and ` (esc)`. A line equal to the output line always matches (literal-first).
import {compileUserRegex, timeoutMessage} from './user-regex.js'
import {compileGlob} from './glob.js'
import {decodeEscapes} from './escapes.js'
import {isPlaceholder, placeholderRegex, placeholders} from './placeholders.js'

// What kind of rule an expected line is.
export type LineKind = 'literal' | 'ellipsis' | 're' | 'glob' | 'esc' | 'placeholder'

// A compiled expected line.
export interface LinePattern {
  kind: LineKind
  text: string // the line as written
  matches(actual: string, raw?: string): boolean // `raw`: the line with its ANSI sequences, for ` (esc)`
  explain(actual: string): string // why `actual` does not match: `expected <int>, got "3.5"`
  error?: string // an authoring problem (invalid or unsafe regex)
  repeat?: {min: number; max: number} // Scrut's quantifiers: `(regex+)` one or more lines, `(?)` zero or one …
}

type Segment = {literal: string} | {placeholder: string}

const compiled = new Map<string, LinePattern>()

// Compile one expected line (cached: runbooks repeat the same pattern lines).
export function compileLine(text: string): LinePattern {
  if (!text.includes('<') && !text.endsWith(')') && !text.includes('...')) return new LiteralLine(text, text)
  let pattern = compiled.get(text)
  if (!pattern) {
    if (compiled.size > 5000) compiled.clear()
    pattern = compileFresh(text)
    if (pattern.kind !== 're' && pattern.kind !== 'literal') compiled.set(text, pattern) // re lines keep per-run state (time-outs)
  }
  return pattern
}

function compileFresh(text: string): LinePattern {
  if (text.trim() === '...') return {kind: 'ellipsis', text, matches: () => true, explain: () => ''}
  const suffix = readSuffix(text)
  if (suffix) {
    const pattern = suffixed(text, suffix.body, suffix.kind)
    if (suffix.repeat) pattern.repeat = suffix.repeat
    return pattern
  }
  if (!text.includes('<')) return new LiteralLine(text, text)
  const segments = splitPlaceholders(text)
  if (!segments.some((s) => 'placeholder' in s)) {
    return new LiteralLine(text, segments.map((s) => ('literal' in s ? s.literal : '')).join(''))
  }
  const regex = new RegExp(`^${segments.map((s) => ('literal' in s ? escapeRegex(s.literal) : `(?:${placeholders[s.placeholder]})`)).join('')}$`)
  return {kind: 'placeholder', text, matches: (a) => a === text || regex.test(a), explain: (a) => explainPlaceholders(segments, text, a)}
}

// Line suffixes of cram and Scrut: `(re)`/`(regex)`, `(glob)`, `(esc)`/`(escaped)`, `(no-eol)`,
// `(equal)`, each with an optional quantifier (`(regex+)`, `(glob*)`, `(?)`, `(+)`, `(*)`).
const suffixPattern = /^(.*) \((re|regex|glob|esc|escaped|equal|no-eol)?([?*+])?\)$/s
const quantifiers: Record<string, {min: number; max: number}> = {'?': {min: 0, max: 1}, '*': {min: 0, max: Infinity}, '+': {min: 1, max: Infinity}}

function readSuffix(text: string): {body: string; kind: string; repeat?: {min: number; max: number}} | undefined {
  const match = suffixPattern.exec(text)
  if (!match || (match[2] === undefined && match[3] === undefined)) return undefined
  const read: {body: string; kind: string; repeat?: {min: number; max: number}} = {body: match[1]!, kind: match[2] ?? 'equal'}
  if (match[3]) read.repeat = quantifiers[match[3]]!
  return read
}

function suffixed(text: string, body: string, kind: string): LinePattern {
  // Scrut's `… (escaped) (glob)`: the escapes are decoded first, then matched against the raw line.
  const escaped = kind !== 'esc' && kind !== 'escaped' ? / \((?:esc|escaped)\)$/.exec(body) : null
  if (escaped) body = decodeEscapes(body.slice(0, escaped.index))
  const line = (a: string, raw: string | undefined) => (escaped ? (raw ?? a) : a)
  if (kind === 're') return regexLine(text, body, true, escaped !== null)
  // Scrut puts `^…$` around a `(regex)` as written, so `a|b` binds the anchors to its ends.
  if (kind === 'regex') return regexLine(text, `^${body}$`, false, escaped !== null)
  if (kind === 'glob') {
    const glob = compileGlob(body)
    return {kind: 'glob', text, matches: (a, raw) => a === text || glob(line(a, raw)), explain: (a) => `expected ${quote(body)} (glob), got ${quote(a)}`}
  }
  if (kind === 'esc' || kind === 'escaped') {
    // Matched against the raw line (ANSI sequences kept), so `\x1b[1m` can be checked.
    const decoded = decodeEscapes(body).replace(/[ \t]+$/, '')
    return {kind: 'esc', text, matches: (a, raw) => a === text || a === decoded || raw === decoded, explain: (a) => `expected ${quote(decoded)} (esc), got ${quote(a)}`}
  }
  return new LiteralLine(text, body) // `(equal)`, `(no-eol)` (final newlines are never compared)
}

// A plain line (the common case, so no closures: outputs of many thousand lines stay cheap).
class LiteralLine implements LinePattern {
  readonly kind = 'literal'
  repeat?: {min: number; max: number}
  constructor(readonly text: string, readonly literal: string) {}
  matches(actual: string): boolean {
    return actual === this.text || actual === this.literal
  }
  explain(actual: string): string {
    return `expected ${quote(this.literal)}, got ${quote(actual)}`
  }
}

function regexLine(text: string, source: string, whole = true, raw = false): LinePattern {
  const compiled = compileUserRegex(source, {whole})
  if (!compiled.ok) return {kind: 're', text, matches: (a) => a === text, explain: () => compiled.message, error: compiled.message}
  const known = new Map<string, boolean>() // each line is tested once, however often the aligner asks
  const pattern: LinePattern = {
    kind: 're',
    text,
    matches: (line, rawLine) => {
      if (line === text) return true
      const a = raw ? (rawLine ?? line) : line
      const cached = known.get(a)
      if (cached !== undefined) return cached
      const result = compiled.test(a)
      if (result === 'timeout') pattern.error ??= timeoutMessage(source, a)
      known.set(a, result === true)
      return result === true
    },
    explain: (a) => `expected /${source}/ (re), got ${quote(a)}`,
  }
  return pattern
}

// Split a line into literal text and placeholders; `\<` is a literal `<`.
export function splitPlaceholders(text: string): Segment[] {
  const segments: Segment[] = []
  let literal = ''
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && text[i + 1] === '<') {
      literal += '<'
      i++
      continue
    }
    const match = text[i] === '<' ? /^<([a-z]+)>/.exec(text.slice(i, i + 12)) : null
    if (match && isPlaceholder(match[1]!)) {
      if (literal) segments.push({literal})
      literal = ''
      segments.push({placeholder: match[1]!})
      i += match[0].length - 1
    } else {
      literal += text[i]
    }
  }
  if (literal) segments.push({literal})
  return segments
}

// Name the part of a placeholder line that failed: the first placeholder whose text does not fit.
function explainPlaceholders(segments: Segment[], text: string, actual: string): string {
  let pos = 0
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    if ('literal' in segment) {
      if (!actual.startsWith(segment.literal, pos)) break
      pos += segment.literal.length
      continue
    }
    const next = segments[i + 1]
    const end = next && 'literal' in next ? actual.indexOf(next.literal, pos) : next ? -1 : actual.length
    if (end < 0) break
    const piece = actual.slice(pos, end)
    if (!placeholderRegex(segment.placeholder).test(piece)) return `expected <${segment.placeholder}>, got ${quote(piece)}`
    pos = end
  }
  return `expected ${quote(text)}, got ${quote(actual)}`
}

// A short, quoted form of a text for one-line messages.
export function quote(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 117)}...` : text)
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}
