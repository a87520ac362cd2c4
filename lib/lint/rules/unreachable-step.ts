// `unreachable-step`: a step that `needs` a skipped step (directly or through others) never runs.
import {defineRule} from '../define-rule.js'

// A dependency on a step that never runs blocks the dependant for good; the author meant something else.
export const unreachableStep = defineRule(
  {id: 'unreachable-step', severity: 'warning', description: 'A step that `needs` a skipped step, so it can never run'},
  (runbook, context) => {
    const skipped = new Set<string>()
    for (const step of runbook.steps) if (step.options.skip) skipped.add(step.id)
    for (const table of runbook.tables) if (table.options.skip) skipped.add(table.id)
    if (skipped.size === 0) return
    const blocked = new Map<string, string>()
    const nodes = [...runbook.steps, ...runbook.tables].sort((a, b) => a.span.start.offset - b.span.start.offset)
    for (const node of nodes) {
      if (skipped.has(node.id) || !node.needs) continue
      const cause = node.needs.find((id) => skipped.has(id) || blocked.has(id))
      if (cause === undefined) continue
      blocked.set(node.id, cause)
      const attribute = node.attributes.find((a) => a.key === 'needs')
      const via = skipped.has(cause) ? `\`${cause}\`, which is \`skip\`` : `\`${cause}\`, which can never run`
      context.report(`Step \`${node.id}\` needs ${via}, so it never runs`, attribute?.span ?? node.span.start)
    }
  },
)
