// Terminal safety for step output (SPEC §11): printed output never carries control or escape sequences.
import {stripAnsi} from '../ansi.js'

// C0 controls but tab and newline, DEL, C1 controls, and bidirectional overrides (Trojan Source).
const controlCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
// Lone UTF-16 surrogates: invalid in XML and in UTF-8 output.
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g

// Output text made safe to print: escape sequences and control characters removed, `\r` overwrites resolved.
export function sanitizeOutput(text: string): string {
  return stripAnsi(text)
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => resolveCarriageReturns(line))
    .join('\n')
    .replace(controlCharacter, '')
    .replace(loneSurrogate, '\ufffd')
}

// One line made safe: like sanitizeOutput, with any newline turned into a space.
export function sanitizeLine(text: string): string {
  return sanitizeOutput(text).replace(/\n+/g, ' ')
}

// A progress bar redraws its line with `\r`: what a terminal would finally show is the last segment.
function resolveCarriageReturns(line: string): string {
  if (!line.includes('\r')) return line
  const segments = line.split('\r').filter((segment) => segment.length > 0)
  return segments.at(-1) ?? ''
}
