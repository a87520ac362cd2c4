// Text edits on the original source, applied bottom-up: the tree is never re-serialised.

// Replace source[start, end) with text (start === end inserts).
export interface Edit {
  start: number
  end: number
  text: string
}

// Apply edits to `source`, last first; an edit overlapping one already applied is dropped.
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end)
  let out = source
  let floor = Infinity
  for (const edit of sorted) {
    if (edit.end > floor) continue
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
    floor = edit.start
  }
  return out
}
