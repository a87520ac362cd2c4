// The plan as aligned text: one node a line, in the order it would run.
import type {Plan} from '../graph.js'
import {nodeFlags} from './flags.js'

// `1. migrate  shell  line 11  needs -  retries=3`, one line per node in topological order.
export function renderText(plan: Plan): string {
  const byId = new Map(plan.nodes.map((node) => [node.id, node]))
  const rows = plan.order.map((id, index) => {
    const node = byId.get(id)!
    return [`${index + 1}.`, node.id, node.kind === 'table' ? 'table' : node.runner, `line ${node.line}`, `needs ${node.needs.join(',') || '-'}`, nodeFlags(node).join(' ')]
  })
  return alignRows(rows)
}

// Pad every column but the last to its widest cell; trailing spaces trimmed.
export function alignRows(rows: string[][]): string {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd() + '\n').join('')
}
