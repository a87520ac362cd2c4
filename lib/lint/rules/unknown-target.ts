// `unknown-target`: a step's `on=` (or the front matter's `target:`) names no target.
import {suggest} from '../../parse/suggest.js'
import {defineRule} from '../define-rule.js'

// The step would fail when it is reached; usually a typo or a target renamed in the front matter.
export const unknownTarget = defineRule(
  {id: 'unknown-target', severity: 'error', description: 'A step’s `on=` or the front matter’s `target:` names no target'},
  (runbook, context) => {
    const targets = runbook.frontMatter?.targets ?? {}
    const known = ['local', ...Object.keys(targets)]
    const message = (name: string) => {
      const hint = suggest(name, known)
      return `No target \`${name}\`: the front matter defines ${known.map((k) => `\`${k}\``).join(', ')}${hint ? ` (did you mean \`${hint}\`?)` : ''}`
    }
    const fallback = runbook.frontMatter?.target
    if (fallback !== undefined && !known.includes(fallback)) context.report(message(fallback), runbook.frontMatter!.span.start)
    for (const step of runbook.steps) {
      const on = step.options.on
      if (on === undefined || known.includes(on)) continue
      const attribute = step.attributes.find((a) => a.key === 'on')
      context.report(message(on), attribute?.span ?? step.span)
    }
  },
)
