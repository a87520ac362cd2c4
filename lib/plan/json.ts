// The plan as JSON for tools: nodes with their needs and flags, the order, and any diagnostics.
import type {Plan} from '../graph.js'
import {nodeFlags} from './flags.js'

// A stable JSON document (no source text, no spans), ending in a newline.
export function renderJson(plan: Plan): string {
  const document = {
    nodes: plan.nodes.map((node) => ({id: node.id, kind: node.kind, runner: node.runner, line: node.line, needs: node.needs, flags: nodeFlags(node)})),
    order: plan.order,
    diagnostics: plan.diagnostics.map((d) => ({ruleId: d.ruleId, severity: d.severity, line: d.start.line, column: d.start.column, message: d.message})),
  }
  return `${JSON.stringify(document, null, 2)}\n`
}
