// A plain line scanner, independent of remark: counts fences, task items and GFM tables in simple Markdown.
export interface MarkdownCounts {
  fences: number
  taskItems: number
  tables: number
}

// Count by lines: fenced blocks (``` or ~~~), task-list items and table delimiter rows outside fences.
export function countMarkdown(text: string): MarkdownCounts {
  const counts: MarkdownCounts = {fences: 0, taskItems: 0, tables: 0}
  let open: {char: string; length: number} | undefined
  let previous = ''
  for (const line of text.split(/\r?\n/)) {
    const fence = /^\s*(`{3,}|~{3,})(.*)$/.exec(line)
    if (open) {
      if (fence && fence[1]![0] === open.char && fence[1]!.length >= open.length && fence[2]!.trim() === '') open = undefined
      previous = line
      continue
    }
    if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      open = {char: fence[1]![0]!, length: fence[1]!.length}
      counts.fences++
    } else if (/^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\](\s|$)/.test(line)) {
      counts.taskItems++
    } else if (/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/.test(line) && previous.includes('|')) {
      counts.tables++
    }
    previous = line
  }
  return counts
}
