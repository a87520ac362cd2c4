// Parse bash's `declare -p` / `export -p` output back into records and a map: `declare -x NAME="v"`, `NAME=$'a\nb'`, `NAME`.
// Bash writes it with a builtin, so reading the state costs the step no extra process.

const simpleEscapes: Record<string, number> = {
  a: 7, b: 8, e: 27, E: 27, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63,
}

// One `declare -p` record: its flags, its name, its value when it is a set scalar, and its raw text.
export interface DeclareRecord {
  flags: string
  name: string
  value?: string
  raw: string
}

// Records of `declare -p` (or `export -p`) text; undefined when the text is not what bash writes.
// From one step to the next only a few of bash's ~60-250 variables change, so a step pays for
// parsing what changed: bash lists them sorted by name, and a record equal to the next one of the
// last text (compared in place, without copying the line) is taken as it was; other one-line
// records seen before come from a small cache.
export function parseDeclareP(text: string): DeclareRecord[] | undefined {
  const records: DeclareRecord[] = []
  const before = lastRecords
  let next = 0 // the record of the last text expected here
  let at = 0
  while (at < text.length) {
    if (text[at] === '\n') {
      at++
      continue
    }
    const expected = before[next]
    if (expected !== undefined) {
      const end = at + expected.raw.length
      // A slice and `===`: about three times faster than `startsWith` with a position.
      if ((end === text.length || text.charCodeAt(end) === 10) && text.slice(at, end) === expected.raw) {
        records.push(expected)
        next++
        at = end
        continue
      }
    }
    const newline = text.indexOf('\n', at)
    const lineEnd = newline === -1 ? text.length : newline
    const known = lineCache.get(text.slice(at, lineEnd))
    let record = known
    if (record) {
      at = lineEnd
    } else {
      const read = readRecord(text, at)
      if (!read) return undefined
      record = read.record
      if (read.end === lineEnd) {
        if (lineCache.size >= 4096) lineCache.clear()
        lineCache.set(record.raw, record)
      }
      at = read.end
    }
    records.push(record)
    // Skip the last text's records that sort before this one (changed or gone).
    while (next < before.length && before[next]!.name <= record.name) next++
  }
  lastRecords = records
  return records
}

const lineCache = new Map<string, DeclareRecord>()
let lastRecords: DeclareRecord[] = []
const head = /declare -([A-Za-z-]+) ([A-Za-z_][A-Za-z0-9_]*)(=?)/y

// The record that starts at `at`, and where it ends.
function readRecord(text: string, at: number): {record: DeclareRecord; end: number} | undefined {
  head.lastIndex = at
  const found = head.exec(text)
  if (!found) return undefined
  const record: DeclareRecord = {flags: found[1]!, name: found[2]!, raw: ''}
  let end = at + found[0].length
  if (found[3] === '=') {
    if (text[end] === '"') {
      const read = readDouble(text, end + 1)
      if (!read) return undefined
      record.value = read.value
      end = read.end
    } else if (text.startsWith("$'", end)) {
      const read = readAnsi(text, end + 2)
      if (!read) return undefined
      record.value = read.value
      end = read.end
    } else if (text[end] === '(') {
      const close = skipArray(text, end + 1)
      if (close === undefined) return undefined
      end = close
    } else {
      return undefined
    }
  }
  record.raw = text.slice(at, end)
  return {record, end}
}

// Variables from `export -p` text (set, exported scalars); undefined when bash did not write it.
export function parseExportP(text: string): Record<string, string> | undefined {
  const records = parseDeclareP(text)
  if (!records) return undefined
  const env: Record<string, string> = {}
  for (const record of records) if (record.value !== undefined && record.flags.includes('x')) env[record.name] = record.value
  return env
}

// The end of an array value `([0]="a" [k]=$'b')`, just after its closing parenthesis.
function skipArray(text: string, start: number): number | undefined {
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (c === ')') return i + 1
    if (c === '"') {
      const read = readDouble(text, i + 1)
      if (!read) return undefined
      i = read.end - 1
    } else if (c === '$' && text[i + 1] === "'") {
      const read = readAnsi(text, i + 2)
      if (!read) return undefined
      i = read.end - 1
    }
  }
  return undefined
}

const plainRun = /[^"\\]*/y
const plainAnsi = /[^'\\]*/y

function readDouble(text: string, start: number): {value: string; end: number} | undefined {
  let value = ''
  let from = start
  for (;;) {
    plainRun.lastIndex = from
    plainRun.exec(text)
    const stop = plainRun.lastIndex
    value += text.slice(from, stop)
    if (stop >= text.length) return undefined
    if (text[stop] === '"') return {value, end: stop + 1}
    // A backslash before `"\$` or a backtick escapes it; before anything else it is itself.
    const next = text[stop + 1] ?? ''
    if (next !== '' && '"\\$`'.includes(next)) {
      value += next
      from = stop + 2
    } else {
      value += '\\'
      from = stop + 1
    }
  }
}

// `$'…'` holds bytes: octal and hex escapes may spell UTF-8 sequences, so decode at the end.
function readAnsi(text: string, start: number): {value: string; end: number} | undefined {
  const bytes: number[] = []
  const pushText = (s: string) => {
    for (const byte of Buffer.from(s, 'utf8')) bytes.push(byte)
  }
  for (let i = start; i < text.length; i++) {
    const c = text[i]!
    if (c === "'") return {value: Buffer.from(bytes).toString('utf8'), end: i + 1}
    if (c !== '\\') {
      // A run of plain characters up to the next escape or the closing quote, in one go.
      plainAnsi.lastIndex = i
      plainAnsi.exec(text)
      pushText(text.slice(i, plainAnsi.lastIndex))
      i = plainAnsi.lastIndex - 1
      continue
    }
    const next = text[i + 1] ?? ''
    if (next in simpleEscapes) {
      bytes.push(simpleEscapes[next]!)
      i++
    } else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))![0]
      bytes.push(parseInt(digits, 8) & 0xff)
      i += digits.length
    } else if (next === 'x') {
      const digits = /^[0-9A-Fa-f]{1,2}/.exec(text.slice(i + 2, i + 4))?.[0]
      if (!digits) {
        pushText('\\x')
        i++
        continue
      }
      bytes.push(parseInt(digits, 16))
      i += 1 + digits.length
    } else if (next === 'u' || next === 'U') {
      const digits = /^[0-9A-Fa-f]{1,8}/.exec(text.slice(i + 2, i + (next === 'u' ? 6 : 10)))?.[0]
      if (!digits) {
        pushText(`\\${next}`)
        i++
        continue
      }
      pushText(String.fromCodePoint(parseInt(digits, 16)))
      i += 1 + digits.length
    } else if (next === 'c') {
      const control = text[i + 2] ?? ''
      bytes.push(control.toUpperCase().charCodeAt(0) & 0x1f)
      i += 2
    } else {
      pushText(c)
    }
  }
  return undefined
}
