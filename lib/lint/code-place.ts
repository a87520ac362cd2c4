// Map an offset inside a block's content (`step.code`, which has the list indentation removed)
// back to a place in the source, so findings point at the exact line and column.
import type {Point, Span} from '../model.js'
import type {Locate} from './locate.js'

// The source place of `code[from..to]`, for a block whose content starts at `bodyStart`.
export function codePlace(
  code: string,
  from: number,
  to: number,
  block: {bodySpan: Span; fence?: {indent: number}},
  locate: Locate,
  source: string,
): Span {
  return {start: point(code, from, block, locate, source), end: point(code, Math.max(from, to), block, locate, source)}
}

function point(code: string, index: number, block: {bodySpan: Span; fence?: {indent: number}}, locate: Locate, source: string): Point {
  const before = code.slice(0, index)
  const lineIndex = before.split('\n').length - 1
  const column = index - (before.lastIndexOf('\n') + 1)
  const base = block.bodySpan.start
  const lineStart = locate(base.offset).offset - (base.column - 1)
  let start = lineStart
  for (let i = 0; i < lineIndex; i++) {
    const eol = source.indexOf('\n', start)
    if (eol === -1) break
    start = eol + 1
  }
  // The content line in the source may carry the fence's indentation (or a `> ` quote prefix).
  const codeLineStart = before.length - column
  const codeLine = code.slice(codeLineStart, code.indexOf('\n', codeLineStart) === -1 ? code.length : code.indexOf('\n', codeLineStart))
  const eol = source.indexOf('\n', start)
  const sourceLine = source.slice(start, eol === -1 ? source.length : eol)
  const shift = codeLine.length > 0 ? Math.max(0, sourceLine.indexOf(codeLine)) : 0
  return locate(start + shift + column)
}
