// Edits on one plain fence's opening line and body: the attribute block after the language, and
// `<placeholder>` → `${NAME}` in its `$` command lines (each rewrite listed).
import {placeholder, htmlTags} from '../lint/rules/placeholder-in-command.js'
import {lexShell, type SegmentKind} from '../lint/shell/lex.js'
import type {CodeBlock} from '../model.js'
import type {Edit} from '../writeback/edits.js'

// One `<placeholder>` rewrite, listed on stderr.
export interface Rewrite {
  line: number
  from: string
  to: string
  name: string
}

// The opening fence at a block's start: its language and where the info string ends.
export function openingFence(source: string, block: CodeBlock): {lang: string; langEnd: number; rest: string} | undefined {
  const start = block.span.start.offset
  const match = /^(`{3,}|~{3,})([ \t]*)([^\s`{]*)([^\n\r]*)/.exec(source.slice(start, start + 400))
  if (!match) return undefined
  return {lang: match[3]!, langEnd: start + match[1]!.length + match[2]!.length + match[3]!.length, rest: match[4]!}
}

// Insert `{…}` after the language (`bash` first when the fence has none).
export function infoEdit(fence: {lang: string; langEnd: number}, attributes: string[], defaultLang: string): Edit {
  const text = `${fence.lang === '' ? defaultLang : ''} {${attributes.join(' ')}}`
  return {start: fence.langEnd, end: fence.langEnd, text}
}

// `<virt-controller-pod>` → `VIRT_CONTROLLER_POD`.
export function inputName(word: string): string {
  const name = word.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')
  return /^[A-Z_]/.test(name) ? name : `_${name}`
}

// Rewrite placeholders in the `$` command lines (and their `\` continuations) of the block's raw body.
export function placeholderEdits(source: string, block: CodeBlock): {edits: Edit[]; rewrites: Rewrite[]} {
  const edits: Edit[] = []
  const rewrites: Rewrite[] = []
  let offset = block.bodySpan.start.offset
  const end = block.bodySpan.end.offset
  let line = block.bodySpan.start.line
  let continued = false
  const body = source.slice(offset, end)
  const segments = lexShell(body)
  const base = offset
  const kindAt = (at: number): SegmentKind => segments.find((segment) => segment.start <= at && at < segment.end)?.kind ?? 'code'
  for (const raw of body.split('\n')) {
    const isCommand: boolean = /^\s*(?:>\s*)*\$ /.test(raw) || continued
    continued = isCommand && /\\\r?$/.test(raw)
    if (isCommand) {
      for (const m of raw.matchAll(placeholder)) {
        const word = m[1]!
        if (/^\w+$/.test(word) && htmlTags.has(word.toLowerCase())) continue
        const name = inputName(word)
        const kind = kindAt(offset - base + m.index)
        if (kind === 'comment' || kind === 'heredoc-quoted') continue
        // Inside single quotes the shell expands nothing: close them around a double-quoted reference.
        const to = kind === 'single' ? `'"\${${name}}"'` : `\${${name}}`
        edits.push({start: offset + m.index, end: offset + m.index + m[0].length, text: to})
        rewrites.push({line, from: m[0], to, name})
      }
    }
    offset += raw.length + 1
    line++
  }
  return {edits, rewrites}
}
