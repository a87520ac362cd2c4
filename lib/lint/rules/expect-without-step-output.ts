// `expect-without-step-output`: an `{expect}` (or `contains=`) on a step whose output is never checked.
import {defineRule} from '../define-rule.js'

// Background services and manual steps produce no output to check, so such an expectation never runs.
export const expectWithoutStepOutput = defineRule(
  {id: 'expect-without-step-output', severity: 'warning', description: 'An `{expect}` block on a `background` or `manual` step, whose output is never checked'},
  (runbook, context) => {
    for (const step of runbook.steps) {
      const kind = step.options.background ? 'background' : step.options.manual ? 'manual' : undefined
      if (!kind) continue
      const why = kind === 'background' ? 'a background step is checked by `ready=`, not by its output' : 'a manual step is done by a person and has no output'
      for (const expectation of step.expectations) {
        context.report(`This expectation of step \`${step.id}\` is never checked: ${why}`, {start: expectation.span.start, end: expectation.span.start})
      }
      if (step.options.contains !== undefined) {
        const attribute = step.attributes.find((a) => a.key === 'contains')
        context.report(`\`contains=\` on step \`${step.id}\` is never checked: ${why}`, attribute?.span ?? step.span.start)
      }
    }
  },
)
