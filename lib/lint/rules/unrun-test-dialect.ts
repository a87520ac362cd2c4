// `unrun-test-dialect`: a document written for another docs-as-tests tool whose tests runbook
// would not run (txm's `<!-- !test … -->` comments), so a user does not take silence for a pass.
import {defineRule} from '../define-rule.js'

const txmComment = /<!--\s*!test\s+(program|in|out|err|exit|check|only)\b[^>]*-->/g

// Say once, at the first such comment, that these tests are not run here.
export const unrunTestDialect = defineRule(
  {id: 'unrun-test-dialect', severity: 'warning', description: "Tests of another tool (txm's `<!-- !test -->` comments) that runbook does not run", scope: 'any'},
  (runbook, context) => {
    if (!runbook.source.includes('!test')) return
    const found = [...runbook.source.matchAll(txmComment)]
    const first = found[0]
    if (!first) return
    context.report(
      `${found.length} txm test comment${found.length === 1 ? '' : 's'} (\`<!-- !test ${first[1]} … -->\`): runbook does not run txm tests; run them with txm, or write them as \`console\` transcripts`,
      {start: first.index, end: first.index + first[0].length},
    )
  },
)
