// Replace every form of every secret with `***`, on whole texts and on streams of chunks.
import {secretForms} from './forms.js'
import {originalOffset, viewOf, type TextView} from './view.js'

// Masks secrets in text; `stream()` masks chunked output, catching a secret split across chunks.
// `add()` teaches it values found during the run (a step that exports `DEPLOY_TOKEN`): every
// later text and every open stream masks them too. A secret is found in the text as written and
// in its view without colours and line breaks (lib/redact/view.ts); masking keeps the line breaks.
export interface Redactor {
  redact(text: string): string
  stream(): {write(chunk: string): string; end(): string}
  add(values: string[]): void
  knowsSecrets?(): boolean // false while there is nothing to mask (every text comes back unchanged)
}

const mask = '***'

interface Masking {
  pattern: RegExp | undefined
  hold: number // view characters a stream keeps back: the longest form minus one
}

// Build a redactor for these secret values (it masks nothing until it knows a value).
export function createRedactor(values: string[]): Redactor {
  const known = new Set<string>()
  let masking: Masking = {pattern: undefined, hold: 0}
  const add = (more: string[]) => {
    const before = known.size
    for (const value of more) for (const form of secretForms(value)) known.add(form)
    if (known.size === before) return
    const forms = [...known].sort((a, b) => b.length - a.length)
    masking = {pattern: new RegExp(forms.map(escapeRegExp).join('|'), 'g'), hold: forms[0]!.length - 1}
  }
  add(values)
  const redact = (text: string) => {
    const {pattern} = masking
    if (!pattern) return text
    return maskSeen(text.replace(pattern, mask), pattern, 0).out
  }
  return {
    redact,
    add,
    knowsSecrets: () => masking.pattern !== undefined,
    stream() {
      let held = ''
      return {
        write(chunk) {
          const {pattern, hold} = masking
          const text = held + chunk
          if (!pattern) {
            held = ''
            return text
          }
          const {out, rest} = maskSeen(text, pattern, hold)
          held = rest
          return out
        },
        end() {
          const rest = redact(held)
          held = ''
          return rest
        },
      }
    },
  }
}

// Mask matches of `pattern` in the view of `text`; keep back what a later chunk could still extend
// (the last `hold` view characters, and an escape sequence cut in half); `hold` 0: the text is whole.
function maskSeen(text: string, pattern: RegExp, hold: number): {out: string; rest: string} {
  const view: TextView | undefined = viewOf(text)
  const seen = view ? view.text : text
  const toOriginal = (offset: number) => (view ? originalOffset(view, offset) : Math.min(offset, text.length))
  const safe = Math.max(0, seen.length - hold)
  let out = ''
  let at = 0
  pattern.lastIndex = 0
  for (let match = pattern.exec(seen); match; match = pattern.exec(seen)) {
    if (match.index >= safe) break
    const start = toOriginal(match.index)
    const end = toOriginal(match.index + match[0].length - 1) + 1
    out += text.slice(at, start) + mask + text.slice(start, end).replace(/[^\n]/g, '')
    at = end
  }
  if (hold === 0) return {out: out + text.slice(at), rest: ''}
  let emit = Math.max(at, toOriginal(safe))
  const escape = text.lastIndexOf('\u001b')
  if (escape !== -1 && escape < emit && escape > text.length - 64) emit = Math.max(at, escape)
  return {out: out + text.slice(at, emit), rest: text.slice(emit)}
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
