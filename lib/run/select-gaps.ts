// `--tag` runs only the tagged steps; a tagged step whose `needs` (explicit, or the implicit
// previous step) is left out starts without the state that step would have left. Say so by name.
import type {PlanNode} from '../graph.js'

// One warning per selected step that needs a step this selection leaves out.
export function tagGapWarnings(nodes: PlanNode[], excluded: Map<string, string | undefined>, tags: string[]): Array<{stepId: string; message: string}> {
  if (tags.length === 0) return []
  const warnings: Array<{stepId: string; message: string}> = []
  for (const node of nodes) {
    if (excluded.get(node.id) !== undefined) continue
    const missing = node.needs.filter((need) => excluded.get(need) === 'not selected for this run')
    if (missing.length === 0) continue
    const names = missing.map((id) => `\`${id}\``).join(', ')
    warnings.push({
      stepId: node.id,
      message: `--tag ${tags.join(',')}: needs ${names}, which ${missing.length === 1 ? 'is' : 'are'} not selected, so it starts without ${missing.length === 1 ? 'that step’s' : 'their'} variables and directory; use --target ${node.id} to run what it needs, or needs= on the step if it needs nothing`,
    })
  }
  return warnings
}
