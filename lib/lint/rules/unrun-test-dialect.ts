// `unrun-test-dialect`: tests of another docs-as-tests tool that a run leaves out: txm's
// `<!-- !test only -->` makes runbook (like txm) skip every other test of the file, which is a
// focus aid while editing and a silent gap once committed.
import {defineRule} from '../define-rule.js'

const onlyComment = /<!--\s*!test\s+only\b[^>]*-->/g

// Say once, at the first `!test only`, that the file's other txm tests will not run.
export const unrunTestDialect = defineRule(
  {id: 'unrun-test-dialect', severity: 'warning', description: "txm's `<!-- !test only -->`, which skips the file's other tests", scope: 'any'},
  (runbook, context) => {
    if (!runbook.source.includes('!test')) return
    const found = [...runbook.source.matchAll(onlyComment)]
    const first = found[0]
    if (!first) return
    context.report(
      `${found.length} txm \`<!-- !test only -->\` comment${found.length === 1 ? '' : 's'}: every other txm test of this file is skipped, by runbook as by txm; remove it before committing, or focus with \`runbook run FILE --only ID,...\``,
      {start: first.index, end: first.index + first[0].length},
    )
  },
)
