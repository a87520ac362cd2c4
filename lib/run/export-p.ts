// Parse bash's `export -p` output back into a map: `declare -x NAME="v"`, `NAME=$'a\nb'`, `NAME`.
// Bash writes it with a builtin, so reading the state costs the step no extra process.

const simpleEscapes: Record<string, number> = {
  a: 7, b: 8, e: 27, E: 27, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63,
}

// Variables from `export -p` text; undefined when the text is not what bash writes.
export function parseExportP(text: string): Record<string, string> | undefined {
  const env: Record<string, string> = {}
  const head = /declare -[A-Za-z-]+ ([A-Za-z_][A-Za-z0-9_]*)(=?)/y
  let at = 0
  while (at < text.length) {
    if (text[at] === '\n') {
      at++
      continue
    }
    head.lastIndex = at
    const found = head.exec(text)
    if (!found) return undefined
    const name = found[1]!
    at += found[0].length
    if (found[2] !== '=') continue // exported but never set: not in a child's environment
    if (text[at] === '"') {
      const read = readDouble(text, at + 1)
      if (!read) return undefined
      env[name] = read.value
      at = read.end
    } else if (text.startsWith("$'", at)) {
      const read = readAnsi(text, at + 2)
      if (!read) return undefined
      env[name] = read.value
      at = read.end
    } else {
      return undefined
    }
  }
  return env
}

const plainRun = /[^"\\]*/y

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
  const pushText = (s: string) => bytes.push(...Buffer.from(s, 'utf8'))
  for (let i = start; i < text.length; i++) {
    const c = text[i]!
    if (c === "'") return {value: Buffer.from(bytes).toString('utf8'), end: i + 1}
    if (c !== '\\') {
      const point = String.fromCodePoint(text.codePointAt(i)!)
      pushText(point)
      i += point.length - 1
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
