// The exact shape of a fenced block in the source: fence character, length, indent, info string, body.
import type {Code} from 'mdast'

// Where a fenced block's parts stand (offsets into the source).
export interface Fence {
  char: '`' | '~'
  length: number
  indent: number
  info: string // the info string, trimmed
  infoOffset: number // offset of its first character
  start: number
  end: number
  bodyStart: number
  bodyEnd: number
}

// Read the fence of a code node; undefined for indented code blocks.
export function readFence(source: string, node: Code): Fence | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const char = source[start]
  if (char !== '`' && char !== '~') return undefined
  let length = 0
  while (source[start + length] === char) length++
  let indent = 0
  while (start - indent - 1 >= 0 && (source[start - indent - 1] === ' ' || source[start - indent - 1] === '\t')) indent++
  const newline = source.indexOf('\n', start)
  const lineEnd = newline === -1 || newline > end ? end : newline
  const rawInfo = source.slice(start + length, lineEnd).replace(/\r$/, '')
  const lead = rawInfo.length - rawInfo.trimStart().length
  const info = rawInfo.trim()
  const bodyStart = Math.min(lineEnd + 1, end)
  let bodyEnd = end
  const lastLineStart = source.lastIndexOf('\n', end - 1) + 1
  if (lastLineStart >= bodyStart) {
    const closing = /^[ \t>]*([`~]+)[ \t]*\r?$/.exec(source.slice(lastLineStart, end))
    if (closing && closing[1]![0] === char && closing[1]!.length >= length) bodyEnd = lastLineStart
  } else if (lineEnd === end) {
    bodyEnd = bodyStart
  }
  return {char, length, indent, info, infoOffset: start + length + lead, start, end, bodyStart, bodyEnd: Math.max(bodyStart, bodyEnd)}
}
