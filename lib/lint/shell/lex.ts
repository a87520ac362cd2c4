// A small shell lexer: splits a script into unquoted code, quotes, comments and heredoc bodies,
// so rules know whether `$VAR` expands or `<token>` is part of a command that would run.

// The kind of a piece of script.
export type SegmentKind = 'code' | 'single' | 'double' | 'comment' | 'heredoc' | 'heredoc-quoted'

// One piece of script, as offsets into the script.
export interface Segment {
  kind: SegmentKind
  start: number
  end: number
}

// Split `script` into segments covering it entirely, in order.
export function lexShell(script: string): Segment[] {
  const segments: Segment[] = []
  const pending: Array<{delimiter: string; quoted: boolean; strip: boolean}> = []
  let kind: SegmentKind = 'code'
  let start = 0
  const push = (end: number, next: SegmentKind) => {
    if (end > start) segments.push({kind, start, end})
    kind = next
    start = end
  }
  let i = 0
  const n = script.length
  while (i < n) {
    const c = script[i]!
    if (c === '\n' && pending.length > 0 && (kind === 'code' || kind === 'comment')) {
      push(i + 1, 'code')
      i = readHeredocs(script, i + 1, pending, segments)
      start = i
      continue
    }
    if (kind === 'code') {
      if (c === '\\') i += 2
      else if (c === "'") {
        const ansi = script[i - 1] === '$'
        push(i, 'single')
        i = closeSingle(script, i + 1, ansi)
        push(i, 'code')
      } else if (c === '"') {
        push(i, 'double')
        i = closeDouble(script, i + 1)
        push(i, 'code')
      } else if (c === '#' && (i === 0 || /[\s;&|(]/.test(script[i - 1]!))) {
        push(i, 'comment')
        const eol = script.indexOf('\n', i)
        i = eol === -1 ? n : eol
        push(i, 'code')
      } else if (c === '<' && script[i + 1] === '<' && script[i + 2] === '<') {
        i += 3 // a here-string, not a heredoc
      } else if (c === '<' && script[i + 1] === '<' && !inArithmetic(script, i)) {
        const m = /^<<(-?)[ \t]*(?:'([^'\n]*)'|"([^"\n]*)"|\\?([A-Za-z0-9_.-]+))/.exec(script.slice(i, i + 200))
        if (m) {
          const quoted = m[2] !== undefined || m[3] !== undefined || m[0].includes('\\')
          pending.push({delimiter: m[2] ?? m[3] ?? m[4]!, quoted, strip: m[1] === '-'})
          i += m[0].length
        } else i += 2
      } else i++
    } else i++
  }
  push(n, 'code')
  return segments
}

// Read the bodies of pending heredocs starting at `at`; returns the offset after the last one.
function readHeredocs(script: string, at: number, pending: Array<{delimiter: string; quoted: boolean; strip: boolean}>, segments: Segment[]): number {
  let i = at
  for (const doc of pending.splice(0)) {
    const bodyStart = i
    let end = script.length
    let after = script.length
    let lineStart = i
    while (lineStart < script.length) {
      const eol = script.indexOf('\n', lineStart)
      const lineEnd = eol === -1 ? script.length : eol
      let line = script.slice(lineStart, lineEnd).replace(/\r$/, '')
      if (doc.strip) line = line.replace(/^\t+/, '')
      if (line === doc.delimiter) {
        end = lineStart
        after = eol === -1 ? script.length : eol + 1
        break
      }
      lineStart = lineEnd + 1
    }
    if (end > bodyStart) segments.push({kind: doc.quoted ? 'heredoc-quoted' : 'heredoc', start: bodyStart, end})
    if (after > end) segments.push({kind: 'code', start: end, end: after})
    i = after
  }
  return i
}

// `(( x << 2 ))` and `$(( … << … ))` shift bits; they open no heredoc.
function inArithmetic(script: string, at: number): boolean {
  let from = at
  while (from > 0 && at - from < 400 && script[from - 1] !== '\n') from--
  const before = script.slice(from, at)
  return (before.match(/\(\(/g)?.length ?? 0) > (before.match(/\)\)/g)?.length ?? 0)
}

function closeSingle(script: string, from: number, ansi: boolean): number {
  for (let i = from; i < script.length; i++) {
    if (ansi && script[i] === '\\') i++
    else if (script[i] === "'") return i + 1
  }
  return script.length
}

function closeDouble(script: string, from: number): number {
  for (let i = from; i < script.length; i++) {
    if (script[i] === '\\') i++
    else if (script[i] === '"') return i + 1
  }
  return script.length
}

// The script with every segment not of `kinds` blanked (newlines kept), for regex searches.
export function keepSegments(script: string, segments: Segment[], kinds: readonly SegmentKind[]): string {
  let out = ''
  for (const s of segments) {
    const text = script.slice(s.start, s.end)
    out += kinds.includes(s.kind) ? text : text.replace(/[^\n]/g, ' ')
  }
  return out
}
