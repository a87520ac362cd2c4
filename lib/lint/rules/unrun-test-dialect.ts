// `unrun-test-dialect`: tests of another docs-as-tests tool that runbook reads but would not run as
// written: txm's `<!-- !test only -->`, which runbook ignores (it runs every txm test), so a user
// does not take a full run for the focused one they asked for.
import {defineRule} from '../define-rule.js'

const onlyComment = /<!--\s*!test\s+only\b[^>]*-->/g

// Say once, at the first `!test only`, that runbook runs every test anyway.
export const unrunTestDialect = defineRule(
  {id: 'unrun-test-dialect', severity: 'warning', description: "txm's `<!-- !test only -->`, which runbook does not honour (it runs every test)", scope: 'any'},
  (runbook, context) => {
    if (!runbook.source.includes('!test')) return
    const found = [...runbook.source.matchAll(onlyComment)]
    const first = found[0]
    if (!first) return
    context.report(
      `${found.length} txm \`<!-- !test only -->\` comment${found.length === 1 ? '' : 's'}: runbook runs every txm test of the file, not only the marked ones; use \`runbook run FILE --only ID,...\` to focus`,
      {start: first.index, end: first.index + first[0].length},
    )
  },
)
