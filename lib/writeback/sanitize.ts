// Make captured text safe to put in a Markdown document: no control or ANSI/OSC sequences, no
// region markers that the parser would read as ours (SPEC §11). The evidence logs keep the raw bytes.
import {stripAnsi} from '../ansi.js'

const controls = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const regionMarker = /<!--(?=\s*\/?runbook:)/g

// Strip escape sequences and control characters; CRLF becomes LF and a lone CR keeps what was drawn last.
export function stripControls(text: string): string {
  const lines = stripAnsi(text).replace(/\r\n/g, '\n').split('\n')
  return lines
    .map((line) => {
      const cut = line.replace(/\r+$/, '').lastIndexOf('\r')
      const visible = cut === -1 ? line : line.slice(cut + 1)
      return visible.replace(/\r/g, '').replace(controls, '')
    })
    .join('\n')
}

// Stripped text that also cannot open or close an owned region (`<!-- runbook:… -->` is defused).
export function sanitize(text: string): string {
  return stripControls(text).replace(regionMarker, '<!\u200b--')
}

// One line of prose, safe inside a paragraph: sanitised, newlines folded, Markdown punctuation escaped.
export function inlineText(text: string): string {
  return sanitize(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]<>#|!~&]/g, '\\$&')
    .trim()
}
