// `unknown-dependency`: A `needs=` names no step of the runbook.
import {defineRule} from '../define-rule.js'
import {reportDiagnostics} from '../from-diagnostics.js'

// A `needs=` names no step of the runbook.
export const unknownDependency = defineRule(
  {id: 'unknown-dependency', severity: 'error', description: 'A `needs=` names no step of the runbook'},
  (runbook, context) => reportDiagnostics(runbook, context, 'plan', ['unknown-dependency']),
)
