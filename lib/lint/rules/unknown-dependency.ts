// `unknown-dependency`: A `needs=` or a checklist's `check=` names no step of the runbook.
import {defineRule} from '../define-rule.js'
import {reportDiagnostics} from '../from-diagnostics.js'

// A `needs=` (found by the graph) or `check=` (found by the parser) names no step of the runbook.
export const unknownDependency = defineRule(
  {id: 'unknown-dependency', severity: 'error', description: 'A `needs=` or `check=` names no step of the runbook'},
  (runbook, context) => {
    reportDiagnostics(runbook, context, 'parse', ['unknown-dependency'])
    reportDiagnostics(runbook, context, 'plan', ['unknown-dependency'])
  },
)
