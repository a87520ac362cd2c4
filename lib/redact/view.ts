// What a reader sees of a text once colours and line wrapping are gone: the text without escape
// sequences, control characters and line breaks, with a map back to the original offsets. The
// redactor searches this view too, so `grep --color` splitting a token, or `base64` wrapping it at
// 76 columns, cannot hide it.
import {escapeSequenceSource} from '../ansi.js'

const removable = new RegExp(`(?:${escapeSequenceSource}|[\\u0000-\\u0008\\u000a-\\u001f\\u007f])+`, 'g')

// The view and, per kept segment, where it starts in the view and in the original.
export interface TextView {
  text: string
  viewStarts: number[]
  originalStarts: number[]
  originalLength: number
}

// The view of `text`, or undefined when nothing is removed (the text is its own view).
export function viewOf(text: string): TextView | undefined {
  removable.lastIndex = 0
  if (!removable.test(text)) return undefined
  removable.lastIndex = 0
  const pieces: string[] = []
  const viewStarts: number[] = []
  const originalStarts: number[] = []
  let at = 0
  let length = 0
  for (const match of text.matchAll(removable)) {
    if (match.index > at) {
      viewStarts.push(length)
      originalStarts.push(at)
      pieces.push(text.slice(at, match.index))
      length += match.index - at
    }
    at = match.index + match[0].length
  }
  if (at < text.length) {
    viewStarts.push(length)
    originalStarts.push(at)
    pieces.push(text.slice(at))
  }
  return {text: pieces.join(''), viewStarts, originalStarts, originalLength: text.length}
}

// The original offset of the view character at `offset` (the original's length past the end).
export function originalOffset(view: TextView, offset: number): number {
  if (offset >= view.text.length) return view.originalLength
  let low = 0
  let high = view.viewStarts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (view.viewStarts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return view.originalStarts[low]! + offset - view.viewStarts[low]!
}
