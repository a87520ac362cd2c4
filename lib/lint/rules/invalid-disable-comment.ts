// `invalid-disable-comment`: a `runbook-lint-…` comment lint cannot follow, which would otherwise
// silently silence nothing (or, before, the wrong thing).
import {defineRule} from '../define-rule.js'
import {directiveNames, readDirectives} from '../disable.js'
import {suggest} from '../../parse/suggest.js'
import {rules} from './index.js'

// A typo in a directive or a rule name must be an error, never a comment that quietly does nothing.
export const invalidDisableComment = defineRule(
  {id: 'invalid-disable-comment', severity: 'error', description: 'a `runbook-lint-` comment with an unknown directive or rule', scope: 'any'},
  (_runbook, context) => {
    const known = rules.map((rule) => rule.meta.id)
    for (const d of readDirectives(context.text)) {
      const place = {start: d.start, end: d.end}
      if (!(directiveNames as readonly string[]).includes(d.name)) {
        const hint = suggest(d.name, directiveNames)
        context.report(
          `Unknown directive \`runbook-lint-${d.name}\`${hint ? `: did you mean \`runbook-lint-${hint}\`?` : ''} (known: ${directiveNames.map((n) => `runbook-lint-${n}`).join(', ')})`,
          place,
        )
        continue
      }
      for (const name of d.rules ?? []) {
        if (known.includes(name)) continue
        const hint = suggest(name, known)
        context.report(`Unknown rule \`${name}\` in \`runbook-lint-${d.name}\`${hint ? `: did you mean \`${hint}\`?` : ''}; write a reason after \` -- \``, place)
      }
    }
  },
)
