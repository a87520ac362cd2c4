// Replace every form of every secret with `***`, on whole texts and on streams of chunks.
import {secretForms} from './forms.js'

// Masks secrets in text; `stream()` masks chunked output, catching a secret split across chunks.
// `add()` teaches it values found during the run (a step that exports `DEPLOY_TOKEN`): every
// later text and every open stream masks them too.
export interface Redactor {
  redact(text: string): string
  stream(): {write(chunk: string): string; end(): string}
  add(values: string[]): void
}

const mask = '***'

interface Masking {
  pattern: RegExp | undefined
  hold: number // characters a stream keeps back: the longest form minus one
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
  const redact = (text: string) => (masking.pattern ? text.replace(masking.pattern, mask) : text)
  return {
    redact,
    add,
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
          const safeEnd = Math.max(0, text.length - hold)
          let out = ''
          let at = 0
          pattern.lastIndex = 0
          for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
            if (match.index >= safeEnd) break
            out += text.slice(at, match.index) + mask
            at = match.index + match[0].length
          }
          const emit = Math.max(at, safeEnd)
          out += text.slice(at, emit)
          held = text.slice(emit)
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
