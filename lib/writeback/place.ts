// Where inserted text goes: line ends, the container prefix of a line (list indent, `> `), region spans.
import type {Step} from '../model.js'

// Offset of the end of the line holding `offset` (before its `\r\n` or `\n`).
export function lineEnd(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset)
  if (newline === -1) return source.length
  return source[newline - 1] === '\r' && newline - 1 >= offset ? newline - 1 : newline
}

// The indentation and blockquote markers (`  `, `> `) that start the line holding `offset`.
export function linePrefix(source: string, offset: number): string {
  const start = source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1
  return /^[ \t>]*/.exec(source.slice(start, lineEnd(source, start)))![0]
}

// The end of a step's last block (the step, or its last `{expect}`), or undefined when the fence is
// never closed (text inserted after it would land inside the code block).
export function stepAnchor(step: Step): number | undefined {
  const last = step.expectations.length > 0 ? step.expectations[step.expectations.length - 1]! : step
  const closed = last.bodySpan.end.offset < last.span.end.offset
  if (!closed) return undefined
  return Math.max(step.span.end.offset, last.span.end.offset)
}

// Join region lines with the document's EOL, container prefix on every line (blank lines unpadded).
export function joinLines(lines: readonly string[], eol: string, prefix: string): string {
  const blank = prefix.trimEnd()
  return lines.map((line, index) => (index === 0 ? line : line === '' ? blank : prefix + line)).join(eol)
}
