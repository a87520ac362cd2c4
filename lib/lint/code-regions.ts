// Code regions of a Markdown text as CommonMark sees them, from micromark's events (no mdast built):
// fenced and indented code, code spans, and HTML blocks that open with `<pre` or `<code`.
import {parse, postprocess, preprocess} from 'micromark'

// A half-open range of source offsets.
export interface Region {
  start: number
  end: number
}

const codeTypes = new Set(['codeFenced', 'codeIndented', 'codeText'])
const htmlCode = /^[ \t]*<(?:pre|code)(?=[\s>/]|$)/i

// The code regions of `source`, in document order (nested ones included).
export function codeRegions(source: string): Region[] {
  const events = postprocess(parse().document().write(preprocess()(source, undefined, true)))
  const regions: Region[] = []
  const shift = source.startsWith('\uFEFF') ? 1 : 0 // micromark drops a byte-order mark from its offsets
  for (const [kind, token] of events) {
    if (kind !== 'enter') continue
    const start = token.start.offset + shift
    const end = token.end.offset + shift
    if (codeTypes.has(token.type) || (token.type === 'htmlFlow' && htmlCode.test(source.slice(start, Math.min(end, start + 16))))) {
      regions.push({start, end})
    }
  }
  return regions
}
