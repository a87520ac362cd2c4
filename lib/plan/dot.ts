// The plan as a Graphviz digraph (`runbook plan FILE --format dot | dot -Tsvg`).
import type {Plan} from '../graph.js'

// Edges point from a step to the steps that need it, in run order.
export function renderDot(plan: Plan): string {
  const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
  const lines = ['digraph runbook {', '  rankdir=TB;', '  node [shape=box, fontname="Helvetica"];']
  for (const node of plan.nodes) {
    const shape = node.kind === 'table' ? ', shape=parallelogram' : node.step?.options.background ? ', style=rounded' : ''
    lines.push(`  ${quote(node.id)} [label=${quote(`${node.id}\n${node.kind === 'table' ? 'check table' : node.runner} · line ${node.line}`)}${shape}];`)
  }
  for (const node of plan.nodes) for (const need of node.needs) lines.push(`  ${quote(need)} -> ${quote(node.id)};`)
  lines.push('}')
  return `${lines.join('\n')}\n`
}
