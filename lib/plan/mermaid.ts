// The plan as a Mermaid flowchart that GitHub renders in a ```mermaid block.
import type {Plan} from '../graph.js'

// Labels are quoted and escaped; node names are n0, n1 … so any step id is safe.
export function renderMermaid(plan: Plan): string {
  const names = new Map(plan.nodes.map((node, index) => [node.id, `n${index}`]))
  const escape = (text: string) => text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')
  const lines = ['flowchart TD']
  for (const node of plan.nodes) {
    const label = escape(`${node.id}`) + `<br/>${node.kind === 'table' ? 'check table' : node.runner} · line ${node.line}`
    const shape = node.kind === 'table' ? [`[/"`, `"/]`] : node.step?.options.background ? ['(["', '"])'] : ['["', '"]']
    lines.push(`  ${names.get(node.id)}${shape[0]}${label}${shape[1]}`)
  }
  for (const node of plan.nodes) for (const need of node.needs) lines.push(`  ${names.get(need)} --> ${names.get(node.id)}`)
  return `${lines.join('\n')}\n`
}
