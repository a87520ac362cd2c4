// Replace every form of every secret with `***`, on whole texts and on streams of chunks.
import {secretForms} from './forms.js'

// Masks secrets in text; `stream()` masks chunked output, catching a secret split across chunks.
export interface Redactor {
  redact(text: string): string
  stream(): {write(chunk: string): string; end(): string}
}

const mask = '***'

// Build a redactor for these secret values (an identity redactor when there are none).
export function createRedactor(values: string[]): Redactor {
  const forms = [...new Set(values.flatMap(secretForms))].sort((a, b) => b.length - a.length)
  if (forms.length === 0) {
    return {redact: (text) => text, stream: () => ({write: (chunk) => chunk, end: () => ''})}
  }
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g')
  const hold = forms[0]!.length - 1
  const redact = (text: string) => text.replace(pattern, mask)
  return {
    redact,
    stream() {
      let held = ''
      return {
        write(chunk) {
          const text = held + chunk
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
