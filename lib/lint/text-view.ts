// A cheap view of a Markdown file for the rules that apply to any document: which ranges are code
// (fences, inline code), comments or front matter, and the prose with those ranges blanked out.
// A line scanner, not a full CommonMark parse, so plain docs are linted without building an mdast;
// files with link candidates also get micromark's code regions (indented code, `<pre>` blocks).
import {codeRegions} from './code-regions.js'
import {createLocate, type Locate} from './locate.js'

// A fenced block found by the scanner.
export interface Fence {
  start: number // offset of the opening fence line
  end: number // offset after the closing fence line (or end of file)
  infoStart: number // offset of the info string
  info: string
  marker: string // the fence characters, e.g. ```
  indent: number
  bodyStart: number
  bodyEnd: number
}

// The file as lint's text rules see it.
export interface TextView {
  source: string
  locate: Locate
  fences: Fence[]
  // The source with code, comments and front matter replaced by spaces (newlines kept), so
  // regexes over it give offsets into the source.
  prose: string
  // The source with code blanked but comments kept (for disable comments).
  noCode: string
}

// Code the line scanner cannot see around a link candidate: a candidate in a run of lines indented
// by 4+ columns that starts the file or follows a blank line or a heading (where indented code can
// start), or a `<pre`/`<code` tag in a file with a candidate. Only then is the CommonMark tokenizer run.
const indentedLink = /(?:(?<![\s\S])|\n[ \t]*\r?\n|^#{1,6}[ \t].*\r?\n)(?:(?: {4}|\t).*\r?\n)*?(?: {4}|\t).*(?:\]\(|\]:|href=|src=)/m
const htmlCode = /<(?:pre|code)[\s>/]/i
const linkCandidate = /\]\(|\]:|href=|src=/

const fenceOpen = /^( {0,3}|[ \t>]*)(`{3,}|~{3,})(.*)$/

// Scan `source` into a TextView.
export function createTextView(source: string): TextView {
  const fences: Fence[] = []
  const lines = source.split('\n')
  let offset = 0
  let open: (Fence & {char: string; len: number}) | undefined
  let frontEnd = 0
  if (source.startsWith('---\n') || source.startsWith('---\r\n')) {
    const close = /\n(---|\.\.\.)[ \t]*\r?(\n|$)/.exec(source.slice(3))
    if (close) frontEnd = 3 + close.index + close[0].length
  }
  for (const line of lines) {
    const next = offset + line.length + 1
    if (offset < frontEnd) {
      offset = next
      continue
    }
    const text = line.endsWith('\r') ? line.slice(0, -1) : line
    if (open) {
      const m = /^[ \t>]*(`{3,}|~{3,})[ \t]*$/.exec(text)
      if (m && m[1]![0] === open.char && m[1]!.length >= open.len) {
        open.bodyEnd = offset
        open.end = Math.min(next, source.length)
        fences.push(open)
        open = undefined
      }
    } else {
      const m = fenceOpen.exec(text)
      if (m && !(m[2]![0] === '`' && m[3]!.includes('`'))) {
        const indent = m[1]!.length
        open = {
          start: offset,
          end: source.length,
          infoStart: offset + indent + m[2]!.length,
          info: m[3]!.trim(),
          marker: m[2]!,
          indent,
          bodyStart: Math.min(next, source.length),
          bodyEnd: source.length,
          char: m[2]![0]!,
          len: m[2]!.length,
        }
      }
    }
    offset = next
  }
  if (open) fences.push(open)
  const chars = source.split('')
  const blank = (from: number, to: number, target: string[]) => {
    for (let i = from; i < to && i < target.length; i++) if (target[i] !== '\n' && target[i] !== '\r') target[i] = ' '
  }
  blank(0, frontEnd, chars)
  for (const f of fences) blank(f.start, f.end, chars)
  blankInlineCode(chars, blank)
  if (indentedLink.test(source) || (htmlCode.test(source) && linkCandidate.test(source))) for (const r of codeRegions(source)) blank(r.start, r.end, chars)
  const noCode = chars.join('')
  const prose = chars.slice()
  for (const m of noCode.matchAll(/<!--[\s\S]*?(-->|$)/g)) blank(m.index, m.index + m[0].length, prose)
  return {source, locate: createLocate(source), fences, prose: prose.join(''), noCode}
}

// Blank `code spans` (matching backtick runs within one paragraph) outside fences.
function blankInlineCode(chars: string[], blank: (from: number, to: number, target: string[]) => void): void {
  const text = chars.join('')
  const run = /`+/g
  const breaks = [...text.matchAll(/\n[ \t]*\r?\n/g)].map((b) => b.index)
  let nextBreak = 0
  let m: RegExpExecArray | null
  while ((m = run.exec(text))) {
    if (m.index > 0 && text[m.index - 1] === '\\') continue
    const ticks = m[0]
    let search = m.index + ticks.length
    let close = -1
    while (nextBreak < breaks.length && breaks[nextBreak]! < m.index) nextBreak++
    const limit = breaks[nextBreak] ?? text.length
    for (;;) {
      const at = text.indexOf(ticks, search)
      if (at === -1 || at >= limit) break
      if (text[at + ticks.length] === '`') {
        search = at + ticks.length
        while (text[search] === '`') search++
        continue
      }
      close = at
      break
    }
    if (close === -1) continue
    blank(m.index, close + ticks.length, chars)
    run.lastIndex = close + ticks.length
  }
}
