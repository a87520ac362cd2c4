// cram-style ` (esc)` lines: `\t`, `\xNN` and friends stand for characters a document cannot show.

const named: Readonly<Record<string, string>> = {t: '\t', r: '\r', n: '\n', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\'}

// Decode the escapes of an ` (esc)` line (without its suffix).
export function decodeEscapes(text: string): string {
  return text.replace(/\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|.)/g, (whole, code: string) => {
    if (code.length > 1) return String.fromCharCode(Number.parseInt(code.slice(1), 16))
    return named[code] ?? whole
  })
}

// True when a line holds characters that only an ` (esc)` line can show.
export function needsEscaping(line: string): boolean {
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(line)
}

// The ` (esc)` form of a line: backslashes doubled, control characters as `\xNN`.
export function encodeEscapes(line: string): string {
  return line.replace(/[\\\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (char) => {
    if (char === '\\') return '\\\\'
    return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`
  })
}
