// Attribute blocks in every dialect of SPEC §1, with the exact place of each key.
import type {Dialect, RawAttribute} from '../model.js'
import type {Locator} from './positions.js'

// One attribute block as written, before validation.
export interface AttributeBlock {
  dialect: Dialect
  attributes: RawAttribute[]
  classes: string[] // pandoc `.bash`
  start: number // offset of `{` (or of the first token in the bare form)
  end: number
  problems: Array<{message: string; start: number; end: number}>
}

// The info string of a fence split into the language and its attribute block, if any.
export interface InfoString {
  lang: string
  block: AttributeBlock | undefined
  rest: string // the text after the language when it is not an attribute block
}

// Split an info string (`bash {#id k=v}`, `sh {"name":"x"}`, `sh name=x`) found at `offset` in the source.
export function parseInfo(info: string, offset: number, locator: Locator, isKnownKey: (key: string) => boolean): InfoString {
  const langMatch = /^[^\s{]*/.exec(info)!
  const lang = langMatch[0]
  let at = lang.length
  while (at < info.length && /\s/.test(info[at]!)) at++
  const rest = info.slice(at).trimEnd()
  if (rest === '') return {lang, block: undefined, rest: ''}
  // `{1,3-5}` is a line-highlight range (Docusaurus, MDX, Hugo), not an attribute block.
  if (lineHighlight.test(rest)) return {lang, block: undefined, rest}
  if (rest.startsWith('{')) return {lang, block: parseBraces(rest, offset + at, locator), rest: ''}
  const tokens = tokenize(rest, offset + at, locator)
  const bare = tokens.problems.length === 0 && tokens.classes.length === 0 && tokens.attributes.some((a) => a.value !== true && isKnownKey(a.key))
  if (!bare) return {lang, block: undefined, rest}
  return {lang, block: {...tokens, dialect: 'runme-bare', start: offset + at, end: offset + at + rest.length}, rest: ''}
}

const lineHighlight = /^\{\s*\d+(?:\s*-\s*\d+)?(?:\s*,\s*\d+(?:\s*-\s*\d+)?)*\s*\}/

function parseBraces(text: string, offset: number, locator: Locator): AttributeBlock {
  const close = text.lastIndexOf('}')
  const problems: AttributeBlock['problems'] = []
  if (close === -1) {
    problems.push({message: 'attribute block is not closed: expected `}`', start: offset + text.length, end: offset + text.length})
  } else if (close !== text.length - 1) {
    const after = text.slice(close + 1)
    const lead = after.length - after.trimStart().length
    problems.push({message: `unexpected text after the attribute block: \`${after.trim()}\``, start: offset + close + 1 + lead, end: offset + text.length})
  }
  const inner = text.slice(1, close === -1 ? text.length : close)
  if (inner.trimStart().startsWith('"')) return parseJson(inner, offset + 1, offset, offset + text.length, locator, problems)
  const tokens = tokenize(inner, offset + 1, locator)
  const hasPandocToken = /(^|\s)[#.]/.test(inner)
  const dialect: Dialect = /^\s/.test(inner) && !hasPandocToken && inner.trim() !== '' ? 'runme-spaced' : 'pandoc'
  return {dialect, ...tokens, problems: [...problems, ...tokens.problems], start: offset, end: offset + text.length}
}

// Runme's JSON form: values become strings (`true` stays a flag), keys keep their places.
function parseJson(inner: string, innerOffset: number, start: number, end: number, locator: Locator, problems: AttributeBlock['problems']): AttributeBlock {
  const block: AttributeBlock = {dialect: 'runme-json', attributes: [], classes: [], start, end, problems}
  let data: unknown
  try {
    data = JSON.parse(`{${inner}}`)
  } catch (error) {
    problems.push({message: `invalid JSON attributes: ${(error as Error).message}`, start, end})
    return block
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return block
  let cursor = 0
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const quoted = JSON.stringify(key)
    const found = inner.indexOf(quoted, cursor)
    const keyAt = found === -1 ? 0 : found
    cursor = found === -1 ? cursor : found + quoted.length
    const valueText = JSON.stringify(value) ?? ''
    const valueAt = inner.indexOf(valueText, cursor)
    const stop = valueAt === -1 ? keyAt + quoted.length : valueAt + valueText.length
    const converted: string | true = value === true ? true : typeof value === 'string' ? value : value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
    block.attributes.push({key, value: converted, span: locator.span(innerOffset + keyAt, innerOffset + stop)})
  }
  return block
}

// Pandoc-style tokens: `#id`, `.class`, `key=value`, `key="v s"`, `key='v'`, `flag`.
export function tokenize(text: string, offset: number, locator: Locator): Pick<AttributeBlock, 'attributes' | 'classes' | 'problems'> {
  const attributes: RawAttribute[] = []
  const classes: string[] = []
  const problems: AttributeBlock['problems'] = []
  let at = 0
  while (at < text.length) {
    const char = text[at]!
    if (/[\s,]/.test(char)) {
      at++
      continue
    }
    const start = at
    if (char === '#' || char === '.') {
      at++
      while (at < text.length && !/[\s,]/.test(text[at]!)) at++
      const word = text.slice(start + 1, at)
      if (char === '.') classes.push(word)
      else attributes.push({key: 'id', value: word, span: locator.span(offset + start, offset + at)})
      continue
    }
    const keyMatch = /^[A-Za-z_][\w.-]*/.exec(text.slice(at))
    if (!keyMatch) {
      let stop = at
      while (stop < text.length && !/\s/.test(text[stop]!)) stop++
      problems.push({message: `unexpected \`${text.slice(at, stop)}\`: expected \`#id\`, \`key=value\` or a flag`, start: offset + at, end: offset + stop})
      at = stop
      continue
    }
    const key = keyMatch[0]
    at += key.length
    if (text[at] !== '=') {
      attributes.push({key, value: true, span: locator.span(offset + start, offset + at)})
      continue
    }
    at++
    let value = ''
    const quote = text[at]
    if (quote === '"' || quote === "'") {
      at++
      let closed = false
      while (at < text.length) {
        const c = text[at]!
        if (c === '\\' && at + 1 < text.length && (text[at + 1] === quote || text[at + 1] === '\\')) {
          value += text[at + 1]
          at += 2
          continue
        }
        if (c === quote) {
          closed = true
          at++
          break
        }
        value += c
        at++
      }
      if (!closed) problems.push({message: `the value of \`${key}\` is not closed: expected \`${quote}\``, start: offset + start, end: offset + at})
    } else {
      while (at < text.length && !/\s/.test(text[at]!) && !separatingComma(text, at)) value += text[at++]
    }
    attributes.push({key, value, span: locator.span(offset + start, offset + at)})
  }
  return {attributes, classes, problems}
}

// `{name=a, tag=x}`: a comma followed by a space (or ending the block) separates attributes;
// inside a value (`needs=a,b`) it stays part of the list.
function separatingComma(text: string, at: number): boolean {
  return text[at] === ',' && (at + 1 === text.length || /\s/.test(text[at + 1]!))
}
