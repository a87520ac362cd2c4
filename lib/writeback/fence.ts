// Fences that captured text cannot close: longer than any backtick or tilde run inside.

// The longest run of `char` anywhere in `text`.
export function longestRun(text: string, char: '`' | '~'): number {
  let best = 0
  let run = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === char) best = Math.max(best, ++run)
    else run = 0
  }
  return best
}

// A backtick fence for `text`: at least three, longer than any backtick or tilde run in it.
export function fenceFor(text: string): string {
  return '`'.repeat(Math.max(3, longestRun(text, '`') + 1, longestRun(text, '~') + 1))
}

// `text` as a fenced block with this info string, one line per array entry.
export function fencedLines(info: string, text: string): string[] {
  const fence = fenceFor(text)
  return [fence + info, ...(text === '' ? [] : text.split('\n')), fence]
}
