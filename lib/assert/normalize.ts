// Output normalisation before matching (SPEC §2): CRLF→LF, ANSI escapes stripped,
// trailing spaces and final newlines ignored, so a terminal's quirks never fail a check.

import {stripAnsi} from '../ansi.js'

// The lines of a text as the matcher compares them: no CR, no ANSI, no trailing blanks, no final empty lines.
export function normalizeLines(text: string): string[] {
  const lines = stripAnsi(text.replace(/\r\n/g, '\n')).split('\n').map((line) => line.replace(/[ \t]+$/, ''))
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

// The same lines with their ANSI sequences kept (one for one with `normalizeLines`), for ` (esc)` lines.
export function rawLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((line) => line.replace(/[ \t]+$/, ''))
  return lines.slice(0, normalizeLines(text).length)
}

// The normalised text (lines joined with LF, no final newline): what a failure report shows as `actual`.
export function normalizeText(text: string): string {
  return normalizeLines(text).join('\n')
}
