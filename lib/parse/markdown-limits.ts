// Caps checked line by line before the Markdown parser sees a text: line length and list/quote
// nesting. micromark's time and stack grow badly with both (a 20 KB `- - -` line, a 1,000-level
// list), so a hostile document is refused at once with a located diagnostic instead.

// How long a line and how deep a nesting may be; the environment can raise or lower both.
export interface MarkdownLimits {
  maxLineLength: number
  maxNesting: number
}

// The defaults, and the environment variables that override them.
export const defaultMarkdownLimits: MarkdownLimits = {maxLineLength: 100_000, maxNesting: 100}
export const markdownLimitVariables = {maxLineLength: 'RUNBOOK_MAX_LINE_LENGTH', maxNesting: 'RUNBOOK_MAX_NESTING'} as const

// The limits in force: RUNBOOK_MAX_LINE_LENGTH / RUNBOOK_MAX_NESTING when set to a positive integer.
export function markdownLimits(env: NodeJS.ProcessEnv = process.env): MarkdownLimits {
  const read = (name: string, fallback: number): number => {
    const value = env[name]
    return value !== undefined && /^[1-9][0-9]{0,9}$/.test(value.trim()) ? Number(value.trim()) : fallback
  }
  return {
    maxLineLength: read(markdownLimitVariables.maxLineLength, defaultMarkdownLimits.maxLineLength),
    maxNesting: read(markdownLimitVariables.maxNesting, defaultMarkdownLimits.maxNesting),
  }
}

// The first place that breaks a limit: its offset in `text` and what is wrong, or undefined.
export function findLimitBreach(text: string, limits: MarkdownLimits): {offset: number; message: string} | undefined {
  // Content columns of the open list items; a line indented less than one closes it.
  const open: number[] = []
  let fence: string | undefined
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    if (end - start > limits.maxLineLength) {
      return {offset: start + limits.maxLineLength, message: `Line longer than ${limits.maxLineLength} characters (${end - start}); raise ${markdownLimitVariables.maxLineLength} to allow it`}
    }
    const breach = scanLine(text, start, end, open, limits.maxNesting, fence)
    if (typeof breach === 'number') {
      return {offset: breach, message: `Lists or quotes nested deeper than ${limits.maxNesting} levels; raise ${markdownLimitVariables.maxNesting} to allow it`}
    }
    fence = breach.fence
    start = end + 1
  }
  return undefined
}

// Count the markers at the start of one line; a number is the offset where nesting went too deep.
function scanLine(text: string, start: number, end: number, open: number[], max: number, fence: string | undefined): number | {fence: string | undefined} {
  let at = start
  let column = 0
  let quotes = 0
  let markers = false
  for (;;) {
    while (at < end && (text[at] === ' ' || text[at] === '\t')) {
      column = text[at] === '\t' ? column + 4 - (column % 4) : column + 1
      at++
    }
    if (at >= end) return {fence} // a blank line closes nothing
    if (fence === undefined && !markers) while (open.length > 0 && open[open.length - 1]! > column) open.pop()
    const fenceMark = /^(`{3,}|~{3,})/.exec(text.slice(at, Math.min(end, at + 64)))?.[1]
    if (fenceMark) {
      if (fence === undefined) return {fence: fenceMark}
      if (fenceMark[0] === fence[0] && fenceMark.length >= fence.length) return {fence: undefined}
    }
    if (fence !== undefined) return {fence}
    const width = markerWidth(text, at, end)
    if (width === 0) return {fence}
    if (text[at] === '>') quotes++
    else open.push(column + width + 1)
    markers = true
    if (open.length + quotes > max) return at
    at += width
    column += width
  }
}

// The length of a list marker (`-`, `*`, `+`, `1.`, `1)`) or quote marker (`>`) at `at`, or 0.
function markerWidth(text: string, at: number, end: number): number {
  const char = text[at]
  if (char === '>') return 1
  const next = (i: number): boolean => i >= end || text[i] === ' ' || text[i] === '\t'
  if (char === '-' || char === '*' || char === '+') return next(at + 1) ? 1 : 0
  let i = at
  while (i < end && i - at < 9 && text[i]! >= '0' && text[i]! <= '9') i++
  if (i === at || (text[i] !== '.' && text[i] !== ')')) return 0
  return next(i + 1) ? i + 1 - at : 0
}
