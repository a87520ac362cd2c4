// Text edits on the original source, applied bottom-up: the tree is never re-serialised.

// Replace source[start, end) with text (start === end inserts).
export interface Edit {
  start: number
  end: number
  text: string
}

// Apply edits to `source`. They are chosen last first (an edit overlapping one already chosen is
// dropped; of two inserts at one offset, the later in `edits` ends up first), then the kept slices
// are joined once, so the cost is linear in the size of the file whatever the number of edits.
export function applyEdits(source: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return source
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end)
  const chosen: Edit[] = []
  let floor = Infinity
  for (const edit of sorted) {
    if (edit.end > floor) continue
    chosen.push(edit)
    floor = edit.start
  }
  const parts: string[] = []
  let at = 0
  for (let index = chosen.length - 1; index >= 0; index--) {
    const edit = chosen[index]!
    parts.push(source.slice(at, edit.start), edit.text)
    at = edit.end
  }
  parts.push(source.slice(at))
  return parts.join('')
}
