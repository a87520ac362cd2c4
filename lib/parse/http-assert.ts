// hurl-style assert lines (`jsonpath "$.status" == "ok"`), shared by http blocks and check tables.
import {compileUserRegex} from '../assert/user-regex.js'
import {suggest} from './suggest.js'
import type {HttpAssert, HttpQuery} from '../model.js'

const predicates = ['==', '!=', '<=', '>=', '<', '>', 'contains', 'startsWith', 'endsWith', 'matches', 'exists', 'count'] as const
type Predicate = HttpAssert['predicate']

// A parse result: the value, or a message with the 0-based column of the problem.
export type Parsed<T> = {ok: true; value: T; rest: string} | {ok: false; message: string; column: number}

// Read a double-quoted string with JSON escapes at the start of `text`.
function readQuoted(text: string): {value: string; length: number} | undefined {
  if (text[0] !== '"') return undefined
  let at = 1
  while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1
  if (at >= text.length) return undefined
  try {
    return {value: JSON.parse(text.slice(0, at + 1)) as string, length: at + 1}
  } catch {
    return undefined
  }
}

// Parse a query (`status`, `header "X"`, `body`, `jsonpath "$.a"`, `duration`) at the start of `text`.
export function parseQuery(text: string, offset = 0): Parsed<HttpQuery> {
  const word = /^[A-Za-z]+/.exec(text)?.[0] ?? ''
  const after = text.slice(word.length).trimStart()
  const skipped = text.length - after.length
  if (word === 'status' || word === 'body' || word === 'duration') return {ok: true, value: {type: word}, rest: after}
  if (word === 'header' || word === 'jsonpath') {
    const quoted = readQuoted(after)
    if (!quoted) return {ok: false, message: `expected a quoted ${word === 'header' ? 'header name' : 'JSONPath'} after \`${word}\``, column: offset + skipped}
    const rest = after.slice(quoted.length).trimStart()
    return {ok: true, value: word === 'header' ? {type: 'header', name: quoted.value} : {type: 'jsonpath', path: quoted.value}, rest}
  }
  const hint = word ? suggest(word, ['status', 'header', 'body', 'jsonpath', 'duration']) : undefined
  const guess = hint ? ` (did you mean \`${hint}\`?)` : ''
  return {ok: false, message: `unknown query \`${word || text.split(/\s/)[0]}\`${guess}: expected status, header "X", body, jsonpath "$.a" or duration`, column: offset}
}

// Parse a value: a number, a quoted string, true/false/null, or `/regex/` (for `matches`).
function parseValue(text: string, column: number): Parsed<string | number | boolean | null> {
  const quoted = readQuoted(text)
  if (quoted) return {ok: true, value: quoted.value, rest: text.slice(quoted.length).trim()}
  if (text.startsWith('/')) {
    let at = 1
    while (at < text.length && text[at] !== '/') at += text[at] === '\\' ? 2 : 1
    if (at < text.length) return {ok: true, value: text.slice(1, at).replace(/\\\//g, '/'), rest: text.slice(at + 1).trim()}
    return {ok: false, message: 'regular expression is not closed: expected `/`', column}
  }
  const word = /^\S+/.exec(text)?.[0] ?? ''
  if (word === 'true' || word === 'false') return {ok: true, value: word === 'true', rest: text.slice(word.length).trim()}
  if (word === 'null') return {ok: true, value: null, rest: text.slice(4).trim()}
  if (word !== '' && Number.isFinite(Number(word))) return {ok: true, value: Number(word), rest: text.slice(word.length).trim()}
  return {ok: false, message: `expected a value (a number, "text", true, false or null), got \`${word || 'nothing'}\``, column}
}

// Parse one `query [not] predicate [value]` line; `line` is stored on the result.
export function parseAssertLine(raw: string, line: number): {ok: true; assert: HttpAssert} | {ok: false; message: string; column: number} {
  const text = raw.trim()
  const indent = raw.length - raw.trimStart().length
  const query = parseQuery(text, indent)
  if (!query.ok) return query
  let rest = query.rest
  const column = () => indent + text.length - rest.length
  let not = false
  if (/^not\s/.test(rest)) {
    not = true
    rest = rest.slice(3).trimStart()
  }
  const predicate = predicates.find((p) => rest.startsWith(p) && !(/^[=!<>]/.test(p) ? /[=!<>]/ : /\w/).test(rest[p.length] ?? ''))
  if (!predicate) return {ok: false, message: `expected a predicate (${predicates.join(' ')}), got \`${rest.split(/\s/)[0] || 'nothing'}\``, column: column()}
  rest = rest.slice(predicate.length).trimStart()
  const result: HttpAssert = {query: query.value, not, predicate: predicate as Predicate, raw: text, line}
  if (predicate === 'exists') {
    if (rest !== '') return {ok: false, message: `unexpected \`${rest}\` after \`exists\``, column: column()}
    return {ok: true, assert: result}
  }
  if (predicate === 'count' && /^==\s*/.test(rest)) rest = rest.replace(/^==\s*/, '')
  const value = parseValue(rest, column())
  if (!value.ok) return value
  if (value.rest !== '') return {ok: false, message: `unexpected \`${value.rest}\` after the value`, column: indent + text.length - value.rest.length}
  if (predicate === 'matches' && typeof value.value !== 'string') return {ok: false, message: '`matches` expects /regex/ or a quoted pattern', column: column()}
  if (predicate === 'count' && typeof value.value !== 'number') return {ok: false, message: '`count` expects a number', column: column()}
  if (predicate === 'matches') {
    const compiled = compileUserRegex(value.value as string, {flags: 'u'})
    if (!compiled.ok && compiled.message.startsWith('invalid')) return {ok: false, message: compiled.message, column: column()}
  }
  result.value = value.value
  return {ok: true, assert: result}
}
