// `--dry-run`: the commands as they would run, variables shown resolved, nothing executed.
import {interpolate} from '../interpolate.js'
import type {PlanNode} from '../graph.js'

// The text of a node with `${VAR}` and `$VAR` replaced by their values (for display only).
export function resolvedCommand(node: PlanNode, env: Record<string, string>): string {
  if (node.table) {
    const table = node.table
    return table.rows.map((row) => `${row.method} ${interpolate(table.base ? `${table.base}${row.url}` : row.url, env)}`).join('\n')
  }
  const step = node.step!
  const code = step.runner === 'console' && step.transcript ? step.transcript.map((c) => c.command).join('\n') : step.script ?? step.code
  return interpolate(code, env).replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => env[name] ?? whole)
}
