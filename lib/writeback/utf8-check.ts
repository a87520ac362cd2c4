// Write-back reads a runbook as UTF-8, so bytes that are not UTF-8 would come back as U+FFFD.
// Before such a rewrite, find the first bad byte so the run can refuse instead of corrupting.
import {readRegularFileSync} from '../read-file.js'

// Where the first byte that is not valid UTF-8 stands (1-based line and column), or undefined.
export function firstInvalidUtf8(bytes: Uint8Array): {line: number; column: number; byte: number} | undefined {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!
    if (b === 0x0a) {
      line++
      lineStart = ++i
      continue
    }
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    let ok = length > 0 && i + length <= bytes.length
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80
    if (ok && length === 3) ok = !(b === 0xe0 && bytes[i + 1]! < 0xa0) && !(b === 0xed && bytes[i + 1]! > 0x9f)
    if (ok && length === 4) ok = !(b === 0xf0 && bytes[i + 1]! < 0x90) && !(b === 0xf4 && bytes[i + 1]! > 0x8f)
    if (!ok) return {line, column: i - lineStart + 1, byte: b}
    i += length
  }
  return undefined
}

// Why `file` cannot be rewritten byte for byte, or undefined when it can (checked only if its text holds U+FFFD).
export function rewriteRefusal(file: string, absolute: string, text: string): string | undefined {
  if (!text.includes('\uFFFD')) return undefined
  const bad = firstInvalidUtf8(readRegularFileSync(absolute))
  if (!bad) return undefined
  const hex = bad.byte.toString(16).toUpperCase().padStart(2, '0')
  return `cannot rewrite ${file}: byte 0x${hex} at ${file}:${bad.line}:${bad.column} is not UTF-8, and writing the file back would replace it; fix the encoding or use --out`
}
