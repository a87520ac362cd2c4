// `kube-target-without-context`: a `kube` target that does not name its context.
import {defineRule} from '../define-rule.js'

// Without a context the steps would act on whatever context happens to be current: the very
// accident a kube target exists to prevent. The run refuses it too, before the step.
export const kubeTargetWithoutContext = defineRule(
  {id: 'kube-target-without-context', severity: 'error', description: 'A `kube` target without a `context`'},
  (runbook, context) => {
    for (const target of Object.values(runbook.frontMatter?.targets ?? {})) {
      if (target.kind !== 'kube' || (target.context ?? '') !== '') continue
      context.report(`Target \`${target.name}\` is a kube target without a context: name one (\`kube: {context: NAME}\`) so its steps never act on whatever context is current`, {
        line: target.line,
        column: target.column,
        offset: target.offset,
      })
    }
  },
)
